/**
 * The patient's age as said (我妈65岁, 孩子8岁, 七十三岁了) or their being a student (在上大学,
 * 读高中): some places pay residents by age band, and the estimate says when the band it used
 * is not the person's. Pure, never throws.
 */

export interface AgeSaid {
  years?: number;
  student?: true;
}

const DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 八, 十三, 六十五, 七十 → the number; undefined for anything else. */
function chineseNumber(s: string): number | undefined {
  if (/^[一二两三四五六七八九]$/u.test(s)) return DIGIT[s];
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/u.exec(s);
  if (!m) return undefined;
  return (m[1] ? DIGIT[m[1]]! : 1) * 10 + (m[2] ? DIGIT[m[2]]! : 0);
}

/** 65岁, 六十五岁, 七十多岁, 8周岁 (not 岁数 questions like 多少岁). */
const YEARS = /(?<![\d一二两三四五六七八九十])(\d{1,3}|[一二两三四五六七八九十]{1,3})(?:多)?(?:周)?岁/u;
/** In school (上大学, 读高中, 大学生): a student, whatever the age. Not 学生医保 (the scheme's name). */
const STUDENT = /(上|读|念)(大学|大专|高中|初中|中学|小学|研究生)|(大学|中学|小学|高中|初中)生|在校生|学生(?!医保|的医保|保险)/u;

export function ageOf(text: string): AgeSaid | undefined {
  if (typeof text !== "string") return undefined;
  const m = YEARS.exec(text);
  if (m) {
    const raw = m[1] as string;
    const years = /^\d+$/u.test(raw) ? Number(raw) : chineseNumber(raw);
    if (years !== undefined && years > 0 && years < 120) return { years };
  }
  return STUDENT.test(text) ? { student: true } : undefined;
}

/**
 * The age band a policy's reading says the figures are for (按60周岁以下的比例计算, 按成人的比例计算),
 * and whether the age said falls in it; undefined when the reading names no band or the age says nothing of it.
 */
const BANDS: { used: RegExp; fits: (m: RegExpExecArray, age: AgeSaid) => boolean | undefined }[] = [
  { used: /按(\d+)周岁以下/u, fits: (m, age) => (age.years === undefined ? (age.student ? true : undefined) : age.years < Number(m[1])) },
  { used: /按(\d+)周岁(及)?以上/u, fits: (m, age) => (age.years === undefined ? (age.student ? false : undefined) : age.years >= Number(m[1])) },
  { used: /按(成人|成年人|老年人和劳动年龄内居民)/u, fits: (_m, age) => (age.student ? false : age.years === undefined ? undefined : age.years >= 18) },
];

export function bandFit(reading: string, age: AgeSaid): boolean | undefined {
  for (const b of BANDS) {
    const m = b.used.exec(reading);
    if (m) return b.fits(m, age);
  }
  return undefined;
}
