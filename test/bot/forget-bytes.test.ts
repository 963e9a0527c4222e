/**
 * /forget leaves nothing behind: after it, no byte of the forgotten conversation can be read
 * in the SQLite database file or its WAL, nor in any Redis key. The conversation carries a
 * distinctive amount (a string no other part of the file contains).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { Redis } from "ioredis";
import { RedisStore, SqliteStore } from "../../src/store/index.ts";
import { startHarness } from "./harness.ts";

const dir = mkdtempSync(join(tmpdir(), "yidi-forget-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// An amount no default content contains: it is stored as "73918.46" in the answers.
const AMOUNT = "73918.46";

function rawFiles(path: string): Buffer {
  return Buffer.concat([path, `${path}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

async function converse(h: Awaited<ReturnType<typeof startHarness>>, chat: number): Promise<void> {
  await h.text(chat, "/estimate");
  await h.text(chat, "苏州");
  await h.text(chat, "职工医保");
  await h.text(chat, "上海");
  await h.text(chat, `住院花了${AMOUNT}元`);
}

describe("/forget erases the bytes", () => {
  it("SQLite: the database file and the WAL hold nothing of the forgotten conversation", async () => {
    const path = join(dir, "forget.sqlite");
    const store = new SqliteStore(path);
    const h = await startHarness({ store });
    try {
      // Another chat keeps its conversation: the file is not simply emptied.
      await h.text(11, "/estimate");
      await converse(h, 12);
      expect(rawFiles(path).includes(AMOUNT)).toBe(true);
      await h.text(12, "/forget");
      expect(await store.get("12")).toBeNull();
      expect(await store.get("11")).not.toBeNull();
      expect(rawFiles(path).includes(AMOUNT)).toBe(false);
      expect(rawFiles(path).includes(Buffer.from("苏州"))).toBe(false);
    } finally {
      await h.stop();
    }
    // Closed and reopened: still nothing.
    expect(rawFiles(path).includes(AMOUNT)).toBe(false);
  });

  it("Redis: no key holds anything of the forgotten conversation", async () => {
    const prefix = `forget${Date.now()}:`;
    const store = await RedisStore.connect(inject("redisUrl"), { prefix });
    const h = await startHarness({ store });
    const raw = new Redis(inject("redisUrl"));
    // Every key's plain content (DUMP would compress long values and hide the string).
    const everything = async () => {
      const parts: string[] = [];
      for (const key of await raw.keys("*")) {
        const type = await raw.type(key);
        parts.push(key);
        if (type === "string") parts.push((await raw.get(key)) ?? "");
        else if (type === "hash") parts.push(JSON.stringify(await raw.hgetall(key)));
        else if (type === "list") parts.push(JSON.stringify(await raw.lrange(key, 0, -1)));
        else if (type === "set") parts.push(JSON.stringify(await raw.smembers(key)));
        else if (type === "zset") parts.push(JSON.stringify(await raw.zrange(key, "0", "-1")));
      }
      return parts.join("\n");
    };
    try {
      await converse(h, 13);
      expect((await everything()).includes(AMOUNT)).toBe(true);
      await h.text(13, "/forget");
      expect(await raw.exists(`${prefix}13`)).toBe(0);
      expect((await everything()).includes(AMOUNT)).toBe(false);
    } finally {
      raw.disconnect();
      await h.stop();
    }
  });
});
