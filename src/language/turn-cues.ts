/**
 * Words that say how a message relates to the conversation so far, read only when the
 * conversation needs them (after an answer, while a question is pending): the same case for
 * another person (我爸也是), one part of the bill put right on its own (乙类没那么多 大概2千),
 * still in hospital (还在住院), what to do now (怎么办), a hospital that would not settle (让我先付了),
 * and a monthly spend (一个月500) that is not one bill.
 */
import { replacedName } from "./replaced-name.ts";

const SAME_CASE = /也是|也一样|也这样|一样的?情况|同样的?情况|情况(也)?一样|情况相同/u;
/** 我爸也是, 我妈情况一样: another person, the same facts. */
export function saysSameCase(text: string): boolean {
  return typeof text === "string" && SAME_CASE.test(text);
}

const PARTS: readonly [RegExp, "classB" | "outOfCatalog"][] = [
  [/乙类/u, "classB"],
  [/(?<!全|全部|都是|全是)自费(?!了)|目录外|丙类|医保外|不能报的|报不了的/u, "outOfCatalog"],
];
/** Words that name the whole bill: a figure with them is the total, not a part. */
const WHOLE_BILL = /总费用|总花费|总共|一共|合计|总计|共计|总额|全自费|全部自费|住院费|医药费|花了|花费|押金|预交|起付/u;
/**
 * 不是在北京住的 是天津, with 北京 and 天津 both read for one role: which of the names (as the
 * place list spells them, 北京市) the message says it is not, if exactly one.
 */
export function deniedNameAmong(text: string, names: readonly string[]): number | undefined {
  const denied = replacedName(text);
  if (!denied) return undefined;
  const hits = names.map((n, i) => (denied.startsWith(n.replace(/[市省]$/u, "")) ? i : -1)).filter((i) => i >= 0);
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * 乙类没那么多 大概2千, 自费的少点 一千左右: the message names one part of the bill and no word for
 * the whole, so its figure is that part.
 */
export function partNamedAlone(text: string): "classB" | "outOfCatalog" | undefined {
  if (typeof text !== "string" || WHOLE_BILL.test(text)) return undefined;
  const named = PARTS.filter(([re]) => re.test(text));
  return named.length === 1 ? named[0]![1] : undefined;
}

const STILL_IN = /还在(医院|住院|住着|病房)|还没(有)?出院|没出院|还住着|正在住院|住院中|人还在医院|还要(再)?住/u;
/** 还在住院, 还没出院: the stay is not over, so registering before discharge still settles it. */
export function saysStillInHospital(text: string): boolean {
  return typeof text === "string" && STILL_IN.test(text);
}

const WHAT_NOW = /^(那|那我|那现在|现在|那我们|我们|我)?(该|要|应该|得)?(怎么办|咋办|怎么弄|咋弄|怎么搞|咋搞|咋整|怎么处理|怎么做|干啥|做什么|能补吗|还能补吗|能补办吗|还来得及吗)[呢啊呀吗哇？?。!！]*$/u;
const IN_NOW = /住院了|住进(了)?(医院)?|已经住|住了(几|一|两|三|半|\d)|正在住|住着/u;
/** 住院了 (not 出院了), 已经住了一个礼拜: in hospital now — what 要备案吗 asks is then whether it can still be made up. */
export function saysInHospitalNow(text: string): boolean {
  return typeof text === "string" && (STILL_IN.test(text) || (IN_NOW.test(text) && !/出院/u.test(text)));
}

/** 怎么办, 现在咋弄: what to do now, about the case just worked out. */
export function asksWhatNow(text: string): boolean {
  return typeof text === "string" && WHAT_NOW.test(text.trim());
}

const REFUSED = /(医院|他们|人家|窗口|收费处).{0,4}(不能|没法|没办法|不给|不让|结不了|刷不了|不能刷)(直接)?(结算|刷卡|刷医保|刷|报)?|(让|叫|要)(我|我们|他|她)?(自己)?先(付|垫|交|掏)(了|钱|全款)/u;
/** 医院说不能直接结算 让我自己先付了: the hospital did not settle it; the manual claim is what is left. */
export function saysPaidFirst(text: string): boolean {
  return typeof text === "string" && REFUSED.test(text);
}

/** A month right before the figure (一个月500, 每个月开药五六百); not 住了一个月 花了3万, a stay's length. */
const ASKS_RATIO = /比例.{0,6}(多少|几|百分之|啥|什么)|(报|按|给)(了)?(百分之|几成|多少比例|百分之多少)|报(销)?几成|几成报|百分之几/u;
/** 报销比例是百分之多少, 报几成, 按多少比例报的: asked of the estimate just given, its ratio. */
export function asksRatio(text: string): boolean {
  return typeof text === "string" && ASKS_RATIO.test(text);
}

const SUPPOSED_KIND = /^(那|那要是|那如果|要是|如果|如果是|假如|改成|改为|换成|按)?(办了?|办的是|是)?(长期|临时)(的|外出|就医|备案|外出就医|居住)*(的话)?(呢|吧|算|算呢|怎么算|多少)?[?？。.!！]*$/u;
/** 那长期的呢, 改成长期, 那长期备案呢, 要是临时的呢: the estimate's registration supposed another kind. */
export function supposedKind(text: string): "long_term" | "temporary_other" | undefined {
  const m = typeof text === "string" ? SUPPOSED_KIND.exec(text.trim()) : null;
  return m ? (m[3] === "长期" ? "long_term" : "temporary_other") : undefined;
}

const WITH_FAMILY = /(儿子|女儿|闺女|子女|孩子|小孩|哥|姐|弟|妹|亲戚|家人|女婿|儿媳|我)(的)?(家|那|这)(里|边|儿)?(住|待|呆)|跟着?(儿子|女儿|闺女|子女|孩子|小孩|我|哥|姐|弟|妹)(一起)?(住|生活|过)|投靠/u;
/** 在郑州我哥家住, 跟着女儿住: staying with family there — for how long is not said. */
export function staysWithFamily(text: string): boolean {
  return typeof text === "string" && WITH_FAMILY.test(text);
}

const AMOUNT_UNIT = /[0-9零一二两三四五六七八九十几][千百万]|[0-9]\s*[kKwW](?![a-zA-Z])/u;
/** 五千, 八百, 2k: a figure written as money (a unit), whatever question is pending — not a choice's number. */
export function hasAmountUnit(text: string): boolean {
  return typeof text === "string" && AMOUNT_UNIT.test(text);
}

const PER_MONTH = /(?<![住待躺])(每个?月|一个?月|1个月|月均|每月)(大概|大约|差不多|平均|要|得|都|也就)?(开药|拿药|配药|看病|看门诊|门诊|药费)?(花|花费|花了|要花|大概)?\s*[0-9一二两三四五六七八九十几百千万]/u;
/** 一个月500, 每个月开药五六百: a monthly spend, not one bill. */
export function saysMonthly(text: string): boolean {
  return typeof text === "string" && PER_MONTH.test(text);
}
