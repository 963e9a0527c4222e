/**
 * Facts a person states about this year and this stay that the estimate needs besides the
 * parse's slots: how many stays this year came before this one (今年第二次住院, 已经住过一次院,
 * 又住院了), whether the year's figure is money the fund already paid (今年已经报了48万), a
 * registration already done (备案了长期的, 临时备案了), childbirth (顺产, 剖腹产), and living or
 * working at the place of treatment (在东莞打工). Pure, never throws.
 */

import { findPlaces } from "./places.ts";
import { registrationVoidEnd } from "./registration-state.ts";

const NUMERALS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 1–10 in digits or Chinese numerals ("三", "3"); undefined for anything else. */
export function smallNumber(s: string | undefined): number | undefined {
  if (!s) return undefined;
  if (/^\d{1,2}$/u.test(s)) return Number(s);
  return NUMERALS[s];
}

const NEGATED_BEFORE = /(没|没有|未|还没|不是|并没|并没有|不)\s*$/u;

/** Whether the words just before `index` deny what follows (没办长期备案, 不是第二次). */
function deniedAt(text: string, index: number): boolean {
  return NEGATED_BEFORE.test(text.slice(Math.max(0, index - 4), index));
}

const YEAR = "(今年|本年度?|年内|这一?年)";
const N = "([一两二三四五六七八九十]|\\d{1,2})";
const NTH_STAY = new RegExp(`${YEAR}[^，,。；;!！?？]{0,6}第${N}次(住院|住进|入院|住)`, "u");
const FIRST_STAY = new RegExp(`${YEAR}?[^，,。；;]{0,4}(第一次|头一次|首次|头回)(住院|住进|入院|住)`, "u");
const STAYED_BEFORE = new RegExp(`(已经|之前|前面|上半年|今年|早先)[^，,。；;]{0,6}住过${N}次(院)?`, "u");
const STAYED_ONCE = /(今年|已经)[^，,。；;]{0,4}住过院/u;
const AGAIN = /又(住院|住了院|住进|住了|要住院|得住院|入院)|再次(住院|入院)|二次(住院|入院)/u;
const NO_STAY = new RegExp(`${YEAR}[^，,。；;]{0,4}(没|没有)住过院`, "u");

/**
 * Stays in hospital this year before this one, when the person says (今年第二次住院 → 1,
 * 已经住过两次院 → 2, 又住院了 → 1, 这是今年第一次住院 → 0).
 */
export function earlierStaysOf(text: string): number | undefined {
  if (typeof text !== "string") return undefined;
  const nth = NTH_STAY.exec(text);
  if (nth && !deniedAt(text, nth.index + nth[0].indexOf("第"))) {
    const n = smallNumber(nth[2]);
    if (n !== undefined && n >= 1) return n - 1;
  }
  const before = STAYED_BEFORE.exec(text);
  if (before && !deniedAt(text, before.index + before[0].indexOf("住过"))) {
    const n = smallNumber(before[2]);
    if (n !== undefined) return n;
  }
  if (NO_STAY.test(text)) return 0;
  const first = FIRST_STAY.exec(text);
  if (first && !deniedAt(text, first.index + first[0].search(/第一次|头一次|首次|头回/u))) return 0;
  const once = STAYED_ONCE.exec(text);
  if (once && !deniedAt(text, once.index + once[0].indexOf("住过"))) return 1;
  const again = AGAIN.exec(text);
  if (again && !deniedAt(text, again.index)) return 1;
  return undefined;
}

/** 出院了, 出院两个月: the bill is a hospital stay's. */
const DISCHARGED = /出院/u;

/** The stay the person speaks of is a hospital stay (又住了, 住过一次院): the setting is inpatient. */
export function saysHospitalStay(text: string): boolean {
  return typeof text === "string" && (AGAIN.test(text) || NTH_STAY.test(text) || STAYED_BEFORE.test(text) || DISCHARGED.test(text));
}

/** 报了 / 报过 / 报销了 / 统筹付了: the year's figure is what the fund paid, not what was spent. */
const REIMBURSED = /(报销?(了|过)|报销|(统筹|基金|医保)[^，,。；;]{0,4}(付|支付|报|给)(了|过))/u;
const SPENT = /(花|用|看|自付|自己付|垫)(了|过|掉)/u;

/**
 * Whether the year-to-date figure the parser found is money the fund already paid this year
 * (今年已经报了48万, 今年医保报过3万): then it counts against the annual cap. Money spent
 * (今年花了10万) is not.
 */
export function yearFigureIsFundPaid(text: string): boolean {
  if (typeof text !== "string") return false;
  const clause = new RegExp(`(${YEAR}|已经|之前|累计)[^，,。；;]{0,10}`, "u");
  const m = clause.exec(text);
  if (!m) return false;
  const rest = text.slice(m.index, m.index + 16);
  const paid = REIMBURSED.exec(rest);
  if (!paid) return false;
  const spent = SPENT.exec(rest);
  return !spent || spent.index > paid.index;
}

export type StatedRegistration = "long_term" | "temporary_other";

const DONE = "(办|备|做|弄|搞|走|申请)(了|过|的是|的)";
const KIND = "(长期|临时)";
const STATED_REGISTRATION: RegExp[] = [
  // 办了长期的, 办的是临时外出备案, 备了长期
  new RegExp(`${DONE}\\s*(异地)?${KIND}`, "u"),
  // 备案了长期的, 备案是临时的
  new RegExp(`备案(了|过|是|办的是)\\s*(异地)?${KIND}`, "u"),
  // 长期备案了, 临时备案过, 她是长期备案的 (not "长期备案的材料")
  new RegExp(`${KIND}(的|外出)?(就医)?备案(了|过|的(?![\\u4e00-\\u9fff]))`, "u"),
  new RegExp(`(是|已经|已)(办理?了?)?${KIND}(的|外出)?(就医)?备案`, "u"),
  // 长期备案在昆明, 临时备案到月底: the registration with its place or its term.
  new RegExp(`${KIND}(的|外出)?(就医)?备案(在|到)(?!哪|什么|啥)`, "u"),
  // 长期备案 said on its own as a fact of the case (…花了2万 长期备案, 其他临时备案, 已备案 其他临时):
  // the clause holds nothing else.
  new RegExp(`(?:^|[\\s，,。；;])(?:异地|其他|其它)?${KIND}(?:外出)?(?:就医)?备案(?:的)?(?=$|[\\s，,。；;!！])|(?:^|[\\s，,。；;])(?:其他|其它)临时(?:外出)?(?:就医)?(?=$|[\\s，,。；;!！])`, "u"),
];
/** A clause that asks about a registration (长期备案怎么办, 长期备案和临时备案有啥区别) states none. */
const ASKS_ABOUT = /怎么|如何|哪|什么|啥|区别|材料|手续|流程|要不要|需要|需不需要|能不能办|可不可以办|在哪|还是|和|跟|与|或/u;

const BARE_REGISTRATION = STATED_REGISTRATION[STATED_REGISTRATION.length - 1] as RegExp;

/** The clause a span sits in, up to the punctuation (or the space) either side and the next one after it. */
function clauseAround(text: string, start: number, end: number): string {
  const after = text.slice(end).search(/[，,。；;!！]/u);
  return text.slice(start, after < 0 ? text.length : end + after + 1) + text.slice(Math.max(0, start - 6), start);
}

/**
 * A registration the person says is done (备案了长期的, 长期备案了, 办了长期的, 临时备案了):
 * its kind, long-term (which one is not said) or temporary (taken as 其他临时外出). A denial
 * (没办长期备案) or a question about it (长期备案怎么办) is none.
 */
export function statedRegistrationOf(text: string): StatedRegistration | undefined {
  if (typeof text !== "string") return undefined;
  // 之前办过长期备案 后来取消了, 临时备案过期了: said, and no longer in force.
  if (registrationVoidEnd(text) >= 0) return undefined;
  for (const re of STATED_REGISTRATION) {
    const m = re.exec(text);
    if (!m || deniedAt(text, m.index + (/^[\s，,。；;]/u.test(m[0]) ? 1 : 0))) continue;
    if (re === BARE_REGISTRATION && ASKS_ABOUT.test(clauseAround(text, m.index, m.index + m[0].length))) continue;
    const kind = /长期/u.test(m[0]) ? "long_term" : "temporary_other";
    return kind;
  }
  return undefined;
}

/** 长期 said as a clause of its own (哈尔滨职工退休 在海南 长期 住院): most likely a long-term registration, not said in so many words. */
const LONG_TERM_WORD = /(?:^|[\s，,。；;])长期(?:的)?(?=$|[\s，,。；;!！])/u;

/** The one word 长期 standing for the registration: taken as long-term, and said to be taken so. */
export function saysLongTermAlone(text: string): boolean {
  if (typeof text !== "string") return false;
  const m = LONG_TERM_WORD.exec(text);
  return !!m && !deniedAt(text, m.index + m[0].indexOf("长期"));
}

/** 今年起付线已经交过了, 起付线付过了, 起付线已经够了: this year's 起付线 is already paid (not 起付线还没交). */
const DEDUCTIBLE_MET = /起付(?:线|标准)?(?:今年|本年度?)?(?:已经|已|早就|都)?(?:交|付|扣|缴|达到|够|满|过)(?:过|了|完|够)(?!吗|没|不)/u;

export function saysDeductibleMet(text: string): boolean {
  if (typeof text !== "string") return false;
  const m = DEDUCTIBLE_MET.exec(text);
  return !!m && !/(没|没有|未|不)/u.test(m[0]) && !deniedAt(text, m.index);
}

/** A sudden illness (突然住院, 突发) is not yet an emergency as the hospital certifies it (急诊抢救). */
const SUDDEN = /突然|突发/u;
const CERTAIN_EMERGENCY = /(?<!不是|不算|非)(急诊|抢救|急救)|(?<!\d)120(?!\d)|车祸|晕倒|骨折|摔伤|摔了|受伤|心梗|脑溢血|中风|意外/u;

/** The emergency was read from 突然/突发 alone: an assumption, to be said as one. */
export function emergencyOnlyGuessed(text: string): boolean {
  return typeof text === "string" && SUDDEN.test(text) && !CERTAIN_EMERGENCY.test(text);
}

/** 已经补办了, 补办好了, 备案已经办好了, 补上了: the registration was made up since (not 能补办吗, 补办了还能报吗). */
const MADE_UP = /(补办|补上|补好|补完|补备案|办好|办完|办下来)(了|好了|完了)?(?![^，,。]{0,6}(吗|么|不|没|呢))|备案(已经|已|都)?(办|补|弄|搞)(好|完|上)了(?![^，,。]{0,6}(吗|么|不))/u;
const MADE_UP_ASKS = /能不能|可以|能补|怎么|咋|如何|要不要|还能/u;

export function saysMadeUp(text: string): boolean {
  if (typeof text !== "string") return false;
  const m = MADE_UP.exec(text);
  return !!m && !MADE_UP_ASKS.test(text.slice(Math.max(0, m.index - 4), m.index + m[0].length + 6)) && !deniedAt(text, m.index) && /补|办|备/u.test(m[0]) && /了/u.test(text.slice(m.index, m.index + m[0].length + 1));
}

/** 在工地上干活摔了, 上班时被砸伤, 工伤: hurt at work — for 工伤保险 first, not 医保 (not 不是工伤). */
const WORK_INJURY = /工伤|(工地|车间|厂里|工厂|上班|干活|工作|施工|搬货|送货)[^，,。；;]{0,8}(摔|伤|砸|烫|割|夹|碰|掉下|跌|压)/u;

export function saysWorkInjury(text: string): boolean {
  if (typeof text !== "string") return false;
  const m = WORK_INJURY.exec(text);
  return !!m && !/(不是|不算|没有?|并非)$/u.test(text.slice(Math.max(0, m.index - 3), m.index));
}

/** 我是职工 她是居民: two people, each with a scheme of their own. */
const PERSON_SCHEME = /(我|我们|他|她|老婆|老公|爱人|媳妇|妻子|丈夫|我妈|我爸|妈|爸|孩子|儿子|女儿)(的)?(是|交的是|参加的是|买的是|医保是)?(职工|居民|城乡居民|新农合)/gu;

/** Both schemes said, each for another person (我是职工 她是居民): the two, in the order said. */
export function twoPeopleSchemes(text: string): ["employee" | "resident", "employee" | "resident"] | undefined {
  if (typeof text !== "string") return undefined;
  const found: { who: string; scheme: "employee" | "resident" }[] = [];
  for (const m of text.matchAll(PERSON_SCHEME)) found.push({ who: m[1]!, scheme: m[4] === "职工" ? "employee" : "resident" });
  const a = found[0];
  const b = found.find((x) => x.who !== a?.who && x.scheme !== a?.scheme);
  return a && b ? [a.scheme, b.scheme] : undefined;
}

/** 如果/要是…, …呢: a case supposed. */
const SUPPOSES = /呢[?？。!！\s]*$|如果|要是|假如|假设|换成|改成/u;
/** 不对/其实/说错了/说反了: the same case put right. */
const PUTS_RIGHT = /不对|错了|其实|说错|搞错|记错|说反|弄反|反了|不是(住院|门诊)|是(住院|门诊)不是/u;

export function supposesCase(text: string): boolean {
  return typeof text === "string" && SUPPOSES.test(text);
}

export function putsRight(text: string): boolean {
  return typeof text === "string" && PUTS_RIGHT.test(text);
}

const CHILDBIRTH = /生孩子|生小孩|生宝宝|生娃|顺产|剖腹产|剖宫产|分娩|生产住院|生育/u;

/** Childbirth is the reason for the stay (生孩子, 顺产, 剖腹产, 分娩): settled through maternity insurance. */
export function saysChildbirth(text: string): boolean {
  if (typeof text !== "string") return false;
  const m = CHILDBIRTH.exec(text);
  return !!m && !deniedAt(text, m.index) && !/生育保险|生育险|生育津贴/u.test(m[0] + text.slice(m.index, m.index + 4));
}

const LIVES_THERE = /(在|到|来)([^\s，,。；;在到来]{1,6}?)(打工|上班|务工|工作|定居|常住|长住|租房)|(常年|一直|长期|长)(住)?在|定居在|(常年|一直|长期)住(这边|那边|那里|这里)/gu;
/** Where the work is (在厂里上班) names no place; 以前在…上班 is past. */
const NOT_A_PLACE = /厂|单位|公司|店|工地|医院|家|学校/u;
const PAST = /以前|之前|原来|过去|退休前|早年/u;
const ASKER_ONLY = /我(现在|目前|一直|平时|自己)?(在|到)[^，,。；;]{0,8}(打工|上班|工作)/u;

/** The places already known, by division code: where the person is insured and treated. */
export interface KnownPlaces { insured?: string; treatment?: string }

/** The division code of the place named in `span` (the first one), if any. */
function placeIn(span: string): string[] | undefined {
  const m = findPlaces(span)[0];
  return m ? m.candidates.map((c) => c.code) : undefined;
}

/**
 * The patient lives or works at the place of treatment (在东莞打工, 在深圳上班好几年了, 常年在
 * 上海, 来上海打工): a reason to think the registration is a long-term one rather than a short
 * trip. Work or a home at a named place counts only when that place is where the care is: 我在深圳
 * 上班 with 深圳 the insured place says where the employer insures them, nothing about a
 * registration. The asker's own job when the message is about someone else (我妈…我在北京上班)
 * does not count either.
 */
export function livesAtTreatmentPlace(text: string, aboutSomeoneElse: boolean, known: KnownPlaces = {}): boolean {
  if (typeof text !== "string") return false;
  LIVES_THERE.lastIndex = 0;
  for (let m = LIVES_THERE.exec(text); m !== null; m = LIVES_THERE.exec(text)) {
    if (deniedAt(text, m.index)) continue;
    if ((m[2] && NOT_A_PLACE.test(m[2])) || PAST.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    if (aboutSomeoneElse && ASKER_ONLY.test(text)) return false;
    // The place said with it: right inside (在深圳上班) or right after (常年在上海).
    const codes = placeIn(m[2] ?? text.slice(m.index + m[0].length, m.index + m[0].length + 8));
    if (codes === undefined) return true;
    if (known.treatment !== undefined && codes.some((c) => sameRegion(c, known.treatment as string))) return true;
  }
  return false;
}

/** A city and its province, or the same division: one place for this purpose. */
function sameRegion(a: string, b: string): boolean {
  if (a === b) return true;
  const province = (c: string) => c.endsWith("0000");
  return (province(a) || province(b)) && a.slice(0, 2) === b.slice(0, 2);
}

const NO_REFERRAL = /(没|没有|没走|没办|不是|未|不)(办理?)?(异地)?转诊|自己(去|过去|跑去|找去|来)的?|自己去看|直接(去|过去)(的|看)?/u;

/**
 * No referral: the person went on their own (没转诊 就是自己去的, 要是不转诊直接去呢). As an
 * answer to why they are there, or a change to a referral, it means 其他临时外出.
 */
export function saysNoReferral(text: string): boolean {
  return typeof text === "string" && NO_REFERRAL.test(text);
}

const NOT_EMERGENCY = /(不是|并不是|也不是|并非|不算|没有?)(什么)?(急诊|抢救|急救)/u;

/**
 * 不是急诊 said after an estimate worked out as an emergency: the emergency is taken back (the
 * kind of trip it was instead is for the flow to take as an assumption, or for the words after it).
 */
export function deniesEmergency(text: string): boolean {
  return typeof text === "string" && NOT_EMERGENCY.test(text);
}

const SHORT_KIND = /^(?:(?:不对|错了|搞错了|说错了|不是|哦|噢|嗯|其实)[,，。.!！\s]*)?(是|就是|办的|办的是|选|算)?(临时|长期)(的|外出|就医|备案|外出就医)*(吧|啊|呀|吗)?[。.!！]?$/u;

/** A short answer naming only the kind of registration (临时的, 长期的) to the pending question. */
export function registrationKindAnswer(text: string): StatedRegistration | undefined {
  const m = typeof text === "string" ? SHORT_KIND.exec(text.trim()) : null;
  if (!m) return undefined;
  return m[2] === "长期" ? "long_term" : "temporary_other";
}

/** 那材料呢, 要带啥: a materials question that names no registration (备案), so the context says whose. */
export function namesRegistration(text: string): boolean {
  return /备案|备个案|备了案/u.test(text);
}
