/**
 * The question a flow is waiting on, as a reply: the problem with the last answer (once),
 * the question, and — after two failed tries — what is expected and a way out.
 */
import type { Slot } from "../../flows/answers.ts";
import { AMOUNT_SLOTS, REGION_SLOTS } from "../../flows/answers.ts";
import type { FlowContext, Problem } from "../../flows/common.ts";
import { DIVISIONS, divisionByCode, shortName, type Division } from "../places/divisions.ts";
import { getPolicyBook } from "../policy/index.ts";
import { flowMessages as m } from "../messages/flows.ts";
import type { Choice, Reply } from "./reply.ts";

const CHOICE_SLOTS = ["scheme", "status", "setting", "level", "visitor", "category", "why"] as const;
type ChoiceSlot = (typeof CHOICE_SLOTS)[number];

function isChoiceSlot(slot: Slot): slot is ChoiceSlot {
  return (CHOICE_SLOTS as readonly string[]).includes(slot);
}

/** The choices offered for a slot, ids `v:<slot>:<value>`. */
export function slotChoices(slot: Slot): Choice[] {
  if (isChoiceSlot(slot)) {
    const labels = m.labels[slot] as Record<string, string>;
    return Object.entries(labels).map(([value, label]) => ({ id: `v:${slot}:${value}`, label }));
  }
  if (slot === "classB" || slot === "outOfCatalog") return [{ id: `v:${slot}:?`, label: m.unknownChoice }];
  return [];
}

/** How many of a province's cities are offered as buttons; the rest are typed. */
const PROVINCE_CHOICES = 8;

/**
 * A province's cities to pick from: those with policy data first (the large cities people name
 * most often), then the rest in code order, which puts the capital first.
 */
function citiesOf(province: string): Division[] {
  // Prefectures only: a county-level 统筹区 (溧阳) is found when typed, not offered before 无锡.
  const all = DIVISIONS.filter((d) => d.level === "city" && d.provinceCode === province && d.code.endsWith("00"));
  const regions = getPolicyBook().regions;
  return [...all.filter((d) => regions.has(d.code)), ...all.filter((d) => !regions.has(d.code))].slice(0, PROVINCE_CHOICES);
}

function problemText(problem: Problem, slot: Slot): string {
  switch (problem.k) {
    case "province":
    {
      const name = divisionByCode(problem.code)?.name ?? "";
      return m.problems.province(name, shortName(name), slot);
    }
    case "dontKnow":
      return slot === "setting" ? m.problems.dontKnowSetting : m.problems.unclear;
    case "ambiguous":
      // One city only: a name typed wrong (深川), asked back rather than assumed.
      if (problem.codes.length === 1) return m.problems.didYouMean(shortName(divisionByCode(problem.codes[0]!)?.name ?? ""));
      return problem.named && (slot === "insured" || slot === "treatment") ? m.problems.ambiguousRole(slot) : m.problems.ambiguous;
    case "invalid":
      return AMOUNT_SLOTS.includes(slot) ? m.problems.amountInvalid : m.problems.invalid;
    default:
      return m.problems[problem.k];
  }
}

export function explanationOf(slot: Slot): string {
  if (slot === "insured" || slot === "treatment") return m.explain[slot];
  if (AMOUNT_SLOTS.includes(slot)) return m.explain.amount;
  if (slot === "visitor") return m.explain.visitor;
  return m.explain.choice;
}

export function questionReply(slot: Slot, ctx: FlowContext): Reply {
  const lines: string[] = [];
  if (ctx.err) lines.push(problemText(ctx.err, slot));
  if (ctx.err?.k === "ambiguous") {
    const choices = ctx.err.codes.map((code) => ({ id: `p:${code}`, label: divisionByCode(code)?.name ?? code }));
    return { text: lines.join("\n"), choices };
  }
  if (ctx.err?.k === "province") {
    // 河北 alone: its cities as buttons (typing one works too), not the generic question again.
    const choices = citiesOf(ctx.err.code).map((d) => ({ id: `p:${d.code}`, label: shortName(d.name) }));
    return choices.length > 0 ? { text: lines.join("\n"), choices } : { text: lines.join("\n") };
  }
  if (ctx.tries >= 2) lines.push(explanationOf(slot));
  const vague = ctx.a.shareWords?.vague && ctx.a.shareWords.slot === slot ? ctx.a.shareWords : undefined;
  if (vague) lines.push(m.vagueShare(vague.words, vague.slot === "classB" ? "乙类" : "自费的"));
  // 不是三甲: the denied level is not offered; 三乙 can still be typed.
  const denied = slot === "level" ? ctx.a.notLevel : undefined;
  lines.push(denied ? m.askLevelNot(denied) : (m.ask[slot as keyof typeof m.ask] ?? ""));
  let choices = denied ? [...slotChoices(slot).filter((c) => c.id !== `v:level:${denied}`), { id: "v:level:?", label: m.unknownChoice }] : slotChoices(slot);
  if (ctx.tries >= 2 && REGION_SLOTS.includes(slot)) {
    lines.push(m.wayOut);
    choices = [
      { id: "help", label: m.choices.help },
      { id: "cancel", label: m.choices.cancel },
    ];
  }
  return choices.length > 0 ? { text: lines.join("\n"), choices } : { text: lines.join("\n") };
}
