/**
 * "我属于哪种异地就医?": what kind of care away from home a person's case is, what their
 * registration category means, how their insured place treats that kind of visitor, and whether
 * they can settle directly. Returns cited data; the conversation words it (src/messages).
 */
import type { PolicyBook } from "./book.ts";
import { decideDirectSettlement, directSettlement, type DirectSettlement } from "./direct.ts";
import { emergencyRegistrationFor, type EmergencyRegistration } from "./emergency.ts";
import { excludedFrom, type Excluded } from "./excluded.ts";
import { nationalFact, type CitedText } from "./facts.ts";
import { ownVersion } from "./own-version.ts";
import { findVisitorEntry } from "./resolve.ts";
import type { SourceRef } from "./scenario.ts";
import type { VisitorRule } from "./schema.ts";
import { CutVisitor, jurisdictionBetween, Scheme, visitorOf, type Category, type Jurisdiction, type Setting, type Term, type Visitor } from "./terms.ts";

export interface Eligibility {
  jurisdiction: Jurisdiction;
  /** The national record of the person's registration category, when they named one. */
  category?: { id: Category; name: string; term: Term; validity: string; source: SourceRef; local?: { text: string; source: SourceRef } };
  /** The kind of visitor the category settles as. */
  visitor?: Visitor;
  /** For a temporary kind: the largest cut a place may make (national ceiling). */
  cutCeiling?: { points: number; source: SourceRef };
  /**
   * For a temporary kind: the insured place's own rule for inpatient care ("own": the city's
   * or, where the city has none, its province's file), or "none" when we have no data.
   */
  regionRule?: { rule: VisitorRule; source: SourceRef; province: boolean } | "none";
  /** The insured place does not let this person file the category (杭州: 少年儿童 no 长住外地备案): said instead of the category's rules. */
  excluded?: Excluded;
  /** An emergency whose insured place still asks a registration before discharge (东莞, 重庆): said instead of 视同已备案. */
  emergencyRegistration?: EmergencyRegistration;
  /** National facts the answer adds (long-term: both-way benefits; emergency: counts as registered, unless the insured place says otherwise). */
  facts: CitedText[];
  direct: DirectSettlement & { zoneSchemes?: Scheme[] };
}

export interface EligibilityQuery {
  insured: string;
  treatment: string;
  category?: Category | undefined;
  /** Left out: the first scheme the insured place has data for. */
  scheme?: Scheme | undefined;
  /** The kind of care, when the person said it: the visitor rule read is that setting's (大庆 普通门诊 不纳入). Left out: inpatient. */
  setting?: Setting | undefined;
  /** The patient's age, when said: some places do not let children file a long-term category (杭州). */
  age?: number | undefined;
  date: string;
}

/** The insured place's own rule for this kind of visitor in the setting asked (else inpatient care): the city's, else its province's. */
function ownVisitorRule(book: PolicyBook, q: EligibilityQuery, visitor: Visitor, jurisdiction: Jurisdiction): Eligibility["regionRule"] {
  const schemes = q.scheme ? [q.scheme] : Scheme.options;
  for (const scheme of schemes) {
    const found = book.versionFor(q.insured, scheme, q.date);
    if ("error" in found || found.typical) continue;
    const setting = q.setting ?? "inpatient";
    const own = findVisitorEntry(found.version, visitor, jurisdiction, setting);
    if (own) return { rule: own.rule, source: book.sourceRef(found.policy, own.source, own.quote), province: !!found.province };
    const province = found.province ? undefined : book.provinceVersionFor(q.insured, scheme, q.date);
    const entry = province ? findVisitorEntry(province.version, visitor, jurisdiction, setting) : undefined;
    if (province && entry) return { rule: entry.rule, source: book.sourceRef(province.policy, entry.source, entry.quote), province: true };
    // The first scheme with data answers, as the flows ask no scheme here.
    if (!q.scheme) break;
  }
  return "none";
}

export function eligibility(book: PolicyBook, q: EligibilityQuery): Eligibility {
  const jurisdiction = jurisdictionBetween(q.insured, q.treatment);
  const visitor = q.category ? visitorOf(q.category) : undefined;
  // Like the visitor rule read below, the setting left out is inpatient care (沈阳 临时外出 住院: 免申即享).
  const direct = directSettlement(book, { insured: q.insured, treatment: q.treatment, scheme: q.scheme, visitor, date: q.date, setting: q.setting ?? "inpatient" });
  const out: Eligibility = { jurisdiction, facts: [], direct, ...(visitor ? { visitor } : {}) };
  if (jurisdiction === "same_pool") return out;
  const cat = q.category ? book.national.categories.find((c) => c.id === q.category) : undefined;
  if (cat) out.category = { id: cat.id, name: cat.name, term: cat.term, validity: cat.validity, source: book.sourceRef(null, cat.source, cat.quote) };
  const excluded = excludedFrom(book, q);
  if (excluded) {
    // None of the category's rules (validity, both-way benefits, direct settlement after registering) holds for someone who may not file it.
    out.excluded = excluded;
    return out;
  }
  // The insured place's own validity for the category (广州 在职长期居住 "原则上不超过5年") is the one that holds there.
  const own = cat ? ownVersion(book, q.insured, q.scheme, q.date) : undefined;
  const reg = own?.version.registration;
  const local = cat && reg ? reg.validity?.[cat.id] : undefined;
  if (out.category && local && own && reg) out.category.local = { text: local, source: book.sourceRef(own.policy, reg.source, reg.quote) };
  const add = (key: string) => {
    const f = nationalFact(book, key);
    if (f) out.facts.push(f);
  };
  if (visitor === "long_term") add("two_way_benefits");
  else if (visitor && direct.reason !== "free_zone") {
    const cut = CutVisitor.safeParse(visitor);
    const own = ownVisitorRule(book, q, visitor, jurisdiction);
    out.regionRule = own;
    const notCovered = own !== undefined && own !== "none" && own.rule.kind === "not_covered";
    // The national ceilings bound the cut of cross-province temporary visitors (医保发〔2022〕22号 says 跨省);
    // beside a rule that pays nothing they would only mislead.
    // Nor do they bound care the place needs no registration for (成都 普通门诊): that is no 临时外出 registration.
    if (cut.success && jurisdiction === "cross_province" && !notCovered && out.direct.reason !== "no_registration") {
      const ceilings = book.national.cutCeilings;
      out.cutCeiling = { points: ceilings[cut.data], source: book.sourceRef(null, ceilings.source, ceilings.quote) };
    }
    // The fund pays nothing for this care: there is nothing to settle, directly or later.
    if (notCovered) out.direct = { ...decideDirectSettlement({ jurisdiction, visitor, notCovered: true }), ...(typeof own === "object" ? { source: own.source } : {}) };
  }
  if (visitor === "emergency") {
    const own = emergencyRegistrationFor(book, q.insured, q.scheme, q.date);
    if (own) out.emergencyRegistration = own;
    else add("emergency_as_registered");
  }
  return out;
}
