/**
 * The stored conversation written and read back: the persisted form is XState's own, what this
 * process wrote is read back without a second check but cannot be changed by a turn, anything
 * else is checked in full, and what is kept for reading back is bounded.
 */
import { createActor } from "xstate";
import { describe, expect, it } from "vitest";
import { router, type RouterEvent } from "../../flows/router.ts";
import { handle, handleMessage, type UserInput } from "../../src/conversation/index.ts";
import { persist, rememberedConversations, remembersConversation, restore, resume } from "../../src/conversation/store.ts";
import { applyTurn, rememberedRecords, remembersRecord, type Step } from "../../src/conversation/turn.ts";
import { MemoryStore } from "../../src/store/index.ts";

const NOW = new Date("2025-08-01T12:00:00Z");
const text = (t: string): UserInput => ({ type: "text", text: t });

/** Each step's stored string, each kept as a turn that was stored would keep it. */
function chat(inputs: UserInput[]): string[] {
  const stored: string[] = [];
  let s: string | null = null;
  for (const i of inputs) {
    const r = handleMessage(s, i, NOW);
    r.kept?.();
    stored.push((s = r.stored));
  }
  return stored;
}

const ESTIMATE: UserInput[] = [
  { type: "command", name: "start" },
  { type: "choice", id: "go:estimate" },
  text("苏州"),
  text("职工医保"),
  text("上海"),
  text("住院"),
  text("三级"),
  text("3万"),
  text("改一个答案"),
];

describe("persist", () => {
  it("writes the router's snapshot exactly as XState's getPersistedSnapshot does", () => {
    const events: RouterEvent[] = [
      { type: "GREET" },
      { type: "START", flow: "estimate", seed: { insured: "320500" } },
      { type: "FLOW", event: { type: "ANSWER", a: { scheme: "employee" } } },
      { type: "ASIDE", topic: "validity" },
      { type: "PROPOSE", a: { insured: "310100" }, slots: ["insured"] },
      { type: "CONFIRM", yes: true },
      { type: "BACK" },
      { type: "START", flow: "claim" },
      { type: "CANCEL" },
    ];
    const actor = createActor(router).start();
    for (const e of events) {
      actor.send(e);
      const ours = JSON.parse(persist(actor.getSnapshot(), NOW).stored).snapshot;
      expect(ours).toEqual(JSON.parse(JSON.stringify(actor.getPersistedSnapshot())));
    }
    actor.stop();
  });
});

describe("reading back what was written", () => {
  it("gives the same snapshot as the full check, frozen so that no turn can change it", () => {
    let s: string | null = null;
    for (const input of ESTIMATE) {
      const r = handleMessage(s, input, NOW);
      r.kept?.();
      const stored = r.stored;
      // Kept in place of the string it was made from.
      expect(remembersConversation(stored)).toBe(true);
      if (s !== null) expect(remembersConversation(s)).toBe(false);
      s = stored;
      const fast = resume(stored);
      const checked = restore(stored);
      expect(checked.problem).toBeUndefined();
      expect(fast.snapshot!.value).toEqual(checked.snapshot!.value);
      expect(fast.snapshot!.context).toEqual(checked.snapshot!.context);
      expect(fast.updatedAt).toBe(checked.updatedAt);
      expect(fast.inFlow).toBe(checked.inFlow);
      expect(Object.isFrozen(fast.snapshot!.context)).toBe(true);
      if (fast.snapshot!.context.flow) expect(Object.isFrozen(fast.snapshot!.context.flow.c.a)).toBe(true);
    }
  });

  it("checks a string changed in the store in full, even when it differs from a written one by a single field", () => {
    const stored = chat(ESTIMATE.slice(0, 3)).at(-1)!;
    expect(stored).toContain('"insured":"320500"');
    const forged = stored.replace('"insured":"320500"', '"insured":"999999"');
    expect(resume(forged).problem).toBe("damaged");
    const next = handleMessage(forged, text("职工医保"), NOW);
    expect(next.replies[0]!.text).toBe(handleMessage("{", text("职工医保"), NOW).replies[0]!.text);
  });

  it("keeps a string two chats wrote alike until both have moved on from it", () => {
    const said = text("我在苏州交的职工医保，在上海住院花了3万");
    const a = handleMessage(null, said, NOW);
    a.kept?.();
    const b = handleMessage(null, said, NOW);
    b.kept?.();
    expect(b.stored).toBe(a.stored);
    handleMessage(a.stored, text("谢谢"), NOW).kept?.();
    // The other chat's next message reads it back without a second check.
    expect(remembersConversation(a.stored)).toBe(true);
    handleMessage(b.stored, text("谢谢"), NOW).kept?.();
    expect(remembersConversation(a.stored)).toBe(false);
  });

  it("keeps at most 2,000 written conversations", () => {
    for (let i = 0; i < 2_500; i++) handleMessage(null, { type: "command", name: "start" }, new Date(NOW.getTime() + i)).kept?.();
    expect(rememberedConversations()).toBeGreaterThan(1_000);
    expect(rememberedConversations()).toBeLessThanOrEqual(2_000);
  });
});

describe("one chat through handle", () => {
  it("keeps only the chat's last record and conversation, and nothing of them after /forget", async () => {
    const store = new MemoryStore();
    const last = async () => {
      const value = (await store.get("7"))!.value;
      return { value, c: JSON.parse(value).c as string };
    };
    let before: { value: string; c: string } | undefined;
    let id = 1;
    for (const input of ESTIMATE) {
      expect((await handle("7", input, store, { updateId: id++, now: () => NOW })).kind).toBe("applied");
      const now = await last();
      expect(remembersRecord(now.value)).toBe(true);
      expect(remembersConversation(now.c)).toBe(true);
      if (before) {
        expect(remembersRecord(before.value)).toBe(false);
        expect(remembersConversation(before.c)).toBe(false);
      }
      before = now;
    }
    // "/estimate 3万": two steps in one turn, and still only the last string kept.
    expect((await handle("7", text("/estimate 住院花了3万"), store, { updateId: id++, now: () => NOW })).kind).toBe("applied");
    const opened = await last();
    expect(remembersConversation(opened.c)).toBe(true);
    expect(remembersConversation(before!.c)).toBe(false);
    expect((await handle("7", text("/forget"), store, { updateId: id++ })).kind).toBe("erased");
    expect(await store.get("7")).toBeNull();
    expect(remembersRecord(opened.value)).toBe(false);
    expect(remembersConversation(opened.c)).toBe(false);
  });
});

describe("turn records read back", () => {
  const count: Step = (stored) => ({ replies: [], stored: String(Number(stored ?? "0") + 1) });

  it("a record changed in the store is read as it is now, not as it was written", async () => {
    const store = new MemoryStore();
    await applyTurn({ store, step: count, chatId: "1", input: text("a"), updateId: 10 });
    const written = (await store.get("1"))!;
    // Someone else's write (another instance) with a different count and a later update id.
    const theirs = JSON.stringify({ ...JSON.parse(written.value), c: "41", u: [10, 11], h: 11 });
    await store.set("1", theirs, written.version);
    expect((await applyTurn({ store, step: count, chatId: "1", input: text("b"), updateId: 11 })).kind).toBe("duplicate");
    expect((await applyTurn({ store, step: count, chatId: "1", input: text("c"), updateId: 12 })).kind).toBe("applied");
    expect(JSON.parse((await store.get("1"))!.value).c).toBe("42");
  });

  it("keeps a record two chats wrote alike until both have moved on from it", async () => {
    const store = new MemoryStore();
    await applyTurn({ store, step: count, chatId: "a", input: text("x") });
    await applyTurn({ store, step: count, chatId: "b", input: text("x") });
    const first = (await store.get("a"))!.value;
    expect((await store.get("b"))!.value).toBe(first);
    await applyTurn({ store, step: count, chatId: "a", input: text("y") });
    expect(remembersRecord(first)).toBe(true);
    await applyTurn({ store, step: count, chatId: "b", input: text("y") });
    expect(remembersRecord(first)).toBe(false);
  });

  it("keeps at most 2,000 written records", async () => {
    const store = new MemoryStore();
    for (let i = 0; i < 2_500; i++) await applyTurn({ store, step: count, chatId: String(i), input: text("a"), updateId: i });
    expect(rememberedRecords()).toBeGreaterThan(1_000);
    expect(rememberedRecords()).toBeLessThanOrEqual(2_000);
  });
});
