/**
 * Short replies to a question the conversation is asking: a number or a label picking one of
 * the shown choices, yes or no, back / cancel / restart / help / carry on, thanks, "I don't
 * know", "none". These words only mean something relative to what is pending, so the reader
 * takes the pending question and says what the reply is; anything else is text for `parse`.
 * Pure, never throws.
 */

export interface PendingQuestion {
  /** the labels of the choices shown, in order (buttons or a numbered list) */
  choices?: readonly string[];
  /** an amount is asked: a bare "2" may be 2 元, so it is no choice number out of range */
  numbersAreAnswers?: boolean;
  /** a yes/no question is pending (confirm a change: 您是说他已经退休了吗？) */
  yesNo?: boolean;
  /** walking through steps: 继续 / 下一步 / 好的 go on to the next one */
  stepping?: boolean;
  /** a part of the bill is asked (乙类, 目录外): 没有 is 0, 不知道 is unknown */
  billPart?: boolean;
}

export type Command = "back" | "cancel" | "restart" | "help" | "resume";

export type ReplyReading =
  | { kind: "choice"; index: number }
  | { kind: "out_of_range"; n: number }
  | { kind: "command"; command: Command }
  | { kind: "next" }
  | { kind: "yes" }
  | { kind: "no" }
  | { kind: "thanks" }
  | { kind: "unknown" }
  | { kind: "none" }
  | { kind: "text" };

const CHINESE_DIGITS = "一二三四五六七八九十";

/** Full-width digits and stray punctuation around a typed number: "２" "1." "（3）" "第2个". */
export function asChoiceNumber(text: string): number | undefined {
  const t = text
    .replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/^[\s(（【[]+|[\s.。、)）】\]]+$/gu, "")
    .replace(/^(选|第)?(\d{1,3})(个|项|条)?$/u, "$2")
    // 第三个, 选二: a choice named in Chinese numerals (一 to 十), only with 第/选 or 个/项 around it.
    .replace(/^(选|第)?([一二两三四五六七八九十])(个|项|条)?$/u, (all, lead: string | undefined, d: string, tail: string | undefined) =>
      lead || tail ? String(CHINESE_DIGITS.indexOf(d) === -1 ? 2 : CHINESE_DIGITS.indexOf(d) + 1) : all);
  return /^\d{1,3}$/u.test(t) ? Number(t) : undefined;
}

/** A person's status alone: an answer to another question than the one whose label it begins. */
const STATUS_WORD = /^(?:退休|在职|上班|退了)$/u;

/**
 * Which shown choice a typed text picks: its number, its label, or the label's words before
 * its explanation ("长期备案" for "长期备案（异地安置退休…）") when only one label fits.
 */
export function pickChoice(text: string, labels: readonly string[], numbersAreAnswers = false): { kind: "choice"; index: number } | { kind: "out_of_range"; n: number } | { kind: "none" } {
  if (labels.length === 0) return { kind: "none" };
  const n = asChoiceNumber(text);
  if (n !== undefined) {
    if (n >= 1 && n <= labels.length) return { kind: "choice", index: n - 1 };
    return numbersAreAnswers ? { kind: "none" } : { kind: "out_of_range", n: labels.length };
  }
  const t = text.trim().toLowerCase();
  const exact = labels.findIndex((l) => l.toLowerCase() === t);
  if (exact >= 0) return { kind: "choice", index: exact };
  const core = (label: string) => (label.split(/[（(]/u)[0] ?? "").trim().toLowerCase();
  // 退休 / 在职 say who the person is: never a pick of the label they begin (退休后到外地定居 is a long-term registration).
  const prefixOk = t.length >= 2 && !STATUS_WORD.test(t);
  const partial = labels.map((l, i) => [core(l), i] as const).filter(([c]) => c.length >= 2 && (t === c || (prefixOk && c.startsWith(t))));
  // "门诊" begins 门诊慢特病 but is also the end of 普通门诊: a word another label holds is no pick.
  const elsewhere = labels.some((l, i) => !partial.some(([, k]) => k === i) && core(l).includes(t));
  const only = partial[0];
  return partial.length === 1 && only && !elsewhere ? { kind: "choice", index: only[1] } : { kind: "none" };
}

const END = "[。.!！~～]*$";
const COMMANDS: [RegExp, Command][] = [
  [new RegExp(`^(返回|上一步|上一个|后退|back)${END}`, "iu"), "back"],
  [new RegExp(`^(取消|退出|不办了|算了|cancel)${END}`, "iu"), "cancel"],
  [new RegExp(`^(重新开始|重来|从头开始|restart)${END}`, "iu"), "restart"],
  [/^(帮助|help|\?|？|怎么用)$/iu, "help"],
  // Coming back to a half-done flow: restate the pending question.
  [/^(继续|接着|接着来|继续吧|继续问|继续刚才的.{0,8}|接着刚才的.{0,8}|刚才问到哪了|问到哪了)[。.!！]?$/u, "resume"],
];

const NEXT = /^(跳过|下一步|下一个|继续|好的?|嗯|ok)[。.!！]?$/iu;

/**
 * Only thanks or an acknowledgement (谢谢, 好的谢谢, 多谢啦, 明白了, 收到 感谢, 好的好的 麻烦了):
 * 不客气, and carry on. Bare 好的 / 嗯 / ok are not enough alone: they may mean yes or go on.
 */
const THANK_WORDS = "谢谢|多谢|感谢|谢了|谢啦|thanks|thank you|thx|辛苦了|辛苦|麻烦了|麻烦你了|麻烦您了|帮大忙了|帮了大忙了?";
const ACK_WORDS = "知道了|知道啦|明白了|明白啦|懂了|懂啦|收到了?|清楚了|了解了";
// Single characters, no inner repetition: the outer + repeats them (no nested quantifier to backtrack on).
const FILLER = "好的|好嘞|好滴|好哒|好|行|嗯|ok|okay|哦|噢|你|您|啦|了|哈|呀|啊|嘞|的帮助|帮忙|非常|太|真是|真的|啊";
const THANKS = new RegExp(`^(?:(?:${THANK_WORDS}|${ACK_WORDS}|${FILLER})[，,、\\s!！。.~～]*)+$`, "iu");
const THANKS_WORD = new RegExp(`${THANK_WORDS}|${ACK_WORDS}`, "iu");
const MAX_THANKS = 30;
function thanksOnly(text: string): boolean {
  return text.length <= MAX_THANKS && THANKS_WORD.test(text) && THANKS.test(text);
}

const YES = /^(是|是的|是啊|是呀|对|对的|对啊|对呀|没错|没错的|嗯+|嗯嗯|好|好的|可以|行|确认|确定|正确|就是|就是的|是这样|对头|yes|y|ok)[。.!！~～]*$/iu;
const NO = /^(不是|不是的|不对|不对的|错了|不|否|没有|没|不用|不要|不行|算了|no|n)[。.!！~～]*$/iu;

const UNKNOWN = /^(我)?(也|还是|真|真的|确实|实在)?(不知道|不清楚|不确定|不晓得|没数|不了解|说不清|记不清|不记得|忘了)/u;
/** "不知道", "不清楚": the person cannot answer the question (its stated default may then be taken). */
export function saysDontKnow(text: string): boolean {
  return typeof text === "string" && UNKNOWN.test(text.trim()) && text.trim().length <= 12;
}

/** What only a hospital stay has (押金, 床位, 病房, 出院): 住院, when the person cannot say which it was. */
const STAY = /押金|预交金|床位|病房|病床|入院|出院|住了|住着|住进|躺了|陪床|陪护|手术|开刀/u;
export function saysStay(text: string): boolean {
  return typeof text === "string" && STAY.test(text);
}

/** "没有", "0": none of the bill was 乙类 or 目录外 (an amount of 0, not a refusal). */
const NONE = /^((没有?|无|都没有|一分也?没有|零|0+(\.0+)?)\s*(元|块)?|(没有|无)(乙类|自费|目录外|全自费).*)(的|了|吧|呀|啊|哦)?[。.!！]?$/u;

/** What a reply to the pending question is; `text` means: read it with `parse`. */
export function readReply(raw: string, pending: PendingQuestion = {}): ReplyReading {
  const text = typeof raw === "string" ? raw.trim() : "";
  if (text === "") return { kind: "text" };
  if (pending.choices && pending.choices.length > 0) {
    const picked = pickChoice(text, pending.choices, pending.numbersAreAnswers);
    if (picked.kind !== "none") return picked;
    // One thing offered ("您是说深圳吗？"): 是的 / 对 takes it.
    if (pending.choices.length === 1 && !pending.yesNo && !pending.billPart && YES.test(text)) return { kind: "choice", index: 0 };
  }
  if (pending.yesNo) {
    if (YES.test(text)) return { kind: "yes" };
    if (NO.test(text)) return { kind: "no" };
  }
  for (const [pattern, command] of COMMANDS) if (pattern.test(text)) return { kind: "command", command };
  if (pending.stepping && NEXT.test(text)) return { kind: "next" };
  if (thanksOnly(text)) return { kind: "thanks" };
  if (pending.billPart) {
    if (UNKNOWN.test(text)) return { kind: "unknown" };
    if (NONE.test(text)) return { kind: "none" };
  }
  return { kind: "text" };
}

/** A message that asks something, not only answers. */
const QUESTION_CUE = /[?？吗呢]|多久|多长|怎么|怎样|如何|什么|哪些|哪里|能不能|会不会|可不可以|要不要|是不是/u;
export function asksQuestion(text: string): boolean {
  return QUESTION_CUE.test(text);
}

/** Words that make a bare number money (a number alone, while a city is asked, is not a cost). */
const MONEY_CUE = /[万元块￥¥]|花了|费用|[0-9]\s*w\b/iu;
export function hasMoneyCue(text: string): boolean {
  return MONEY_CUE.test(text);
}

export type ClaimReason = "unregistered" | "not_networked" | "system" | "maternity";
const WHY_WORDS: [RegExp, ClaimReason][] = [
  [/没.{0,2}备案|未备案/u, "unregistered"],
  [/联网|不能刷|刷不了/u, "not_networked"],
  [/系统|故障|没结算|没刷/u, "system"],
  [/生孩子|生育|分娩|顺产|剖腹产/u, "maternity"],
];
/** Why a bill was not settled directly (for a manual claim), if the text says. */
export function claimReasonOf(text: string): ClaimReason | undefined {
  return WHY_WORDS.find(([re]) => re.test(text))?.[1];
}

/** Nothing but a thank-you. */
export function isThanks(text: string): boolean {
  return thanksOnly(text.trim());
}
