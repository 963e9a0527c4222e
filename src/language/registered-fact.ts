/**
 * 备案了, 已经备案了, 长期备案了, 办好备案了: a message that only says the registration is done.
 * After an answer it is a fact to apply (QA5 Q91), not a request for the registration steps,
 * which the same words would otherwise be read as (备案 names the registration job).
 */
const WHO = "(?:我|我们|她|他|老人|我妈|我爸|老人家)?";
const ALREADY = "(?:已经|已|早就|早|都)?";
const KIND = "(?:异地)?(?:就医)?(?:长期|临时|其他临时)?(?:外出)?(?:的)?(?:异地)?(?:就医)?";
const DONE_BEFORE = "(?:办了|办好了?|办过|做了|弄好了?|申请了)";
const DONE_AFTER = "(?:了|过了?|好了|办好了?|办了|已经办好?了|弄好了|做好了)";
const END = "[的啊呀哦嘛呢]?[。.!！~～\\s]*$";

const REGISTERED_ONLY: readonly RegExp[] = [
  // 备案了, 长期备案了, 已经备案了, 备案办好了
  new RegExp(`^${WHO}${ALREADY}${KIND}备案${DONE_AFTER}${END}`, "u"),
  // 已备案, 已经长期备案 (the 已 is the done-cue)
  new RegExp(`^${WHO}(?:已经|已)${KIND}备案${END}`, "u"),
  // 办好备案了, 已经办了长期备案, 办过备案
  new RegExp(`^${WHO}${ALREADY}${DONE_BEFORE}${KIND}备案(?:了)?${END}`, "u"),
  // 备过案了, 备好案了
  new RegExp(`^${WHO}${ALREADY}备(?:过|好|上)案(?:了)?${END}`, "u"),
];

/** Whether the whole message says a registration is done and nothing else (no question, no denial). */
export function saysRegisteredOnly(text: string): boolean {
  if (typeof text !== "string") return false;
  const t = text.trim().replace(/^(?:嗯|哦|噢|对|是的|是)[,，\s]*/u, "");
  return t.length <= 20 && REGISTERED_ONLY.some((re) => re.test(t));
}

/** 备案好了, 已经备案了, 长期备案办好了 anywhere in the message, not denied (没备案好 is none). */
const REGISTERED_SAID = /(?:已经?|办了|办好了?|办过)(?:异地)?(?:就医)?(?:长期|临时)?(?:的)?备案|(?:长期|临时)?备案(?:已经)?(?:办好了?|办了|弄好了|好了|了|过)(?![吗么没])|备(?:过|好)案/u;
const DENIED_BEFORE = /(?:没|没有|未|还没|还未|不)$/u;

/** Whether the message says the registration is done (备案好了 去医院要带啥): the person is registered. */
export function saysRegistered(text: string): boolean {
  if (typeof text !== "string") return false;
  const m = REGISTERED_SAID.exec(text);
  return !!m && !DENIED_BEFORE.test(text.slice(Math.max(0, m.index - 2), m.index));
}
