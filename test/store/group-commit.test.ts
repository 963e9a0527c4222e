/**
 * SQLite commits the writes made in one turn of the event loop together. What each caller sees
 * must not change: every write is its own compare-and-set in the order made, a read sees every
 * write made before it, and one write's failure is never another's.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore, StoreUnavailableError } from "../../src/store/index.ts";

const dir = mkdtempSync(join(tmpdir(), "yidi-group-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SqliteStore: writes made together", () => {
  it("are each a compare-and-set of its own, checked in the order made", async () => {
    const s = new SqliteStore(join(dir, "order.sqlite"));
    const [first, second] = await Promise.all([s.set("c", "a", null), s.set("c", "b", null)]);
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    const [next, stale] = await Promise.all([s.set("c", "a2", first), s.set("c", "b2", first)]);
    expect(next).toBe(first! + 1);
    expect(stale).toBeNull();
    expect(await s.get("c")).toEqual({ value: "a2", version: first! + 1 });
    await s.close();
  });

  it("a read made after a write, before it is committed, sees it", async () => {
    const s = new SqliteStore(join(dir, "read.sqlite"));
    const written = s.setWithLog("c", "v", null, { id: "c:t", lines: ["x", "y"], keep: 5 });
    const appended = s.append("other", ["z"], 5);
    const entry = await s.get("c");
    expect(entry?.value).toBe("v");
    expect(await s.lines("c:t")).toEqual([
      { seq: 0, value: "x" },
      { seq: 1, value: "y" },
    ]);
    expect(await s.lines("other")).toEqual([{ seq: 0, value: "z" }]);
    expect(await written).toEqual({ version: entry!.version, first: 0 });
    expect(await appended).toBe(0);
    await s.close();
  });

  it("one write that fails fails alone: the others made with it are kept", async () => {
    const s = new SqliteStore(join(dir, "fail.sqlite"));
    const results = await Promise.allSettled([
      s.set("a", "1", null),
      // A line SQLite cannot store: this write fails, value and lines both.
      s.setWithLog("b", "2", null, { id: "b:t", lines: [{} as unknown as string], keep: 5 }),
      s.setWithLog("c", "3", null, { id: "c:t", lines: ["ok"], keep: 5 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailableError);
    expect((await s.get("a"))?.value).toBe("1");
    expect(await s.get("b")).toBeNull();
    expect(await s.lines("b:t")).toEqual([]);
    expect((await s.get("c"))?.value).toBe("3");
    expect(await s.lines("c:t")).toEqual([{ seq: 0, value: "ok" }]);
    await s.close();
  });

  it("a removal made after a write comes after it: the write is carried out, then removed", async () => {
    const s = new SqliteStore(join(dir, "delete.sqlite"));
    const written = s.setWithLog("c", "v", null, { id: "c", lines: ["x"], keep: 5 });
    await s.delete("c");
    expect(await written).not.toBeNull();
    expect(await s.get("c")).toBeNull();
    expect(await s.lines("c")).toEqual([]);
    await s.close();
  });

  it("a burst larger than one commit takes is committed whole, each write once", async () => {
    const s = new SqliteStore(join(dir, "burst.sqlite"));
    const versions = await Promise.all(Array.from({ length: 150 }, (_, i) => s.setWithLog(`c${i}`, `v${i}`, null, { id: "log", lines: [`l${i}`], keep: 500 })));
    expect(versions.every((v) => v !== null)).toBe(true);
    expect(versions.map((v) => v!.first)).toEqual(Array.from({ length: 150 }, (_, i) => i));
    for (const i of [0, 63, 64, 149]) expect((await s.get(`c${i}`))?.value).toBe(`v${i}`);
    expect(await s.lines("log")).toHaveLength(150);
    await s.close();
  });

  it("a write made after the first has waited a few ms commits both then, within the same turn of the event loop", async () => {
    const path = join(dir, "within.sqlite");
    const s = new SqliteStore(path);
    // Another connection sees only what is committed.
    const other = new Database(path, { readonly: true });
    const committed = (id: string) => other.prepare("SELECT value FROM chats WHERE chat_id = ?").get(id) as { value: string } | undefined;
    const first = s.set("a", "1", null);
    // A busy turn: the next request's turn is worked out before its write is made.
    const until = performance.now() + 6;
    while (performance.now() < until);
    const second = s.set("b", "2", null);
    // Still the same turn: the first was not kept waiting for whatever else the turn holds.
    expect(committed("a")).toEqual({ value: "1" });
    expect(committed("b")).toEqual({ value: "2" });
    expect(await first).not.toBeNull();
    expect(await second).not.toBeNull();
    other.close();
    await s.close();
  });

  it("writes still waiting when the store is closed are committed first", async () => {
    const path = join(dir, "close.sqlite");
    const s = new SqliteStore(path);
    const written = s.set("c", "kept", null);
    await s.close();
    const version = await written;
    expect(version).not.toBeNull();
    const again = new SqliteStore(path);
    expect(await again.get("c")).toEqual({ value: "kept", version });
    await again.close();
  });
});
