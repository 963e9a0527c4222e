/**
 * Every fact of an estimate question read the way it was said (QA3 A7, A23, A27): a registration
 * said without the word 备案, a stated kind never listed as an assumption, a guessed emergency
 * listed as one, a 起付线 already paid this year not charged as a first stay.
 */
import { describe, expect, it } from "vitest";
import { chat, estimateOf, textOf } from "./chat.ts";

const estimate = (inputs: string[]) => estimateOf(chat(inputs).at(-1)!) ?? "";
const readBackOf = (inputs: string[]) => estimate(inputs).split("\n")[0] ?? "";
const assumedPart = (line: string) => /（([^（）]*)是我假设的）/u.exec(line)?.[1] ?? "";
const fundOf = (text: string) => /医保基金支付：([\d.]+) 元/u.exec(text)?.[1];

describe("a long-term registration said in other words", () => {
  it("长期备案在昆明 is a long-term registration, not a temporary one", () => {
    const line = readBackOf(["上海职工退休 长期备案在昆明 住院 一年3000"]);
    expect(line).toContain("长期备案");
    expect(line).not.toContain("其他临时外出备案");
  });

  it("长期 said alone (在海南 长期 住院) is read as long-term, and said as read from that one word", () => {
    const text = estimate(["哈尔滨职工退休 在海南 长期 住院 4万"]);
    const line = text.split("\n")[0]!;
    expect(line).toContain("长期备案");
    expect(line).not.toContain("其他临时外出备案");
    expect(assumedPart(line)).toContain("长期备案");
    expect(text).toContain("您说「长期」，按已办长期备案算");
  });

  it("长期 in a question about it is not a stated registration", () => {
    expect(readBackOf(["哈尔滨职工退休 在海南住院 4万"])).toContain("其他临时外出备案");
  });
});

describe("a kind of registration said is never an assumption", () => {
  it("已备案 其他临时", () => {
    const line = readBackOf(["合肥职工 在职 在南京鼓楼医院住院 2万 已备案 其他临时"]);
    expect(line).toContain("其他临时外出备案");
    expect(assumedPart(line)).not.toContain("其他临时外出备案");
  });

  it("其他临时备案", () => {
    const line = readBackOf(["苏州职工在职 上海三甲住院 8万 乙类1.5万 自费3000 其他临时备案"]);
    expect(line).toContain("其他临时外出备案");
    expect(line).not.toContain("是我假设的");
  });
});

describe("突然住院 on a trip", () => {
  it("is taken as an emergency only as an assumption, said with what it depends on", () => {
    const text = estimate(["杭州职工 在职 去北京旅游突然住院 三级医院 花了3万"]);
    const line = text.split("\n")[0]!;
    expect(line).toContain("急诊");
    expect(assumedPart(line)).toContain("急诊");
    expect(text).toContain("要医院认定是急诊抢救");
  });

  it("急诊 said in so many words is no assumption", () => {
    const line = readBackOf(["杭州职工 在职 在北京急诊住院 三级医院 花了3万"]);
    expect(assumedPart(line)).not.toContain("急诊");
  });
});

describe("今年起付线已经交过了", () => {
  const first = estimate(["苏州职工 退休 在上海三级医院住院 2万"]);
  it("a stay after the one that paid it: not charged the first stay's 起付线, and said back", () => {
    const text = estimate(["苏州职工 退休 在上海三级医院住院 2万 今年起付线已经交过了"]);
    expect(text.split("\n")[0]).toContain("今年起付线已交过");
    expect(text).not.toContain("今年第 1 次住院");
    expect(Number(fundOf(text))).toBeGreaterThan(Number(fundOf(first)));
  });

  it("a yearly 起付线 already paid is taken off in full", () => {
    const plain = estimate(["上海职工 在职 在昆明三级医院 普通门诊 花了3000 临时外出备案了"]);
    expect(plain).toMatch(/年度起付线：[1-9]\d* 元/u);
    const text = estimate(["上海职工 在职 在昆明三级医院 普通门诊 花了3000 临时外出备案了 起付线已经交过了"]);
    expect(text).toMatch(/已扣今年已付的 [1-9]\d* 元/u);
    expect(Number(fundOf(text))).toBeGreaterThan(Number(fundOf(plain)));
  });

  it("起付线还没交 is not said to be paid", () => {
    const text = estimate(["苏州职工 退休 在上海三级医院住院 2万 起付线还没交过"]);
    expect(text).toContain("今年第 1 次住院");
  });
});

describe("已经补办了 after an estimate without a registration", () => {
  it("works it out again as registered (其他临时外出, said as assumed): the figure the estimate gave for it", () => {
    const first = textOf(chat(["广州职工在职 在上海三级 住院 3万 没备案"])[0]!);
    const ifRegistered = /补办了临时备案的话[^：]*：医保约付 ([\d.]+) 元/u.exec(first)?.[1];
    expect(ifRegistered).toBeDefined();
    const text = estimate(["广州职工在职 在上海三级 住院 3万 没备案", "已经补办了"]);
    expect(text.split("\n")[0]).toContain("其他临时外出备案是我假设的");
    expect(fundOf(text)).toBe(ifRegistered);
  });

  it("a question about making it up (补办了还能报吗) is no registration made", () => {
    const all = chat(["广州职工在职 在上海三级 住院 3万 没备案", "能补办吗"]);
    expect(estimateOf(all.at(-1)!)).toBeUndefined();
  });
});

describe("hurt at work", () => {
  it("工地上干活摔了: the estimate says 工伤保险 comes first, before the figures", () => {
    const lines = estimate(["我老公在工地上干活摔了 郑州居民医保 在深圳住院 花了3万"]).split("\n");
    expect(lines[1]).toContain("工伤保险");
    expect(lines[1]).toContain("社会保险法》第三十条");
  });

  it("不是工伤: no such line", () => {
    expect(estimate(["郑州居民医保 在深圳住院 花了3万 不是工伤"])).not.toContain("工伤保险");
  });
});

describe("透析", () => {
  it("做透析 is a 门诊慢特病", () => {
    expect(textOf(chat(["长沙职工医保 在深圳 做透析 一个月大概5000 能报多少"])[0]!).split("\n")[0]).toContain("门诊慢特病");
  });
});

describe("an amount alone after another answer", () => {
  it("花了两千八 after the emergency's category starts its estimate, with the facts kept", () => {
    const all = chat(["在外地出差突然肚子疼进了急诊 没备案 能报吗", "我是杭州的职工医保 在成都", "花了两千八"]);
    const text = textOf(all.at(-1)!);
    expect(text).not.toContain("没看懂");
    expect(text).toContain("住院、普通门诊，还是门诊慢特病");
    const done = chat(["在外地出差突然肚子疼进了急诊 没备案 能报吗", "我是杭州的职工医保 在成都", "花了两千八", "住院"]);
    const line = (estimateOf(done.at(-1)!) ?? "").split("\n")[0]!;
    expect(line).toContain("杭州职工医保");
    expect(line).toContain("成都");
    expect(line).toContain("总费用 2800 元");
  });
});

describe("working, with no scheme said", () => {
  it("在职 is taken as 职工医保, said as an assumption", () => {
    const text = estimate(["深圳一档 在职 在武汉住院 3万 急诊进去的"]);
    expect(text.split("\n")[0]).toContain("深圳职工医保");
    expect(text).toContain("您说在上班（在职），按职工医保算");
  });

  it("我是公务员: working, so 职工医保", () => {
    expect(readBackOf(["我是公务员 医保在南京 在北京出差住院 3万"])).toContain("南京职工医保");
  });

  it("a scheme said wins: 居民医保 在职 stays 居民", () => {
    expect(readBackOf(["郑州居民医保 在职 在上海住院 2万"])).toContain("郑州居民医保");
  });
});
