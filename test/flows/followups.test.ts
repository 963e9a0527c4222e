/**
 * Issue 10's follow-up gaps, as people type them: short follow-ups after an answer, two questions
 * in one message, the direct answer before any list, being in hospital without a registration,
 * a city typed wrong as the answer to the place question, and 不知道 to 住院还是门诊.
 */
import { describe, expect, it } from "vitest";
import { chat, textOf } from "./chat.ts";

const last = (inputs: string[]) => textOf(chat(inputs).at(-1)!);

describe("in hospital without a registration", () => {
  it.each(["没备案 在广州住院了", "没备案在广州住院", "没有备案 人在广州住院", "还没备案 在广州住了院"])("%s → what happens now, making it up before discharge, what is paid", (text) => {
    const r = chat([text])[0]!;
    const t = r[0]!.text;
    expect(t).not.toMatch(/^(您在哪里参保|好的，已记下)/u);
    // Can it still be made up: before discharge, then settled directly.
    expect(t).toContain("出院结算前补办备案");
    // If not: paid in full first, claimed back home.
    expect(t).toContain("先全额垫付");
    // An emergency counts as registered.
    expect(t).toContain("急诊抢救视同已备案");
    expect(t).toMatch(/（来源：[^）]+）/u);
    // What was said is kept, and said so.
    expect(textOf(r)).toContain("广州");
  });
});

describe("a city typed wrong, as the answer to the place question", () => {
  const choicesOf = (inputs: string[]) => chat(inputs).at(-1)!.flatMap((r) => r.choices ?? []);

  it.each([
    ["深川", "深圳", "440300"],
    ["深川市", "深圳", "440300"],
    ["在深川", "深圳", "440300"],
  ])("%s to 您在哪里参保 → asked back (%s?), never assumed", (typed, name, code) => {
    const t = last(["估算能报多少", typed]);
    expect(t).toContain(`您是说${name}吗`);
    expect(t).not.toMatch(/职工医保还是居民医保/u);
    expect(choicesOf(["估算能报多少", typed]).map((c) => c.id)).toContain(`p:${code}`);
    // Picking it answers the question.
    expect(last(["估算能报多少", typed, `#p:${code}`])).toMatch(/职工医保还是居民医保/u);
  });

  it("深川 to 在哪看病 → asked back too", () => {
    const t = last(["估算能报多少", "苏州", "职工", "深川"]);
    expect(t).toContain("您是说深圳吗");
    expect(choicesOf(["估算能报多少", "苏州", "职工", "深川"]).map((c) => c.id)).toContain("p:440300");
  });

  it("延州 (延安 or 延边) → both offered, neither assumed", () => {
    const ids = choicesOf(["备案怎么办", "延州"]).map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(["p:610600", "p:222400"]));
  });

  it.each([["苏洲", "苏州"], ["杭洲", "杭州"]])("%s (sounds the same, one character as typed) → %s taken", (typed, name) => {
    const r = chat(["估算能报多少", typed, "职工", "在职"]);
    expect(textOf(r.at(-1)!)).toMatch(/您在哪里看病/u);
    expect(textOf(r.at(1)!)).not.toContain("没看懂");
    void name;
  });
});

describe("a city asked back", () => {
  it.each(["是的", "对", "嗯"])("%s to 您是说深圳吗 → 深圳", (yes) => {
    expect(last(["估算能报多少", "深川", yes])).toMatch(/职工医保还是居民医保/u);
  });
});

describe("a short follow-up takes the previous answer's topic", () => {
  const NOT_UNDERSTOOD = /没看懂/u;
  const SOURCE = /（来源：[^）]+）/u;

  it.each(["临时的呢", "那临时的呢", "临时备案呢", "临时的怎么样"])("长期备案有效期多久 → %s: the temporary registration's validity", (follow) => {
    const t = last(["长期备案有效期多久", follow]);
    expect(t).not.toMatch(NOT_UNDERSTOOD);
    expect(t).toContain("临时外出就医备案的有效期");
    expect(t).not.toContain("长期居住类备案");
    expect(t).toMatch(SOURCE);
  });

  it("长期备案能取消吗 → 临时的呢: the temporary registration's rule", () => {
    const t = last(["长期备案能取消吗", "临时的呢"]);
    expect(t).toContain("临时备案可以随时取消");
    expect(t).not.toContain("6个月内不能取消");
  });

  it("长期备案要什么材料 → 临时的呢: the temporary kinds' materials, and the pending question stays", () => {
    const t = last(["长期备案要什么材料", "临时的呢"]);
    expect(t).not.toMatch(NOT_UNDERSTOOD);
    expect(t).toContain("异地转诊人员");
    expect(t).toContain("其他临时外出就医人员");
    expect(t).not.toContain("异地长期居住人员");
    expect(t).toMatch(SOURCE);
    expect(t).toContain("您在哪里参保");
  });

  it("长期的呢 after the temporary answer → back to the long-term one", () => {
    const t = last(["长期备案有效期多久", "临时的呢", "长期的呢"]);
    expect(t).toContain("长期居住类（");
    expect(t).not.toContain("临时外出就医备案的有效期");
  });

  it.each(["具体步骤呢", "那具体怎么操作呢", "流程呢"])("在哪能办备案 → %s: the national steps with their source", (follow) => {
    const t = last(["在哪能办备案", follow]);
    expect(t).not.toMatch(NOT_UNDERSTOOD);
    expect(t).toContain("异地就医备案申请");
    expect(t).toContain("提交备案");
    expect(t).toMatch(SOURCE);
  });

  it.each(["在哪交", "材料交到哪里", "去哪交呢"])("手工报销要哪些材料 → %s: where the claim is handed in", (follow) => {
    const t = last(["手工报销要哪些材料", follow]);
    expect(t).not.toMatch(NOT_UNDERSTOOD);
    expect(t).toContain("参保地医保经办机构");
    expect(t).toMatch(SOURCE);
    // The claim's question is still pending.
    expect(t).toContain("为什么没能在医院直接结算");
  });

  it.each(["钱打到哪", "钱什么时候到", "钱打到哪个卡", "报销的钱啥时候到账"])("手工报销要哪些材料 → %s: where and when the money comes", (follow) => {
    const t = last(["手工报销要哪些材料", follow]);
    expect(t).not.toMatch(NOT_UNDERSTOOD);
    expect(t).toContain("打到哪个账户");
  });

  it("出院两个月了还能报吗 → 在哪交: where the claim is handed in", () => {
    const t = last(["出院两个月了还能报吗", "在哪交"]);
    expect(t).toContain("参保地医保经办机构");
  });

  it("在哪交 with nothing before it is not taken for the claim", () => {
    expect(last(["在哪交"])).not.toContain("参保地医保经办机构");
  });
});

describe("two questions in one message: both answered", () => {
  it("备案了多久有效 比例会降吗 → the validity and the ratio", () => {
    const t = textOf(chat(["备案了多久有效 比例会降吗"])[0]!);
    expect(t).toContain("不少于6个月");
    expect(t).toContain("百分点");
    expect(t).toMatch(/（来源：[^）]+）/u);
  });

  it("急诊没备案能报吗 要准备什么 → an emergency counts as registered, and what to bring if paid in full", () => {
    const r = chat(["急诊没备案能报吗 要准备什么"])[0]!;
    const t = r[0]!.text;
    expect(t).toContain("急诊抢救视同已备案");
    expect(t).toContain("医疗费用发票");
    expect(t).not.toMatch(/^您在哪里参保/u);
  });

  it.each([
    ["在哪办备案 要多久审核", ["国家医保服务平台", "2个工作日"]],
    ["备案能取消吗 多久生效", ["随时取消", "2个工作日"]],
  ])("%s → both", (text, parts) => {
    const t = textOf(chat([text])[0]!);
    for (const part of parts) expect(t).toContain(part);
  });
});

describe("不知道 to 住院还是门诊", () => {
  const CASE = "我在苏州交的职工医保 在上海看病花了3万 能报多少";
  const QUESTION = "这次是住院、普通门诊，还是门诊慢特病？";

  it.each(["不知道", "不清楚"])("%s the first time → the difference explained, then the question once more", (dunno) => {
    const t = last([CASE, dunno]);
    expect(t).not.toContain("没看懂");
    expect(t).toContain("入院手续");
    expect(t).toContain("当天回家");
    expect(t).toContain(QUESTION);
  });

  it("不知道 twice → 住院 taken, said as an assumption with its reason, and the estimate goes on", () => {
    const r = chat([CASE, "不知道", "还是不知道"]);
    const t = textOf(r.at(-1)!);
    expect(t).not.toContain(QUESTION);
    expect(t).toContain("先按住院算");
    expect(t).toContain("说“门诊”");
  });

  it.each(["不知道 交了押金", "不清楚 住了几天"])("%s → 住院 at once (a stay's cue)", (dunno) => {
    const t = last([CASE, dunno]);
    expect(t).not.toContain(QUESTION);
    expect(t).not.toContain("没看懂");
  });

  it("the same question is never repeated unchanged", () => {
    const r = chat([CASE, "不知道", "不知道"]).map(textOf);
    expect(r[1]).not.toBe(r[0]);
    expect(r[2]).not.toBe(r[1]);
  });
});

describe("making up the registration after discharge: the direct answer first", () => {
  it.each(["出院半个月了 还能补办备案吗", "出院半个月了还能补办备案吗", "出院半个月了 没备案 还能补办吗"])("%s → 能补办, no direct settlement now, the manual claim and its deadline; no list before it", (text) => {
    const t = chat([text])[0]![0]!.text;
    expect(t).toMatch(/^能补办/u);
    expect(t).toContain("出院结算前补办");
    expect(t).toContain("手工报销");
    expect(t).toContain("手工报销期限");
    expect(t).not.toContain("医疗费用发票");
  });

  it.each(["出院半个月了 还能补办备案吗 要带什么材料", "出院半个月了还能补办备案吗？回去报销要啥材料"])("%s → the 补办 answer, then the claim's list, each line once", (text) => {
    const t = chat([text])[0]![0]!.text;
    expect(t).toMatch(/^能补办/u);
    expect(t.indexOf("医疗费用发票")).toBeGreaterThan(t.indexOf("手工报销期限"));
    const lines = t.split("\n");
    expect(new Set(lines).size).toBe(lines.length);
    expect(t.match(/告诉我您在哪里参保/gu)?.length).toBe(1);
  });
});
