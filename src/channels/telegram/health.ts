/**
 * Whether the Bot API can be reached, as the bot's own calls find it, and the retry policy for
 * network errors. @grammyjs/auto-retry retries an HttpError (no connection, reset, timeout)
 * without limit, doubling the pause up to an hour: a 25 s outage delivered replies at 45 s and
 * held the chat's next update behind it. Here a network error is retried a bounded number of
 * times, and the outcome of every call feeds the health state that `/readyz` reports.
 */
import { HttpError, type Transformer } from "grammy";
import type { FastifyPluginAsync } from "fastify";

export type ApiState = "ok" | "degraded";

/** The Bot API's state: degraded after consecutive network failures, ok again on the first success. */
export class ApiHealth {
  private failures = 0;
  private lastError?: string;
  constructor(private readonly degradedAfter = 2) {}

  get state(): ApiState {
    return this.failures >= this.degradedAfter ? "degraded" : "ok";
  }

  report(): { state: ApiState; consecutiveFailures: number; lastError?: string } {
    return { state: this.state, consecutiveFailures: this.failures, ...(this.lastError && this.state !== "ok" ? { lastError: this.lastError } : {}) };
  }

  succeeded(): void {
    this.failures = 0;
    this.lastError = undefined;
  }

  failed(error: unknown): void {
    this.failures++;
    this.lastError = error instanceof Error ? error.name : "error";
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Retries a call that failed on the network at most `attempts` more times (pausing 0.5 s, 1 s, …),
 * then lets the error through; records every outcome in `health`. Goes outside auto-retry, which
 * is told to rethrow network errors (it handles 429 and 5xx, bounded).
 */
export function boundedNetworkRetry(health: ApiHealth, attempts = 2): Transformer {
  return async (prev, method, payload, signal) => {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await prev(method, payload, signal);
        health.succeeded();
        return res;
      } catch (e) {
        if (!(e instanceof HttpError) || signal?.aborted) throw e;
        health.failed(e);
        if (attempt >= attempts) throw e;
        await pause(500 * 2 ** attempt);
      }
    }
  };
}

/** `GET /readyz`: 200 while the Bot API answers, 503 while it does not (the process itself is fine: /healthz). */
export function readinessRoutes(health: ApiHealth): FastifyPluginAsync {
  return async (app) => {
    app.get("/readyz", async (_request, reply) => {
      const telegram = health.report();
      return reply.code(telegram.state === "ok" ? 200 : 503).send({ ok: telegram.state === "ok", telegram });
    });
  };
}
