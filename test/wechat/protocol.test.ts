/** The platform's protocol: verification, signatures (with the documentation's own example), encryption, refusals. */
import { afterEach, describe, expect, it } from "vitest";
import { decryptMessage, encryptMessage, sign, DecryptError } from "../../src/channels/wechat/signature.ts";
import { standInDecrypt, standInEncrypt } from "../../src/channels/wechat/testing/stand-in.ts";
import { AES_KEY, APPID, startHarness, type Harness } from "./harness.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("signatures and encryption", () => {
  it("matches the documentation's example signature (Token AAAAA)", () => {
    // 消息加解密说明: sort → 1714037059 486452656 AAAAA, concatenated, SHA1.
    expect(sign("AAAAA", "1714037059", "486452656")).toBe("899cf89e464efb63f54ddac96b0a0a235f53aa78");
    expect(sign("AAAAA", "1714037059", "486452657")).not.toBe("899cf89e464efb63f54ddac96b0a0a235f53aa78");
  });

  it("encrypts what the stand-in's independent implementation decrypts, and the other way round", () => {
    const xml = "<xml><Content><![CDATA[你好，异地就医]]></Content></xml>";
    const ours = encryptMessage(AES_KEY, xml, APPID);
    expect(standInDecrypt(AES_KEY, ours)).toEqual({ message: xml, appId: APPID });
    const theirs = standInEncrypt(AES_KEY, xml, APPID);
    expect(decryptMessage(AES_KEY, theirs, APPID)).toBe(xml);
  });

  it("refuses a message sealed for another appid, with another key, or cut short", () => {
    const sealed = standInEncrypt(AES_KEY, "<xml/>", "wxffffffffffffffff");
    expect(() => decryptMessage(AES_KEY, sealed, APPID)).toThrow(DecryptError);
    const otherKey = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxwvut";
    expect(() => decryptMessage(otherKey, standInEncrypt(AES_KEY, "<xml/>", APPID), APPID)).toThrow(DecryptError);
    expect(() => decryptMessage(AES_KEY, standInEncrypt(AES_KEY, "<xml/>", APPID).slice(0, 20), APPID)).toThrow(DecryptError);
  });
});

describe("the endpoint", () => {
  it("answers the server verification with echostr, and refuses a wrong signature", async () => {
    h = await startHarness();
    expect(await h.wx.verify("echo-12345")).toEqual({ status: 200, body: "echo-12345" });
    const wrong = await h.wx.verify("echo-12345", { badSignature: true });
    expect(wrong.status).toBe(403);
    expect(wrong.body).not.toContain("echo-12345");
  });

  it("answers a plaintext push passively with a valid text reply", async () => {
    h = await startHarness({ mode: "plain" });
    const r = await h.wx.push({ from: "oUser1", type: "text", content: "你好" });
    expect(r.attempts).toHaveLength(1);
    expect(r.reply).toContain("异地就医助手");
    expect(h.wx.problems).toEqual([]);
  });

  it.each(["safe", "compat"] as const)("decrypts a %s push and answers it encrypted", async (mode) => {
    h = await startHarness({ mode });
    const r = await h.wx.push({ from: "oUser2", type: "text", content: "备案怎么办" });
    expect(r.attempts).toHaveLength(1);
    expect(r.attempts[0]!.body).toContain("<Encrypt>");
    expect(r.attempts[0]!.body).not.toContain("备案");
    expect(r.reply).toMatch(/参保/);
    expect(h.wx.problems).toEqual([]);
  });

  it("refuses a push with a wrong signature or a stale timestamp, changes nothing and logs no openid", async () => {
    h = await startHarness();
    for (const opts of [{ badSignature: true }, { timestamp: Math.floor(Date.now() / 1000) - 3600 }]) {
      const { url, body } = h.wx.signedPush({ from: "oSecretOpenId", type: "text", content: "我在苏州交的职工医保", msgId: h.wx.nextMsgId() }, Math.floor(Date.now() / 1000), opts);
      const a = await h.wx.post(url, body, 10_000);
      expect(a.status).toBe(403);
    }
    expect(h.logs.join("")).toMatch(/bad_signature/);
    expect(h.logs.join("")).toMatch(/stale_timestamp/);
    expect(h.logs.join("")).not.toContain("oSecretOpenId");
    // Nothing stored for anyone.
    expect((h.store as unknown as { rows: Map<string, unknown> }).rows.size).toBe(0);
  });

  it("refuses an encrypted push whose msg_signature does not match its ciphertext", async () => {
    h = await startHarness({ mode: "safe" });
    const { url, body } = h.wx.signedPush({ from: "oUser3", type: "text", content: "你好", msgId: h.wx.nextMsgId() }, Math.floor(Date.now() / 1000));
    const forged = body.replace(/<Encrypt><!\[CDATA\[(.)/, (_all, c: string) => `<Encrypt><![CDATA[${c === "A" ? "B" : "A"}`);
    const a = await h.wx.post(url, forged, 10_000);
    expect(a.status).toBe(403);
    expect(h.logs.join("")).toMatch(/bad_msg_signature/);
  });

  it("answers an encrypted push with 500 and one log line when WECHAT_AES_KEY is not set", async () => {
    h = await startHarness({ mode: "safe", aesKey: null });
    const { url, body } = h.wx.signedPush({ from: "oUser4", type: "text", content: "你好", msgId: h.wx.nextMsgId() }, Math.floor(Date.now() / 1000));
    const a = await h.wx.post(url, body, 10_000);
    expect(a.status).toBe(500);
    expect(h.logs.join("")).toMatch(/WECHAT_AES_KEY is not set/);
  });

  it("refuses a body that is not the XML of a push", async () => {
    h = await startHarness();
    const { url } = h.wx.signedPush({ from: "oUser5", type: "text", content: "x", msgId: "1" }, Math.floor(Date.now() / 1000));
    expect((await h.wx.post(url, "<xml><Nope/></xml>", 10_000)).status).toBe(400);
    expect((await h.wx.post(url, "{ not xml", 10_000)).status).toBe(400);
  });
});
