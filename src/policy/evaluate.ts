/** Placeholder signature; the implementation lands shortly. */
import { getPolicyBook, type PolicyBook } from "./book.ts";
import type { Estimate } from "./scenario.ts";

export interface InputError {
  /** Dotted path of the bad field, e.g. "costs.classB"; "" for the whole input. */
  field: string;
  /** Chinese, for the user. */
  message: string;
}

export type EvaluateResult = { ok: true; estimate: Estimate } | { ok: false; errors: InputError[] };

export function evaluate(input: unknown, book: PolicyBook = getPolicyBook()): EvaluateResult {
  void input;
  void book;
  return { ok: false, errors: [{ field: "", message: "尚未实现" }] };
}
