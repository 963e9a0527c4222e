/**
 * Questions about the answer itself or about the assistant (这个准吗, 数据是哪年的, 你们是官方的吗,
 * 能截图发给我爸吗, 你是机器人吗): each gets a short honest line, and the answer stays (QA5 Q103, Q47).
 * Only short messages count: 这个准吗 inside a longer one is a question about the case.
 */
export type AboutAnswer = "accuracy" | "dataYear" | "official" | "share" | "robot";

const KINDS: readonly [AboutAnswer, RegExp][] = [
  ["dataYear", /(数据|政策|资料|信息|规定)[^，,。]{0,3}(哪一?年|几几年|什么时候|多久|最新|过时|更新)|(哪一?年|什么时候)的(数据|政策|规定)/u],
  ["official", /(是|你们|你)(不是)?(官方|政府|医保局)|官方的(吗|不|嘛|么)|你们是(谁|哪个单位|什么机构|哪家)/u],
  ["share", /截图|截个图|截屏|转发|分享给|发给(我|他|她)/u],
  ["robot", /机器人|是真人|(转|找|有|要)人工|人工(客服|服务)|是(ai|AI)|自动回复/u],
  ["accuracy", /^(这个|这|你这个?|你算的|算的|这个数|这个结果|这结果|结果|数字)?(算得|算的)?(准|准确|靠谱|可靠|可信|对)(吗|不|嘛|么|不准|不对|不靠谱)|准不准|靠不靠谱|可信吗/u],
];

/** At most this many characters: a question about the answer is a short one. */
const MAX_LENGTH = 16;

export function aboutAnswerOf(text: string): AboutAnswer | undefined {
  if (typeof text !== "string") return undefined;
  const t = text.replace(/[\s?？!！。.~～]/gu, "");
  if (t.length === 0 || t.length > MAX_LENGTH || /\d/u.test(t)) return undefined;
  return KINDS.find(([, re]) => re.test(t))?.[0];
}
