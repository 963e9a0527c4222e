/**
 * Long polling, at least once. Telegram forgets an update once getUpdates is called with an
 * offset past it, so the offset moves past a batch only after every update in it was handled:
 * its turn stored and its replies sent (or answered with an apology). A crash loses nothing;
 * what was handled but not yet confirmed comes again and is recognised by its update id.
 * One chat's updates are handled one after another, different chats side by side.
 */
import { GrammyError, type Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../../log.ts";

export interface PollingOptions {
  log: Logger;
  allowedUpdates: readonly string[];
  /** Seconds Telegram holds an empty getUpdates open (below the client's per-call timeout). */
  timeoutSeconds?: number;
  /** Updates fetched at once (1–100). */
  limit?: number;
  /** getUpdates refused for good (401: token revoked; 409: another process polls). */
  onFailed?: (error: unknown) => void;
}

export interface Poller {
  isRunning(): boolean;
  /** Stops fetching, lets the batch in hand finish, and confirms it to Telegram. */
  stop(): Promise<void>;
}

/** The key that orders updates: one chat's updates never run at the same time. */
function orderKey(u: Update): string {
  const chat = u.message?.chat ?? u.edited_message?.chat ?? u.callback_query?.message?.chat;
  if (chat) return `c${chat.id}`;
  const from = u.callback_query?.from;
  return from ? `u${from.id}` : `x${u.update_id}`;
}

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

export function startPolling(bot: Bot, o: PollingOptions): Poller {
  const abort = new AbortController();
  let running = true;
  let offset = 0;

  async function handleBatch(batch: Update[]): Promise<void> {
    const lanes = new Map<string, Update[]>();
    for (const u of batch) {
      const key = orderKey(u);
      const lane = lanes.get(key);
      if (lane) lane.push(u);
      else lanes.set(key, [u]);
    }
    await Promise.all(
      [...lanes.values()].map(async (lane) => {
        for (const u of lane) {
          // bot.catch already logs and apologises; this guards the loop itself.
          await bot.handleUpdate(u).catch((e: unknown) => o.log.error({ err: e, update: u.update_id, kind: "update_failed" }, "update failed"));
        }
      }),
    );
  }

  const loop = (async () => {
    let backoffMs = 500;
    while (!abort.signal.aborted) {
      let batch: Update[];
      try {
        batch = await bot.api.getUpdates({ offset, limit: o.limit ?? 100, timeout: o.timeoutSeconds ?? 10, allowed_updates: o.allowedUpdates as never }, abort.signal as never);
      } catch (e) {
        if (abort.signal.aborted) break;
        if (e instanceof GrammyError && (e.error_code === 401 || e.error_code === 409)) {
          o.log.fatal({ err: e, kind: "polling_failed" }, "long polling stopped");
          running = false;
          o.onFailed?.(e);
          return;
        }
        o.log.warn({ err: e, kind: "polling_error", ...(e instanceof GrammyError ? { code: e.error_code, description: e.description } : {}) }, "getUpdates failed");
        await pause(backoffMs, abort.signal);
        backoffMs = Math.min(backoffMs * 2, 30_000);
        continue;
      }
      backoffMs = 500;
      if (batch.length === 0) continue;
      await handleBatch(batch);
      offset = batch.at(-1)!.update_id + 1;
    }
    // Confirm what was handled, so that a clean restart does not see it again.
    if (offset > 0) await bot.api.getUpdates({ offset, limit: 1, timeout: 0 }).catch(() => {});
    running = false;
  })();

  return {
    isRunning: () => running,
    stop: async () => {
      abort.abort();
      await loop;
    },
  };
}
