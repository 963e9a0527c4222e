/**
 * Forged button presses: callback data is written by the client, and anyone can read the
 * conversation version from their own buttons. Generated payloads — every property name of
 * Object.prototype in each place a name is read, and random ones — must neither end the
 * process (an uncaught exception fails this run) nor change the conversation.
 */
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { Answers } from "../../flows/answers.ts";
import { startApp, type App } from "../../src/channels/telegram/app.ts";
import { MemoryStore } from "../../src/store/index.ts";
import { BOT_INFO, FakeTelegram, updates } from "../../src/channels/telegram/testing/stand-in.ts";
import { captureLog, shown, startHarness, testConfig, type Harness } from "./harness.ts";

const PROTO_NAMES = Object.getOwnPropertyNames(Object.prototype);
const PLAIN_IDS = new Set(["cancel", "restart", "help", "back", "next", "all", "chg"]);

/** Names a payload may carry where a slot, a flow or a code is read: never a real slot. */
const name = fc.oneof(fc.constantFrom(...PROTO_NAMES), fc.string({ minLength: 1, maxLength: 12 })).filter((s) => !Object.hasOwn(Answers.shape, s) && !s.includes("|"));
const value = fc.oneof(fc.constantFrom(...PROTO_NAMES, "x", "?", "1", "-1", "1e400", "NaN"), fc.string({ maxLength: 10 }));

/** A choice id: a forged slot or value in every prefix, or free text. */
const choiceId = fc.oneof(
  fc.tuple(name, value).map(([n, v]) => `v:${n}:${v}`),
  fc.tuple(fc.constantFrom("category", "level", "scheme", "insured"), fc.constantFrom(...PROTO_NAMES)).map(([n, v]) => `v:${n}:${v}`),
  name.map((n) => `c:${n}`),
  name.map((n) => `go:${n}`),
  name.map((n) => `p:${n}`),
  name,
  fc.string({ maxLength: 60 }),
);

/**
 * Whole callback data for the chat's version at the time of the press (read just before it):
 * mostly well-formed, so that the choice id is read, some malformed.
 */
function payloads(count: number, seed: number): ((version: number) => string)[] {
  const at = (id: string) => (version: number) => `1|${version.toString(36)}|${id}`;
  const data = fc.oneof(
    { weight: 6, arbitrary: choiceId.map(at) },
    { weight: 1, arbitrary: fc.string({ maxLength: 80 }).map((s) => () => s) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 4 }), choiceId).map(([f, id]) => (version: number) => `${f}|${version.toString(36)}|${id}`) },
  );
  const generated = fc.sample(data, { numRuns: count, seed }).filter((d) => !PLAIN_IDS.has(d(1).split("|")[2] ?? ""));
  const fixed = PROTO_NAMES.flatMap((n) => [`v:${n}:x`, `v:${n}:${n}`, `c:${n}`, `go:${n}`, `p:${n}`, n, `v:category:${n}`].map(at));
  return [...fixed, ...generated];
}

/** What a press must not change: where the flow is and what was answered. */
async function stateOf(store: MemoryStore, chatId: number): Promise<unknown> {
  const entry = await store.get(String(chatId));
  const conversation = JSON.parse(JSON.parse(entry!.value).c);
  const ctx = conversation.snapshot.context;
  return { value: conversation.snapshot.value, flow: ctx.flow?.v, answers: ctx.flow?.c.a, kept: ctx.kept };
}

const PER_MODE = 1_000;

let h: Harness | undefined;
let app: App | undefined;
let tg: FakeTelegram | undefined;
afterEach(async () => {
  await h?.stop();
  await app?.stop();
  await tg?.stop();
  h = app = tg = undefined;
});

describe("forged button presses", () => {
  it(`webhook: ${PER_MODE}+ generated payloads, each answered, none changes the conversation`, { timeout: 120_000 }, async () => {
    const store = new MemoryStore();
    h = await startHarness({ store, config: { rateLimit: { limit: 100_000, windowMs: 10_000 } } });
    const chat = 71;
    await h.text(chat, "/estimate");
    await h.text(chat, "苏州");
    const before = await stateOf(store, chat);
    const list = payloads(PER_MODE, 12);
    expect(list.length).toBeGreaterThanOrEqual(PER_MODE);
    let accepted = 0;
    for (const data of list) {
      const version = (await store.get(String(chat)))!.version;
      const status = await h.post(updates.press(chat, data(version), 5));
      if (status === 200) accepted++;
      expect(await stateOf(store, chat)).toEqual(before);
    }
    expect(accepted).toBe(list.length);
    // Every press was acknowledged, and the conversation still answers normally.
    expect(h.tg.callsOf("answerCallbackQuery").length).toBe(list.length);
    await h.text(chat, "北京");
    expect(shown(h.tg, chat).at(-1)).toContain("职工医保还是居民医保");
  });

  it(`polling: ${PER_MODE}+ generated payloads, each answered, none changes the conversation`, { timeout: 120_000 }, async () => {
    tg = await new FakeTelegram().start();
    const store = new MemoryStore();
    const { log, lines } = captureLog();
    app = await startApp({ config: testConfig(tg, { webhook: undefined, rateLimit: { limit: 100_000, windowMs: 10_000 } }), log, store, botInfo: BOT_INFO });
    const chat = 72;
    tg.push(updates.text(chat, "/estimate"));
    tg.push(updates.text(chat, "苏州"));
    await tg.waitFor(() => tg!.callsOf("sendMessage", chat).length >= 2);
    const before = await stateOf(store, chat);
    const list = payloads(PER_MODE, 13);
    for (const [i, data] of list.entries()) {
      const version = (await store.get(String(chat)))!.version;
      tg.push(updates.press(chat, data(version), 5));
      await tg.waitFor(() => tg!.callsOf("answerCallbackQuery").length > i);
      expect(await stateOf(store, chat)).toEqual(before);
    }
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    tg.push(updates.text(chat, "北京"));
    await tg.waitFor(() => shown(tg!, chat).some((t) => t.includes("职工医保还是居民医保")), 20_000);
  });
});
