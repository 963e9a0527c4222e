/**
 * Care where one is insured is not 异地就医 (QA3 A3, QA4 Q12): 医保在老家 在老家住院 不用备案吧 is
 * told it needs no registration — not the unregistered-visitor paragraph — and the same city named
 * twice is said as one place, not "阜阳和阜阳".
 */
import { describe, expect, it } from "vitest";
import { chat, textOf } from "./chat.ts";

const first = (input: string) => textOf(chat([input])[0]!);

describe("care at the insured place", () => {
  it.each([
    "我妈在老家住院要我转钱 她医保在老家 不用备案吧",
    "医保是本地的 在本地医院看病 要备案吗",
    "老家的医保 回老家看病 还要备案不",
  ])("%s → no registration, with its source", (input) => {
    const t = first(input);
    expect(t).toMatch(/^医保在哪里、就在哪里看病的，不用备案/u);
    expect(t).toContain("不属于异地就医");
    expect(t).toMatch(/（来源：[^）]+）/u);
    expect(t).not.toContain("要先全额垫付");
  });

  it("医保在老家 在外地住院 is still 异地: not told it needs no registration", () => {
    expect(first("医保在老家 在外地住院 要备案吗")).not.toContain("不用备案");
  });

  it("the same city named twice is one place in the words", () => {
    const t = first("我爸医保在阜阳 在阜阳住院 要备案吗");
    expect(t).toContain("在阜阳参保、也在阜阳看病，不算异地就医");
    expect(t).not.toContain("阜阳和阜阳");
  });
});
