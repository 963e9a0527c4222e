/**
 * 退休 typed at "您为什么在就医地看病？" says who the person is, not why they are there (QA5 Q84):
 * it must not pick 退休后到外地定居 (a long-term registration paid at the home rate) by its first
 * words; the status is kept and the reason asked again. The label's own words still pick it.
 */
import { describe, expect, it } from "vitest";
import { chat, estimateOf, textOf } from "./chat.ts";

const START = ["我爸在上海住院", "医保武汉的"];

describe("a status word at the why-there question", () => {
  it("the question is the why-there one (the premise)", () => {
    expect(textOf(chat(START).at(-1)!)).toContain("您为什么在就医地看病");
  });

  it.each(["退休", "退休了", "他退休了", "已经退休了"])("%s → not 异地安置, the reason asked again", (said) => {
    const r = chat([...START, said]).at(-1)!;
    expect(textOf(r)).not.toContain("异地安置退休人员」");
    expect(textOf(r)).toContain("您为什么在就医地看病");
    const t = estimateOf(chat([...START, said, "花了4万"]).at(-1)!) ?? textOf(chat([...START, said, "花了4万"]).at(-1)!);
    expect(t).not.toMatch(/长期备案（异地安置退休人员）、总费用/u);
  });

  it.each(["退休后到外地定居", "1"])("%s still picks 退休后到外地定居", (said) => {
    expect(textOf(chat([...START, said]).at(-1)!)).toContain("异地安置退休人员");
  });
});
