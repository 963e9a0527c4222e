/**
 * Questions about the answer or the assistant (这个准吗, 数据是哪年的, 你们是官方的吗, 能截图发给我爸吗,
 * 你是机器人吗) get one short honest line; the estimate stays, and 我爸 in 发给我爸 is no new person
 * (QA5 Q103, Q47).
 */
import { describe, expect, it } from "vitest";
import { aboutAnswerOf } from "../../src/language/about-answer.ts";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { chat, textOf } from "./chat.ts";

const ESTIMATE = "北京职工在职 上海住院 3万";

describe("read as a question about the answer", () => {
  it.each([
    ["这个准吗", "accuracy"], ["准不准啊", "accuracy"], ["靠谱吗", "accuracy"],
    ["数据是哪年的", "dataYear"], ["政策是最新的吗", "dataYear"],
    ["谢谢 你们是官方的吗", "official"], ["是医保局的吗", "official"],
    ["能截图发给我爸吗", "share"], ["可以转发给我妈吗", "share"],
    ["你是机器人吗", "robot"], ["是真人吗", "robot"], ["有人工吗", "robot"],
  ])("%s → %s", (text, kind) => expect(aboutAnswerOf(text)).toBe(kind));
  it.each(["人工关节能报吗", "去官方网站办吗", "医保已经报了3万 对吗", "他是我爸 退休好多年了", "备案了"])("not: %s", (text) => {
    expect(aboutAnswerOf(text)).toBeUndefined();
  });
});

describe("after an estimate: the line, then the estimate's closing choices", () => {
  it.each([
    ["这个准吗", m.aboutAnswer.accuracy],
    ["你们是官方的吗", m.aboutAnswer.official],
    ["能截图发给我爸吗", m.aboutAnswer.share],
    ["你是机器人吗", m.aboutAnswer.robot],
  ])("%s", (said, line) => {
    const r = chat([ESTIMATE, said]).at(-1)!;
    expect(r.map((x) => x.text)).toEqual([line, m.estimate.after]);
  });
  it("数据是哪年的: the year of the policy the estimate used", () => {
    const estimate = textOf(chat([ESTIMATE]).at(-1)!);
    const year = /按参保地 (\d{4} 年)的政策/.exec(estimate)?.[1];
    expect(year).toMatch(/^\d{4} 年$/);
    expect(chat([ESTIMATE, "数据是哪年的"]).at(-1)![0]!.text).toBe(m.aboutAnswer.dataYear(year));
  });
  it("能截图发给我爸吗 keeps the case: a change after it still applies to the same places", () => {
    const r = chat([ESTIMATE, "能截图发给我爸吗", "改成退休"]).at(-1)!;
    expect(textOf(r)).toMatch(/按：北京职工医保、退休、上海/);
  });
});

describe("at the menu", () => {
  it("你是机器人吗: the line, then the menu — not the help block", () => {
    const r = chat(["你是机器人吗"]).at(-1)!;
    expect(r[0]!.text.startsWith(m.aboutAnswer.robot)).toBe(true);
    expect(r[0]!.text).not.toContain(m.help);
  });
});
