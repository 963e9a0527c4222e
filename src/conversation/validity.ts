/**
 * 备案有效期多久 once the insured place is known: its own validity rule from the data (苏州 临时
 * "一年", 广州 在职长期居住 "原则上不超过5年"), with its source; undefined where it has none, and
 * the national rule answers.
 */
import type { Answers } from "../../flows/answers.ts";
import { flowMessages as m } from "../messages/flows.ts";
import { Category, termOf as categoryTerm, type Term } from "../policy/terms.ts";
import { regionName, regionVersion, sourceTitle, today, type Fact } from "./policy-data.ts";

export function validityAnswer(a: Answers, now: Date, term: Term | undefined): Fact | undefined {
  if (!a.insured) return undefined;
  const found = regionVersion(a.insured, a.scheme, today(now));
  const reg = found?.version.registration;
  const validity = reg?.validity;
  if (!found || !reg || !validity) return undefined;
  const asked = a.category ? [a.category] : Category.options.filter((c) => !term || categoryTerm(c) === term);
  const own = asked.filter((c) => validity[c] !== undefined);
  if (own.length === 0) return undefined;
  const lines = own.map((c) => m.aside.validityKind(m.labels.category[c] ?? c, validity[c]!));
  return { text: [m.aside.validityPlace(regionName(a.insured)), ...lines].join("\n"), ...(sourceTitle(found.policy, reg.source) ? { source: sourceTitle(found.policy, reg.source)! } : {}) };
}
