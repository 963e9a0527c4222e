/**
 * Can this bill be settled directly at the hospital, must the person register first, and must
 * they pay in full and claim later? Decided here once, for the evaluator's estimate and for
 * every answer of the conversation; the words for each reason live in src/messages.
 */
import type { PolicyBook } from "./book.ts";
import type { SourceRef } from "./scenario.ts";
import type { RegionPolicy, TypicalPolicy, VisitorRule } from "./schema.ts";
import { jurisdictionBetween, Scheme, type Jurisdiction, type Setting, type Visitor } from "./terms.ts";
import { emergencyRegistrationFor } from "./emergency.ts";
import { findVisitorEntry } from "./resolve.ts";
import { freeZoneWithProvince, noRegistrationOf, zoneDecides } from "./zones.ts";

/** Why direct settlement is or is not possible; each has its sentence in src/messages. */
export type DirectReason =
  /** Treated in the insured 统筹区: not 异地就医 at all. */
  | "same_pool"
  /** The treatment place is in a free zone of the insured region: no registration needed. */
  | "free_zone"
  /** 急诊抢救 counts as registered (视同已备案). */
  | "emergency"
  /** 急诊抢救 settles directly once registered, which the insured place asks before discharge (东莞, 重庆: emergency.ts). */
  | "emergency_register"
  /** Registered (long-term, referral or temporary). */
  | "registered"
  /** Not registered where the insured place needs no registration for this setting (成都 普通门诊): settles directly. */
  | "no_registration"
  /** Not registered and not in a free zone: pay in full, claim at home (or register before discharge). */
  | "unregistered"
  /** Childbirth: settled through maternity insurance, never as ordinary inpatient care. */
  | "maternity"
  /** The fund pays nothing in this case: there is nothing to settle. */
  | "not_covered";

export interface DirectSettlement {
  possible: boolean;
  /** A registration (备案) is needed before direct settlement (false in the home pool, a free zone, an emergency). */
  mustRegister: boolean;
  /** The person pays the whole bill first and claims it back at the insured place. */
  payFirst: boolean;
  reason: DirectReason;
  /** The zone's rule and source, when a free zone decided. */
  zone?: { rule: VisitorRule; source?: SourceRef };
  /**
   * A free zone holds the treatment place but does not decide for this visitor (苏州→上海 免备案 at
   * ×0.8, asked by a long-term resident whose registration pays the normal ratio): the person may
   * choose either, and the answer says both.
   */
  zoneAside?: { zone: { rule: VisitorRule; source: SourceRef }; registered?: { rule: VisitorRule; source: SourceRef } };
  /** The national or regional text the decision rests on. */
  source?: SourceRef;
}

/** What the decision needs; every field the evaluator's case and the flows' answers both know. */
export interface DirectInput {
  jurisdiction: Jurisdiction;
  visitor: Visitor;
  /** The rule of a free zone that decides for this visitor (see zones.ts). */
  zoneRule?: VisitorRule | undefined;
  maternity?: boolean | undefined;
  /** The fund pays nothing in this setting or for this visitor. */
  notCovered?: boolean | undefined;
  /** The insured place needs no registration for this setting (成都 普通门诊). */
  noRegistration?: boolean | undefined;
  /** The insured place asks an emergency to register before discharge (emergency.ts). */
  emergencyRegisters?: boolean | undefined;
}

/** The decision from what is known of the case; pure, no look-up. */
export function decideDirectSettlement(x: DirectInput): DirectSettlement {
  if (x.maternity) return { possible: false, mustRegister: false, payFirst: true, reason: "maternity" };
  if (x.jurisdiction === "same_pool") return { possible: true, mustRegister: false, payFirst: false, reason: "same_pool" };
  if (x.notCovered || x.zoneRule?.kind === "not_covered") return { possible: false, mustRegister: false, payFirst: false, reason: "not_covered" };
  if (x.zoneRule) return { possible: true, mustRegister: false, payFirst: false, reason: "free_zone", zone: { rule: x.zoneRule } };
  // 沈阳 临时外出 住院 (免申即享, 含原转诊), 成都 普通门诊: no registration needed, whether or not the person made one.
  if (x.noRegistration && (x.visitor === "unregistered" || x.visitor === "temporary_other" || x.visitor === "referral")) return { possible: true, mustRegister: false, payFirst: false, reason: "no_registration" };
  if (x.visitor === "unregistered") return { possible: false, mustRegister: true, payFirst: true, reason: "unregistered" };
  if (x.visitor === "emergency" && x.emergencyRegisters) return { possible: true, mustRegister: true, payFirst: false, reason: "emergency_register" };
  if (x.visitor === "emergency") return { possible: true, mustRegister: false, payFirst: false, reason: "emergency" };
  return { possible: true, mustRegister: true, payFirst: false, reason: "registered" };
}

type AnyPolicy = RegionPolicy | TypicalPolicy;

/** The free zone of the insured region (its own file, else its province's) that holds the treatment place, for one scheme. */
export function freeZoneFor(
  book: PolicyBook,
  insured: string,
  treatment: string,
  scheme: Scheme,
  date: string,
): { rule: VisitorRule; source: SourceRef; policy: AnyPolicy } | undefined {
  const found = book.versionFor(insured, scheme, date);
  if ("error" in found || found.typical) return undefined;
  const held = freeZoneWithProvince(book, found, insured, scheme, treatment, date);
  return held ? { rule: held.zone.rule, source: book.sourceRef(held.policy, held.zone.source, held.zone.quote), policy: held.policy } : undefined;
}

export interface DirectQuery {
  /** 6-digit codes of the insured 统筹区 and the treatment place. */
  insured: string;
  treatment: string;
  /** Left out: the zone counts when every scheme with data has it (else `schemes` says for which). */
  scheme?: Scheme | undefined;
  /** Left out: the person has not registered yet (the question is whether they must). */
  visitor?: Visitor | undefined;
  date: string;
  maternity?: boolean | undefined;
  /** The kind of care, when known: some places need no registration for some settings (成都 普通门诊). */
  setting?: Setting | undefined;
}

/**
 * Direct settlement for a person the conversation knows only partly. A free zone found for
 * some schemes only is reported with `zoneSchemes`, and does not decide: the answer then says
 * for which scheme no registration is needed.
 */
export function directSettlement(book: PolicyBook, q: DirectQuery): DirectSettlement & { zoneSchemes?: Scheme[] } {
  const jurisdiction = jurisdictionBetween(q.insured, q.treatment);
  const visitor = q.visitor ?? "unregistered";
  const schemes = q.scheme ? [q.scheme] : Scheme.options;
  const zones = schemes.map((s) => [s, freeZoneFor(book, q.insured, q.treatment, s, q.date)] as const);
  const withZone = zones.filter(([, z]) => z !== undefined && zoneDecides(z.rule, visitor));
  // A scheme without data of the region says nothing either way; the zone decides when every scheme that has data has it.
  const withData = schemes.flatMap((s) => {
    const f = book.versionFor(q.insured, s, q.date);
    return "error" in f || f.typical ? [] : [f];
  });
  const all = withZone.length > 0 && withZone.length === withData.length;
  const zone = all ? withZone[0]![1] : undefined;
  // Like a zone, the place's word that this setting needs no registration decides when every scheme with data says it.
  const setting = q.setting;
  const free = setting ? withData.map((f) => noRegistrationOf(f.version, jurisdiction, setting)) : [];
  const word = free.length > 0 && free.every((f) => f !== undefined) ? free[0] : undefined;
  const noRegistration = word ? book.sourceRef(withData[0]!.policy, word.source, word.quote) : undefined;
  const emergency = visitor === "emergency" && jurisdiction !== "same_pool" ? emergencyRegistrationFor(book, q.insured, q.scheme, q.date) : undefined;
  const decided = decideDirectSettlement({ jurisdiction, visitor, zoneRule: zone?.rule, maternity: q.maternity, noRegistration: !!noRegistration, emergencyRegisters: !!emergency });
  if (decided.reason === "free_zone" && zone) decided.zone = { rule: zone.rule, source: zone.source };
  const national = book.national;
  const fact = decided.reason === "emergency" ? national.facts.emergency_as_registered : decided.reason === "unregistered" ? national.facts.unregistered_pay_first : undefined;
  const source = decided.reason === "no_registration" ? noRegistration : decided.reason === "emergency_register" ? emergency?.source : fact ? book.sourceRef(null, fact.source, fact.quote) : undefined;
  const aside = !zone && visitor !== "unregistered" && jurisdiction !== "same_pool" ? zones.find(([, z]) => z !== undefined && !zoneDecides(z.rule, visitor)) : undefined;
  const zoneAside = aside?.[1] ? { zone: { rule: aside[1].rule, source: aside[1].source }, ...registeredRule(book, q.insured, aside[0], visitor, jurisdiction, q.date) } : undefined;
  return {
    ...decided,
    ...(source ? { source } : {}),
    ...(zoneAside ? { zoneAside } : {}),
    ...(!all && withZone.length > 0 && jurisdiction !== "same_pool" ? { zoneSchemes: withZone.map(([s]) => s) } : {}),
  };
}

/**
 * What a registered visitor of this kind gets instead of the zone's rule: the insured place's own
 * entry (its file, else its province's), else for a long-term resident the national principle that
 * the insured place's local standard applies (M11); nothing where neither speaks.
 */
function registeredRule(book: PolicyBook, insured: string, scheme: Scheme, visitor: Visitor, jurisdiction: Jurisdiction, date: string): { registered?: { rule: VisitorRule; source: SourceRef } } {
  const found = book.versionFor(insured, scheme, date);
  if ("error" in found || found.typical) return {};
  const own = findVisitorEntry(found.version, visitor, jurisdiction, "inpatient");
  if (own) return { registered: { rule: own.rule, source: book.sourceRef(found.policy, own.source, own.quote) } };
  const province = found.province ? undefined : book.provinceVersionFor(insured, scheme, date);
  const theirs = province ? findVisitorEntry(province.version, visitor, jurisdiction, "inpatient") : undefined;
  if (province && theirs) return { registered: { rule: theirs.rule, source: book.sourceRef(province.policy, theirs.source, theirs.quote) } };
  const same = visitor === "long_term" ? book.national.principles.find((p) => p.id === "long_term_same") : undefined;
  return same ? { registered: { rule: { kind: "same" }, source: book.sourceRef(null, same.source, same.quote) } } : {};
}
