/**
 * Messages that carry no question about care and are not noise either: an insult or a
 * suspicion (你们是骗子吧), a line in English, an opener that announces a question to come (问个事),
 * or only a number the redaction took out (an ID or phone typed as an answer). Each gets its own
 * short reply instead of the help block, so the same block never comes back again and again.
 */
import { languageMessages } from "../messages/language.ts";
import { redact } from "./redact.ts";

export type SmallTalk = "hostile" | "english" | "opener" | "redacted";

const HOSTILE = /骗子|骗人|骗钱|傻逼|傻[bB]|\b[sS][bB]\b|滚|垃圾|狗屁|废物|智障|弱智|没用的东西|什么都不懂|啥也不懂|\bfuck|\bshit/u;
/** 问个事, 想问一下, 你好 想问下我爸的情况: a question announced, not asked yet. */
const OPENER = /^(你好|您好|在吗|hi|hello)?[,，\s!！。]*(我)?(想)?(问个事|问一下|问下|问问|请问一下|咨询一下|咨询下|想咨询|有个问题|有点事|问个问题)(儿)?[,，\s]*(异地就医的事|关于异地就医|.{0,8}的情况|.{0,6}的事)?[。.!！?？~～]*$/u;
/** Letters and spaces only (and some punctuation)… */
const ENGLISH = /^[\x20-\x7E]+$/u;
/** …with an English word people open with (not keyboard mash like "qwerty zzz", nor pinyin). */
const ENGLISH_WORDS = /\b(can|you|speak|english|do|does|what|how|is|are|the|please|help|i|my|want|need|insurance|hospital)\b/iu;

export function smallTalkOf(text: string): SmallTalk | undefined {
  const t = typeof text === "string" ? redact(text).trim() : "";
  if (t === "") return undefined;
  const marker = languageMessages.redacted;
  if (t.includes(marker) && t.split(marker).join("").replace(/[\s,，。.:：是号码身份证手机电话我的]/gu, "") === "") return "redacted";
  if (HOSTILE.test(t)) return "hostile";
  // (A bare hi / hello is a greeting, answered as one.)
  if (ENGLISH.test(t) && ENGLISH_WORDS.test(t) && !/\d/u.test(t) && !/^(hi|hello|hey)[\s!.?]*$/iu.test(t)) return "english";
  if (OPENER.test(t)) return "opener";
  return undefined;
}
