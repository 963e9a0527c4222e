/**
 * What the fund paid for THIS bill, said to be checked (QA5 Q2): 医保已经报了3万 对吗 was read as
 * money reimbursed earlier this year (the cap's year-to-date) and the check was never answered;
 * 医院说医保只能报一万二 是不是算错了 made 一万二 a second candidate for the bill. Both are the
 * fund's part of this bill, to compare with the estimate.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

describe("the fund's part of this bill, to compare", () => {
  it.each([
    ["北京职工 在职 去上海看病 总费用八万 其中乙类两万 目录外五千 医保已经报了3万 对吗", "80000", "30000"],
    ["南京职工 在上海住院 花了5万 医保已经报了两万 是不是少了", "50000", "20000"],
    ["武汉职工 退休 北京 住院 两万 医院说医保只能报一万二 是不是算错了", "20000", "12000"],
    ["医保在杭州 北京住院 4万 出院结算 医保才报了一万五 正常吗", "40000", "15000"],
    ["郑州居民 在北京住院3万 这次医保已经报了1万 对不对", "30000", "10000"],
  ])("%s", (text, bill, paid) => {
    const p = parse(text);
    expect(p.slots.amount).toBe(bill);
    expect(p.slots.reimbursed).toBe(paid);
    expect(p.slots.yearToDate).toBeUndefined();
    expect((p.ambiguities ?? []).filter((a) => a.slot === "amount")).toEqual([]);
    // The hospital's figure is doubted, not an estimate given: no complaint about one.
    expect(p.topic).not.toBe("complaint");
  });

  it.each([
    ["今年已经报了3万 这次在上海住院 5万 北京职工", "30000"],
    ["北京职工 之前已经报了8万 这次又在上海住院 3万", "80000"],
    ["今年医保已经报过十万了 对吗 这次在北京住院3万 医保天津", "100000"],
  ])("earlier this year stays the year's figure: %s", (text, ytd) => {
    expect(parse(text).slots.yearToDate).toBe(ytd);
  });
});
