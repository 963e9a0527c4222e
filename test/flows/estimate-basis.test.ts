/** The first line of an estimate says how much of it is the region's own policy. */
import { describe, expect, it } from "vitest";
import { handleMessage } from "../../src/conversation/index.ts";

const NOW = new Date("2025-08-01T12:00:00Z");
const firstReply = (text: string) => handleMessage(null, { type: "text", text }, NOW).replies[0]!.text;

/** The text of the replies to each message of a conversation, in order. */
function chat(messages: string[]): string[] {
  let stored: string | null = null;
  return messages.map((text) => {
    const input = text.startsWith("/") ? ({ type: "command", name: text.slice(1) } as const) : ({ type: "text", text } as const);
    const r = handleMessage(stored, input, NOW);
    stored = r.stored;
    return r.replies.map((x) => x.text).join("\n");
  });
}

describe("estimate basis line", () => {
  it("a region with its own rules but the template's table is partly typical, not 'no data'", () => {
    const text = firstReply("长春职工医保在北京住院花了10万");
    // The read-back line comes first, the basis second.
    expect(text.split("\n")[1]).toMatch(/^没有长春(市)?职工医保的起付线、报销比例和年度限额数据，这几项只能粗估/u);
    expect(text).not.toContain("的政策数据，只能粗估");
    expect(text).toContain("按吉林省全省规定估算"); // 吉林's province-wide −20 points, said to be the province's
  });
  it("a region without data says so first, and its figures are marked rough, never looking like the city's (QA3 A29)", () => {
    const lines = firstReply("贵阳职工医保在上海住院花了3万").split("\n");
    expect(lines[1]).toMatch(/^没有贵阳职工医保的政策数据，只能粗估/u);
    expect(lines[2]).toMatch(/^医保基金支付：\d+ 元（粗估）$/u);
    expect(lines[3]).toMatch(/^您自己付：\d+ 元（粗估）$/u);
  });
  it("template figures for part of a region's table are marked rough too; a region's own table is not", () => {
    const partly = firstReply("我爸在老家长沙住院了 我们医保在广州 是居民医保 花了三万 能报多少").split("\n");
    expect(partly[1]).toMatch(/^没有广州(市)?居民医保的起付线、报销比例和年度限额数据，这几项只能粗估/u);
    expect(partly).toContainEqual(expect.stringMatching(/^医保基金支付：\d+ 元（粗估）$/u));
    expect(firstReply("我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少")).not.toContain("粗估");
  });
  it("a region with its own table names its policy version, beside the steps since the read-back names the place", () => {
    const lines = firstReply("我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少").split("\n");
    expect(lines[0]).toContain("苏州职工医保");
    expect(lines[1]).toMatch(/^医保基金支付/);
    expect(lines).toContainEqual(expect.stringMatching(/^怎么算的（按参保地 \d{4} 年的政策）：$/));
  });
});

describe("manual claim for an outpatient bill", () => {
  it("does not give the inpatient deadline or talk of discharge", () => {
    const last = chat(["/claim", "没备案", "门诊", "哈尔滨"]).at(-1)!;
    expect(last).toContain("门诊费用的报销期限各地不同");
    expect(last).not.toContain("出院后1个月");
    expect(last).not.toContain("已经出院");
  });
});

describe("registration checklist: the change and cancel rule of the person's own kind", () => {
  const checklist = (category: string) => chat(["/register", "南昌", "上海", category, "全部清单"]).at(-1)!;
  it("a referral (temporary) is not told the long-term 6-month rule", () => {
    const text = checklist("转诊");
    expect(text).toContain("可随时变更或取消");
    expect(text).not.toContain("6个月内一般不能取消");
  });
  it("a retiree settled elsewhere (long-term) is told it, once", () => {
    const text = checklist("异地安置退休");
    expect(text.match(/6个月内一般不能取消/g)?.length).toBe(1);
  });
});

describe("estimate sources as numbered notes", () => {
  it("names each source once at the end, with its confidence, and every step points at one of them", () => {
    const text = firstReply("我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少");
    const footer = text.split("\n").find((l) => l.startsWith("来源："))!;
    const listed = [...footer.matchAll(/\[(\d+)\] ([^；]+?)（可信度[高中低]）/g)].map((x) => [Number(x[1]), x[2]] as const);
    expect(listed.map(([n]) => n)).toEqual(listed.map((_, i) => i + 1));
    expect(new Set(listed.map(([, t]) => t)).size).toBe(listed.length);
    // A step's line ends in its sources' numbers; the visitor's cut joins the ratio line ("…[2][3]").
    const used = [...text.matchAll(/^· .*?((?:\[\d+\])+)$/gm)].flatMap((x) => [...x[1]!.matchAll(/\[(\d+)\]/g)].map((y) => Number(y[1])));
    expect(used.length).toBeGreaterThanOrEqual(4);
    for (const n of used) expect(n).toBeLessThanOrEqual(listed.length);
    expect(text).not.toMatch(/；来源：/); // no title repeated inside the steps
  });
});

describe("继续 after a pause", () => {
  it("restates the pending question instead of 没看懂", () => {
    const replies = chat(["/estimate", "苏州", "继续", "继续刚才的"]);
    expect(replies[2]).toBe(replies[1]);
    expect(replies[3]).toBe(replies[1]);
    expect(replies[2]).not.toContain("没看懂");
  });
});

describe("有效期 asked mid-flow", () => {
  it("answers for the person's own kind of registration", () => {
    const long = chat(["/register", "哈尔滨", "深圳", "异地安置退休", "备案有效期多久"]).at(-1)!;
    expect(long).toContain("长期有效");
    expect(long).not.toContain("不少于6个月");
    const temporary = chat(["/register", "南昌", "上海", "转诊", "备案有效期多久"]).at(-1)!;
    expect(temporary).toContain("不少于6个月");
    expect(temporary).not.toContain("长期有效");
  });
  it("covers both kinds while the kind is not known yet", () => {
    const both = chat(["/register", "哈尔滨", "备案有效期多久"]).at(-1)!;
    expect(both).toContain("长期有效");
    expect(both).toContain("6个月");
  });
});
