/**
 * A city's visitor rule or free zone whose wording names no scheme (杭州 M7 先自理20%, 苏州
 * 《社会基本医疗保险异地就医管理办法》 ×0.8 and 上海 免备案, 深圳 358号令 第四十条 "参保人") applies to
 * 职工 and 居民 alike; one the source states for a single scheme (南京 未备案 −20%, 呼和浩特
 * "城镇职工…降低10%") stays with that scheme, is marked so in the file, and the other scheme's
 * estimate says that the city's rule does not cover it (QA3 A8).
 */
import { describe, expect, it } from "vitest";
import { evaluate, getPolicyBook } from "../../src/policy/index.ts";
import { loadPolicyFiles } from "../../src/policy/load.ts";
import { findVisitorEntry } from "../../src/policy/resolve.ts";
import type { SchemeVersion } from "../../src/policy/schema.ts";
import type { Jurisdiction } from "../../src/policy/scenario.ts";
import { scenario } from "../policy/helpers.ts";
import { chat, estimateOf } from "../flows/chat.ts";

const files = loadPolicyFiles();
const latest = (versions: readonly SchemeVersion[] | undefined) => versions?.at(-1);
const jurisdictions = (scope: string): Jurisdiction[] => (scope === "any" ? ["cross_province", "intra_province"] : [scope as Jurisdiction]);

describe("every one-scheme visitor rule and free zone is marked as such", () => {
  const unmarked: string[] = [];
  for (const region of [...files.regions, ...(files.provinces ?? [])]) {
    for (const [scheme, other] of [["employee", "resident"], ["resident", "employee"]] as const) {
      const own = latest(region.schemes[scheme]?.versions);
      const theirs = latest(region.schemes[other]?.versions);
      if (!own) continue;
      for (const e of own.visitors) {
        if (e.schemeOnly) continue;
        const settings = e.settings ?? ["inpatient" as const];
        const matched = theirs && jurisdictions(e.scope).every((j) => settings.every((s) => findVisitorEntry(theirs, e.visitor, j, s)));
        if (!matched) unmarked.push(`${region.name} ${scheme} ${e.visitor}/${e.scope}`);
      }
      for (const z of own.freeZones) {
        if (z.schemeOnly) continue;
        if (!theirs?.freeZones.some((t) => z.regions.every((r) => t.regions.includes(r)))) unmarked.push(`${region.name} ${scheme} freeZone ${z.regions.join(",")}`);
      }
    }
  }
  it("has none that is neither in the other scheme nor marked schemeOnly", () => {
    expect(unmarked).toEqual([]);
  });
});

const book = getPolicyBook();
function run(over: Parameters<typeof scenario>[0]) {
  const r = evaluate(scenario({ date: "2025-08-01", ...over }), book);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.estimate;
}
const kinds = (e: ReturnType<typeof run>) => e.assumptions.map((a) => a.kind);
const cutOf = (e: ReturnType<typeof run>) =>
  e.steps.flatMap((s) => (s.params.kind === "visitor_cut" ? [s.params.cut] : "adjust" in s.params ? [s.params.adjust.visitor?.cut] : [])).find(Boolean);
const firstPay = (e: ReturnType<typeof run>) => e.steps.find((s) => s.params?.kind === "visitor_first_pay")?.params;

describe("居民 get their city's scheme-wide visitor rules", () => {
  it("杭州居民 临时外出 across provinces: 先自理20%, not the national ceiling", () => {
    const e = run({ region: "杭州", scheme: "resident", treatment: "上海", visitor: "temporary_other", total: "20000" });
    expect(firstPay(e)).toMatchObject({ share: 20 });
    expect(kinds(e)).not.toContain("visitor_unknown_rule");
  });
  it("杭州居民 急诊 across provinces: 急诊除外, no cut", () => {
    const e = run({ region: "杭州", scheme: "resident", treatment: "北京", visitor: "emergency", total: "20000" });
    expect(firstPay(e)).toBeUndefined();
    expect(kinds(e)).not.toContain("visitor_unknown_rule");
  });
  it("苏州居民 in 上海: 免备案, 80% of the ratio", () => {
    const e = run({ region: "苏州", scheme: "resident", treatment: "上海", visitor: "temporary_other", total: "30000" });
    expect(e.directSettlement.kind).toBe("free_zone");
    expect(cutOf(e)).toEqual({ factor: 0.8 });
  });
  it("苏州居民 临时外出 in 北京: 80% of the ratio", () => {
    const e = run({ region: "苏州", scheme: "resident", treatment: "北京", visitor: "temporary_other", total: "30000" });
    expect(cutOf(e)).toEqual({ factor: 0.8 });
    expect(kinds(e)).not.toContain("visitor_unknown_rule");
  });
  it("深圳居民 急诊 in 北京: 90% of the ratio", () => {
    const e = run({ region: "深圳", scheme: "resident", treatment: "北京", visitor: "emergency", total: "40000" });
    expect(cutOf(e)).toEqual({ factor: 0.9 });
    expect(kinds(e)).not.toContain("visitor_unknown_rule");
  });
  it("深圳居民 临时外出 in 广州 (省内, 住院): 90% of the ratio", () => {
    const e = run({ region: "深圳", scheme: "resident", treatment: "广州", visitor: "temporary_other", total: "40000" });
    expect(cutOf(e)).toEqual({ factor: 0.9 });
  });
});

describe("a rule stated for one scheme is said to be so", () => {
  it("南京居民 未备案: 南京's −20% is for 职工; the estimate says so", () => {
    const r = evaluate(scenario({ region: "南京", scheme: "resident", treatment: "北京", visitor: "temporary_other", total: "30000", date: "2025-08-01" }), book);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.estimate.assumptions).toContainEqual(expect.objectContaining({ kind: "rule_other_scheme", city: "南京市", scheme: "employee" }));
  });
  it("呼和浩特居民 临时外出: the city's −10% is for 职工; the estimate says so", () => {
    const e = run({ region: "呼和浩特", scheme: "resident", treatment: "北京", visitor: "temporary_other", total: "30000" });
    expect(e.assumptions).toContainEqual(expect.objectContaining({ kind: "rule_other_scheme", scheme: "employee" }));
  });
  it("呼和浩特职工 keeps its own rule and no such line", () => {
    const e = run({ region: "呼和浩特", scheme: "employee", treatment: "北京", visitor: "temporary_other", total: "30000" });
    expect(kinds(e)).not.toContain("rule_other_scheme");
  });
});

describe("in the chat (QA3 c172, c177, c178)", () => {
  const fund = (text: string) => estimateOf(chat([text])[0]!) ?? "";
  it("杭州居民医保 在上海住院 2万: 先自理20%, no national ceiling", () => {
    const t = fund("她是杭州居民医保 在上海住院 2万");
    expect(t).toMatch(/先(行)?自付/u);
    expect(t).not.toContain("国家规定的上限");
  });
  it("苏州居民医保 在上海住院 3万: 免备案, ×0.8", () => {
    const t = fund("苏州居民医保 在上海住院 3万");
    expect(t).toContain("免备案");
    expect(t).toContain("0.8");
    expect(t).not.toContain("国家规定的上限");
  });
  it("深圳居民医保 在北京急诊住院 4万: ×0.9", () => {
    const t = fund("深圳居民医保 在北京急诊住院 4万");
    expect(t).toContain("0.9");
    expect(t).not.toContain("国家规定的上限");
  });
  it("南京居民医保 没备案 在北京住院 3万: says 南京's rule is for 职工", () => {
    const t = textOf2(chat(["南京居民医保 在北京住院 3万 临时去的"])[0]!);
    expect(t).toContain("职工医保");
  });
});

function textOf2(replies: { text: string }[]) {
  return replies.map((r) => r.text).join("\n");
}
