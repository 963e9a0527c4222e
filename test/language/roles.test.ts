import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

const roles = (text: string) => {
  const p = parse(text);
  return { insured: p.slots.insuredRegion?.code, treatment: p.slots.treatmentRegion?.code, places: p.places?.map((x) => x.code), ambiguities: p.ambiguities };
};

describe("insured place and treatment place", () => {
  it.each([
    ["我在苏州交的职工医保，在上海三甲医院住院", "320500", "310000"],
    ["医保是保定的 娃在北京儿童医院住院", "130600", "110000"],
    ["杭州医保去苏州看病", "330100", "320500"],
    ["人在北京 医保是山西太原的", "140100", "110000"],
    ["户口在河南周口 人在广州", "411600", "440100"],
    ["我在深圳上班 单位交的医保 回老家江西赣州住院", "440300", "360700"],
    ["我是衡阳的新农合 在广州打工", "430400", "440100"],
    ["从徐州转到南京", "320300", "320100"],
    ["苏州到上海看病", "320500", "310000"],
    ["上海医保 在苏州看病", "310000", "320500"],
  ])("%s", (text, insured, treatment) => {
    const r = roles(text);
    expect(r.insured).toBe(insured);
    expect(r.treatment).toBe(treatment);
  });

  it("leaves a lone place without a cue unattributed", () => {
    const r = roles("苏州的异地备案怎么弄");
    expect(r.insured).toBeUndefined();
    expect(r.treatment).toBeUndefined();
    expect(r.places).toEqual(["320500"]);
  });

  it("reports two or three places it cannot attribute", () => {
    const p = parse("北京 上海 广州");
    expect(p.slots.insuredRegion).toBeUndefined();
    expect(p.slots.treatmentRegion).toBeUndefined();
    expect(p.places?.map((x) => x.code)).toEqual(["110000", "310000", "440100"]);
    expect(p.ambiguities?.some((a) => a.slot === "place")).toBe(true);
  });

  it("reports an ambiguous name in the role it was given", () => {
    const p = parse("吉林的医保去沈阳看病");
    expect(p.slots.treatmentRegion?.code).toBe("210100");
    expect(p.slots.insuredRegion).toBeUndefined();
    expect(p.ambiguities?.[0]?.slot).toBe("insuredRegion");
  });

  it("reports two different places given the same role with equal strength", () => {
    const p = parse("在上海住院 在北京住院");
    expect(p.slots.treatmentRegion).toBeUndefined();
    expect(p.ambiguities?.some((a) => a.slot === "treatmentRegion")).toBe(true);
  });

  it("lets a bare place answer the question being asked", () => {
    expect(parse("苏州", { expecting: "insuredRegion" }).slots.insuredRegion?.code).toBe("320500");
    expect(parse("苏州", { expecting: "treatmentRegion" }).slots.treatmentRegion?.code).toBe("320500");
    expect(parse("苏州").slots.insuredRegion).toBeUndefined();
    expect(parse("苏州").places?.[0]?.code).toBe("320500");
  });
});

describe("places denied, and 医保 that names a place of its own", () => {
  it("不是在杭州 是在宁波: the denied place takes no role", () => {
    const p = parse("不是在杭州 是在宁波住院");
    expect(p.slots.treatmentRegion?.code).toBe("330200");
    expect(p.slots.insuredRegion).toBeUndefined();
  });
  it("我自己来深圳的 医保在汕头: 的 followed by the next clause's 医保在 is not 深圳's insurance", () => {
    const p = parse("我是自己来广州的 医保在韶关 能备案吗");
    expect(p.slots.treatmentRegion?.code).toBe("440100");
    expect(p.slots.insuredRegion?.code).toBe("440200");
  });
  it("深圳的 职工医保 is still 深圳's insurance", () => {
    expect(parse("医保是深圳的 职工医保 在广州住院").slots.insuredRegion?.code).toBe("440300");
  });
});
