/**
 * A new scenario after an estimate (QA3 A25, B22): "那门诊呢" after a stay is another bill, so
 * its amount is asked rather than the stay's re-costed as outpatient care; a new trip keeps the
 * amount only saying so.
 */
import { describe, expect, it } from "vitest";
import { chat, estimateOf, textOf } from "./chat.ts";

describe("那门诊呢 after an inpatient estimate", () => {
  it("asks the outpatient amount instead of re-costing the stay's", () => {
    const all = chat(["我爸苏州退休的 在上海住院了 花了1.2w 能报多少", "那门诊呢"]);
    const text = textOf(all.at(-1)!);
    expect(estimateOf(all.at(-1)!)).toBeUndefined();
    expect(text).toContain("普通门诊");
    expect(text).toContain("这次总共花了多少钱");
    const next = chat(["我爸苏州退休的 在上海住院了 花了1.2w 能报多少", "那门诊呢", "800"]);
    expect(estimateOf(next.at(-1)!)).toContain("总费用 800 元");
  });

  it("a setting said wrong (不对 是门诊) is the same bill: kept", () => {
    const all = chat(["我爸苏州退休的 在上海住院了 花了1.2w 能报多少", "不对 是门诊 不是住院"]);
    expect(estimateOf(all.at(-1)!)).toContain("总费用 12000 元");
  });
});

describe("a new trip after an estimate", () => {
  it("keeps the amount, and says so", () => {
    const all = chat(["杭州职工 在上海 住院 3万 长期居住 备案了", "那我去北京旅游突然住院呢"]);
    const text = textOf(all.at(-1)!);
    expect(text).toContain("金额沿用刚才的 30000 元");
    expect(estimateOf(all.at(-1)!)).toContain("总费用 30000 元");
  });

  it("a new amount said with it is no carried amount", () => {
    const all = chat(["杭州职工 在上海 住院 3万 长期居住 备案了", "那我去北京旅游突然住院 花了5万呢"]);
    expect(textOf(all.at(-1)!)).not.toContain("金额沿用");
  });
});

describe("the two places swapped", () => {
  it("is the same case put right: 职工 said before is kept", () => {
    const all = chat(["医保天津 看病北京 住院 职工 3万", "不对 医保在北京 看病在天津"]);
    const text = textOf(all.at(-1)!);
    expect(text).not.toContain("新问题");
    expect((estimateOf(all.at(-1)!) ?? "").split("\n")[0]).toContain("北京职工医保");
  });
});

describe("two people in one message", () => {
  const first = ["我和我老婆都是郑州的医保 我是职工 她是居民 都在上海住院了 各花了2万"];
  it("one is worked out and the other is named, never dropped", () => {
    const text = estimateOf(chat(first).at(-1)!) ?? "";
    expect(text).toMatch(/您说了两个人：下面先算(居民|职工)医保的那位；另一位（(职工|居民)医保）/u);
  });

  it("换成 the other scheme works out the other person, and offers the first back", () => {
    const one = estimateOf(chat(first).at(-1)!) ?? "";
    const other = /另一位（(.+?)）/u.exec(one)?.[1] ?? "";
    const all = chat([...first, `换成${other}`]);
    // 职工医保 asks 在职还是退休 first (the other person's status was not said).
    const text = estimateOf(all.at(-1)!) ?? estimateOf(chat([...first, `换成${other}`, "在职"]).at(-1)!) ?? "";
    expect(text.split("\n")[0]).toContain(`郑州${other}`);
    expect(text).toContain("您说了两个人");
    expect(text).not.toContain(`另一位（${other}）`);
  });
});
