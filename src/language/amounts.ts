/**
 * Money amounts as people type them: 3万, 2.5万, 两万五, 一万二, 3w, 1.2k, 6万8, 1w5, 三千五,
 * ￥18,600.50, 十万, 3000多. A small converter rather than a Chinese-numeral package: the
 * packages read textbook numerals (一万二千) but not the colloquial tail digit (一万二 = 12000,
 * 6万8 = 68000) nor mixed 1w5, which is most of what people write.
 * Values are decimal.js Decimals from the first digit; no float ever touches money.
 */
import { Decimal } from "decimal.js";

export interface AmountFound {
  start: number;
  end: number;
  text: string;
  value?: string;
  rejected?: "negative" | "too_large" | "zero" | "invalid";
  /** how sure we are this is money: a unit or currency sign (strong) or only its position */
  strength: number;
  /** preceded by a word for the total bill (总共, 一共, 花了, 费用) */
  total: boolean;
  /** a range said (六七万, 3-4万, 一万二三): the value is its middle; low and high as said */
  range?: [string, string];
}

const CN_SMALL: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const RANGE_UNIT: Record<string, number> = { 万: 10000, w: 10000, 千: 1000, k: 1000, 百: 100 };
/** 六七万, 两三千: two neighbouring digits before the unit (not 三四百, a per-visit sum with no bill in it). */
const CN_PAIR = /(?<![\d零〇一二两三四五六七八九十百千万])([一两二三四五六七八])([二三四五六七八九])(万|千)(?![零〇一二两三四五六七八九])/gu;
/** 一万二三: a unit, then two neighbouring tail digits. */
const CN_TAIL_PAIR = /(?<![\d零〇一二两三四五六七八九十百千万])([一两二三四五六七八九])(万|千)([一二三四五六七八])([二三四五六七八九])(?![零〇一二两三四五六七八九十百千万])/gu;
/** 3-4万, 3到4万, 3万到4万, 2~3千. */
const DIGIT_RANGE = /(?<![\d.])(\d{1,4}(?:\.\d+)?)\s?(万|千|w|k)?\s?(?:-|－|—|~|～|到|至)\s?(\d{1,4}(?:\.\d+)?)\s?(万|千|w|k)(?![\d])/gu;

/** The ranges in the text, each with its span and its low and high values. */
function findRanges(text: string): { start: number; end: number; text: string; low: Decimal; high: Decimal }[] {
  const out: { start: number; end: number; text: string; low: Decimal; high: Decimal }[] = [];
  for (const m of text.matchAll(CN_PAIR)) {
    const a = CN_SMALL[m[1]!]!;
    const b = CN_SMALL[m[2]!]!;
    if (b !== a + 1) continue;
    const unit = RANGE_UNIT[m[3]!]!;
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], low: new Decimal(a).times(unit), high: new Decimal(b).times(unit) });
  }
  for (const m of text.matchAll(CN_TAIL_PAIR)) {
    const a = CN_SMALL[m[3]!]!;
    const b = CN_SMALL[m[4]!]!;
    if (b !== a + 1) continue;
    const unit = RANGE_UNIT[m[2]!]!;
    const head = new Decimal(CN_SMALL[m[1]!]!).times(unit);
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], low: head.plus(a * unit / 10), high: head.plus(b * unit / 10) });
  }
  for (const m of text.matchAll(DIGIT_RANGE)) {
    const unitHigh = RANGE_UNIT[m[4]!]!;
    const unitLow = m[2] ? RANGE_UNIT[m[2]]! : unitHigh;
    const low = new Decimal(m[1]!).times(unitLow);
    const high = new Decimal(m[3]!).times(unitHigh);
    if (!low.lessThan(high)) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], low, high });
  }
  return out.sort((x, y) => x.start - y.start);
}

/** Above this a number is not a medical bill anyone will pay (1亿). */
const MAX_AMOUNT = new Decimal("100000000");

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000, 亿: 100000000, w: 10000, k: 1000 };

// One run of number material: Arabic (with thousands commas, decimals, exponent) or Chinese digits,
// units in between. Letters w/k count only right after a digit.
const RUN = /[-−负]?\s?[¥$]?\s?(?:rmb)?\s?(?:(?:\d[\d,]*(?:\.\d+)?(?:e[+-]?\d+)?)|[零〇一二两三四五六七八九十])(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]|(?<=\d)[wk](?![a-z])|[多来余](?=[万千wk]))*/gu;

const MONEY_AFTER = /^(多|余|来)?\s?(元|块|rmb|人民币)/u;
const NOT_MONEY_AFTER = /^(多|余|来)?\s?(半|级|甲(?!类)|乙(?!类)|岁|天|日|号|月|个|年|次|%|(?<!多)点|分钱|毛钱|家|档|小时|周|倍|折|成|胎|代|期|床|楼|层|路|公里|km|斤|人|位|口|院|附院|分钟|条|项|张|种|类|下|些|样|起(?!付)|直|样|晚|夜|趟|遍|届|号线|st|nd|th)/u;
const MONEY_BEFORE = /((起付线|起付标准|乙类|自费|目录外|丙类|押金|预交金|预缴金?)(的|是|大概|约|有|为|说是|听说|据说|占|了|好像|应该|可能)*|交|付|垫|花了|花费|花|费用|医药费|住院费|治疗费|手术费|药费|总共|一共|合计|总计|共计|共|自费了?|自付了?|付了|交了|掏了|垫付了?|扣了|划了|扣掉了?|划走了?|报了|报过|报销了|报销过|返了|退了|拿回|押金|账单|改成|改为|换成|要|大概|大约|差不多|估计|约|另外(还有|还)?|还有|加上|再加上?|外加|(又|还|另)(花|买|拿|交|付|掏)了?(点|些)?)(是|为|有|了|共)?\s?$/u;
/**
 * A role word earlier in the same clause (起付线是不是1000, 起付线我们这边800, 自费药3000多) or a
 * period a cost is given for (透析一个月6000, 每次300): the figure after it is money.
 */
const ROLE_IN_CLAUSE = /(起付线|起付标准|乙类|自费|目录外|丙类|押金|预交金|预缴|(一|每)个?月|每年|一年|每次|一次|每周|一周|另外|还有|加上|再加上?|外加)[^\s,，。;；!！?？\d零〇一二两三四五六七八九十]{0,6}$/u;
/** 乙类不是5000 是6000: the figure put in place of a denied one is money like it. */
const REPLACES_DENIED = /(不是|而不是)\s?[\d.,零〇一二两三四五六七八九十百千万wk]+\s?(块钱?|元)?[,，\s]*(而)?是\s?$/u;
const TOTAL_BEFORE = /(总共|一共|合计|总计|共计|总费用|花了|费用|医药费|住院费)[^\d零〇一二两三四五六七八九十]{0,3}$/u;

/**
 * The national service hotlines (12393 医保, 12345 政务, 12333 人社, 12320 卫生, 12329 公积金…):
 * a number to call, not a bill, unless money words say otherwise (花了12345元).
 */
const HOTLINE = /^123(?:93|45|33|20|15|29|48|55|58|65|66|69|88|80)$/u;
/** Words around a figure that make it a number to call or dial (打12345, 12393能打通吗, 热线12393). */
const DIAL_BEFORE = /(打|拨|拨打|致电|电话|热线|号码|号|服务台|咨询)\s?$/u;
const DIAL_AFTER = /^\s?(能打|打不|打了|打通|没人接|接通|电话|热线|号码|是(免费|收费|哪|什么电话|真的|官方)|有用吗|管用|投诉|人工|转人工)/u;

/** A figure put right (准确说是5200, 其实是21500, 结算下来21500) stands on its own like a bare one. */
const RESTATED_BEFORE = /(准确|确切|精确|具体|其实|实际上?|不对|应该|算下来|结下来|一算|最后|单子上|结算单上?|发票上|清单上)(地|的)?(说|讲|写|写着|显示)?(的|是|有|为)?$/u;

const NOT_FIGURE = /[,\s¥$多来余]|rmb/gu;
const PLAIN_NUMBER = /^\d+(\.\d+)?(e[+-]?\d+)?$/u;
const ARABIC_AT = /^\d+(\.\d+)?/u;

/** Reads one run into a Decimal, or null if it is not a number (三四百 is a range, not 340). */
export function toDecimal(run: string): Decimal | null {
  // 10来万, 3多万: "about"; the figure is the round number said.
  const s = run.replace(NOT_FIGURE, "");
  if (s === "") return null;
  if (PLAIN_NUMBER.test(s)) return new Decimal(s);
  let total = new Decimal(0);
  let section = new Decimal(0);
  let number: Decimal | null = null;
  let lastUnit = 0;
  let lastWasDigit = false;
  let afterZero = false;
  let i = 0;
  while (i < s.length) {
    const ch = s[i] as string;
    const arabic = ARABIC_AT.exec(s.slice(i));
    if (arabic) {
      if (lastWasDigit) return null;
      number = new Decimal(arabic[0]);
      i += arabic[0].length;
      lastWasDigit = true;
      continue;
    }
    if (ch === "零" || ch === "〇") {
      // 一万零五百: a place holder; what follows is read literally (一万零五 = 10005).
      afterZero = true;
      lastWasDigit = false;
      i += 1;
      continue;
    }
    if (ch in CN_DIGIT) {
      if (lastWasDigit) return null; // 三四百, 七八千: a range
      number = new Decimal(CN_DIGIT[ch] as number);
      lastWasDigit = true;
      i += 1;
      continue;
    }
    const unit = CN_UNIT[ch];
    if (unit === undefined) return null;
    lastWasDigit = false;
    if (unit >= 10000) {
      section = section.plus(number ?? 0);
      if (section.isZero()) section = new Decimal(1);
      total = total.plus(section).times(unit);
      section = new Decimal(0);
    } else {
      if (number === null && unit !== 10) return null; // 千万, 百: not a number here
      section = section.plus((number ?? new Decimal(1)).times(unit));
    }
    number = null;
    afterZero = false;
    lastUnit = unit;
    i += 1;
  }
  if (number !== null) {
    // The colloquial tail: 一万二 = 1万2千, 三千五 = 3千5百, 6万8 = 6万8千; 二十五 is plain 25.
    // Only one digit is a tail: 18万7654 is 187654, written out.
    const tail = lastUnit >= 100 && !afterZero && number.lessThan(10);
    section = section.plus(tail ? number.times(lastUnit / 10) : number);
  }
  return total.plus(section);
}

/** Canonical text: whole numbers without decimals, cents with two places, nothing rounded. */
export function canonical(d: Decimal): string {
  if (d.isInteger()) return d.toFixed(0);
  return d.decimalPlaces() <= 2 ? d.toFixed(2) : d.toFixed();
}

/** What every run holds (a digit); a message without one has no amount, and one scan says so. */
const NUMERAL = /[\d零〇一二两三四五六七八九十]/u;

export function findAmounts(text: string, expectingAmount = false): AmountFound[] {
  const out: AmountFound[] = [];
  if (!NUMERAL.test(text)) return out;
  // A range (六七万, 3-4万) is one figure, its middle; the runs inside it are not figures of their own.
  const ranges = findRanges(text);
  for (const r of ranges) {
    const mid = r.low.plus(r.high).dividedBy(2);
    out.push({ start: r.start, end: r.end, text: r.text, value: canonical(mid), strength: 3, total: TOTAL_BEFORE.test(text.slice(Math.max(0, r.start - 8), r.start)), range: [canonical(r.low), canonical(r.high)] });
  }
  for (const m of text.matchAll(RUN)) {
    const lead = /^\s*/u.exec(m[0])?.[0].length ?? 0;
    const raw = m[0].slice(lead).replace(/\s+$/u, "");
    const start = (m.index ?? 0) + lead;
    if (ranges.some((r) => start < r.end && start + raw.length > r.start)) continue;
    if (!/[\d零〇一二两三四五六七八九十]/u.test(raw)) continue;
    const end = start + raw.length;
    const after = text.slice(end, end + 4);
    const before = text.slice(Math.max(0, start - 6), start);
    const negative = /^[-−负]/u.test(raw);
    const body = raw.replace(/^[-−负]\s?/u, "");
    const hasCurrency = /[¥$]|rmb/u.test(body);
    const hasUnit = /[万千百wk亿]/u.test(body);
    const chinese = /[零〇一二两三四五六七八九十]/u.test(body);
    // A counter word after a space is the next clause (花了10万 个人自付3万, 3万 人在上海), not this
    // figure's unit, when the figure is money already by its 万/w/k or the word before it.
    const spaced = /^\s/u.test(after) && (/\d\s*[万wk]|[万wk]$/u.test(raw) || MONEY_BEFORE.test(before));
    if (NOT_MONEY_AFTER.test(after) && !spaced) continue;
    // A number to call (12393能打通吗, 打12345有用吗) never fills an amount.
    if (!hasUnit && !hasCurrency && !chinese && !MONEY_AFTER.test(after) && (DIAL_BEFORE.test(before) || DIAL_AFTER.test(text.slice(end, end + 6)) || (HOTLINE.test(body) && !MONEY_BEFORE.test(before) && !expectingAmount))) continue;
    // Part of a word or a name: 一起, 三亚 (already masked), 十堰; 301 in 北京301医院.
    const moneyAfter = MONEY_AFTER.test(after);
    let strength = 0;
    if (hasCurrency || moneyAfter) strength = 3;
    else if (hasUnit && /[万wk]/u.test(body)) strength = 3;
    else if (hasUnit) strength = 2;
    else if (MONEY_BEFORE.test(before)) strength = 2;
    else if (!chinese && Number(body.replace(/,/gu, "")) >= 100 && ROLE_IN_CLAUSE.test(text.slice(Math.max(0, start - 12), start))) strength = 2;
    else if (REPLACES_DENIED.test(text.slice(Math.max(0, start - 16), start))) strength = 2;
    if (chinese && !hasUnit && !moneyAfter) strength = 0; // 一, 两: a count, not money
    if (/^十/u.test(body) && /^(几|来)/u.test(after)) continue; // 十几万: no figure given
    if (/[几数好]$/u.test(before)) continue; // 几十万, 好几千: no figure given
    if (strength === 0 && !chinese) {
      // A bare figure standing on its own (", 3000", "28000 报多少") is still money in this domain.
      const alone = (start === 0 || /[\s,，。:：]$/u.test(before) || RESTATED_BEFORE.test(before)) && /^($|[\s,，。!！?？]|多|左右|报|能|了|(是|的)?(乙类|自费|目录外|押金|预交))/u.test(after);
      const value = Number(body.replace(/,/gu, ""));
      if (alone && value >= 100) strength = 1;
    }
    // While an amount is asked, a bare figure is one — but not a numeral inside a word (一共, 一下).
    if (strength === 0 && expectingAmount && !(chinese && !hasUnit && /^\p{Script=Han}/u.test(after))) strength = 1;
    if (strength === 0) continue;
    const total = TOTAL_BEFORE.test(text.slice(Math.max(0, start - 8), start));
    let d: Decimal | null = null;
    try {
      d = toDecimal(body);
    } catch {
      d = null;
    }
    const found: AmountFound = { start, end, text: raw, strength, total };
    if (d === null && !/e/u.test(body) && !expectingAmount) continue; // 三四百: a range, no figure
    if (d === null || !d.isFinite()) found.rejected = /e/u.test(body) ? "too_large" : "invalid";
    else if (negative) found.rejected = "negative";
    else if (d.greaterThan(MAX_AMOUNT)) found.rejected = "too_large";
    else if (d.isZero()) found.rejected = "zero";
    else found.value = canonical(d);
    out.push(found);
  }
  return ranges.length > 0 ? out.sort((x, y) => x.start - y.start) : out;
}

/** The amount the message is about: a total if one is named, else the strongest, else the first. */
export function pickAmount(found: AmountFound[]): AmountFound | undefined {
  const usable = found.filter((f) => f.value !== undefined);
  const best = usable.find((f) => f.total) ?? [...usable].sort((a, b) => b.strength - a.strength)[0];
  return best ?? found.find((f) => f.rejected);
}
