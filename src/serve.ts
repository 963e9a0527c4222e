/**
 * What `npm run bot` (src/bot.ts) and `npm run web` (src/web.ts) share as processes: reading
 * their settings (a bad one ends the start with one line) and stopping cleanly on
 * SIGINT/SIGTERM, or when something ends the service, within a bounded time.
 */
import { readConfig, type Config } from "./config.ts";
import { readWechatConfig, type WechatConfig } from "./channels/wechat/index.ts";
import { checkParser } from "./conversation/reading.ts";
import type { Logger } from "./log.ts";

/** Ends the process with one line on stderr. */
export function exitWith(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/**
 * The service's settings and the WeChat account's (when WECHAT_TOKEN is set, docs/wechat.md); a
 * bad setting ends the start, and so does a parser that does not understand its own example (a
 * broken install must not answer every message with "not understood").
 */
export function settings(o: { web?: boolean } = {}): { config: Config; wechat: WechatConfig | undefined } {
  const result = readConfig(process.env, o);
  if (!result.ok) exitWith(result.message);
  const wechat = readWechatConfig();
  if (!wechat.ok) exitWith(wechat.message);
  try {
    checkParser();
  } catch (error) {
    exitWith(error instanceof Error ? error.message : String(error));
  }
  return { config: result.config, wechat: wechat.config };
}

/** How long a clean stop may take before the process is ended anyway. */
const FORCE_AFTER_MS = 10_000;

/**
 * Stops the service on SIGINT/SIGTERM (exit code 0), or when `shutdown` is called (with the
 * code given); a second signal while stopping changes nothing.
 */
export function stopOnSignals(log: Logger, stop: () => Promise<void>): (reason: string, code?: number) => void {
  let stopping = false;
  const shutdown = (reason: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal: reason }, "shutting down");
    const force = setTimeout(() => process.exit(1), FORCE_AFTER_MS);
    force.unref();
    stop().then(
      () => process.exit(code),
      (e) => {
        log.error({ err: e }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  return shutdown;
}

/** A start that failed: logged, one line on stderr, exit 1. */
export function startFailed(log: Logger, error: unknown): never {
  log.fatal({ err: error }, "could not start");
  exitWith(error instanceof Error ? error.message : String(error));
}
