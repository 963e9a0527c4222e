/**
 * Every rule is decided once, from data: src/policy reads structured fields of policies/*.yaml,
 * never the Chinese wording of a source. A regular expression or a substring search over Chinese
 * text in src/policy would be a rule decided from how a page happens to phrase it; this test
 * reads the code (the TypeScript syntax tree, so comments and messages do not count) and fails
 * on one.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const HAN = /\p{Script=Han}/u;
const SEARCHES = new Set(["test", "match", "matchAll", "exec", "search", "includes", "startsWith", "endsWith", "indexOf", "lastIndexOf", "replace", "replaceAll", "split"]);

/** Text matching over Chinese wording in one file: regex literals with Chinese, RegExp built at run time, substring searches for Chinese. */
export function wordingMatches(name: string, code: string): string[] {
  const file = ts.createSourceFile(name, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const at = (n: ts.Node) => `${name}:${file.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(n) && HAN.test(n.text)) found.push(`${at(n)} ${n.text}`);
    if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === "RegExp") found.push(`${at(n)} RegExp(...)`);
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && SEARCHES.has(n.expression.name.text)) {
      const chinese = n.arguments.find((a) => (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)) && HAN.test(a.text));
      if (chinese) found.push(`${at(n)} .${n.expression.name.text}(${chinese.getText()})`);
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  return found;
}

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
