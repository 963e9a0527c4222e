/**
 * The policy book for the channels that serve it as it is, outside a chat: the JSON API
 * (POST /v1/estimate, GET /v1/policies), `yidi estimate`, `yidi policies` and the web chat's
 * source links. Channels reach the rules only through the conversation, and this is that door.
 */
export { evaluate, getPolicyBook, PolicyFileError, type PolicyBook, type RegionPolicy } from "../policy/index.ts";
export { Scenario } from "../policy/scenario.ts";
export { checkPolicyFiles } from "../policy/check.ts";
export { STALE_AFTER_MONTHS } from "../policy/age.ts";
export type { Bill, BillPart } from "../policy/bill.ts";
