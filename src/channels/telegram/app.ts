/**
 * Wires a store (opened by the caller), bot and HTTP server together for one running
 * instance, in webhook or polling mode, and takes them down again in order. `src/bot.ts` calls
 * it with the configuration; tests and the benchmark call it directly with a stand-in Bot API.
 */
import type { UserFromGetMe } from "grammy/types";
import type { Bot } from "grammy";
import type { Config } from "../../config.ts";
import type { Logger } from "../../log.ts";
import type { ConversationStore, Step } from "../../conversation/index.ts";
import { buildServer, closeServer, listen, type FastifyInstance, type RoutePlugin } from "../http.ts";
import { createBot, publishCommands } from "./bot.ts";
import { startPolling, type Poller } from "./polling.ts";
import { ApiHealth, readinessRoutes } from "./health.ts";

/** The update kinds the bot asks Telegram for (both modes). */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query"] as const;

export interface App {
  /** The Bot API's state as the bot's calls find it (GET /readyz). */
  health: ApiHealth;
  bot: Bot;
  store: ConversationStore;
  server: FastifyInstance;
  port: number;
  mode: "webhook" | "polling";
  stop(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  log: Logger;
  /** Closed by `stop()`. */
  store: ConversationStore;
  botInfo?: UserFromGetMe;
  step?: Step;
  typingAfterMs?: number;
  /**
   * Long polling ended by an error that retrying cannot cure (409: another process polls with
   * this token; 401: the token was revoked). Logged either way; `src/bot.ts` exits on it.
   */
  onPollingFailed?: (error: unknown) => void;
  /** Register the webhook with Telegram (setWebhook) at start-up; off in tests. */
  setWebhook?: boolean;
  publishCommands?: boolean;
  /** Further route plugins served beside the webhook (the web chat, WeChat). */
  plugins?: RoutePlugin[];
  /** How long an empty getUpdates is held open (seconds; Telegram's maximum is 50). */
  pollTimeoutSeconds?: number;
}

export async function startApp(o: AppOptions): Promise<App> {
  const { config, log } = o;
  const { store } = o;
  const health = new ApiHealth();
  const bot = createBot({ token: config.botToken, store, log, apiRoot: config.apiRoot, botInfo: o.botInfo, rateLimit: config.rateLimit, step: o.step, typingAfterMs: o.typingAfterMs, health });
  await bot.init();
  if (o.publishCommands !== false) await publishCommands(bot).catch((e) => log.warn({ err: e }, "setMyCommands failed"));

  let poller: Poller | undefined;
  const server = await buildServer({
    log,
    store,
    webhook: config.webhook ? { path: config.webhook.path, secret: config.webhook.secret, bot } : undefined,
    plugins: [...(o.plugins ?? []), readinessRoutes(health)],
    redisUrl: config.store.kind === "redis" ? config.store.url : undefined,
  });
  const port = await listen(server, config.port, config.host);
  if (config.webhook) {
    if (o.setWebhook !== false) await bot.api.setWebhook(config.webhook.url, { secret_token: config.webhook.secret, allowed_updates: ALLOWED_UPDATES });
  } else {
    if (o.setWebhook !== false) await bot.api.deleteWebhook().catch(() => {});
    poller = startPolling(bot, { log, allowedUpdates: ALLOWED_UPDATES, onFailed: o.onPollingFailed, timeoutSeconds: o.pollTimeoutSeconds });
  }
  const mode = config.webhook ? "webhook" : "polling";
  log.info({ mode, port, store: store.kind, bot: bot.botInfo.username }, "bot started");

  let stopped: Promise<void> | undefined;
  return {
    health,
    bot,
    store,
    server,
    port,
    mode,
    stop: () =>
      (stopped ??= (async () => {
        // Stop taking work, let what is in flight finish, then close the store.
        await poller?.stop();
        await closeServer(server);
        await store.close();
        log.info({ mode }, "bot stopped");
      })()),
  };
}
