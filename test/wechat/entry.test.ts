/** `npm run bot` with WECHAT_* set: a bad setting ends the start in one line; a good one serves /wechat beside the bot. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startProcess } from "../support/start-process.ts";
import { WechatStandIn } from "../../src/channels/wechat/testing/stand-in.ts";
import { FakeTelegram } from "../../src/channels/telegram/testing/stand-in.ts";
import { freePort } from "../../src/store/testing/redis-server.ts";
import { AES_KEY, APPID, SECRET, TOKEN } from "./harness.ts";

const dir = mkdtempSync(join(tmpdir(), "yidi-wx-entry-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const start = (env: Record<string, string>) => startProcess("src/bot.ts", env);

describe("npm run bot with a WeChat account", { timeout: 60_000 }, () => {
  it("refuses a bad WeChat setting with one line naming the variable", async () => {
    const p = start({ BOT_TOKEN: "123:abc", WECHAT_TOKEN: TOKEN, WECHAT_APPID: APPID, WECHAT_APPSECRET: SECRET, WECHAT_AES_KEY: "short" });
    expect(await p.exited).toBe(1);
    const { err } = p.output();
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain("WECHAT_AES_KEY");
  });

  it("serves the 公众号 endpoint beside the bot: verification and an encrypted push answered", async () => {
    const tg = await new FakeTelegram().start();
    const port = await freePort();
    const wx = await WechatStandIn.start({ token: TOKEN, appId: APPID, appSecret: SECRET, aesKey: AES_KEY, mode: "safe", target: `http://127.0.0.1:${port}/wx` });
    const p = start({
      BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      PORT: String(port),
      HOST: "127.0.0.1",
      SQLITE_PATH: join(dir, "wx.sqlite"),
      WEBHOOK_URL: "https://bot.example/tg/abc",
      WEBHOOK_SECRET: "s3cret",
      WECHAT_TOKEN: TOKEN,
      WECHAT_APPID: APPID,
      WECHAT_APPSECRET: SECRET,
      WECHAT_AES_KEY: AES_KEY,
      WECHAT_PATH: "/wx",
      WECHAT_API_ROOT: wx.apiRoot,
    });
    try {
      await p.started();
      expect(await wx.verify("hello-echo")).toEqual({ status: 200, body: "hello-echo" });
      const r = await wx.push({ from: "oEntry", type: "text", content: "你好" });
      expect(r.reply).toContain("异地就医助手");
      expect(wx.problems).toEqual([]);
      expect(p.output().out).not.toContain("oEntry");
    } finally {
      p.child.kill("SIGTERM");
      expect(await p.exited).toBe(0);
      await wx.close();
      await tg.stop();
    }
  });
});
