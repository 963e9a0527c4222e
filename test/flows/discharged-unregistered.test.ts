/**
 * Already discharged without a registration: the way that is still open comes first — make up
 * the registration, then claim by hand at the insured place (national rule, with its source) —
 * never the before-discharge path alone, and never a flat 0 元 as the last word.
 */
import { describe, expect, it } from "vitest";
import { chat, textOf } from "./chat.ts";

const first = (text: string) => textOf(chat([text])[0]!);

describe("discharged and not registered", () => {
  it.each([
    "深圳医保 在武汉住院 没备案 花了20000 已经出院了 还能报吗 能报多少",
    "深圳职工 在武汉住院 没备案 花了20000 已经出院了 还能报吗",
    "北京职工 在上海住院 没备案 已经出院了 2万 能报吗",
    "上个月在成都住院花了3万多 当时没备案 全自费的 医保是武汉职工 现在咋办",
    "南京职工 在杭州住院 没有备案 出院半个月了 花了4万",
  ])("%s", (text) => {
    const reply = first(text);
    const path = reply.indexOf("补办备案，再回参保地申请手工报销");
    expect(path).toBeGreaterThanOrEqual(0);
    // The path comes before any figure, and the before-discharge path is not offered.
    const figure = reply.search(/医保基金支付|医保约付|没法估算/u);
    if (figure >= 0) expect(path).toBeLessThan(figure);
    expect(reply).not.toMatch(/出院(结算)?前补办/u);
    expect(reply).toContain("出院自费结算后按规定补办备案手续的");
  });

  it("a fund that pays nothing for the unregistered is not the last word: the made-up registration's claim is estimated", () => {
    const reply = first("北京职工 在上海住院 没备案 已经出院了 2万 能报吗");
    expect(reply).toMatch(/补办备案后手工报销[^\n]*约报 [1-9]\d* 元/u);
  });

  it("still in hospital, the before-discharge path stays", () => {
    const reply = first("广州职工在职 在上海三级 住院 3万 没备案 还在医院");
    expect(reply).not.toContain("补办备案，再回参保地申请手工报销");
    expect(reply).toMatch(/出院(结算)?前补办/u);
  });
});
