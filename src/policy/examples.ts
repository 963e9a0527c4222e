/**
 * Published worked examples (national.yaml `examples`): the share the fund paid, computed from
 * the source's own amounts, and why it is no ratio of any current rule — as data, for the
 * conversation and the CLI to word.
 */
import type { PolicyBook } from "./book.ts";
import { D, fmt, HUNDRED } from "./money.ts";
import type { SourceRef } from "./scenario.ts";
import type { NationalRules } from "./schema.ts";

export type PublishedExample = NationalRules["examples"][number];

export interface ExampleExplanation {
  example: PublishedExample;
  /** fundPaid ÷ total, in percent with two decimals ("70.00"). */
  fundShare: string;
  /** The amounts add up as the source gives them. */
  consistent: boolean;
  /** Why the share is not a ratio of today's rules: the source's gaps, and its age. */
  reasons: (PublishedExample["notGiven"][number] | "old_example")[];
  source: SourceRef;
}

export function explainExample(book: PolicyBook, id: string, onDate: string): ExampleExplanation | undefined {
  const example = book.national.examples.find((x) => x.id === id);
  if (!example) return undefined;
  const total = new D(example.total);
  const fund = new D(example.fundPaid);
  const share = fund.dividedBy(total).times(HUNDRED);
  const reasons: ExampleExplanation["reasons"] = [...example.notGiven];
  if (Number(onDate.slice(0, 4)) - example.year >= 2) reasons.push("old_example");
  return {
    example,
    fundShare: fmt(share),
    consistent: fund.plus(new D(example.personPaid)).equals(total),
    reasons,
    source: book.sourceRef(null, example.source, example.quote),
  };
}
