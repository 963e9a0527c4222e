/**
 * A district of 北京/上海/天津/重庆 whose short name is also another place (朝阳: 北京朝阳区 and
 * 辽宁朝阳市; 通州: 北京 and 南通's 通州区; 普陀: 上海 and 舟山) is asked, never taken silently as
 * one of them (QA5 Q12: 医保在朝阳 was read as 辽宁朝阳市 while 北京 has the data). Naming the
 * province or the full name settles it.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

const codes = (cs: unknown) => (cs as { code: string }[]).map((c) => c.code);

describe("a district name shared with another place is asked", () => {
  it.each([
    ["医保在朝阳 退休 去海南住院 3万", "insuredRegion", ["110000", "211300"]],
    ["我是朝阳的职工医保 在上海住院2万", "insuredRegion", ["110000", "211300"]],
    ["医保在通州 去上海住院 3万", "insuredRegion", ["110000", "320600"]],
    ["医保在南京 去朝阳住院 3万", "treatmentRegion", ["110000", "211300"]],
    ["普陀的医保 在杭州住院 5万", "insuredRegion", ["310000", "330900"]],
  ])("%s", (text, slot, want) => {
    const p = parse(text);
    expect((p.slots as Record<string, unknown>)[slot]).toBeUndefined();
    const a = (p.ambiguities ?? []).find((x) => x.slot === slot);
    expect(codes(a?.candidates)).toEqual(want);
  });

  it.each([
    ["医保在北京朝阳 退休 去海南住院 3万", "110000"],
    ["医保在辽宁朝阳 去沈阳住院 3万", "211300"],
    ["朝阳市的医保 在沈阳住院3万", "211300"],
    ["江苏通州的医保 在上海住院 3万", "320600"],
    ["上海普陀的医保 在杭州住院 5万", "310000"],
  ])("settled by the province or the full name: %s", (text, code) => {
    const p = parse(text);
    expect(p.slots.insuredRegion?.code).toBe(code);
    expect((p.ambiguities ?? []).filter((a) => a.slot === "insuredRegion")).toEqual([]);
  });

  it("a district with a name of its own is read as before", () => {
    expect(parse("医保在海淀 去上海住院 3万").slots.insuredRegion?.code).toBe("110000");
    expect(parse("医保在浦东 去杭州住院 3万").slots.insuredRegion?.code).toBe("310000");
  });
});
