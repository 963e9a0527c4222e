/**
 * "为什么是70%": the ratio of the person's estimate, read from the evaluator's own explanation
 * of it (the ratio step, the visitor's adjustment, their sources and ages) — nothing is worked
 * out here. With no estimate to explain, the published 2017 example (a 70% share) and why it is
 * no ratio of today's rules.
 */
import type { Answers } from "../../flows/answers.ts";
import { flowMessages as m } from "../messages/flows.ts";
import { exampleText, publishedText } from "../messages/policy.ts";
import { stepWords } from "../messages/explain.ts";
import { explainExample } from "../policy/examples.ts";
import { directSettlement, evaluate, jurisdictionBetween, Scheme, type Estimate } from "../policy/index.ts";
import { findVisitorEntry } from "../policy/resolve.ts";
import { book, regionName, today, type Fact } from "./policy-data.ts";
import { describeVisitorRule, scenarioOf } from "./results.ts";

const t = m.whyRatio;

function fromEstimate(e: Estimate): Fact {
  const aged = new Set(e.dataAge.map((x) => x.title));
  // The age limit is the evaluator's (national.yaml's defaults), carried by its data_age warning.
  const ageWarning = e.warnings.find((w) => w.kind === "data_age");
  const months = ageWarning?.kind === "data_age" ? ageWarning.months : null;
  const lines: string[] = [];
  const cite = (s: Estimate["steps"][number]) => {
    lines.push(t.source(s.source.title, publishedText(s.source.published) + (s.source.published === "unknown" ? "" : "发布"), s.source.confidence, aged.has(s.source.title) ? months : null));
  };
  const ratio = e.steps.find((s) => (s.kind === "ratio" || s.kind === "band") && s.rates);
  if (ratio?.rates) {
    const rates = [...new Set(ratio.rates.map((r) => r.applied))];
    const { rule } = stepWords(ratio.params);
    lines.push(rates.length === 1 ? t.rule(rates[0]!, rule) : t.bands(rule));
    cite(ratio);
  }
  // The visitor's adjustment, where its source is not the ratio's: a step of its own.
  for (const s of e.steps) {
    if (s.params.kind === "visitor_cut") {
      const { what, rule } = stepWords(s.params);
      lines.push(t.cut(what, rule));
      cite(s);
    }
  }
  if (e.policy.typical) lines.push(t.typical(e.policy.regionName));
  lines.push(t.share);
  // Each source is named, dated and graded in its line: no list of sources again below.
  return { text: lines.join("\n") };
}

/** The answer; `a` is what the person answered in the estimate (empty: no estimate yet). */
export function whyRatioAnswer(a: Answers, now: Date): Fact | undefined {
  const b = book();
  if (!b) return undefined;
  if (a.insured && a.treatment && a.scheme && a.setting && a.level && a.total) {
    const result = evaluate(scenarioOf(a, now), b);
    if (result.ok && result.estimate.steps.some((s) => s.rates)) return fromEstimate(result.estimate);
  }
  const x = explainExample(b, "hebei_hainan_2017", today(now));
  if (!x) return { text: t.noEstimate };
  const text = exampleText.explain({ ...x.example, fundShare: x.fundShare, reasons: x.reasons });
  return { text: `${text}\n${a.insured ? "" : t.noEstimate}`.trim(), source: x.source.title };
}


/** The kinds of visitor whose ratio may be cut, in the order a person asks about them. */
const CUT_KINDS = ["temporary_other", "referral", "emergency", "long_term"] as const;

/**
 * "比例会不会降" / "先自付多少" once the insured place is known: that place's own rule for each
 * kind of trip (its file, else its province's), with the source, instead of the national
 * ceilings; a free zone for the treatment place first. Undefined when the place has no rule of
 * its own in the data: the national fact answers then.
 */
export function ratioChangeAnswer(a: Answers, now: Date): Fact | undefined {
  const b = book();
  if (!b || !a.insured) return undefined;
  const date = today(now);
  const jurisdiction = a.treatment ? jurisdictionBetween(a.insured, a.treatment) : "cross_province";
  if (jurisdiction === "same_pool") return undefined;
  const setting = a.setting ?? "inpatient";
  const ins = regionName(a.insured);
  const lines: string[] = [];
  const sources: string[] = [];
  const cite = (title: string | undefined) => {
    if (title && !sources.includes(title)) sources.push(title);
  };
  if (a.treatment) {
    const d = directSettlement(b, { insured: a.insured, treatment: a.treatment, scheme: a.scheme, date });
    if (d.reason === "free_zone" && d.zone) {
      lines.push(m.eligibility.freeZone(ins, regionName(a.treatment), describeVisitorRule(d.zone.rule)));
      cite(d.zone.source?.title);
    }
  }
  const schemes = a.scheme ? [a.scheme] : Scheme.options;
  const rules: string[] = [];
  for (const scheme of schemes) {
    const found = b.versionFor(a.insured, scheme, date);
    if ("error" in found || found.typical) continue;
    const province = found.province ? undefined : b.provinceVersionFor(a.insured, scheme, date);
    for (const visitor of CUT_KINDS) {
      const own = findVisitorEntry(found.version, visitor, jurisdiction, setting);
      const entry = own ?? (province ? findVisitorEntry(province.version, visitor, jurisdiction, setting) : undefined);
      if (!entry) continue;
      rules.push(t.kindRule(m.labels.visitor[visitor] ?? visitor, describeVisitorRule(entry.rule)));
      cite(b.sourceRef(own ? found.policy : province!.policy, entry.source, entry.quote).title);
    }
    // The first scheme with data answers when the person did not say theirs.
    if (rules.length > 0) {
      if (!a.scheme && schemes.length > 1) lines.push(t.placeRulesScheme(ins, m.labels.scheme[scheme] ?? scheme, m.labels.jurisdiction[jurisdiction] ?? ""));
      else lines.push(t.placeRules(ins, m.labels.jurisdiction[jurisdiction] ?? ""));
      break;
    }
  }
  if (rules.length === 0 && lines.length === 0) return undefined;
  lines.push(...rules.map((r) => `· ${r}`));
  if (!a.treatment) lines.push(t.treatmentUnknown);
  return { text: lines.join("\n"), ...(sources.length > 0 ? { source: sources.join("；") } : {}) };
}
