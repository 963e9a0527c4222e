/** The terminal's file store: the store interface over one JSON file. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FileStore } from "../../src/store/index.ts";

const fresh = () => join(mkdtempSync(join(tmpdir(), "yidi-file-")), "home", "terminal.json");

describe("FileStore", () => {
  it("writes compare-and-set, keeps across instances, and removes the file when the last chat is forgotten", async () => {
    const path = fresh();
    const a = new FileStore(path);
    const v1 = await a.set("t", "one", null);
    expect(v1).not.toBeNull();
    expect(await a.set("t", "lost", null)).toBeNull();
    const b = new FileStore(path);
    expect(await b.get("t")).toEqual({ value: "one", version: v1 });
    const v2 = await b.set("t", "two", v1);
    expect(v2).toBe(v1! + 1);
    // The first instance's version is old now: its write loses.
    expect(await a.set("t", "stale", v1)).toBeNull();
    expect((await a.get("t"))?.value).toBe("two");
    expect(readFileSync(path, "utf8")).toContain("two");
    await a.delete("t");
    expect(await b.get("t")).toBeNull();
    expect(existsSync(path)).toBe(false);
  });

  it("expires a chat after its idle time, or never with Infinity", async () => {
    let now = 1_000_000;
    const path = fresh();
    const short = new FileStore(path, { ttlMs: 1000, clock: () => now });
    await short.set("t", "x", null);
    now += 1001;
    expect(await short.get("t")).toBeNull();
    const forever = new FileStore(fresh(), { ttlMs: Infinity, clock: () => now });
    await forever.set("t", "x", null);
    now += 10 ** 12;
    expect((await forever.get("t"))?.value).toBe("x");
  });

  it("keeps a log beside the chats: newest lines, growing places, across instances, gone with the chat", async () => {
    const path = fresh();
    const a = new FileStore(path);
    await a.set("t", "v", null);
    expect(await a.append("t", ["one", "two"], 2)).toBe(0);
    expect(await a.append("t", ["three"], 2)).toBe(2);
    const b = new FileStore(path);
    expect(await b.lines("t")).toEqual([
      { seq: 1, value: "two" },
      { seq: 2, value: "three" },
    ]);
    expect(await b.lines("t", 1)).toEqual([{ seq: 2, value: "three" }]);
    expect((await b.get("t"))?.value).toBe("v");
    await b.delete("t");
    expect(await a.lines("t")).toEqual([]);
    expect(existsSync(path)).toBe(false);
  });

  it("reads the bare conversation an older terminal saved as its chat", async () => {
    const path = fresh();
    await new FileStore(path).set("other", "y", null);
    writeFileSync(path, '{"version":1,"snapshot":{},"updatedAt":"2025-08-01T00:00:00.000Z"}');
    const store = new FileStore(path, { legacyChat: "terminal" });
    const entry = await store.get("terminal");
    expect(entry?.value).toContain('"snapshot"');
    expect(await store.set("terminal", "new", entry!.version)).toBe(entry!.version + 1);
    expect(await new FileStore(path).get("terminal")).toEqual({ value: "new", version: entry!.version + 1 });
    expect(await new FileStore(path).get("other")).toBeNull();
  });
});

describe("FileStore where nothing can be written", () => {
  it("goes on from memory: the chat works, only the resume is lost", async () => {
    const dir = mkdtempSync(join(tmpdir(), "yidi-file-"));
    // A path under a regular file cannot be created.
    writeFileSync(join(dir, "blocker"), "");
    const store = new FileStore(join(dir, "blocker", "terminal.json"));
    const v1 = await store.set("t", "one", null);
    expect(v1).not.toBeNull();
    expect(await store.set("t", "two", v1)).toBe(v1! + 1);
    expect((await store.get("t"))?.value).toBe("two");
  });
});
