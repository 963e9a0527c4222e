import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

const money = (text: string) => {
  const p = parse(text);
  const { amount, classB, outOfCatalog, deposit, yearToDate, quotedDeductible } = p.slots;
  return { slots: JSON.parse(JSON.stringify({ amount, classB, outOfCatalog, deposit, yearToDate, quotedDeductible })), ambiguities: (p.ambiguities ?? []).filter((a) => a.slot === "amount") };
};

describe("every amount in its role", () => {
  it.each([
    ["南昌职工 去广州中山一院住院 没办转诊 花了三万五 乙类大概五千", { amount: "35000", classB: "5000" }],
    ["南昌职工 去广州住院 10万 乙类2万 自费5000", { amount: "100000", classB: "20000", outOfCatalog: "5000" }],
    ["总费用10万 其中自费5000", { amount: "100000", outOfCatalog: "5000" }],
    ["4万2的总费用 乙类的话占了七千", { amount: "42000", classB: "7000" }],
    ["一共花了三万六，乙类三千多，自费的两千五", { amount: "36000", classB: "3000", outOfCatalog: "2500" }],
    ["住院一共八万 目录外的有一万", { amount: "80000", outOfCatalog: "10000" }],
    ["我爸在西安住院花了五万二 其中乙类药八千 丙类一千", { amount: "52000", classB: "8000", outOfCatalog: "1000" }],
    ["5000是乙类 总共2万", { amount: "20000", classB: "5000" }],
    ["入院的时候押金交了3万 出院一算一共花了4万6", { amount: "46000", deposit: "30000" }],
    ["先交了一万五押金 结账总共一万二", { amount: "12000", deposit: "15000" }],
    ["预交金2万 最后费用是17600", { amount: "17600", deposit: "20000" }],
    ["押金交了一万 出院能退吗", { deposit: "10000" }],
    ["今年在本地已经报过2万了 这次在外地又花了5万", { amount: "50000", yearToDate: "20000" }],
    ["听说起付线是1300 我在昆明住院花了2万4", { amount: "24000", quotedDeductible: "1300" }],
    ["起付标准大概900吧 住院总共花了1万1", { amount: "11000", quotedDeductible: "900" }],
    ["在北京住院 自费了6万 回去能报多少", { amount: "60000" }],
    ["全自费花了2万 回老家能报吗", { amount: "20000" }],
    // 7万 right before 起付线 is not "7万起" (from 7万 up).
    ["在北京住院 花了7万 起付线好像是1300 能报多少", { amount: "70000", quotedDeductible: "1300" }],
    ["温州职工医保 总共花了3.5万 其中乙类4千多 自费2千", { amount: "35000", classB: "4000", outOfCatalog: "2000" }],
    ["花了十二万 目录外的大概1万5 今年之前报过2万", { amount: "120000", outOfCatalog: "15000", yearToDate: "20000" }],
  ])("%s", (text, want) => {
    const got = money(text);
    expect(got.slots).toEqual(want);
    expect(got.ambiguities).toEqual([]);
  });
});

describe("figures that cannot be told apart are asked about, never dropped", () => {
  it("two totals", () => {
    const got = money("花了3万 总共4万");
    expect(got.slots.amount).toBeUndefined();
    expect(got.ambiguities[0]?.candidates).toEqual(["30000", "40000"]);
  });
  it("乙类 larger than the total", () => {
    const got = money("乙类5万 总共花了3万");
    expect(got.slots).toEqual({});
    expect(got.ambiguities[0]?.candidates).toEqual(["30000", "50000"]);
  });
  it("乙类 and 自费 together larger than the total", () => {
    const got = money("总共1万 乙类6千 自费5千");
    expect(got.slots).toEqual({});
    expect(got.ambiguities[0]?.candidates).toEqual(["10000", "6000", "5000"]);
  });
  it("two bare figures of the same weight", () => {
    const got = money("3万 4万 能报多少");
    expect(got.slots.amount).toBeUndefined();
    expect(got.ambiguities[0]?.candidates).toEqual(["30000", "40000"]);
  });
  it("a figure without a role beside a named total", () => {
    const got = money("总费用10万 2万");
    expect(got.ambiguities[0]?.candidates).toEqual(["100000", "20000"]);
  });
  it("two 乙类 figures", () => {
    const got = money("花了5万 乙类1万 乙类2万");
    expect(got.slots.amount).toBe("50000");
    expect(got.ambiguities[0]?.candidates).toEqual(["10000", "20000"]);
  });
});

describe("a figure answering a question about one part of the bill", () => {
  it("5000 answering 乙类有多少 is classB", () => {
    expect(parse("5000", { expecting: "classB" }).slots).toEqual({ classB: "5000" });
    expect(parse("大概三千", { expecting: "outOfCatalog" }).slots).toEqual({ outOfCatalog: "3000" });
  });
});

describe("a later figure that restates an earlier one replaces it", () => {
  it.each([
    ["花了6万多 大概6万2", { amount: "62000" }],
    ["南昌职工 去广州住院 花了6万多 大概6万2", { amount: "62000" }],
    ["总共花了5万左右 准确说是5万3", { amount: "53000" }],
    ["住院花了2万左右 结算下来21500", { amount: "21500" }],
    ["花了五万多，具体是五万六千八", { amount: "56800" }],
    ["6万多吧 6万3", { amount: "63000" }],
    ["花了3万 其实是3万5", { amount: "35000" }],
    ["花了3万 不对是4万", { amount: "40000" }],
    ["花了2万 应该是2万3吧", { amount: "23000" }],
    ["一共3万 哦不 是3万8", { amount: "38000" }],
    ["乙类大概5000 准确说是5200 总共3万", { amount: "30000", classB: "5200" }],
    ["总共4万 乙类8千左右 其实是8500", { amount: "40000", classB: "8500" }],
    // A rough figure beside a share of its own is not restated by it.
    ["花了10万 乙类2万左右 自费5000", { amount: "100000", classB: "20000", outOfCatalog: "5000" }],
  ])("%s", (text, want) => {
    const got = money(text);
    expect(got.slots).toEqual(want);
    expect(got.ambiguities).toEqual([]);
  });

  it.each([
    // No correcting word, and the second is not inside the first: two figures to ask about.
    ["花了6万 总共7万", ["60000", "70000"]],
    ["花了6万多 总共8万", ["60000", "80000"]],
    ["花了5万左右 大概7万", ["50000", "70000"]],
    ["花了三万 后来又花了两万", ["30000", "20000"]],
  ])("%s is asked about", (text, candidates) => {
    const got = money(text);
    expect(got.slots.amount).toBeUndefined();
    expect(got.ambiguities[0]?.candidates).toEqual(candidates);
  });
});

describe("role words that are asked about, and money reimbursed earlier this year", () => {
  it("a role word that starts a question (起付线是多少) does not name the figure before it", () => {
    expect(money("苏州职工 上海住院 两万块 起付线是多少").slots).toEqual({ amount: "20000" });
    expect(money("杭州居民 北京住院 5万 自费的有多少").slots).toEqual({ amount: "50000" });
  });
  it("报了X after an earlier stay this year is money already reimbursed this year, not this bill's", () => {
    expect(money("今年之前在本地住过一次院 报了8000 这次去北京住院花了6万").slots).toEqual({ amount: "60000", yearToDate: "8000" });
  });
  it("报了X of this bill alone is not counted as this year's earlier money", () => {
    expect(money("总共花了4万 医保报了2万5").slots.yearToDate).toBeUndefined();
  });
});

describe("figures as people copy or space them", () => {
  it("financial numerals from a receipt (叁万伍仟元) are read", () => {
    expect(money("医药费共计叁万伍仟元").slots.amount).toBe("35000");
    expect(money("总费用：贰万零伍佰元整").slots.amount).toBe("20500");
  });
  it("a counter word after a space starts the next clause (花了3万 人在上海)", () => {
    expect(money("花了3万 人在上海住院").slots.amount).toBe("30000");
    expect(money("住院花了10万 个人自付3万").ambiguities[0]?.candidates).toEqual(["100000", "30000"]);
  });
  it("其中医保… is not 中医 (traditional medicine)", () => {
    expect(parse("花了2万块左右 其中医保不报的5千").intent).toBe("estimate");
  });
  it("a bill with 退回来多少 is a question about it, not a step back", () => {
    expect(parse("住院押金2万 总共花了1.8万 退回来多少").intent).not.toBe("back");
  });
});

describe("what the fund reimbursed and what the person paid, in their own roles", () => {
  const told = (text: string) => {
    const { amount, reimbursed, ownShare } = parse(text).slots;
    return JSON.parse(JSON.stringify({ amount, reimbursed, ownShare }));
  };
  it.each([
    ["南昌职工 去广州住院 医保报了2万 对不对", { reimbursed: "20000" }],
    ["总共花了12万 医保报了8万 自己出了4万 对吗", { amount: "120000", reimbursed: "80000", ownShare: "40000" }],
    ["一共花了5万 医保给报了3万", { amount: "50000", reimbursed: "30000" }],
    ["医保报了2万 自己出了1万 对吗", { reimbursed: "20000", ownShare: "10000" }],
    ["医保报销了8000 自己付了4000 正常吗", { reimbursed: "8000", ownShare: "4000" }],
    ["总费用3万 个人承担了1万2", { amount: "30000", ownShare: "12000" }],
  ])("%s", (text, want) => {
    expect(told(text)).toEqual(want);
  });
  it("paid in full (自己掏了, 自己垫了) with nothing reimbursed is the bill", () => {
    expect(told("在北京住院 自己掏了3万 回去能报多少")).toEqual({ amount: "30000" });
    expect(told("自己垫了3万 回来医保报了2万")).toEqual({ amount: "30000", reimbursed: "20000" });
  });
});
