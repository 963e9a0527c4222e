/**
 * The national facts (national.yaml `facts`) by topic: each side question the conversation can
 * be asked has exactly one fact, keyed once. Facts with a version for one kind of registration
 * (long or temporary) name it here too.
 */
import type { PolicyBook } from "./book.ts";
import type { SourceRef } from "./scenario.ts";
import type { Term } from "./terms.ts";

export interface CitedText {
  /** The fact's key in national.yaml `facts`. */
  key: string;
  text: string;
  source: SourceRef;
}

/** Side topic → the key of its fact, and the keys of its long/temporary versions where there are some. */
export const TOPIC_FACTS = {
  validity: { key: "validity", byTerm: { long: "validity_long", temporary: "validity_temporary" } },
  emergency: { key: "emergency_as_registered" },
  makeup_registration: { key: "makeup_registration" },
  outpatient: { key: "outpatient_general" },
  chronic_disease: { key: "chronic_diseases" },
  ratio_change: { key: "temporary_ratio_cut" },
  find_hospital: { key: "register_to_area_not_hospital" },
  review_time: { key: "review_time" },
  check_result: { key: "check_result" },
  deposit: { key: "deposits" },
  maternity: { key: "maternity" },
  serious_illness: { key: "serious_illness_one_bill" },
  registration_materials: { key: "commitment_letter" },
  two_way: { key: "two_way_benefits" },
  commitment: { key: "commitment_letter" },
  principle: { key: "principle" },
} as const satisfies Record<string, { key: string; byTerm?: Record<Term, string> }>;

export type FactTopic = keyof typeof TOPIC_FACTS;
export const FACT_TOPICS = Object.keys(TOPIC_FACTS) as FactTopic[];

export function isFactTopic(topic: string): topic is FactTopic {
  return Object.hasOwn(TOPIC_FACTS, topic);
}

/** A national fact with its source, or undefined when the data has no such key. */
export function nationalFact(book: PolicyBook, key: string): CitedText | undefined {
  const f = book.national.facts[key];
  return f ? { key, text: f.text, source: book.sourceRef(null, f.source, f.quote) } : undefined;
}

/** The fact that answers a side topic; the version for the person's kind of registration first, once it is known. */
export function factForTopic(book: PolicyBook, topic: FactTopic, term?: Term): CitedText | undefined {
  const entry: { key: string; byTerm?: Record<Term, string> } = TOPIC_FACTS[topic];
  const own = term ? entry.byTerm?.[term] : undefined;
  return (own ? nationalFact(book, own) : undefined) ?? nationalFact(book, entry.key);
}
