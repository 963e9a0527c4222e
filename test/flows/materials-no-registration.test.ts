/**
 * 备案要带什么材料 / 需要办啥手续吗 when both places are known and the data says no registration is
 * needed between them (京津冀: 唐山 to 北京; 苏州 to 上海; the same 统筹区): that answer, with its
 * source — not the national list of registration papers, which tells the person to register.
 */
import { describe, expect, it } from "vitest";
import { chat, textOf } from "./chat.ts";

const lastText = (messages: string[]) => textOf(chat(messages).at(-1)!);

describe("registration papers asked where none is needed", () => {
  it.each([
    ["医保在唐山 在北京住院 备案要带什么材料"],
    ["苏州职工 在上海住院 备案需要什么材料"],
  ])("%s → 不用备案, no list of papers", (text) => {
    const t = lastText([text]);
    expect(t.split("\n")[0]).toMatch(/不用办异地就医备案/);
    expect(t).not.toContain("全国统一要求的备案材料");
  });
  it("the places said first, the papers asked later (我爸住院了 → 在北京 → 医保是唐山的 → 需要办啥手续吗)", () => {
    const t = lastText(["我爸住院了", "在北京", "医保是唐山的", "需要办啥手续吗"]);
    expect(t).toMatch(/不用办异地就医备案/);
    expect(t).not.toContain("全国统一要求的备案材料");
  });
  it("where a registration is needed the papers are still listed (长沙 to 北京)", () => {
    const t = lastText(["医保在长沙 在北京住院 备案要带什么材料"]);
    expect(t).toContain("备案材料");
    expect(t).not.toMatch(/不用办异地就医备案/);
  });
});
