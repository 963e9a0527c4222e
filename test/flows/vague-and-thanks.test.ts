/**
 * The chat side of two readings: a vague short question gets the two or three likeliest readings
 * as choices (not 没看懂 and not a guess), and thanks or an acknowledgement gets a short polite
 * reply, at the menu and while a question is pending (not 没看懂).
 */
import { describe, expect, it } from "vitest";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { chat, textOf } from "./chat.ts";

describe("a vague short question at the menu", () => {
  it.each([
    ["报销的事", [m.intentLabels.manual_claim, m.intentLabels.estimate]],
    ["备案问题", [m.intentLabels.registration_howto, m.intentLabels.registration_materials]],
  ] as const)("%s → 您是想问 with the likeliest readings", (text, labels) => {
    const r = chat([text]).at(-1)!;
    expect(r[0]!.text).toContain(m.unsure);
    const shown = r.flatMap((x) => x.choices ?? []).map((c) => c.label);
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(shown.length).toBeLessThanOrEqual(3);
    for (const l of labels) expect(shown).toContain(l);
  });
});

describe("thanks and acknowledgements", () => {
  it.each(["谢啦", "好的 收到", "明白了"])("%s at the menu: 不客气", (text) => {
    expect(chat([text]).at(-1)![0]!.text).toContain(m.thanksInFlow);
  });
  it.each(["明白了", "收到 谢谢", "清楚了"])("%s while the insured place is asked: 不客气 and the question again, not 没看懂", (text) => {
    const r = chat(["/estimate", text]).at(-1)!;
    expect(r[0]!.text).toContain(m.thanksInFlow);
    expect(textOf(r)).toContain(m.ask.insured);
    expect(textOf(r)).not.toContain("没看懂");
  });
});
