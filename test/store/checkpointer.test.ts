/**
 * The SQLite store's checkpoint worker runs on a thread named for it (where Linux names threads),
 * so that a thread listing or the load benchmarks' CPU time per thread tells its work from V8's
 * compiler and collector threads, which are all called "node".
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/index.ts";
import { THREAD_NAME } from "../../src/store/checkpointer.ts";

const dir = mkdtempSync(join(tmpdir(), "yidi-ckpt-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const named = () =>
  readdirSync("/proc/self/task").filter((tid) => {
    try {
      return readFileSync(`/proc/self/task/${tid}/comm`, "utf8").trim() === THREAD_NAME;
    } catch {
      return false;
    }
  });

describe.runIf(existsSync("/proc/thread-self/comm"))("SqliteStore's checkpoint thread", () => {
  it("is named once the first write starts it, and is gone after close", async () => {
    const s = new SqliteStore(join(dir, "named.sqlite"));
    expect(named()).toEqual([]);
    await s.set("c", "v", null);
    // The worker names itself as it starts, on its own thread.
    for (let i = 0; i < 200 && named().length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(named()).toHaveLength(1);
    await s.close();
    expect(named()).toEqual([]);
  });
});
