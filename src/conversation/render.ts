/**
 * Replies for text-only channels: choices become a numbered list ("回复 1、2 或 3"), and a
 * typed number or label is matched back to the choice it names.
 */
import type { Choice, Reply } from "./reply.ts";

function numbers(n: number): string {
  if (n <= 1) return "1";
  const list = Array.from({ length: n }, (_, i) => String(i + 1));
  return `${list.slice(0, -1).join("、")} 或 ${list[list.length - 1]}`;
}

/** One reply as plain text: the text, then the numbered choices and how to pick one. */
export function renderText(reply: Reply): string {
  if (!reply.choices || reply.choices.length === 0) return reply.text;
  const list = reply.choices.map((c, i) => `${i + 1}. ${c.label}`).join("\n");
  return `${reply.text}\n${list}\n（回复 ${numbers(reply.choices.length)}）`;
}

/** Full-width digits and stray punctuation around a typed number: "２" "1." "（3）". */
function asNumber(text: string): number | undefined {
  const t = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/^[\s(（【[]+|[\s.。、)）】\]]+$/g, "");
  return /^\d{1,3}$/.test(t) ? Number(t) : undefined;
}

export type ChoiceMatch = { kind: "choice"; choice: Choice } | { kind: "out_of_range"; n: number } | { kind: "none" };

/**
 * What a typed text picks among the shown choices. A bare number outside the list is
 * refused (unless `numbersAreAnswers`: the question wants an amount, so "2" may be 2 元).
 */
export function matchChoice(text: string, choices: readonly Choice[], numbersAreAnswers = false): ChoiceMatch {
  if (choices.length === 0) return { kind: "none" };
  const n = asNumber(text);
  if (n !== undefined) {
    const picked = choices[n - 1];
    if (n >= 1 && picked) return { kind: "choice", choice: picked };
    return numbersAreAnswers ? { kind: "none" } : { kind: "out_of_range", n: choices.length };
  }
  const t = text.trim().toLowerCase();
  const byLabel = choices.find((c) => c.label.toLowerCase() === t);
  if (byLabel) return { kind: "choice", choice: byLabel };
  // "长期备案" for "长期备案（异地安置退休…）": the label's words before its explanation, if only one fits.
  const core = (label: string) => label.split(/[（(]/)[0]!.trim().toLowerCase();
  const partial = choices.filter((c) => core(c.label).length >= 2 && (t === core(c.label) || (t.length >= 2 && core(c.label).startsWith(t))));
  // "门诊" begins 门诊慢特病 but is also the end of 普通门诊: a word another label holds is no pick.
  const elsewhere = choices.some((c) => !partial.includes(c) && core(c.label).includes(t));
  return partial.length === 1 && !elsewhere ? { kind: "choice", choice: partial[0]! } : { kind: "none" };
}
