/**
 * Found playing fresh users (retirees, migrant workers, families): a deposit said in the middle of
 * a flow, a correction of the registration kind led by 不对, where a person lives against where
 * the care is, and a registration kind given after the cancel question.
 */
import { describe, expect, it } from "vitest";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { chat, estimateOf } from "./chat.ts";

const readBack = (t: string | undefined) => t?.split("\n").find((l) => l.startsWith("按："));

describe("a deposit said while a question is pending goes with the answers", () => {
  it.each([
    ["押金交了五万", "50000 元"],
    ["医院收了3万押金", "30000 元"],
    ["预交金交了两万", "20000 元"],
  ])("%s", (said, figure) => {
    const r = chat(["我爸心梗在西安抢救 医保在兰州 花了十五万", said, "职工", "退休", "住院", "三级", "不知道", "不知道"]).at(-1)!;
    const line = readBack(estimateOf(r));
    expect(line).toContain(m.readBack.deposit(figure));
    expect(line).toContain("总费用 150000 元");
  });
});

describe("不对 before the kind of registration is a change, applied at once", () => {
  it.each(["不对 是临时的", "不对，临时的", "错了 是临时备案"])("%s", (words) => {
    const r = chat(["我是北京职工 退休了 在海南住院 花了4万 办了长期备案", words]).at(-1)!;
    expect(r[0]!.text).toBe(m.change.changed("其他临时外出就医"));
    expect(readBack(estimateOf(r))).toContain("其他临时外出备案");
  });
});

describe("living where the insurance is says nothing of where the care is", () => {
  it.each([
    "我在苏州上班 社保在苏州交的 老家是盐城 回盐城住院能报吗",
    "我在厦门工作 医保也在厦门 回赣州老家住院",
  ])("%s: not taken as living at the place of care", (text) => {
    const r = chat([text]).at(-1)!;
    expect(r[0]!.text).not.toContain("常住或在就医地工作");
  });
  it.each(["自己来北京打工的 医保在石家庄 在北京住院了 花了3万", "我在东莞打工 医保是周口的 在东莞住院花了2万"])("%s: living there, so a long-term registration is assumed and said", (text) => {
    const line = readBack(estimateOf(chat([text]).at(-1)!));
    expect(line).toContain("长期备案");
    expect(line).toContain("长期备案是我假设的");
  });
});
