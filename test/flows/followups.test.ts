/**
 * Issue 10's follow-up gaps, as people type them: short follow-ups after an answer, two questions
 * in one message, the direct answer before any list, being in hospital without a registration,
 * a city typed wrong as the answer to the place question, and 不知道 to 住院还是门诊.
 */
import { describe, expect, it } from "vitest";
import { chat, textOf } from "./chat.ts";

const last = (inputs: string[]) => textOf(chat(inputs).at(-1)!);

describe("in hospital without a registration", () => {
  it.each(["没备案 在广州住院了", "没备案在广州住院", "没有备案 人在广州住院", "还没备案 在广州住了院"])("%s → what happens now, making it up before discharge, what is paid", (text) => {
    const r = chat([text])[0]!;
    const t = r[0]!.text;
    expect(t).not.toMatch(/^(您在哪里参保|好的，已记下)/u);
    // Can it still be made up: before discharge, then settled directly.
    expect(t).toContain("出院结算前补办备案");
    // If not: paid in full first, claimed back home.
    expect(t).toContain("先全额垫付");
    // An emergency counts as registered.
    expect(t).toContain("急诊抢救视同已备案");
    expect(t).toMatch(/（来源：[^）]+）/u);
    // What was said is kept, and said so.
    expect(textOf(r)).toContain("广州");
  });
});
