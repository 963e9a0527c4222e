/**
 * Words that say how a message relates to what was said before: a change to an earlier answer
 * (改成二级医院, 要是急诊呢, 那如果是5万呢, 其实他已经退休了, 金额是3万5不是3万), or a question
 * about someone else (我妈…, 我朋友…). The parser fills `correction` as an intent; these cues
 * also mark a change inside a message whose intent is something else. Pure, never throws.
 */

const CHANGE =
  /改成|改为|改一下|换成|换为|应该是|说错了|搞错了|写错了|更正|其实|要是|如果|假如|假设|万一|不是.{1,10}[，,\s]*(而)?是|是.{1,10}[，,\s]*不是|^那.{0,12}呢[?？。!！]*$|^那(要是|如果)|^(不对|错了|不是的)[,，。.!！\s]/u;

/** The message changes or supposes a different answer ("改成…", "要是…呢", "其实…"). */
export function saysChange(text: string): boolean {
  return typeof text === "string" && CHANGE.test(text);
}

const OTHER_PERSON =
  /我(的)?(妈|爸|母亲|父亲|老妈|老爸|老伴|爱人|老婆|老公|媳妇|丈夫|妻子|儿子|女儿|孩子|哥|姐|弟|妹|婆婆|公公|岳母|岳父|丈母娘|奶奶|爷爷|外婆|外公|姥姥|姥爷|亲戚|朋友|同事|邻居)|另(一|外一)?个人|另一位|还有一个人|换个人/u;

/** The message is about a person named for the first time (我妈, 我朋友, 另一个人). */
export function namesOtherPerson(text: string): boolean {
  return typeof text === "string" && OTHER_PERSON.test(text);
}

const CHANGED_FROM = /从([^\s,，。从]{2,8}?)(市|省)?(的)?\s?(改成|改为|换成|换到|改到|变成)/u;

/** 从上海改成杭州: the name a change starts from ("上海"), to tell which answer it changes. */
export function changedFromName(text: string): string | undefined {
  return typeof text === "string" ? CHANGED_FROM.exec(text)?.[1] : undefined;
}

/** A bare place answer without its lead-in ("我在苏州。" → "苏州"), for a direct name look-up. */
export function placeAnswerText(text: string): string {
  return typeof text === "string" ? text.replace(/^(我)?(在|是)/u, "").replace(/[。.!！]$/u, "") : "";
}

const NOT_UNDERSTOOD = /^(还是)?(没看懂|看不懂|没懂|不懂|没看明白|看不明白|不明白|没明白|听不懂|啥意思|什么意思|是什么意思|太复杂了?)[了啊呀吧呢？?。.!！]*$/u;

/** The person did not understand the last reply ("没看懂", "啥意思"). */
export function saysNotUnderstood(text: string): boolean {
  return typeof text === "string" && NOT_UNDERSTOOD.test(text.trim());
}
