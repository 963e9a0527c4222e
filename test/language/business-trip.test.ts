/**
 * A business trip the employer sends one on (单位派我去北京出差两个月) is 其他临时外出, not
 * 常驻异地工作 — a long-term registration that cannot be cancelled for 6 months (QA4 Q4). A posting
 * said as such (常驻, 派驻) stays 常驻异地工作.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

describe("出差 is a trip, 常驻 is a posting", () => {
  it.each(["单位派我去北京出差两个月", "公司派我到上海出差 住院了", "单位派他去广州出差一个月 生病住院"])("%s → temporary_other", (text) => {
    expect(parse(text).slots.visitorType).toBe("temporary_other");
  });
  it.each(["公司派我去西安常驻", "单位派我去深圳工作三年", "我是单位外派到成都的"])("%s → stationed_worker", (text) => {
    expect(parse(text).slots.visitorType).toBe("stationed_worker");
  });
});
