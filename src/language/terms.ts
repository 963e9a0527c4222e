/**
 * Definitional questions about the words of a bill and of the rules: the intent reader scores
 * them (intents.ts) and the side-topic reader names the word asked about (topics.ts).
 */
import type { SideTopic } from "./types.ts";

/**
 * Words of the bill and of the rules that people ask the meaning of (起付线是啥意思, 乙类是什么,
 * 什么是封顶线), each with the side topic that explains it. The explanation is one plain sentence
 * and the national rule it belongs to, with its source (src/conversation/general.ts).
 */
const TERM_WORDS: [SideTopic, string][] = [
  ["term_deductible", "起付线|起付标准|起付金额|起付|门槛费"],
  ["term_catalog", "甲类|乙类|丙类|先行自付|先自付|个人先付|目录外|目录内|自费药|自费部分|自费项目|自费|医保目录|药品目录"],
  ["term_cap", "封顶线|封顶|最高支付限额|最高限额|支付限额|年度限额"],
  ["term_ratio", "报销比例|支付比例|统筹基金|统筹支付|统筹"],
  ["term_direct", "跨省直接结算|直接结算|联网结算|异地直接结算"],
  ["term_places", "参保地|就医地|统筹区|异地就医"],
];
const TERM = `(${TERM_WORDS.map(([, words]) => words).join("|")})(的|药|药品|项目|费用|部分|钱)?`;
/** The words whose 是什么 may ask for the value (上海的报销比例是什么): only 是啥意思, 指什么… ask the meaning. */
const VALUE_WORDS = "报销比例|支付比例";
const TERM_NOT_VALUE = `(?!${VALUE_WORDS})${TERM}`;
/** What, said of a term: its meaning, not its amount (起付线是多少 asks the amount, and stays an estimate). */
const BARE_WHAT = "(这个词|这个)?(是|就是|到底是|又是|说的是)?(啥|什么|啥子)(东西|药|钱|概念|玩意儿?)?(?=$|[\\s,，。.?？!！~～吗呀啊呢嘛哦]|又|是|还)";
const MEANING = "((这个词|这个)?(是|就是|到底是|又是|说的是)?(啥|什么|啥子)意思|(是|就是)?(指|指的是|是指)(啥|什么|哪些|的是什么)?|(怎么|咋|如何)(理解|解释|定义)|是(干嘛|干啥|干什么)的|(是)?(怎么|咋)回事)";
/** At a term: 起付线是啥意思, 乙类是什么, 甲类乙类有啥区别. */
const AT_TERM = new RegExp(
  `${TERM}${MEANING}|${TERM_NOT_VALUE}${BARE_WHAT}|${TERM}(和|跟|与|还有|、)?${TERM}(有|的)?(啥|什么|哪些)?(区别|不同|不一样|差别)`,
  "uy",
);
/** Before a term: 什么是起付线, 啥叫直接结算, 解释一下乙类. */
const BEFORE_TERM = new RegExp(`((什么|啥)(是|叫|叫做)|(解释|说明|讲讲|讲解)(一下)?)${TERM}`, "uy");

/** UTF-16 codes each form can start at: the sticky forms are tried only there, not at every position. */
function startsOf(words: string[]): Uint8Array {
  const marks = new Uint8Array(0x10000);
  for (const w of words) marks[w.charCodeAt(0)] = 1;
  return marks;
}
const TERM_STARTS = startsOf(TERM_WORDS.flatMap(([, words]) => words.split("|")));
const BEFORE_STARTS = startsOf(["什", "啥", "解", "说", "讲"]);

/**
 * The definitional question in the message, if any. A scan for the characters a form can start
 * with, then the form tried there only: the list of terms tried at every position by one regular
 * expression cost more than all the other intent cues together (about 1.4 µs a message).
 */
function definitionIn(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const form = TERM_STARTS[c] === 1 ? AT_TERM : BEFORE_STARTS[c] === 1 ? BEFORE_TERM : undefined;
    if (!form) continue;
    form.lastIndex = i;
    const m = form.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

/** Whether the message asks what a word means (起付线是啥意思, 什么是乙类). */
export function asksMeaning(text: string): boolean {
  return definitionIn(text) !== undefined;
}

const TERM_OF = TERM_WORDS.map(([topic, words]) => [topic, new RegExp(words, "u")] as const);

/** The term a definitional question asks about (the first named), if the message asks one. */
export function termAsked(text: string): SideTopic | undefined {
  const asked = definitionIn(text);
  if (asked === undefined) return undefined;
  let best: SideTopic | undefined;
  let at = Infinity;
  for (const [topic, words] of TERM_OF) {
    const hit = words.exec(asked);
    if (hit && hit.index < at) {
      at = hit.index;
      best = topic;
    }
  }
  return best;
}
