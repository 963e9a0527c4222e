/**
 * Removes what identifies a person (ID numbers, mobile numbers, bank-card and insurance-card
 * numbers, names they give) from a message. Used by the parser before reading numbers, and by
 * channels and logs before anything is stored or printed.
 */
import { languageMessages as messages } from "../messages/language.ts";
import { DIVISIONS, shortName } from "../places/divisions.ts";

const MARK = messages.redacted;

// 18-digit resident ID (last may be X), also typed in groups (110101 19900307 1234); 15-digit
// old IDs too. Not inside longer digit runs.
const ID_NUMBER =
  /(?<![0-9a-z])[1-9]\d{5}[-\s]?(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[-\s]?\d{3}[0-9x](?![0-9a-z])|(?<!\d)[1-9]\d{14}(?!\d)/giu;
// Mainland mobile numbers, optionally with +86 and spaces or dashes between groups.
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/gu;
// Landlines with their area code: 010-12345678, 0512 6523 1234, (021)12345678.
const LANDLINE = /(?<![\d.])[(（]?0\d{2,3}[)）]?[-\s]?\d{7,8}(?![\d.])/gu;
// A card number after the word for it (银行卡号, 社保卡号, 医保卡号, 卡号是…): letters and digits,
// possibly grouped, at least 6 characters — insurance-card numbers are not all digits (A12345678).
const CARD_AFTER_CUE = /((?:银行|社保|医保|社会保障|借记|储蓄)?卡号(?:是|为|码)?\s*[:：]?\s*)([A-Za-z0-9](?:[A-Za-z0-9]|[-\s](?=[A-Za-z0-9])){5,})/gu;
// A bank card standing alone: 16–19 digits, possibly in groups of four, that pass the Luhn check.
const BANK_CARD = /(?<![\d.])\d{4}(?:[-\s]?\d{4}){3}(?:[-\s]?\d{1,3})?(?![\d.])/gu;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function bankCard(all: string): string {
  const digits = all.replace(/\D/gu, "");
  return digits.length >= 16 && digits.length <= 19 && luhn(digits) ? MARK : all;
}

// "我叫张伟", "名字是王建国", "我叫 Alice Wang": 2–4 Han characters (or a Latin name) after a cue
// that can only introduce a name, up to a stop word.
const NAME =
  /(我叫|我的名字是|名字是|名字叫|姓名是?[:：]?|本人是|本人叫|患者是|病人叫)\s*([\u4e00-\u9fa5·]{2,4}?(?=$|[\s,，。.!！?？;；:：、]|身份证|电话|手机|今年|医保|退休|住院|想|要|问|的|在|是|我|，)|[A-Za-z]{2,}(?:\s[A-Za-z]{2,})?(?![A-Za-z]))/gu;
// "本人张三，" "我是李娜。": cues that also introduce other things (我是退休的, 我是苏州人), so only a
// surname-led two- or three-character word standing alone, and not the start of a place name.
const SOFT_NAME = /(本人|我是)([\u4e00-\u9fa5]{2,3})(?=$|[\s,，。.!！?？;；:：、]|身份证|电话|手机|今年)/gu;
// Common surnames, less those that also begin words people write here (高血压, 万元, 江苏,
// 常驻, 金额, 石家庄…); the place check below catches the rest.
const SURNAMES = new Set(
  "王李张刘陈杨黄赵吴周徐孙朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡杜叶程魏吕丁沈姚卢姜崔钟谭陆汪范廖贾夏韦邹孟熊秦邱尹薛闫雷侯陶黎贺顾毛郝龚邵覃戴莫孔汤".split(""),
);
const PLACE_STARTS = new Set(DIVISIONS.flatMap((d) => [d.name.slice(0, 2), shortName(d.name).slice(0, 2)]));

function softName(all: string, cue: string, word: string): string {
  if (!SURNAMES.has(word[0]!) || PLACE_STARTS.has(word.slice(0, 2))) return all;
  return `${cue}${MARK}`;
}

export function redact(text: string): string {
  if (typeof text !== "string" || text === "") return "";
  return text
    .replace(CARD_AFTER_CUE, (_all, cue: string) => `${cue}${MARK}`)
    .replace(ID_NUMBER, MARK)
    .replace(MOBILE, MARK)
    .replace(LANDLINE, MARK)
    .replace(BANK_CARD, bankCard)
    .replace(NAME, (_all, cue: string) => `${cue}${MARK}`)
    .replace(SOFT_NAME, softName);
}
