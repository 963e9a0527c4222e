/**
 * The tables the build works out ahead of time (src/language/prebuilt.ts, written by
 * scripts/prebuild-tables.mjs to dist/src/language/prebuilt.json) are exactly what the sources
 * compute, so a change to the place data, the lexicon code or an intent cue can never be
 * shadowed by an old table; and the compiled parser reads them rather than computing them.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkParser } from "../../src/language/index.ts";
import { computedTables } from "../../src/language/prebuilt.ts";

const root = new URL("../..", import.meta.url).pathname;
const file = join(root, "dist/src/language/prebuilt.json");

describe("the tables the parser builds", () => {
  it("are computed in the sources (no prebuilt file there), one lexicon and the first characters of every intent cue", () => {
    checkParser();
    const tables = computedTables();
    expect(existsSync(join(root, "src/language/prebuilt.json"))).toBe(false);
    expect(Object.keys(tables)).toContain("place lexicon");
    const lexicon = tables["place lexicon"] as Record<string, string>;
    expect(lexicon["苏"]).toMatch(/(^|;)苏州市,320500,0(;|$)/u);
    // 沪 alone needs a locative cue (沪 in 沪深股市 is not where anyone is insured).
    expect(lexicon["沪"]).toMatch(/(^|;)沪,310000,1(;|$)/u);
    expect(Object.keys(tables).filter((name) => name.startsWith("first characters of /")).length).toBeGreaterThan(50);
  });

  describe.skipIf(!existsSync(file))("in the build (dist/)", () => {
    it("hold exactly what the sources compute", () => {
      checkParser();
      const sources = JSON.parse(JSON.stringify(computedTables()));
      expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(sources);
    });

    it("are read by the compiled parser, not computed again", async () => {
      const compiled = (await import(join(root, "dist/src/language/prebuilt.js"))) as typeof import("../../src/language/prebuilt.ts");
      const lexicon = compiled.tableOf("place lexicon", () => {
        throw new Error("computed although the build wrote it");
      });
      expect(lexicon).toEqual(computedTables()["place lexicon"]);
      expect(compiled.computedTables()).toEqual({});
    });
  });
});
