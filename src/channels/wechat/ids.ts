/**
 * Keyed hashes of an openid, one per use, so that neither the logs nor the store hold it in
 * clear and a log line cannot be joined to a stored conversation. The key is the AppSecret,
 * which the operator keeps secret anyway; resetting it starts everyone's conversation afresh
 * (they expire after 30 days idle regardless). The openid itself is only ever needed to answer,
 * and every push carries it again.
 */
import { createHmac, createSecretKey, type KeyObject } from "node:crypto";
import { BoundedMap } from "../../util/bounded-map.ts";

function keyed(key: KeyObject, purpose: string, value: string): string {
  return createHmac("sha256", key).update(`${purpose}\0${value}`).digest("base64url");
}

export interface Ids {
  /** The conversation's key in the shared store (prefixed so it never meets another channel's). */
  chat(openId: string): string;
  /** A short pseudonym for log lines: enough to follow one person's turns, nothing more. */
  log(openId: string): string;
  /** The dedup key of a push (it holds the openid for events). */
  push(key: string): string;
}

/**
 * Chat keys worked out lately, kept so that a person's next message needs no hash: far more
 * people than write at once; only in memory, where their openids pass anyway.
 */
const RECENT_CHATS = 4096;

export function idsFor(appSecret: string): Ids {
  // Made once: an HMAC from a string key prepares the key again on every call.
  const key = createSecretKey(Buffer.from(appSecret, "utf8"));
  const chats = new BoundedMap<string, string>(RECENT_CHATS);
  return {
    chat: (openId) => {
      let id = chats.get(openId);
      if (id === undefined) {
        id = `wx:${keyed(key, "chat", openId).slice(0, 32)}`;
        chats.set(openId, id);
      }
      return id;
    },
    log: (openId) => keyed(key, "log", openId).slice(0, 12),
    push: (value) => keyed(key, "push", value).slice(0, 32),
  };
}
