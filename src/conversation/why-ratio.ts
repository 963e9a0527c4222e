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
import { evaluate, type Estimate } from "../policy/index.ts";
import { book, today, type Fact } from "./policy-data.ts";
import { scenarioOf } from "./results.ts";

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

