/**
 * 备案好了 去医院要带啥: someone registered is told what to bring (the card or the e-voucher), not
 * first that a registration is needed, nor the registration's papers (QA5 Q45). The registration
 * steps for an emergency open with what matters first: 视同已备案, or the insured place's own rule (Q54).
 */
import { describe, expect, it } from "vitest";
import { saysRegistered } from "../../src/language/registered-fact.ts";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { chat, textOf } from "./chat.ts";

describe("registered, asking what to bring", () => {
  it.each(["备案好了去医院要带啥 社保卡还是医保码", "已经备案了 去医院带什么", "长期备案办好了 去医院要带啥", "备案好了 要带什么"])("%s", (text) => {
    const t = textOf(chat([text])[0]!);
    expect(t.split("\n")[0]).toMatch(/社会保障卡或医保电子凭证/);
    expect(t).not.toContain("能直接刷卡的前提");
    expect(t).not.toContain("没备案（也不是急诊）");
    expect(t).not.toContain("备案材料");
  });
  it.each(["还没备案好 去医院要带啥", "没备案 去医院要带啥", "备案要带什么材料"])("not registered: %s — not the registered answer", (text) => {
    expect(saysRegistered(text)).toBe(false);
    expect(textOf(chat([text])[0]!).split("\n")[0]).not.toMatch(/^在联网定点医院凭社会保障卡/);
  });
});

describe("registration steps for an emergency", () => {
  it("视同已备案 leads, then step 1", () => {
    const first = chat(["备案", "长沙", "北京", "5"]).at(-1)![0]!.text;
    expect(first.startsWith(m.registration.emergencyFirst)).toBe(true);
    expect(first).toContain("第 1/");
  });
  it("东莞 asks an emergency to register within 10 days: its rule leads instead", () => {
    const first = chat(["备案", "东莞", "长沙", "5"]).at(-1)![0]!.text;
    expect(first.split("\n")[0]).toContain("按东莞的规定");
    expect(first).not.toContain(m.registration.emergencyFirst);
  });
  it("another category: step 1 first, no emergency line", () => {
    const first = chat(["备案", "长沙", "北京", "6"]).at(-1)![0]!.text;
    expect(first).not.toContain("急诊");
  });
});
