/**
 * Free zones (免备案): treatment places where a region's people need no registration at all
 * (成都 西南片区, 石家庄 京津冀, 苏州→上海). One look-up and one rule for whom a zone decides,
 * used by the evaluator and by the eligibility, registration and direct-settlement answers.
 */
import { poolingCode } from "../places/divisions.ts";
import type { PolicyBook } from "./book.ts";
import type { RegionPolicy, SchemeVersion, TypicalPolicy, VisitorRule } from "./schema.ts";
import { Scheme } from "./terms.ts";
import type { Jurisdiction, Setting, Visitor } from "./terms.ts";

export type FreeZone = SchemeVersion["freeZones"][number];

/** The zone of `version` that holds the treatment place (its 统筹区 or its whole province), in force on `date`. */
export function freeZoneOf(version: SchemeVersion, treatmentCode: string, date: string): FreeZone | undefined {
  if (version.freeZones.length === 0) return undefined;
  const codes = [poolingCode(treatmentCode), `${treatmentCode.slice(0, 2)}0000`];
  return version.freeZones.find((z) => z.regions.some((r) => codes.includes(r)) && (!z.since || z.since <= date));
}

/**
 * The zone that holds the treatment place: the insured version's own, else its province's — a
 * city whose own file names no zone is still in its province's (河北's 京津冀 zone covers 邯郸).
 * `policy` is whose file the zone's source is declared in.
 */
export function freeZoneWithProvince(
  book: PolicyBook,
  found: { policy: RegionPolicy | TypicalPolicy; version: SchemeVersion },
  insuredCode: string,
  scheme: Scheme,
  treatmentCode: string,
  date: string,
): { zone: FreeZone; policy: RegionPolicy | TypicalPolicy } | undefined {
  const own = freeZoneOf(found.version, treatmentCode, date);
  if (own) return { zone: own, policy: found.policy };
  if (found.policy.code === "typical") return undefined;
  const province = book.provinceVersionFor(insuredCode, scheme, date);
  if (!province || province.policy === found.policy) return undefined;
  const zone = freeZoneOf(province.version, treatmentCode, date);
  return zone ? { zone, policy: province.policy } : undefined;
}

/**
 * Whether the zone decides for this visitor: a zone is where no registration is needed, so it
 * decides for everyone who did not register (or needed not to), and for every kind of visitor
 * when it settles as at home. A visitor's own schedule (石家庄 转往京津冀以外) is for places
 * outside the zone.
 */
export function zoneDecides(rule: VisitorRule, visitor: Visitor): boolean {
  return visitor === "temporary_other" || visitor === "unregistered" || rule.kind === "same";
}

export type NoRegistration = NonNullable<SchemeVersion["noRegistration"]>[number];

/**
 * The version's word that this setting needs no registration away from home (成都 普通门诊、门特:
 * "无需办理异地就医备案手续"), for care outside the insured 统筹区.
 */
export function noRegistrationOf(version: SchemeVersion, jurisdiction: Jurisdiction, setting: Setting): NoRegistration | undefined {
  if (jurisdiction === "same_pool") return undefined;
  return version.noRegistration?.find((n) => n.settings.includes(setting) && (n.scope === "any" || n.scope === jurisdiction));
}

/**
 * Whether the insured place's current data (for `scheme`, else every scheme with data) holds the
 * treatment place in a zone that settles every visitor as at home (石家庄→北京: 京津冀 免备案,
 * "same"): whether or how the person registered then changes nothing, and need not be asked.
 * Current = the versions open to the future, so a zone's start date long past is no question.
 */
export function zoneSettlesAsHome(book: PolicyBook, insured: string, treatment: string, scheme: Scheme | undefined): boolean {
  const schemes: Scheme[] = scheme ? [scheme] : Scheme.options;
  let any = false;
  for (const s of schemes) {
    const found = book.versionFor(insured, s, OPEN_END);
    if ("error" in found || found.typical) {
      if (scheme) return false;
      continue;
    }
    const held = freeZoneWithProvince(book, found, insured, s, treatment, OPEN_END);
    if (!held || held.zone.rule.kind !== "same") return false;
    any = true;
  }
  return any;
}

const OPEN_END = "9999-12-31";
