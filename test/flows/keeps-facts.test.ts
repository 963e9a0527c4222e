/**
 * Corrections and follow-ups that must keep every other fact (QA4 Q113, Q112, Q5, Q92, Q53, Q49,
 * Q63): a place denied inside the first message, one part of the bill put right on its own, the
 * two places restated with one moved to the other role, a person named with no new facts, and an
 * amount typed while a flow that does not use amounts asks its question.
 */
import { describe, expect, it } from "vitest";
import { chat, estimateOf, textOf } from "./chat.ts";

const last = (inputs: string[]) => textOf(chat(inputs).at(-1)!);

describe("a place denied in the same message", () => {
  it.each([
    ["武汉职工 在北京住院 3万 不是在北京住的 是天津", "天津"],
    ["武汉职工 住院花了3万 不是北京 是天津", "天津"],
    ["医保在武汉 职工 住院花了2万 不是在上海住的 是杭州", "杭州"],
  ])("%s → the other place, every other fact kept", (input, place) => {
    const t = estimateOf(chat([input])[0]!);
    expect(t).toBeTruthy();
    expect(t).toMatch(new RegExp(`^按：武汉职工医保[^\\n]*${place}`, "u"));
    expect(t).not.toContain("现在还没有可以改的答案");
  });
});

describe("one part of the bill put right", () => {
  it.each(["乙类没那么多 大概2千", "乙类其实没那么多 2000左右吧", "乙类少一点 2千吧"])("%s → 乙类 2000, the total kept", (input) => {
    const t = last(["武汉职工 在北京住院 3万 乙类5千", input]);
    expect(t).toContain("总费用 30000 元（乙类 2000）");
    expect(t).not.toContain("总费用 2000");
  });

  it("自费的没那么多 1千左右 → 目录外 1000, the total kept", () => {
    const t = last(["武汉职工 在北京住院 3万 自费5千", "自费的没那么多 1千左右"]);
    expect(t).toContain("总费用 30000 元");
    expect(t).toMatch(/自费 1000|目录外 1000/u);
  });
});

describe("the two places restated with one moved to the other role", () => {
  it.each(["医保在天津 看病在北京", "参保地天津 就医地北京"])("%s after 北京职工 上海住院 → 职工 kept", (input) => {
    const replies = chat(["北京职工 上海住院 3万", input]);
    const t = textOf(replies.at(-1)!);
    expect(t).not.toContain("这是一个新问题");
    // Asked before applied, or applied: either way 职工 stays.
    const after = textOf(chat(["北京职工 上海住院 3万", input, "#cf:y"]).at(-1)!);
    expect(`${t}\n${after}`).not.toContain("居民医保");
    expect(after).toMatch(/^按：天津职工医保/mu);
  });
});

describe("a person named with no new facts", () => {
  it.each(["我妈", "我老婆", "给我爸问的", "是我老公", "病人是我妈", "我奶奶"])("%s in the middle keeps 兰州 职工", (who) => {
    const t = last(["医保在兰州 职工", who, "在西安住院 2万"]);
    expect(t).toMatch(/^按：兰州职工医保/mu);
    expect(textOf(chat(["医保在兰州 职工", who])[1]!)).not.toContain("这是一个新问题");
  });

  it("在郑州我哥家住 answering where the care is keeps 洛阳 and 退休", () => {
    const replies = chat(["医保在洛阳", "退休", "在郑州我哥家住"]);
    expect(textOf(replies[2]!)).not.toContain("这是一个新问题");
    expect(textOf(replies[2]!)).not.toContain("您在哪里参保");
  });

  it("我爸也是 after an estimate: the same figures, not a new question", () => {
    const t = last(["武汉职工 在北京住院 3万", "我爸也是"]);
    expect(t).not.toContain("这是一个新问题");
    expect(t).toContain("19272");
  });

  it("那我妈在上海住院呢 after an estimate is still a new question", () => {
    expect(last(["武汉职工 在北京住院 3万", "那我妈在上海住院呢"])).toContain("这是一个新问题");
  });
});

describe("an amount while a flow that uses none asks its question", () => {
  it.each(["1万5", "花了八千", "大概三万", "五千", "八百多"])("%s → worked out with the facts known, not 没看懂", (amount) => {
    const t = last(["医保在兰州 居民", "在西安住院", amount]);
    expect(t).not.toContain("没看懂");
    expect(t).toMatch(/^按：兰州居民医保/mu);
  });

  it.each(["五千", "两千八"])("%s at the estimate's registration question → the total", (amount) => {
    const t = last(["武汉职工 在北京住院 要备案吗", "/estimate", amount]);
    expect(t).not.toContain("没看懂");
  });

  it("三万 at the category question after 北京职工 上海住院", () => {
    const t = last(["北京职工 上海住院", "三万"]);
    expect(t).not.toContain("没看懂");
    expect(t).toMatch(/总费用 30000 元|30000/u);
  });
});
