/**
 * The WeChat Official Account settings, read from the environment and checked with zod. The
 * channel is on when WECHAT_TOKEN is set; then the appid and secret are needed too (a slow turn
 * is delivered through 客服消息, which needs an access token). Anything wrong is one line that
 * names the variable.
 */
import { z } from "zod";
import { wechatMessages as m } from "../../messages/wechat.ts";

export const DEFAULT_API_ROOT = "https://api.weixin.qq.com";

const Env = z.object({
  // 公众平台 → 服务器配置: "Token 必须为英文或数字，长度为 3-32 字符".
  WECHAT_TOKEN: z.string().regex(/^[A-Za-z0-9]{3,32}$/, m.config.token).optional(),
  WECHAT_APPID: z.string().regex(/^wx[0-9a-f]{16}$/i, m.config.appId).optional(),
  WECHAT_APPSECRET: z.string().regex(/^[A-Za-z0-9]{32}$/, m.config.appSecret).optional(),
  // EncodingAESKey: 43 characters of [a-zA-Z0-9]; Base64 of a 32-byte AES key without its "=".
  WECHAT_AES_KEY: z.string().regex(/^[A-Za-z0-9]{43}$/, m.config.aesKey).optional(),
  WECHAT_PATH: z.string().regex(/^\/[A-Za-z0-9/_.~-]*$/, m.config.path).default("/wechat"),
  WECHAT_API_ROOT: z.url({ protocol: /^https?$/ }).default(DEFAULT_API_ROOT),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL 应以 redis:// 或 rediss:// 开头").optional(),
});

export interface WechatConfig {
  token: string;
  appId: string;
  appSecret: string;
  /** Set: 安全模式 / 兼容模式 pushes are decrypted and their replies encrypted. */
  aesKey?: string;
  path: string;
  apiRoot: string;
  /** Shared state between instances (dedup ledger, access token) when set; else in process. */
  redisUrl?: string;
}

export type WechatConfigResult = { ok: true; config: WechatConfig | undefined } | { ok: false; message: string };

/** Reads the WeChat settings; `config` is undefined when the channel is off. Never throws. */
export function readWechatConfig(env: NodeJS.ProcessEnv = process.env): WechatConfigResult {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== "").map(([k, v]) => [k, v!.trim()]));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: m.config.invalid(`${issue.path.join(".")}: ${issue.message}`) };
  }
  const e = parsed.data;
  const partial = ["WECHAT_APPID", "WECHAT_APPSECRET", "WECHAT_AES_KEY"].some((k) => cleaned[k] !== undefined) || cleaned.WECHAT_PATH !== undefined;
  if (!e.WECHAT_TOKEN) return partial ? { ok: false, message: m.config.invalid(m.config.missing("WECHAT_TOKEN")) } : { ok: true, config: undefined };
  if (!e.WECHAT_APPID) return { ok: false, message: m.config.invalid(m.config.missing("WECHAT_APPID")) };
  if (!e.WECHAT_APPSECRET) return { ok: false, message: m.config.invalid(m.config.missing("WECHAT_APPSECRET")) };
  return {
    ok: true,
    config: {
      token: e.WECHAT_TOKEN,
      appId: e.WECHAT_APPID,
      appSecret: e.WECHAT_APPSECRET,
      ...(e.WECHAT_AES_KEY ? { aesKey: e.WECHAT_AES_KEY } : {}),
      path: e.WECHAT_PATH.length > 1 ? e.WECHAT_PATH.replace(/\/+$/, "") : e.WECHAT_PATH,
      apiRoot: e.WECHAT_API_ROOT.replace(/\/+$/, ""),
      ...(e.REDIS_URL ? { redisUrl: e.REDIS_URL } : {}),
    },
  };
}
