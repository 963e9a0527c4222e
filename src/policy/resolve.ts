/**
 * From a validated scenario to the rules that apply: which regions, which jurisdiction,
 * which policy version, which setting rules, which 乙类 share and which visitor rule.
 * No money is computed here.
 */
import { PROVINCE_REGIONS, divisionsByName, poolingCode, type Division } from "../places/divisions.ts";
import type { PolicyBook } from "./book.ts";
import type { Assumption, Jurisdiction, Scenario, Warning } from "./scenario.ts";
import type { RegionPolicy, SchemeVersion, SettingRules, TypicalPolicy, Visitor, VisitorEntry, VisitorRule } from "./schema.ts";
import type { InputError } from "./evaluate.ts";
import { CutVisitor, jurisdictionBetween, type Setting } from "./terms.ts";
import { freeZoneWithProvince, noRegistrationOf, zoneDecides } from "./zones.ts";
import { maternitySettlement } from "./maternity.ts";
import { emergencyRegistrationFor, type EmergencyRegistration } from "./emergency.ts";
import { ownRules, settingRulesOf } from "./setting-rules.ts";

type AnyPolicy = RegionPolicy | TypicalPolicy;

/** A rule together with where it came from. */
export interface Cited<T> {
  value: T;
  policy: AnyPolicy | null;
  source: string;
  quote?: string | undefined;
}

export interface AppliedVisitorRule {
  rule: VisitorRule;
  /** Null when the rule is an assumption (no data), then `assumption` says so. */
  entry: VisitorEntry | null;
  policy: AnyPolicy | null;
  source: string;
  quote?: string | undefined;
  assumption?: Assumption;
  freeZone: boolean;
  /** Not registered, and the place has no rule for it nor for temporary visitors: no figure can be given. */
  unknownUnregistered?: true;
  /** Not registered where the insured place needs none for this setting (成都 普通门诊): settled as its other temporary visitors. */
  noRegistration?: { source: string; quote?: string | undefined };
}

export interface Case {
  scenario: Scenario;
  insured: Division;
  treatment: Division;
  jurisdiction: Jurisdiction;
  catalogue: "insured" | "treatment";
  policy: AnyPolicy;
  version: SchemeVersion;
  /** True when any part of the rules came from the typical template. */
  typical: boolean;
  rules: Cited<SettingRules>;
  /** Whose cap the rules carry, where it is not the rules' own (a region's cap on the template's rates). */
  capPolicy?: AnyPolicy;
  /** Whose 起付线 and 比例 the rules carry where they are a region's partial figures on the template's table (昆明 起付). */
  partPolicy?: { deductible?: AnyPolicy; ratio?: AnyPolicy };
  classBShare: Cited<number> | null;
  visitor: AppliedVisitorRule;
  retired: boolean;
  /** An emergency whose insured place asks it to register before discharge (emergency.ts). */
  emergencyRegistration?: EmergencyRegistration;
  assumptions: Assumption[];
  warnings: Warning[];
}

type Resolved = { ok: true; value: Case } | { ok: false; errors: InputError[] };

function resolveRegion(book: PolicyBook, text: string, which: "insured" | "treatment", field: string, mustBePool: boolean): Division | InputError {
  const division = book.resolveRegion(text);
  if (!division) {
    const candidates = divisionsByName(text.trim());
    if (candidates.length > 1) {
      return { field, problem: { kind: "ambiguous_region", which, text, options: candidates.map((d) => d.name) } };
    }
    return { field, problem: { kind: "unknown_region", which, text } };
  }
  const code = poolingCode(division.code);
  if (mustBePool && division.level === "province" && !PROVINCE_REGIONS.has(code) && !book.regions.has(code)) {
    return { field, problem: { kind: "province_not_pool", which, text } };
  }
  return division;
}

/** Rules that can settle this person: a table with only the retirees' ratio (天津) does not settle a working person. */
const settingRules = settingRulesOf;

function scopeMatches(entry: VisitorEntry, jurisdiction: Jurisdiction): boolean {
  if (entry.scope === "any") return true;
  return entry.scope === jurisdiction;
}

/** The most specific matching entry: one naming the setting beats one naming the scope beats a general one. */
export function findVisitorEntry(version: SchemeVersion, visitor: Visitor, jurisdiction: Jurisdiction, setting: Setting, settledLater = false): VisitorEntry | undefined {
  let best: VisitorEntry | undefined;
  let bestScore = -1;
  for (const entry of version.visitors) {
    if (entry.visitor !== visitor) continue;
    // A rule for bills settled directly says nothing about a bill paid in full and claimed later.
    if (settledLater && entry.directSettlementOnly) continue;
    if (entry.settings && !entry.settings.includes(setting)) continue;
    if (!scopeMatches(entry, jurisdiction)) continue;
    const score = (entry.settings ? 2 : 0) + (entry.scope !== "any" ? 1 : 0);
    if (score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}


function visitorRule(book: PolicyBook, c: Case, visitor: Visitor, settledLater = false): AppliedVisitorRule {
  const { scenario, version, policy, jurisdiction } = c;
  const setting = scenario.treatment.setting;
  const held = freeZoneWithProvince(book, { policy, version }, poolingCode(c.insured.code), scenario.insured.scheme, c.treatment.code, scenario.treatment.date);
  if (held && zoneDecides(held.zone.rule, visitor)) {
    return { rule: held.zone.rule, entry: null, policy: held.policy, source: held.zone.source, quote: held.zone.quote, freeZone: true };
  }
  // No registration needed for this setting (成都 普通门诊 anywhere): not registering is no fault, so
  // the visit is the place's other temporary visitors' — never its rule for those who failed to register.
  const free = visitor === "unregistered" && !settledLater ? noRegistrationOf(version, jurisdiction, setting) : undefined;
  if (free) return { ...visitorRule(book, c, "temporary_other"), noRegistration: { source: free.source, quote: free.quote } };
  const own = findVisitorEntry(version, visitor, jurisdiction, setting, settledLater);
  // The template's cuts are the national cross-province ceilings: within a province they are no rule at all.
  const templateCeiling = policy.code === "typical" && own?.rule.kind === "points" && CutVisitor.safeParse(visitor).success;
  if (own && !(templateCeiling && jurisdiction === "intra_province")) {
    // The template's cuts are the national ceilings (typical.yaml): the place's own cut is as unknown as with no entry.
    const ceiling = templateCeiling && own.rule.kind === "points" ? { assumption: { kind: "visitor_unknown_rule" as const, visitor, points: own.rule.points } } : {};
    return { rule: own.rule, entry: own, policy, source: own.source, quote: own.quote, freeZone: false, ...ceiling };
  }
  // The city says nothing of its own: a province-wide rule (吉林 0/−10/−20) applies, and the
  // estimate says whose it is.
  const province = policy.code === "typical" ? undefined : book.provinceVersionFor(poolingCode(c.insured.code), scenario.insured.scheme, scenario.treatment.date);
  const provinceEntry = province && province.policy !== policy ? findVisitorEntry(province.version, visitor, jurisdiction, setting) : undefined;
  if (province && provinceEntry) {
    c.assumptions.push({ kind: "province_rule", city: c.insured.name, province: province.policy.name, visitor });
    return { rule: provinceEntry.rule, entry: provinceEntry, policy: province.policy, source: provinceEntry.source, quote: provinceEntry.quote, freeZone: false };
  }
  if (visitor === "long_term") {
    const principle = book.national.principles.find((p) => p.id === "long_term_same");
    return {
      rule: { kind: "same" },
      entry: null,
      policy: null,
      source: principle?.source ?? book.national.cutCeilings.source,
      quote: principle?.quote,
      freeZone: false,
    };
  }
  if (visitor === "unregistered") {
    const asTemporary = visitorRule(book, c, "temporary_other", true);
    // The national 10/20-point ceilings bound the cut for registered visitors only: for care not
    // registered the place decides alone (不予报销 in 北京), so without its data there is no figure.
    const unknown = asTemporary.assumption?.kind === "visitor_unknown_rule" || asTemporary.assumption?.kind === "intra_province_unknown_cut";
    if (unknown) return { ...asTemporary, unknownUnregistered: true };
    return { ...asTemporary, assumption: asTemporary.assumption ?? UNREGISTERED_AS_TEMPORARY };
  }
  // Within one province the national ceilings (医保发〔2022〕22号, on 跨省临时外出) do not speak: the
  // province and the insured place decide, and without their data the place's own ratio is used, said so.
  if (jurisdiction === "intra_province") {
    return { rule: { kind: "same" }, entry: null, policy: null, source: book.national.cutCeilings.source, assumption: { kind: "intra_province_unknown_cut", visitor }, freeZone: false };
  }
  // Care the place needs no registration for (成都 普通门诊): the ceilings bound the cut of 临时外出就医人员,
  // who register; the place's own word on a cut is missing, so its own ratio is used, and said.
  const freeHere = visitor === "temporary_other" || visitor === "referral" ? noRegistrationOf(version, jurisdiction, setting) : undefined;
  if (freeHere) return { rule: { kind: "same" }, entry: null, policy, source: freeHere.source, quote: freeHere.quote, assumption: { kind: "no_registration_unknown_cut", city: c.insured.name }, freeZone: false };
  // No data for this kind of visitor: the national ceiling is the most a place may cut.
  const ceilings = book.national.cutCeilings;
  const points = ceilings[visitor];
  return {
    rule: { kind: "points", points },
    entry: null,
    policy: null,
    source: ceilings.source,
    quote: ceilings.quote,
    assumption: { kind: "visitor_unknown_rule", visitor, points },
    freeZone: false,
  };
}

/** Whether the bill has any 乙类 at all: where it has none, where the share came from does not matter. */
export function hasClassB(scenario: Scenario): boolean {
  const b = scenario.costs.classB;
  return b !== undefined && /[1-9]/.test(b);
}

function fromVersion(policy: AnyPolicy, version: SchemeVersion): Cited<number> | null {
  return version.classB ? { value: version.classB.share, policy, source: version.classB.source, quote: version.classB.quote } : null;
}

function classBShare(book: PolicyBook, c: Case, date: string): Cited<number> | null {
  const own = fromVersion(c.policy, c.version);
  if (c.catalogue === "treatment") {
    const treatmentCode = poolingCode(c.treatment.code);
    const there = book.versionFor(treatmentCode, c.scenario.insured.scheme, date);
    if (!("error" in there) && !there.typical) {
      const share = fromVersion(there.policy, there.version);
      if (share) return share;
    }
    if (own && c.policy !== book.typical) {
      if (hasClassB(c.scenario)) c.assumptions.push({ kind: "class_b_from_insured" });
      return own;
    }
  } else if (own) {
    return own;
  }
  const typical = book.typical.schemes[c.scenario.insured.scheme]?.versions[0];
  const share = typical ? fromVersion(book.typical, typical) : null;
  if (share && c.policy !== book.typical && hasClassB(c.scenario)) c.assumptions.push({ kind: "class_b_from_typical" });
  return share;
}

export function resolveCase(book: PolicyBook, scenario: Scenario): Resolved {
  const errors: InputError[] = [];
  const insured = resolveRegion(book, scenario.insured.region, "insured", "insured.region", true);
  const treatment = resolveRegion(book, scenario.treatment.region, "treatment", "treatment.region", false);
  if ("problem" in insured) errors.push(insured);
  if ("problem" in treatment) errors.push(treatment);
  if ("problem" in insured || "problem" in treatment) return { ok: false, errors };

  if (scenario.maternity) {
    // Childbirth is paid by maternity benefits (生育医疗费用, often fixed sums) by rules of their own,
    // and claimed after paying first; computing it as ordinary inpatient care would make a figure up.
    const fact = book.national.facts.maternity;
    // The insured place's own word for these two places (成都: 成德眉资 settle directly) before the general one.
    const own = maternitySettlement(book, { insured: insured.code, treatment: treatment.code, scheme: scenario.insured.scheme, date: scenario.treatment.date });
    const sourceTitle = own ? own.source.title : fact ? book.sourceRef(null, fact.source).title : "";
    const direct = own?.direct ? { direct: true, treatment: treatment.name } : {};
    return { ok: false, errors: [{ field: "maternity", problem: { kind: "maternity_no_data", name: insured.name, scheme: scenario.insured.scheme, sourceTitle, ...direct } }] };
  }
  const insuredCode = poolingCode(insured.code);
  const treatmentCode = poolingCode(treatment.code);
  const assumptions: Assumption[] = [];
  const warnings: Warning[] = [];
  const jurisdiction: Jurisdiction = jurisdictionBetween(insuredCode, treatmentCode);
  if (jurisdiction === "intra_province" && treatment.level === "province") {
    assumptions.push({ kind: "province_as_treatment", name: treatment.name });
  }

  const found = book.versionFor(insuredCode, scenario.insured.scheme, scenario.treatment.date);
  if ("error" in found) {
    return {
      ok: false,
      errors: [{ field: "treatment.date", problem: { kind: "no_policy_on_date", name: insured.name, date: scenario.treatment.date, earliest: found.earliest } }],
    };
  }
  const { policy, version } = found;
  let typical = found.typical;
  if (found.province) assumptions.push({ kind: "province_file", city: insured.name, province: policy.name });
  const catalogue = jurisdiction === "cross_province" ? "treatment" : jurisdiction === "same_pool" ? "insured" : (version.intraProvinceCatalogue ?? "insured");
  if (jurisdiction === "intra_province" && !version.intraProvinceCatalogue) assumptions.push({ kind: "intra_province_catalogue" });

  const retired = scenario.insured.status === "retired";
  // The city's own table, else a province-wide one (湖南's unified tables), before the template: the same look-up as the figures answer's.
  const own = ownRules(book, insuredCode, scenario.insured.scheme, scenario.treatment.setting, scenario.treatment.date, retired);
  let rules = own?.rules;
  let rulesPolicy: AnyPolicy = own?.policy ?? policy;
  let capPolicy: AnyPolicy | undefined;
  let partPolicy: Case["partPolicy"];
  if (own?.province && !found.province) assumptions.push({ kind: "province_table", city: insured.name, province: own.policy.name });
  if (!rules) {
    const fallback = book.typical.schemes[scenario.insured.scheme]?.versions[0];
    rules = fallback ? settingRules(fallback, scenario.treatment.setting) : undefined;
    if (!rules || !fallback) {
      // Neither the region nor the template has figures (居民 普通门诊: too few sources for a
      // template). Nothing says it is not paid, so the answer is "no data", with what to ask.
      const ask = book.national.facts.outpatient_general;
      const title = ask ? book.sourceRef(null, ask.source).title : "";
      return {
        ok: false,
        errors: [
          {
            field: "treatment.setting",
            problem: { kind: "no_setting_data", name: insured.name, scheme: scenario.insured.scheme, setting: scenario.treatment.setting, sourceTitle: title },
          },
        ],
      };
    }
    // No assumption line: settle's partlyTypical warning says which part came from the template.
    typical = true;
    rulesPolicy = book.typical;
    // The region's own cap, where its sources give one without the rates (南昌 普通门诊 400).
    const ownCap = scenario.treatment.setting === "inpatient" ? undefined : version.capWithoutRates?.[scenario.treatment.setting === "outpatient" ? "outpatient" : "chronicOutpatient"];
    if (ownCap && policy !== book.typical) {
      rules = { ...rules, cap: ownCap };
      capPolicy = policy;
    }
    // The figures its sources do give (昆明 起付 880, 深圳 居民 比例) replace the template's, each
    // cited from its own file; only the missing ones stay the template's, and the estimate names them.
    const part = scenario.treatment.setting === "inpatient" && !found.typical ? partialOf(book, found, insuredCode, scenario.insured.scheme, scenario.treatment.date) : undefined;
    if (part) {
      const p = part.figures;
      rules = { ...rules, ...(p.deductible ? { deductible: p.deductible } : {}), ...(p.ratio ? { ratio: p.ratio } : {}), ...(p.cap ? { cap: p.cap } : {}) };
      partPolicy = { ...(p.deductible ? { deductible: part.policy } : {}), ...(p.ratio ? { ratio: part.policy } : {}) };
      if (p.cap) capPolicy = part.policy;
    }
    // Only the deductible, ratio and cap come from the template: the region's own 乙类 share,
    // visitor rules and free zones are sourced data and still apply (临沂 先自付10%).
  }

  if (scenario.insured.scheme === "employee" && !scenario.insured.status) assumptions.push({ kind: "status" });

  // One object, filled in place: spreading a dozen fields into a new object twice per estimate
  // cost more than all the look-ups above.
  const c: Case = {
    scenario,
    insured,
    treatment,
    jurisdiction,
    catalogue: catalogue as "insured" | "treatment",
    policy,
    version,
    typical,
    rules: { value: rules, policy: partPolicy?.ratio ?? rulesPolicy, source: rules.ratio.source, quote: rules.ratio.quote },
    ...(capPolicy ? { capPolicy } : {}),
    ...(partPolicy ? { partPolicy } : {}),
    classBShare: null,
    visitor: NO_VISITOR_RULE,
    retired,
    assumptions,
    warnings,
  };
  c.classBShare = classBShare(book, c, scenario.treatment.date);
  c.visitor = visitorRule(book, c, scenario.visitor);
  if (scenario.visitor === "emergency" && jurisdiction !== "same_pool") {
    const own = emergencyRegistrationFor(book, insured.code, scenario.insured.scheme, scenario.treatment.date);
    if (own) c.emergencyRegistration = own;
  }
  const otherScheme = ruleOfOtherScheme(book, c);
  if (otherScheme) assumptions.push(otherScheme);
  if (c.visitor.unknownUnregistered && jurisdiction !== "same_pool") {
    const fact = book.national.facts.unregistered_pay_first;
    const sourceTitle = fact ? book.sourceRef(null, fact.source).title : "";
    return { ok: false, errors: [{ field: "visitor", problem: { kind: "no_unregistered_rule", name: insured.name, scheme: scenario.insured.scheme, sourceTitle } }] };
  }
  return { ok: true, value: c };
}

/**
 * The city's own rule for this visitor is written for the other scheme only (`schemeOnly`:
 * 南京's −20% for 职工): it is rightly not used, and the person is told so, lest they think the
 * city's rule was missed.
 */
function ruleOfOtherScheme(book: PolicyBook, c: Case): Assumption | undefined {
  if (c.visitor.freeZone || (c.visitor.entry && c.visitor.policy === c.policy && c.policy.code !== "typical")) return undefined;
  const region = book.regions.get(poolingCode(c.insured.code));
  const scheme = c.scenario.insured.scheme === "employee" ? "resident" : "employee";
  const versions = region?.schemes[scheme]?.versions ?? [];
  const date = c.scenario.treatment.date;
  const other = versions.find((v) => v.from <= date && (v.to === null || date <= v.to));
  if (!region || !other) return undefined;
  const visitor = c.scenario.visitor;
  const setting = c.scenario.treatment.setting;
  const entry = findVisitorEntry(other, visitor, c.jurisdiction, setting) ?? (visitor === "unregistered" ? findVisitorEntry(other, "temporary_other", c.jurisdiction, setting) : undefined);
  return entry?.schemeOnly ? { kind: "rule_other_scheme", city: region.name, scheme, visitor: entry.visitor } : undefined;
}

type PartialFigures = NonNullable<NonNullable<SchemeVersion["partial"]>["inpatient"]>;

/** A region's partial inpatient figures: its own version's, else its province's (湖南 居民 起付). */
function partialOf(book: PolicyBook, found: { policy: AnyPolicy; version: SchemeVersion; province?: boolean }, insured: string, scheme: Scenario["insured"]["scheme"], date: string): { figures: PartialFigures; policy: AnyPolicy; province: boolean } | undefined {
  const own = found.version.partial?.inpatient;
  if (own) return { figures: own, policy: found.policy, province: !!found.province };
  if (found.province) return undefined;
  const province = book.provinceVersionFor(insured, scheme, date);
  const theirs = province?.version.partial?.inpatient;
  return province && theirs ? { figures: theirs, policy: province.policy, province: true } : undefined;
}

const UNREGISTERED_AS_TEMPORARY: Assumption = { kind: "unregistered_as_temporary" };

/** Placeholder until visitorRule has run. */
const NO_VISITOR_RULE: AppliedVisitorRule = { rule: { kind: "same" }, entry: null, policy: null, source: "", freeZone: false };
