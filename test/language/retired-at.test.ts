import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

// "X退休", "户口还在X", "X的社保" name where the person is insured.
describe("strong cues for the insured place", () => {
  it.each([
    ["我妈七十多了 哈尔滨退休 户口还在哈尔滨 冬天来三亚住半年 在这边看病咋整", "230100", "460200"],
    ["我爸南昌退休的 现在跟我住广州 住院花了2万", "360100", "440100"],
    ["户口还在衡阳 在长沙住院 花了1万", "430400", "430100"],
    ["沈阳退休 在青岛住院", "210100", "370200"],
  ])("%s", (text, insured, treatment) => {
    const p = parse(text);
    expect(p.slots.insuredRegion?.code).toBe(insured);
    expect(p.slots.treatmentRegion?.code).toBe(treatment);
  });
});
