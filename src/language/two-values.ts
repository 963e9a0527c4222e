/**
 * Two values of one slot named in one message with nothing to tell them apart: 职工 居民,
 * 退休 在职, 三级 二级 (QA5 Q85). The slot readers take the first rule's value; that is a silent
 * guess, so the person is asked instead, as for 备案了 没备案. Only the words that name a value
 * outright count (not 上班, which is often someone else's), and not when the words between tell
 * the two apart: a time (以前…现在), a move (转到), another person (我是职工 我老婆是居民), or a
 * question comparing them (职工和居民哪个报得多). Read on the text with denials masked, so
 * 不是三甲 是二甲 never gets here. Pure, never throws.
 */
import type { Slots } from "./types.ts";

export interface TwoValues {
  slot: "scheme" | "personStatus" | "hospitalLevel";
  /** the value said first, then the other */
  values: [string, string];
  /** the words of the value said second, as typed */
  text: string;
}

type Named = [RegExp, string][];

const SCHEME: Named = [
  [/职工/u, "employee"],
  [/城乡居民|居民|新农合|农合|合作医疗/u, "resident"],
];
const STATUS: Named = [
  [/退休(?!前|之前|以前|年龄|金|工资|手续)|退了休/u, "retired"],
  [/在职(?!的时候|时|人员)/u, "working"],
];
const LEVEL: Named = [
  [/三甲|三乙|三级|3级|3甲/u, "3"],
  [/二甲|二乙|二级|2级|2甲/u, "2"],
];

/** Between the two: a move, a change, or someone else — the two are told apart. */
const APART = /和|跟|与|或|转|改|换|变|我|他|她|爸|妈|老公|老婆|老伴|爱人|媳妇|丈夫|妻子|孩子|儿|女|弟|哥|姐|妹|婆|公公|岳|家属|家人/u;
/** Before the second (or just before the first): a time, so one is the past (以前交的居民医保 今年开始单位交职工了). */
const TIME = /以前|之前|原来|原先|过去|早先|本来|当时|去年|前几年|现在|目前|如今|今年|后来|开始/u;
/** Anywhere: a question comparing them. */
const COMPARES = /区别|哪个|哪种|一样|不同|比较|对比|差多少|差别/u;

function twoOf(text: string, named: Named): { first: string; second: string; secondText: string } | undefined {
  const [[aRe, a], [bRe, b]] = named as [[RegExp, string], [RegExp, string]];
  const ma = aRe.exec(text);
  const mb = ma ? bRe.exec(text) : null;
  if (!ma || !mb) return undefined;
  const [x, y] = ma.index < mb.index ? [{ m: ma, v: a }, { m: mb, v: b }] : [{ m: mb, v: b }, { m: ma, v: a }];
  const between = text.slice(x.m.index + x.m[0].length, y.m.index);
  if (APART.test(between) || TIME.test(text.slice(Math.max(0, x.m.index - 10), y.m.index)) || COMPARES.test(text)) return undefined;
  return { first: x.v, second: y.v, secondText: y.m[0] };
}

/** The slots said with two values (each check only where both kinds of word can be). */
export function twoValuesIn(text: string, slots: Slots): TwoValues[] {
  const out: TwoValues[] = [];
  const add = (slot: TwoValues["slot"], named: Named) => {
    const two = twoOf(text, named);
    if (two) out.push({ slot, values: [two.first, two.second], text: two.secondText });
  };
  if (slots.scheme !== undefined && text.includes("职工")) add("scheme", SCHEME);
  if (slots.personStatus !== undefined && text.includes("在职") && text.includes("退")) add("personStatus", STATUS);
  if (slots.hospitalLevel !== undefined && (text.includes("二") || text.includes("2"))) add("hospitalLevel", LEVEL);
  return out;
}
