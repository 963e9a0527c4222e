/**
 * What the person said is said back, not silently dropped or repeated: the figure not picked as
 * the total stays on the read-back line, a deposit typed with the bill gets its rule first, and a
 * correction that changes nothing says so instead of showing the same estimate again.
 */
import { describe, expect, it } from "vitest";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { chat, estimateOf, textOf } from "../flows/chat.ts";

const readBack = (t: string | undefined) => t?.split("\n").find((l) => l.startsWith("按："));
const TWO = "南昌职工 去广州住院 花了6万 总共7万";

describe("the figure not picked as the total", () => {
  it("is carried into the read-back line when a button picks the total", () => {
    const line = readBack(estimateOf(chat([TWO, "#amt:70000"]).at(-1)!));
    expect(line).toContain("总费用 70000 元");
    expect(line).toContain(m.readBack.leftOut("60000 元"));
  });
  it("also when the choice's number is typed", () => {
    expect(readBack(estimateOf(chat([TWO, "1"]).at(-1)!))).toContain(m.readBack.leftOut("70000 元"));
  });
  it("stays through a correction of something else, and goes when a new total is given", () => {
    expect(readBack(estimateOf(chat([TWO, "1", "改成二级医院"]).at(-1)!))).toContain(m.readBack.leftOut("70000 元"));
    const r = chat([TWO, "1", "金额改成8万"]).at(-1)!;
    expect(readBack(estimateOf(r))).toContain("总费用 80000 元");
    expect(readBack(estimateOf(r))).not.toContain("另有");
  });
  it("inside an estimate, a pick among two figures keeps the other one too", () => {
    const asked = ["/estimate", "苏州", "职工", "上海", "住院", "三甲", "其他临时外出就医", "在职"];
    const r = chat([...asked, "3万 4万", "#amt:40000", "不知道", "不知道"]).at(-1)!;
    expect(readBack(estimateOf(r))).toContain(m.readBack.leftOut("30000 元"));
  });
  it("a figure that is the only one is not said twice", () => {
    expect(readBack(estimateOf(chat(["南昌职工 去广州住院 花了6万"]).at(-1)!))).not.toContain("另有");
  });
});

describe("a deposit typed with the whole bill", () => {
  it("is an estimate, with the deposit rule said before the figures", () => {
    const r = chat(["医保南通 在上海住院 押金交了3万 最后结账花了5万"]).at(-1)!;
    const at = r.findIndex((x) => x.text.includes("医保基金支付"));
    expect(at).toBeGreaterThan(0);
    expect(textOf(r.slice(0, at))).toMatch(/押金/);
    expect(readBack(estimateOf(r))).toContain("总费用 50000 元");
  });
  it("without a deposit no deposit rule is added", () => {
    const r = chat(["医保南通 在上海住院 最后结账花了5万"]).at(-1)!;
    expect(textOf(r)).not.toMatch(/押金/);
  });
});

describe("the estimate asked again at its result, with no fact that changes it", () => {
  const EST = "温州职工 在上海住院 出院一共花了5万2";
  it("shows the answers it was worked out from, to change one, not 没看懂", () => {
    for (const again of ["没备案 后来备案了 还能报多少"]) {
      const replies = chat([EST, again]).at(-1)!;
      const t = textOf(replies);
      const labels = replies.flatMap((r) => r.choices ?? []).map((c) => c.label);
      expect(t).not.toContain(m.problems.unclear);
      expect(t).toContain(m.estimate.pickChange);
      expect(labels).toContain("备案类型：其他临时外出就医");
      expect(labels).toContain("总费用：52000 元");
    }
  });

  it("那还能报多少, with nothing in it to change: the estimate's bottom line in one sentence (QA4 Q50)", () => {
    const t = textOf(chat([EST, "那还能报多少"]).at(-1)!);
    expect(t).not.toContain(m.problems.unclear);
    expect(t).not.toContain(m.estimate.pickChange);
    expect(t).toMatch(/医保大约付 [\d,]+ 元/u);
  });
});
