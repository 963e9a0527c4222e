/** The parse contract shared with the flows; kept apart so every part can import it. */
import type { Category, HospitalLevel, PersonStatus, Scheme, Setting } from "../policy/terms.ts";

export type Intent = "registration_howto" | "registration_materials" | "eligibility" | "estimate" | "manual_claim"
  | "validity" | "emergency" | "outpatient" | "ratio_change" | "greeting" | "help" | "cancel" | "out_of_scope"
  | "makeup_registration" | "chronic_disease" | "find_hospital" | "review_time" | "check_result" | "deposit"
  | "maternity" | "serious_illness" | "back" | "restart"
  // A change to an earlier answer (改成二级医院, 要是急诊呢, 金额是3万5不是3万): slots carry the new value(s).
  | "correction"
  // The person did not understand the reply (没看懂, 啥意思).
  | "not_understood"
  // General questions answered from the national rules (issue 10 item 6).
  | "who_can_register" | "registration_channels" | "at_hospital" | "hotline" | "cancel_change" | "need_register"
  | "claim_deadline"
  // What a word of the bill or the rules means (起付线是啥意思, 乙类是什么): the topic names the word.
  | "definition";

/** A question inside an intent that one national rule answers (see topics.ts). */
export type SideTopic = "two_way" | "commitment" | "principle" | "why_ratio"
  // Two questions in one message, both answered on the spot (two-questions.ts): "validity+ratio_change".
  | `${string}+${string}`
  // The meaning of a word (起付线, 甲类/乙类/目录外, 封顶线, 报销比例, 直接结算, 参保地/就医地).
  | "term_deductible" | "term_catalog" | "term_cap" | "term_ratio" | "term_direct" | "term_places"
  // Making up the registration once already discharged (出院一个月了还能补备案不): the after-discharge rule.
  | "makeup_after_discharge"
  // In hospital now without a registration (没备案 在广州住院了): make it up before discharge, else pay first.
  | "makeup_in_hospital"
  // Out of scope, with where to go instead: the tax deduction for serious illness (个税大病医疗).
  | "tax"
  // General questions asked in words the intents read as another flow (issue 10 item 6): long-term and
  // temporary compared, the conditions to register, whether a claim is still in time after discharge,
  // how long its money takes.
  | "kinds_compare" | "who_can_register" | "claim_deadline" | "claim_payout"
  // Registering for two places at once, a registration made for the wrong place, and a city's
  // own 起付线 / 比例 / 封顶线 asked directly (they do not depend on where the care is).
  | "two_places" | "wrong_place" | "local_figures"
  // …only the one figure the question names (起付线多少, 封顶多少, 报销比例是多少).
  | "local_figures@deductible" | "local_figures@ratio" | "local_figures@cap"
  // Asked often, answered with a neighbour's answer before: still in hospital when the registration
  // ran out, renewing it, "要回去报吗" while still in hospital, has my registration gone through,
  // the 医保电子凭证, pharmacies, the personal account, where the referral paper comes from, a
  // family member registering for a parent, the counter for those without a phone.
  | "expired_in_hospital" | "renew" | "stay_not_claim" | "check_record" | "e_voucher" | "pharmacy"
  | "personal_account" | "referral_paper" | "proxy" | "offline_channel"
  // 你算的不对 我上次报了九成 (why an estimate may differ), 备案到医院还是城市 / 换了医院要重新备案吗,
  // 要带身份证吗.
  | "complaint" | "area_not_hospital" | "id_needed"
  // 医保在老家 在老家住院: care where one is insured, not 异地就医.
  | "care_at_home"
  // 备案开始时间怎么填 (already admitted), 医保卡丢了.
  | "start_date" | "card_lost";

export interface PlaceSlot { code: string; name: string; level: "province" | "city" }

export interface Slots {
  insuredRegion?: PlaceSlot;
  treatmentRegion?: PlaceSlot;
  /** decimal string, e.g. "30000", "18600.50" */
  amount?: string;
  /** 乙类 share of the bill (same canonical form as `amount`) */
  classB?: string;
  /** 自费 / 目录外 / 丙类 share */
  outOfCatalog?: string;
  /** 押金 / 预交金 / 预缴: never the total */
  deposit?: string;
  /** money already spent or reimbursed this year (今年已经报过…) */
  yearToDate?: string;
  /** a 起付线 the person quotes */
  quotedDeductible?: string;
  /** read here, reported as Parse.notLevel (not a slot's value) */
  notLevel?: HospitalLevel;
  /** what the fund reimbursed for this bill, as the person was told (医保报了2万) */
  reimbursed?: string;
  /** what the person paid of this bill themselves (自己出了4万) */
  ownShare?: string;
  /** what the personal account paid of this bill (医保卡里扣了三千): the person's money too */
  accountPaid?: string;
  setting?: Setting;
  hospitalLevel?: HospitalLevel;
  scheme?: Scheme;
  /** read here, reported as Parse.flexibleWork (not a slot's value) */
  flexibleWork?: true;
  personStatus?: PersonStatus;
  visitorType?: Category
    /** 没备案 / 未备案 / 还没备案 */
    | "unregistered";
}

export interface Ambiguity {
  /** a place, an amount whose role is unclear, or a small slot said both ways (转诊…没转诊) */
  slot: "place" | keyof Slots;
  candidates: PlaceSlot[] | string[];
  text: string;
  /** amounts only: the figures said to come on top of the others (另外还有5000, 加上1万2) */
  added?: string[];
  /** amounts only: a part (乙类, 自费) was named larger than the total named with it */
  partOverTotal?: boolean;
  /** places only: a name typed wrong (深川): the candidates are to be confirmed, even a single one */
  typo?: boolean;
}

export interface Parse {
  intent: Intent;
  /** the bill said as a range (六七万, 3-4万): its words; the amount is its middle */
  amountRange?: { text: string; low: string; high: string };
  /** a part of the bill said as a share in words (其中一半是自费药); a vague one (大部分) has no fraction */
  shareWords?: { slot: "classB" | "outOfCatalog"; words: string; fraction?: [number, number] };
  /** a level said not to be the one (不是三甲 → 3): never filled as the level, and not assumed either */
  notLevel?: HospitalLevel;
  /** 灵活就业 said, with no scheme: the flows take 职工医保 as an assumption and say so */
  flexibleWork?: true;
  /** 0..1 */
  confidence: number;
  slots: Slots;
  /** places named but not attributable, or an ambiguous name (吉林): the flow asks which one was meant */
  ambiguities?: Ambiguity[];
  /** places found without a role (e.g. a bare "苏州" answering a question) */
  places?: PlaceSlot[];
  /** an amount-like text that could not be used (negative, overflow): for a polite re-ask */
  rejectedAmount?: { text: string; reason: "negative" | "too_large" | "zero" | "invalid" };
  /**
   * a long-term category read only from how the person lives there (定居, 养老, 买了房 常住, 跟着女儿住):
   * a reason to register long-term, not a registration said to be made
   */
  categoryFromLiving?: true;
  /** the stay is over (已经出院了, 上个月住的院 全自费的): the before-discharge path is closed */
  discharged?: true;
  /** a side question one national rule answers (双向享受待遇, 承诺书, 就医地目录…), whatever the intent */
  topic?: SideTopic;
  /** below the confidence threshold: the two or three likeliest intents, best first */
  candidates?: Intent[];
  /** cues seen in negated form (没办转诊, 不是三甲, 不是单位派的), for the read-back and explanations */
  negated?: Array<keyof Slots | "stationed">;
}

export interface ParseContext { expecting?: keyof Slots }
