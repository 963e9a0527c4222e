/**
 * `npm run web`: the web chat alone (no Telegram token needed), with the JSON API beside it,
 * at http://localhost:8080/ (PORT, HOST), and the WeChat account when WECHAT_TOKEN is set. The
 * same store as the bot: SQLite by default, Redis when REDIS_URL is set. Stops cleanly on
 * SIGINT/SIGTERM. The composition root: it opens the store and hands it to each channel.
 */
import { buildServer, closeServer, listen } from "./channels/http.ts";
import { webChat } from "./channels/web/routes.ts";
import { wechatRoutes } from "./channels/wechat/index.ts";
import { createLogger } from "./log.ts";
import { settings, startFailed, stopOnSignals } from "./serve.ts";
import { openStore } from "./store/index.ts";

const { config, wechat } = settings({ web: true });
const log = createLogger(config.logLevel);

try {
  const store = await openStore(config.store);
  const web = webChat({ store, log, secret: config.web?.secret, secureCookie: config.web?.secureCookie, rateLimit: config.rateLimit, sessionTtlMs: config.store.ttlMs });
  const server = await buildServer({ log, store, plugins: [web, ...wechatRoutes(wechat, { store, log })], redisUrl: config.store.kind === "redis" ? config.store.url : undefined });
  const port = await listen(server, config.port, config.host);
  log.info({ port, store: store.kind }, "web chat started");
  process.stdout.write(`http://localhost:${port}/\n`);
  stopOnSignals(log, () => closeServer(server).then(() => store.close()));
} catch (error) {
  startFailed(log, error);
}
