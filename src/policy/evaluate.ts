/**
 * The policy evaluator: a pure function from a scenario to an explained estimate.
 * Validation → resolution (resolve.ts: which rules apply) → settlement (settle.ts: the money).
 */
import { getPolicyBook, type PolicyBook } from "./book.ts";
import { describeIssue } from "./load.ts";
import { resolveCase } from "./resolve.ts";
import { Scenario, type Estimate } from "./scenario.ts";
import { settle } from "./settle.ts";

export interface InputError {
  /** Dotted path of the bad field, e.g. "costs.classB"; "" for the whole input. */
  field: string;
  /** Chinese, for the user. */
  message: string;
}

export type EvaluateResult = { ok: true; estimate: Estimate } | { ok: false; errors: InputError[] };

/** Estimate what the fund, serious-illness insurance and the person pay. Never throws on bad input. */
export function evaluate(input: unknown, book: PolicyBook = getPolicyBook()): EvaluateResult {
  const parsed = Scenario.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map(describeIssue),
    };
  }
  const resolved = resolveCase(book, parsed.data);
  if (!resolved.ok) return resolved;
  return { ok: true, estimate: settle(book, resolved.value) };
}
