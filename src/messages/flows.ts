/**
 * User-facing text of the conversation flows (router, eligibility, registration, estimate,
 * claim). Policy figures never live here: they come from policies/ through the view.
 */
import type { TemplatePart } from "../policy/scenario.ts";
import { ownParts, partWords } from "./parts.ts";

const SCHEME = { employee: "职工医保", resident: "居民医保" } as const;
/** The counter, for those without a phone: said in the channels answer and on its own. */
const OFFLINE = "线下：到参保地的医保经办机构窗口办理，不会用手机也能办。";
const STATUS = { working: "在职", retired: "退休" } as const;
const SETTING = { inpatient: "住院", outpatient: "普通门诊", chronic_outpatient: "门诊慢特病" } as const;
const LEVEL = { 3: "三级医院（含三甲）", 2: "二级医院", 1: "一级医院或社区" } as const;
const VISITOR = {
  long_term: "长期备案（异地安置退休、长期居住、常驻工作）",
  referral: "转诊备案",
  emergency: "急诊抢救",
  temporary_other: "其他临时外出就医",
  unregistered: "没有备案",
} as const;
const CATEGORY = {
  retiree_relocated: "退休后到外地定居",
  long_term_resident: "在外地长期居住",
  stationed_worker: "单位派驻外地工作",
  referral: "医院转诊过去",
  emergency: "外出时急诊",
  temporary_other: "其他临时外出看病",
} as const;
const WHY = {
  unregistered: "没有备案",
  not_networked: "医院没联网或不能刷卡",
  system: "系统故障或当时没结算",
  maternity: "生孩子（生育）",
  other: "其他原因",
} as const;
const JURISDICTION = { same_pool: "同一统筹区", intra_province: "省内跨市异地就医", cross_province: "跨省异地就医" } as const;

/**
 * The chat's one money format: the evaluator's figures ("17615.00") with whole yuan shown without
 * ".00" ("17615 元") and fen kept where there are some ("13209.60 元"), in every line that shows a
 * figure (the estimate, its steps, its one-sentence summary). The CLI and the JSON keep two decimals.
 */
export function chatMoney(x: string): string {
  // Most lines have no ".00" at all: not scanned by the pattern (a line of a reply is passed here per figure).
  return x.includes(".00") ? x.replace(/(\d)\.00(?!\d)/g, "$1") : x;
}

/**
 * A policy version's name as a reader says it: "2023" → " 2023 年", "2023-10" → " 2023 年 10 月",
 * "2025医保年度" → " 2025 医保年度", "2021-江西统一规则" → " 2021 年（江西统一规则）"; a name that is
 * only the data's own label (a source code such as "M15") is not shown: undefined.
 */
export function versionWords(version: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(-?)(.*)$/u.exec(version);
  if (!m) return /[A-Za-z]/.test(version) ? undefined : ` ${version}`;
  const [, year, month, dash, rest] = m;
  if (month && !rest) return ` ${year} 年 ${Number(month)} 月`;
  if (!rest) return ` ${year} 年`;
  return dash ? ` ${year} 年（${rest}）` : ` ${year} ${rest}`;
}

export const flowMessages = {
  labels: { scheme: SCHEME, status: STATUS, setting: SETTING, level: LEVEL, visitor: VISITOR, category: CATEGORY, why: WHY, jurisdiction: JURISDICTION },

  welcome: "您好！我是异地就医助手，可以帮您弄清楚异地看病怎么备案、能报多少、怎么报销。请选一项：",
  menu: "请选一项，或者直接说您的问题：",
  menuExample: "也可以一句话问，例如：我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少",
  menuChoices: { eligibility: "我属于哪种异地就医", registration: "备案怎么办", estimate: "估算能报多少", claim: "手工报销要哪些材料" },
  help:
    "随时可以说：\n· 返回 —— 回到上一个问题\n· 取消 —— 回到主菜单\n· 重新开始 —— 清空已回答的内容\n· 帮助 —— 看这段说明\n也可以在中途直接问，比如“备案有效期多久”“急诊没备案怎么办”，我答完会接着刚才的问题。",
  cancelled: "好的，已取消。",
  restarted: "好的，我们重新开始，之前的回答都已清空。",
  atMenu: "现在已经在主菜单了。",
  leftFlow: "已回到主菜单。",
  unclear: "抱歉，没看懂。",
  unclearMenu: "抱歉，没看懂。可以点下面的选项，或者换个说法，例如“备案怎么办”“住院花了3万能报多少”。",
  range: (n: number) => `没有这个选项，请回复 1 到 ${n} 之间的数字。`,
  expired: "这个按钮已经过期了，请看下面最新的问题。",
  welcomeBackFlow: "欢迎回来！我们接着上次的问题继续（想从头来就回复“重新开始”）。",
  resetApology: "抱歉，之前的对话记录无法继续使用，我们从头开始。",
  /** A message the flows could not process; nothing was changed. */
  turnFailed: "抱歉，这条没能处理，您的回答都还在。我们接着刚才的问题：",
  backTo: "接着刚才的问题：",
  heard: (what: string) => `好的，已记下：${what}。`,
  /** The message answered other questions, not the one asked: said back, then the question again. */
  heardStill: (what: string) => `好的，已记下：${what}。还需要知道：`,
  /** Facts a side question at the menu carried, kept for whichever flow comes next. */
  kept: (what: string) => `已记下：${what}。接下来选哪一项，这些都不用再说。`,
  thanks: "不客气！还可以接着问，或者选一项：",
  thanksInFlow: "不客气！",
  /** Small talk twice in a row: not the same lines again, only an example of what works. */
  smallTalkAgain: "有具体问题就直接说一句，例如“我在苏州交的职工医保，在上海住院花了3万，能报多少”。",
  /** Small talk (src/language/small-talk.ts): one short line each, then the question or the menu. */
  smallTalk: {
    hostile: "我是免费的异地就医问答工具，不收钱，也不要您的身份证号；说到的规定和数字都标了来源，可以自己核对。有需要就接着问。",
    english: "Sorry, I can only answer in Chinese. 请用中文问，例如“备案怎么办”“住院花了3万能报多少”。",
    opener: "好的，您说。直接说情况就行，例如“我妈医保在哈尔滨，在三亚住院了，怎么报”。",
    redacted: "不用发身份证号、手机号或卡号给我，我用不到，也不会保存。",
  },
  /** In the heard note, the slots whose value alone would not say what it is. */
  heardDeposit: (yuan: string) => `押金 ${yuan}`,
  heardNamed: {
    insured: (v: string) => `参保地${v}`,
    treatment: (v: string) => `就医地${v}`,
    total: (v: string) => `总费用 ${v}`,
    classB: (v: string) => `乙类 ${v}`,
    outOfCatalog: (v: string) => `目录外 ${v}`,
    admissions: (v: string) => `今年之前住过 ${v} 次院`,
    fundPaid: (v: string) => `今年医保已报 ${v}`,
    maternity: () => "生孩子（生育）",
    livesThere: () => "常住或在就医地工作",
    perMonth: (v: string) => `每月 ${v} 元`,
    withFamily: () => "住在家人那里",
    flexible: () => "灵活就业",
  } as Record<string, ((v: string) => string) | undefined>,
  slotName: { category: "情况", why: "原因" } as Record<string, string>,
  /** Facts said back in the 已记下 line that are not a plain value. */
  heardFacts: {
    student: "学生",
    share: (words: string, part: string) => `${words}是${part}`,
    workInjury: "工作中受伤",
    notLevel: (level: string) => `不是${level}`,
  },
  /** 大部分是自费的: the share said names no figure; the question that follows asks it. */
  vagueShare: (words: string, part: string) => `您说${words}是${part}，这算不出金额。`,
  /** "不知道" to a question with a default: what is taken instead, open to change. */
  /** The level question after 不是三甲 (or 不是二级…): the denied level is not among the buttons. */
  askLevelNot: (level: number) =>
    level === 3 ? "您说不是三甲：是二级还是一级医院？（三乙也算三级，是的话就说“三乙”）" : `您说不是${({ 2: "二级", 1: "一级" } as Record<number, string>)[level]}医院：是几级医院？`,
  assumedAnswer: (what: string) => `不确定也没关系，先${what}；知道了随时说，我重新算。`,
  tooLong: (n: number) => `消息太长，我只看了前 ${n} 个字。`,

  ask: {
    insured: "您在哪里参保（交医保）？请说到地级市，例如“苏州”“北京”。",
    treatment: "您在哪里看病（就医地）？例如“上海”“广州”。",
    scheme: "您参加的是职工医保还是居民医保？",
    status: "您现在是在职还是退休？",
    setting: "这次是住院、普通门诊，还是门诊慢特病？",
    level: "在几级医院看病？（三甲属于三级）",
    visitor: "您办的是哪种异地就医备案？",
    category: "您为什么在就医地看病？",
    total: "这次总共花了多少钱？例如“30000”或“3万”。",
    classB: "其中乙类药品和项目（要先自付一部分的）大约多少钱？不知道就回复 1。",
    outOfCatalog: "其中目录外、全自费的大约多少钱？不知道就回复 1。",
    why: "为什么没能在医院直接结算？",
  },
  explain: {
    insured: "参保地就是您交医保的地方，请回复一个地级市或直辖市的名字，例如“苏州”“重庆”。",
    treatment: "就医地就是您看病的地方，请回复一个地级市或直辖市的名字，例如“上海”“成都”。",
    amount: "请回复一个金额，例如“30000”“3万”“2.5万”；回复“取消”可以回到主菜单。",
    choice: "请点选下面的一项，或回复它前面的数字。",
    visitor: "请点选下面的一项，或回复它前面的数字。不确定的话选“其他临时外出就医”，会按报得最少的情况估算。",
  },
  wayOut: "如果不确定，可以回复“帮助”看说明，或回复“取消”回到主菜单。",
  problems: {
    unclear: "没看懂这个回答。",
    invalid: "这个回答不符合要求。",
    amountInvalid: "这个金额不对：乙类和目录外的金额加起来不能超过总费用。",
    negative: "金额不能是负数。",
    too_large: "这个金额太大了，请检查一下。",
    zero: "金额要大于 0。",
    province: (name: string, short: string, slot: string) => `${name}是省份，医保一般按地级市统筹。您在${short}哪个市${slot === "treatment" ? "看病" : "参保"}？点一个，或直接打字。`,
    ambiguous: "这个地名可能指不同的地方，请选一个：",
    /** Two places named, and which is which is unclear (深圳 医保 广州): the question says the role. */
    ambiguousRole: (slot: string) => (slot === "treatment" ? "您是在哪个城市看病？请选一个：" : "您的医保是哪个城市的（在哪里参保）？请选一个："),
    /** 不知道 to 住院还是门诊, the first time: how to tell (a second 不知道 takes 住院, said so). */
    dontKnowSetting:
      "这样分：办了入院手续、在医院住下（一般要交押金、有床位）的是住院；看完病、拿了药当天回家的是普通门诊；参保地认定过的慢性病（如高血压、糖尿病）在门诊看，是门诊慢特病。",
    /** A name typed wrong that fits one city: asked back, never assumed. */
    didYouMean: (city: string) => `您是说${city}吗？是的话点一下；不是的话，请再输入一次城市名。`,
  },
  unknownChoice: "不知道",

  /** Discharged without a registration: the way still open, then what it may bring. */
  discharged: {
    path: (text: string, quote: string | undefined, source: string | undefined) =>
      `按国家规定，${text}${quote ? `原文：“${quote}”` : ""}${source ? `（来源：${source}）` : ""}`,
    pathFallback: "已经出院的，可以按参保地规定补办备案，再回参保地申请手工报销。",
    claim: (fund: string, you: string, cut: "ceiling" | "intra" | "own", place: string, ruleSays: "nothing" | "no_data") =>
      `补办备案后手工报销（按其他临时外出算${{ ceiling: "，参保地降幅无数据的按国家上限算", intra: "，参保地省内降幅无数据的按本地比例算", own: "" }[cut]}）：约报 ${fund} 元，自己约付 ${you} 元。` +
      (ruleSays === "nothing" ? `${place}对没备案的规定是统筹基金不支付，补办后能不能这样报，请先问${place}医保。` : `${place}对没备案的报法我们没有数据，以${place}医保审核为准。`),
  },

  choices: {
    next: "下一步",
    back: "上一步",
    all: "全部清单",
    stepByStep: "分步查看",
    change: "改一个答案",
    restart: "重新开始",
    help: "帮助",
    cancel: "取消",
    backToResult: "返回结果",
  },

  eligibility: {
    samePool: (a: string, b: string) => `${a === b ? `在${a}参保、也在${a}看病` : `${a}和${b}属于同一个统筹区`}，不算异地就医，不用备案，直接用社保卡或医保电子凭证结算即可。`,
    kind: (a: string, b: string, j: string) => `在${b}看病、在${a}参保，属于${j}。`,
    category: (name: string, term: "long" | "temporary") => `您属于「${name}」，办的是${term === "long" ? "长期" : "临时"}备案。`,
    validity: (text: string) => `有效期：${text}`,
    validityLocal: (city: string, text: string) => `有效期（按${city}的规定）：${text}`,
    /** 杭州: 少年儿童 may not file a long-term category; `reading` is how the source's word is read by age. */
    excluded: (city: string, who: string, category: string, reading?: string) =>
      `按${city}的规定，${who}不能办「${category}」这类长期备案${reading ? `（${reading}）` : ""}。孩子在外地看病怎么备案、怎么报销，请问${city}医保部门。`,
    longTerm: "长期备案的人员报销比例一般和在参保地一样；备案期间回参保地看病也能报（双向享受待遇）。",
    cutCeiling: (points: number) => `临时外出就医的报销比例可能比在参保地低，按国家规定最多降低 ${points} 个百分点。`,
    regionRule: (region: string, rule: string) => `${region}的规定：${rule}。`,
    noRegionRule: (region: string) => `${region}的具体降低幅度暂无数据，以参保地规定为准。`,
    notCovered: (region: string, setting: string) => `${region}的规定：这种情形在外地看${setting}的费用不纳入医保基金支付范围，要自己负担。`,
    emergency: "急诊抢救视同已备案，可以直接结算；事后也可以补办备案。",
    /** The insured place still asks an emergency to register (东莞 10 days, 重庆 before discharge), said instead of 视同已备案. */
    emergencyLocal: (city: string, days?: number) => `按${city}的规定，在外地急诊先看病的，要${days ? `在入院${days}日内、且` : ""}在出院之前补办备案，不是“视同已备案、不用再办”。`,
    freeZone: (a: string, b: string, rule: string) => `${b}在${a}医保的免备案范围内：不用办异地就医备案，${rule}。`,
    /** 成都 普通门诊 anywhere (M8), 沈阳 临时外出 住院 (免申即享): `inpatientNeeds` when 住院 still needs one. */
    noRegistration: (a: string, b: string, setting: string, inpatientNeeds: boolean) =>
      `${a}医保到${b}${setting === "住院" ? "住院" : `看${setting}`}不用备案：${a}规定这种情况不用办异地就医备案，在联网定点医院可以直接结算${inpatientNeeds ? "；住院才要先备案" : ""}。`,
    /** 苏州→上海: no registration needed there, at a cut the person's registration would lift (or not, where no rule says). */
    zoneAside: (a: string, b: string, zoneRule: string, registered?: string) =>
      `${a}医保到${b}看病可以不备案、直接结算，但${zoneRule}${registered ? `；办了这类备案，${registered}` : ""}。`,
    freeZoneSchemes: (a: string, b: string, schemes: string) => `${a}${schemes}参保的，到${b}就医免备案（其他险种仍要备案）。`,
    next: "接下来想做什么？",
  },
  /** One line from the policy layer's direct-settlement decision (src/policy/direct.ts). */
  direct: {
    line: (possible: boolean, why: string) => `直接结算：${possible ? "能" : "不能"}（${why}）`,
    /** An emergency stay: counts as registered, and registering before discharge is still advised. */
    emergencyInpatient: "急诊抢救视同已备案；住院的，建议出院前补办备案",
    reason: {
      same_pool: "在参保的统筹区内看病，按本地规定结算",
      free_zone: "免备案地区",
      no_registration: "参保地规定这种情况不用备案，在联网定点医院",
      emergency: "急诊抢救视同已备案",
      emergency_register: "急诊可以先看病，参保地规定出院前要补办备案",
      registered: "备案后在联网定点医院",
      unregistered: "没备案要先全额垫付、回参保地报销；出院前补办备案可直接结算",
      /** Discharged already: the before-discharge path is closed. */
      discharged: "已经出院，补办备案后回参保地手工报销",
      maternity: "生育费用不要按普通住院刷卡，先垫付再申请生育保险报销",
      not_covered: "这种情形统筹基金不支付",
    },
  },
  visitorRule: {
    same: "报销比例不降低，和在参保地看病一样",
    points: (p: number) => `报销比例降低 ${p} 个百分点`,
    multiplier: (f: number) => `按正常报销比例的 ${Math.round(f * 100)}% 支付`,
    first_pay: (s: number) => `先个人自付 ${s}%，再按规定报销`,
    schedule: "另有单独的起付线和报销比例",
    not_covered: "不予报销",
  },

  registration: {
    /** Registration steps asked for an emergency: what matters first (QA5 Q54). */
    emergencyFirst: "急诊抢救视同已备案，先看病要紧；住院的，建议出院前补办备案，出院时就能直接结算。下面是补办的步骤：",
    stepTitle: (n: number, total: number, title: string) => `第 ${n}/${total} 步：${title}`,
    titles: ["在哪里办", "准备材料", "线上怎么操作", "审核要多久", "怎么查结果", "有效期和变更"],
    notNeeded: (a: string, b: string) => `${a === b ? `在${a}参保、也在${a}看病` : `${a}和${b}属于同一个统筹区`}，不用办异地就医备案。`,
    freeZone: (a: string, b: string) => `${a}医保到${b}就医免备案，在联网定点医院可以直接结算。下面是到其他地方就医时的备案办法，需要时再看。`,
    channelsNational: "· 国家医保服务平台 APP\n· 微信“国家异地就医备案”小程序（在“国家医保局”公众号里）",
    channelsRegion: (region: string, list: string) => `· ${region}的渠道：${list}`,
    channelsCounter: (region: string) => `· ${region}医保经办机构的窗口`,
    channelsReferral: "转诊备案要由有转诊资质的医院（医保科）开转诊证明后办理，有的地方不能线上办。",
    channelsNoRegion: (region: string) => `${region}是否有本地 APP 或公众号办理，暂无数据，以参保地规定为准。`,
    materialsIntro: (name: string) => `「${name}」需要：`,
    promise: "拿不出证明材料时，很多地方可以签《个人承诺书》代替（承诺制），之后按要求补交；部分地方不支持，以参保地规定为准。",
    materialsRegion: (region: string) => `${region}另外的要求：`,
    stepsIntro: "在 APP 或小程序里：",
    // Said only when the national fact (review_time) cannot be read: no figure without its source.
    reviewFallback: "线上备案一般很快；需要人工审核的，审核要多久以参保地为准。",
    checkFallback: "在办理的 APP 或小程序里找“备案查询”或“备案记录”查看结果。",
    validity: (text: string) => `有效期：${text}`,
    // Said only when the national fact (change_cancel) cannot be read: no figure without its source.
    changeFallback: "临时备案一般可以随时变更或取消；长期备案办理后有一段时间不能变更或取消，多久以参保地规定为准。",
    done: "备案指引到这里就完成了。还想了解什么？",
    checklist: "备案全部清单：",
  },

  estimate: {
    /** First, before any figure: the figures below are not the place's (QA3 A29). */
    typical: (region: string) => `没有${region}的政策数据，只能粗估（用各地中位数的典型模板，不是当地政策），以参保地规定为准：`,
    basis: (region: string, scheme: string, version: string) => {
      const v = versionWords(version);
      return v ? `按${region}${scheme}${v}的政策估算：` : `按${region}${scheme}的现行政策估算：`;
    },

    /** `parts`: exactly the figures that are the template's; the table's others are the place's own, named too (QA5 Q7). */
    partlyTypical: (region: string, scheme: string, parts: readonly TemplatePart[], whose = region) => {
      const own = ownParts(parts);
      return own.length > 0
        ? `没有${region}${scheme}的${partWords(parts)}数据，按各地中位数粗估；${partWords(own)}是${whose}的：`
        : `没有${region}${scheme}的${partWords(parts)}数据，这几项只能粗估（用各地中位数，不是${region}的政策），其余按${region}的规定：`;
    },
    partlyTypicalProvince: (city: string, province: string, scheme: string, parts: readonly TemplatePart[]) =>
      `没有${city}自己的政策数据，按${province}全省规定；其中${scheme}的${partWords(parts)}，${province}也没有数据，只能粗估（用各地中位数，不是任何一地的政策）：`,
    total: (x: string) => `总费用：${x} 元`,
    /** `rough`: some of the figures are the template's, said on the figure itself too. */
    fund: (x: string, rough = false) => `医保基金支付：${x} 元${rough ? "（粗估）" : ""}`,
    // Paid on top of the fund figure above (fund + serious illness + you = total), so not "其中".
    serious: (x: string) => `大病保险另付：${x} 元`,
    you: (x: string, rough = false) => `您自己付：${x} 元${rough ? "（粗估）" : ""}`,
    /** Not registered and no rule for it: the figure if registered before discharge, as a temporary visitor. */
    /** Discharged and not registered: the fund figure is what not making up the registration brings. */
    fundNotMadeUp: (x: string) => `不补办备案的话，医保基金支付：${x} 元`,
    ifRegistered: (fund: string, you: string, cut: "ceiling" | "intra" | "own") =>
      `出院结算前补办了临时备案的话（按其他临时外出算${{ ceiling: "，参保地降幅无数据的按国家上限算", intra: "，参保地省内降幅无数据的按本地比例算，实际可能报得更少", own: "" }[cut]}）：医保约付 ${fund} 元，自己约付 ${you} 元。`,
    stepsTitle: "怎么算的：",
    /** The read-back line above names the insured place and scheme: the policy's version is all that is new. */
    stepsTitleVersion: (version: string) => {
      const v = versionWords(version);
      return v ? `怎么算的（按参保地${v}的政策）：` : "怎么算的（按参保地现行政策）：";
    },
    jurisdictionStep: (kind: string, rule: string, sourceNumber: number) => `· ${kind}：${rule}[${sourceNumber}]`,
    /** One step, its source by number: the list of sources closes the reply once. */
    step: (what: string, amount: string | null, rule: string, sourceNumber: number) => `${flowMessages.estimate.stepBody(what, amount, rule)}[${sourceNumber}]`,
    /** A step's line before its source marks. */
    stepBody: (what: string, amount: string | null, rule: string) => `· ${what}${amount === null ? "" : `：${amount} 元`}${rule ? `（${rule}）` : ""}`,
    sources: (list: string[]) => `来源：${list.join("；")}`,
    source: (n: number, title: string, confidence: "high" | "medium" | "low") =>
      `[${n}] ${title}（可信度${{ high: "高", medium: "中", low: "低" }[confidence]}）`,
    assumedTitle: (example: string) => `假设（不对就说，如“${example}”）：`,
    /** The example correction under the assumptions: one that changes something for this estimate. */
    changeExamples: { level2: "改成二级医院", level3: "改成三级医院", total: "金额是5万" },
    assumed: {
      scheme: "按居民医保算（职工医保通常报得更多）",
      schemeFlexible: "灵活就业人员一般参加职工医保，按职工医保算；如果参加的是居民医保，就说“换成居民医保”",
      schemeRetired: "您说已退休，按职工医保算（居民医保没有退休一说；如果是居民医保，请改一下险种）",
      schemeWorking: "您说在上班（在职），按职工医保算（上班的一般由单位参加职工医保；如果是居民医保，就说“换成居民医保”）",
      status: "按在职算",
      level: "按三级医院算（起付线最高）",
      setting: "按住院算（交了押金、在医院住下的是住院；只是看完病拿药回家的，说“门诊”）",
      levelNotThird: "按二级医院算（您说不是三甲）",
      visitor: "按“其他临时外出就医”算（报销比例降得最多）",
      classB: "乙类金额不知道，按 0 算（实际自付可能更多）",
      outOfCatalog: "目录外金额不知道，按 0 算（实际自付可能更多）",
      amountsUnknown: "乙类、目录外金额不知道，按 0 算（实际自付可能更多）",
      date: "就医日期按今天算",
      livesThere: "您说常住或在就医地工作，按长期备案算；如果没办长期备案，就说“没备案”或“办的临时的”",
      longWord: "您说「长期」，按已办长期备案算；如果还没备案，就说“没备案”，办的临时的就说“临时的”",
      sudden: "「突然」住院按急诊抢救算：要医院认定是急诊抢救才这样算；不是的话说“不是急诊”",
    } as Record<string, string>,
    sourceDateUnknown: "发布日期不明",
    /**
     * What the person was told set against the estimate: close, or the difference and its usual
     * reasons. Their figure is theirs (from the bill); never called wrong.
     */
    toldCompare: (said: string, ours: string, diff: string | null) =>
      diff === null
        ? `${said}，和估算的 ${ours} 元接近。`
        : `${said}，估算是 ${ours} 元，相差 ${diff} 元。常见原因：目录外（自费）项目、乙类药先自付、医院等级或备案情况与估算的假设不同；以结算单为准。`,
    toldFund: (x: string) => `您说医保报了 ${x} 元`,
    toldOwn: (x: string) => `您说自己出了 ${x} 元`,
    otherPerson: (now: string, other: string) => `您说了两个人：下面先算${now}的那位；另一位（${other}）说“换成${other}”就接着算。`,
    toldCheckScheme: (taken: string, other: string) => `估算按${taken}算的（您没说）；如果是${other}，就说“换成${other}”。`,
    workInjury: "在工作中受的伤，一般先走工伤保险（由单位申请工伤认定）；应当由工伤保险支付的费用，医保基金不支付（来源：《中华人民共和国社会保险法》第三十条）。下面按医保估算，只在不算工伤时适用。",
    /** The age said is outside the band the figures are for: the data's own words on the other band. */
    otherBand: (age: string, reading: string) => `您说${age}，下面${reading}（估算只按这一档算）。`,
    /** A deposit against what the person pays (settled: at the hospital; else the whole bill is paid first). */
    depositOwe: (deposit: string, x: string, settled: boolean) => `押金 ${deposit}：${settled ? "" : "不能直接结算的话要先付清全部费用，"}出院时大约还要补 ${x} 元。`,
    depositBack: (deposit: string, x: string, settled: boolean) => `押金 ${deposit}：${settled ? "" : "不能直接结算的话要先付清全部费用，"}出院时大约能退回 ${x} 元。`,
    depositEven: (deposit: string) => `押金 ${deposit}：和您自己付的差不多，出院时大约不用再补。`,
    toldOwnAndAccount: (cash: string, account: string, x: string) => `您说自己掏了 ${cash} 元、医保卡（个人账户）扣了 ${account} 元，合计 ${x} 元`,
    /** A quoted 起付线 that is not the sourced one: both said, the source's computed on, the person's papers decide. */
    toldDeductible: (said: string, ours: string | null, source: string, date: string) =>
      ours === null
        ? `您说的起付线 ${said} 元，我们的资料（${source}，${date}）这次没有起付线，按资料算；如果您的单据不同，以单据为准。`
        : `您说的起付线 ${said} 元，我们的资料（${source}，${date}）是 ${ours} 元，按资料算；如果您的单据不同，以单据为准。`,
    /** The year's cap (nearly) used by what the fund already paid: said before the figures. */
    capNearlyUsed: (used: string, cap: string, remaining: string) =>
      Number(remaining) > 0
        ? `今年医保已报 ${used} 元，年度限额 ${cap} 元只剩 ${remaining} 元：这次统筹基金最多再付这么多。`
        : `今年医保已报 ${used} 元，年度限额 ${cap} 元已经用完：这次统筹基金不再支付。`,
    /** The evaluator's year-to-date assumptions in one line (the chat does not ask for them). */
    yearToDate: (parts: string[]) => `按今年${parts.join("、")}算`,
    /** After an assumption whose figure rests on a source of low confidence (the warning is then not repeated). */
    lowConfidence: "（可信度低）",
    /** A cap reached, on the fund's line: "…，年度限额封顶 150000 元". */
    /** The fund's rule when a cap bit: the line's figure is the cap ("统筹基金支付：800 元（…；年度封顶）"). */
    capJoined: (rule: string, cap: string) => `${rule}；${cap}`,
    /** A bill smaller than the deductible: the line states the policy's figure and where this bill stands. */
    underDeductible: (rule: string, spent: string) => (rule ? `${rule}；这次 ${spent} 元都在起付线内` : `这次 ${spent} 元都在起付线内`),
    todayAndYear: (parts: string[]) => `按今天就医、今年${parts.join("、")}算`,
    yearToDateParts: { admissions: "首次住院", deductiblePaid: "还没付过起付线", fundPaid: "还没报销过" } as Record<string, string>,
    warnings: "请注意：",
    failed: "这组信息没法估算：",
    pickChange: "想改哪一项？",
    changeLabel: (what: string, value: string) => `${what}：${value}`,
    slotNames: {
      insured: "参保地",
      scheme: "险种",
      treatment: "就医地",
      setting: "就医类型",
      level: "医院等级",
      visitor: "备案类型",
      status: "在职/退休",
      total: "总费用",
      classB: "乙类金额",
      outOfCatalog: "目录外金额",
    } as Record<string, string>,
    unknown: "不知道",
    yuan: (x: string) => `${x} 元`,
    after: "想改一个答案重新算，或者做别的？",
    afterStuck: "还是没看懂。要改就直接说新的，例如“改成二级医院”“金额是5万”；或者点下面的一项：",
  },

  /** The line an estimate opens with: what was read and what was assumed. */
  readBack: {
    line: (read: string, assumed: string[]) => `按：${read}${assumed.length > 0 ? `（${assumed.join("、")}是我假设的）` : ""}`,
    insuredOnly: "参保",
    /** Figures the person gave that are not the total they picked: said on the same line. */
    /** A deposit (押金/预交金) the person gave: shown, and said not to be the bill. */
    deposit: (yuan: string) => `；押金 ${yuan}（押金不是总费用，没有算进去）`,
    /** A 起付线 the person quoted: said back; the sourced figure is the one computed on (see estimate.toldDeductible). */
    quotedDeductible: (yuan: string, same: boolean) => `；您说起付线 ${yuan}${same ? "（与资料一致）" : ""}`,
    /** No total said: the two parts given, added up, are the bill computed on. */
    summedTotal: (reimbursed: string, own: string) => `；总费用按医保报的 ${reimbursed} 加自己出的 ${own} 算（您没说总共多少）`,
    leftOut: (figures: string) => `；另有 ${figures}未计入（是乙类或自费的钱，就连总费用一起说）`,
    /** 退休 said with 居民医保: said back, not silently dropped (居民医保 has no retirees' rules). */
    retiredResident: "（居民医保不分在职退休）",
    local: "本地",
    level: { 3: "三级医院", 2: "二级医院", 1: "一级医院" } as Record<number, string>,
    setting: { inpatient: "住院", outpatient: "普通门诊", chronic_outpatient: "门诊慢特病" } as Record<string, string>,
    visitor: {
      long_term: "长期备案",
      referral: "转诊备案",
      emergency: "急诊",
      temporary_other: "其他临时外出备案",
      unregistered: "没有备案",
    } as Record<string, string>,
    /** 长期备案 with its kind said, or taken (the three long-term kinds are settled alike). */
    longTerm: (kind: string) => `长期备案（${kind}）`,
    longTermAssumed: (kind: string) => `长期备案（按${kind}算，三类长期备案报销相同）`,
    longTermKind: { retiree_relocated: "异地安置退休人员", long_term_resident: "异地长期居住人员", stationed_worker: "常驻异地工作人员" } as Record<string, string>,
    total: (x: string, shares: string[]) => `总费用 ${x} 元${shares.length > 0 ? `（${shares.join("、")}）` : ""}`,
    classB: (x: string) => `乙类 ${x}`,
    outOfCatalog: (x: string) => `自费 ${x}`,
    nthStay: (n: number) => `今年第 ${n} 次住院`,
    deductibleMet: "今年起付线已交过",
    age: (years: number) => `${years}岁`,
    student: "学生",
    shareWords: (words: string) => `，按您说的${words}`,
    totalWords: (words: string) => `（您说${words}，按中间算）`,
    perMonth: (month: string, months: number) => `（您说每月 ${month} 元，按一年 ${months} 个月算）`,
    fundPaid: (x: string) => `今年医保已报 ${x} 元`,
    maternity: "生孩子（生育）",
  },

  /** Answers to general questions, composed from the national rules (the figures and facts come from policies/). */
  general: {
    who: (long: string[], temporary: string[]) =>
      `可以办异地就医备案的有两类：\n· 长期备案：${long.join("、")}\n· 临时备案：${temporary.join("、")}`,
    whoNext: "想知道自己属于哪一类，点“我属于哪种异地就医”。",
    channels: `线上：国家医保服务平台 APP，或微信“国家异地就医备案”小程序（在“国家医保局”公众号里）。\n${OFFLINE}`,
    offline: OFFLINE,
    /** 能帮我爸代办吗: the counter, and that a proxy is for the insured place to say. */
    proxy: "不会用手机的，可以到参保地的医保经办机构窗口办理。家人能不能代办、代办要带什么，各地规定不同，先打参保地医保电话问清楚。",
    /** 帮我查下备案办好没: said before where to look. */
    cannotLookUp: "我这里查不了个人的备案记录，您可以自己查：",
    /** 医保电子凭证怎么弄: said before the national fact that the app needs it activated. */
    eVoucher: "医保电子凭证在国家医保服务平台APP里激活：",
    personalAccount: "个人账户（医保卡里的钱）在外地能不能刷、怎么用，各地规定不同，我们没有全国统一的数据，以参保地规定为准，可以打参保地医保电话问。",
    renew: "到期后还要在外地看病，就重新申请备案（线上或到窗口，和第一次一样）；具体问参保地医保经办机构。",
    /** 要回去报吗 while still in hospital: the direct answer, then the rules it rests on. */
    careAtHome: "医保在哪里、就在哪里看病的，不用备案，直接用社保卡或医保电子凭证结算。",
    stayLead: "还在住院的话，不一定要回去报：出院结算前办好备案，出院时就能在医院直接结算。",
    /** 你算的不对: the usual reasons an estimate and a bill differ, then what to send to check it. */
    complaint: "估算和实际报销对不上，常见原因有：乙类要先自付一部分、目录外（自费）的不报、起付线要先扣、临时外出可能降比例、退休的比例更高、有的地方大病保险另外报。把参保地、医院等级、总费用和其中乙类、自费各多少告诉我，我按来源逐项算给您看。",
    /** 身份证要吗: what identifies the person (any one of them), and that the number is not needed here. */
    idNeeded: "备案要本人有效身份证件、医保电子凭证或社会保障卡，带其中一样就行；长期备案另有证明材料。不用把身份证号发给我。",
    /** 医保卡丢了: what works without the card, before the rules it rests on. */
    cardLost: "卡丢了也能看病结算：用医保电子凭证就行（补办实体卡问参保地社保卡服务机构）。",
    /** 能直接刷医保卡吗: the condition first. */
    cardNeedsRegistration: "能直接刷卡的前提是已经办了异地就医备案。",
    /** 怎么取消/变更: where it is done. */
    changeWhere: "变更或取消，找参保地医保经办机构（窗口或电话）办理；线上备案的，也可以在办理的APP或小程序里看备案记录。",
    materialsIntro: "全国统一要求的备案材料：",
    materialsOwnIntro: "您这一类备案，全国统一要求的材料：",
    /** 临时的呢 after the materials: the lines of that kind only. */
    materialsKindIntro: (term: "long" | "temporary") => `${term === "long" ? "长期" : "临时"}备案，全国统一要求的材料：`,
    /** 出院了还能补办备案吗: the direct answer, before the rule and its deadline. */
    makeupLead: "能补办，但已经出院结了账，就不能再直接结算了（出院结算前补办的，出院时才能直接结算）。",
    /** The words every "why the city matters" line shares: said once when two answers are joined. */
    askCity: "告诉我您在哪里参保",
    /** 具体步骤呢: the national app's steps, numbered after this line. */
    stepsIntro: "在国家医保服务平台 APP 或“国家异地就医备案”小程序上备案，步骤是：",
    stepsOffline: "不会用手机的，可以到参保地的医保经办机构窗口办理。",
    claimIntro: "手工报销（先全额垫付、再回参保地报销）一般要准备：",
    /** One item of the national claim list; `settings`: only for these kinds of care; `referral`: only if referred. */
    claimItem: (item: string, settings?: string[], referral?: boolean) =>
      `· ${item}${referral ? "（转诊的）" : settings?.length ? `（${settings.join("、")}）` : ""}`,
    claimWhere: (text: string) => `在哪里交：${text}`,
    materials: (name: string, list: string) => `· ${name}：${list}`,
    needRegister: "所以：想在外地直接刷卡结算，就要先备案；急诊抢救可以先看病、后补办。",
    /** 要备案吗, both places known and the data says a registration is needed: the answer first, for them. */
    needRegisterKnown: (a: string, b: string, kind: string) => `${a}医保到${b}看病属于${kind}：想在医院直接结算，要先办异地就医备案。`,
    deadlineLocal: (region: string, text: string) => `${region}的手工报销期限：${text}`,
    deadlineNational: (text: string) => `手工报销期限：${text}`,
    deadlineNoLocal: (region: string) => `${region}的具体期限暂无数据，以参保地规定为准，建议尽快办理。`,
    /**
     * What a word means, in plain words and without any figure; the national rule it belongs to
     * follows with its source (src/conversation/general.ts).
     */
    terms: {
      term_deductible:
        "起付线（也叫起付标准）：医保开始报销之前，先由自己付的那一段费用。起付线以内的钱医保不报，超过的部分才按比例报；有的地方每次住院算一次，有的一年算一次。",
      term_catalog:
        "甲类、乙类、目录外说的是医保的药品和项目目录：\n· 甲类：目录内，直接按比例报。\n· 乙类：目录内，但要先由自己付一小部分（叫“先行自付”，比例各地不同），剩下的再按比例报。\n· 目录外（常说的丙类、自费）：医保不报，全部自己付。",
      term_cap: "封顶线（最高支付限额）：一年里医保统筹基金最多能付的钱；超过的部分，基本医保不再付。",
      term_ratio:
        "报销比例（支付比例）：起付线以上、目录内的那部分费用，由医保统筹基金按这个比例付，剩下的自己付。乙类先自付的部分和目录外的费用不按这个比例报。",
      term_direct:
        "直接结算：在外地开通了联网结算的定点医院看病，结账时只付自己该付的那部分，医保该付的由医院和医保直接结，不用先垫钱再回去报。",
      term_places: "参保地：您交医保的地方；就医地：您看病的地方。在参保地以外看病，就是异地就医。",
    } as Record<string, string>,
    /** 个税大病医疗: a tax question, with where it is asked instead. */
    tax: "个税里的“大病医疗”是个人所得税的专项附加扣除，归税务部门管，不是医保报销，我这里算不了。它在“个人所得税”APP 里填报，具体以税务部门的说明为准。",
    /** 长期和临时有啥区别 / 哪个划算: which one is not a choice of price but of the person's situation. */
    kindsWhich: "哪个划算：不是自己挑的，要看符不符合长期的条件。退休后到外地定居、在外地长期居住、单位派驻外地工作的，可以办长期备案；只是临时去外地看病的，办临时备案。想知道自己属于哪一类，点“我属于哪种异地就医”。",
    /** 多久能到账: no national time limit in the data; where to ask instead. */
    payout: "手工报销的钱多久到账、打到哪个账户，由参保地医保经办机构定，我们没有全国统一的时限数据；交材料时可以当面问清楚，也可以打参保地医保服务电话问。",
    /** 能同时备案两个地方吗: what the data says of registering, and that it says nothing of two at once. */
    twoPlaces: "能不能同时备案两个地方，我们没有找到明确的规定；要换地方，可以先取消或变更原来的备案。具体问参保地医保经办机构。",
    /** 备案选错城市了: change or cancel, and where. */
    wrongPlace: "选错了地方，就申请变更，或取消后重新备案，找参保地医保经办机构（窗口或电话）办理。",
    /** A city's own 起付线 / 比例 / 封顶线, asked directly (src/conversation/local-figures.ts). */
    figures: {
      head: (who: string, setting: string) => `${who}${setting}：`,
      deductible: (text: string) => `· 起付线：${text}`,
      deductibleLevels: (levels: string, amount: string, later?: string) => `${levels}${amount} 元${later ? `（本年第二次起 ${later} 元）` : ""}`,
      perYear: "（一年算一次）",
      ratio: (text: string) => `· 报销比例：${text}`,
      band: (range: string, rates: string) => `${range} ${rates}`,
      cap: (amount: string, monthly: boolean) => `· ${monthly ? "每月" : "年度"}封顶：${amount}`,
      retiredAdjust: "· 退休人员在此基础上另有调整，估算时会算进去。",
      partMissing: (what: string) => `· ${what}：没有核实过的数据。`,
      noData: (region: string, scheme: string) => `${region}${scheme}的起付线、报销比例和封顶线，我们没有核实过的数据，请以${region}医保部门的规定为准。`,
      otherScheme: (scheme: string) => `（这是${scheme}的；您是另一种医保就告诉我。）`,
      /** 长沙 has no figures of its own: its province's unified ones (湖南), as the estimate uses them. */
      provinceTable: (city: string, province: string) => `（${city}没有自己的数字，执行${province}全省统一的标准，下面是${province}的。）`,
      askStatus: "（按在职的说；退休的不一样，说“那退休呢”。）",
    },
    figureNames: { deductible: "起付线", ratio: "报销比例", cap: "封顶线" } as const,
    /** Said only when the answer depends on the city and it is not known yet. */
    whyCity: {
      channels: "各地还有自己的 APP 或公众号，告诉我您在哪里参保，我按当地的说。",
      materials: "各地材料略有不同，告诉我您在哪里参保，我按当地的说。",
      deadline: "各地期限不同，告诉我您在哪里参保，我按当地的说。",
      claim: "各地材料和期限略有不同，告诉我您在哪里参保，我按当地的说。",
      payout: "告诉我您在哪里参保，我看看有没有当地的说法。",
      figures: "起付线、报销比例和封顶线各地不同，告诉我您在哪里参保、职工还是居民医保，我按当地的说。",
    },
  },

  /** Changes to earlier answers, said in one line. */
  change: {
    changed: (what: string) => `已改为：${what}。`,
    keptTotal: (total: string) => `金额沿用刚才的 ${total} 元，不对就说“金额是…”。`,
    same: (what: string) => `${what}和刚才的一样，结果不变。`,
    confirm: (before: string, now: string) => `您之前说的是「${before}」，这次说的是「${now}」。按哪个算？`,
    yes: (now: string) => `改成${now}`,
    no: (before: string) => `还按${before}`,
    kept: (before: string) => `好的，还按${before}算。`,
    retiredResident: (before: string, now: string) =>
      `退休待遇只有职工医保才分（居民医保不分在职、退休），刚才是按${before}算的。要改成${now.replaceAll("，", "、")}重新算吗？`,
    unused: (what: string) => `已记下${what}；这一项现在用不到，算能报多少时会用上。`,
    fresh: "这是一个新问题，刚才的回答不再沿用。",
    carried: (what: string) => `${what}沿用刚才的（不对就直接说新的）。`,
    nothing: "现在还没有可以改的答案。想算能报多少，可以一句话说全，例如：我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少",
    what: "想改哪一项？直接说新的就行，例如“改成二级医院”“金额是5万”“其实已经退休了”。",
    /** 我妈 (or 我爸也是) with no new facts: who the case is about; what was said stays. */
    samePerson: "好的，前面说的情况都记着，按这位家人的来算。",
    samePersonResult: (fund: string, you: string) => `好的，情况一样的话，结果也一样：医保大约付 ${fund} 元，自己大约付 ${you} 元。哪一项不一样，直接说就行。`,
  },

  /** Questions about the answer or the assistant (src/language/about-answer.ts): one honest line each. */
  aboutAnswer: {
    accuracy: "这是按公开的医保政策算的估计，不是医院的结算结果：实际报多少还要看乙类、自费的部分和医院怎么结算，以出院结算单为准。每条依据都在回答下面列了来源，可以核对。",
    /** `version`: the policy the estimate on screen used ("2023 年"), when there is one. */
    dataYear: (version?: string) =>
      version
        ? `刚才是按参保地 ${version}的政策算的；每条依据的来源列在回答下面。政策调整过的话，以参保地医保部门的说法为准。`
        : "用的是各地公开的医保政策，估算时会写明按哪一年的政策算，来源列在回答下面。政策调整过的话，以参保地医保部门的说法为准。",
    official: "不是官方的。我是按公开的医保政策回答问题的自动助手，每个回答下面都列了来源；办事以参保地医保部门为准。",
    share: "可以，直接截图发过去就行。想按他（她）的情况重新算，直接说哪一项不一样。",
    robot: "是的，我是自动回答的异地就医助手，不是人工客服；说到的规定和数字都标了来源。",
  },

  /** 备案了 after an answer: the registration taken as done (src/conversation/view.ts). */
  registered: {
    /** The estimate was already worked out for someone registered; `kind` when its kind was only assumed. */
    estimate: (kind?: string) => `好的，已备案。刚才就是按已备案算的，结果不变${kind ? `；备案种类按「${kind}」算，不是的话直接说，如“长期备案”` : ""}。`,
    /** After the category answer: what being registered means at the hospital. */
    eligibility: (where: string) => `好的，已备案。在${where}的联网定点医院看病，出院或交费时可以直接结算，带上社保卡或医保电子凭证就行。`,
  },

  /** Not registered and still in hospital: what to do now (src/conversation/still-in.ts). */
  stillIn: {
    lead: (source: string) => `还没出院就来得及：现在补办备案，出院时就能直接结算，不用先全额垫付；补办时备案开始时间填入院那天或更早（来源：${source}）。`,
    figure: (fund: string, you: string) => `补办后按临时外出算：医保约付 ${fund} 元，您自己约付 ${you} 元。`,
  },

  /** "没看懂": the last answer in simpler words, and a different way when that did not help either. */
  rephrase: {
    simpler: (text: string) => `简单说：${text}`,
    estimate: (fund: string, you: string) => `简单说：这次医保大约付 ${fund} 元，您自己大约付 ${you} 元。想知道哪一步怎么算的，可以直接问。`,
    again:
      "可能是我说得太复杂了。换个方式：点下面的一项，或者照这个样子问一句——“我在苏州交的职工医保，在上海住院花了3万，能报多少”。",
    againInFlow: "可能是我说得太复杂了。这一步只需要一个简单的回答；不想答了，回复“取消”回到主菜单。",
    menu: "我能帮您弄清楚异地看病怎么备案、能报多少、怎么报销。直接说您的情况就行，例如“我妈退休了在深圳住，医保在哈尔滨，怎么备案”。",
  },

  /** Figures that could each be the bill: which one is the total? */
  /** Says before the pick that the other figures will not be used: no figure is dropped without a word. */
  whichAmount: (said: string) => `您提到了 ${said}，哪个是这次看病的总费用？点一个，或者直接说总费用多少。没选的金额不计入；若它是乙类或自费的钱，请连总费用一起说，如“总共3万 乙类5千”。`,
  amountChoice: (yuan: string) => `总费用 ${yuan} 元`,
  /** A figure said to come on top of another (花了3万5 另外还有5000的药): inside the bill, or on top of it? */
  whichAmountAdded: (base: string, added: string, sum: string) =>
    `您说了 ${base}，另外还有 ${added}。这次看病的总费用按哪个算？两笔都是这次看病花的，就按加起来的 ${sum}；${added}已经算在 ${base}里面，就只算 ${base}。`,
  /** 总费用5万 乙类6万: a part cannot be more than the bill it is part of. */
  whichAmountOver: (total: string, parts: string) =>
    `您说的乙类或自费（${parts}）比总费用（${total}）还多，可它们是总费用里的一部分，不会更多。这次看病的总费用是多少？点一个，或者连同乙类、自费重新说一遍，如“总共6万 乙类5万”。`,
  amountSumChoice: (yuan: string) => `加起来 ${yuan} 元`,
  amountBaseChoice: (yuan: string) => `只算 ${yuan} 元`,
  /** A fact said and denied in one message: nothing is computed until the person picks. */
  saidBoth: (affirmed: string, denied: string) => `您说了「${affirmed}」，又说了「${denied}」，按哪个算？`,
  saidBothRegistered: "已备案",

  /** Not sure what was asked: the likeliest readings. */
  unsure: "您是想问：",
  intentLabels: {
    estimate: "能报多少",
    registration_howto: "备案怎么办",
    registration_materials: "备案要什么材料",
    manual_claim: "手工报销材料",
    eligibility: "我属于哪种异地就医",
    validity: "备案有效期",
    emergency: "急诊怎么办",
    makeup_registration: "补办备案",
    outpatient: "门诊能不能报",
    chronic_disease: "门诊慢特病",
    find_hospital: "哪些医院能直接结算",
    review_time: "备案审核要多久",
    check_result: "怎么查备案结果",
    deposit: "押金",
    maternity: "生孩子怎么报",
    ratio_change: "报销比例会不会降",
    serious_illness: "大病保险",
    who_can_register: "哪些人能备案",
    registration_channels: "在哪里办备案",
    at_hospital: "到医院带什么",
    hotline: "医保电话",
    cancel_change: "取消或变更备案",
    need_register: "要不要备案",
    claim_deadline: "报销期限",
    makeup_after_discharge: "出院后补备案",
    definition: "名词是什么意思",
  } as Record<string, string>,

  claim: {
    intro: (region: string, setting: string) => `${region}参保、${setting}的手工报销，要准备：`,
    referral: "如果是转诊，还要转诊证明。",
    idAndBank: "身份证或社保卡，以及本人银行账户信息。",
    bank: "本人银行账户信息。",
    where: (text: string) => `在哪里交：${text}`,
    whereFallback: (region: string) => `在哪里交：${region}医保经办机构（具体窗口以参保地规定为准）。`,
    deadline: (text: string) => `期限：${text}`,
    deadlineFallback: "期限：各地不同，以参保地规定为准，建议出院后尽快办理。",
    deadlineOutpatient: "期限：门诊费用的报销期限各地不同，以参保地规定为准，建议就诊后尽快办理。",
    keep: "原件交上去之前，每一样都拍照或复印留底；付款记录也留好。",
    unregistered: "没有备案的，先按参保地规定补办备案，再申请报销。",
    maternity: "生育费用不要按普通住院刷卡结算，先自己付，之后申领生育待遇。",
    source: (title: string) => `来源：${title}`,
    whose: (scheme: string) => `（这是${scheme}的规定）`,
  },

  /** Side answers for care in another city of the insured province (沈阳→大连): not the cross-province rules. */
  inProvince: {
    lead: (a: string, b: string, province: string) => `${a}和${b}都在${province}，属于省内异地就医（不是跨省）。`,
    /** `free`: the data already said no registration is needed, so only the recognition is left to say. */
    chronic: (a: string, free: boolean) =>
      `门诊慢特病的待遇按参保地${a}的标准，要先在${a}做资格认定${free ? "。" : `；省内异地能不能直接结算、要不要备案，按${a}的规定，可以向${a}医保经办机构问清。`}`,
    noRegistration: (a: string, b: string, setting: string) => `按${a}的规定，到${b}看${setting}不用办异地就医备案。`,
  },
  aside: {
    noData: "这个问题各地规定不同，以参保地规定为准。",
    /** 备案有效期 by the insured place's own rule, one line per kind of registration. */
    validityPlace: (insured: string) => `按${insured}的规定，备案有效期：`,
    validityKind: (kind: string, rule: string) => `· ${kind}：${rule.replace(/[。；]$/u, "")}。`,
    /** Childbirth where the insured place's data settles it directly / where it does not (成都: 成德眉资). */
    maternityDirect: (insured: string, treatment: string) =>
      `${insured}参保人在${treatment}生孩子，分娩住院属于${insured}的异地生育直接结算范围：不用备案，可以在医院直接结算，按生育保险的规定报销。`,
    maternityPayFirst: (insured: string, treatment: string, places: string) =>
      `${insured}参保人在${treatment}生孩子，不在${insured}的异地生育直接结算范围（${places}）内：要先全额垫付，再回参保地医保经办机构手工报销；不要按普通住院刷医保卡结算，否则会影响生育津贴。`,
    source: (title: string) => `（来源：${title}）`,
  },
  /** "为什么是70%": the ratio of the person's estimate, the rule that gave it, its source and age. */
  whyRatio: {
    rule: (rate: string, rule: string) => `刚才的估算里，统筹基金按 ${rate}% 支付，算法是：${rule}。`,
    bands: (rule: string) => `刚才的估算里，统筹基金按费用分段、各段比例不同支付：${rule}。`,
    cut: (what: string, rule: string) => `其中「${what}」：${rule}。`,
    /** `agedMonths`: the age limit the source may be past (national.yaml's defaults), or null when it is not. */
    source: (title: string, published: string, confidence: "high" | "medium" | "low", agedMonths: number | null) =>
      `依据：《${title}》，${published}，可信度${{ high: "高", medium: "中", low: "低" }[confidence]}${agedMonths !== null ? `；这份资料可能已超过 ${agedMonths} 个月或看不出日期，比例可能已调整，请向参保地医保部门核实` : ""}。`,
    typical: (region: string) => `${region}这部分没有我们核实过的数据，这个比例取自典型模板（各地中位数），不是${region}的政策。`,
    share: "基金实际付的钱占总费用的比例会更低：起付线、目录外和乙类先自付的部分不按这个比例报。",
    noEstimate: "想知道您自己的比例从哪来：告诉我参保地、就医地、医院级别和花费，我先算一遍，再说明。",
    /** 比例会不会降, answered by the insured place's own rules (what follows: one line a kind of trip). */
    placeRules: (region: string, jurisdiction: string) => `${region}医保${jurisdiction}时，报销比例按${region}的规定：`,
    placeRulesScheme: (region: string, scheme: string, jurisdiction: string) => `${region}${scheme}${jurisdiction}时，报销比例按${region}的规定（其他险种可能不同）：`,
    kindRule: (kind: string, rule: string) => `${kind}：${rule}`,
    treatmentUnknown: "上面按跨省就医说；省内跨市可能不同，告诉我在哪里看病，我按那里说。",
  },
  sourcePrefix: "来源：",
  dataUnavailable: "政策数据暂时无法读取，没法估算，请稍后再试。",

  terminal: {
    welcomeBack: "欢迎回来！接着上次的对话（回复“重新开始”可以从头来）：",
    forgotten: "已删除本机保存的对话记录。",
    bye: "再见，祝您早日康复！",
    usage: "用法：yidi chat [--script FILE|-] [--json] [--date YYYY-MM-DD]\n  不带参数：在终端里聊天（/exit 退出，/forget 删除保存的对话）\n  --script：每行一条消息，从新对话开始，不影响终端里保存的对话\n  --json：每条消息输出一行 JSON\n  --date：按这一天估算（默认今天）\n",
    badArg: (a: string) => `不认识的参数「${a}」。运行 yidi chat --help 查看用法。\n`,
    badDate: "日期应为 YYYY-MM-DD。\n",
    noScript: (f: string) => `无法读取脚本文件「${f}」。\n`,
    scriptNotAFile: (f: string) => `脚本「${f}」不是普通文件（设备、管道或目录）。要从管道读入，请写 --script - 并通过标准输入传入。\n`,
    scriptTooLarge: (f: string, limit: string) => `脚本文件「${f}」太大（超过 ${limit}）。\n`,
  },
};
