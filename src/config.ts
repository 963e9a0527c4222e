/**
 * The bot's configuration, read once from the environment and checked with zod. A missing
 * token or a bad value ends the program with one readable line, never a stack trace.
 */
import { z } from "zod";
import { botMessages } from "./messages/bot.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

const Env = z
  .object({
    // BotFather's tokens look like 123456789:AAE…; anything else would only fail later as a 404 from getMe.
    BOT_TOKEN: z.string().trim().regex(/^\d+:[A-Za-z0-9_-]+$/, "BOT_TOKEN 的格式应为 <数字>:<字母数字>，例如 123456789:AAE…（从 @BotFather 复制完整）").optional(),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().default("0.0.0.0"),
    STORE: z.enum(["sqlite", "redis", "memory"]).optional(),
    // Relative to the working directory; .yidi/ is git-ignored.
    SQLITE_PATH: z.string().min(1).default(".yidi/telegram.sqlite"),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL 应以 redis:// 或 rediss:// 开头").optional(),
    WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
    // Telegram allows 1–256 characters of A-Z a-z 0-9 _ - in the secret header.
    WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "WEBHOOK_SECRET 只能是 1–256 个字母、数字、_ 或 -").optional(),
    TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
    SESSION_TTL_DAYS: z.coerce.number().positive().max(3650).default(30),
    RATE_LIMIT: z.coerce.number().int().positive().default(20),
    RATE_WINDOW_MS: z.coerce.number().int().positive().default(10_000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    // The bot process also serves the web chat (npm run web serves it alone).
    WEB: z.enum(["1", "true", "0", "false"]).optional(),
    // Signs the web chat's form tokens; several instances behind one address need the same one.
    WEB_SECRET: z.string().min(16, "WEB_SECRET 至少 16 个字符").optional(),
    // The site is reached over HTTPS (perhaps through a proxy): the session cookie is marked Secure.
    WEB_SECURE_COOKIE: z.enum(["1", "true", "0", "false"]).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.STORE === "redis" && !env.REDIS_URL) ctx.addIssue({ code: "custom", path: ["REDIS_URL"], message: "STORE=redis 需要 REDIS_URL" });
    if (env.WEBHOOK_URL && !env.WEBHOOK_SECRET)
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "设置了 WEBHOOK_URL 就必须设置 WEBHOOK_SECRET" });
  });

export interface Config {
  botToken: string;
  port: number;
  host: string;
  store: { kind: "memory"; ttlMs: number } | { kind: "sqlite"; path: string; ttlMs: number } | { kind: "redis"; url: string; ttlMs: number };
  webhook?: { url: string; path: string; secret: string };
  apiRoot: string;
  rateLimit: { limit: number; windowMs: number };
  logLevel: string;
  /** The web chat, when this process serves it. */
  web?: { secret?: string; secureCookie: boolean };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; message: string };

/**
 * Reads the configuration; never throws. `web: true` reads it for the web chat alone
 * (`npm run web`): no bot token is needed then, and the web chat is on.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env, o: { web?: boolean } = {}): ConfigResult {
  // Empty or blank variables (FOO= or FOO="  " in a .env file) mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const what = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return { ok: false, message: botMessages.config.invalid(what) };
  }
  const e = parsed.data;
  if (!e.BOT_TOKEN && !o.web) return { ok: false, message: botMessages.config.missingToken };
  const on = (v: string | undefined) => v === "1" || v === "true";
  const ttlMs = Math.round(e.SESSION_TTL_DAYS * DAY_MS);
  const kind = e.STORE ?? (e.REDIS_URL ? "redis" : "sqlite");
  const store: Config["store"] =
    kind === "redis" ? { kind, url: e.REDIS_URL!, ttlMs } : kind === "sqlite" ? { kind, path: e.SQLITE_PATH, ttlMs } : { kind, ttlMs };
  const webhook = e.WEBHOOK_URL ? { url: e.WEBHOOK_URL, path: new URL(e.WEBHOOK_URL).pathname || "/", secret: e.WEBHOOK_SECRET! } : undefined;
  return {
    ok: true,
    config: {
      botToken: e.BOT_TOKEN ?? "",
      port: e.PORT,
      host: e.HOST,
      store,
      webhook,
      apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
      rateLimit: { limit: e.RATE_LIMIT, windowMs: e.RATE_WINDOW_MS },
      logLevel: e.LOG_LEVEL,
      ...(o.web || on(e.WEB) ? { web: { secret: e.WEB_SECRET, secureCookie: on(e.WEB_SECURE_COOKIE) } } : {}),
    },
  };
}
