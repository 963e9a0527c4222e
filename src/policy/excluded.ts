/**
 * Whether the insured place lets this person file this category at all (杭州: 长住外地备案 is not for
 * 少年儿童). Read from the data (`excludedFrom`), for the eligibility and registration answers alike;
 * an age not said decides nothing.
 */
import type { PolicyBook } from "./book.ts";
import { ownVersion } from "./own-version.ts";
import type { SourceRef } from "./scenario.ts";
import type { Category, Scheme } from "./terms.ts";

export interface Excluded {
  /** The source's word for who may not (少年儿童). */
  who: string;
  belowAge: number;
  /** The reading of that word by age, said to the person. */
  assumption?: string;
  source: SourceRef;
}

export function excludedFrom(book: PolicyBook, q: { insured?: string | undefined; scheme?: Scheme | undefined; category?: Category | undefined; age?: number | undefined; date: string }): Excluded | undefined {
  if (!q.category || q.age === undefined) return undefined;
  const own = ownVersion(book, q.insured, q.scheme, q.date);
  const rule = own?.version.excludedFrom?.find((x) => x.categories.includes(q.category!) && q.age! < x.belowAge);
  if (!own || !rule) return undefined;
  return { who: rule.who, belowAge: rule.belowAge, ...(rule.assumption ? { assumption: rule.assumption } : {}), source: book.sourceRef(own.policy, rule.source, rule.quote) };
}
