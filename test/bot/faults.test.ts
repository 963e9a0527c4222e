/** Faults inside the bot: a throwing handler, a flood, a store that goes down and comes back, long replies. */
import { afterEach, describe, expect, it } from "vitest";
import { handleMessage } from "../../src/conversation/index.ts";
import { botMessages as m } from "../../src/messages/bot.ts";
import { MemoryStore, RedisStore } from "../../src/store/index.ts";
import type { Step } from "../../src/conversation/index.ts";
import { MAX_MESSAGE_CHARS } from "../../src/channels/telegram/render.ts";
import { startRedisServer } from "../../src/store/testing/redis-server.ts";
import { shown, startHarness, type Harness } from "./harness.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe("faults", () => {
  it("an exception inside the handler: apology to the user, a log line, and the state as it was", async () => {
    const store = new MemoryStore();
    const failing: Step = (stored, input, now) => {
      if (input.type === "text" && input.text === "boom") throw new Error("kaboom");
      return handleMessage(stored, input, now);
    };
    h = await startHarness({ store, step: failing });
    await h.text(21, "/estimate");
    await h.text(21, "苏州");
    const before = await store.get("21");
    const question = shown(h.tg, 21).at(-1);
    expect(await h.text(21, "boom")).toBe(200);
    expect(shown(h.tg, 21).at(-1)).toBe(m.apology);
    expect(await store.get("21")).toEqual(before);
    expect(h.lines.some((l) => l.kind === "handler_error" && l.level >= 50)).toBe(true);
    // The flow goes on from the same question.
    await h.text(21, "上海");
    expect(shown(h.tg, 21).at(-1)).not.toBe(question);
    expect(shown(h.tg, 21).at(-1)).not.toBe(m.apology);
  });

  it("Telegram refusing a reply's HTML: the same words go out as plain text, no apology", async () => {
    h = await startHarness({ store: new MemoryStore() });
    await h.text(26, "/estimate");
    h.tg.failOnce("sendMessage", 400);
    await h.text(26, "苏州");
    const sends = h.tg.callsOf("sendMessage", 26);
    expect(sends.at(-1)!.params.parse_mode).toBeUndefined();
    expect(String(sends.at(-1)!.params.text)).toContain("职工医保");
    expect(sends.at(-1)!.params.reply_markup).toBeDefined();
    expect(shown(h.tg, 26)).not.toContain(m.apology);
    expect(h.lines.some((l) => l.kind === "html_refused")).toBe(true);
  });

  it("a reply that cannot be delivered after the turn was stored: no 'please send it again', the answer is kept", async () => {
    const store = new MemoryStore();
    h = await startHarness({ store });
    await h.text(27, "/estimate");
    const before = await store.get("27");
    h.tg.failOnce("sendMessage", 400);
    h.tg.failOnce("sendMessage", 400);
    await h.text(27, "苏州");
    expect(shown(h.tg, 27).at(-1)).toBe(m.replyLost);
    expect((await store.get("27"))!.version).toBeGreaterThan(before!.version);
    expect(h.lines.some((l) => l.kind === "reply_lost" && l.level >= 50)).toBe(true);
    // /resume, as the message says, brings the pending question back; 苏州 is not asked again.
    await h.text(27, "/resume");
    expect(shown(h.tg, 27).at(-1)).toMatch(/^您参加的是职工医保/);
  });

  it("a chat that blocked the bot (403): no apology attempted, an info line rather than an error", async () => {
    h = await startHarness({ store: new MemoryStore() });
    h.tg.failOnce("sendMessage", 403);
    expect(await h.text(28, "/start")).toBe(200);
    expect(h.tg.callsOf("sendMessage", 28)).toHaveLength(1);
    expect(h.lines.some((l) => l.kind === "unreachable" && l.level === 30)).toBe(true);
    expect(h.lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it("a flood from one user is deflected with one short notice; other users are unaffected", async () => {
    h = await startHarness({ store: new MemoryStore(), config: { rateLimit: { limit: 3, windowMs: 60_000 } } });
    for (let i = 0; i < 8; i++) await h.text(22, "/help");
    const texts = shown(h.tg, 22);
    expect(texts.filter((t) => t === m.tooFast)).toHaveLength(1);
    const helps = h.tg.callsOf("sendMessage", 22).length - 1;
    expect(helps).toBeLessThanOrEqual(3 * 3);
    await h.text(23, "/start");
    expect(shown(h.tg, 23).at(-1)).toContain("请选一项");
  });

  it("a reply over 4,096 characters is split cleanly, keyboard on the last piece, HTML escaped", async () => {
    const long = Array.from({ length: 120 }, (_, i) => `第 ${i} 段：<医保> & 说明，`.repeat(4)).join("\n\n");
    const step: Step = () => ({ replies: [{ text: long, choices: [{ id: "ok", label: "好" }], sources: ["来源 A"] }], stored: "x" });
    h = await startHarness({ store: new MemoryStore(), step });
    await h.text(24, "hi");
    const sends = h.tg.callsOf("sendMessage", 24);
    expect(sends.length).toBeGreaterThan(1);
    for (const s of sends) {
      const visible = String(s.params.text).replace(/<\/?blockquote[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
      expect(Array.from(visible).length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(String(s.params.text)).not.toMatch(/<医保>/);
    }
    expect(sends.filter((s) => s.params.reply_markup)).toHaveLength(1);
    expect(sends.at(-1)!.params.reply_markup).toBeDefined();
    const joined = sends.map((s) => String(s.params.text)).join("\n\n");
    expect(joined).toContain("第 119 段");
    expect(joined).toContain("来源 A");
  });

  it("Redis down: the user is told to try again later; when it is back the bot carries on", async () => {
    const server = await startRedisServer();
    const store = await RedisStore.connect(server.url);
    h = await startHarness({ store });
    await h.text(25, "/start");
    await server.stop();
    expect(await h.text(25, "/estimate")).toBe(200);
    expect(shown(h.tg, 25).at(-1)).toBe(m.storeDown);
    const health = await fetch(`http://127.0.0.1:${h.app.port}/healthz`);
    expect(health.status).toBe(503);
    expect(h.lines.some((l) => l.kind === "store_down")).toBe(true);
    const back = await startRedisServer(server.port);
    try {
      let healthy = false;
      for (let i = 0; i < 50 && !healthy; i++) {
        healthy = (await fetch(`http://127.0.0.1:${h.app.port}/healthz`)).status === 200;
        if (!healthy) await new Promise((r) => setTimeout(r, 100));
      }
      expect(healthy).toBe(true);
      await h.text(25, "/estimate");
      expect(shown(h.tg, 25).at(-1)).toContain("参保");
    } finally {
      await h.stop();
      h = undefined;
      await back.stop();
    }
  });
});
