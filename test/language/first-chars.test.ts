/**
 * The quick index in front of the intent cues: it may only skip a pattern that cannot match.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync, readdirSync } from "node:fs";
import { CueIndex, firstChars } from "../../src/language/first-chars.ts";
import { firstPairs } from "../../src/language/first-pairs.ts";
import { CUE_PATTERNS } from "../../src/language/intents.ts";

const chars = (re: RegExp) => {
  const set = firstChars(re);
  return set === undefined ? undefined : [...set].map((c) => String.fromCharCode(c)).sort().join("");
};

describe("the characters a match can start with", () => {
  it.each([
    [/(?<!不是|不算|非)急诊|抢救/u, "急抢"],
    [/(出院|住院)?怎么/u, "住出怎"],
    [/(?:医保|社保)(?=卡)/u, "医社"],
    [/(?<name>报销)多少/u, "报"],
    [/a{0,2}b|c{1,3}?/u, "abc"],
    [/[0-9]万|\d+千/u, "0123456789"],
    [/[a\-c]x/u, "-ac"],
    [/\u4e00|\u{4e8c}/u, "一二"],
    [/^(股票|天气)/u, "天股"],
  ])("%s starts with one of %s", (re, expected) => {
    expect(chars(re)).toBe([...expected].sort().join(""));
  });

  it.each([
    [/.{0,4}怎么/u, "any character first"],
    [/(出院)?.{0,4}怎么/u, "any character after an optional word"],
    [/\s?医保/u, "a space class first"],
    [/[\u4e00-\u9fa5]/u, "a range too wide to list"],
    [/[^a]b/u, "a negated class"],
    [/医保?|/u, "the empty alternative"],
    [/(医保)?/u, "matches the empty string"],
    [/^$/u, "only anchors"],
    [/abc/i, "case-insensitive"],
    [/\bword/u, "a word boundary"],
    [/(a)\1/u, "a back reference"],
  ])("%s is always tested (%s)", (re) => {
    expect(firstChars(re)).toBeUndefined();
  });
});

describe("the two characters a match can start with", () => {
  const read = (re: RegExp) => {
    const found = firstPairs(re);
    return found === undefined ? undefined : { pairs: found.pairs.join(" "), singles: found.singles.map((c) => String.fromCharCode(c)).join("") };
  };

  it.each([
    [/(?<!不是|不算|非)急诊|抢救/u, "急诊 抢救", ""],
    [/(出院|住院)?怎么/u, "住院 出院 怎么", ""],
    [/(?:医保|社保)(?=卡)/u, "医保 社保", ""],
    [/能(不能)?报/u, "能不 能报", ""],
    [/可.{0,4}备案吗/u, "", "可"],
    [/查|查询/u, "", "查"],
    [/(没|未)(有)?备案[^,，]{0,4}能/u, "未备 未有 没备 没有", ""],
    [/a{2,}|b+c/u, "aa bb bc", ""],
    [/备$|备案/u, "", "备"],
  ])("%s starts with a pair of [%s] or one of [%s]", (re, pairs, singles) => {
    expect(read(re)).toEqual({ pairs, singles });
  });

  it("lists every pair of digits and units it must", () => {
    const got = firstPairs(/[0-9]万|\d千/u);
    expect(got?.singles).toEqual([]);
    expect(got?.pairs).toHaveLength(20);
    expect(got?.pairs).toContain("7万");
    expect(got?.pairs).toContain("0千");
  });

  it.each([
    [/.{0,4}怎么/u, "any character first"],
    [/\s?医保/u, "a space class first"],
    [/[^a]b/u, "a negated class first"],
    [/医保?|/u, "the empty alternative"],
    [/(医保)?/u, "matches the empty string"],
    [/^$/u, "only anchors"],
    [/abc/i, "case-insensitive"],
    [/\bword/u, "a word boundary"],
    [/(a)\1/u, "a back reference"],
  ])("%s is always tested (%s)", (re) => {
    expect(firstPairs(re)).toBeUndefined();
  });
});

/** Every evaluation message that is not part of a blind set (blind*.jsonl are never read while tuning). */
function messages(): string[] {
  const dir = new URL("./", import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl") && !f.startsWith("blind"))
    .flatMap((f) => readFileSync(new URL(f, dir), "utf8").split("\n").filter(Boolean))
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

describe("the index in front of the intent cues", () => {
  const index = new CueIndex(CUE_PATTERNS);

  it("marks every cue that matches an evaluation message, at every place it matches", () => {
    let matches = 0;
    for (const text of messages()) {
      const marks = index.candidates(text);
      CUE_PATTERNS.forEach((pattern, k) => {
        if (!pattern.test(text)) return;
        matches++;
        expect(marks[k], `${pattern.source.slice(0, 40)} on ${text}`).toBe(1);
        const first = firstChars(pattern);
        const pairs = firstPairs(pattern);
        const sticky = new RegExp(pattern.source, "uy");
        for (let i = 0; i < text.length; i++) {
          sticky.lastIndex = i;
          if (!sticky.test(text)) continue;
          if (first !== undefined) expect(first.has(text.charCodeAt(i)), `${pattern.source.slice(0, 40)} at ${i} of ${text}`).toBe(true);
          if (pairs !== undefined) {
            const known = pairs.singles.includes(text.charCodeAt(i)) || pairs.pairs.includes(text.slice(i, i + 2));
            expect(known, `${pattern.source.slice(0, 40)} at ${i} of ${text}: pair ${text.slice(i, i + 2)}`).toBe(true);
          }
        }
      });
    }
    expect(matches).toBeGreaterThan(1000);
  });

  it("never skips a cue that matches, on text built from the cues' own words", () => {
    // Pieces of the patterns' literal text, so that random strings often match some cue.
    const pieces = [...new Set(CUE_PATTERNS.flatMap((p) => p.source.split(/[\\^$.|?*+()[\]{}]/u)).filter((w) => w.length > 0 && w.length <= 6))];
    const piece = fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 }), fc.constantFrom("医保", "备案", "3万", "，", " ", "的", "了"));
    let matched = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (parts) => {
        const text = parts.join("");
        const marks = index.candidates(text);
        CUE_PATTERNS.forEach((pattern, k) => {
          if (pattern.test(text)) {
            matched++;
            expect(marks[k], `${pattern.source.slice(0, 40)} on ${text}`).toBe(1);
          }
        });
      }),
      { numRuns: 3000 },
    );
    expect(matched).toBeGreaterThan(1000);
  });
});
