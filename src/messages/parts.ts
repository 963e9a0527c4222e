/** The figures of a settlement table by name, for saying which are a place's own and which the typical template's. */
import type { TemplatePart } from "../policy/scenario.ts";

const PART: Record<TemplatePart, string> = { deductible: "起付线", ratio: "报销比例", cap: "年度限额" };
const ALL: readonly TemplatePart[] = ["deductible", "ratio", "cap"];

/** 起付线 / 起付线和报销比例 / 起付线、报销比例和年度限额; `cap` names the cap otherwise (限额). */
export function partWords(parts: readonly TemplatePart[], cap = PART.cap): string {
  const words = ALL.filter((p) => parts.includes(p)).map((p) => (p === "cap" ? cap : PART[p]));
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join("、")}和${words[words.length - 1]}`;
}

/** The table's figures that are not the template's, in the same order. */
export function ownParts(parts: readonly TemplatePart[]): TemplatePart[] {
  return ALL.filter((p) => !parts.includes(p));
}
