/** The bounded map: never more than its limit, the oldest forgotten first, `refresh` making an entry the newest. */
import { describe, expect, it } from "vitest";
import { BoundedMap } from "../../src/util/bounded-map.ts";

const keys = (m: BoundedMap<string, number>) => [...m.entries()].map(([k]) => k);

describe("a bounded map", () => {
  it("keeps at most its limit, forgetting the oldest first", () => {
    const m = new BoundedMap<string, number>(3);
    for (const [i, k] of ["a", "b", "c", "d", "e"].entries()) m.set(k, i);
    expect(m.size).toBe(3);
    expect(keys(m)).toEqual(["c", "d", "e"]);
    expect(m.get("a")).toBeUndefined();
    expect(m.get("e")).toBe(4);
  });

  it("setting a key it holds changes the value in place: nothing is forgotten, the key keeps its age", () => {
    const m = new BoundedMap<string, number>(2);
    m.set("a", 1).set("b", 2).set("a", 3);
    expect(keys(m)).toEqual(["a", "b"]);
    expect(m.get("a")).toBe(3);
    m.set("c", 4);
    expect(keys(m)).toEqual(["b", "c"]);
  });

  it("refresh makes the entry the newest, so the next one forgotten is another", () => {
    const m = new BoundedMap<string, number>(2);
    m.set("a", 1).set("b", 2).refresh("a", 5);
    expect(keys(m)).toEqual(["b", "a"]);
    m.set("c", 6);
    expect(keys(m)).toEqual(["a", "c"]);
    expect(m.get("a")).toBe(5);
  });

  it("an entry deleted makes room without pushing anything out", () => {
    const m = new BoundedMap<string, number>(2);
    m.set("a", 1).set("b", 2);
    expect(m.delete("a")).toBe(true);
    m.set("c", 3);
    expect(keys(m)).toEqual(["b", "c"]);
    expect(m.has("b")).toBe(true);
  });

  it("refuses a limit below one", () => {
    expect(() => new BoundedMap(0)).toThrow(RangeError);
  });
});
