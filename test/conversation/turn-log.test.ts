/** applyTurn with a channel's log: the turn's lines are written with it, whichever way the store can. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyTurn, type Step, type TurnLog } from "../../src/conversation/turn.ts";
import { MemoryStore, SqliteStore, StoreUnavailableError, type ConversationStore } from "../../src/store/index.ts";

const dir = mkdtempSync(join(tmpdir(), "yidi-turnlog-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const echo: Step = (stored, input) => {
  const seen: string[] = stored ? JSON.parse(stored) : [];
  const said = input.type === "text" ? input.text : input.type;
  return { replies: [{ text: `heard ${said}` }], stored: JSON.stringify([...seen, said]) };
};

/** A log of each turn's replies, noting the version each call was made for. */
function replyLog(versions: (number | null)[] = []): TurnLog {
  return { id: "t", keep: 10, lines: (replies, version) => (versions.push(version), replies.map((r) => r.text)) };
}

const stores: [string, () => ConversationStore][] = [
  ["memory (no combined write: set, then append)", () => new MemoryStore()],
  ["sqlite (one write)", () => new SqliteStore(join(dir, `${Math.random().toString(36).slice(2)}.sqlite`))],
];

describe.each(stores)("applyTurn with a log, %s", (_name, make) => {
  it("appends the lines made from the turn's replies, and says where the first went", async () => {
    const store = make();
    const versions: (number | null)[] = [];
    const a = await applyTurn({ store, step: echo, chatId: "c", input: { type: "text", text: "苏州" }, log: replyLog(versions) });
    const b = await applyTurn({ store, step: echo, chatId: "c", input: { type: "text", text: "上海" }, log: replyLog(versions) });
    expect(a).toMatchObject({ kind: "applied", first: 0 });
    expect(b).toMatchObject({ kind: "applied", first: 1 });
    // Each call is told the version its turn was applied to: none at first, then the first turn's.
    expect(versions).toEqual([null, a.kind === "applied" ? a.version : -1]);
    expect((await store.lines("t")).map((l) => l.value)).toEqual(["heard 苏州", "heard 上海"]);
    await store.close();
  });

  it("a turn redone after a lost race writes its lines once, made from the redone turn", async () => {
    const store = make();
    await applyTurn({ store, step: echo, chatId: "c", input: { type: "text", text: "a" } });
    // Another writer commits between this turn's read and its write, once.
    const sneaky: ConversationStore = Object.create(store);
    let first = true;
    sneaky.get = async (id) => {
      const entry = await store.get(id);
      if (first && entry) {
        first = false;
        await store.set(id, JSON.stringify({ c: JSON.stringify(["a", "other"]), u: [] }), entry.version);
      }
      return entry;
    };
    const r = await applyTurn({ store: sneaky, step: echo, chatId: "c", input: { type: "text", text: "b" }, log: replyLog() });
    expect(r.kind).toBe("applied");
    expect(JSON.parse(JSON.parse((await store.get("c"))!.value).c)).toEqual(["a", "other", "b"]);
    expect((await store.lines("t")).map((l) => l.value)).toEqual(["heard b"]);
    await store.close();
  });
});

describe("applyTurn with a log when the one write times out after it was carried out", () => {
  it("is applied once, with its lines once, and says where they went", async () => {
    const store = new SqliteStore(join(dir, "flaky.sqlite"));
    await store.append("t", ["earlier"], 10);
    const flaky: ConversationStore = Object.create(store);
    let failed = false;
    flaky.setWithLog = async (...args) => {
      const done = await store.setWithLog(...args);
      if (!failed) {
        failed = true;
        throw new StoreUnavailableError("sqlite", new Error("timed out"));
      }
      return done;
    };
    const r = await applyTurn({ store: flaky, step: echo, chatId: "c", input: { type: "text", text: "x" }, log: replyLog() });
    expect(r).toMatchObject({ kind: "applied", first: 1 });
    expect((await store.lines("t")).map((l) => l.value)).toEqual(["earlier", "heard x"]);
    await store.close();
  });
});
