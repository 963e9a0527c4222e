/** Long polling with @grammyjs/runner against the stand-in's getUpdates. */
import { describe, expect, it, vi } from "vitest";
import { startApp } from "../../src/channels/telegram/app.ts";
import { MemoryStore } from "../../src/store/index.ts";
import { BOT_INFO, FakeTelegram, updates } from "../../src/channels/telegram/testing/stand-in.ts";
import { captureLog, shown, testConfig } from "./harness.ts";

describe("long polling", () => {
  it("fetches updates, answers them in order per chat, and stops cleanly", async () => {
    const tg = await new FakeTelegram().start();
    const { log } = captureLog();
    const store = new MemoryStore();
    const app = await startApp({ config: testConfig(tg, { webhook: undefined }), log, store, botInfo: BOT_INFO });
    expect(app.mode).toBe("polling");
    expect(tg.callsOf("deleteWebhook")).toHaveLength(1);
    tg.push(updates.text(51, "/estimate"));
    tg.push(updates.text(51, "苏州"));
    tg.push(updates.text(52, "/start"));
    await tg.waitFor(() => tg.callsOf("sendMessage", 51).length >= 2 && tg.callsOf("sendMessage", 52).length >= 1);
    const texts = shown(tg, 51);
    expect(texts[0]).toContain("参保");
    expect(texts[1]).toContain("职工医保还是居民医保");
    // A button press by polling too.
    const markup = tg.callsOf("sendMessage", 51)[1]!.params.reply_markup;
    const button = markup.inline_keyboard[0][0];
    tg.push(updates.press(51, button.callback_data, tg.callsOf("sendMessage", 51)[1]!.result.message_id, markup));
    await tg.waitFor(() => tg.callsOf("answerCallbackQuery").length === 1);
    await tg.waitFor(() => shown(tg, 51).some((t) => t.includes("就医地")));
    await app.stop();
    await tg.stop();
  });

  it("a failing getUpdates is retried and logged as one structured line, not printed to stderr", async () => {
    const tg = await new FakeTelegram().start();
    const { log, lines } = captureLog();
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // A failure the runner retries itself (5xx would first be retried by auto-retry, for seconds).
      tg.failOnce("getUpdates", 400);
      const app = await startApp({ config: testConfig(tg, { webhook: undefined }), log, store: new MemoryStore(), botInfo: BOT_INFO });
      tg.push(updates.text(53, "/start"));
      await tg.waitFor(() => tg.callsOf("sendMessage", 53).length >= 1);
      await app.stop();
      expect(printed).not.toHaveBeenCalled();
      expect(lines.some((l) => l.kind === "polling_error" && l.level === 40)).toBe(true);
    } finally {
      printed.mockRestore();
      await tg.stop();
    }
  });
});
