/** `npm run bot` as a real process: the configuration line, start-up in both modes, clean shutdown. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startProcess } from "../support/start-process.ts";
import { FakeTelegram, updates } from "../../src/channels/telegram/testing/stand-in.ts";
import { botMessages as m } from "../../src/messages/bot.ts";
import { freePort } from "../../src/store/testing/redis-server.ts";

const dir = mkdtempSync(join(tmpdir(), "yidi-entry-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const start = (env: Record<string, string>) => startProcess("src/bot.ts", env);

describe("npm run bot", { timeout: 60_000 }, () => {
  it("without BOT_TOKEN: one clear line on stderr, exit code 1, no stack trace", async () => {
    const p = start({});
    expect(await p.exited).toBe(1);
    const { err, out } = p.output();
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain("BOT_TOKEN");
    expect(err).not.toMatch(/\bat .+:\d+:\d+/);
    expect(out).toBe("");
  });

  it("webhook mode: registers the webhook with its secret, serves /healthz, stops on SIGTERM", async () => {
    const tg = await new FakeTelegram().start();
    const port = await freePort();
    const p = start({
      BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      PORT: String(port),
      HOST: "127.0.0.1",
      SQLITE_PATH: join(dir, "w.sqlite"),
      WEBHOOK_URL: "https://bot.example/tg/abc",
      WEBHOOK_SECRET: "s3cret",
    });
    await p.started();
    expect(tg.callsOf("setWebhook")[0]!.params).toMatchObject({ url: "https://bot.example/tg/abc", secret_token: "s3cret" });
    expect(tg.callsOf("setMyCommands")).toHaveLength(1);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    const res = await fetch(`http://127.0.0.1:${port}/tg/abc`, {
      method: "POST",
      headers: { "x-telegram-bot-api-secret-token": "s3cret", "content-type": "application/json" },
      body: JSON.stringify({ update_id: 1, ...updates.text(61, "/start") }),
    });
    expect(res.status).toBe(200);
    expect(tg.callsOf("sendMessage", 61)).toHaveLength(1);
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
    expect(p.output().out).toContain("bot stopped");
    await tg.stop();
  });

  it("polling mode: another process polling with the token (409) ends it with one clear line and exit code 1, no stack trace", async () => {
    const tg = await new FakeTelegram().start();
    tg.failOnce("getUpdates", 409);
    const p = start({ BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, PORT: "0", HOST: "127.0.0.1", SQLITE_PATH: join(dir, "c.sqlite") });
    expect(await p.exited).toBe(1);
    const { err, out } = p.output();
    expect(err.trim().split("\n")).toEqual([m.polling.conflict]);
    expect(out).toContain("polling_failed");
    expect(out).toContain("bot stopped");
    await tg.stop();
  });

  it("polling mode: takes updates with getUpdates and stops on SIGINT", async () => {
    const tg = await new FakeTelegram().start();
    const p = start({ BOT_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.apiRoot, PORT: "0", HOST: "127.0.0.1", SQLITE_PATH: join(dir, "p.sqlite") });
    await p.started();
    tg.push(updates.text(62, "/help"));
    await tg.waitFor(() => tg.callsOf("sendMessage", 62).length > 0);
    p.child.kill("SIGINT");
    expect(await p.exited).toBe(0);
    await tg.stop();
  });
});
