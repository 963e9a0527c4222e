/**
 * 备案有效期多久 from someone whose insured place has its own validity rule in the data (QA3 A33):
 * that rule with its source — 苏州 临时 "一年", 广州 在职 长期居住 "原则上不超过5年", 湘潭 临时 "6个月" —
 * and the national rule where the place has none.
 */
import { describe, expect, it } from "vitest";
import { chat, textOf } from "./chat.ts";

const answer = (text: string) => textOf(chat([text])[0]!).split("\n\n")[0]!;

describe("备案有效期 with the insured place known", () => {
  it.each([
    ["苏州医保 临时备案有效期多久", "苏州", "一年"],
    ["广州医保 长期居住备案 有效期多久 我还在上班", "广州", "5年"],
    ["湘潭医保 临时备案有效期是多久", "湘潭", "6个月"],
    ["我是合肥的 转诊备案有效期多长时间", "合肥", "12个月"],
  ])("%s → %s's own rule, with its source", (text, place, rule) => {
    const t = answer(text);
    expect(t).toContain(`按${place}的规定`);
    expect(t).toContain(rule);
    expect(t).toMatch(/来源：/u);
  });
  it("苏州 临时: not the national '不少于6个月' alone", () => {
    expect(answer("苏州医保 临时备案有效期多久")).toContain("一年");
  });
  it("a place without its own validity rule: the national rule", () => {
    const t = answer("阜阳医保 临时备案有效期多久");
    expect(t).toContain("6个月");
    expect(t).not.toContain("按阜阳的规定");
  });
});
