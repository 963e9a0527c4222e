/** A fastify server with the WeChat plugin, a stand-in platform pointed at it, and a log to read. */
import Fastify, { type FastifyInstance } from "fastify";
import { Writable } from "node:stream";
import { createLogger } from "../../src/log.ts";
import type { WechatConfig } from "../../src/channels/wechat/config.ts";
import type { Conversation } from "../../src/channels/wechat/conversation.ts";
import { wechatPlugin } from "../../src/channels/wechat/plugin.ts";
import { WechatStandIn, type Mode } from "../../src/channels/wechat/testing/stand-in.ts";
import { MemoryStore, type ConversationStore } from "../../src/store/index.ts";

export const TOKEN = "yidiTestToken";
export const APPID = "wx0123456789abcdef";
export const SECRET = "0123456789abcdef0123456789abcdef";
export const AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

export interface Harness {
  app: FastifyInstance;
  wx: WechatStandIn;
  store: ConversationStore;
  logs: string[];
  url: string;
  close(): Promise<void>;
}

export interface HarnessOptions {
  mode?: Mode;
  store?: ConversationStore;
  conversation?: (store: ConversationStore) => Conversation;
  replyDeadlineMs?: number;
  timeoutsMs?: number[];
  redisUrl?: string;
  /** Another instance: share this stand-in (it then pushes to whichever target is set). */
  wx?: WechatStandIn;
  aesKey?: string | null;
  /** Another account (tests on one Redis keep apart by it). */
  appId?: string;
}

export async function startHarness(o: HarnessOptions = {}): Promise<Harness> {
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const log = createLogger("info", sink);
  const wx = o.wx ?? (await WechatStandIn.start({ token: TOKEN, appId: o.appId ?? APPID, appSecret: SECRET, aesKey: AES_KEY, mode: o.mode ?? "plain", timeoutsMs: o.timeoutsMs }));
  const store = o.store ?? new MemoryStore();
  const config: WechatConfig = {
    token: TOKEN,
    appId: o.appId ?? APPID,
    appSecret: SECRET,
    ...(o.aesKey === null ? {} : { aesKey: o.aesKey ?? AES_KEY }),
    path: "/wechat",
    apiRoot: wx.apiRoot,
    ...(o.redisUrl ? { redisUrl: o.redisUrl } : {}),
  };
  const app = Fastify({ logger: false });
  await app.register(wechatPlugin, { config, store, log, conversation: o.conversation?.(store), replyDeadlineMs: o.replyDeadlineMs });
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const url = `${address}/wechat`;
  if (!o.wx) wx.target = url;
  return {
    app,
    wx,
    store,
    logs,
    url,
    close: async () => {
      await app.close();
      if (!o.wx) await wx.close();
    },
  };
}

/** A conversation held at a gate until the test opens it: a turn as slow as the test wants. */
export function gatedConversation(inner: Conversation): { conversation: Conversation; open(): void; calls(): number; done(): number } {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  let calls = 0;
  let done = 0;
  return {
    conversation: async (chatId, input) => {
      calls++;
      await gate;
      const out = await inner(chatId, input);
      done++;
      return out;
    },
    open,
    calls: () => calls,
    done: () => done,
  };
}

/** A conversation that answers every message with the given replies (for rendering and splitting). */
export function fixedConversation(replies: { text: string; choices?: { id: string; label: string }[] }[]): Conversation {
  return async () => ({ kind: "replies", replies });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The stored conversations (not the push ledger's records beside them) of a MemoryStore. */
export function conversationKeys(store: unknown): string[] {
  return [...(store as { rows: Map<string, unknown> }).rows.keys()].filter((k) => k.startsWith("wx:") && !k.endsWith(":pushes"));
}
