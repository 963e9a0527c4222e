/**
 * 比例会不会降 / 先自付多少 / 要备案吗 once the places are known (fresh-user findings B4): the
 * insured place's own rule and its source, read from the policy data, instead of the national
 * ceilings; and for 要备案吗 with both places known, what the data says for those two places
 * first (免备案 where it is), never "要先备案" beside "免备案" in one reply.
 */
import { describe, expect, it } from "vitest";
import { directSettlement, getPolicyBook } from "../../src/policy/index.ts";
import { chat, textOf } from "./chat.ts";

const first = (text: string) => textOf(chat([text])[0]!);
const NATIONAL_CEILING = "其他临时外出最多降20个百分点";

describe("比例会不会降 from a place with its own rule", () => {
  it.each([
    ["我是苏州的 去外地住院报销比例会降吗", "苏州", "按正常报销比例的 80% 支付"],
    ["我是深圳的 临时出去看病 比例会降多少", "深圳", "按正常报销比例的 80% 支付"],
    ["我是北京的职工 去外地住院了 报销比例会不会降", "北京", "其他临时外出就医：报销比例不降低"],
    ["我是南昌的 去外省看病要先自付多少", "南昌", "先个人自付 20%"],
    ["杭州医保 去外地看病 报销比例降多少", "杭州", "先个人自付 20%"],
  ])("%s → %s's own rule, with its source", (text, place, rule) => {
    const t = first(text);
    expect(t).toContain(`按${place}的规定`);
    expect(t).toContain(rule);
    expect(t).toMatch(/（来源：[^）]+）/u);
    expect(t).not.toContain(NATIONAL_CEILING);
  });

  it("after an estimate, the place of that estimate answers", () => {
    const replies = chat(["我是杭州的职工医保 去北京看病 临时去的 没转诊 住院花了6万 三甲 在职", "比例会不会降"]);
    const t = textOf(replies.at(-1)!);
    expect(t).toContain("按杭州的规定");
    expect(t).toContain("先个人自付 20%");
  });

  it("a place without a rule of its own still gets the national ceilings", () => {
    const t = first("我是阜阳的 去外地住院报销比例会降吗");
    expect(t).toContain(NATIONAL_CEILING);
  });

  it("with no place known, the national ceilings", () => {
    expect(first("异地看病报销比例会降吗")).toContain(NATIONAL_CEILING);
  });
});

describe("要备案吗 with both places known", () => {
  const book = getPolicyBook();
  it.each([
    ["石家庄的 在北京看病要备案吗", "130100", "110000"],
    ["苏州的 去上海看病要备案吗", "320500", "310000"],
    ["天津职工 在职 在北京住院 三甲 花了5万 要备案吗", "120000", "110000"],
    ["邯郸职工 在北京看病要备案吗", "130400", "110000"],
  ])("%s → 免备案 as the data says, and no 要先备案", (text, insured, treatment) => {
    expect(directSettlement(book, { insured, treatment, date: "2025-08-01" }).reason).toBe("free_zone");
    const t = first(text);
    expect(t).toContain("免备案");
    expect(t).not.toContain("就要先备案");
    expect(t).not.toContain("要先办异地就医备案");
  });

  it.each([
    ["武汉的 去广州看病要备案吗", "武汉医保到广州看病属于跨省异地就医"],
    ["成都职工在职 在北京住院 三甲 花了2万 要不要备案", "成都医保到北京看病属于跨省异地就医"],
  ])("%s → the answer for these two places first", (text, lead) => {
    const t = first(text);
    expect(t.startsWith(lead)).toBe(true);
    expect(t).toContain("要先办异地就医备案");
    expect(t).not.toContain("免备案");
  });

  it("the same 统筹区 needs no registration at all", () => {
    expect(first("苏州的 在苏州看病要备案吗")).toContain("不算异地就医");
  });
});
