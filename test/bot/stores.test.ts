/** The same contract for every backend: compare-and-set, delete, idle expiry, typed failure. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, it } from "vitest";
import { MemoryStore, RedisStore, SqliteStore, StoreUnavailableError, openStore, type ConversationStore } from "../../src/store/index.ts";
import { startRedisServer } from "../../src/store/testing/redis-server.ts";

const dir = mkdtempSync(join(tmpdir(), "yidi-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const chat = () => `c${++n}-${Math.random().toString(36).slice(2, 8)}`;

type Factory = (ttlMs: number) => Promise<ConversationStore>;
const backends: [string, Factory][] = [
  ["memory", async (ttl) => new MemoryStore(ttl)],
  ["sqlite", async (ttl) => new SqliteStore(join(dir, `s${++n}.sqlite`), ttl)],
  ["redis", async (ttl) => RedisStore.connect(inject("redisUrl"), { ttlMs: ttl, prefix: `t${++n}:` })],
];

describe.each(backends)("%s store", (_name, make) => {
  it("writes only over the version it read; the loser gets null", async () => {
    const s = await make(60_000);
    const id = chat();
    expect(await s.get(id)).toBeNull();
    const v1 = await s.set(id, "a", null);
    expect(v1).not.toBeNull();
    expect(await s.set(id, "lost", null)).toBeNull();
    const v2 = await s.set(id, "b", v1);
    expect(v2).toBe(v1! + 1);
    expect(await s.set(id, "stale", v1)).toBeNull();
    expect(await s.get(id)).toEqual({ value: "b", version: v2 });
    await s.close();
  });

  it("concurrent writers over one version: exactly one wins", async () => {
    const s = await make(60_000);
    const id = chat();
    const v = await s.set(id, "0", null);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => s.set(id, String(i), v)));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    await s.close();
  });

  it("delete removes the chat; a later write starts a new, higher version", async () => {
    const s = await make(60_000);
    const id = chat();
    const v = await s.set(id, "x", null);
    await s.delete(id);
    expect(await s.get(id)).toBeNull();
    await new Promise((r) => setTimeout(r, 2));
    const again = await s.set(id, "y", null);
    expect(again).toBeGreaterThan(v!);
    await s.close();
  });

  it("an idle value expires", async () => {
    const s = await make(150);
    const id = chat();
    await s.set(id, "x", null);
    expect(await s.get(id)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    expect(await s.get(id)).toBeNull();
    // The expired value no longer blocks a fresh write.
    expect(await s.set(id, "y", null)).not.toBeNull();
    await s.close();
  });

  it("a log: lines come back oldest first with growing places; only the newest `keep` are kept; a limit reads the newest", async () => {
    const s = await make(60_000);
    const id = chat();
    expect(await s.lines(id)).toEqual([]);
    expect(await s.append(id, ["a", "b"], 4)).toBe(0);
    expect(await s.append(id, ["苏州".repeat(800)], 4)).toBe(2);
    expect(await s.lines(id)).toEqual([
      { seq: 0, value: "a" },
      { seq: 1, value: "b" },
      { seq: 2, value: "苏州".repeat(800) },
    ]);
    expect(await s.append(id, ["d", "e", "f"], 4)).toBe(3);
    expect((await s.lines(id)).map((l) => [l.seq, l.value.slice(0, 2)])).toEqual([
      [2, "苏州"],
      [3, "d"],
      [4, "e"],
      [5, "f"],
    ]);
    expect(await s.lines(id, 2)).toEqual([
      { seq: 4, value: "e" },
      { seq: 5, value: "f" },
    ]);
    expect(await s.lines(id, 0)).toEqual([]);
    // A log and a value under one id live side by side.
    await s.set(id, "value", null);
    expect((await s.get(id))!.value).toBe("value");
    expect(await s.lines(id, 1)).toEqual([{ seq: 5, value: "f" }]);
    expect(await s.lines(chat())).toEqual([]);
    await s.close();
  });

  it("delete removes the log with the value; an idle log expires", async () => {
    const s = await make(200);
    const [a, b] = [chat(), chat()];
    await s.set(a, "x", null);
    await s.append(a, ["1", "2"], 10);
    await s.append(b, ["kept"], 10);
    await s.delete(a);
    expect(await s.get(a)).toBeNull();
    expect(await s.lines(a)).toEqual([]);
    expect(await s.lines(b)).toEqual([{ seq: 0, value: "kept" }]);
    await new Promise((r) => setTimeout(r, 350));
    expect(await s.lines(b)).toEqual([]);
    await s.close();
  });

  it("keeps values of a couple of KB intact, Chinese included", async () => {
    const s = await make(60_000);
    const id = chat();
    const value = JSON.stringify({ c: "苏州".repeat(500), u: [1, 2] });
    await s.set(id, value, null);
    expect((await s.get(id))!.value).toBe(value);
    await s.close();
  });
});

describe("store failures", () => {
  it("an unreachable Redis is a StoreUnavailableError at connect", async () => {
    const server = await startRedisServer();
    await server.stop();
    await expect(RedisStore.connect(server.url)).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it("Redis going away turns calls into StoreUnavailableError quickly, and they work again once it is back", async () => {
    const server = await startRedisServer();
    const s = await RedisStore.connect(server.url);
    await s.set("k", "v", null);
    await server.stop();
    const started = Date.now();
    await expect(s.get("k")).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(3000);
    const back = await startRedisServer(server.port);
    let ok = false;
    for (let i = 0; i < 50 && !ok; i++) {
      ok = await s.ping().then(() => true, () => false);
      if (!ok) await new Promise((r) => setTimeout(r, 100));
    }
    expect(ok).toBe(true);
    await s.close();
    await back.stop();
  });

  it("a closed SQLite database is a StoreUnavailableError", async () => {
    const s = new SqliteStore(join(dir, "closed.sqlite"));
    await s.close();
    await expect(s.get("x")).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it("a SQLite file of an earlier version keeps its conversations (moved to the new table once)", async () => {
    const path = join(dir, "earlier.sqlite");
    const old = new Database(path);
    old.pragma("journal_mode = WAL");
    old.exec(`CREATE TABLE conversations (chat_id TEXT PRIMARY KEY, value TEXT NOT NULL, version INTEGER NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID`);
    const now = Date.now();
    old.prepare("INSERT INTO conversations VALUES (?, ?, ?, ?)").run("kept", "苏州".repeat(900), 41, now + 60_000);
    old.prepare("INSERT INTO conversations VALUES (?, ?, ?, ?)").run("expired", "x", 7, now - 1);
    old.close();
    const [a, b] = [new SqliteStore(path), new SqliteStore(path)];
    expect(await a.get("kept")).toEqual({ value: "苏州".repeat(900), version: 41 });
    expect(await b.get("kept")).toEqual({ value: "苏州".repeat(900), version: 41 });
    expect(await a.get("expired")).toBeNull();
    expect(await b.set("kept", "next", 41)).toBe(42);
    expect(await a.get("kept")).toEqual({ value: "next", version: 42 });
    await a.close();
    await b.close();
    const check = new Database(path, { readonly: true });
    const tables = check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    check.close();
    expect(tables.map((t) => (t as { name: string }).name).sort()).toEqual(["chats", "lines"]);
  });

  it("SQLite: two processes' connections appending to one log never give a place twice", async () => {
    const path = join(dir, "shared-log.sqlite");
    const [a, b] = [new SqliteStore(path), new SqliteStore(path)];
    const firsts = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).append("log", [`x${i}`, `y${i}`], 100)));
    expect(new Set(firsts).size).toBe(20);
    const lines = await a.lines("log");
    expect(lines.map((l) => l.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    await a.close();
    await b.close();
  });

  it("SQLite: what is written reaches the database file from the log in the background, with no write waiting for it", async () => {
    const path = join(dir, "background.sqlite");
    const s = new SqliteStore(path);
    // A few pages only: SQLite itself would leave them in the log until 1,000 pages had gathered.
    await s.set("bg", "ckpt-7a41e9", null);
    let inFile = false;
    for (let i = 0; i < 100 && !inFile; i++) {
      await new Promise((r) => setTimeout(r, 100));
      inFile = readFileSync(path).includes("ckpt-7a41e9");
    }
    expect(inFile).toBe(true);
    expect(await s.get("bg")).toEqual({ value: "ckpt-7a41e9", version: expect.any(Number) });
    await s.close();
  });

  it("openStore picks the backend named by the configuration", async () => {
    const a = await openStore({ kind: "memory" });
    const b = await openStore({ kind: "sqlite", path: join(dir, "nested", "deeper", "o.sqlite") });
    const c = await openStore({ kind: "redis", url: inject("redisUrl") });
    expect([a.kind, b.kind, c.kind]).toEqual(["memory", "sqlite", "redis"]);
    for (const s of [a, b, c]) await s.close();
  });
});
