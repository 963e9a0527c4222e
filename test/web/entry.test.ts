/** `npm run web` and `WEB=1 npm run bot` as real processes: the chat page is served, and they stop cleanly. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startProcess } from "../support/start-process.ts";
import { FakeTelegram } from "../../src/channels/telegram/testing/stand-in.ts";
import { freePort } from "../../src/store/testing/redis-server.ts";
import { webMessages as m } from "../../src/messages/web.ts";

const dir = mkdtempSync(join(tmpdir(), "yidi-web-entry-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const start = startProcess;

async function chatPage(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/`);
  expect(res.status).toBe(200);
  expect(res.headers.get("set-cookie")).toMatch(/^yidi_sid=/);
  return res.text();
}

describe("processes that serve the web chat", { timeout: 90_000 }, () => {
  it("npm run web: no bot token needed; serves the chat and the API; stops on SIGTERM", async () => {
    const port = await freePort();
    const p = start("src/web.ts", { PORT: String(port), HOST: "127.0.0.1", SQLITE_PATH: join(dir, "w.sqlite") });
    await p.until("web chat started");
    expect(await chatPage(port)).toContain(`aria-label="${m.logLabel}"`);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  });

  it("WEB=1 npm run bot: the bot's process serves the chat beside the bot", async () => {
    const tg = await new FakeTelegram().start();
    const port = await freePort();
    const p = start("src/bot.ts", { BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, PORT: String(port), HOST: "127.0.0.1", SQLITE_PATH: join(dir, "b.sqlite"), WEB: "1" });
    try {
      await p.until("bot started");
      expect(await chatPage(port)).toContain(`aria-label="${m.logLabel}"`);
    } finally {
      p.child.kill("SIGINT");
      expect(await p.exited).toBe(0);
      await tg.stop();
    }
  });
});
