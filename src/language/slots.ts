/**
 * The small slots, read from cue words: setting, hospital level, scheme, working or retired,
 * and the kind of visitor. Each rule is a cue list; the order inside a slot is the priority
 * (门诊慢特病 is chronic before it is outpatient; 突发 on holiday is an emergency first).
 */
import type { Slots } from "./types.ts";

/** A cue list and its value; the third, where given, is a character one of its words needs (a cheap test first). */
type Rule<T> = [RegExp, T, RegExp?];

/** A stay counted in days or weeks (not months or years, which is where someone lives). */
const STAY_DAYS = "(?:[一二两三四五六七八九十\\d]+|十来|十几|好几|几)(?:多)?(?:个)?(?:多)?(?:天|日|礼拜|星期|周)|半个月|大半个月";

const SETTING: Rule<NonNullable<Slots["setting"]>>[] = [
  // 透析 (做透析, 血透) is done as a 门诊慢特病 (one of the ten settled across provinces), unless said in hospital.
  [/门慢|门特|慢特病|特殊门诊|特门|门诊特病|门诊两病|门诊慢|门诊特殊|特殊病|特殊疾病|门诊放化疗|门诊化疗|门诊放疗|门诊透析|慢性病门诊|慢病门诊|特殊病门诊|特病门诊|(?<!住院[^，,。\s]{0,4})(透析|血透|腹透)(?![^，,。\s]{0,4}住院)/u, "chronic_outpatient"],
  [/(?<!没|不|未|没有|算)住院|住了.{0,5}院|住的院|住过院|住院费|(医院|院里)住了|住进(了)?.{0,4}医院/u, "inpatient"],
  // 住了3天, 住了一个礼拜, 住了半个月 (no 院): a stay counted in days or weeks is in hospital; at
  // someone's home, a hotel or on a trip it is not (在女儿家住了一个礼拜, 旅游住了三天).
  [new RegExp(`(?<!(?:家|这儿|那儿|这边|那边|这里|那里|酒店|宾馆|民宿|旅馆|玩|旅游|出差)(?:里|中|上|面)?(?:又|就|也|都|一共|总共|才|已经|已|大概|差不多)?)住了(?:大概|大约|差不多|快|将近|近|有|整整|足足)?(?:${STAY_DAYS})`, "u"), "inpatient"],
  [/门诊|看门诊/u, "outpatient"],
];

const LEVEL: Rule<1 | 2 | 3>[] = [
  [/三甲|三乙|三级|3级|3甲/u, 3],
  [/二甲|二乙|二级|2级|2甲/u, 2],
  [/一级医院|(?<!上)一级|1级|社区医院|社区卫生|社区门诊|卫生院|卫生室|卫生服务中心/u, 1],
];

/** Who pays a person's 职工医保: the employer, however it is called. */
const EMPLOYER = "(?:单位|公司|厂里|厂子|工厂|企业|老板|东家)";

const SCHEME: Rule<NonNullable<Slots["scheme"]>>[] = [
  // Students are insured as residents (儿童学生 in the 城乡居民 tables): 学生医保, 学校交的.
  [/城乡居民|居民医保|居民|新农合|农合|农村医保|合作医疗|农村合作|学生医保|学生的医保|大学生医保|学生保险|学校(给|帮)?(交|缴|买|办|统一交|统一办)(的|了)/u, "resident"],
  // 五险一金: the five insurances an employer pays, 职工医保 among them.
  [/职工|单位(给)?(交|缴|买)|公司(给)?(交|缴|买)|单位的医保|五险一金|五险/u, "employee"],
  // An employer paying is 职工医保 however it is said: 医保是公司在□□交的, 厂里给交的, 老板帮我买的,
  // 每个月扣我工资交的, 工资里代扣; and 单位在□□ 医保也在□□ (the insurance where the employer is).
  // Not an employer that did not pay (单位没给交, 公司不给交社保: no 没/不 between).
  [new RegExp(String.raw`(?<!不是|没有|没|不)${EMPLOYER}(?:[^，,。\s没不未]{0,6}?(?:给|帮)(?:我|他|她|我们|员工|咱们?)?(?:交|缴|买|扣|上)|(?:在□+)?(?:交|缴|买|扣)(?:的|了|着))|扣(?:我|他|她)?(?:的)?工资|工资(?:里|里面|中|上)?(?:扣|代扣|直接扣)|从工资|(?:单位|公司|厂里|工厂)(?:也|就)?在□+[\s，,]*(?:医保|社保)(?:也|都)(?:在|是|交在)|(?:医保|社保)(?:和|跟|与)(?:单位|公司)(?:都|也)在`, "u"), "employee", /[单公厂企老东资]/u],
];

/** Words that put a scheme in the past (以前是居民) or make it the present one (现在交职工, 后来转成). */
const SCHEME_PAST = /(以前|之前|原来|原先|过去|早先|本来|去年|前几年|当时)[^\s,，。;；]{0,6}$/u;
const SCHEME_NOW = /(现在|目前|如今|今年|后来|转成|转为|转到|改成|改为|改交|换成|变成|开始)[^\s,，。;；]{0,6}$/u;

/**
 * 以前是居民 现在交职工: both schemes named, one of them in the past. The current one is the
 * person's; with nothing to tell them apart the first rule stands (as before).
 */
function schemeOf(text: string): Slots["scheme"] {
  const found: { at: number; value: NonNullable<Slots["scheme"]> }[] = [];
  for (const [pattern, value, needs] of SCHEME) {
    if (needs && !needs.test(text)) continue;
    const m = pattern.exec(text);
    if (!m) continue;
    // One place per scheme, its earliest (two rules say 职工).
    const same = found.find((f) => f.value === value);
    if (!same) found.push({ at: m.index, value });
    else same.at = Math.min(same.at, m.index);
  }
  if (found.length < 2) return found[0]?.value;
  const [a, b] = found.sort((x, y) => x.at - y.at) as [(typeof found)[0], (typeof found)[0]];
  const past = (f: (typeof found)[0]) => SCHEME_PAST.test(text.slice(Math.max(0, f.at - 10), f.at));
  const now = (f: (typeof found)[0]) => SCHEME_NOW.test(text.slice(Math.max(0, f.at - 10), f.at));
  if (past(a) && !past(b)) return b.value;
  if (past(b) && !past(a)) return a.value;
  if (now(b) && !now(a)) return b.value;
  if (now(a) && !now(b)) return a.value;
  return first(SCHEME, text);
}

const STATUS: Rule<NonNullable<Slots["personStatus"]>>[] = [
  [/没退休|未退休|还没退|不是退休/u, "working"],
  // 领退休金的, 拿退休工资, 领着养老金: a pension paid now.
  [/(?:领|拿|有|吃|发)(?:着|的)?(?:退休金|退休工资|退休费|养老金)|(?<!能|才能|可以|什么时候)退休(?!年龄|金|工资|手续)|退了休|已经退了|退下来|(?<!(?:押金|钱|费|款)[^\s，,。]{0,4})(去年|前年|今年|早就|早|已经|都|上个?月|年初|年底|\d+年|现在|目前|如今|刚刚?|也)(就|已经|都)?退(了|的|啦)(?![钱费款])/u, "retired"],
  // Not 12393几点上班 (office hours).
  [/在职|公务员|事业单位|事业编|在编|(?<!几点|什么时候|啥时候|几点钟)上班|打工|农民工|干活|在.{0,6}工作(?!日|人员|时间)|务工|还在干|上着班/u, "working"],
  // A job with an employer, said of the person now (我是大学老师, 他是公交司机, 我在银行当柜员,
  // 中学老师): working. Not 以前是老师 (the past), nor 医生说 (someone else speaking).
  [/(?:我|他|她|俺|公|婆|人|夫|妻|爸|妈|子|儿|女)(?!以前|之前|原来|过去|曾经|年轻)(?:也|自己|本人|现在|目前)?(?:在[^\s，,。]{1,6})?(?<!不)(?:是|当|做|干)(?:一?名|一个|个)?[^\s，,。是]{0,4}?(?:老师|教师|教授|护士|医生|大夫|工人|职员|员工|干部|会计|工程师|司机|柜员|文员|保安|厨师|警察|程序员)|(?:大学|中学|小学|高中|初中|幼儿园)(?:的)?(?:老师|教师)/u, "working", /[师士生夫工员部计机卫警厨]/u],
];

/** 灵活就业 (not 不是灵活就业): flexible employment, a way of joining 职工医保 as an individual. */
const FLEXIBLE_WORK = /(?<!不是|并非|没有?)(灵活就业|自由职业|个体户|个体工商户)(?!.{0,2}吗)/u;

/**
 * 押金已经退了, 已经退了押金, 医院退了两千: 退 of money (退钱, 退费, 退押金) is no retirement. The
 * clause holding the 退 names money, or a sum follows it (not 退了两年, which is how long ago).
 */
const MONEY_CLAUSE = /押金|预交|预缴|钱|费|款|多交|多收|退回|退还|返还/u;
const SUM_AFTER = /^(了|的|啦)?\s?[\d.一二两三四五六七八九十百千万几多]+(?!\s?(年|个月|个多月|多年|天|岁|周|礼拜|星期))/u;
const CLAUSE_BREAK = /[\s，,。;；!！?？]/u;

function isRefund(text: string, at: number, end: number): boolean {
  let from = at;
  while (from > 0 && !CLAUSE_BREAK.test(text[from - 1] as string)) from--;
  let to = end;
  while (to < text.length && !CLAUSE_BREAK.test(text[to] as string)) to++;
  return MONEY_CLAUSE.test(text.slice(from, to)) || SUM_AFTER.test(text.slice(end));
}

/** The rules, each retirement cue global so that a refund's 退 is passed over for the next one. */
const STATUS_ALL = STATUS.map(([pattern, value, needs]) => [value === "retired" ? new RegExp(pattern.source, "gu") : pattern, value, needs] as const);

function statusOf(text: string): Slots["personStatus"] {
  for (const [pattern, value, needs] of STATUS_ALL) {
    if (needs && !needs.test(text)) continue;
    if (value !== "retired") {
      if (pattern.test(text)) return value;
      continue;
    }
    const all = pattern;
    all.lastIndex = 0;
    for (let m = all.exec(text); m !== null; m = all.exec(text)) {
      if (!/退了|退的|退啦/u.test(m[0]) || !isRefund(text, m.index, m.index + m[0].length)) return value;
    }
  }
  return undefined;
}

/**
 * Work in the past (他以前在厂里上班, 退休前在单位干): says nothing of working now — it fits a
 * retiree — but an employer then means 职工医保.
 */
const PAST_WORK = /(以前|之前|原来|原先|过去|早年|曾经|当年|年轻时|年轻的时候|那会儿?|退休前|退之前)(是|也|一直)?(在)?.{0,6}(上班|工作|干活|打工|上的班|干的)/u;

/** Retired and living with family or settled there (退休后到外地定居, the category's own words): 异地安置退休. */
const RETIRED_WITH_FAMILY = /跟我|跟着?(子女|儿子|女儿|孩子|我弟|我哥|我姐|我妹)|(儿子|女儿|子女|孩子)(家|这边|那边|那里|这里)|带孙|养老|异地安置|随子女|随(儿子|女儿|孩子)|跟随|投奔|户口迁|(户口|户籍)(已经|也|都)?(迁|落|转)(到|过来|过去|来|在)|落户|定居/u;

/** 户口没迁, 户口还在老家没迁过来, 没落户: the household registration stayed behind. */
/** (户口没有转过来 reaches this as 户口□□□□□: the negation reader blanks a denied 转 as a referral.) */
/** (Only a □ right after 户口: a place name is masked with □ too, and 户口迁过来了 在□□住院 moved.) */
const HUKOU_NOT_MOVED = /(户口|户籍)[^，,。]{0,6}(没|没有|未|不)(迁|转|落|办)|(户口|户籍)(还|也|都|仍然?)?□|(户口|户籍)(还|也|都|仍然?)(在|是)(老家|原籍|家乡|□)|没(迁|落)户/u;

/** Up to a few words, then a stay of days, weeks or under a year (三个月, 半年, 十一个月; not 十二个月, 两年). */
const SHORT_POSTING = String.raw`[^，,。]{0,10}?(?<![十\d])(?:[一两二三四五六七八九几半]|十一?|1[01]|[1-9])(?:个)?多?(?:月|天|周|星期|礼拜)|[^，,。]{0,10}?半年`;

const VISITOR: Rule<NonNullable<Slots["visitorType"]>>[] = [
  [/(?<!不|没|没有|未|需要|要不要|要)(转诊|转院|转到|转过去|转去)(?!吗)|(医院|医生|大夫)(给|帮我?|帮忙|让|叫|要求|建议)?(开)?转(的|了|过去|过来|院)/u, "referral"],
  [/(?<!不是|不算|非|是不是|算不算)急诊(?!吗)|抢救|急救|突发|突然|急病|急性|(?<!\d)120(?!\d)|车祸|晕倒|骨折|摔伤|摔了|受伤|心梗|脑溢血|中风|意外/u, "emergency"],
  [/异地安置/u, "retiree_relocated"],
  // 单位派我去北京出差两个月: a trip the employer sends one on is 临时外出, not a posting (常驻, 派驻).
  // 派到上海三个月, 外派半年: a posting of months, not years, is no 常驻 (武汉: 派驻一年以上) — a trip.
  [new RegExp(`(单位派|公司派|外派|被派|派我|派他|派她)(?![^，,。]{0,10}出差)(?!${SHORT_POSTING})|常驻|派驻(?!${SHORT_POSTING})|驻外|支援`, "u"), "stationed_worker"],
  [/长期(异地)?居住|异地长期居住|长期住|长住|长期在|常住|定居|一直住在|居住证(?!明)|住了(快|近|将近|差不多|有)?(一|两|二|三|四|五|六|七|八|九|十|好几|\d+)多?年/u, "long_term_resident"],
  [new RegExp(String.raw`旅游|旅行|度假|探亲|走亲戚|出去玩|(去|来|到)[^\s,，。]{1,6}玩(?!具)|国庆|五一假期|春节|过年|临时(外出|去|出去|过去|回|来|探|就医|看病|出门)|出差|(派|外派|派驻)(?=${SHORT_POSTING})`, "u"), "temporary_other"],
];

/** Referral and emergency decide; among the other kinds the one named first is the person's own. */
/** 医保原来在盐城 现在转到苏州了: the insurance moved, nobody was referred. */
const INSURANCE_MOVED = /(医保|社保|参保|户口|关系|保险)((?!医生|医院|大夫)[^。!！?？]){0,12}(现在|后来|今年|去年)(已经)?(转到|转回|转入|迁到|转过去|转去)$|(医保|社保|参保关系)(也|都|已经)?(转到|转回|转入|迁到)$/u;

function visitorOf(text: string): Slots["visitorType"] {
  let best: { at: number; value: NonNullable<Slots["visitorType"]> } | undefined;
  for (const [pattern, value] of VISITOR) {
    const m = pattern.exec(text);
    if (!m) continue;
    if (value === "referral" && INSURANCE_MOVED.test(text.slice(Math.max(0, m.index - 16), m.index + m[0].length))) continue;
    if (value === "referral" || value === "emergency") return value;
    if (!best || m.index < best.at) best = { at: m.index, value };
  }
  return best?.value;
}

function first<T>(rules: Rule<T>[], text: string): T | undefined {
  for (const [pattern, value] of rules) if (pattern.test(text)) return value;
  return undefined;
}

/**
 * Care that is a 门诊慢特病 when no stay is said: chemotherapy or radiotherapy (恶性肿瘤门诊放化疗),
 * and medicine for 高血压 / 糖尿病 and the other diseases settled across provinces (高血压在外地开药,
 * 每个月拿糖尿病的药) — not in hospital (住院化疗 is a stay).
 */
const CHRONIC_CARE = /化疗|放疗|靶向(?:治疗|药)|(?:高血压|糖尿病|降压|降糖|慢阻肺|冠心病|类风湿|乙肝|肝炎|强直性)[^，,。]{0,8}(?:开药|拿药|配药|取药|买药|开点药|拿点药)|(?:开|拿|配|取|买)[^，,。]{0,4}(?:降压|降糖|高血压|糖尿病)(?:的)?药/u;

export function readSlots(text: string): Slots {
  const slots: Slots = {};
  let setting = first(SETTING, text);
  // (Every form holds 疗, 靶 or 药: most messages are let through without the pattern.)
  if ((setting === undefined || setting === "outpatient") && (text.includes("疗") || text.includes("药") || text.includes("靶")) && CHRONIC_CARE.test(text)) setting = "chronic_outpatient";
  if (setting) slots.setting = setting;
  const level = first(LEVEL, text);
  if (level) slots.hospitalLevel = level;
  const scheme = schemeOf(text);
  if (scheme) slots.scheme = scheme;
  // 灵活就业 names no scheme (most join 职工医保, some 居民医保): the flows assume, and say so.
  else if (FLEXIBLE_WORK.test(text)) slots.flexibleWork = true;
  const pastWork = PAST_WORK.exec(text);
  // Read with the past work blanked, so it neither says 在职 nor hides another status word.
  const verbAt = pastWork ? pastWork.index + pastWork[0].length - (pastWork[4] as string).length : 0;
  const status = statusOf(pastWork ? text.slice(0, verbAt) + "□" + text.slice(verbAt + (pastWork[4] as string).length) : text);
  if (status) slots.personStatus = status;
  if (pastWork && !slots.scheme && /厂|单位|公司|企业|国企|机关|事业/u.test(pastWork[0])) slots.scheme = "employee";
  let visitor = visitorOf(text);
  if (status === "retired" && RETIRED_WITH_FAMILY.test(text) && visitor !== "referral" && visitor !== "emergency") {
    // 安置 needs the 户口 moved there; with it left behind the retiree is a long-term resident.
    visitor = HUKOU_NOT_MOVED.test(text) ? "long_term_resident" : "retiree_relocated";
  }
  if (visitor) slots.visitorType = visitor;
  return slots;
}

/** A bare answer to a question about hospital level: "2", "3", "三". */
export function bareLevel(text: string): 1 | 2 | 3 | undefined {
  const t = text.replace(/[\s。.!！的]/gu, "");
  const m = /^([123一二三])(级|甲)?(医院)?$/u.exec(t);
  if (!m) return undefined;
  const c = m[1] as string;
  return ({ "1": 1, "一": 1, "2": 2, "二": 2, "3": 3, "三": 3 } as const)[c as "1"];
}
