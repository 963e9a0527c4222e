/** A bare 长期备案: the read-back says which long-term kind was taken, following retirement when known. */
import { describe, expect, it } from "vitest";
import { chat, estimateOf } from "./chat.ts";

const readBackOf = (inputs: string[]) => estimateOf(chat(inputs).at(-1)!)?.split("\n")[0] ?? "";

describe("长期备案 without its kind", () => {
  it("retired: taken as 异地安置退休, said so, with the three kinds settled alike", () => {
    const line = readBackOf(["苏州医保 退休了 长期备案 在上海住院 花了3万"]);
    expect(line).toContain("长期备案（按异地安置退休人员算");
    expect(line).toContain("三类长期备案报销相同");
  });

  it("working or not said: taken as 异地长期居住, said so", () => {
    expect(readBackOf(["苏州职工医保 在职 长期备案 在上海住院 花了3万"])).toContain("长期备案（按异地长期居住人员算");
    expect(readBackOf(["苏州医保 长期备案 在上海住院 花了3万"])).toContain("长期备案（按异地长期居住人员算");
  });

  it("a kind said is said back as it is, with nothing assumed", () => {
    const line = readBackOf(["苏州职工医保 单位派我常驻上海 在上海住院 花了3万"]);
    expect(line).toContain("长期备案（常驻异地工作人员）");
    expect(line).not.toContain("按常驻");
  });
});
