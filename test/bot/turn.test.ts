/** applyTurn: read → handle → compare-and-set, and what it does when the chat is forgotten meanwhile. */
import { describe, expect, it } from "vitest";
import { applyTurn, type Handle } from "../../src/channels/telegram/turn.ts";
import { MemoryStore } from "../../src/store/index.ts";

const remember: Handle = (stored, input) => {
  const seen: string[] = stored ? JSON.parse(stored) : [];
  return { replies: [{ text: "ok" }], stored: JSON.stringify([...seen, input.type === "text" ? input.text : input.type]) };
};

describe("applyTurn", () => {
  it("applies an update on top of what is stored", async () => {
    const store = new MemoryStore();
    await applyTurn({ store, handle: remember, chatId: "1", input: { type: "text", text: "a" }, updateId: 1 });
    const r = await applyTurn({ store, handle: remember, chatId: "1", input: { type: "text", text: "b" }, updateId: 2 });
    expect(r.kind).toBe("applied");
    expect(JSON.parse(JSON.parse((await store.get("1"))!.value).c)).toEqual(["a", "b"]);
  });

  it("drops an update whose chat was forgotten (/forget on another instance) while it was applied", async () => {
    const store = new MemoryStore();
    await applyTurn({ store, handle: remember, chatId: "2", input: { type: "text", text: "苏州" }, updateId: 1 });
    // The other instance's /forget lands between this update's read and its write.
    const racing: Handle = (stored, input, now) => {
      void store.delete("2");
      return remember(stored, input, now);
    };
    const r = await applyTurn({ store, handle: racing, chatId: "2", input: { type: "text", text: "上海" }, updateId: 2 });
    expect(r.kind).toBe("forgotten");
    expect(await store.get("2")).toBeNull();
  });

  it("still starts a conversation for a chat that has nothing stored", async () => {
    const store = new MemoryStore();
    const r = await applyTurn({ store, handle: remember, chatId: "3", input: { type: "text", text: "你好" }, updateId: 1 });
    expect(r.kind).toBe("applied");
  });
});
