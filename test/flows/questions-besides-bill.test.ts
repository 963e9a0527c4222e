/**
 * A question asked besides the bill's (能报多少 要不要备案 要带什么) is answered too, in a few words
 * after the figures and before the closing choices — never dropped, never a long list before the
 * estimate (QA5 Q97). The estimate itself stays as short as without it.
 */
import { describe, expect, it } from "vitest";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { chat, estimateOf } from "./chat.ts";

const ESTIMATE_MAX = 600;
const BRIEF_MAX = 320;

/** The replies after the estimate and before the closing choices. */
function besides(text: string) {
  const r = chat([text]).at(-1)!;
  const at = r.findIndex((x) => x.text.includes("医保基金支付"));
  expect(at).toBeGreaterThanOrEqual(0);
  expect(r.at(-1)!.text).toBe(m.estimate.after);
  return { estimate: r[at]!.text, after: r.slice(at + 1, -1).map((x) => x.text).join("\n"), before: r.slice(0, at).map((x) => x.text).join("\n") };
}
const beforeSources = (t: string) => t.split("\n").filter((l) => !l.startsWith("来源：") && !/^\[\d+\]/.test(l)).join("\n");

describe("the second question in an estimate message", () => {
  it.each([
    // QA5 c546, c553, and variants typed on a phone
    ["医保在武汉 退休 在广州住院 3万 能报多少 要不要备案 要带什么", /要先办异地就医备案/],
    ["广州职工 退休 回梅州 住院 1万 要备案吗 报多少", /要先办异地就医备案/],
    ["南昌职工 在上海住院 2万 要不要备案啊 能报多少", /要先办异地就医备案/],
    // c548: validity
    ["北京职工 退休 在海南 住院 3万 备案有效期多久 能报多少", /有效期/],
    ["武汉职工 在北京住院 4万 能报多少 备案能管多久", /有效期/],
    // c554: which kind pays off
    ["杭州职工 在职 北京 住院 5万 长期备案和临时备案哪个划算", /最多降20个百分点[\s\S]*不是自己挑的/],
    ["杭州职工 北京 住院 5万 长期和临时哪个划算", /不是自己挑的/],
    // c549: still in time to make up the registration
    ["医保在长沙 退休 在深圳 住院 没备案 3万 现在补办还来得及吗 补办了能报多少", /出院结算前补办备案/],
  ])("%s", (text, answer) => {
    const { estimate, after, before } = besides(text);
    expect(after).toMatch(answer);
    expect(before).toBe("");
    expect(beforeSources(estimate).length).toBeLessThanOrEqual(ESTIMATE_MAX);
    expect(beforeSources(after).length).toBeLessThanOrEqual(BRIEF_MAX);
  });

  it("出院后要交哪些材料 with a referral's bill: the claim's papers after the figures, not the registration's before them (c550)", () => {
    const { after, before } = besides("我爸医保在郑州 退休 在北京住院 转诊的 5万 出院后要交哪些材料");
    expect(before).toBe("");
    expect(after).toContain("手工报销");
    expect(after).not.toContain("备案，全国统一要求的材料");
  });

  it("要带什么 with a bill: the materials of the kind the estimate used, not all six kinds", () => {
    const { after } = besides("医保在武汉 退休 在广州住院 3万 能报多少 要带什么");
    expect(after).toContain("其他临时外出就医人员");
    expect(after).not.toContain("异地安置退休人员");
  });

  it("a bill with no second question: the estimate and the closing choices only", () => {
    const r = chat(["医保在武汉 退休 在广州住院 3万 能报多少"]).at(-1)!;
    expect(r).toHaveLength(2);
    expect(estimateOf(r)).toContain("医保基金支付");
  });
});
