/**
 * 生孩子 elsewhere follows the insured place's data for the two places named (QA3 A2): 成都's
 * insured giving birth in 德阳, 眉山 or 资阳 are in the 省内异地生育医疗费用直接结算试点 and settle
 * directly with no 备案 (成都市医保局, policy-facts §1.12); elsewhere they pay first and claim, and
 * a place without such data gets the general rule.
 */
import { describe, expect, it } from "vitest";
import { getPolicyBook } from "../../src/policy/index.ts";
import { maternitySettlement } from "../../src/policy/maternity.ts";
import { chat, textOf } from "./chat.ts";

const first = (text: string) => textOf(chat([text])[0]!);
const PAY_FIRST = /先自己垫付|先垫付|先自费|先全额垫付/u;

describe("maternitySettlement reads the insured place's data", () => {
  const book = getPolicyBook();
  it.each([
    ["510100", "510600", true],
    ["510100", "511400", true],
    ["510100", "512000", true],
    ["510100", "510700", false],
    ["510100", "110000", false],
  ])("成都 insured, birth in %s → %s: direct %s", (insured, treatment, direct) => {
    const r = maternitySettlement(book, { insured, treatment, date: "2025-08-01" });
    expect(r?.direct).toBe(direct);
    expect(r?.source.title).toContain("成都");
  });
  it("a place without maternity data: nothing of its own", () => {
    expect(maternitySettlement(book, { insured: "110000", treatment: "120000", date: "2025-08-01" })).toBeUndefined();
  });
});

describe("the maternity answer in the chat", () => {
  it.each(["在德阳生孩子 医保在成都 能直接结算吗", "医保在成都 在眉山生孩子 要先垫付吗"])("%s → 直接结算, 不用备案, not 先垫付", (text) => {
    const t = first(text);
    const answer = t.split("\n\n")[0]!;
    expect(answer).toContain("直接结算");
    expect(answer).toContain("不用备案");
    expect(answer).not.toMatch(PAY_FIRST);
    expect(answer).toContain("成都");
  });
  it("成都 insured giving birth in 绵阳 (outside 成德眉资): pay first, with 成都's source", () => {
    const answer = first("在绵阳生孩子 医保在成都 能直接结算吗").split("\n\n")[0]!;
    expect(answer).toMatch(PAY_FIRST);
    expect(answer).toContain("德阳、眉山、资阳");
  });
  it("a place without data: the general rule", () => {
    const answer = first("在天津生孩子 医保在北京 能直接结算吗").split("\n\n")[0]!;
    expect(answer).toMatch(PAY_FIRST);
  });
  it("an estimate for a birth in 德阳 says it settles directly, not pay first", () => {
    const t = textOf(chat(["成都职工 在德阳生孩子 住院花了8000 能报多少"]).at(-1)!);
    expect(t).toContain("直接结算");
    expect(t).not.toMatch(PAY_FIRST);
  });
});
