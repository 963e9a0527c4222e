/** The form token: an HMAC of the session id under the server's secret, the same however often it is asked for. */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Csrf, newId } from "../../src/channels/web/session.ts";

const hmac = (secret: string, id: string) => createHmac("sha256", secret).update(id).digest("base64url").slice(0, 32);

describe("CSRF tokens", () => {
  it("are the HMAC of the session under the secret, before and after thousands of other sessions", () => {
    const csrf = new Csrf("s3cret");
    const id = newId();
    expect(csrf.token(id)).toBe(hmac("s3cret", id));
    for (let i = 0; i < 5000; i++) csrf.token(newId());
    expect(csrf.token(id)).toBe(hmac("s3cret", id));
    expect(csrf.check(id, hmac("s3cret", id))).toBe(true);
  });

  it("belong to one session and one secret", () => {
    const a = new Csrf("one");
    const b = new Csrf("two");
    const [x, y] = [newId(), newId()];
    expect(a.check(x, a.token(x))).toBe(true);
    expect(a.check(y, a.token(x))).toBe(false);
    expect(b.check(x, a.token(x))).toBe(false);
    expect(a.check(x, undefined)).toBe(false);
    expect(a.check(x, a.token(x).slice(0, 31))).toBe(false);
    // A token of the right length wrong in one place, first or last, is refused as well.
    const t = a.token(x);
    const flip = (c: string) => (c === "A" ? "B" : "A");
    expect(a.check(x, flip(t[0]!) + t.slice(1))).toBe(false);
    expect(a.check(x, t.slice(0, 31) + flip(t[31]!))).toBe(false);
    expect(a.check(x, `${t}`)).toBe(true);
  });
});
