/** SQLite's `setWithLog`: the compare-and-set and the log's lines in one write, both or neither. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/index.ts";

const dir = mkdtempSync(join(tmpdir(), "yidi-setlog-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("SqliteStore.setWithLog", () => {
  it("writes the value and appends the lines, returning the version and the first line's place", async () => {
    const s = new SqliteStore(join(dir, "a.sqlite"));
    const first = await s.setWithLog("c", "v1", null, { id: "c:t", lines: ["a", "b"], keep: 3 });
    expect(first).not.toBeNull();
    expect(first!.first).toBe(0);
    expect(await s.get("c")).toEqual({ value: "v1", version: first!.version });
    const second = await s.setWithLog("c", "v2", first!.version, { id: "c:t", lines: ["c", "d"], keep: 3 });
    expect(second).toEqual({ version: first!.version + 1, first: 2 });
    // Only the newest `keep` lines stay, as with `append`.
    expect(await s.lines("c:t")).toEqual([
      { seq: 1, value: "b" },
      { seq: 2, value: "c" },
      { seq: 3, value: "d" },
    ]);
    await s.close();
  });

  it("a lost compare-and-set appends nothing", async () => {
    const s = new SqliteStore(join(dir, "b.sqlite"));
    const v = await s.set("c", "mine", null);
    expect(await s.setWithLog("c", "theirs", null, { id: "c:t", lines: ["x"], keep: 10 })).toBeNull();
    expect(await s.setWithLog("c", "stale", v! - 1, { id: "c:t", lines: ["y"], keep: 10 })).toBeNull();
    expect(await s.get("c")).toEqual({ value: "mine", version: v });
    expect(await s.lines("c:t")).toEqual([]);
    await s.close();
  });

  it("concurrent writers over one version on two connections: one wins, and only its lines are kept", async () => {
    const path = join(dir, "shared.sqlite");
    const [a, b] = [new SqliteStore(path), new SqliteStore(path)];
    const v = await a.set("c", "0", null);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).setWithLog("c", String(i), v, { id: "c:t", lines: [`line${i}`], keep: 10 })));
    const won = results.flatMap((r, i) => (r ? [i] : []));
    expect(won).toHaveLength(1);
    expect(await b.lines("c:t")).toEqual([{ seq: 0, value: `line${won[0]}` }]);
    expect((await b.get("c"))!.value).toBe(String(won[0]));
    await a.close();
    await b.close();
  });
});
