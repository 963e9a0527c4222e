/**
 * No rule re-implemented outside src/policy: the conversation, the flows and the message
 * catalogue take every decision from the policy layer's records and every figure from
 * policies/*.yaml. This test reads their code for the copies issue #11 found: decisions by
 * regular expressions over Chinese text (validity, cancel, claim materials), the category →
 * visitor mapping, the visitor-cut ceilings, the level fallback order, the default answers, and
 * durations written into the catalogue (2 个工作日, 6 个月, 24 个月) instead of read from the facts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { wordingMatches } from "./wording.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const DIRS = ["flows", "src/conversation", "src/messages"];

const files = DIRS.flatMap((dir) =>
  readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => ({ path: `${dir}/${f}`, code: readFileSync(join(ROOT, dir, f), "utf8") })),
);

/** Lines of code (comments dropped) that copy a rule, with what each copies. */
const COPIES: { what: string; pattern: RegExp }[] = [
  { what: "a long-term category mapped to a visitor kind (src/policy/terms.ts visitorOf)", pattern: /\b(retiree_relocated|long_term_resident|stationed_worker)\s*:\s*["']long_term["']/ },
  { what: "a visitor-cut ceiling (national.yaml cutCeilings)", pattern: /\b(temporary_other|referral|emergency)\s*:\s*(10|20)\b/ },
  { what: "a level fallback order (national.yaml defaults.levelFallback)", pattern: /\[\s*["']?[123]["']?\s*,\s*["']?[123]["']?\s*,\s*["']?[123]["']?\s*\]/ },
  { what: "a default answer (national.yaml defaults.assumptions)", pattern: /\bhospitalLevel\s*:\s*[123]\b/ },
  { what: "a duration stated in the catalogue instead of read from a fact", pattern: /\d+\s*个(工作日|月)/ },
];

/** The code of a file without its comments (a comment may name a rule; only code copies one). */
function codeLines(code: string): { n: number; text: string }[] {
  const out: { n: number; text: string }[] = [];
  let inBlock = false;
  code.split("\n").forEach((line, i) => {
    let text = line;
    if (inBlock) {
      const end = text.indexOf("*/");
      if (end < 0) return;
      text = text.slice(end + 2);
      inBlock = false;
    }
    const start = text.indexOf("/*");
    if (start >= 0 && text.indexOf("*/", start) < 0) {
      text = text.slice(0, start);
      inBlock = true;
    }
    text = text.replace(/\/\*.*?\*\//g, "").replace(/(^|\s)\/\/.*$/, "");
    if (text.trim()) out.push({ n: i + 1, text });
  });
  return out;
}

export function ruleCopies(path: string, code: string): string[] {
  return codeLines(code).flatMap(({ n, text }) => COPIES.filter((c) => c.pattern.test(text)).map((c) => `${path}:${n} ${c.what}`));
}

describe("no rule re-implemented outside src/policy", () => {
  it("reads the conversation, the flows and the catalogue", () => {
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["src/conversation/results.ts", "flows/answers.ts", "flows/common.ts", "src/messages/flows.ts", "src/messages/policy.ts"]));
  });

  it("decides nothing by regular expressions or substring searches over Chinese text", () => {
    expect(files.flatMap((f) => wordingMatches(f.path, f.code))).toEqual([]);
  });

  it("holds no copy of a category mapping, a ceiling, a fallback order, a default or a duration", () => {
    expect(files.flatMap((f) => ruleCopies(f.path, f.code))).toEqual([]);
  });

  it("fails on each kind of copy, and not on a comment", () => {
    expect(ruleCopies("a.ts", 'const m = { retiree_relocated: "long_term" };')).toHaveLength(1);
    expect(ruleCopies("b.ts", "const ceilings = { referral: 10, temporary_other: 20 };")).toHaveLength(1);
    expect(ruleCopies("c.ts", 'const order = ["3", "2", "1"];')).toHaveLength(1);
    expect(ruleCopies("d.ts", "const a = { hospitalLevel: 3 };")).toHaveLength(1);
    expect(ruleCopies("e.ts", 'const review = "线上备案2个工作日内审核";\nconst old = `可能已超过 24 个月`;')).toHaveLength(2);
    expect(ruleCopies("f.ts", "// 6 个月内不能取消\n/** 2 个工作日 */\nconst ok = 1;")).toEqual([]);
  });
});
