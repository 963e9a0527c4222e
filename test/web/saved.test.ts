/** What a saved result quotes as the question: the person's words that led to it, the question first. */
import { describe, expect, it } from "vitest";
import { newestResult } from "../../src/channels/web/saved.ts";
import type { Entry } from "../../src/channels/web/transcript.ts";
import { flowMessages } from "../../src/messages/flows.ts";

const bill = { total: "30000.00", parts: [{ kind: "fund" as const, amount: "21024.00", own: false }, { kind: "share" as const, amount: "8976.00", own: true }] };
const me = (text: string): Entry => ({ who: "me", text });
const bot = (text: string, withBill = false): Entry => ({ who: "bot", text, ...(withBill ? { bill } : {}) });

describe("newestResult", () => {
  it("after a correction made with several buttons, the question is still quoted first, then the newest steps", () => {
    const question = "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少";
    const entries: Entry[] = [
      bot("您好！"),
      me(question),
      bot("按：苏州职工医保…", true),
      me("改一个答案"),
      bot("想改哪一项？"),
      me("医院等级：三级医院（含三甲）"),
      bot("是几级医院？"),
      me("一级医院或社区"),
      bot(`${flowMessages.change.changed("一级医院或社区")}\n按：…`, true),
      me("改成二级医院"),
      bot(`${flowMessages.change.changed("二级医院")}\n按：…`, true),
    ];
    const asked = newestResult(entries)!.asked!;
    expect(asked.startsWith(question)).toBe(true);
    expect(asked.endsWith("改成二级医院")).toBe(true);
    expect(asked).toContain("一级医院或社区");
  });

  it("a short exchange is quoted whole", () => {
    const r = newestResult([me("苏州职工医保 在上海三甲医院住院花了3万"), bot("按：…", true), me("改成二级医院"), bot(`${flowMessages.change.changed("二级医院")}`, true)])!;
    expect(r.asked).toBe("苏州职工医保 在上海三甲医院住院花了3万 → 改成二级医院");
  });
});
