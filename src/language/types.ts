/** The parse contract shared with the flows (see /work/team.md); kept apart so every part can import it. */
export type Intent = "registration_howto" | "registration_materials" | "eligibility" | "estimate" | "manual_claim"
  | "validity" | "emergency" | "outpatient" | "ratio_change" | "greeting" | "help" | "cancel" | "out_of_scope"
  | "makeup_registration" | "chronic_disease" | "choose_hospital" | "review_time" | "check_result" | "deposit"
  | "maternity" | "serious_illness" | "back" | "restart";

/** A question inside an intent that one national rule answers (see topics.ts). */
export type SideTopic = "two_way" | "commitment" | "principle";

export interface PlaceSlot { code: string; name: string; level: "province" | "city" }

export interface Slots {
  insuredRegion?: PlaceSlot;
  treatmentRegion?: PlaceSlot;
  /** decimal string, e.g. "30000", "18600.50" */
  amount?: string;
  setting?: "inpatient" | "outpatient" | "chronic_outpatient";
  hospitalLevel?: 1 | 2 | 3;
  scheme?: "employee" | "resident";
  personStatus?: "working" | "retired";
  visitorType?: "retiree_relocated" | "long_term_resident" | "stationed_worker" | "referral" | "emergency" | "temporary_other";
}

export interface Ambiguity {
  slot: "place" | "insuredRegion" | "treatmentRegion" | "amount";
  candidates: PlaceSlot[] | string[];
  text: string;
}

export interface Parse {
  intent: Intent;
  /** 0..1 */
  confidence: number;
  slots: Slots;
  /** places named but not attributable, or an ambiguous name (吉林): the flow asks which one was meant */
  ambiguities?: Ambiguity[];
  /** places found without a role (e.g. a bare "苏州" answering a question) */
  places?: PlaceSlot[];
  /** an amount-like text that could not be used (negative, overflow): for a polite re-ask */
  rejectedAmount?: { text: string; reason: "negative" | "too_large" | "zero" | "invalid" };
  /** a side question one national rule answers (双向享受待遇, 承诺书, 就医地目录…), whatever the intent */
  topic?: SideTopic;
}

export interface ParseContext { expecting?: keyof Slots }
