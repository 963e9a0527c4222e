/**
 * Still in hospital and not registered (QA4 Q94, Q3, Q8, Q88): what to do now — register before
 * discharge, then the bill is settled directly — comes first, with its source; a hospital that
 * would not settle sends the person to the manual claim, not to "直接结算：能".
 */
import { describe, expect, it } from "vitest";
import { chat, textOf } from "./chat.ts";

const last = (inputs: string[]) => textOf(chat(inputs).at(-1)!);
const UNREGISTERED = "荆州退休职工 在广州住院 五万多 没有办备案";

describe("after an estimate for the unregistered, still in hospital", () => {
  it.each(["还在住院", "还没出院呢", "人还在医院", "怎么办", "那现在咋办", "现在该怎么弄"])("%s → register now, settled at discharge, the figure, the source", (input) => {
    const t = last([UNREGISTERED, input]);
    expect(t).toMatch(/^还没出院就来得及：现在补办备案，出院时就能直接结算/u);
    expect(t).toMatch(/（来源：[^）]+）/u);
    expect(t).toMatch(/医保约付 \d+/u);
    expect(t).not.toContain("结果不变");
    expect(t).not.toContain("没看懂");
  });

  it.each(["已经出院", "已经出院了"])("%s under an unregistered estimate → the way after discharge, not 结果不变", (input) => {
    const t = last([UNREGISTERED, input]);
    expect(t).not.toContain("结果不变");
    expect(t).toContain("手工报销");
  });

  it("discharged already: not told to register before discharge", () => {
    const t = last(["荆州退休职工 在广州住院 五万多 没有办备案 已经出院了", "怎么办"]);
    expect(t).not.toContain("还没出院就来得及");
  });
});

describe("asked at the hospital without a registration", () => {
  it.each([
    "帮我妈问一下她是武汉退休职工在广州住院了已经住了一个礼拜了花了大概两万多医生说还要再住几天能直接刷卡吗没有备案",
    "武汉职工 在广州住院了 没备案 能直接刷卡吗",
    "我妈医保在武汉 已经住进广州的医院了 没办备案 要备案吗",
    "我爸在北京住院 医保在武汉 没有备案 能刷医保卡吗",
  ])("%s → making up the registration leads", (input) => {
    const t = textOf(chat([input])[0]!);
    expect(t.split("\n")[0]).toMatch(/出院结算前补办备案，出院时就能直接结算/u);
    expect(t).not.toMatch(/^能直接刷卡的前提/u);
  });

  it("押金 + 没备案 + 现在能补吗: 补办 and the deposit, with both facts kept", () => {
    const t = textOf(chat(["在医院住了半个月了还没出院 押金交了3万 医保在长沙 职工 在广州 没备案 现在能补吗 补了之后押金能退吗"])[0]!);
    expect(t).toMatch(/出院结算前补办备案/u);
    expect(t).toContain("押金");
    expect(t).toMatch(/已记下：[^\n]*没有备案[^\n]*押金 30000 元/u);
  });
});

describe("the hospital would not settle", () => {
  it.each([
    "武汉职工 在北京住院 3万 出院的时候医院说不能直接结算 让我自己先付了",
    "医保在武汉 在北京住院花了3万 医院不给直接结算 让我先付了钱",
    "武汉职工 北京住院 3万 医院说刷不了 要我先垫全款",
  ])("%s → the manual claim, not 直接结算：能", (input) => {
    const t = textOf(chat([input])[0]!);
    expect(t).not.toContain("直接结算：能");
    expect(t).toContain("为什么没能在医院直接结算");
    expect(t).toContain("参保地武汉");
  });
});
