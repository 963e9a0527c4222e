/**
 * `npm run web`: the web chat alone (no Telegram token needed), with the JSON API beside it,
 * at http://localhost:8080/ (PORT, HOST). The same store as the bot: SQLite by default,
 * Redis when REDIS_URL is set. Stops cleanly on SIGINT/SIGTERM.
 */
import { readConfig } from "./config.ts";
import { createLogger } from "./log.ts";
import { openStore } from "./store/index.ts";
import { buildServer, closeServer, listen } from "./channels/http.ts";
import { webChat } from "./channels/web/routes.ts";
import { readWechatConfig, wechatRoutes } from "./channels/wechat/index.ts";

const result = readConfig(process.env, { web: true });
if (!result.ok) {
  process.stderr.write(`${result.message}\n`);
  process.exit(1);
}
const { config } = result;
// A WeChat account is served beside the web chat when WECHAT_TOKEN is set (docs/wechat.md).
const wechat = readWechatConfig();
if (!wechat.ok) {
  process.stderr.write(`${wechat.message}\n`);
  process.exit(1);
}
const log = createLogger(config.logLevel);

try {
  const store = await openStore(config.store);
  const web = webChat({ store, log, secret: config.web?.secret, secureCookie: config.web?.secureCookie, rateLimit: config.rateLimit, sessionTtlMs: config.store.ttlMs });
  const server = await buildServer({ log, store, plugins: [web, ...wechatRoutes(wechat.config, { store, log })], redisUrl: config.store.kind === "redis" ? config.store.url : undefined });
  const port = await listen(server, config.port, config.host);
  log.info({ port, store: store.kind }, "web chat started");
  process.stdout.write(`http://localhost:${port}/\n`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    closeServer(server)
      .then(() => store.close())
      .then(
        () => process.exit(0),
        (e) => {
          log.error({ err: e }, "shutdown failed");
          process.exit(1);
        },
      );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
} catch (error) {
  log.fatal({ err: error }, "could not start");
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
