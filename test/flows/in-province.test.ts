/**
 * Care in another city of the insured province (沈阳→大连, 洛阳→郑州) is 省内异地就医: the side
 * answers about 门诊慢特病 and 普通门诊 say so first, and never give the cross-province list as if
 * it were the rule for them (QA3 A31). Cross-province places keep the national answer.
 */
import { describe, expect, it } from "vitest";
import { chat, textOf } from "./chat.ts";

const first = (text: string) => textOf(chat([text])[0]!);

describe("省内异地 side answers", () => {
  it("糖尿病 每个月拿药 医保在沈阳 人在大连 → 省内异地, the benefit follows 沈阳, not the cross-province ten", () => {
    const t = first("糖尿病 每个月拿药 医保在沈阳 人在大连 能报吗");
    expect(t).toContain("沈阳和大连都在辽宁省，属于省内异地就医");
    expect(t).not.toContain("可以跨省直接结算");
    expect(t).toContain("资格认定");
    expect(t).toMatch(/来源：/u);
  });

  it("医保是老家洛阳的 在郑州 门诊能报吗 → 省内异地", () => {
    const t = first("我在郑州上班 医保是老家洛阳的居民医保 门诊能报吗");
    expect(t).toContain("洛阳和郑州都在河南省，属于省内异地就医");
  });

  it("across provinces the national answer stays", () => {
    const t = first("糖尿病 每个月拿药 医保在沈阳 人在北京 能报吗");
    expect(t).toContain("可以跨省直接结算");
    expect(t).not.toContain("省内异地");
  });
});
