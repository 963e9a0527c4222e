/**
 * The WeChat Official Account (公众号) endpoint as a fastify plugin: GET answers the platform's
 * server verification, POST takes a message push (plain, or encrypted in 安全模式 / 兼容模式) and
 * answers it passively within the platform's five seconds, or with `success` and the reply
 * later through 客服消息. Register it on the HTTP server when WECHAT_TOKEN is set:
 *
 *   await app.register(wechatPlugin, { config, store, log });
 */
import { randomInt } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Redis } from "ioredis";
import type { Logger } from "../../log.ts";
import { wechatMessages as m } from "../../messages/wechat.ts";
import { StoreUnavailableError, type ConversationStore, type Reply } from "../../conversation/index.ts";
import { fetchAccessToken, sendCustom } from "./api.ts";
import type { WechatConfig } from "./config.ts";
import { storeConversation, type Conversation } from "./conversation.ts";
import { idsFor } from "./ids.ts";
import { actionFor, type Action } from "./inbound.ts";
import { StoreLedger, type LedgerEntry, type Outcome } from "./ledger.ts";
import { renderCustom, renderReplies, textMessage, type CustomMessage } from "./render.ts";
import { DecryptError, decryptMessage, encryptMessage, sameSignature, sign } from "./signature.ts";
import { LocalTokens, SharedTokens, type AccessTokens } from "./tokens.ts";
import { encryptedReplyXml, readEnvelope, readPush, textReplyXml, XmlError, type Push } from "./xml.ts";

// A type, not an interface: the server's plugin list takes options as a plain record.
export type WechatPluginOptions = {
  config: WechatConfig;
  store: ConversationStore;
  log: Logger;
  /** The conversation (defaults to the one over `store`); tests put a slow one here. */
  conversation?: Conversation;
  /**
   * How long a turn may take before the push is answered `success` and the reply goes through
   * 客服消息 instead. The platform waits 5 s; half a second is left for the network.
   */
  replyDeadlineMs?: number;
  /** How far a push's timestamp may be from our clock (seconds). */
  maxSkewSeconds?: number;
  /** Seconds since the epoch (tests move it). */
  now?: () => number;
};

export const REPLY_DEADLINE_MS = 4500;
export const MAX_SKEW_SECONDS = 300;
/** Pushes are small (a text of at most 2,048 bytes, encrypted and Base64'd); a cap stops abuse. */
export const BODY_LIMIT = 64 * 1024;
/**
 * 客服消息 allowed after one message from the person (five within 48 hours; three within a
 * minute after a menu click or subscribe). A reply longer than this many parts is cut short.
 */
export const MAX_CUSTOM_MESSAGES = 3;

type Query = Record<string, string | undefined>;

/** A promise of `value` at `deadline` (ms since the epoch), and its timer to clear when no longer needed. */
function deadlineTimer<T>(deadline: number, value: T): [NodeJS.Timeout, Promise<T>] {
  let timer!: NodeJS.Timeout;
  const promise = new Promise<T>((r) => (timer = setTimeout(r, Math.max(0, deadline - Date.now()), value)));
  timer.unref();
  return [timer, promise];
}

export async function wechatPlugin(app: FastifyInstance, o: WechatPluginOptions): Promise<void> {
  const { config, log } = o;
  const ids = idsFor(config.appSecret);
  const now = o.now ?? (() => Math.floor(Date.now() / 1000));
  const deadlineMs = o.replyDeadlineMs ?? REPLY_DEADLINE_MS;
  const maxSkew = o.maxSkewSeconds ?? MAX_SKEW_SECONDS;
  const conversation = o.conversation ?? storeConversation(o.store);

  const fetchToken = () => fetchAccessToken(config.apiRoot, config.appId, config.appSecret);
  const ledger = new StoreLedger(o.store, Date.now, (e) => log.warn({ err: e, kind: "ledger_write_failed" }, "push outcome not noted"));
  let redis: Redis | undefined;
  let tokens: AccessTokens;
  if (config.redisUrl) {
    redis = new Redis(config.redisUrl, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 2000, connectTimeout: 2000 });
    redis.on("error", () => {});
    await redis.connect();
    tokens = new SharedTokens(redis, `yidi:wx:${config.appId}:`, fetchToken);
  } else {
    tokens = new LocalTokens(fetchToken);
  }

  // Turns of this instance still running, by push: a retry of one waits for it here.
  const running = new Map<string, Promise<Outcome>>();
  // 客服 sends per person, chained so that the parts of a reply arrive in order.
  const queues = new Map<string, Promise<void>>();
  const pending = new Set<Promise<void>>();

  function deliver(openId: string, parts: readonly CustomMessage[]): void {
    if (parts.length === 0) return;
    const who = ids.log(openId);
    const previous = queues.get(openId) ?? Promise.resolve();
    const next = previous.then(async () => {
      for (const message of parts) {
        try {
          await sendCustom(config.apiRoot, tokens, openId, message);
        } catch (e) {
          // A part that cannot go out ends the reply: the ones after it would read out of order.
          log.error({ err: e, wx: who, kind: "custom_send_failed" }, "客服消息 not delivered");
          return;
        }
      }
    });
    queues.set(openId, next);
    pending.add(next);
    void next.finally(() => {
      pending.delete(next);
      if (queues.get(openId) === next) queues.delete(openId);
    });
  }

  /** Caps a reply at what may be sent after one message: the passive one plus the 客服 ones. */
  function capped<T>(parts: T[], passive: boolean, truncated: T): T[] {
    const limit = MAX_CUSTOM_MESSAGES + (passive ? 1 : 0);
    return parts.length <= limit ? parts : [...parts.slice(0, limit - 1), truncated];
  }

  /** The turn's replies, or null when there is nothing to say (answered `success`). */
  async function runTurn(push: Push, action: Extract<Action, { kind: "turn" | "forget" }>, chatId: string): Promise<Reply[] | null> {
    const outcome = await conversation(chatId, action.kind === "forget" ? { type: "command", name: "forget" } : action.input);
    if (outcome.kind === "erased") {
      await ledger.forget(chatId);
      log.info({ wx: ids.log(push.fromUserName), kind: "forget" }, "chat forgotten");
      return action.kind === "turn" || action.reply ? [{ text: m.forgotten }] : null;
    }
    if (outcome.kind === "forgotten" || action.kind === "forget") return null;
    return action.prefix ? [{ text: action.prefix }, ...outcome.replies] : outcome.replies;
  }

  /** The passive reply's content for a push that changes state, or null for `success`. */
  async function stateful(push: Push, action: Extract<Action, { kind: "turn" | "forget" }>, arrived: number): Promise<string | null> {
    const chatId = ids.chat(push.fromUserName);
    const key = ids.push(push.msgId ? `m:${push.msgId}` : `e:${push.fromUserName}:${push.createTime}:${push.event ?? push.msgType}`);
    const deadline = arrived + deadlineMs;
    const mine = running.get(key);
    if (mine) return contentOf(await waitFor(mine, deadline));
    let known: LedgerEntry | null;
    try {
      known = await ledger.claim(chatId, key);
    } catch (e) {
      log.error({ err: e, wx: ids.log(push.fromUserName), kind: "store_down" }, "push ledger unavailable");
      return e instanceof StoreUnavailableError ? m.storeDown : m.apology;
    }
    if (known) {
      log.info({ wx: ids.log(push.fromUserName), kind: "duplicate_push", state: known.kind }, "push seen before");
      if (known.kind === "running") return contentOf(await pollLedger(chatId, key, deadline));
      return known.kind === "done" ? m.alreadyApplied : contentOf(known);
    }
    // Ours to run. It resolves with the outcome the retries get; the turn itself goes on after a miss.
    let late = false;
    let settle!: (o: Outcome) => void;
    const outcome = new Promise<Outcome>((r) => (settle = r));
    running.set(key, outcome);
    const turn = runTurn(push, action, chatId);
    // The outcome is for retries; failing to write it must not turn a reply into an apology.
    const finish = (o: Outcome) => ledger.finish(chatId, key, o).catch((e) => log.warn({ err: e, kind: "ledger_write_failed" }, "push outcome not noted"));
    const [timer, lateness] = deadlineTimer<"late">(deadline, "late");
    try {
      const first = await Promise.race([turn, lateness]);
      if (first === "late") {
        late = true;
        // Written now: the platform's retry is due in half a second.
        await finish({ kind: "async" });
        settle({ kind: "async" });
        log.info({ wx: ids.log(push.fromUserName), kind: "slow_turn" }, "turn missed the passive reply; answering through 客服消息");
        // Everything goes through 客服消息 now: the choices can be clickable (msgmenu).
        const after = turn.then(
          (replies) => deliver(push.fromUserName, replies ? capped(renderCustom(replies), false, textMessage(m.truncated)) : []),
          (e) => {
            log.error({ err: e, wx: ids.log(push.fromUserName), kind: "turn_failed" }, "slow turn failed");
            deliver(push.fromUserName, [textMessage(e instanceof StoreUnavailableError ? m.storeDown : m.apology)]);
          },
        );
        // Shutting down waits for it too: the person was told nothing yet.
        pending.add(after);
        void after.finally(() => pending.delete(after));
        return null;
      }
      const parts = first ? capped(renderReplies(first), true, m.truncated) : [];
      // Noted, and written with the person's next push or shortly after (ledger.ts): the reply
      // goes back without waiting for a second write of the ledger.
      if (parts.length === 0) {
        ledger.note(chatId, key, { kind: "async" });
        settle({ kind: "async" });
        return null;
      }
      ledger.note(chatId, key, { kind: "passive", content: parts[0]! });
      settle({ kind: "passive", content: parts[0]! });
      // The rest follows the passive reply through 客服消息, in order.
      if (parts.length > 1) setImmediate(() => deliver(push.fromUserName, parts.slice(1).map(textMessage)));
      return parts[0]!;
    } catch (e) {
      if (late) throw e;
      // Nothing was changed (the compare-and-set did not happen): a retry may run it again.
      await ledger.release(chatId, key).catch(() => {});
      const content = e instanceof StoreUnavailableError ? m.storeDown : m.apology;
      settle({ kind: "passive", content });
      log.error({ err: e, wx: ids.log(push.fromUserName), kind: e instanceof StoreUnavailableError ? "store_down" : "turn_failed" }, "turn failed");
      return content;
    } finally {
      // Not left to run out: at a thousand pushes a second, thousands of pending timers would
      // sit in the timer lists and keep their promises alive.
      clearTimeout(timer);
      running.delete(key);
    }
  }

  async function waitFor(outcome: Promise<Outcome>, deadline: number): Promise<Outcome> {
    const [timer, lateness] = deadlineTimer<Outcome>(deadline, { kind: "async" });
    try {
      return await Promise.race([outcome, lateness]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Another instance runs this push: its outcome, or `success` if it is not known in time. */
  async function pollLedger(chatId: string, key: string, deadline: number): Promise<Outcome> {
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 25));
      const entry = await ledger.get(chatId, key).catch(() => null);
      if (entry?.kind === "passive" || entry?.kind === "async") return entry;
      if (entry?.kind === "done") return { kind: "passive", content: m.alreadyApplied };
    }
    return { kind: "async" };
  }

  const contentOf = (o: Outcome) => (o.kind === "passive" ? o.content : null);

  // ------------------------------------------------------------------ HTTP

  /** The push's signature and timestamp; false (and a log line without any identity) when wrong. */
  function authentic(q: Query, path: "verify" | "push"): boolean {
    const { timestamp, nonce, signature } = q;
    if (!timestamp || !nonce || !signature || !/^\d{1,12}$/.test(timestamp) || nonce.length > 64) {
      log.warn({ kind: "bad_signature", path }, "WeChat call without a valid signature");
      return false;
    }
    if (!sameSignature(signature, sign(config.token, timestamp, nonce))) {
      log.warn({ kind: "bad_signature", path }, "WeChat call with a wrong signature");
      return false;
    }
    if (Math.abs(now() - Number(timestamp)) > maxSkew) {
      log.warn({ kind: "stale_timestamp", path, skew: now() - Number(timestamp) }, "WeChat call with a stale timestamp");
      return false;
    }
    return true;
  }

  // Inside this plugin's context only: the body is taken as it comes (the platform posts XML,
  // not always with the same Content-Type), whatever parsers the server has for its other routes.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string", bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
  // The platform pushes everyone's messages from a few addresses: a per-address limit would
  // throttle all users at once. Pushes are authenticated by signature instead.
  const route = { config: { rateLimit: false as const } };

  app.get(config.path, route, async (req: FastifyRequest, reply: FastifyReply) => {
    const q = req.query as Query;
    if (!authentic(q, "verify") || typeof q.echostr !== "string") return reply.code(403).type("text/plain").send("forbidden");
    return reply.type("text/plain; charset=utf-8").send(q.echostr);
  });

  app.post(config.path, route, async (req: FastifyRequest, reply: FastifyReply) => {
    const arrived = Date.now();
    const q = req.query as Query;
    if (!authentic(q, "push")) return reply.code(403).type("text/plain").send("forbidden");
    const body = typeof req.body === "string" ? req.body : "";
    const encrypted = q.encrypt_type === "aes";
    let push: Push;
    try {
      let xml = body;
      if (encrypted) {
        if (!config.aesKey) {
          log.error({ kind: "no_aes_key" }, "encrypted push but WECHAT_AES_KEY is not set");
          return reply.code(500).type("text/plain").send("");
        }
        const envelope = readEnvelope(body);
        if (!envelope || !sameSignature(q.msg_signature, sign(config.token, q.timestamp!, q.nonce!, envelope))) {
          log.warn({ kind: "bad_msg_signature" }, "encrypted push with a wrong msg_signature");
          return reply.code(403).type("text/plain").send("forbidden");
        }
        xml = decryptMessage(config.aesKey, envelope, config.appId);
      }
      push = readPush(xml);
    } catch (e) {
      if (e instanceof DecryptError) {
        log.warn({ kind: "decrypt_failed", why: e.message }, "encrypted push could not be decrypted");
        return reply.code(403).type("text/plain").send("forbidden");
      }
      if (e instanceof XmlError) {
        log.warn({ kind: "bad_xml", why: e.message }, "push is not the XML expected");
        return reply.code(400).type("text/plain").send("bad request");
      }
      throw e;
    }

    const action = actionFor(push);
    let content: string | null;
    if (action.kind === "none") content = null;
    else if (action.kind === "fixed") content = action.text;
    else content = await stateful(push, action, arrived);
    if (content === null) return reply.type("text/plain").send("success");

    const plain = textReplyXml(push.fromUserName, push.toUserName, content, now());
    if (!encrypted || !config.aesKey) return reply.type("application/xml; charset=utf-8").send(plain);
    const timestamp = String(now());
    const nonce = String(randomInt(1e9, 1e10));
    const sealed = encryptMessage(config.aesKey, plain, config.appId);
    return reply.type("application/xml; charset=utf-8").send(encryptedReplyXml(sealed, sign(config.token, timestamp, nonce, sealed), timestamp, nonce));
  });

  app.addHook("onClose", async () => {
    // Replies already promised go out before the connection to Redis closes.
    while (pending.size > 0) await Promise.allSettled([...pending]);
    // Outcomes not yet written go to the store, for retries that reach another instance.
    await ledger.flush();
    if (redis) await redis.quit().catch(() => redis!.disconnect());
  });
}
