import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

const roles = (text: string) => {
  const p = parse(text);
  return { insured: p.slots.insuredRegion?.code, treatment: p.slots.treatmentRegion?.code, ambiguities: p.ambiguities ?? [] };
};

// A 医保 typed between two places with spaces belongs to one of them: 在X names where the
// person is (lives or is treated), so the 医保 goes with the other; without a 在, a care word
// right after the second place makes it the treatment place; with neither, ask.
describe("医保 between two places, with spaces", () => {
  it.each([
    ["我爸 退休 在深圳 医保 广州 住院 三甲 4万 长期备案了 乙类 5千 自费 两千", "440100", "440300"],
    ["我妈 在上海 医保 南京 住院 2万", "320100", "310000"],
    ["在杭州 社保 苏州 门诊 花了800", "320500", "330100"],
    ["深圳 医保 广州 住院 3万", "440300", "440100"],
    ["医保 苏州 在杭州 住院", "320500", "330100"],
  ])("%s", (text, insured, treatment) => {
    const r = roles(text);
    expect(r.insured).toBe(insured);
    expect(r.treatment).toBe(treatment);
  });

  it("asks which is the insured place when nothing else tells", () => {
    const r = roles("退休 深圳 医保 广州 三甲 4万");
    expect(r.insured).toBeUndefined();
    expect(r.ambiguities.some((a) => a.slot === "insuredRegion" && (a.candidates as { code: string }[]).map((c) => c.code).sort().join() === "440100,440300")).toBe(true);
  });
});

describe("in the chat", () => {
  it("asks the insured city among the two named, as such", async () => {
    const { chat, textOf } = await import("../flows/chat.ts");
    const reply = textOf(chat(["退休 深圳 医保 广州 三甲 住了院 4万"])[0]!);
    expect(reply).toContain("您的医保是哪个城市的（在哪里参保）？");
    expect(reply).not.toContain("是省份");
  });
});
