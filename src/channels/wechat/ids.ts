/**
 * Keyed hashes of an openid, one per use, so that neither the logs nor the store hold it in
 * clear and a log line cannot be joined to a stored conversation. The key is the AppSecret,
 * which the operator keeps secret anyway; resetting it starts everyone's conversation afresh
 * (they expire after 30 days idle regardless). The openid itself is only ever needed to answer,
 * and every push carries it again.
 */
import { createHmac } from "node:crypto";

function keyed(secret: string, purpose: string, value: string): string {
  return createHmac("sha256", secret).update(`${purpose}\0${value}`).digest("base64url");
}

export interface Ids {
  /** The conversation's key in the shared store (prefixed so it never meets another channel's). */
  chat(openId: string): string;
  /** A short pseudonym for log lines: enough to follow one person's turns, nothing more. */
  log(openId: string): string;
  /** The dedup key of a push (it holds the openid for events). */
  push(key: string): string;
}

export function idsFor(appSecret: string): Ids {
  return {
    chat: (openId) => `wx:${keyed(appSecret, "chat", openId).slice(0, 32)}`,
    log: (openId) => keyed(appSecret, "log", openId).slice(0, 12),
    push: (key) => keyed(appSecret, "push", key).slice(0, 32),
  };
}
