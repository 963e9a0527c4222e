/**
 * The answer to a question the bot asks again is no contradiction (QA5 Q86, c401): after an estimate
 * that assumed 其他临时外出, "备案了" re-asks why the person is there; "长期的" answers it and is
 * applied — the bot's own assumption is never quoted back as what the person said.
 */
import { describe, expect, it } from "vitest";
import { chat, estimateOf, textOf } from "./chat.ts";

const START = ["我爸", "他退休了", "医保在哈尔滨", "在海南过冬", "住院了", "花了一万八"];

describe("answering the re-asked registration question", () => {
  it("the estimate before assumed 其他临时外出 (the premise)", () => {
    const t = estimateOf(chat(START).at(-1)!) ?? "";
    expect(t.split("\n")[0]).toMatch(/其他临时外出备案[^（]*（[^）]*其他临时外出备案是我假设的）/u);
  });

  it.each(["长期的", "长期备案", "办的长期的"])("备案了 → %s: applied, not asked as a conflict", (kind) => {
    const r = chat([...START, "备案了", kind]).at(-1)!;
    expect(textOf(r)).not.toContain("您之前说的是");
    expect(textOf(r)).toContain("已改为：长期备案");
  });
});
