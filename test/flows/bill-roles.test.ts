/**
 * Every amount of a bill in its role (QA3 A11, A21, A22): 总共 marks the bill, 自己掏了/自己付了
 * beside it is what the person paid (compared with the estimate), 医保卡里扣了 is the personal
 * account, a share said in words (一半是自费) is read or asked, and a deposit is set against
 * what the person pays.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";
import { chat, estimateOf, textOf } from "./chat.ts";

const estimate = (inputs: string[]) => estimateOf(chat(inputs).at(-1)!) ?? "";
const youOf = (text: string) => /您自己付：([\d.]+) 元/u.exec(text)?.[1];

describe("the bill and what the person paid of it", () => {
  it("总共…自己掏了…医保卡里扣了: the bill is 总共; the other two are what was paid, compared, none dropped", () => {
    const text = estimate(["北京职工 在上海住院 总共花了2万多 自己掏了八千 医保卡里扣了三千 这样对吗"]);
    expect(text.split("\n")[0]).toContain("总费用 20000 元");
    expect(text).toMatch(/您说自己掏了 8000 元、医保卡（个人账户）扣了 3000 元，合计 11000 元/u);
    expect(text).toContain(`估算是 ${youOf(text)} 元`);
  });

  it("a long message with 总费用, 自费, 乙类 and 我们自己付了: each in its role", () => {
    const text = estimate([
      "我父亲退休前在沈阳上班，职工医保在沈阳，退休后跟我们住在深圳，已经办了异地安置的长期备案。在深圳住院，三甲，总费用八万六千多，其中自费的进口支架和药大概一万二，乙类的大概两万。医院直接结算了，我们自己付了两万出头。想问一下这个金额对不对？",
    ]);
    const line = text.split("\n")[0]!;
    expect(line).toContain("总费用 86000 元（乙类 20000、自费 12000）");
    expect(text).toContain("您说自己出了 20000 元");
  });

  it("自己付了两万 对吗 after an estimate is compared with it, not taken for a new bill", () => {
    const all = chat(["沈阳职工 退休 深圳 三甲住院 长期备案 总费用8.6万 自费1.2万 乙类2万", "医院结算我们自己付了两万出头 对吗"]);
    const text = textOf(all.at(-1)!);
    expect(text).not.toContain("按哪个算");
    expect(text).toContain("总费用 86000 元");
    expect(text).toContain("您说自己出了 20000 元");
  });

  it("全自费 自己掏了3万 is still the whole bill", () => {
    const p = parse("北京职工 在上海住院 全自费 自己掏了3万 对吗");
    expect(p.slots.amount).toBe("30000");
    expect(p.slots.ownShare).toBeUndefined();
  });
});

describe("a share said in words", () => {
  it("其中一半是自费药: half the bill is 目录外, said back as read from 一半", () => {
    const text = estimate(["武汉职工 在广州住院 花了两万 其中一半是自费药"]);
    expect(text.split("\n")[0]).toContain("总费用 20000 元（自费 10000，按您说的一半）");
    expect(text).toContain("目录外（自费）不报：10000 元");
  });

  it("三分之一是乙类: a third, to the fen", () => {
    const text = estimate(["武汉职工 在广州三级医院住院 花了两万 三分之一是乙类的"]);
    expect(text.split("\n")[0]).toContain("乙类 6666.67，按您说的三分之一");
  });

  it("大部分是自费的: no figure to take, so it is asked", () => {
    const all = chat(["武汉职工 在广州三级医院住院 临时外出备案了 在职 花了两万 大部分是自费的"]);
    const text = textOf(all.at(-1)!);
    expect(estimateOf(all.at(-1)!)).toBeUndefined();
    expect(text).toContain("目录外、全自费的大约多少钱");
  });
});

describe("a deposit", () => {
  it("押金交了两万 还要补多少 after an estimate: what is left to pay at discharge", () => {
    const all = chat(["总费用10万 其中自费5000 乙类2万 我是上海职工在职 去北京301住院", "押金交了两万 还要补多少"]);
    const text = textOf(all.at(-1)!);
    const you = Number(youOf(estimateOf(all[0]!) ?? ""));
    expect(text).toContain(`出院时大约还要补 ${you - 20000} 元`);
  });

  it("a deposit with the bill: the estimate says what is left to pay", () => {
    const text = estimate(["苏州职工 在上海 住院 押金交了5000 总共花了2万3"]);
    const you = Number(youOf(text));
    expect(text).toContain(`出院时大约还要补 ${you - 5000} 元`);
  });

  it("a deposit larger than the person's share: about that much comes back", () => {
    const text = estimate(["苏州职工 在上海三级医院 住院 押金交了2万 总共花了2万3"]);
    const you = Number(youOf(text));
    expect(text).toContain(`大约能退回 ${20000 - you} 元`);
  });
});

describe("a bill said as a range", () => {
  it("六七万: the middle, said back with the words", () => {
    const text = estimate(["武汉职工 在广州三甲医院住院 花了大概六七万 能报多少"]);
    expect(text.split("\n")[0]).toContain("总费用 65000 元（您说六七万，按中间算）");
  });

  it("3-4万 and 3到4万 are one figure, never a negative or the upper end", () => {
    expect(estimate(["武汉职工 在广州住院 花了3-4万"]).split("\n")[0]).toContain("总费用 35000 元");
    expect(estimate(["武汉职工 在广州住院 花了3到4万"]).split("\n")[0]).toContain("总费用 35000 元（您说3到4万");
  });

  it("a figure said later replaces the range and its words", () => {
    const all = chat(["武汉职工 在广州住院 花了两三万", "金额改成2万6"]);
    const line = (estimateOf(all.at(-1)!) ?? "").split("\n")[0]!;
    expect(line).toContain("总费用 26000 元");
    expect(line).not.toContain("按中间算");
  });
});

describe("a reported figure far from an estimate on an assumed scheme", () => {
  it("says which scheme was taken and how to change it", () => {
    const text = estimate(["医保在苏州 在上海住院 花了5万 医保报了3万8 自己出了1万2 对不对"]);
    expect(text).toContain("估算按居民医保算的（您没说）；如果是职工医保，就说“换成职工医保”");
  });
});
