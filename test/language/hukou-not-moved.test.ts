import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

// 异地安置退休 needs the household registration moved; a retiree whose 户口 stayed is a long-term resident.
describe("户口没迁 is not 异地安置", () => {
  it.each([
    "我退休了 户口没迁 跟儿子在上海住 医保在哈尔滨 算长期吗",
    "退休了 户口还在老家没迁过来 跟女儿在广州住 医保是长沙的",
    "我妈退休 户口没有转过来 在我家这边养老 医保在南昌",
  ])("%s", (text) => {
    expect(parse(text).slots.visitorType).toBe("long_term_resident");
  });

  it("a moved 户口 stays 异地安置", () => {
    expect(parse("我爸退休了 户口也迁过来了 跟我在青岛住 医保是沈阳的").slots.visitorType).toBe("retiree_relocated");
  });
});
