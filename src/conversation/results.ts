/**
 * What each flow says once it has what it needs. Figures and rules come from the policy data
 * and the evaluator; where a region has no data the text says so instead of guessing.
 */
import type { Answers, CategoryId, Slot } from "../../flows/answers.ts";
import { jurisdictionOf } from "../../flows/answers.ts";
import type { FlowContext } from "../../flows/common.ts";
import { claimChecklist, eligibility, emergencyRegistrationFor, evaluate, registrationGuide, termOf, type Assumption, type DirectReason, type DirectSettlement, type Excluded, type Step, type Warning } from "../policy/index.ts";
import { billOf } from "../policy/bill.ts";
import type { VisitorRule } from "../policy/schema.ts";
import { chatMoney, flowMessages as m, versionWords } from "../messages/flows.ts";
import { Decimal } from "decimal.js";
import { assumptionText, problemText, sourceAgeMark, warningText } from "../messages/explain.ts";
import { publishedText } from "../messages/policy.ts";
import { chatAssumptionText, chatStepWords, chatWarningText } from "../messages/chat-steps.ts";
import { book, regionName, today } from "./policy-data.ts";
import { maternityAnswer } from "./maternity.ts";
import { readBack } from "./readback.ts";
import { bandFit } from "../language/age.ts";
import { dischargedPath, dischargedUnregistered, madeUpClaim } from "./discharged.ts";
import type { Choice, Reply } from "./reply.ts";

const go = (flow: "eligibility" | "registration" | "estimate" | "claim"): Choice => ({ id: `go:${flow}`, label: m.menuChoices[flow] });
const restart: Choice = { id: "restart", label: m.choices.restart };

function withSources(text: string, sources: (string | undefined)[]): Reply {
  const list = [...new Set(sources.filter((s): s is string => !!s))];
  return list.length > 0 ? { text, sources: list } : { text };
}

export function describeVisitorRule(rule: VisitorRule): string {
  switch (rule.kind) {
    case "points":
      return m.visitorRule.points(rule.points);
    case "multiplier":
      return m.visitorRule.multiplier(rule.factor);
    case "first_pay":
      return m.visitorRule.first_pay(rule.share);
    case "schedule":
      return m.visitorRule.schedule;
    case "not_covered":
      return m.visitorRule.not_covered;
    default:
      return m.visitorRule.same;
  }
}

// ---------- eligibility ----------


/** A category the insured place does not let this person file (杭州: 少年儿童, long-term), said in its place. */
function excludedText(ins: string, ex: Excluded, category: CategoryId): string {
  return m.eligibility.excluded(ins, ex.who, m.labels.category[category], ex.assumption);
}

/** A free zone that does not decide for this case: its rule, and the registered one beside it. */
function zoneAsideText(ins: string, tre: string, z: NonNullable<DirectSettlement["zoneAside"]>): string {
  return m.eligibility.zoneAside(ins, tre, describeVisitorRule(z.zone.rule), z.registered ? describeVisitorRule(z.registered.rule) : undefined);
}
/** "直接结算：能（…）" from the policy layer's decision. */
export function directLine(d: { possible: boolean; reason: DirectReason }): string {
  return m.direct.line(d.possible, m.direct.reason[d.reason]);
}

/** What the category answer offers next. */
export function eligibilityNext(): Choice[] {
  return [go("estimate"), go("claim"), restart];
}

export function eligibilityResult(ctx: FlowContext, now: Date): Reply[] {
  const a = ctx.a;
  const ins = regionName(a.insured);
  const tre = regionName(a.treatment);
  const next = eligibilityNext();
  const b = book();
  const e = b && a.insured && a.treatment ? eligibility(b, { insured: a.insured, treatment: a.treatment, category: a.category, scheme: a.scheme, setting: a.setting, age: a.age?.years, date: today(now) }) : undefined;
  const j = e?.jurisdiction ?? jurisdictionOf(a) ?? "cross_province";
  if (j === "same_pool") return [{ text: `${m.eligibility.samePool(ins, tre)}\n${m.eligibility.next}`, choices: next }];
  const lines = [m.eligibility.kind(ins, tre, m.labels.jurisdiction[j])];
  const sources: (string | undefined)[] = [];
  if (e?.excluded && a.category) {
    // 杭州: a child may not file a long-term category — said instead of "您属于…，办的是长期备案".
    lines.push(excludedText(ins, e.excluded, a.category));
    lines.push(m.sourcePrefix + e.excluded.source.title);
    return [withSources(lines.join("\n"), [e.excluded.source.title]), { text: m.eligibility.next, choices: [go("registration"), ...next] }];
  }
  if (a.category) lines.push(m.eligibility.category(e?.category?.name ?? m.labels.category[a.category], e?.category?.term ?? termOf(a.category)));
  // The insured place's own validity where it has one; none for an emergency it asks to register (said below).
  if (e?.category?.local && !e.emergencyRegistration) {
    lines.push(m.eligibility.validityLocal(ins, e.category.local.text));
    sources.push(e.category.local.source.title);
  } else if (e?.category && !e.emergencyRegistration) {
    lines.push(m.eligibility.validity(e.category.validity));
    sources.push(e.category.source.title);
  }
  if (e?.direct.zone) {
    lines.push(m.eligibility.freeZone(ins, tre, describeVisitorRule(e.direct.zone.rule)));
    sources.push(e.direct.zone.source?.title);
  } else if (e?.direct.zoneAside) {
    const z = e.direct.zoneAside;
    lines.push(zoneAsideText(ins, tre, z));
    sources.push(z.zone.source.title, z.registered?.source.title);
  } else if (e?.direct.zoneSchemes) {
    lines.push(m.eligibility.freeZoneSchemes(ins, tre, e.direct.zoneSchemes.map((x) => m.labels.scheme[x]).join("、")));
  }
  const longTerm = e?.facts.find((f) => f.key === "two_way_benefits");
  if (e?.visitor === "long_term") lines.push(longTerm?.text ?? m.eligibility.longTerm);
  if (e?.cutCeiling) {
    lines.push(m.eligibility.cutCeiling(e.cutCeiling.points));
    sources.push(e.cutCeiling.source.title);
  }
  if (e?.regionRule === "none") lines.push(m.eligibility.noRegionRule(ins));
  else if (e?.regionRule) {
    // The rule read is the setting's the person named (大庆 普通门诊: 不纳入), so the line names the setting.
    const setting = a.setting && a.setting !== "inpatient" ? m.labels.setting[a.setting] : undefined;
    lines.push(
      e.regionRule.rule.kind === "not_covered"
        ? m.eligibility.notCovered(ins, setting ?? m.labels.setting.inpatient)
        : m.eligibility.regionRule(setting ? `${ins}对${setting}` : ins, describeVisitorRule(e.regionRule.rule)),
    );
    sources.push(e.regionRule.source.title);
  }
  if (e?.emergencyRegistration) {
    lines.push(m.eligibility.emergencyLocal(ins, e.emergencyRegistration.withinDays));
    sources.push(e.emergencyRegistration.source.title);
  } else if (e?.visitor === "emergency") lines.push(e.facts.find((f) => f.key === "emergency_as_registered")?.text ?? m.eligibility.emergency);
  for (const f of e?.facts ?? []) sources.push(f.source.title);
  // Whether to register at all is the question of this flow: said once the category (or a free zone) settles it;
  // for an emergency the 视同已备案 fact above says it already.
  if (e && (a.category || e.direct.reason === "free_zone") && e.direct.reason !== "emergency" && e.direct.reason !== "emergency_register") lines.push(directLine(e.direct));
  const titles = sources.filter((s): s is string => !!s);
  if (titles.length > 0) lines.push(m.sourcePrefix + [...new Set(titles)].join("；"));
  return [withSources(lines.join("\n"), sources), { text: m.eligibility.next, choices: [go("registration"), ...next] }];
}

// ---------- registration ----------

function registrationSteps(ctx: FlowContext, now: Date): { texts: string[]; sources: (string | undefined)[]; zone?: string } {
  const a = ctx.a;
  const b = book();
  const ins = regionName(a.insured);
  const g = b ? registrationGuide(b, { insured: a.insured, treatment: a.treatment, category: a.category, scheme: a.scheme, age: a.age?.years, date: today(now) }) : undefined;
  const sources: (string | undefined)[] = [];
  const cited = <T extends { source: { title: string } }>(x: T | undefined): T | undefined => {
    if (x) sources.push(x.source.title);
    return x;
  };
  const known = <T,>(x: T | "unknown" | undefined): T | undefined => (x === "unknown" ? undefined : x);

  const channels = [m.registration.channelsNational];
  const region = g?.channels.region;
  if (g?.channels.regionKnown) {
    if (region?.items.length) channels.push(m.registration.channelsRegion(ins, region.items.join("、")));
    if (region) sources.push(region.source.title);
  } else channels.push(m.registration.channelsNoRegion(ins));
  if (!g?.channels.counterListed) channels.push(m.registration.channelsCounter(ins));
  if (a.category === "referral") channels.push(cited(g?.channels.referral)?.text ?? m.registration.channelsReferral);

  const materials: string[] = [];
  const cat = cited(g?.materials.category);
  materials.push(m.registration.materialsIntro(cat?.name ?? (a.category ? m.labels.category[a.category] : "")));
  if (cat) materials.push(...cat.items.map((x) => `· ${x}`));
  const regionMaterials = cited(g?.materials.region);
  if (regionMaterials) materials.push(m.registration.materialsRegion(ins), ...regionMaterials.items.map((x) => `· ${x}`));
  if (g?.materials.commitment) materials.push(cited(known(g.materials.commitment))?.text ?? m.registration.promise);

  const steps: string[] = [m.registration.stepsIntro];
  const rs = cited(g?.steps);
  if (rs) steps.push(...rs.items.map((s, i) => `${i + 1}. ${s}`));

  const review = cited(g?.review)?.text ?? m.registration.reviewFallback;
  const check = cited(g?.check)?.text ?? m.registration.checkFallback;

  const validity: string[] = [];
  const catValidity = cited(g?.validity.category);
  if (catValidity) validity.push(m.registration.validity(catValidity.text));
  const regionValidity = cited(g?.validity.region);
  if (regionValidity) validity.push(`${ins}：${regionValidity.text}`);
  if (!g || g.validity.change) validity.push(cited(known(g?.validity.change))?.text ?? m.registration.changeFallback);

  // A free zone needs no registration: said first, before how to register elsewhere.
  const aside = g?.direct.zoneAside;
  const tre = regionName(a.treatment);
  const zone = g?.excluded && a.category
    ? excludedText(ins, g.excluded, a.category)
    : g?.direct.zone
      ? m.registration.freeZone(ins, tre)
      : aside
        ? zoneAsideText(ins, tre, aside)
        : undefined;
  if (g?.excluded) sources.push(g.excluded.source.title);
  if (g?.direct.zone?.source) sources.push(g.direct.zone.source.title);
  // An emergency is seen first and counts as registered (or, where the insured place says so, registers before discharge): said before how (QA5 Q54).
  const emergency = a.category === "emergency" && !zone ? emergencyLead(a, now) : undefined;
  if (emergency?.source) sources.push(emergency.source);
  const first = zone ?? emergency?.text;
  if (aside) sources.push(aside.zone.source.title, aside.registered?.source.title);
  return { texts: [channels.join("\n"), materials.join("\n"), steps.join("\n"), review, check, validity.join("\n")], sources, ...(first ? { zone: first } : {}) };
}

/** The line an emergency's registration steps open with: the insured place's own rule, else 视同已备案. */
function emergencyLead(a: Answers, now: Date): { text: string; source?: string } {
  const b = book();
  const own = b && a.insured ? emergencyRegistrationFor(b, a.insured, a.scheme, today(now)) : undefined;
  return own ? { text: m.eligibility.emergencyLocal(regionName(a.insured), own.withinDays), source: own.source.title } : { text: m.registration.emergencyFirst };
}

export function registrationView(state: string, ctx: FlowContext, now: Date): Reply[] {
  const a = ctx.a;
  const others = [go("estimate"), go("claim"), restart];
  if (state === "notNeeded") return [{ text: m.registration.notNeeded(regionName(a.insured), regionName(a.treatment)), choices: others }];
  const { texts, sources, zone } = registrationSteps(ctx, now);
  const titles = m.registration.titles;
  if (state === "checklist") {
    const body = texts.map((t, i) => `【${titles[i]}】\n${t}`).join("\n\n");
    return [withSources(`${zone ? `${zone}\n\n` : ""}${m.registration.checklist}\n\n${body}`, sources), { text: m.registration.done, choices: [{ id: "next", label: m.choices.stepByStep }, ...others] }];
  }
  if (state === "done") return [{ text: m.registration.done, choices: [{ id: "all", label: m.choices.all }, ...others] }];
  const n = Number(state.replace("step", ""));
  const text = `${n === 1 && zone ? `${zone}\n` : ""}${m.registration.stepTitle(n, texts.length, titles[n - 1] ?? "")}\n${texts[n - 1] ?? ""}`;
  return [
    {
      ...withSources(text, sources),
      choices: [
        { id: "next", label: m.choices.next },
        { id: "back", label: m.choices.back },
        { id: "all", label: m.choices.all },
      ],
    },
  ];
}

// ---------- claim ----------

export function claimResult(ctx: FlowContext, now: Date): Reply[] {
  const a = ctx.a;
  const b = book();
  const ins = regionName(a.insured);
  const referred = a.category === "referral" || a.visitor === "referral";
  const c = b ? claimChecklist(b, { insured: a.insured, scheme: a.scheme, setting: a.setting, visitor: referred ? "referral" : a.visitor, why: a.why, date: today(now) }) : undefined;
  const sources: (string | undefined)[] = [];
  const lines = [m.claim.intro(ins, a.setting ? m.labels.setting[a.setting] : "")];
  const materials = c?.materials ?? [];
  if (c) sources.push(c.materialsFrom.source.title);
  materials.forEach((x, i) => lines.push(`${i + 1}. ${x}`));
  lines.push(`${materials.length + 1}. ${c?.hasIdentity ? m.claim.bank : m.claim.idAndBank}`);
  if (c?.addReferralProof) lines.push(m.claim.referral);
  // Without a known scheme the region's rules shown are one scheme's: say which.
  const whose = c?.schemeShown ? m.claim.whose(m.labels.scheme[c.schemeShown]) : "";
  const hedged = (x: { text: string; hedge: boolean }) => (x.hedge ? `${x.text}（以参保地规定为准）` : x.text);
  if (c?.where) lines.push(m.claim.where(hedged(c.where)) + (c.where.region ? whose : ""));
  else lines.push(m.claim.whereFallback(ins));
  if (c?.deadline === "outpatient_unknown") lines.push(m.claim.deadlineOutpatient);
  else if (c?.deadline) {
    lines.push(m.claim.deadline(hedged(c.deadline)) + (c.deadline.region ? whose : ""));
    if (c.deadline.region) sources.push(c.deadline.source.title);
  } else lines.push(m.claim.deadlineFallback);
  const fact = (key: string) => c?.facts.find((f) => f.key === key);
  for (const f of c?.facts ?? []) sources.push(f.source.title);
  if (a.why === "unregistered") lines.push(fact("makeup_after_discharge")?.text ?? m.claim.unregistered);
  if (a.why === "not_networked") lines.push(fact("non_networked")?.text ?? "");
  if (a.why === "maternity") {
    // The insured place's word for these two places (成都: 成德眉资 settle directly) before the general one.
    const own = maternityAnswer(a, now);
    if (own?.source) sources.push(own.source);
    lines.push(own?.text ?? fact("maternity")?.text ?? m.claim.maternity);
  }
  lines.push(m.claim.keep);
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i] === "") lines.splice(i, 1);
  const titles = [...new Set(sources.filter((s): s is string => !!s))];
  if (titles.length > 0) lines.push(m.sourcePrefix + titles.join("；"));
  return [withSources(lines.join("\n"), sources), { text: m.eligibility.next, choices: [go("estimate"), go("registration"), restart] }];
}

// ---------- estimate ----------

/** The evaluator's input from the answers; the treatment date is today. */
export function scenarioOf(a: Answers, now: Date): unknown {
  return {
    // The age said picks the policy's age band where it has one (深圳 居民 60周岁及以上 95%).
    insured: { region: a.insured, scheme: a.scheme, ...(a.status ? { status: a.status } : {}), ...(a.age?.years !== undefined ? { age: a.age.years } : {}) },
    treatment: { region: a.treatment, setting: a.setting, hospitalLevel: a.level, date: today(now) },
    // Inside one 统筹区 the visitor kind does not matter; long_term means "no cut".
    visitor: a.visitor ?? "long_term",
    costs: {
      total: a.total,
      ...(typeof a.classB === "string" ? { classB: a.classB } : {}),
      ...(typeof a.outOfCatalog === "string" ? { outOfCatalog: a.outOfCatalog } : {}),
    },
    // What this year already brought, as the person said it (今年第二次住院, 今年已经报了48万).
    ...(admissionsOf(a) !== undefined || a.fundPaid !== undefined
      ? { yearToDate: { ...(admissionsOf(a) !== undefined ? { admissions: admissionsOf(a) } : {}), ...(a.fundPaid !== undefined ? { fundPaid: a.fundPaid } : {}) } }
      : {}),
    ...(a.maternity ? { maternity: true } : {}),
  };
}

/** 今年起付线已经交过了 with a stay: it was paid at an earlier stay this year, so this one is at least the second. */
function admissionsOf(a: Answers): number | undefined {
  if (a.deductibleMet && a.setting === "inpatient") return Math.max(a.admissions ?? 0, 1);
  return a.admissions;
}

/**
 * The estimate of the answers. 起付线已经交过 with a yearly 起付线: worked out again with that
 * 起付线 paid in full, the figure the first pass charged (not a figure made up here).
 */
export function evaluateAnswers(a: Answers, now: Date, b: NonNullable<ReturnType<typeof book>>): ReturnType<typeof evaluate> {
  const scenario = scenarioOf(a, now) as Record<string, unknown>;
  const first = evaluate(scenario, b);
  if (!a.deductibleMet || !first.ok) return first;
  const step = first.estimate.steps.find((x) => x.params.kind === "deductible");
  if (step?.params.kind !== "deductible" || !step.params.perYear || new Decimal(step.params.amount).isZero()) return first;
  const year = (scenario.yearToDate ?? {}) as Record<string, unknown>;
  return evaluate({ ...scenario, yearToDate: { ...year, deductiblePaid: step.params.amount } }, b);
}

/**
 * The facts that are not a plain value (an age, a share in words, a flag): their words. The
 * guess behind a registration (突然) is said with the estimate, not as a fact of its own.
 */
function saidLabel(slot: Slot, a: Answers): string | undefined {
  const h = m.heardFacts;
  switch (slot) {
    case "age":
      return a.age?.years !== undefined ? m.readBack.age(a.age.years) : h.student;
    case "shareWords":
      return a.shareWords ? h.share(a.shareWords.words, a.shareWords.slot === "classB" ? "乙类" : "自费") : "";
    case "deductibleMet":
      return m.readBack.deductibleMet;
    case "workInjury":
      return h.workInjury;
    case "notLevel":
      return a.notLevel !== undefined ? h.notLevel(m.readBack.level[a.notLevel] ?? "") : "";
    case "visitorGuess":
    case "totalWords":
    case "otherScheme":
      return "";
    default:
      return undefined;
  }
}

const CHANGEABLE: Slot[] = ["insured", "scheme", "treatment", "setting", "level", "visitor", "status", "total", "classB", "outOfCatalog"];

export function valueLabel(slot: Slot, a: Answers): string {
  const v = a[slot];
  if (v === undefined) return "";
  if (v === null) return m.estimate.unknown;
  const said = saidLabel(slot, a);
  if (said !== undefined) return said;
  if (slot === "insured" || slot === "treatment") return regionName(String(v));
  if (slot === "total" || slot === "classB" || slot === "outOfCatalog" || slot === "fundPaid") return m.estimate.yuan(String(v));
  if (slot === "why") return m.labels.why[v as keyof typeof m.labels.why] ?? String(v);
  const labels = (m.labels as Record<string, Record<string, string>>)[slot];
  return labels?.[String(v)] ?? String(v);
}

export function changeChoices(a: Answers): Choice[] {
  return [
    ...CHANGEABLE.filter((s) => a[s] !== undefined).map((s) => ({ id: `c:${s}`, label: m.estimate.changeLabel(m.estimate.slotNames[s] ?? s, valueLabel(s, a)) })),
    { id: "back", label: m.choices.backToResult },
  ];
}

/** The closing question under an estimate (also what a restated estimate shows). */
export function estimateAfter(stuck = false): Reply {
  return { text: stuck ? m.estimate.afterStuck : m.estimate.after, choices: [{ id: "chg", label: m.choices.change }, go("registration"), go("claim"), restart] };
}

/** The policy year the estimate used ("2023 年"), when it is the place's own policy; else undefined. */
export function estimatePolicyYear(ctx: FlowContext, now: Date): string | undefined {
  const b = book();
  try {
    const result = b ? evaluateAnswers(ctx.a, now, b) : undefined;
    return result?.ok && !result.estimate.policy.typical ? versionWords(result.estimate.policy.version)?.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** The estimate in one sentence (for "没看懂"), or undefined when it cannot be made. */
export function estimateBrief(ctx: FlowContext, now: Date, say: (fund: string, you: string) => string = m.rephrase.estimate): string | undefined {
  const b = book();
  try {
    const result = b ? evaluateAnswers(ctx.a, now, b) : undefined;
    return result?.ok ? say(short(result.estimate.fundPays), short(result.estimate.youPay)) : undefined;
  } catch {
    return undefined;
  }
}

/** A correction worth showing under the assumptions: never one that would change nothing ("改成二级" at a 二级 hospital). */
function changeExample(a: Answers): string {
  if (a.level !== undefined && a.level !== 2) return m.estimate.changeExamples.level2;
  if (a.level === 2) return m.estimate.changeExamples.level3;
  return m.estimate.changeExamples.total;
}

/** Assumptions that say why a step's figure rests on a source of low confidence. */
const LOW_EXPLAINED: Partial<Record<Assumption["kind"], Step["kind"][]>> = {
  class_b_from_typical: ["class_b_first_pay"],
  // The catalogue decides what is 目录外 too.
  intra_province_catalogue: ["jurisdiction", "out_of_catalog"],
};

/** The chat's one money format (src/messages/flows.ts `chatMoney`). */
const short = chatMoney;

/** The figures given but not picked as the total, on the read-back line itself. */
function leftOutText(ctx: FlowContext): string {
  return ctx.leftOut?.length ? m.readBack.leftOut(ctx.leftOut.map((v) => short(m.estimate.yuan(v))).join("、")) : "";
}

/** A deposit the person gave, on the read-back line: never taken for the total. */
function depositText(ctx: FlowContext): string {
  return ctx.deposit ? m.readBack.deposit(short(m.estimate.yuan(ctx.deposit))) : "";
}

/** The 起付线 the person quoted, on the read-back line; `same`: it is the sourced figure. */
function quotedDeductibleText(ctx: FlowContext, same = false): string {
  return ctx.told?.deductible ? m.readBack.quotedDeductible(short(m.estimate.yuan(ctx.told.deductible)), same) : "";
}

/**
 * The quoted 起付线 against the sourced one the estimate used: equal, it is said so on the
 * read-back; different (or none in the data), one line with the source's figure and date.
 */
function toldDeductible(ctx: FlowContext, steps: readonly Step[]): { same: boolean; line?: string } {
  const said = ctx.told?.deductible;
  if (!said) return { same: false };
  const step = steps.find((x) => x.kind === "deductible");
  const ours = step?.params.kind === "deductible" ? step.params.amount : undefined;
  if (ours !== undefined && new Decimal(ours).equals(said)) return { same: true };
  const source = step?.source ?? steps.find((x) => x.kind === "ratio" || x.kind === "band")?.source;
  if (!source) return { same: false };
  const date = source.published === "unknown" ? m.estimate.sourceDateUnknown : publishedText(source.published);
  return { same: false, line: m.estimate.toldDeductible(short(said), ours === undefined ? null : short(ours), source.title, date) };
}

/** The bill taken as reimbursed + own share (no total said), on the read-back line. */
function summedText(ctx: FlowContext): string {
  const t = ctx.told;
  if (!t?.summed || !t.reimbursed || !t.ownShare || !ctx.a.total || !new Decimal(t.reimbursed).plus(t.ownShare).equals(ctx.a.total)) return "";
  return m.readBack.summedTotal(short(m.estimate.yuan(t.reimbursed)), short(m.estimate.yuan(t.ownShare)));
}

/** Within this share of the bill (or 100 元), what the person was told is "close" to the estimate. */
const CLOSE_SHARE = new Decimal("0.03");
const CLOSE_MIN = new Decimal(100);

/**
 * What the fund reimbursed (or the person paid), as they were told, against the estimate: one
 * line after the figures. The fund's part when said; else the person's own.
 */
function toldComparison(ctx: FlowContext, fund: string, you: string): string | undefined {
  const t = ctx.told;
  if (!t || (!t.reimbursed && !t.ownShare && !t.accountPaid) || !ctx.a.total) return undefined;
  // Cash and the personal account are both the person's money: together against what they pay.
  const paid = t.accountPaid ? new Decimal(t.ownShare ?? 0).plus(t.accountPaid).toFixed() : t.ownShare;
  const ownWords = t.accountPaid ? (x: string) => m.estimate.toldOwnAndAccount(short(t.ownShare ?? "0"), short(t.accountPaid!), x) : m.estimate.toldOwn;
  const [said, ours, words] = t.reimbursed ? [t.reimbursed, fund, m.estimate.toldFund] : [paid!, you, ownWords];
  const diff = new Decimal(said).minus(ours).abs();
  const close = diff.lessThanOrEqualTo(Decimal.max(CLOSE_MIN, new Decimal(ctx.a.total).times(CLOSE_SHARE)));
  const line = m.estimate.toldCompare(words(short(said)), short(ours), close ? null : short(diff.toFixed(2)));
  // Far off on a scheme the estimate took for granted: that is the first thing to check.
  const scheme = ctx.a.scheme;
  if (!close && scheme && (ctx.assumed ?? []).includes("scheme")) return line + m.estimate.toldCheckScheme(m.labels.scheme[scheme], m.labels.scheme[scheme === "employee" ? "resident" : "employee"]);
  return line;
}

/** The answers filled in, and the registration read from words that only suggest it (突然, 长期 alone). */
function assumedSlots(ctx: FlowContext): Slot[] {
  const a = ctx.a;
  const own = ctx.assumed ?? [];
  const guessed = (a.visitorGuess === "sudden" && a.visitor === "emergency") || ((a.visitorGuess === "longWord" || a.visitorGuess === "livesThere") && a.visitor === "long_term");
  return guessed && !own.includes("visitor") ? [...own, "visitor"] : own;
}

/**
 * A deposit against what the person pays: settled at the hospital, what is left to pay at
 * discharge or about what comes back; not settled there, the whole bill is paid first.
 */
function depositLeft(ctx: FlowContext, you: string, settled: boolean): string | undefined {
  if (!ctx.deposit || !ctx.a.total) return undefined;
  const owe = new Decimal(settled ? you : ctx.a.total).minus(ctx.deposit);
  const d = short(m.estimate.yuan(ctx.deposit));
  if (owe.isZero()) return m.estimate.depositEven(d);
  return owe.greaterThan(0) ? m.estimate.depositOwe(d, short(owe.toFixed(2)), settled) : m.estimate.depositBack(d, short(owe.negated().toFixed(2)), settled);
}

export function estimateResult(ctx: FlowContext, now: Date): Reply[] {
  const a = ctx.a;
  let result: ReturnType<typeof evaluate>;
  const b = book();
  try {
    // The cached book: when the data cannot be loaded, do not retry the files on every message.
    result = b ? evaluateAnswers(a, now, b) : { ok: false, errors: [{ field: "", problem: { kind: "data_unavailable" } }] };
  } catch {
    result = { ok: false, errors: [{ field: "", problem: { kind: "data_unavailable" } }] };
  }
  const gone = dischargedUnregistered(ctx);
  if (!result.ok) {
    const head = readBack(a, assumedSlots(ctx)) + summedText(ctx) + depositText(ctx) + quotedDeductibleText(ctx) + leftOutText(ctx);
    // Discharged with no rule for the unregistered: the way still open, and what it may bring.
    const claim = gone && result.errors.every((e) => e.problem.kind === "no_unregistered_rule") ? madeUpClaim(a, now, scenarioOf, "no_data") : undefined;
    if (claim) return [{ text: [head, dischargedPath(), claim].join("\n") }, estimateAfter()];
    const lines = [head, m.estimate.failed, ...result.errors.map((e) => `· ${problemText(e.problem)}`)];
    // Not registered, with no rule for it: what registering before discharge would bring is still known.
    if (b && result.errors.some((e) => e.problem.kind === "no_unregistered_rule")) {
      const registered = evaluate(scenarioOf({ ...a, visitor: "temporary_other" }, now), b);
      if (registered.ok) {
        const kinds = registered.estimate.assumptions.map((x) => x.kind);
        const cut = kinds.includes("visitor_unknown_rule") ? "ceiling" : kinds.includes("intra_province_unknown_cut") ? "intra" : "own";
        lines.push(m.estimate.ifRegistered(short(registered.estimate.fundPays), short(registered.estimate.youPay), cut));
      }
    }
    return [{ text: lines.join("\n") }, estimateAfter()];
  }
  const e = result.estimate;
  const assumed = assumedSlots(ctx);
  // What was read and assumed comes first, so a misread shows before any figure.
  const quoted = toldDeductible(ctx, e.steps);
  const lines: string[] = [readBack(a, assumed) + summedText(ctx) + depositText(ctx) + quotedDeductibleText(ctx, quoted.same) + leftOutText(ctx)];
  if (quoted.line) lines.push(quoted.line);
  // Two people said: which one this is, and how to get the other's.
  if (a.otherScheme && a.scheme && a.otherScheme !== a.scheme) lines.push(m.estimate.otherPerson(m.labels.scheme[a.scheme], m.labels.scheme[a.otherScheme]));
  // Hurt at work: 工伤保险 first — the fund does not pay what it should (said before the figures).
  if (a.workInjury) lines.push(m.estimate.workInjury);
  // The age said against the band the figures are for: outside it, said before any figure; inside it, no assumption.
  const bandReadings = a.age ? e.assumptions.filter((x): x is Extract<Assumption, { kind: "reading" }> => x.kind === "reading" && bandFit(x.text, a.age!) !== undefined) : [];
  for (const x of bandReadings) if (!bandFit(x.text, a.age!)) lines.push(m.estimate.otherBand(a.age!.years !== undefined ? m.readBack.age(a.age!.years) : m.readBack.student, x.text));
  // Discharged and not registered: the way still open first; a fund that pays the unregistered
  // nothing is then not the last word.
  const notCovered = e.directSettlement.kind === "not_covered";
  if (gone) {
    lines.push(dischargedPath());
    const claim = notCovered ? madeUpClaim(a, now, scenarioOf, "nothing") : undefined;
    if (claim) lines.push(claim);
  }
  const regionLabel = e.policy.regionName || regionName(a.insured);
  if (e.policy.typical && !e.policy.regionData) lines.push(m.estimate.typical(`${regionName(a.insured)}${m.labels.scheme[e.policy.scheme]}`));
  else if (e.policy.typical) {
    // One statement of the basis: whose rules, and which figures are the template's (not three lines
    // saying it three ways).
    const partly = e.warnings.find((x) => x.kind === "partly_typical");
    const parts = partly && "parts" in partly ? partly.parts : [];
    const province = e.assumptions.find((x) => x.kind === "province_file");
    if (province && province.kind === "province_file") {
      lines.push(m.estimate.partlyTypicalProvince(province.city, province.province, m.labels.scheme[e.policy.scheme], parts));
    } else lines.push(m.estimate.partlyTypical(regionLabel, m.labels.scheme[e.policy.scheme], parts, partly && "whose" in partly ? partly.whose : undefined));
  }
  // The read-back line names the insured place and scheme already: then the policy's version goes
  // with the steps' title instead of a line of its own.
  const ownPolicy = !e.policy.typical && e.policy.region === a.insured && e.policy.scheme === a.scheme;
  if (!e.policy.typical && !ownPolicy) lines.push(m.estimate.basis(regionLabel, m.labels.scheme[e.policy.scheme], e.policy.version));
  // The year's cap used up (nearly) by what the fund paid before: said first, it decides the figure.
  const cap = a.fundPaid !== undefined ? e.steps.find((x) => x.params.kind === "cap")?.params : undefined;
  if (cap?.kind === "cap" && cap.per === "year" && cap.capped) lines.push(m.estimate.capNearlyUsed(short(cap.used), short(cap.cap), short(cap.remaining)));
  // The total is in the read-back line; whole yuan without ".00" (the steps below do the same).
  lines.push(gone && notCovered ? m.estimate.fundNotMadeUp(short(e.fundPays)) : m.estimate.fund(short(e.fundPays), e.policy.typical));
  if (e.seriousIllnessPays !== "0.00" && e.seriousIllnessPays !== "0") lines.push(m.estimate.serious(short(e.seriousIllnessPays)));
  lines.push(m.estimate.you(short(e.youPay), e.policy.typical));
  const compared = toldComparison(ctx, e.fundPays, e.youPay);
  if (compared) lines.push(compared);
  const left = depositLeft(ctx, e.youPay, e.directSettlement.possible && !gone);
  if (left) lines.push(left);
  // Whether the bill is settled at the hospital (the same decision the CLI prints); at home it goes
  // without saying, and for 普通门诊 the outpatient warning says it depends on the clinic.
  // An emergency's advice to register before discharge joins this line instead of a warning repeating it.
  const emergencyNote = e.warnings.some((x) => x.kind === "emergency");
  if (e.jurisdiction !== "same_pool" && (a.setting !== "outpatient" || e.directSettlement.kind === "no_registration")) {
    const reason = gone ? m.direct.reason.discharged : emergencyNote && e.directSettlement.kind === "emergency" ? m.direct.emergencyInpatient : m.direct.reason[e.directSettlement.kind];
    lines.push(m.direct.line(e.directSettlement.possible, reason));
  }
  lines.push(ownPolicy ? m.estimate.stepsTitleVersion(e.policy.version) : m.estimate.stepsTitle);
  // The summary step repeats the totals above, and an annual cap not reached changes nothing
  // (the CLI keeps both). Each source once, numbered in the order the steps first cite it.
  const steps = e.steps.filter((s) => s.kind !== "summary" && !(s.kind === "cap" && s.amount === null));
  const cited = new Map<string, { n: number; confidence: "high" | "medium" | "low" }>();
  for (const s of steps) if (!cited.has(s.source.title)) cited.set(s.source.title, { n: cited.size + 1, confidence: s.source.confidence });
  let ratioLine: number | undefined;
  let fundLine: number | undefined;
  let fundWords: { what: string; rule: string } | undefined;
  // Without a 起付线 step the ratio applies to the whole amount in the policy's scope: not "起付线以上".
  const stepOptions = { deductible: steps.some((x) => x.kind === "deductible") };
  for (const s of steps) {
    const n = cited.get(s.source.title)!.n;
    // A cap reached right after the fund's ratio: said on the fund's line, whose figure is then the
    // capped one the headline gives ("统筹基金支付：800 元（…；年度封顶）").
    if (s.params.kind === "cap" && fundLine === lines.length - 1 && fundWords && s.amount !== null) {
      const words = chatStepWords(s.params);
      if (!words.rule) {
        const [, , marks] = /^(.*?)((?:\[\d+\])*)$/u.exec(lines[fundLine]!)!;
        const rule = m.estimate.capJoined(fundWords.rule, words.what);
        lines[fundLine] = m.estimate.stepBody(fundWords.what, short(s.amount), rule) + marks + (marks!.includes(`[${n}]`) ? "" : `[${n}]`);
        continue;
      }
    }
    // The cut for the kind of registration is already in the ratio step's rule ("…（未备案：比例降低
    // 20 个百分点）"): its source joins that line rather than a line repeating it.
    if (s.params.kind === "visitor_cut" && ratioLine !== undefined) {
      if (!lines[ratioLine]!.endsWith(`[${n}]`)) lines[ratioLine] += `[${n}]`;
      continue;
    }
    const words = chatStepWords(s.params, stepOptions);
    // The read-back line already names both places: the jurisdiction step keeps only its rule.
    const j = jurisdictionOf(a);
    if (s.kind === "jurisdiction" && j) lines.push(m.estimate.jurisdictionStep(m.labels.jurisdiction[j], words.rule, n));
    else if (s.params.kind === "deductible" && s.amount !== null && new Decimal(s.amount).lessThan(s.params.amount)) {
      // The part of a small bill that fell under the 起付线 is not the 起付线: the line says the policy's figure.
      lines.push(m.estimate.step(short(words.what), short(s.params.amount), m.estimate.underDeductible(short(words.rule), short(s.amount)), n));
    } else lines.push(m.estimate.step(short(words.what), s.amount === null ? null : short(s.amount), short(words.rule), n));
    if ((s.params.kind === "ratio" || s.params.kind === "band") && s.params.adjust.visitor) ratioLine = lines.length - 1;
    if (s.params.kind === "ratio" || s.params.kind === "band") {
      fundLine = lines.length - 1;
      fundWords = { what: short(words.what), rule: short(words.rule) };
    }
  }
  // What the reply already said in its own words is not said again in the evaluator's.
  const saidAssumption = new Set<Assumption["kind"]>();
  const saidWarning = new Set<Warning["kind"]>();
  if (assumed.includes("classB")) saidAssumption.add("class_b_amount");
  if (assumed.includes("outOfCatalog")) saidAssumption.add("out_of_catalog_amount");
  if (assumed.includes("status")) saidAssumption.add("status");
  // 居民医保 has no retirees' rules, and the read-back line says so.
  if (a.scheme === "resident") saidAssumption.add("no_retiree_figures");
  if (emergencyNote && lines.some((l) => l.includes(m.direct.emergencyInpatient))) saidWarning.add("emergency");
  // The opening line already says the estimate is typical, or which part is.
  if (e.policy.typical && !e.policy.regionData) saidWarning.add("typical");
  if (e.policy.typical && e.policy.regionData) {
    saidWarning.add("partly_typical");
    saidAssumption.add("province_file");
  }
  // The direct-settlement line above already says what not registering means.
  if (e.directSettlement.kind === "unregistered" || gone) saidWarning.add("unregistered");
  // A cap step that bit already says the cap was reached.
  if (steps.some((x) => x.kind === "cap" && x.amount !== null)) saidWarning.add("cap_reached");
  // One list of assumptions: the answers the flow filled in, then the evaluator's own.
  // The assumed values themselves are in the read-back line; listed here only what it cannot show.
  const ours = assumed
    .map((slot) => (slot === "scheme" && a.scheme === "employee" ? (a.flexible ? "schemeFlexible" : a.status === "working" ? "schemeWorking" : "schemeRetired") : slot))
    .map((key) => (key === "visitor" && a.livesThere && a.visitor === "long_term" ? "livesThere" : key))
    .map((key) => (key === "visitor" && a.visitorGuess && !(ctx.assumed ?? []).includes("visitor") ? a.visitorGuess : key))
    .filter((key) => key === "schemeRetired" || key === "schemeFlexible" || key === "schemeWorking" || key === "classB" || key === "outOfCatalog" || key === "livesThere" || key === "longWord" || key === "sudden");
  // Both amounts unknown: one line.
  const bothUnknown = ours.includes("classB") && ours.includes("outOfCatalog");
  const ourLines = (bothUnknown ? [...ours.filter((k) => k !== "classB" && k !== "outOfCatalog"), "amountsUnknown"] : ours).map((key) => m.estimate.assumed[key]!);
  // What this year already brought (stays, fund paid, deductible paid): one line, not three.
  const YEAR_TO_DATE = { admissions: "admissions", deductible_paid: "deductiblePaid", fund_paid: "fundPaid" } as const;
  const yearToDate = (["admissions", "deductible_paid", "fund_paid"] as const).filter((k) => e.assumptions.some((x) => x.kind === k));
  for (const k of yearToDate) saidAssumption.add(k);
  // Neither amount given, and the flow did not say so itself: one line for both, as the flow would.
  const amounts = ["class_b_amount", "out_of_catalog_amount"] as const;
  const bothAmounts = amounts.every((k) => e.assumptions.some((x) => x.kind === k) && !saidAssumption.has(k));
  if (bothAmounts) for (const k of amounts) saidAssumption.add(k);
  // Every figure of low confidence comes from a step an assumption below explains (the template's
  // 乙类 share, the catalogue guessed for a trip inside the province): said on those assumptions,
  // not in a warning as well.
  const lowSteps = steps.filter((x) => x.source.confidence === "low");
  const explains = (x: Assumption) => LOW_EXPLAINED[x.kind];
  const lowExplained = lowSteps.length > 0 && lowSteps.every((st) => e.assumptions.some((x) => explains(x)?.includes(st.kind) && !saidAssumption.has(x.kind)));
  if (lowExplained) saidWarning.add("low_confidence");
  const lowKinds = new Set(lowSteps.map((x) => x.kind));
  const theirs = [
    ...(bothAmounts ? [m.estimate.assumed.amountsUnknown!] : []),
    ...e.assumptions
      .filter((x) => !saidAssumption.has(x.kind) && !bandReadings.includes(x as never))
      .map((x) => {
        const text = chatAssumptionText(x, e.policy.regionName) ?? assumptionText(x);
        return lowExplained && explains(x)?.some((k) => lowKinds.has(k)) ? `${text}${m.estimate.lowConfidence}` : text;
      }),
  ];
  // The date and what this year already brought are one line: both are "as of today".
  const parts = yearToDate.map((k) => m.estimate.yearToDateParts[YEAR_TO_DATE[k]]!);
  const asOf = assumed.length > 0 ? [parts.length > 0 ? m.estimate.todayAndYear(parts) : m.estimate.assumed.date!] : parts.length > 0 ? [m.estimate.yearToDate(parts)] : [];
  const all = [...ourLines, ...theirs, ...asOf];
  if (all.length > 0) lines.push(m.estimate.assumedTitle(changeExample(a)), ...all.map((x) => `· ${x}`));
  // Which figures may be outdated is marked on their sources below (naming them here again
  // would double the reply); a source only a step left out above cites joins the list.
  saidWarning.add("data_age");
  for (const x of e.dataAge) if (!cited.has(x.title)) cited.set(x.title, { n: cited.size + 1, confidence: e.steps.find((s) => s.source.title === x.title)?.source.confidence ?? "medium" });
  const months = e.warnings.find((x) => x.kind === "data_age")?.months ?? 0;
  const agedMark = new Map(e.dataAge.map((x) => [x.title, sourceAgeMark(x, months)]));
  const warnings = e.warnings.filter((x) => !saidWarning.has(x.kind)).map((x) => chatWarningText(x) ?? warningText(x, e.dataAge));
  // One warning stands on the title's line; several are listed.
  if (warnings.length === 1) lines.push(`${m.estimate.warnings}${warnings[0]}`);
  else if (warnings.length > 1) lines.push(m.estimate.warnings, ...warnings.map((x) => `· ${x}`));
  const sources = [...cited.keys()];
  lines.push(m.estimate.sources(sources.map((title) => m.estimate.source(cited.get(title)!.n, title, cited.get(title)!.confidence) + (agedMark.get(title) ?? ""))));
  return [{ text: lines.join("\n"), sources, bill: billOf(e) }, estimateAfter()];
}
