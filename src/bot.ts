/**
 * `npm run bot`: the Telegram bot. Long polling (at least once, one chat's updates in
 * order) when WEBHOOK_URL is unset, a webhook server when it is set; with WEB=1 it serves the
 * web chat on the same port too. Stops cleanly on SIGINT/SIGTERM.
 */
import { readConfig } from "./config.ts";
import { createLogger } from "./log.ts";
import { GrammyError } from "grammy";
import { startApp } from "./channels/telegram/app.ts";
import { readWechatConfig, wechatRoutes } from "./channels/wechat/index.ts";
import { botMessages } from "./messages/bot.ts";
import { openStore } from "./store/index.ts";
import { webChat } from "./channels/web/routes.ts";

const result = readConfig();
if (!result.ok) {
  process.stderr.write(`${result.message}\n`);
  process.exit(1);
}
// A WeChat account is served beside the bot when WECHAT_TOKEN is set (docs/wechat.md).
const wechat = readWechatConfig();
if (!wechat.ok) {
  process.stderr.write(`${wechat.message}\n`);
  process.exit(1);
}
const log = createLogger(result.config.logLevel);

try {
  let failed: ((error: unknown) => void) | undefined;
  const { config } = result;
  // WECHAT_TOKEN: a WeChat account; WEB=1: the web chat. Both on the same port and store.
  const store = wechat.config || config.web ? await openStore(config.store) : undefined;
  const plugins = store
    ? [
        ...wechatRoutes(wechat.config, { store, log }),
        ...(config.web ? [webChat({ store, log, secret: config.web.secret, secureCookie: config.web.secureCookie, rateLimit: config.rateLimit, sessionTtlMs: config.store.ttlMs })] : []),
      ]
    : undefined;
  const app = await startApp({ config, log, store, plugins, onPollingFailed: (e) => failed?.(e) });
  let stopping = false;
  const shutdown = (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.stop().then(
      () => process.exit(code),
      (e) => {
        log.error({ err: e }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  failed = (e) => {
    const code = e instanceof GrammyError ? e.error_code : undefined;
    process.stderr.write(`${code === 409 ? botMessages.polling.conflict : code === 401 ? botMessages.polling.unauthorized : botMessages.polling.failed(e instanceof Error ? e.message : String(e))}\n`);
    shutdown("polling_failed", 1);
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
} catch (error) {
  log.fatal({ err: error }, "could not start");
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
