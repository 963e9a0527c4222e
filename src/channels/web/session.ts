/**
 * Anonymous sessions for the web chat: a random id in an HttpOnly, SameSite=Lax cookie, no
 * login. The form's CSRF token is an HMAC of that id under the server's secret, so it needs no
 * storage and every instance sharing WEB_SECRET accepts it.
 */
import { createHmac, randomBytes } from "node:crypto";
import { BoundedMap } from "../../util/bounded-map.ts";

export const COOKIE = "yidi_sid";
const ID = /^[A-Za-z0-9_-]{22}$/;
const PREFIX = `${COOKIE}=`;

/** 128 random bits, URL-safe: also the length of a saved summary's link id. */
export function newId(): string {
  return randomBytes(16).toString("base64url");
}

export function isId(value: unknown): value is string {
  return typeof value === "string" && ID.test(value);
}

/** The session id from a Cookie header, when it holds a well-formed one. */
export function sessionFrom(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  // The site sets this one cookie, so a browser sends it alone: then the header needs no split.
  if (cookieHeader.startsWith(PREFIX) && !cookieHeader.includes(";")) {
    const value = cookieHeader.slice(PREFIX.length).trim();
    return isId(value) ? value : undefined;
  }
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === COOKIE) {
      const value = part.slice(eq + 1).trim();
      return isId(value) ? value : undefined;
    }
  }
  return undefined;
}

export function sessionCookie(id: string, maxAgeMs: number, secure: boolean): string {
  return `${COOKIE}=${id}; Path=/; Max-Age=${Math.floor(maxAgeMs / 1000)}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

export function clearedCookie(secure: boolean): string {
  return `${COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** Tokens kept for sessions seen lately: every post checks one and most answers carry it again. */
const TOKENS_KEPT = 4096;

export class Csrf {
  private readonly key: Buffer;
  private readonly recent = new BoundedMap<string, string>(TOKENS_KEPT);
  constructor(secret: string | undefined) {
    // Without a configured secret each process has its own: forms from before a restart are
    // refused once (the page is reloaded), and several instances need WEB_SECRET.
    this.key = secret ? Buffer.from(secret) : randomBytes(32);
  }

  token(session: string): string {
    let token = this.recent.get(session);
    if (token === undefined) {
      token = createHmac("sha256", this.key).update(session).digest("base64url").slice(0, 32);
      this.recent.set(session, token);
    }
    return token;
  }

  check(session: string, given: unknown): boolean {
    if (typeof given !== "string") return false;
    const expected = this.token(session);
    if (given.length !== expected.length) return false;
    // Every character is compared, whatever differs first, so the time taken tells nothing of
    // how much of a forged token was right (as timingSafeEqual, without making two buffers).
    let diff = 0;
    for (let i = 0; i < expected.length; i++) diff |= given.charCodeAt(i) ^ expected.charCodeAt(i);
    return diff === 0;
  }
}
