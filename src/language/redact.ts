/**
 * Removes what identifies a person (ID numbers, mobile numbers, names they give) from a
 * message. Used by the parser before reading numbers, and by channels and logs before
 * anything is stored or printed.
 */
import { languageMessages as messages } from "../messages/language.ts";

const MARK = messages.redacted;

// 18-digit resident ID (last may be X); 15-digit old IDs too. Not inside longer digit runs.
const ID_NUMBER = /(?<![0-9a-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9x](?![0-9a-z])|(?<!\d)[1-9]\d{14}(?!\d)/giu;
// Mainland mobile numbers, optionally with +86 and spaces or dashes between groups.
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/gu;
// "我叫张伟", "名字是王建国", "本人李秀英": 2–4 Han characters after the cue, up to a stop word.
const NAME = /(我叫|我的名字是|名字是|名字叫|姓名是?[:：]?|本人是|本人叫|患者是|病人叫)\s*([\u4e00-\u9fa5·]{2,4}?)(?=$|[\s,，。.!！?？;；:：、]|身份证|电话|手机|今年|医保|退休|住院|想|要|问|的|在|是|我|，)/gu;

export function redact(text: string): string {
  if (typeof text !== "string" || text === "") return "";
  return text
    .replace(ID_NUMBER, MARK)
    .replace(MOBILE, MARK)
    .replace(NAME, (_all, cue: string) => `${cue}${MARK}`);
}
