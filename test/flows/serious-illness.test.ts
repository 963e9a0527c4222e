/** The serious-illness layer is paid on top of the fund figure: the reply must not call it part of it. */
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { chat, estimateOf } from "./chat.ts";

describe("estimate reply with serious-illness insurance", () => {
  it("names it as paid on top of the fund, and the three figures add up to the total", () => {
    const text = estimateOf(chat(["郑州居民医保 去北京住院 三甲 6万2 转诊了 能报多少"]).at(-1)!)!;
    const figure = (label: string) => new Decimal(new RegExp(`${label}：([\\d.]+) 元`).exec(text)![1]!);
    expect(text).not.toContain("其中大病保险");
    const total = figure("医保基金支付").plus(figure("大病保险另付")).plus(figure("您自己付"));
    expect(total.toFixed(2)).toBe("62000.00");
  });
});
