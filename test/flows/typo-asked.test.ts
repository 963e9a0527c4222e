/** 哈尔兵职工: the insured place typed one character off is asked back as 哈尔滨, not dropped (QA3 A32, c64). */
import { describe, expect, it } from "vitest";
import { chat, textOf } from "./chat.ts";

describe("a city name one character off", () => {
  it("哈尔兵职工 去广洲住院 3.5w → 您是说哈尔滨吗, and picking it gives the estimate for 哈尔滨", () => {
    const replies = chat(["哈尔兵职工 去广洲住院 3.5w", "1", "三级", "1", "1", "1", "1"]);
    expect(textOf(replies[0]!)).toContain("您是说哈尔滨吗");
    expect(textOf(replies[1]!)).not.toContain("您在哪里参保");
    expect(textOf(replies.at(-1)!)).toContain("按：哈尔滨职工医保");
  });
});
