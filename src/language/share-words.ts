/**
 * A part of the bill said as a share in words, not a figure (其中一半是自费药, 三分之一是乙类的,
 * 自费占了两成, 大部分是自费的). An exact share is worked out from the bill; a vague one
 * (大部分, 不少) names no figure, so the part is asked — never dropped, never guessed.
 */
import { Decimal } from "decimal.js";

export interface ShareInWords {
  slot: "classB" | "outOfCatalog";
  /** the words as said (一半, 三分之一) */
  words: string;
  /** numerator and denominator; absent for a vague share */
  fraction?: [number, number];
}

const DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function numeral(s: string): number | undefined {
  if (/^\d{1,3}$/u.test(s)) return Number(s);
  if (s === "十") return 10;
  if (/^十[一二三四五六七八九]$/u.test(s)) return 10 + (DIGIT[s[1]!] ?? 0);
  if (/^[一二两三四五六七八九]十[一二三四五六七八九]?$/u.test(s)) return (DIGIT[s[0]!] ?? 0) * 10 + (s.length === 3 ? DIGIT[s[2]!] ?? 0 : 0);
  return DIGIT[s];
}

const N = "(\\d{1,3}|[一二两三四五六七八九十]{1,3})";
const EXACT = `一半|${N}分之${N}|百分之${N}|\\d{1,3}(?:\\.\\d)?%|${N}成`;
const VAGUE = "一大半|一多半|大半|多半|大部分|大多数|大多|绝大部分|一小半|小部分|少部分|一部分|不少|很多|好多|一些";
const SHARE = `(${EXACT}|${VAGUE})`;
const PART = "(自费|目录外|丙类|乙类)";
const GLUE = "(?:左右|多|的样子)?(?:都|全)?(?:是|为|属于|算|算是)?(?:的)?";
/** 一半是自费药, 三分之一是乙类的 */
const SHARE_FIRST = new RegExp(`${SHARE}${GLUE}${PART}`, "u");
/** 自费的占了一半, 乙类药有三分之一, 自费大概两成 */
const PART_FIRST = new RegExp(`${PART}(?:的|药|项目|部分|费用)*(?:占了?|有|是|大概|大约|差不多|估计|约)*${SHARE}`, "u");

function fractionOf(words: string): [number, number] | undefined {
  if (words === "一半") return [1, 2];
  let m = new RegExp(`^${N}分之${N}$`, "u").exec(words);
  if (m) {
    const den = numeral(m[1]!);
    const num = numeral(m[2]!);
    return den && num && num < den ? [num, den] : undefined;
  }
  m = new RegExp(`^百分之${N}$`, "u").exec(words);
  if (m) {
    const n = numeral(m[1]!);
    return n && n < 100 ? [n, 100] : undefined;
  }
  m = /^(\d{1,3}(?:\.\d)?)%$/u.exec(words);
  if (m) {
    const n = Number(m[1]);
    return n > 0 && n < 100 ? [n * 10, 1000] : undefined;
  }
  m = new RegExp(`^${N}成$`, "u").exec(words);
  if (m) {
    const n = numeral(m[1]!);
    return n && n < 10 ? [n, 10] : undefined;
  }
  return undefined;
}

/** The first share of 乙类 or 自费 said in words, if any (not one the person denies: 没有一半是自费). */
export function shareInWords(text: string): ShareInWords | undefined {
  if (typeof text !== "string") return undefined;
  const a = SHARE_FIRST.exec(text);
  const b = PART_FIRST.exec(text);
  // The share is the first group of SHARE_FIRST (the part its last); PART_FIRST has them the other way.
  const first = a && (!b || a.index <= b.index) ? { words: a[1]!, part: a[a.length - 1]!, at: a.index } : b ? { words: b[2]!, part: b[1]!, at: b.index } : undefined;
  if (!first) return undefined;
  if (/(没有?|不是|不到)$/u.test(text.slice(Math.max(0, first.at - 2), first.at))) return undefined;
  const words = first.words;
  // 一半以上, 三成多: more than the share said — no figure to take.
  const after = text.slice(text.indexOf(words, first.at) + words.length);
  if (/^(以上|以下|多|不到)/u.test(after)) return { slot: first.part === "乙类" ? "classB" : "outOfCatalog", words: words + after.slice(0, /^不到/u.test(after) ? 2 : after.startsWith("多") ? 1 : 2) };
  const slot = first.part === "乙类" ? "classB" : "outOfCatalog";
  if (new RegExp(`^(${VAGUE})$`, "u").test(words)) return { slot, words };
  const fraction = fractionOf(words);
  // A share that makes no sense (五分之七) is as good as vague: asked.
  return fraction ? { slot, words, fraction } : { slot, words };
}

/** The part of `total` a share stands for, to the fen (half up). */
export function shareOf(total: string, fraction: [number, number]): string {
  return new Decimal(total).times(fraction[0]).dividedBy(fraction[1]).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed();
}
