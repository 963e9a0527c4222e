import { describe, expect, it } from "vitest";
import { readReply, pickChoice, asksQuestion, hasMoneyCue, claimReasonOf, isThanks } from "../../src/language/replies.ts";

const LEVELS = ["三级医院", "二级医院", "一级及以下", "不知道"];
const CATEGORIES = ["长期备案（异地安置退休、长期居住、常驻工作）", "临时备案（转诊、急诊、其他临时外出）", "门诊慢特病", "普通门诊"];

describe("choices by number or by text", () => {
  it.each([
    ["2", 1], ["２", 1], ["（3）", 2], ["1.", 0], ["第2个", 1], ["选3", 2], ["二级医院", 1], ["三级医院", 0],
  ])("%s picks choice %i", (text, index) => {
    expect(readReply(text, { choices: LEVELS })).toEqual({ kind: "choice", index });
  });
  it("the words before a label's explanation pick it when only one label fits", () => {
    expect(pickChoice("长期备案", CATEGORIES)).toEqual({ kind: "choice", index: 0 });
    expect(pickChoice("临时", CATEGORIES)).toEqual({ kind: "choice", index: 1 });
  });
  it("a word that two labels hold picks nothing", () => {
    expect(pickChoice("门诊", CATEGORIES)).toEqual({ kind: "none" });
  });
  it("a number past the list is out of range, unless an amount is asked", () => {
    expect(readReply("7", { choices: LEVELS })).toEqual({ kind: "out_of_range", n: 4 });
    expect(readReply("7", { choices: LEVELS, numbersAreAnswers: true })).toEqual({ kind: "text" });
    expect(readReply("0", { choices: LEVELS })).toEqual({ kind: "out_of_range", n: 4 });
  });
  it("no choices shown: a number is text for the parser", () => {
    expect(readReply("2", {})).toEqual({ kind: "text" });
  });
});

describe("yes and no, only when a yes/no question is pending", () => {
  it.each(["是", "是的", "对", "对的。", "没错", "嗯嗯", "确认", "好的"])("%s is yes", (text) => {
    expect(readReply(text, { yesNo: true })).toEqual({ kind: "yes" });
  });
  it.each(["不是", "不对", "错了", "不", "没有", "不是的！"])("%s is no", (text) => {
    expect(readReply(text, { yesNo: true })).toEqual({ kind: "no" });
  });
  it("without a yes/no question 是的 is just text and 算了 a cancel", () => {
    expect(readReply("是的", {})).toEqual({ kind: "text" });
    expect(readReply("算了", {})).toEqual({ kind: "command", command: "cancel" });
  });
  it("a sentence after the yes is left to the parser (it carries a new value)", () => {
    expect(readReply("对 他退休了", { yesNo: true })).toEqual({ kind: "text" });
  });
});

describe("commands", () => {
  it.each([
    ["返回", "back"], ["上一步", "back"], ["取消", "cancel"], ["不办了", "cancel"], ["重新开始", "restart"], ["重来！", "restart"],
    ["帮助", "help"], ["?", "help"], ["继续", "resume"], ["继续刚才的估算", "resume"], ["问到哪了", "resume"],
  ])("%s → %s", (text, command) => {
    expect(readReply(text)).toEqual({ kind: "command", command });
  });
  it("继续 while stepping through a checklist is resume (the flow shows the next step)", () => {
    expect(readReply("下一步", { stepping: true })).toEqual({ kind: "next" });
    expect(readReply("好的", { stepping: true })).toEqual({ kind: "next" });
    expect(readReply("下一步", {})).toEqual({ kind: "text" });
  });
  it("a question that contains 取消 is not a command", () => {
    expect(readReply("备案了能取消不")).toEqual({ kind: "text" });
  });
});

describe("thanks, unknown and none", () => {
  it("thanks", () => {
    expect(readReply("好的谢谢")).toEqual({ kind: "thanks" });
    expect(readReply("谢谢你的帮助！")).toEqual({ kind: "thanks" });
    expect(isThanks("谢谢 那押金呢")).toBe(false);
  });
  it("while a bill part is asked: 不知道 is unknown, 没有 is none", () => {
    expect(readReply("不知道", { billPart: true })).toEqual({ kind: "unknown" });
    expect(readReply("我也不清楚", { billPart: true })).toEqual({ kind: "unknown" });
    expect(readReply("没有", { billPart: true })).toEqual({ kind: "none" });
    expect(readReply("0元", { billPart: true })).toEqual({ kind: "none" });
    expect(readReply("没有自费的", { billPart: true })).toEqual({ kind: "none" });
    expect(readReply("没有", {})).toEqual({ kind: "text" });
  });
});

describe("small readers", () => {
  it("asksQuestion", () => {
    expect(asksQuestion("上海，有效期多久")).toBe(true);
    expect(asksQuestion("上海")).toBe(false);
  });
  it("hasMoneyCue", () => {
    expect(hasMoneyCue("3000块")).toBe(true);
    expect(hasMoneyCue("3w")).toBe(true);
    expect(hasMoneyCue("3000")).toBe(false);
  });
  it("claimReasonOf", () => {
    expect(claimReasonOf("没办备案")).toBe("unregistered");
    expect(claimReasonOf("那家医院没联网")).toBe("not_networked");
    expect(claimReasonOf("系统故障没刷上")).toBe("system");
    expect(claimReasonOf("生孩子")).toBe("maternity");
    expect(claimReasonOf("就是想报销")).toBeUndefined();
  });
  it("never throws on odd input", () => {
    expect(readReply(undefined as unknown as string)).toEqual({ kind: "text" });
    expect(readReply("\u0000".repeat(3), { choices: [] })).toEqual({ kind: "text" });
  });
});
