/**
 * The Bot API unreachable: a network error is retried a bounded number of times (auto-retry
 * alone retried it forever, doubling up to an hour), the turn ends, and /readyz reports the
 * Bot API degraded (503) while /healthz still says the process is alive.
 */
import { afterEach, describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/index.ts";
import { startHarness, type Harness } from "./harness.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe("Bot API outage", () => {
  it("a turn whose replies cannot be sent ends within seconds, and /readyz turns 503", { timeout: 60_000 }, async () => {
    // Port 1 on loopback: nothing listens, every call is refused (an HttpError in grammY).
    h = await startHarness({ store: new MemoryStore(), config: { apiRoot: "http://127.0.0.1:1" } });
    const base = `http://127.0.0.1:${h.app.port}`;
    const started = Date.now();
    expect(await h.text(31, "/start")).toBe(200);
    // Reply and apology, each tried 3 times with 0.5 s and 1 s pauses: well under the 45 s seen before.
    expect(Date.now() - started).toBeLessThan(15_000);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).telegram.state).toBe("degraded");
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it("/readyz is 200 while the Bot API answers", async () => {
    h = await startHarness({ store: new MemoryStore() });
    await h.text(32, "/start");
    const ready = await fetch(`http://127.0.0.1:${h.app.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, telegram: { state: "ok", consecutiveFailures: 0 } });
  });
});
