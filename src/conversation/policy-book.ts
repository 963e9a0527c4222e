/**
 * The policy book for the channels that serve it as it is, outside a chat: the JSON API
 * (POST /v1/estimate, GET /v1/policies), `yidi estimate`, `yidi policies` and the web chat's
 * source links. Channels reach the rules only through the conversation, and this is that door.
 */
import { evaluate as evaluateData, type PolicyBook } from "../policy/index.ts";
import { explainResult, type ExplainedResult } from "../messages/explain.ts";

export { getPolicyBook, PolicyFileError, type PolicyBook, type RegionPolicy } from "../policy/index.ts";
export type { ExplainedEstimate, ExplainedStep, ExplainedResult } from "../messages/explain.ts";
export { Scenario } from "../policy/scenario.ts";
export { Jurisdiction } from "../policy/terms.ts";
export { checkPolicyFiles } from "../policy/check.ts";
export type { Bill, BillPart } from "../policy/bill.ts";

/**
 * The estimate in its public form, every step, assumption and warning in words: what the JSON
 * API and `yidi estimate` return. The evaluator itself returns them as data (src/policy).
 */
export function evaluate(input: unknown, book?: PolicyBook, options?: { cache?: boolean }): ExplainedResult {
  return explainResult(evaluateData(input, book, options));
}
