/**
 * The policy evaluator: a pure function from a scenario to an explained estimate.
 * Validation → plan (resolve.ts: which rules apply; settle.ts: their parameters; cached per
 * scenario shape in plans.ts) → settlement of this bill (settle.ts: the money and each step's
 * figures and source, as data). The words are src/messages/explain.ts's.
 */
import { getPolicyBook, type PolicyBook } from "./book.ts";
import { describeIssue } from "./load.ts";
import { planFor } from "./plans.ts";
import { quickScenario } from "./quick-scenario.ts";
import { Scenario, type Estimate, type InputProblem } from "./scenario.ts";
import { settle } from "./settle.ts";

export interface InputError {
  /** Dotted path of the bad field, e.g. "costs.classB"; "" for the whole input. */
  field: string;
  /** What is wrong with it, as data; src/messages/explain.ts words it. */
  problem: InputProblem;
}

export type EvaluateResult = { ok: true; estimate: Estimate } | { ok: false; errors: InputError[] };

/**
 * Estimate what the fund, serious-illness insurance and the person pay. Never throws on bad
 * input. `options.cache: false` skips the per-shape plan cache (plans.ts): for tests and the
 * benchmark's first-time figure; the answer is the same either way.
 */
export function evaluate(input: unknown, book: PolicyBook = getPolicyBook(), options: { cache?: boolean } = {}): EvaluateResult {
  // The usual input passes a check by hand; anything else, the schema's (quick-scenario.ts).
  const quick = quickScenario(input);
  const parsed = quick ? { success: true as const, data: quick } : Scenario.safeParse(input);
  if (!parsed.success) {
    // Again with reportInput, so that an issue tells "missing" from "wrong type": only on this
    // path, since it costs the good inputs more than the rest of the validation.
    const reported = Scenario.safeParse(input, { reportInput: true });
    return {
      ok: false,
      errors: (reported.error ?? parsed.error).issues.map((issue) => {
        const { field, message } = describeIssue(issue);
        return { field, problem: { kind: "invalid", message } };
      }),
    };
  }
  const planned = planFor(book, parsed.data, options.cache ?? true);
  if (!planned.ok) return planned;
  return { ok: true, estimate: settle(book, planned.value, parsed.data.costs) };
}
