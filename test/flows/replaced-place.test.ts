/** "是A不是B": the answer that held B is the one changed, whatever role A alone would be read in. */
import { describe, expect, it } from "vitest";
import { chat, textOf } from "./chat.ts";

const readBackOf = (inputs: string[]) => textOf(chat(inputs).at(-1)!).split("\n").find((l) => l.startsWith("按："));

describe("是A不是B changes the slot that holds B", () => {
  it.each([
    [["南京职工退休 在合肥住院 花了3万", "不对 是成都不是合肥"], "南京", "成都"],
    [["南京职工退休 在合肥住院 花了3万", "不是合肥 是成都"], "南京", "成都"],
    [["南京职工 在合肥住院 花了3万", "是杭州 不是南京"], "杭州", "合肥"],
    [["苏州职工 去上海住院 2万", "是北京不是上海"], "苏州", "北京"],
  ])("%j", (inputs, insured, treatment) => {
    const line = readBackOf(inputs);
    expect(line).toMatch(new RegExp(`^按：${insured}职工医保`, "u"));
    expect(line).toContain(`${treatment}三级医院`);
  });
});
