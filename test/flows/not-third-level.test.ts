/** 不是三甲: a negated level never fills 三级; the level is asked, and 不清楚 takes the one the words allow. */
import { describe, expect, it } from "vitest";
import { chat, estimateOf, textOf } from "./chat.ts";

describe("不是三甲", () => {
  it("is not estimated at 三级: the level is asked, without 三级 among the buttons", () => {
    const [replies] = chat(["苏州职工 在上海住院 不是三甲 花了3万"]);
    expect(estimateOf(replies!)).toBeUndefined();
    const last = replies!.at(-1)!;
    expect(last.text).toContain("不是三甲");
    const labels = (last.choices ?? []).map((c) => c.label);
    expect(labels.some((l) => l.includes("二级"))).toBe(true);
    expect(labels.some((l) => l.includes("三级"))).toBe(false);
  });

  it("the level picked is the one computed on", () => {
    const all = chat(["苏州职工 在上海住院 不是三甲 花了3万", "二级"]);
    expect(estimateOf(all.at(-1)!)).toMatch(/^按：[^\n]*上海二级医院住院/u);
  });

  it("不清楚 takes 二级 (what the words allow), said as an assumption", () => {
    const all = chat(["苏州职工 在上海住院 不是三甲 花了3万", "不清楚"]);
    const text = textOf(all.at(-1)!);
    expect(estimateOf(all.at(-1)!)).toMatch(/^按：[^\n]*上海二级医院住院[^\n]*（[^）]*二级医院[^）]*是我假设的）/u);
    expect(text).not.toContain("按三级医院算");
  });

  it("不是三甲 是三乙 is 三级, as said", () => {
    expect(estimateOf(chat(["苏州职工 在上海住院 不是三甲 是三乙 花了3万"])[0]!)).toMatch(/^按：[^\n]*上海三级医院住院/u);
  });
});

describe("不是三甲, then the 不知道 button", () => {
  it("takes 二级 as an assumption too", () => {
    const all = chat(["苏州职工 在上海住院 不是三甲 花了3万", "#v:level:?"]);
    expect(estimateOf(all.at(-1)!)).toMatch(/^按：[^\n]*上海二级医院住院[^\n]*（[^）]*二级医院[^）]*是我假设的）/u);
    expect(textOf(all.at(-1)!)).toContain("按二级医院算（您说不是三甲）");
  });
});

describe("不是三甲 after an estimate at 三级", () => {
  it("takes the level back and asks it", () => {
    const all = chat(["苏州职工 在上海住院 花了3万", "不是三甲"]);
    expect(estimateOf(all.at(-1)!)).toBeUndefined();
    expect(textOf(all.at(-1)!)).toContain("是二级还是一级医院");
    expect(estimateOf(chat(["苏州职工 在上海住院 花了3万", "不是三甲", "二级"]).at(-1)!)).toMatch(/^按：[^\n]*上海二级医院住院/u);
  });
});
