/**
 * One entrance: the same inputs through every adapter — the terminal, Telegram (its Bot API
 * stand-in), the web chat over HTTP and WeChat (its platform stand-in) — give what `handle`
 * gives, and leave the same conversation stored. Commands with text after them and /forget are
 * decided once, in the conversation, so "/register 苏州" opens registration everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, closeServer, listen, type FastifyInstance } from "../../src/channels/http.ts";
import { FakeTelegram } from "../../src/channels/telegram/testing/stand-in.ts";
import { runScript } from "../../src/channels/terminal.ts";
import { webChat } from "../../src/channels/web/routes.ts";
import { conversationKey } from "../../src/channels/web/transcript.ts";
import { handle, type Reply } from "../../src/conversation/index.ts";
import { MemoryStore, type ConversationStore } from "../../src/store/index.ts";
import { captureLog, startHarness as startTelegram, type Harness as TelegramHarness } from "../bot/harness.ts";
import { conversationKeys, startHarness as startWechat, type Harness as WechatHarness } from "../wechat/harness.ts";

const NOW = new Date();
const STEPS = ["/register 苏州", "上海", "/forget", "/estimate 我在苏州交的职工医保，在上海三甲医院住院花了3万", "2", "/help"];
const FORGET = STEPS.indexOf("/forget");

/** What `handle` itself answers to each step (null: /forget). */
async function reference(): Promise<{ replies: (Reply[] | null)[]; final: unknown }> {
  const store = new MemoryStore();
  const replies: (Reply[] | null)[] = [];
  for (const text of STEPS) {
    const out = await handle("ref", { type: "text", text }, store, { now: () => NOW });
    replies.push(out.kind === "erased" ? null : out.kind === "applied" ? out.replies : []);
  }
  return { replies, final: await conversationIn(store, "ref") };
}

/** The conversation a store keeps for a chat, without its time stamp; null when none. */
async function conversationIn(store: ConversationStore, key: string): Promise<unknown> {
  const entry = await store.get(key);
  return entry ? JSON.parse(JSON.parse(entry.value).c).snapshot : null;
}

/**
 * What a person must see of a reply on any channel: each line of its text (a list item's words:
 * the web draws the "·" as a list), and each choice's words.
 */
function mustSee(replies: Reply[]): string[] {
  const lines = replies.flatMap((r) => r.text.split("\n")).map((l) => l.replace(/^· /, "").trim());
  return [...lines.filter((l) => l !== ""), ...replies.flatMap((r) => (r.choices ?? []).map((c) => c.label))];
}

const visible = (html: string) =>
  html
    .replace(/<[^>]*>/g, "\n")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Each channel: send one message, get back everything the person saw in answer, as plain text. */
interface Channel {
  name: string;
  send(text: string): Promise<string>;
  stored(): Promise<unknown>;
}

async function terminal(): Promise<Channel> {
  const store = new MemoryStore();
  return {
    name: "terminal",
    send: async (text) => {
      const out: string[] = [];
      await runScript([text], (l) => out.push(l), { json: false, store, now: NOW });
      return out.join("\n");
    },
    stored: () => conversationIn(store, "terminal"),
  };
}

async function telegram(tg: FakeTelegram, harnesses: TelegramHarness[]): Promise<Channel> {
  const store = new MemoryStore();
  const h = await startTelegram({ store, tg });
  harnesses.push(h);
  const chat = 4242;
  return {
    name: "telegram",
    send: async (text) => {
      const before = tg.calls.length;
      expect(await h.text(chat, text)).toBe(200);
      const sent = tg.calls.slice(before).filter((c) => c.method === "sendMessage" && Number(c.params.chat_id) === chat && c.result);
      return sent
        .map((c) => {
          const markup = typeof c.params.reply_markup === "string" ? JSON.parse(c.params.reply_markup) : c.params.reply_markup;
          const buttons = ((markup?.inline_keyboard ?? []) as { text: string }[][]).flat().map((b) => b.text);
          return [String(c.result.text), ...buttons].join("\n");
        })
        .join("\n");
    },
    stored: () => conversationIn(store, String(chat)),
  };
}

async function web(servers: FastifyInstance[]): Promise<Channel> {
  const store = new MemoryStore();
  const { log } = captureLog();
  const server = await buildServer({ log, store, plugins: [webChat({ store, log, rateLimit: { limit: 1000, windowMs: 60_000 } })] });
  servers.push(server);
  const base = `http://127.0.0.1:${await listen(server, 0)}`;
  const first = await fetch(`${base}/`);
  const cookie = first.headers.get("set-cookie")!.split(";")[0]!;
  const session = cookie.split("=")[1]!;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await first.text())![1]!;
  return {
    name: "web",
    send: async (text) => {
      const res = await fetch(`${base}/chat`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
        body: new URLSearchParams({ csrf, text }).toString(),
      });
      const body = (await res.json()) as { html: string; choices?: string; notice?: string };
      return [visible(body.html), visible(body.choices ?? ""), body.notice ?? ""].join("\n");
    },
    stored: () => conversationIn(store, conversationKey(session)),
  };
}

async function wechat(harnesses: WechatHarness[]): Promise<Channel> {
  const h = await startWechat();
  harnesses.push(h);
  const who = "oOneEntrance";
  return {
    name: "wechat",
    send: async (text) => {
      const before = h.wx.timeline(who).length;
      const pushed = await h.wx.push({ from: who, type: "text", content: text });
      // Long answers go on as 客服 messages after the passive one: wait until they stop coming.
      let seen = h.wx.timeline(who).length;
      for (let quiet = 0; quiet < 5; ) {
        await new Promise((r) => setTimeout(r, 50));
        const now = h.wx.timeline(who).length;
        quiet = now === seen ? quiet + 1 : 0;
        seen = now;
      }
      expect(pushed.reply).toBeTruthy();
      return h.wx
        .timeline(who)
        .slice(before)
        .filter((s) => s.text !== "success")
        .map((s) => s.text)
        .join("\n");
    },
    stored: async () => {
      const [key] = conversationKeys(h.store);
      return key ? conversationIn(h.store, key) : null;
    },
  };
}

describe("one entrance for every channel", () => {
  const tgHarnesses: TelegramHarness[] = [];
  const wxHarnesses: WechatHarness[] = [];
  const servers: FastifyInstance[] = [];
  let tg: FakeTelegram;
  let channels: Channel[];
  let expected: Awaited<ReturnType<typeof reference>>;

  beforeAll(async () => {
    tg = await new FakeTelegram().start();
    expected = await reference();
    channels = [await terminal(), await telegram(tg, tgHarnesses), await web(servers), await wechat(wxHarnesses)];
  }, 60_000);
  afterAll(async () => {
    for (const h of tgHarnesses) await h.stop();
    for (const h of wxHarnesses) await h.close();
    for (const s of servers) await closeServer(s);
    await tg.stop();
  });

  it("the reference: /register 苏州 opens registration with 苏州 as its first answer, and /forget erases", () => {
    const [opened] = expected.replies;
    expect(opened!.map((r) => r.text).join("\n")).toContain("就医地");
    expect(opened!.map((r) => r.text).join("\n")).not.toContain("没看懂");
    expect(expected.replies[FORGET]).toBeNull();
    expect(expected.final).not.toBeNull();
  });

  it("every channel shows what handle answers, step by step, and keeps the same conversation", async () => {
    for (const [i, text] of STEPS.entries()) {
      for (const channel of channels) {
        const shown = await channel.send(text);
        const want = expected.replies[i] as Reply[] | null;
        if (want === null) {
          // Each channel says in its own words that the record is gone; nothing is kept.
          expect(shown, `${channel.name}: ${text}`).toMatch(/删除/);
          expect(await channel.stored(), `${channel.name}: ${text}`).toBeNull();
          continue;
        }
        for (const line of mustSee(want)) expect(shown, `${channel.name}: ${text}`).toContain(line);
        expect(shown, `${channel.name}: ${text}`).not.toContain("没看懂");
      }
    }
    for (const channel of channels) expect(await channel.stored(), channel.name).toEqual(expected.final);
  }, 120_000);
});
