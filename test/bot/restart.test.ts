/**
 * A restart in the middle of a flow: a new process (new bot, new store connection, same SQLite
 * file or Redis) continues at the same question, and a button drawn before the restart still works.
 * Checked against the same conversation without a restart.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { MemoryStore, RedisStore, SqliteStore, type ConversationStore } from "../../src/store/index.ts";
import { FakeTelegram } from "../../src/channels/telegram/testing/stand-in.ts";
import { shown, startHarness } from "./harness.ts";

const dir = mkdtempSync(join(tmpdir(), "yidi-restart-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function firstHalf(store: ConversationStore, tg: FakeTelegram, chatId: number) {
  const h = await startHarness({ store, tg });
  await h.text(chatId, "/estimate");
  await h.text(chatId, "苏州");
  await h.press(chatId, "职工医保");
  await h.text(chatId, "上海");
  return h;
}

async function secondHalf(h: Awaited<ReturnType<typeof startHarness>>, chatId: number) {
  await h.press(chatId, "住院");
  await h.press(chatId, 2);
  return shown(h.tg, chatId);
}

const prefix = `restart${Date.now()}:`;
const backends: [string, () => ConversationStore | Promise<ConversationStore>][] = [
  ["sqlite", () => new SqliteStore(join(dir, "bot.sqlite"))],
  ["redis", () => RedisStore.connect(inject("redisUrl"), { prefix })],
];

describe.each(backends)("restart with %s", (name, open) => {
  it("resumes at the same question, old buttons included", async () => {
    const tg = await new FakeTelegram().start();
    const chatId = name === "sqlite" ? 31 : 32;

    // Without a restart, for comparison.
    const control = await firstHalf(new MemoryStore(), tg, 1000 + chatId);
    const expected = await secondHalf(control, 1000 + chatId);
    await control.stop();

    const first = await firstHalf(await open(), tg, chatId);
    const pending = shown(tg, chatId).at(-1)!;
    expect(pending).toContain("住院");
    await first.stop(); // the process goes away; its store connection is closed

    const second = await startHarness({ store: await open(), tg });
    const after = await secondHalf(second, chatId);
    expect(after).toEqual(expected);
    expect(tg.callsOf("answerCallbackQuery").every((c) => c.params.text === undefined)).toBe(true);
    await second.stop();
    await tg.stop();
  });
});
