/**
 * The policy data as the conversation reads it: region names, the version in force, source
 * titles, side-question facts. Every look-up is guarded — missing data means "以参保地规定为准",
 * never an invented figure and never a crash.
 */
import { divisionByCode, shortName } from "../places/divisions.ts";
import { getPolicyBook, type PolicyBook, type RegionPolicy } from "../policy/index.ts";
import type { SchemeVersion } from "../policy/schema.ts";

let cached: PolicyBook | null | undefined;

/** The policy book, or null while the data cannot be loaded (the flows still run, without figures). */
export function book(): PolicyBook | null {
  if (cached !== undefined) return cached;
  try {
    cached = getPolicyBook();
  } catch {
    cached = null;
  }
  return cached;
}

/** For tests: forget the cached book so new policy files are read. */
export function resetBookCache(): void {
  cached = undefined;
}

/** 苏州, 上海: the name people say. */
export function regionName(code: string | undefined): string {
  if (!code) return "";
  const d = divisionByCode(code);
  return d ? shortName(d.name) : code;
}

export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export interface RegionVersion {
  policy: RegionPolicy;
  version: SchemeVersion;
  /** The scheme whose version this is (the asked one, or the first with data when none was asked). */
  scheme: "employee" | "resident";
}

/** The region's own version in force (not the typical template), for the scheme or any scheme. */
export function regionVersion(code: string | undefined, scheme: string | undefined, date: string): RegionVersion | undefined {
  const b = book();
  if (!b || !code) return undefined;
  try {
    const info = b.regionInfo(code);
    if (!info?.policy) return undefined;
    const schemes = scheme && info.schemes.includes(scheme as never) ? [scheme] : info.schemes;
    for (const s of schemes) {
      const found = b.versionFor(code, s as "employee" | "resident", date);
      if ("version" in found && !found.typical) return { policy: info.policy, version: found.version, scheme: s as "employee" | "resident" };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** A source's title by id (region first, then national), or undefined when it is not declared. */
export function sourceTitle(policy: RegionPolicy | null, id: string | undefined): string | undefined {
  const b = book();
  if (!b || !id) return undefined;
  try {
    return b.sourceRef(policy, id).title;
  } catch {
    return undefined;
  }
}

/**
 * Side questions and the national facts that answer them. Several keys per topic because
 * the data file names them in its own words; the first present one is used.
 */
const TOPIC_FACTS: Record<string, string[]> = {
  validity: ["validity", "registration_validity", "validity_long", "validity_temporary"],
  emergency: ["emergency", "emergency_as_registered", "emergency_settlement"],
  makeup_registration: ["makeup_registration", "makeup", "late_registration", "after_discharge"],
  outpatient: ["outpatient", "outpatient_direct_settlement", "outpatient_settlement"],
  chronic_disease: ["chronic_disease", "chronic_outpatient", "chronic", "outpatient_chronic"],
  ratio_change: ["ratio_change", "ratio_cut", "temporary_cut", "cut"],
  find_hospital: ["choose_hospital", "register_to_area", "hospital_choice", "designated_hospital"],
  review_time: ["review_time", "review", "approval_time"],
  check_result: ["check_result", "check", "registration_record"],
  deposit: ["deposit", "deposits"],
  maternity: ["maternity"],
  serious_illness: ["serious_illness", "one_bill", "supplementary"],
  registration_materials: ["registration_materials", "commitment_letter", "materials"],
  two_way: ["two_way_benefits", "two_way", "long_term_two_way"],
  commitment: ["commitment_letter", "commitment", "promise"],
  principle: ["principle", "catalogue_principle"],
};

export const ASIDE_TOPICS = Object.keys(TOPIC_FACTS);

export interface Fact {
  text: string;
  source?: string;
}

/** Facts that have a version for one kind of registration: that one first, once the kind is known. */
const BY_TERM: Record<string, Record<"long" | "temporary", string>> = {
  validity: { long: "validity_long", temporary: "validity_temporary" },
};

export function factFor(topic: string, term?: "long" | "temporary"): Fact | undefined {
  const b = book();
  if (!b) return undefined;
  const facts = b.national.facts;
  const own = term ? BY_TERM[topic]?.[term] : undefined;
  for (const key of [...(own ? [own] : []), ...(TOPIC_FACTS[topic] ?? [topic])]) {
    const f = facts[key];
    if (f) {
      const source = sourceTitle(null, f.source);
      return { text: f.text, ...(source ? { source } : {}) };
    }
  }
  return undefined;
}
