/**
 * Questions the form held hostage (QA3 B2, B3) and follow-ups to a side answer (B5, B6):
 * answered at once from the policy data with their source, never "您在哪里参保？" first.
 */
import { describe, expect, it } from "vitest";
import { chat, textOf } from "./chat.ts";

const HELD = /^(您在哪里参保|您在哪里看病|为什么没能在医院直接结算|您为什么在就医地看病|抱歉，没看懂|没看懂)/mu;
const texts = (inputs: string[]) => chat(inputs).map(textOf);
const last = (inputs: string[]) => texts(inputs).at(-1)!;

describe("general questions answered first (B2)", () => {
  it("我能同时备案两个地方吗 → what registering to a place means, what we do not know, the source", () => {
    const t = last(["我能同时备案两个地方吗"]);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("备案是备案到就医的城市");
    expect(t).toContain("参保地医保经办机构");
    expect(t).toMatch(/（来源：[^）]+）/u);
  });

  it.each(["备案选错城市了怎么办", "备案填错了地方咋办"])("%s → how to change or cancel, and where", (text) => {
    const t = last([text]);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("临时备案可以随时取消");
    expect(t).toContain("参保地医保经办机构");
    expect(t).toMatch(/（来源：[^）]+）/u);
  });

  it("备案后在本地医保卡还能用吗 → both places (双向享受)", () => {
    const t = last(["备案后在本地医保卡还能用吗"]);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("在备案地和参保地都能享受待遇");
  });
});

describe("a city's own figures, asked directly (B3)", () => {
  it("北京职工 在职 起付线多少 → 北京's 起付线 with its source, no treatment place asked", () => {
    const t = last(["北京职工 在职 起付线多少"]);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("1300");
    expect(t).toContain("650");
    expect(t).toContain("北京职工医保住院、门诊报销比例");
    // Only the figure asked for.
    expect(t).not.toContain("年度封顶");
  });

  it("封顶多少, then 那退休呢 → the cap, then the retirees' figures", () => {
    const [, cap, retired] = texts(["北京职工 在职 起付线多少", "封顶多少", "那退休呢"]);
    expect(cap).not.toMatch(HELD);
    expect(cap).toContain("50万");
    expect(cap).toContain("北京医保住院封顶线50万元");
    expect(retired).not.toMatch(HELD);
    expect(retired).toContain("退休");
    expect(retired).toContain("95.5%");
  });

  it("异地就医 报销比例是多少 → whose rule decides, and why the city is asked", () => {
    const t = last(["异地就医 报销比例是多少"]);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("参保地");
    expect(t).toContain("告诉我您在哪里参保");
  });

  it("a city without its own figures says so, and gives none", () => {
    const t = last(["拉萨职工 起付线多少"]);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("拉萨");
    expect(t).toContain("没有核实过");
    expect(t).not.toMatch(/\d{3,} ?元/u);
  });
});

describe("follow-ups repeat the last side answer with the changed place (B5, B6)", () => {
  it("那在天津呢 after a free-zone answer → the same question for 天津", () => {
    const t = last(["河北石家庄职工 在北京看病 要不要备案", "那在天津呢"]);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("天津在石家庄医保的免备案范围内");
  });

  it("那在上海呢 after the same → 上海 needs a registration", () => {
    const t = last(["河北石家庄职工 在北京看病 要不要备案", "那在上海呢"]);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("石家庄医保到上海看病");
  });

  it("那在北京呢 after the chronic-disease answer → answered again, not the form", () => {
    const t = last(["糖尿病 每个月拿药 医保在沈阳 人在大连 能报吗", "那在北京呢"]);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("门诊慢特病");
    expect(t).toContain("北京");
  });

  it("那打哪个 after the hotline answer → the insured place's own number", () => {
    const t = last(["12393打不通啊", "那打哪个"]);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("参保地医保局");
  });
});
