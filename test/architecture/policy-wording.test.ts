/**
 * Every rule is decided once, from data: src/policy reads structured fields of policies/*.yaml,
 * never the Chinese wording of a source. A regular expression or a substring search over Chinese
 * text in src/policy would be a rule decided from how a page happens to phrase it; this test
 * reads the code (the TypeScript syntax tree, so comments and messages do not count) and fails
 * on one.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { wordingMatches } from "./wording.ts";

const POLICY = new URL("../../src/policy/", import.meta.url).pathname;

describe("src/policy decides nothing from the wording of a source", () => {
  const files = readdirSync(POLICY, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));

  it("reads every file of the policy layer", () => {
    expect(files).toEqual(expect.arrayContaining(["claim.ts", "registration.ts", "template.ts", "settle.ts", "resolve.ts"]));
  });

  it("has no regular expression or substring search over Chinese text", () => {
    const found = files.flatMap((f) => wordingMatches(f, readFileSync(join(POLICY, f), "utf8")));
    expect(found).toEqual([]);
  });

  it("fails on a violation (the constants it replaced, and the other forms)", () => {
    expect(wordingMatches("a.ts", "const REFERRAL = /转诊/;\nexport const f = (m: string) => REFERRAL.test(m);")).toEqual(["a.ts:1 /转诊/"]);
    expect(wordingMatches("b.ts", "const x = new RegExp(word);")).toEqual(["b.ts:1 RegExp(...)"]);
    expect(wordingMatches("c.ts", 'const y = (t: string) => t.includes("取消");')).toEqual(['c.ts:1 .includes("取消")']);
    // Comments and messages are not text matching.
    expect(wordingMatches("d.ts", '// 转诊 /转诊/\nconst msg = "请以参保地规定为准";\nconst ok = /^\\d{6}$/.test(code);')).toEqual([]);
  });
});
