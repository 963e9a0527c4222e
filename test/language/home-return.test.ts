/**
 * A long-term registrant going back home for care (QA5 Q3): 长期备案在广州 回老家南昌看病 names the
 * place registered for (广州) and the home (南昌), which is where the person is insured — not
 * 参保地广州 就医地南昌, and not 没有备案 (a registration for 广州 covers care at home: 双向享受).
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/index.ts";

describe("registered somewhere, going home for care", () => {
  it.each([
    ["我办的长期备案 在广州 现在想回老家南昌看病 能报吗", "360100"],
    ["长期备案在海南 回老家哈尔滨看门诊能报吗", "230100"],
    ["我在上海办了长期备案 想回老家合肥住院 能直接结算吗", "340100"],
    ["长期备案办在深圳了 回老家长沙看病能报吗", "430100"],
    ["异地长期备案备到了苏州 回南通看病怎么报", "320600"],
  ])("%s → insured at home", (text, home) => {
    const p = parse(text);
    expect(p.slots.insuredRegion?.code).toBe(home);
    expect(p.slots.treatmentRegion?.code ?? home).toBe(home);
    expect(p.slots.visitorType).not.toBe("unregistered");
    expect(p.ambiguities ?? []).toEqual([]);
  });

  it("registered for one place and treated in a third: still no registration there", () => {
    const p = parse("长期备案在广州 去北京住院 医保南昌 3万");
    expect(p.slots.visitorType).toBe("unregistered");
    expect(p.slots.insuredRegion?.code).toBe("360100");
    expect(p.slots.treatmentRegion?.code).toBe("110000");
  });
});
