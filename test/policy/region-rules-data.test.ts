/**
 * What the insured place's data says about where no registration is needed, and whose 乙类 share
 * a treatment place without a file of its own has (QA5 Q77, Q57).
 *
 * - 呼和浩特 HH-DD [B-, 2023-02-11] (policy-facts §7 呼和浩特 区内): "参保人员可在区内异地定点医院直接划卡结算住院医疗费用，
 *   无需办理转诊转院备案" — 职工 住院 anywhere in 内蒙古 needs no registration; its ratio cut there is not given.
 * - 浙江 ZJ-56 [A, 浙医保发〔2021〕56号]: "乙类药品…个人先行自付比例由省医疗保障局统一制定，各地不得自行制定和调整";
 *   "《医保药品目录》内乙类药品的先行自付比例为3%" — for 嘉兴 as for 杭州, not the template's 4%.
 */
import { describe, expect, it } from "vitest";
import { getPolicyBook } from "../../src/policy/book.ts";
import { directSettlement } from "../../src/policy/direct.ts";
import { evaluate } from "../../src/policy/index.ts";
import { lastText } from "../flows/chat.ts";

const book = getPolicyBook();
const DATE = "2026-03-01";

describe("呼和浩特 职工 住院 within 内蒙古 needs no registration (HH-DD)", () => {
  it("to 包头: direct settlement without registering, with its source", () => {
    const d = directSettlement(book, { insured: "150100", treatment: "150200", scheme: "employee", date: DATE, setting: "inpatient" });
    expect(d.reason).toBe("no_registration");
    expect(d.source?.quote).toContain("无需办理转诊转院备案");
  });
  it("across provinces (北京) a registration is still needed", () => {
    const d = directSettlement(book, { insured: "150100", treatment: "110000", scheme: "employee", date: DATE, setting: "inpatient" });
    expect(d.reason).not.toBe("no_registration");
  });
  it("the chat's 要备案吗 answers 不用备案 (was: 要先办异地就医备案)", () => {
    const text = lastText(["医保在呼和浩特 去包头 住院 要备案吗"]);
    expect(text).toContain("不用备案");
    expect(text).not.toContain("要先办异地就医备案");
  });
});

describe("浙江's province-wide 乙类 share for a 浙江 city without its own file (ZJ-56)", () => {
  it("上海职工 在职 嘉兴 三级 3万 乙类5000: 乙类先行自付 150.00 at 3% (was 200.00 at the template's 4%)", () => {
    const r = evaluate(
      {
        insured: { region: "上海", scheme: "employee", status: "working" },
        treatment: { region: "嘉兴", setting: "inpatient", hospitalLevel: 3, date: DATE },
        visitor: "temporary_other",
        costs: { total: "30000", classB: "5000" },
      },
      book,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const step = r.estimate.steps.find((s) => s.params.kind === "class_b_first_pay")!;
    expect(step.amount).toBe("150.00");
    expect(step.source.id).toBe("ZJ-56");
    expect(r.estimate.assumptions.some((a) => a.kind === "class_b_from_typical")).toBe(false);
  });
});
