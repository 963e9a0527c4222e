/**
 * SQLite's hourly purge: what has expired leaves the file, what has not stays, and the store
 * keeps serving while it runs (the purge lets the event loop turn between slices of the table).
 */
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/index.ts";

const dir = mkdtempSync(join(tmpdir(), "yidi-purge-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SqliteStore.purgeExpired", () => {
  it("removes expired values and lines a slice at a time, keeps the live ones, and lets other work run meanwhile", async () => {
    const path = join(dir, "purge.sqlite");
    let now = 1_000_000_000_000;
    const ttl = 60_000;
    const s = new SqliteStore(path, ttl, () => now);
    const value = "苏州".repeat(400);
    // Every fifth chat is written a minute and more before the others, so it expires first.
    const chats = 4000;
    for (let i = 0; i < chats; i++) {
      if (i % 5 === 0) continue;
      await s.set(`c${i}`, value + i, null);
    }
    now -= 2 * ttl;
    for (let i = 0; i < chats; i += 5) await s.set(`c${i}`, value + i, null);
    await s.append("c0:log", ["一", "二"], 10);
    now += 2 * ttl;
    await s.append("c1:log", ["三"], 10);
    now += ttl / 2;

    // Another connection looks at the table between turns of the loop while the purge runs.
    const raw = new Database(path, { readonly: true });
    const count = () => (raw.prepare("SELECT count(*) AS n FROM chats").get() as { n: number }).n;
    const seen: number[] = [];
    let purging = true;
    const watch = () => {
      seen.push(count());
      if (purging) setImmediate(watch);
    };
    setImmediate(watch);
    const removed = await s.purgeExpired();
    purging = false;
    await new Promise((r) => setImmediate(r));

    expect(removed).toBe(chats / 5 + 2);
    // Seen half done: some expired rows gone and some still there, so the loop turned in between.
    expect(seen.some((n) => n < chats && n > chats - chats / 5)).toBe(true);
    try {
      expect((raw.prepare("SELECT count(*) AS n FROM chats").get() as { n: number }).n).toBe(chats - chats / 5);
      expect((raw.prepare("SELECT count(*) AS n FROM chats WHERE chat_id = 'c5'").get() as { n: number }).n).toBe(0);
      expect((raw.prepare("SELECT count(*) AS n FROM lines").get() as { n: number }).n).toBe(1);
    } finally {
      raw.close();
    }
    expect(await s.get("c1")).toEqual({ value: `${value}1`, version: expect.any(Number) });
    expect(await s.get("c5")).toBeNull();
    expect(await s.lines("c1:log")).toEqual([{ seq: 0, value: "三" }]);
    await s.close();
  });
});
