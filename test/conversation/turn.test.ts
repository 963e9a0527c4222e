/** applyTurn: read → step → compare-and-set, and what it does when the chat is forgotten meanwhile. */
import { describe, expect, it } from "vitest";
import { applyTurn, type Step } from "../../src/conversation/turn.ts";
import { MemoryStore, StoreUnavailableError, type ConversationStore } from "../../src/store/index.ts";

const remember: Step = (stored, input) => {
  const seen: string[] = stored ? JSON.parse(stored) : [];
  return { replies: [{ text: "ok" }], stored: JSON.stringify([...seen, input.type === "text" ? input.text : input.type]) };
};

describe("applyTurn", () => {
  it("applies an update on top of what is stored", async () => {
    const store = new MemoryStore();
    await applyTurn({ store, step: remember, chatId: "1", input: { type: "text", text: "a" }, updateId: 1 });
    const r = await applyTurn({ store, step: remember, chatId: "1", input: { type: "text", text: "b" }, updateId: 2 });
    expect(r.kind).toBe("applied");
    expect(JSON.parse(JSON.parse((await store.get("1"))!.value).c)).toEqual(["a", "b"]);
  });

  it("drops an update whose chat was forgotten (/forget on another instance) while it was applied", async () => {
    const store = new MemoryStore();
    await applyTurn({ store, step: remember, chatId: "2", input: { type: "text", text: "苏州" }, updateId: 1 });
    // The other instance's /forget lands between this update's read and its write.
    const racing: Step = (stored, input, now) => {
      void store.delete("2");
      return remember(stored, input, now);
    };
    const r = await applyTurn({ store, step: racing, chatId: "2", input: { type: "text", text: "上海" }, updateId: 2 });
    expect(r.kind).toBe("forgotten");
    expect(await store.get("2")).toBeNull();
  });

  it("still starts a conversation for a chat that has nothing stored", async () => {
    const store = new MemoryStore();
    const r = await applyTurn({ store, step: remember, chatId: "3", input: { type: "text", text: "你好" }, updateId: 1 });
    expect(r.kind).toBe("applied");
  });
});

/** A memory store whose next `n` calls of `method` fail; `after: true` fails them after carrying them out (a timeout). */
function flaky(method: "get" | "set", n: number, after = false): ConversationStore & { failed: number } {
  const store = new MemoryStore();
  const failing = Object.assign(Object.create(store) as ConversationStore, { failed: 0 });
  const real = store[method].bind(store) as (...args: unknown[]) => Promise<unknown>;
  (failing as any)[method] = async (...args: unknown[]) => {
    if (failing.failed >= n) return real(...args);
    failing.failed++;
    if (after) await real(...args);
    throw new StoreUnavailableError("memory", new Error("Command timed out"));
  };
  return failing;
}

describe("applyTurn when the store fails for a moment", () => {
  const text = (t: string) => ({ type: "text" as const, text: t });
  const conversation = async (store: ConversationStore, chat: string) => JSON.parse(JSON.parse((await store.get(chat))!.value).c);

  it("a write that timed out after the store carried it out is applied once, and its replies are returned", async () => {
    const store = flaky("set", 1, true);
    await applyTurn({ store, step: remember, chatId: "1", input: text("a"), updateId: 1 }).catch(() => {});
    store.failed = 0;
    const r = await applyTurn({ store, step: remember, chatId: "1", input: text("b"), updateId: 2 });
    expect(store.failed).toBe(1);
    expect(r).toMatchObject({ kind: "applied", replies: [{ text: "ok" }] });
    expect(await conversation(store, "1")).toEqual(["a", "b"]);
  });

  it("a write that failed without being carried out is done again", async () => {
    const store = flaky("set", 1);
    const r = await applyTurn({ store, step: remember, chatId: "2", input: text("a"), updateId: 1 });
    expect(store.failed).toBe(1);
    expect(r.kind).toBe("applied");
    expect(await conversation(store, "2")).toEqual(["a"]);
  });

  it("a read that failed once is tried again", async () => {
    const store = flaky("get", 1);
    const r = await applyTurn({ store, step: remember, chatId: "3", input: text("a"), updateId: 1 });
    expect(store.failed).toBe(1);
    expect(r.kind).toBe("applied");
  });

  it("a store that stays down still fails the turn (the adapter apologises), with nothing written", async () => {
    const store = flaky("get", Infinity);
    await expect(applyTurn({ store, step: remember, chatId: "4", input: text("a"), updateId: 1 })).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(store.failed).toBe(3);
  });
});

describe("update ids", () => {
  const text = (t: string) => ({ type: "text" as const, text: t });

  it("refuses ids that are not safe integers, without reading or writing", async () => {
    const store = new MemoryStore();
    await applyTurn({ store, step: remember, chatId: "4", input: text("a"), updateId: 1 });
    const before = await store.get("4");
    for (const id of [12.5, Infinity, -1, NaN, 2 ** 53, 1e400]) {
      expect((await applyTurn({ store, step: remember, chatId: "4", input: text("x"), updateId: id })).kind).toBe("invalid");
    }
    expect(await store.get("4")).toEqual(before);
  });

  it("drops an id at or below the highest applied, also when it has left the recent-ids window", async () => {
    const store = new MemoryStore();
    for (let id = 100; id < 130; id++) await applyTurn({ store, step: remember, chatId: "5", input: text(String(id)), updateId: id });
    for (const id of [101, 110, 129, 50]) {
      expect((await applyTurn({ store, step: remember, chatId: "5", input: text("old"), updateId: id })).kind).toBe("duplicate");
    }
    expect(JSON.parse(JSON.parse((await store.get("5"))!.value).c)).not.toContain("old");
    expect((await applyTurn({ store, step: remember, chatId: "5", input: text("new"), updateId: 130 })).kind).toBe("applied");
  });

  it("accepts a lower id once the highest is a week old (Telegram restarts its ids at random after a quiet week)", async () => {
    const store = new MemoryStore();
    const t0 = Date.parse("2026-03-01T00:00:00Z");
    await applyTurn({ store, step: remember, chatId: "6", input: text("a"), updateId: 5000, now: () => new Date(t0) });
    const later = () => new Date(t0 + 8 * 24 * 3600 * 1000);
    expect((await applyTurn({ store, step: remember, chatId: "6", input: text("b"), updateId: 17, now: later })).kind).toBe("applied");
    // …and from then on the new sequence is the one compared against.
    expect((await applyTurn({ store, step: remember, chatId: "6", input: text("c"), updateId: 17, now: later })).kind).toBe("duplicate");
    expect((await applyTurn({ store, step: remember, chatId: "6", input: text("d"), updateId: 18, now: later })).kind).toBe("applied");
  });

  it("a record whose id list an older version damaged (null) keeps its conversation", async () => {
    const store = new MemoryStore();
    await store.set("7", JSON.stringify({ c: JSON.stringify(["kept"]), u: [3, null] }), null);
    const r = await applyTurn({ store, step: remember, chatId: "7", input: text("b"), updateId: 4 });
    expect(r.kind).toBe("applied");
    expect(JSON.parse(JSON.parse((await store.get("7"))!.value).c)).toEqual(["kept", "b"]);
    expect((await applyTurn({ store, step: remember, chatId: "7", input: text("again"), updateId: 3 })).kind).toBe("duplicate");
  });

  it("the latest update redelivered restates where the conversation is; an earlier one is dropped silently", async () => {
    const store = new MemoryStore();
    const restate = (stored: string) => [{ text: `now at ${JSON.parse(stored).length}` }];
    await applyTurn({ store, step: remember, chatId: "8", input: text("a"), updateId: 1, restate });
    await applyTurn({ store, step: remember, chatId: "8", input: text("b"), updateId: 2, restate });
    const version = (await store.get("8"))!.version;
    expect(await applyTurn({ store, step: remember, chatId: "8", input: text("b"), updateId: 2, restate })).toEqual({
      kind: "duplicate",
      latest: { replies: [{ text: "now at 2" }], version },
    });
    expect(await applyTurn({ store, step: remember, chatId: "8", input: text("a"), updateId: 1, restate })).toEqual({ kind: "duplicate" });
  });
});
