/** Stopping an instance: what is in flight is finished and answered, then everything closes promptly. */
import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/index.ts";
import { FakeTelegram } from "../../src/channels/telegram/testing/stand-in.ts";
import { shown, startHarness } from "./harness.ts";

describe("graceful shutdown (webhook)", () => {
  it("an update in flight on a kept-alive connection is answered, and stop() does not wait for the keep-alive timeout", async () => {
    const tg = await new FakeTelegram().start();
    const store = new MemoryStore();
    const h = await startHarness({ store, tg });
    await h.text(61, "/start"); // the client keeps this connection alive, as Telegram does
    const get = store.get.bind(store);
    // Stopped once the update is being handled, not after a fixed pause: on a busy machine the
    // request had not always arrived after 50 ms, and a request arriving after stop() gets 503.
    let reached!: () => void;
    const handling = new Promise<void>((r) => (reached = r));
    store.get = async (id) => {
      reached();
      await new Promise((r) => setTimeout(r, 300));
      return get(id);
    };
    let closedAt = 0;
    const close = store.close.bind(store);
    store.close = async () => ((closedAt = Date.now()), close());
    const inFlight = h.text(61, "/estimate");
    await handling;
    const started = Date.now();
    await h.app.stop();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await inFlight).toBe(200);
    const reply = tg.callsOf("sendMessage", 61).at(-1)!;
    expect(shown(tg, 61).at(-1)).toContain("参保");
    expect(reply.at).toBeLessThanOrEqual(closedAt);
    await tg.stop();
  }, 10_000);
});
