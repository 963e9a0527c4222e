/**
 * The policy evaluator's public face: everything flows, channels and the CLI may use.
 * Nothing here imports a flow, a channel or a store.
 */
export { evaluate, type EvaluateResult, type InputError } from "./evaluate.ts";
export { getPolicyBook, createPolicyBook, type PolicyBook, type RegionInfo } from "./book.ts";
export { PolicyFileError } from "./load.ts";
export type { Scenario, ScenarioInput, Estimate, Step, StepKind, StepParams, SourceRef, Assumption, Warning, InputProblem, BandPart, RatioAdjust, VisitorCut } from "./scenario.ts";
export type { NationalRules, RegionPolicy } from "./schema.ts";
export * from "./terms.ts";
export { directSettlement, decideDirectSettlement, type DirectSettlement, type DirectReason } from "./direct.ts";
export type { Excluded } from "./excluded.ts";
export { eligibility, type Eligibility } from "./eligibility.ts";
export { factForTopic, nationalFact, isFactTopic, FACT_TOPICS, TOPIC_FACTS, type CitedText, type FactTopic } from "./facts.ts";
export { claimChecklist, type ClaimChecklist, type ClaimQuery } from "./claim.ts";
export { registrationGuide, type RegistrationGuide, type RegistrationQuery } from "./registration.ts";
export { flowDefaults, type FlowDefaults } from "./defaults.ts";
export { zoneSettlesAsHome } from "./zones.ts";
export { emergencyRegistrationFor, type EmergencyRegistration } from "./emergency.ts";
