/**
 * The platform's signatures and message encryption ("消息加解密说明"). The scheme is the one
 * WeCom uses too (receiver id = the 公众号's appid), so the maintained `@wecom/crypto` does the
 * SHA1 and AES-256-CBC; around it we add what it leaves out: a constant-time comparison, a
 * sanity check of the decrypted length, and the appid check.
 */
import { timingSafeEqual, randomBytes } from "node:crypto";
import { decrypt as wecomDecrypt, encrypt as wecomEncrypt, getSignature } from "@wecom/crypto";

/**
 * SHA1 of the sorted, concatenated parts. For the plain signature the fourth part is "": it
 * sorts first and adds nothing, which gives exactly sort(token, timestamp, nonce).
 */
export function sign(token: string, timestamp: string, nonce: string, encrypted = ""): string {
  return getSignature(token, timestamp, nonce, encrypted);
}

export function sameSignature(given: unknown, expected: string): boolean {
  if (typeof given !== "string" || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given.toLowerCase()), Buffer.from(expected));
}

export class DecryptError extends Error {
  override readonly name = "DecryptError";
}

/** The plaintext XML of an <Encrypt> value; throws DecryptError when it is not ours. */
export function decryptMessage(aesKey: string, encrypted: string, appId: string): string {
  let out: { message: string; id: string };
  try {
    // Base64 of AES blocks: a multiple of 32 bytes after padding, at least random + length.
    const bytes = Buffer.from(encrypted, "base64");
    if (bytes.length < 32 || bytes.length % 16 !== 0) throw new DecryptError("ciphertext has a wrong length");
    out = wecomDecrypt(aesKey, encrypted);
  } catch (e) {
    throw e instanceof DecryptError ? e : new DecryptError("could not decrypt");
  }
  // A wrong key or forged length yields garbage; the trailing appid is what proves it is ours.
  if (out.id !== appId) throw new DecryptError("appid does not match");
  return out.message;
}

/** <Encrypt> for a reply: random(16) + length + message + appid, AES-256-CBC, Base64. */
export function encryptMessage(aesKey: string, message: string, appId: string, random: Buffer = randomBytes(16)): string {
  return wecomEncrypt(aesKey, message, appId, random);
}
