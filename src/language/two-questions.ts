/**
 * Two questions in one message (备案了多久有效 比例会降吗, 急诊没备案能报吗 要准备什么): each clause
 * is read on its own, and when both ask something answered on the spot, the message's topic names
 * both ("validity+ratio_change"), so the second is answered with the first, not dropped.
 */
import type { Intent, Parse } from "./types.ts";

/** Intents answered on the spot from the national rules (the conversation's side answers). */
const SIDE_INTENTS: ReadonlySet<Intent> = new Set<Intent>([
  "validity", "emergency", "outpatient", "ratio_change", "makeup_registration", "chronic_disease", "find_hospital",
  "review_time", "check_result", "deposit", "maternity", "serious_illness", "who_can_register", "registration_channels",
  "at_hospital", "hotline", "cancel_change", "need_register", "claim_deadline", "registration_materials",
]);

/** A clause that asks something. */
const ASKS = /[?？吗呢么]|多久|多长|怎么|怎样|如何|什么|啥|哪|能不能|会不会|可不可以|要不要|是不是|几天|多少/u;

/** Where one question ends: white space or punctuation, or 吗/呢 with more words after it. */
const BREAK = /[\s,，。.？?！!；;]+|(?<=[吗呢么])(?=\p{Script=Han})/u;
/** The cheap test before any split: something a break can be made of. */
const MAY_BREAK = /[\s,，。.？?！!；;]|[吗呢么]\p{Script=Han}/u;

/** The message's question clauses, when it has two or three of them. */
export function questionClauses(text: string): string[] | undefined {
  if (!MAY_BREAK.test(text)) return undefined;
  // A part that asks nothing (出院半个月了) is the context of the question after it.
  const parts: string[] = [];
  let context = "";
  for (const p of text.split(BREAK)) {
    if (p.length < 2) continue;
    if (ASKS.test(p)) {
      parts.push(context + p);
      context = "";
    } else context += p;
  }
  if (parts.length < 2 || parts.length > 3) return undefined;
  return parts;
}

/** Answers after which a bill was paid in full: materials asked next are the claim's. */
const PAID_FIRST = ["makeup_after_discharge", "claim_deadline", "makeup_in_hospital"];

/** What a clause asks, as a side answer's topic; undefined for a flow's question or none. */
function clauseTopic(p: Parse): string | undefined {
  if (p.topic) return p.topic;
  // A weak guess (备案要签吗, about the 承诺书 just named) is no question of its own.
  if (p.candidates) return undefined;
  if (p.intent === "manual_claim") return "claim_materials";
  return SIDE_INTENTS.has(p.intent) ? p.intent : undefined;
}

/**
 * The topic naming both questions ("validity+ratio_change"), or undefined. `whole` is the parse
 * of the whole message: 要准备什么 after 没备案 asks for the claim's materials (paid in full first).
 */
export function pairTopic(clauses: readonly string[], read: (clause: string) => Parse, whole: Parse): string | undefined {
  const topics: string[] = [];
  for (const clause of clauses) {
    let topic = clauseTopic(read(clause));
    if (topic === undefined) return undefined;
    // 要准备什么 after 没备案 or a discharge: the claim's materials (paid in full first), not the registration's.
    const paidFirst = whole.negated?.includes("visitorType") || topics.some((t) => PAID_FIRST.includes(t));
    if (topic === "registration_materials" && paidFirst && !/备案/u.test(clause)) topic = "claim_materials";
    if (!topics.includes(topic)) topics.push(topic);
  }
  return topics.length >= 2 ? topics.join("+") : undefined;
}

/**
 * What each question of a message with a bill asks (能报多少 要不要备案 要带什么 → estimate,
 * need_register, registration_materials), every clause read on its own; a clause naming a
 * discharge and no registration asks for the claim's papers (出院后要交哪些材料). In the order typed.
 */
export function clauseTopics(text: string, read: (clause: string) => Parse): string[] {
  if (typeof text !== "string" || !ASKS.test(text)) return [];
  const topics: string[] = [];
  for (const part of text.split(BREAK)) {
    if (part.length < 2 || !ASKS.test(part)) continue;
    const p = read(part);
    let topic: string | undefined = p.topic ?? (p.candidates ? undefined : p.intent);
    if (topic === "registration_materials" && p.discharged && !/备案/u.test(part)) topic = "claim_materials";
    if (topic && !topics.includes(topic)) topics.push(topic);
  }
  return topics;
}
