/**
 * Input clean-up before any reading: a hard length cut (so a pasted novel costs the same as a
 * sentence), control characters out, full-width forms folded (３万 → 3万, ＡＰＰ → APP), and a
 * few typos people make with pinyin input that would otherwise hide the key word.
 */

/** Characters kept from a message; the rest is cut before parsing. */
export const MAX_INPUT_LENGTH = 500;

import { toSimplified } from "./traditional.ts";

// Pinyin-input slips seen in real questions: same sound, wrong character.
const TYPOS: [RegExp, string][] = [
  [/备按|被案|备岸/g, "备案"],
  [/报消|抱销|报效(?=.{0,4}(多少|吗|不))/g, "报销"],
  [/就意|就一(?=报销|备案|结算)/g, "就医"],
  [/医疗保险/g, "医保"],
  // Dialect for 没有 (莫得 in the south-west, 木有 online, 冇 in Cantonese): read as 没有, so
  // 莫得备案 is a negation like 没备案.
  [/莫得|木有/g, "没有"],
  [/冇/g, "没"],
];

/** Financial numerals copied from a receipt (叁万伍仟元): only in a run of two or more. */
const CAPITAL_DIGITS: Record<string, string> = {
  壹: "一", 贰: "二", 貳: "二", 叁: "三", 參: "三", 肆: "四", 伍: "五", 陆: "六", 陸: "六", 柒: "七", 捌: "八", 玖: "九",
  拾: "十", 佰: "百", 仟: "千", 萬: "万", 圆: "元",
};
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;
/**
 * Anything the replacements below could act on (a control character, or any typo pattern whole):
 * most messages have none, and one scan for all of them costs less than a pass for each.
 */
const MAY_REPLACE = new RegExp([CONTROL, ...TYPOS.map(([pattern]) => pattern)].map((p) => `(?:${p.source})`).join("|"));

const CAPITAL_RUN = /[零壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬万亿圆元角整]{2,}/gu;
const CAPITAL = /[壹贰貳叁參肆伍陆陸柒捌玖]/u;

export function normalize(raw: string): string {
  // Cut on code points, not UTF-16 units, so a surrogate pair is never split in half.
  // A string no longer in UTF-16 units than the limit is within it in code points too.
  let text = raw.length <= MAX_INPUT_LENGTH ? raw : Array.from(raw).slice(0, MAX_INPUT_LENGTH).join("");
  text = text.normalize("NFKC");
  // 長沙職工 → 长沙职工: every table below and after is in simplified characters.
  text = toSimplified(text);
  if (MAY_REPLACE.test(text)) {
    text = text.replace(CONTROL, " ");
    text = text.toLowerCase();
    for (const [pattern, replacement] of TYPOS) text = text.replace(pattern, replacement);
  } else text = text.toLowerCase();
  if (CAPITAL.test(text)) {
    text = text.replace(CAPITAL_RUN, (run) => (CAPITAL.test(run) ? run.replace(/[壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬圆]/gu, (c) => CAPITAL_DIGITS[c] ?? c) : run));
  }
  return text;
}
