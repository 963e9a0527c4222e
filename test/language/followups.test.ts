/** Issue 10's follow-up gaps, as the parser reads them (the chat's side: test/flows/followups.test.ts). */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

describe("in hospital without a registration", () => {
  it.each(["没备案 在广州住院了", "没备案在广州住院", "没有备案 人在广州住院", "还没备案 在广州住了院", "在广州住着院呢 还没备案"])("%s → making it up while in hospital", (text) => {
    const p = parse(text);
    expect(p.intent).toBe("makeup_registration");
    expect(p.topic).toBe("makeup_in_hospital");
    expect(p.slots.visitorType).toBe("unregistered");
  });

  it.each([
    ["没备案 在广州住院花了3万 医保是清远的", "estimate"],
    ["没备案的话 去北京住院能报多少", "estimate"],
    ["急诊住院了没备案", "emergency"],
  ])("%s → %s, not the in-hospital answer", (text, intent) => {
    const p = parse(text);
    expect(p.intent).toBe(intent);
    expect(p.topic).not.toBe("makeup_in_hospital");
  });

  it("already discharged is the after-discharge rule", () => {
    expect(parse("没备案 在广州住院 出院半个月了").topic).toBe("makeup_after_discharge");
  });
});

describe("a city typed wrong as the answer to the place question", () => {
  it.each([
    ["深川", "insuredRegion", ["440300"]],
    ["深川市", "treatmentRegion", ["440300"]],
    ["在深川", "insuredRegion", ["440300"]],
    ["延州", "insuredRegion", ["222400", "610600"]],
  ] as const)("%s (%s) → offered, never filled", (text, expecting, codes) => {
    const p = parse(text, { expecting });
    expect(p.slots[expecting]).toBeUndefined();
    const amb = p.ambiguities?.find((a) => a.slot === expecting);
    expect(amb?.typo).toBe(true);
    expect((amb?.candidates as { code: string }[]).map((c) => c.code).sort()).toEqual([...codes].sort());
  });

  it.each(["职工", "不知道", "不对", "住院", "老家", "好的", "取消"])("%s is no city typed wrong", (text) => {
    expect(parse(text, { expecting: "insuredRegion" }).ambiguities?.some((a) => a.typo) ?? false).toBe(false);
  });

  it.each([["苏洲", "320500"], ["杭洲", "330100"]])("%s sounds like one city and keeps a character as typed: taken", (text, code) => {
    expect(parse(text, { expecting: "insuredRegion" }).slots.insuredRegion?.code).toBe(code);
  });
});

import { followUpTopic } from "../../src/language/follow-ups.ts";

describe("short follow-ups take the previous answer's topic", () => {
  it.each([
    ["临时的呢", "validity", undefined, "validity@temporary"],
    ["那长期的呢", "validity@temporary", undefined, "validity@long"],
    ["如果是临时的呢", "registration_materials", "registration", "registration_materials@temporary"],
    ["具体步骤呢", "registration_channels", undefined, "registration_steps"],
    ["流程呢", undefined, "registration", "registration_steps"],
    ["在哪交", "claim_materials", "claim", "claim_where"],
    ["去哪交呢", "claim_deadline", undefined, "claim_where"],
    ["钱打到哪", "claim_materials", "claim", "claim_payout"],
    ["钱什么时候到", "makeup_after_discharge", undefined, "claim_payout"],
  ])("%s after %s (%s) → %s", (text, last, flow, topic) => {
    expect(followUpTopic(text, last, flow)).toBe(topic);
  });

  it.each([
    ["临时的呢", undefined, undefined],
    ["临时的呢", "claim_materials", "claim"],
    ["在哪交", undefined, undefined],
    ["在哪交", "validity", undefined],
    ["具体步骤呢", "claim_materials", "claim"],
    ["钱打到哪", "validity", "estimate"],
  ])("%s after %s (%s) → nothing", (text, last, flow) => {
    expect(followUpTopic(text, last, flow)).toBeUndefined();
  });
});

describe("two questions in one message", () => {
  it.each([
    ["备案了多久有效 比例会降吗", "validity+ratio_change"],
    ["备案有效期多久？能取消吗？", "validity+cancel_change"],
    ["在哪办备案 要多久审核", "registration_channels+review_time"],
    ["急诊没备案能报吗 要准备什么", "emergency+claim_materials"],
  ])("%s → %s", (text, topic) => {
    expect(parse(text).topic).toBe(topic);
  });

  it.each(["承诺书是什么 备案要签吗", "我在苏州交的医保 在上海住院花了3万 能报多少", "备案有效期多久"])("%s → no pair", (text) => {
    expect(parse(text).topic ?? "").not.toContain("+");
  });
});

import { saysDontKnow, saysStay } from "../../src/language/replies.ts";

describe("不知道 and a stay's cues", () => {
  it.each(["不知道", "不清楚", "还是不知道", "我也不清楚", "真不知道"])("%s says the person cannot tell", (text) => {
    expect(saysDontKnow(text)).toBe(true);
  });
  it.each(["交了押金", "有床位", "住了几天", "做了手术"])("%s is a stay's cue", (text) => expect(saysStay(text)).toBe(true));
  it.each(["拿了点药", "看完就回家了", "挂了个号"])("%s is none", (text) => expect(saysStay(text)).toBe(false));
});

describe("a part that asks nothing is the context of the next question", () => {
  it.each([
    ["出院半个月了 还能补办备案吗 要带什么材料", "makeup_after_discharge+claim_materials"],
    ["出院半个月了还能补办备案吗？回去报销要啥材料", "makeup_after_discharge+claim_materials"],
  ])("%s → %s", (text, topic) => expect(parse(text).topic).toBe(topic));
});
