/**
 * The words of an estimate: step descriptions, assumptions, warnings and input errors.
 * Amounts arrive already formatted ("1200.00"); rates as percent strings ("85").
 */
/** A source's published date as Chinese: "2024-08-13" → "2024年8月13日", "2024" → "2024年". */
export function publishedText(published: string): string {
  if (published === "unknown") return "日期不明";
  const [y, m, d] = published.split("-");
  return `${y}年${m ? `${Number(m)}月` : ""}${d ? `${Number(d)}日` : ""}`;
}

import type { TemplatePart } from "../policy/scenario.ts";
import { ownParts, partWords } from "./parts.ts";

const LEVEL = { 1: "一级", 2: "二级", 3: "三级" } as const;
const SETTING = { inpatient: "住院", outpatient: "普通门诊", chronic_outpatient: "门诊慢特病" } as const;
const VISITOR = {
  long_term: "异地长期居住（含异地安置退休、常驻异地工作）",
  referral: "异地转诊",
  emergency: "异地急诊抢救",
  temporary_other: "其他临时外出就医",
  unregistered: "未备案",
} as const;
const JURISDICTION = {
  same_pool: "同一统筹区内就医，不属于异地就医，无需备案",
  intra_province: "省内跨统筹区就医",
  cross_province: "跨省异地就医",
} as const;

export type LevelKey = keyof typeof LEVEL;
export type SettingKey = keyof typeof SETTING;
export type VisitorKey = keyof typeof VISITOR;
export type JurisdictionKey = keyof typeof JURISDICTION;

export const policyText = {
  level: (l: LevelKey) => LEVEL[l],
  setting: (s: SettingKey) => SETTING[s],
  visitor: (v: VisitorKey) => VISITOR[v],

  jurisdiction: {
    what: (j: JurisdictionKey, insured: string, treatment: string) => `${insured}参保，在${treatment}就医：${JURISDICTION[j]}`,
    rule: (j: JurisdictionKey, catalogue: "insured" | "treatment") =>
      j === "cross_province"
        ? "就医地目录、参保地政策、就医地管理"
        : catalogue === "treatment"
          ? "执行就医地目录、参保地政策"
          : "执行参保地目录和参保地政策",
  },

  outOfCatalog: {
    what: "目录外（自费），医保不付",
    rule: (catalogue: string) => `按${catalogue}医保目录`,
    noAmount: "未提供目录外（自费）金额，按 0 元计算；如有目录外药品或项目，个人负担会更高",
  },
  classB: {
    what: "乙类先行自付",
    rule: (amount: string, share: string, whose: string) => `乙类 ${amount} 元 × ${share}%（${whose}规定）`,
    // The template's long name ("典型模板（各地中位数…）") is explained once, in its source.
    template: "典型模板",
    noAmount: "未提供乙类金额，按 0 元计算；如有乙类药品或项目，个人负担会更高",
  },
  visitorFirstPay: {
    what: (visitor: VisitorKey) => `${VISITOR[visitor]}：先由个人自付一定比例`,
    rule: (base: string, share: string) => `政策范围内费用 ${base} 元 × ${share}%，余下部分再按规定结算`,
  },
  deductible: {
    what: (nth: number, perYear: boolean) => (perYear ? "年度起付线（个人自付）" : `起付线（今年第 ${nth} 次住院，个人自付）`),
    rule: (level: LevelKey, amount: string, retired: boolean, extra: string) =>
      `${LEVEL[level]}医院${retired ? "（退休）" : ""} ${amount} 元${extra}`,
    alreadyPaid: (paid: string) => `，本年已付起付线 ${paid} 元已扣除`,
    retiredAdjust: (minus: string) => `，退休人员降低 ${minus} 元`,
    schedule: "（按异地就医人员的单独标准）",
  },
  ratio: {
    what: "统筹基金按比例支付（起付线以上部分）",
    rule: (base: string, rate: string, detail: string) => `${base} 元 × ${rate}%${detail}`,
    band: (lo: string, hi: string | null, amount: string, rate: string) =>
      `${hi === null ? `${lo} 元以上部分` : lo === "0.00" ? `${hi} 元以内部分` : `${lo}–${hi} 元段`} ${amount} 元 × ${rate}%`,
    bandsRule: (parts: string[]) => parts.join("；"),
    visitorCut: (visitor: VisitorKey, how: string) => `（${VISITOR[visitor]}：${how}）`,
    visitorStep: (visitor: VisitorKey) => `${VISITOR[visitor]}的报销比例调整`,
    points: (p: string) => `比例降低 ${p} 个百分点`,
    same: "比例不降低，和参保地本地一样",
    ceilingPoints: (p: string) => `比例按国家规定的上限降低 ${p} 个百分点（参保地降幅无数据）`,
    multiplier: (f: string) => `按正常比例的 ${f} 倍`,
    retiredPoints: (p: string) => `，退休人员提高 ${p} 个百分点`,
    retiredFactor: (f: string) => `，退休人员个人负担为在职的 ${f} 倍`,
  },
  cap: {
    what: "统筹基金年度最高支付限额",
    monthlyWhat: "统筹基金每月最高支付限额",
    rule: (cap: string, used: string, remaining: string, capped: boolean) =>
      `年度限额 ${cap} 元${used === "0.00" ? "" : `，本年已支付 ${used} 元`}，本次最多支付 ${remaining} 元${capped ? "，已封顶" : "，未超过"}`,
    monthlyRule: (cap: string, remaining: string, capped: boolean) =>
      `每月限额 ${cap} 元，本次最多支付 ${remaining} 元${capped ? "，已封顶" : "，未超过"}`,
  },
  supplementary: {
    rule: (base: string, parts: string) => `个人负担的政策范围内费用 ${base} 元：${parts}`,
    // All of it inside the first band: the band's bounds add nothing to read.
    whole: (base: string, rate: string) => `个人负担的政策范围内费用 ${base} 元 × ${rate}%`,
  },
  notCovered: {
    what: (setting: SettingKey) => `该情形下${SETTING[setting]}费用统筹基金不予支付`,
  },
  summary: {
    what: "合计",
    rule: (fund: string, extra: string, you: string) => `基金支付 ${fund} 元${extra}，个人负担 ${you} 元`,
    extra: (amount: string) => `，大病保险等支付 ${amount} 元`,
  },

  assumptions: {
    status: "没说在职还是退休，按在职算（退休通常报得更多）",
    admissions: "按今年第 1 次住院算",
    fundPaid: "未提供今年统筹基金已报销的金额，按还没报销过计算（已报销过的，可能更早到年度限额）",
    deductiblePaid: "未提供今年已付的年度起付线，按还没付过计算（已付过的，这次自付更少）",
    monthlyCap: (cap: string) => `统筹基金每月限额 ${cap} 元，按本月此前没有报销过计算；同月已报销的，本次能报的更少`,
    visitorUnknownRule: (visitor: VisitorKey, points: number) =>
      `参保地对「${VISITOR[visitor]}」的降幅无数据，按国家规定的上限（最多降 ${points} 个百分点）算，实际可能少降`,
    unregisteredAsTemporary: "参保地对未备案没有单独的数据，按「其他临时外出就医」算",
    provinceAsTreatment: (name: string) => `就医地只说到了省（${name}），按省内其他城市估算`,
    scheduleWithoutDeductible: (visitor: VisitorKey) =>
      `参保地对「${VISITOR[visitor]}」只规定了报销比例，没有另列起付线，按参保地本身的起付线计算`,
    levelBorrowed: (level: keyof typeof LEVEL, from: keyof typeof LEVEL) => `参保地没有单列${LEVEL[level]}医院的数字，按${LEVEL[from]}医院的数字算`,
    noRetireeFigures: "没有退休人员的起付线或比例数据，按在职标准算（退休实际可能报得更多）",
    retiredUnderSchedule: (visitor: VisitorKey) =>
      `参保地对「${VISITOR[visitor]}」另有一套起付线和比例，没有退休人员的调整数据，按这套算（退休实际可能报得更多）`,
    classBFromInsured: "就医地乙类自付比例无数据，按参保地的算",
    classBFromTypical: "乙类自付比例无数据，按典型模板",
    provinceFile: (city: string, province: string) => `${city}没有自己的政策数据，按${province}全省统一规定估算（不是${city}单独公布的）`,
    provinceTable: (city: string, province: string) => `${city}没有自己的起付线和比例数据，按${province}全省标准估算`,
    provinceRule: (city: string, province: string, visitor: string) => `${city}对「${visitor}」没有自己的规定，按${province}全省规定估算`,
    ruleOtherScheme: (city: string, scheme: "employee" | "resident", visitor: string) =>
      `${city}对「${visitor}」的规定写的是${scheme === "employee" ? "职工医保" : "居民医保"}，${scheme === "employee" ? "居民医保" : "职工医保"}没有找到同样的规定，下面没有用它`,
    intraProvinceCatalogue: "省内跨市的目录由各省定，参保地没写明，按参保地目录算（江苏的做法）",
    noRegistrationUnknownCut: (city: string) => `${city}规定这种情况不用备案，没说是否降低报销比例；按${city}本地的比例算，实际可能报得更少`,
    intraProvinceUnknownCut: (visitor: VisitorKey) =>
      `国家降幅上限只管跨省；参保地对省内「${VISITOR[visitor]}」的降幅无数据，按本地比例算，实际可能报得更少`,
  },

  warnings: {
    typical: (name: string) =>
      `${name}暂无我们核实过的政策数据，以下是按典型模板的估算，不是${name}的政策，仅供参考。请以参保地医保经办机构的规定为准。`,
    /** `parts`: the template's figures in the estimate; the table's other figures are the place's own. */
    partlyTypical: (name: string, setting: SettingKey, parts: readonly TemplatePart[]) => {
      const own = ownParts(parts);
      return `${name}${SETTING[setting]}的${partWords(parts, "限额")}暂无我们核实过的数据，这部分按典型模板估算；${name}已有数据的规定（如${own.length > 0 ? `${partWords(own)}、` : ""}异地就医人员的待遇调整）照常计入。仅供参考，请以参保地医保经办机构的规定为准。`;
    },
    lowConfidence: "部分数字的来源可信度低，仅供参考，请向参保地医保部门核实。",
    /** The same, as a mark after one source in a numbered list of sources. */
    sourceAgeMark: (source: { published: string; age: "old" | "unknown" }, months: number) =>
      source.age === "unknown" ? "（发布日期不明，数字可能已过时）" : `（${publishedText(source.published)}发布，可能已超过 ${months} 个月，数字可能已过时）`,
    dataAge: (sources: readonly { title: string; published: string; age: "old" | "unknown" }[], months: number) =>
      `以下来源的数字可能已超过 ${months} 个月或看不出发布日期，政策可能已调整，请向参保地医保部门核实：${sources
        .map((x) => `《${x.title}》（${x.age === "unknown" ? "发布日期不明" : `${publishedText(x.published)}发布`}）`)
        .join("；")}。`,
    unregistered:
      "未备案（且非急诊）通常不能在就医地直接结算：需要先全额垫付，出院后回参保地申请手工报销。出院结算前补办备案，仍可直接结算。",
    emergency: "急诊抢救视同已备案；住院的，建议出院前补办备案。",
    /** The insured place's own rule (东莞, 重庆): an emergency still registers, before discharge. */
    emergencyLocal: (city: string, days?: number) => `按${city}的规定，急诊先看病的，要${days ? `在入院${days}日内、且` : ""}在出院之前补办备案。`,
    maternity: "生育（分娩）费用不要按普通住院刷卡结算，否则可能影响生育津贴：先自费，再按参保地规定申请生育保险报销。",
    cutClamped: (visitor: VisitorKey, points: string, ceiling: number) =>
      `参保地对「${VISITOR[visitor]}」的降幅约 ${points} 个百分点，超过国家规定的 ${ceiling} 个百分点上限，按上限计算；请以参保地经办机构为准。`,
    ambiguity: (text: string) => `政策原文有歧义：${text}`,
    notCovered: "按参保地规定，这种情形统筹基金不支付，费用需要个人承担。",
    capReached: "本次已达到统筹基金年度最高支付限额，超出部分由个人承担（如有大病保险等另行计算）。",
    monthlyCapReached: "本次已达到统筹基金每月最高支付限额，超出部分由个人承担。",
    chronicNeedsRecognition: "门诊慢特病需要先在参保地完成资格认定，并办理异地就医备案。",
    outpatientCheck: "异地普通门诊能否直接结算，取决于参保地和就医地是否都已开通，请先在国家医保服务平台查询定点机构。",
  },

  directSettlement: {
    yes: "已备案（或视同备案），在就医地联网定点医疗机构可以持社保卡或医保电子凭证直接结算。",
    samePool: "参保地就医，按本地规定直接结算。",
    freeZone: "该就医地属于免备案范围，在联网定点医疗机构可以直接结算。",
    noRegistration: "参保地规定这种情况不用办异地就医备案，在联网定点医疗机构可以直接结算。",
    unregistered: "未备案不能直接结算：先全额垫付，再回参保地申请手工报销（出院结算前补办备案即可直接结算）。",
    maternity: "生育费用不宜直接结算，需先垫付再申请生育保险报销。",
    notCovered: "这种情形统筹基金不支付，无需结算。",
    emergencyRegister: "急诊可以先看病，但参保地规定出院前要补办备案，补办后在联网定点医疗机构可以直接结算。",
  },
  /** The sentence for each reason of src/policy/direct.ts (an emergency counts as registered). */
  directSettlementReason: (reason: "same_pool" | "free_zone" | "no_registration" | "emergency" | "emergency_register" | "registered" | "unregistered" | "maternity" | "not_covered") =>
    ({
      same_pool: policyText.directSettlement.samePool,
      free_zone: policyText.directSettlement.freeZone,
      no_registration: policyText.directSettlement.noRegistration,
      emergency: policyText.directSettlement.yes,
      emergency_register: policyText.directSettlement.emergencyRegister,
      registered: policyText.directSettlement.yes,
      unregistered: policyText.directSettlement.unregistered,
      maternity: policyText.directSettlement.maternity,
      not_covered: policyText.directSettlement.notCovered,
    })[reason],

  errors: {
    unknownRegion: (which: string, text: string) => `${which}「${text}」不是我们认识的地区，请写城市名，例如「苏州」或「苏州市」，或 6 位行政区划代码。`,
    ambiguousRegion: (which: string, text: string, options: string) => `${which}「${text}」有多个可能：${options}，请写全称。`,
    provinceNotPool: (which: string, text: string) => `${which}「${text}」是省份，不是统筹区，请写具体城市。`,
    noPolicyOnDate: (name: string, date: string, earliest: string) =>
      `${name}在 ${date} 没有生效的政策数据${earliest ? `（我们最早的数据从 ${earliest} 起）` : ""}。`,
    insured: "参保地",
    treatment: "就医地",
    /** No figures at all for this setting, neither the region's nor the template's: say so, never "不予支付". */
    noSettingData: (name: string, scheme: "employee" | "resident", setting: SettingKey, sourceTitle: string) =>
      `${name}${scheme === "employee" ? "职工医保" : "城乡居民医保"}在外地看${SETTING[setting]}能报多少，我们还没有核实过的数据，没法估算（这不等于不能报）。` +
      `异地看门诊要先了解参保地的规定（来源：《${sourceTitle}》）。` +
      `建议向参保地医保经办机构问清：${setting === "chronic_outpatient" ? "这个病种能不能异地直接结算、要不要先做资格认定和备案、" : "异地普通门诊能不能直接结算、要不要先备案、"}起付线、报销比例和年度限额各是多少。`,
    /** `direct`: the insured place's data says childbirth in this treatment place settles directly (成都 in 德阳). */
    maternityNoData: (name: string, scheme: "employee" | "resident", sourceTitle: string, direct = false, treatment = "") =>
      `生孩子（分娩）的费用按生育保险（生育医疗费用）的规定报销，很多地方是定额或单独的标准，不按普通住院的起付线和比例算；我们没有${name}${scheme === "employee" ? "职工医保" : "城乡居民医保"}生育待遇的数据，所以不给数字。` +
      (direct
        ? `${name}参保人在${treatment}分娩住院属于${name}的异地生育直接结算范围，不用备案，可以在医院直接结算（来源：《${sourceTitle}》）。`
        : `在外地分娩一般先自己垫付，不要按普通住院刷卡结算，再回参保地申请生育保险报销（来源：《${sourceTitle}》）。`),
    noUnregisteredRule: (name: string, scheme: "employee" | "resident", sourceTitle: string) =>
      `${name}${scheme === "employee" ? "职工医保" : "城乡居民医保"}对没备案在外地看病怎么报，我们没有数据；国家规定的降幅上限只管备案了的临时外出，没备案的由参保地自己定（有的降得更多，有的不予报销），所以没法估算。` +
      `没备案一般要先全额垫付，再回参保地按当地规定手工报销；出院结算前补办备案，就能直接结算（来源：《${sourceTitle}》）。`,
  },
};

/** A published example explained: why its share is not a ratio of today's rules. */
export const exampleText = {
  reason: {
    hospital_level: "没有写医院级别，而起付线和报销比例按医院级别不同",
    deductible: "没有写起付线是多少，基金只支付起付线以上的部分",
    out_of_catalog: "没有写目录外（全自费）的金额，这部分基金不付",
    class_b: "没有写乙类药品和项目的金额，乙类要先由个人自付一部分",
    insured_city: "没有写是哪个统筹区参保，各地的比例并不相同",
    old_example: "这是多年前的示意，之后国家和各地的政策都调整过",
  } as const,
  explain: (x: { year: number; insuredProvince: string; treatmentProvince: string; total: string; fundPaid: string; personPaid: string; fundShare: string; reasons: readonly string[] }) =>
    `${x.year}年官方示意：${x.insuredProvince}参保、在${x.treatmentProvince}住院，总费用 ${x.total} 元，基金付 ${x.fundPaid} 元、个人付 ${x.personPaid} 元，基金占 ${x.fundShare.replace(/\.00$/, "")}%。` +
    `这个${x.fundShare.replace(/\.00$/, "")}%是这一笔账算下来的结果，不是某条规定的报销比例：原文${x.reasons.map((r) => exampleText.reason[r as keyof typeof exampleText.reason] ?? r).join("；")}。` +
    "按现在的规定估算，需要参保地、医院级别和费用明细，可以用“算报销”重新算一遍。",
};
