/**
 * The conversation reads no words itself: every regular expression over Chinese text lives in
 * src/language, and interpret.ts maps (parse, pending question) to events through tables.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const code = readFileSync(new URL("../../src/conversation/interpret.ts", import.meta.url), "utf8")
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/(^|[^:\\])\/\/.*$/gm, "$1");

describe("src/conversation/interpret.ts", () => {
  it("has no Chinese outside its comments (no word-reading patterns, no wording)", () => {
    const han = code.split("\n").filter((line) => /\p{Script=Han}/u.test(line));
    expect(han).toEqual([]);
  });
  it("builds no regular expression at run time", () => {
    expect(code).not.toMatch(/new RegExp\(/);
  });
  it("parses each message once", () => {
    expect(code.match(/\bparse\(/g)).toHaveLength(1);
  });
});
