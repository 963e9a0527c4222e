/**
 * 在职 / 退休 typed after an estimate whose 居民医保 was only assumed (QA5 Q1, c82): only 职工医保
 * has working and retired people, so the word answers the scheme as well — recomputed as 职工医保
 * at once, not the same 居民 figure printed again. A 居民医保 the person said is still asked about.
 */
import { describe, expect, it } from "vitest";
import { chat, estimateOf, textOf } from "./chat.ts";

const readBack = (t: string | undefined) => (t ?? "").split("\n")[0] ?? "";
const fundOf = (t: string | undefined) => /医保基金支付：([\d.]+) 元/u.exec(t ?? "")?.[1];

describe("a status after an assumed 居民医保", () => {
  const START = ["我在北京住院", "医保是天津的", "花了6万"];
  const before = estimateOf(chat(START).at(-1)!);

  it("the first estimate assumed 居民医保 (the premise of this test)", () => {
    expect(readBack(before)).toContain("天津居民医保");
    expect(readBack(before)).toMatch(/居民医保[^（]*是我假设的|（[^）]*居民医保[^）]*是我假设的）/u);
  });

  it.each([
    ["在职", "在职"],
    ["还在上班", "在职"],
    ["退休了", "退休"],
    ["他是退休的", "退休"],
  ])("%s → 职工医保 and %s, recomputed", (said, status) => {
    const r = chat([...START, said]).at(-1)!;
    const t = estimateOf(r);
    expect(readBack(t)).toContain(`天津职工医保、${status}`);
    expect(fundOf(t)).not.toBe(fundOf(before));
    expect(textOf(r)).toContain("职工医保");
  });

  it("a 居民医保 the person said is not switched by 在职", () => {
    const r = chat(["天津居民医保 在北京住院 花了6万", "在职"]).at(-1)!;
    expect(readBack(estimateOf(r) ?? textOf(r))).not.toContain("职工医保、在职");
  });
});
