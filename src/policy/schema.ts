/**
 * The shape of every policy file in `policies/`, as zod schemas. A file is parsed once at
 * load time; everything downstream trusts the parsed value.
 *
 * Units, chosen to match how the sources write them:
 * - money: 元, as a number or a decimal string (1200, "1200.50");
 * - ratios, shares and cuts: percent (85 means 85%, a cut of 20 means 20 percentage points);
 * - a multiplier on the ratio is a plain factor (0.8 means "80% of the normal ratio").
 *
 * Every rule block names a `source` (an id declared in the file's `sources`, or in
 * national.yaml) and may keep the original wording in `quote`, so a reviewer can check a
 * figure against its text in one look.
 */
import { z } from "./zod.ts";
import { Category, Catalogue, HospitalLevel, LevelKey, PersonStatus, Scheme, Scope, Setting, Term, Visitor } from "./terms.ts";

export { Scheme, Scope, Visitor };

export const Confidence = z.enum(["high", "medium", "low"]);
export type Confidence = z.infer<typeof Confidence>;

const RegionCode = z.string().regex(/^\d{6}$/, "应为 6 位行政区划代码");
const IsoDate = z.union([z.string(), z.date()]).transform((v, ctx) => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(s))) {
    ctx.addIssue({ code: "custom", message: "日期应为 YYYY-MM-DD" });
    return z.NEVER;
  }
  return s;
});

const Money = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const s = String(v);
  if (!/^\d+(\.\d{1,2})?$/.test(s)) {
    ctx.addIssue({ code: "custom", message: "金额应为非负数，最多两位小数" });
    return z.NEVER;
  }
  return s;
});
const Percent = z.number().min(0).max(100);

/**
 * When a page was published, as precisely as the page itself shows it: a full date, a month, a
 * year, or "unknown" when it shows none. Never a guess: "约2022" is "unknown" with a dateNote.
 * Where a page shows only the date a rule took effect, that date is used.
 */
export const PublishedDate = z.preprocess((v) => (typeof v === "number" ? String(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v), z.union([
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期应为 YYYY-MM-DD、YYYY-MM、YYYY 或 unknown").refine((s) => !Number.isNaN(Date.parse(s)), "不是有效日期"),
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  z.string().regex(/^\d{4}$/),
  z.literal("unknown"),
], { error: "日期应为 YYYY-MM-DD、YYYY-MM、YYYY 或 unknown" }));
export type PublishedDate = z.infer<typeof PublishedDate>;

export const Source = z.strictObject({
  title: z.string().min(1),
  issuer: z.string().optional(),
  url: z.string().optional(),
  /** "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | "unknown": what the page shows (see PublishedDate). */
  published: PublishedDate,
  /** "YYYY-MM-DD": when the copy of the page that the figures were read from was taken. */
  retrieved: IsoDate,
  /** What the page says about its age when that is not a date ("约2022", "以2017年发票为例"). */
  dateNote: z.string().optional(),
  /** Grade from shared/policy-facts.md: A, B, B-, C. */
  grade: z.enum(["A", "A-", "B", "B-", "C"]),
  confidence: Confidence,
});
export type Source = z.infer<typeof Source>;

/** Fields every rule block carries: where its figures come from. */
/** Id(s) of the rows of shared/policy-facts.md a block encodes (§6/§7 refresh: test/policies/refresh-figures.test.ts). */
const FactIds = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const Cited = {
  source: z.string().min(1),
  quote: z.string().optional(),
  note: z.string().optional(),
  /**
   * A reading of the source the figures rest on that a person must be told (石家庄 "三级" is
   * the 省属三级 column, not the 市属三级 one): every estimate that uses the block lists it.
   */
  assumption: z.string().optional(),
  fact: FactIds.optional(),
};

const ByLevel = <T extends z.ZodType>(v: T) => z.partialRecord(LevelKey, v);

/**
 * Deductible (起付线) per hospital level. An array gives the amount for the 1st, 2nd, …
 * admission of the year; its last entry repeats for later admissions.
 */
const DeductibleTable = ByLevel(z.union([Money, z.array(Money).min(1)]));

/** Ratio by level, or progressive bands (分段累加) of the policy-range cost. */
const RatioBand = z.strictObject({
  /** Upper bound of the band in 元 of policy-range cost counted from 0; null = up to the cap. */
  upTo: Money.nullable(),
  byLevel: ByLevel(Percent).optional(),
  rate: Percent.optional(),
});
const RatioTable = z.union([
  z.strictObject({ byLevel: ByLevel(Percent) }),
  z.strictObject({ bands: z.array(RatioBand).min(1) }),
]);
export type RatioTable = z.infer<typeof RatioTable>;

/** How a retiree's figures differ when the source states a rule instead of a table. */
const RetiredAdjust = z.strictObject({
  ...Cited,
  deductibleMinus: Money.optional(),
  deductibleMin: Money.optional(),
  ratioPlusPoints: z.number().min(0).max(20).optional(),
  /** Retiree's personal share = this factor × the working person's share (武汉 0.8). */
  personalShareFactor: z.number().gt(0).max(1).optional(),
  /** The ratio never goes above this (石家庄: personal share not below 1% → 99). */
  maxRatio: Percent.optional(),
  /**
   * The source states the rule without exception ("在在职职工基础上"), so it applies under a
   * visitor schedule too (石家庄's 1500/76% for referrals out of 京津冀). Left out: the schedule's
   * figures are used as they are, and the estimate says that retirees got the working figures.
   */
  alsoUnderSchedules: z.boolean().optional(),
});

/** A reading of the source that only a retiree's figures rest on (上海: 2001年以后退休的起付线), listed only in retirees' estimates. */
const RetiredReading = { retiredAssumption: z.string().optional() };

const Deductible = z.strictObject({
  ...Cited,
  ...RetiredReading,
  working: DeductibleTable,
  retired: DeductibleTable.optional(),
  /** "annual": one deductible a year (outpatient pooling); default per admission. */
  per: z.enum(["admission", "year"]).default("admission"),
});

/**
 * `working` may be left out where a source gives only the retirees' table (天津): a working
 * person's estimate then takes the setting's figures from the province or the template.
 */
const Ratio = z
  .strictObject({
    ...Cited,
    ...RetiredReading,
    working: RatioTable.optional(),
    retired: RatioTable.optional(),
    /**
     * The ratio from an age on, where the source gives one (深圳 居民 "年满60周岁及以上的人员，支付比例为95%"):
     * used when the scenario says the age; otherwise `working` is, and its `assumption` says which band.
     */
    aged: z
      .strictObject({ fromAge: z.number().int().min(1).max(120), working: RatioTable, quote: z.string().optional(), assumption: z.string().optional() })
      .optional(),
  })
  .refine((r) => r.working !== undefined || r.retired !== undefined, { message: "比例表至少要有 working 或 retired" });

/**
 * `per: "month"` where the source caps each month (清远 "每月限额50元"): the year-to-date fund
 * figure says nothing about this month, so the estimate assumes nothing was paid this month and says so.
 */
const Cap = z.strictObject({
  ...Cited,
  amount: Money,
  per: z.enum(["year", "month"]).default("year"),
  /** Retirees' own cap where the source gives one (广州 职工 普通门诊 "10100元"), with its wording. */
  retired: Money.optional(),
  retiredQuote: z.string().optional(),
});

/** A supplementary layer paid on the in-catalogue share the basic fund left to the person. */
const SupplementaryLayer = z.strictObject({
  ...Cited,
  /** 大病保险 (serious illness) or 大额医疗费用补助 above the basic cap. */
  kind: z.enum(["serious_illness", "above_cap"]),
  label: z.string(),
  deductible: Money.default("0"),
  bands: z.array(z.strictObject({ upTo: Money.nullable(), rate: Percent })).min(1),
  cap: Money.optional(),
});

export const SettingRules = z.strictObject({
  deductible: Deductible.optional(),
  ratio: Ratio,
  retiredAdjust: RetiredAdjust.optional(),
  cap: Cap.optional(),
  supplementary: z.array(SupplementaryLayer).optional(),
  /** Not paid at all in this setting for this scheme (e.g. 普通门诊 outside the city). */
  notCovered: z.boolean().optional(),
});
export type SettingRules = z.infer<typeof SettingRules>;

/** The four ways places treat visitors, plus "same as at home" and "not paid". */
export const VisitorRule = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("same") }),
  z.strictObject({ kind: z.literal("points"), points: z.number().min(0).max(100) }),
  z.strictObject({ kind: z.literal("multiplier"), factor: z.number().gt(0).max(1) }),
  z.strictObject({
    kind: z.literal("first_pay"),
    share: Percent,
    /** The rest settles by this level's figures whatever the hospital's level (临沂: 按市内三级); left out, the hospital's own. */
    settleAtLevel: LevelKey.optional(),
  }),
  z.strictObject({
    kind: z.literal("schedule"),
    /** Left out where the source gives only a ratio: the setting's own deductible applies, and the estimate says so. */
    deductible: ByLevel(Money).optional(),
    ratio: ByLevel(Percent),
  }),
  z.strictObject({ kind: z.literal("not_covered") }),
]);
export type VisitorRule = z.infer<typeof VisitorRule>;


/**
 * Why a visitor rule or free zone holds for its own scheme only, in the source's terms (呼和浩特
 * "在我市城镇职工基本医疗保险统筹基金支付比例的基础上"; a page about 城乡居民 only). Left out, the
 * wording names no scheme and the file gives the rule to both schemes (杭州 M7, 深圳 358号令 第四十条);
 * test/policies/scheme-wide.test.ts checks that every rule is one or the other, and the other
 * scheme's estimate says that the city's rule does not speak for it.
 */
const SchemeOnly = { schemeOnly: z.string().min(1).optional() };

const VisitorEntry = z.strictObject({
  ...Cited,
  ...SchemeOnly,
  visitor: Visitor,
  scope: Scope.default("any"),
  /** Settings the entry covers; default all. */
  settings: z.array(Setting).optional(),
  rule: VisitorRule,
  /** Wording that could be read two ways ("降低10%": points or percent?). The estimate repeats it. */
  ambiguity: z.string().optional(),
  /**
   * The rule is only for bills settled directly (深圳 "在省内异地联网定点医疗机构直接结算的住院"):
   * someone who did not register pays in full and claims later, so it does not apply to them.
   */
  directSettlementOnly: z.boolean().optional(),
});
export type VisitorEntry = z.infer<typeof VisitorEntry>;

/** Treatment places where no registration is needed (成都 西南片区, 石家庄 京津冀, 苏州→上海). */
const FreeZone = z.strictObject({
  ...Cited,
  ...SchemeOnly,
  regions: z.array(RegionCode).min(1),
  since: IsoDate.optional(),
  rule: VisitorRule.default({ kind: "same" }),
});

/**
 * One item to bring for a manual claim. A plain string is needed in every case and proves
 * nothing in particular; the object form says when it is needed (only for some settings, only
 * for some visitors) and what it proves, so that no one decides it later from the item's wording.
 */
export const ClaimMaterial = z.union([
  z.string().min(1),
  z.strictObject({
    item: z.string().min(1),
    settings: z.array(Setting).min(1).optional(),
    visitors: z.array(Visitor).min(1).optional(),
    /**
     * "identity": the item proves who the person is (身份证, 社保卡…), so no identity document is
     * added to the list. "referral": the item is the referral proof, so none is added for a referral.
     */
    proves: z.enum(["identity", "referral"]).optional(),
  }),
]);
export type ClaimMaterial = z.infer<typeof ClaimMaterial>;

const ManualClaim = z.strictObject({
  ...Cited,
  deadline: z.string().optional(),
  /** What the deadline is counted from: "discharge" says nothing about outpatient bills. */
  deadlineFrom: z.enum(["discharge", "visit", "any"]).optional(),
  where: z.string().optional(),
  /**
   * Which of `where` and `deadline` already say in their own words that the insured place's
   * rules decide ("以参保地规定为准"); for the others the answer must add it. A region's own
   * text needs no such hedge: it is the insured place's rule.
   */
  saysInsuredRulesDecide: z.array(z.enum(["where", "deadline"])).default([]),
  materials: z.array(ClaimMaterial).optional(),
});

/**
 * One way to register, as the region's source names it. A plain string is a channel of the
 * region's own (a provincial app, a WeChat account); `kind` marks the national app or mini
 * program, which every answer names anyway, and a counter (窗口).
 */
export const RegistrationChannel = z.union([
  z.string().min(1),
  z.strictObject({ name: z.string().min(1), kind: z.enum(["national", "counter"]) }),
]);
export type RegistrationChannel = z.infer<typeof RegistrationChannel>;

const Registration = z.strictObject({
  ...Cited,
  channels: z.array(RegistrationChannel).optional(),
  validity: z.record(z.string(), z.string()).optional(),
  materials: z.record(z.string(), z.array(z.string())).optional(),
});

export const SchemeVersion = z.strictObject({
  version: z.string().min(1),
  from: IsoDate,
  /**
   * "sourced": a source states this start date. "convention": nobody sourced it — 1 January of
   * the page's year, or 2022-01-01 for undated pages (the 22号 framework) — so the version may
   * in truth have started earlier or later; tools and reviewers treat it as unknown.
   */
  fromBasis: z.enum(["sourced", "convention"]),
  to: IsoDate.nullable().default(null),
  /** Which catalogue applies when treated elsewhere in the same province. */
  /** Left out: not known; the evaluator then assumes the insured place's, as Jiangsu does, and says so. */
  intraProvinceCatalogue: Catalogue.optional(),
  classB: z.strictObject({ ...Cited, share: Percent }).optional(),
  inpatient: SettingRules.optional(),
  outpatient: SettingRules.optional(),
  chronicOutpatient: SettingRules.optional(),
  /**
   * A setting's cap where the sources give no deductible or ratio for it (南昌 职工 普通门诊
   * "400元"): the template's deductible and ratio are used with this cap, not the template's.
   */
  capWithoutRates: z.strictObject({ outpatient: Cap.optional(), chronicOutpatient: Cap.optional() }).optional(),
  /**
   * A setting's figures where the sources give some and not the rest (昆明 起付 880 with no sourced
   * ratio; 深圳 居民 比例 with no sourced 起付线): every figure given is used, the missing ones come
   * from the typical template, and the estimate says which is which. Not a setting table: the
   * template's medians and the "起付线多少" answers read only whole tables.
   */
  partial: z
    .strictObject({
      inpatient: z
        .strictObject({ deductible: Deductible.optional(), ratio: Ratio.optional(), cap: Cap.optional() })
        .refine((p) => p.deductible || p.ratio || p.cap, { message: "partial 至少要有起付线、比例或限额之一" }),
    })
    .optional(),
  visitors: z.array(VisitorEntry).default([]),
  freeZones: z.array(FreeZone).default([]),
  /**
   * Settings for which this region's insured need no registration anywhere, not only in a zone
   * (成都 M8: "异地普通门诊、门诊统筹…门诊特殊疾病就医及药店购药无需办理异地就医备案手续"; 住院
   * still needs one). Not registering is then no fault: the visit settles as the region's other
   * temporary visitors do (its own cut, else the national ceiling, said as an assumption).
   */
  noRegistration: z.array(z.strictObject({ ...Cited, ...SchemeOnly, settings: z.array(Setting).min(1), scope: Scope.default("any") })).optional(),
  /**
   * People the insured place does not let file some categories (杭州 M7: 长住外地备案 is not for
   * "少年儿童"): the eligibility and registration answers say so instead of naming the category.
   * `who` is the source's word; `belowAge` reads it by the patient's age, and `assumption` says that
   * reading to the person.
   */
  excludedFrom: z
    .array(z.strictObject({ ...Cited, categories: z.array(Category).min(1), who: z.string().min(1), belowAge: z.number().int().min(1).max(30) }))
    .optional(),
  /**
   * The insured place's own word on 急诊抢救 away from home where it asks more than the national
   * 视同已备案: the person is treated first and must still register, before discharge (重庆 CQ-SB
   * "最迟应在出院前完成备案手续") and within `withinDaysOfAdmission` days of admission where the source
   * says so (东莞 DG-BD "需在入院10日内且出院之前补办备案"). Every answer about an emergency reads it
   * instead of "视同已备案，不用另交材料".
   */
  emergencyRegistration: z
    .strictObject({ ...Cited, kind: z.literal("register_before_discharge"), withinDaysOfAdmission: z.number().int().min(1).max(365).optional() })
    .optional(),
  /**
   * Treatment places where this region's insured settle childbirth directly, with no registration
   * (成都: 成德眉资 省内异地生育医疗费用直接结算试点); anywhere else they pay first and claim.
   */
  maternity: z.strictObject({ ...Cited, directIn: z.array(RegionCode).min(1) }).optional(),
  manualClaim: ManualClaim.optional(),
  registration: Registration.optional(),
  /** Sources considered and not used, with the reason (conflict, low grade, superseded). */
  rejected: z.array(z.strictObject({ source: z.string(), reason: z.string().min(1), fact: FactIds.optional() })).default([]),
});
export type SchemeVersion = z.infer<typeof SchemeVersion>;


export const RegionPolicy = z.strictObject({
  code: RegionCode,
  name: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  sources: z.record(z.string(), Source),
  schemes: z.partialRecord(Scheme, z.strictObject({ versions: z.array(SchemeVersion).min(1) })),
  notes: z.array(z.string()).default([]),
});
export type RegionPolicy = z.infer<typeof RegionPolicy>;

/** The typical template: a region-less policy used, clearly labelled, when a region has no data. */
export const TypicalPolicy = RegionPolicy.omit({ code: true }).extend({
  code: z.literal("typical"),
  basis: z.string().min(1),
  /** The least number of independent sources behind each figure (the basis says it in words); a figure with fewer is refused. */
  minSources: z.number().int().min(0),
});
export type TypicalPolicy = z.infer<typeof TypicalPolicy>;

const Reason = z.string().min(1);

/** Each level's look-up order: the level itself first, then the others, each once. */
const LevelOrder = z
  .array(LevelKey)
  .length(3)
  .refine((xs) => new Set(xs).size === 3, { error: "每一级都要列出 1、2、3 各一次" });

/**
 * What the house assumes and decides where no source speaks, each with its reason: the
 * answers an estimate fills in when the person did not say, the age from which a figure is
 * flagged, and where a level without a figure of its own borrows one. Not policy figures:
 * conventions of this assistant, stated where they can be read and changed.
 */
export const Defaults = z.strictObject({
  /** The answers an estimate fills in itself, each said as an assumption. */
  assumptions: z.strictObject({
    scheme: Scheme,
    status: PersonStatus,
    hospitalLevel: HospitalLevel,
    visitor: Visitor,
    reason: Reason,
  }),
  /** Someone who says they are retired is taken to be in 职工医保 (residents do not retire). */
  retiredMeansEmployee: z.strictObject({ value: z.boolean(), reason: Reason }),
  /** A figure older than this many months on the treatment date, or undated, is flagged. */
  staleAfterMonths: z.strictObject({ months: z.number().int().min(1).max(120), reason: Reason }),
  /** Where a level has no figure of its own, the levels looked at, in order. */
  levelFallback: z.strictObject({
    order: z.strictObject({ "1": LevelOrder, "2": LevelOrder, "3": LevelOrder }),
    reason: Reason,
  }).refine((x) => x.order["1"][0] === "1" && x.order["2"][0] === "2" && x.order["3"][0] === "3", { error: "每一级先查自己" }),
});
export type Defaults = z.infer<typeof Defaults>;

/** National rules: principles, visitor categories, cut ceilings and defaults. */
export const NationalRules = z.strictObject({
  sources: z.record(z.string(), Source),
  /** `province`: a principle known only from one province's example applies there only (省内跨市, 江苏). */
  principles: z.array(z.strictObject({ ...Cited, id: z.string(), text: z.string(), province: z.string().regex(/^\d{2}0000$/).optional() })),
  /** Largest cut, in percentage points, a place may make for each kind of temporary visitor. */
  cutCeilings: z.strictObject({
    ...Cited,
    referral: z.number(),
    emergency: z.number(),
    temporary_other: z.number(),
  }),
  categories: z.array(
    z.strictObject({
      ...Cited,
      id: Category,
      name: z.string(),
      term: Term,
      visitor: Visitor,
      materials: z.array(z.string()),
      validity: z.string(),
      /** The validity line says the registration can be cancelled at any time, so no separate change-and-cancel line is needed. */
      cancelAnyTime: z.boolean().default(false),
    }),
  ),
  facts: z.record(z.string(), z.strictObject({ ...Cited, text: z.string() })),
  registrationSteps: z.strictObject({ ...Cited, steps: z.array(z.string()).min(1) }),
  /**
   * Worked examples published by an authority, as the source gives them: what was paid, and
   * what the source leaves out (level, deductible, out-of-catalogue share), so that a person who
   * asks why the share differs from today's rules gets the reasons instead of a made-up ratio.
   */
  examples: z
    .array(
      z.strictObject({
        ...Cited,
        id: z.string(),
        year: z.number().int(),
        scheme: Scheme,
        visitor: Visitor,
        insuredProvince: z.string(),
        treatmentProvince: z.string(),
        total: Money,
        fundPaid: Money,
        personPaid: Money,
        /** What the source does not give, each a reason the share is no ratio of today's rules. */
        notGiven: z.array(z.enum(["hospital_level", "deductible", "out_of_catalog", "class_b", "insured_city"])).min(1),
      }),
    )
    .default([]),
  manualClaim: ManualClaim,
  defaults: Defaults,
});
export type NationalRules = z.infer<typeof NationalRules>;
