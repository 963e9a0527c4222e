/**
 * `npm run bot`: the Telegram bot. Long polling (at least once, one chat's updates in
 * order) when WEBHOOK_URL is unset, a webhook server when it is set; with WEB=1 it serves the
 * web chat on the same port too, and the WeChat account when WECHAT_TOKEN is set. Stops
 * cleanly on SIGINT/SIGTERM. The composition root: it opens the store and hands it to each channel.
 */
import { GrammyError } from "grammy";
import { startApp } from "./channels/telegram/app.ts";
import { webChat } from "./channels/web/routes.ts";
import { wechatRoutes } from "./channels/wechat/index.ts";
import { createLogger } from "./log.ts";
import { botMessages } from "./messages/bot.ts";
import { settings, startFailed, stopOnSignals } from "./serve.ts";
import { openStore } from "./store/index.ts";

const { config, wechat } = settings();
const log = createLogger(config.logLevel);

try {
  let failed: ((error: unknown) => void) | undefined;
  // WECHAT_TOKEN: a WeChat account; WEB=1: the web chat. Both on the same port and store.
  const store = await openStore(config.store);
  const plugins = [
    ...wechatRoutes(wechat, { store, log }),
    ...(config.web ? [webChat({ store, log, secret: config.web.secret, secureCookie: config.web.secureCookie, rateLimit: config.rateLimit, sessionTtlMs: config.store.ttlMs })] : []),
  ];
  const app = await startApp({ config, log, store, plugins, onPollingFailed: (e) => failed?.(e) });
  const shutdown = stopOnSignals(log, () => app.stop());
  failed = (e) => {
    const code = e instanceof GrammyError ? e.error_code : undefined;
    process.stderr.write(`${code === 409 ? botMessages.polling.conflict : code === 401 ? botMessages.polling.unauthorized : botMessages.polling.failed(e instanceof Error ? e.message : String(e))}\n`);
    shutdown("polling_failed", 1);
  };
} catch (error) {
  startFailed(log, error);
}
