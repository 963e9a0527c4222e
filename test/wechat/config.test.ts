/** WECHAT_* configuration: off when unset, refused in one line naming the variable when wrong; the menu CLI. */
import { spawnSync } from "node:child_process";
import { join, resolve, dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { readWechatConfig } from "../../src/channels/wechat/config.ts";

const good = {
  WECHAT_TOKEN: "yidiToken1",
  WECHAT_APPID: "wx0123456789abcdef",
  WECHAT_APPSECRET: "0123456789abcdef0123456789abcdef",
};

function refused(env: Record<string, string>): string {
  const r = readWechatConfig(env);
  if (r.ok) throw new Error("accepted");
  expect(r.message.split("\n")).toHaveLength(1);
  return r.message;
}

describe("WeChat configuration", () => {
  it("is off when nothing is set", () => {
    expect(readWechatConfig({})).toEqual({ ok: true, config: undefined });
  });

  it("reads a full configuration with its defaults", () => {
    const r = readWechatConfig({ ...good, REDIS_URL: "redis://127.0.0.1:6379" });
    expect(r).toEqual({
      ok: true,
      config: { token: "yidiToken1", appId: "wx0123456789abcdef", appSecret: good.WECHAT_APPSECRET, path: "/wechat", apiRoot: "https://api.weixin.qq.com", redisUrl: "redis://127.0.0.1:6379" },
    });
    const custom = readWechatConfig({ ...good, WECHAT_PATH: "/wx/", WECHAT_API_ROOT: "http://127.0.0.1:9999/", WECHAT_AES_KEY: "a".repeat(43) });
    expect(custom.ok && custom.config).toMatchObject({ path: "/wx", apiRoot: "http://127.0.0.1:9999", aesKey: "a".repeat(43) });
  });

  it("refuses a partial or bad configuration, naming the variable", () => {
    expect(refused({ WECHAT_APPID: good.WECHAT_APPID })).toMatch(/WECHAT_TOKEN/);
    expect(refused({ WECHAT_TOKEN: good.WECHAT_TOKEN })).toMatch(/WECHAT_APPID/);
    expect(refused({ WECHAT_TOKEN: good.WECHAT_TOKEN, WECHAT_APPID: good.WECHAT_APPID })).toMatch(/WECHAT_APPSECRET/);
    expect(refused({ ...good, WECHAT_AES_KEY: "tooShort" })).toMatch(/WECHAT_AES_KEY.*43/);
    expect(refused({ ...good, WECHAT_TOKEN: "x" })).toMatch(/WECHAT_TOKEN/);
    expect(refused({ ...good, WECHAT_APPID: "0123" })).toMatch(/WECHAT_APPID/);
    expect(refused({ ...good, WECHAT_PATH: "wechat" })).toMatch(/WECHAT_PATH/);
    expect(refused({ ...good, WECHAT_API_ROOT: "ftp://x" })).toMatch(/WECHAT_API_ROOT/);
  });
});

describe("yidi wechat menu", () => {
  const root = resolve(dirname(new URL(import.meta.url).pathname), "../..");
  const run = (...args: string[]) => spawnSync(process.execPath, [join(root, "bin/yidi.mjs"), "wechat", ...args], { cwd: root, encoding: "utf8", timeout: 30_000 });

  it("prints the custom menu: three CLICK buttons, one per flow", () => {
    const r = run("menu");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      button: [
        { type: "click", name: "备案指引", key: "register" },
        { type: "click", name: "能报多少", key: "estimate" },
        { type: "click", name: "手工报销", key: "claim" },
      ],
    });
  });

  it("explains its use when given anything else", () => {
    const r = run("nope");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/yidi wechat menu/);
  });
});
