/**
 * Two webhook instances sharing one Redis, one chat's updates landing on both at once: no
 * write is lost (each applied update sits on top of the one before), none is doubled, and none
 * is applied after a newer one (Telegram sends one chat's updates in order; one that arrives
 * after a newer was applied is a stale redelivery and is dropped).
 */
import { describe, expect, inject, it } from "vitest";
import { RedisStore } from "../../src/store/index.ts";
import type { Step } from "../../src/conversation/index.ts";
import { FakeTelegram, updates } from "../../src/channels/telegram/testing/stand-in.ts";
import { shown, startHarness } from "./harness.ts";

/** A conversation that only remembers what it was told, in order: lost or doubled writes show. */
const journal: Step = (stored, input) => {
  const seen: string[] = stored ? JSON.parse(stored) : [];
  const next = [...seen, input.type === "text" ? input.text : input.type];
  return { replies: [{ text: `#${next.length} ${next.at(-1)}` }], stored: JSON.stringify(next) };
};

describe("two instances on one Redis", () => {
  it("concurrent updates for one chat: no lost write, none doubled, none applied after a newer one", async () => {
    const tg = await new FakeTelegram().start();
    const prefix = `inst${Date.now()}:`;
    const a = await startHarness({ store: await RedisStore.connect(inject("redisUrl"), { prefix }), tg, step: journal });
    const b = await startHarness({ store: await RedisStore.connect(inject("redisUrl"), { prefix }), tg, step: journal });
    const N = 40;
    const sent = Array.from({ length: N }, (_, i) => `m${i}`);
    const statuses = await Promise.all(sent.map((t, i) => (i % 2 ? b : a).post(updates.text(41, t))));
    expect(statuses.every((s) => s === 200)).toBe(true);

    const stored = JSON.parse(JSON.parse((await a.app.store.get("41"))!.value).c) as string[];
    const order = stored.map((t) => Number(t.slice(1)));
    expect(order.length).toBeGreaterThan(0);
    // Applied in the order the updates were numbered.
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(new Set(order).size).toBe(order.length);
    // Every reply is for a write that is in the store (a lost write would leave a reply without one).
    const positions = shown(tg, 41).map((t) => Number(/^#(\d+)/.exec(t)![1]));
    expect([...positions].sort((x, y) => x - y)).toEqual(Array.from({ length: order.length }, (_, i) => i + 1));
    await a.stop();
    await b.stop();
    await tg.stop();
  });

  it("updates arriving one after another, alternating instances, are applied in that order", async () => {
    const tg = await new FakeTelegram().start();
    const prefix = `seq${Date.now()}:`;
    const a = await startHarness({ store: await RedisStore.connect(inject("redisUrl"), { prefix }), tg, step: journal });
    const b = await startHarness({ store: await RedisStore.connect(inject("redisUrl"), { prefix }), tg, step: journal });
    const sent = Array.from({ length: 12 }, (_, i) => `s${i}`);
    for (const [i, t] of sent.entries()) await (i % 2 ? b : a).post(updates.text(42, t));
    const stored = JSON.parse(JSON.parse((await b.app.store.get("42"))!.value).c) as string[];
    expect(stored).toEqual(sent);
    await a.stop();
    await b.stop();
    await tg.stop();
  });

  it("a double tap landing on both instances at once is applied once", async () => {
    const tg = await new FakeTelegram().start();
    const prefix = `tap${Date.now()}:`;
    const a = await startHarness({ store: await RedisStore.connect(inject("redisUrl"), { prefix }), tg, step: journal });
    const b = await startHarness({ store: await RedisStore.connect(inject("redisUrl"), { prefix }), tg, step: journal });
    const first = { update_id: tg.newUpdateId(), ...updates.text(44, "hello") };
    await a.post(first);
    const version = (await a.app.store.get("44"))!.version;
    const data = `1|${version.toString(36)}|x`;
    await Promise.all([a.post(updates.press(44, data)), b.post(updates.press(44, data))]);
    const stored = JSON.parse(JSON.parse((await a.app.store.get("44"))!.value).c) as string[];
    expect(stored).toEqual(["hello", "choice"]);
    expect(tg.callsOf("answerCallbackQuery").every((c) => c.params.text === undefined)).toBe(true);
    await a.stop();
    await b.stop();
    await tg.stop();
  });

  it("a real conversation split across both instances reaches the estimate", async () => {
    const tg = await new FakeTelegram().start();
    const prefix = `conv${Date.now()}:`;
    const a = await startHarness({ store: await RedisStore.connect(inject("redisUrl"), { prefix }), tg });
    const b = await startHarness({ store: await RedisStore.connect(inject("redisUrl"), { prefix }), tg });
    await a.text(43, "/estimate");
    await b.text(43, "苏州");
    await a.press(43, "职工医保");
    await b.text(43, "上海");
    await a.press(43, "住院");
    await b.press(43, 2);
    await a.press(43, 0);
    await b.press(43, 0);
    await a.text(43, "3万");
    await b.press(43, 0);
    await a.press(43, 0);
    expect(shown(tg, 43).some((t) => t.includes("医保基金支付"))).toBe(true);
    await a.stop();
    await b.stop();
    await tg.stop();
  });
});
