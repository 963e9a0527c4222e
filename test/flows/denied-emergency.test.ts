/**
 * 不是急诊 after an estimate worked out as an emergency (fresh-user finding B7): the emergency is
 * taken back and the estimate recomputed, the kind of trip it was instead taken as an assumption
 * and said so — or, when the words say it (是自己去的, 办的临时备案), as said.
 */
import { describe, expect, it } from "vitest";
import { chat, estimateOf, textOf } from "./chat.ts";

const FIRST = "深圳职工 在职 在广州住院 三甲 3万 急诊";
const after = (words: string) => {
  const r = chat([FIRST, words]).at(-1)!;
  return estimateOf(r) ?? textOf(r);
};
const readBackOf = (text: string) => text.split("\n").find((l) => l.startsWith("按："))!;

describe("不是急诊 after an emergency's estimate", () => {
  it("the emergency estimate is the starting point", () => {
    expect(readBackOf(estimateOf(chat([FIRST])[0]!)!)).toContain("急诊");
  });

  it.each(["不是急诊", "其实不是急诊", "也不算急诊吧", "不是急诊啊"])("%s → recomputed as a temporary trip, assumed and said", (words) => {
    const t = after(words);
    expect(readBackOf(t)).not.toContain("急诊");
    expect(readBackOf(t)).toContain("其他临时外出备案是我假设的");
  });

  it.each(["不是急诊 是自己去的", "不是急诊 办的临时备案"])("%s → recomputed as said, no assumption", (words) => {
    const t = after(words);
    expect(readBackOf(t)).toContain("其他临时外出备案");
    expect(readBackOf(t)).not.toContain("是我假设的");
  });
});
