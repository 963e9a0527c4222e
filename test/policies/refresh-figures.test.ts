/**
 * The 2026-12 refresh of shared/policy-facts.md (§6 big-hospital cities, §7 sending cities):
 * every A or B/B- figure row has an id below, and each id must be either encoded (a rule block
 * in policies/regions/ or policies/provinces/ carries `fact: <id>` and cites a source that is
 * not C-grade) or listed under `rejected` with a reason. Ids are "<section>.<city>.<item>".
 *
 * Rows the facts grade C, and the three rows the 2026-12-01 re-check could not re-find at their
 * grade (广州 备案后待遇 / 未备案, 天津 45万/85%/90%, 深圳 起付 "now at B"), are hints only; the
 * ones that an earlier row could be mistaken for are listed too, and must be rejected.
 * Rows without a figure (categories, channels without rules, "not found") have no id.
 */
import { describe, expect, it } from "vitest";
import { loadPolicyFiles } from "../../src/policy/load.ts";
import type { RegionPolicy } from "../../src/policy/schema.ts";

/** §6: 北京, 上海, 天津, 重庆, 广州, 深圳, 杭州, 南京. */
const SECTION_6 = [
  "6.bj.emp-inpatient", "6.bj.emp-cap-history", "6.bj.res-inpatient", "6.bj.res-later-table", "6.bj.res-cap-history",
  "6.bj.res-serious-illness", "6.bj.res-outpatient-cap", "6.bj.unregistered", "6.bj.emergency-unregistered",
  "6.bj.registered-same", "6.bj.jjj-zone", "6.bj.jjj-referral",
  "6.sh.emp-working", "6.sh.emp-retired", "6.sh.deductible-2025", "6.sh.cap-2025", "6.sh.cap-2024", "6.sh.cap-2023",
  "6.sh.above-cap", "6.sh.res-deductible", "6.sh.res-ratio", "6.sh.res-serious-illness", "6.sh.emergency-claim", "6.sh.yrd-zone",
  "6.tj.emp-deductible", "6.tj.emp-ratio-cap", "6.tj.emp-serious-illness", "6.tj.res-inpatient", "6.tj.res-serious-illness",
  "6.tj.jjj-zone", "6.tj.jjj-referral",
  "6.cq.emp-deductible-2022", "6.cq.emp-deductible-2023", "6.cq.emp-readmission", "6.cq.emp-ratio", "6.cq.emp-cap",
  "6.cq.res-inpatient", "6.cq.temporary-timing", "6.cq.old-2015", "6.cq.intra-city",
  "6.gz.copay-band", "6.gz.registered-same", "6.gz.unregistered", "6.gz.catalogue", "6.gz.validity",
  "6.sz.away-deductible", "6.sz.ratio", "6.sz.res-ratio", "6.sz.old-rules", "6.sz.visitors",
  "6.hz.emp-inpatient", "6.hz.res-inpatient", "6.hz.serious-illness-cap", "6.hz.classB", "6.hz.visitors",
  "6.nj.registered-same", "6.nj.unregistered", "6.nj.emergency",
];

/** §7: 哈尔滨, 长春/吉林, 沈阳, 郑州, 合肥, 长沙/湖南, 成都, 西安, 南宁/广西, 昆明, 呼和浩特, 太原. */
const SECTION_7 = [
  "7.hrb.emp-ratio-a", "7.hrb.emp-ratio-b", "7.hrb.emp-cap-2010", "7.hrb.emp-referral-30", "7.hrb.emp-free-referral",
  "7.hrb.res-inpatient", "7.hrb.res-readmission", "7.hrb.res-provincial-hospitals", "7.hrb.res-referral",
  "7.hrb.res-emergency", "7.hrb.res-serious-illness",
  "7.jl.three-tier", "7.jl.own-fault", "7.jl.tier3-no-registration", "7.jl.guide-2026",
  "7.sy.temporary-free", "7.sy.long-term-same", "7.sy.bj-sh-cut", "7.sy.away-deductible", "7.sy.student", "7.sy.claim-materials",
  "7.zz.emp-deductible", "7.zz.emp-ratio", "7.zz.emp-old", "7.zz.res-inpatient", "7.zz.res-serious-illness",
  "7.hf.emp-deductible", "7.hf.emp-ratio", "7.hf.emp-2020", "7.hf.emp-serious-illness", "7.hf.res-2020",
  "7.hf.res-serious-illness", "7.hf.change-2024", "7.hf.cross-basis", "7.hf.validity", "7.hf.outpatient",
  "7.hn.emp-table", "7.hn.emp-retired", "7.hn.emp-readmission", "7.hn.emp-cap", "7.hn.res-deductible", "7.hn.res-cap",
  "7.hn.res-outpatient", "7.hn.cut", "7.hn.old-2017", "7.cs.emp-cap-old", "7.cs.claim", "7.cs.emergency-phone-old",
  "7.cd.res-unregistered", "7.cd.res-zone-old", "7.cd.res-claim-deadline", "7.cd.res-claim-materials", "7.cd.res-student",
  "7.cd.emp-deductible-old", "7.cd.emp-100",
  "7.xa.emp-deductible", "7.xa.emp-deductible-3", "7.xa.emp-ratio", "7.xa.emp-cap", "7.xa.res-inpatient",
  "7.xa.res-hospital", "7.xa.res-referral", "7.xa.res-classB", "7.xa.res-serious-illness",
  "7.gx.cuts", "7.nn.res-inpatient",
  "7.km.deductible", "7.km.emp-cap", "7.km.emp-chronic",
  "7.hh.emp-deductible", "7.hh.emp-cap", "7.hh.emp-temporary", "7.hh.emp-supplementary", "7.hh.emp-outpatient",
  "7.ty.res-inpatient", "7.ty.res-cuts", "7.ty.res-serious-illness", "7.ty.res-old", "7.ty.res-classB-old",
];

/** Ids of earlier sections that files also carry (issue 11's 天津 退休 table and 蚌埠 转诊 起付, policy-facts §2.14). */
const OTHER_IDS = ["2.14.tj-retired", "2.14.bb-referral"];

interface Seen {
  encoded: Map<string, string[]>; // id → "file: source (grade)"
  rejected: Map<string, string[]>; // id → reasons
  problems: string[];
}

function ids(v: unknown): string[] {
  return typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Every `fact` in a policy file, split into encoded blocks and `rejected` entries. */
export function collectFacts(policies: readonly RegionPolicy[]): Seen {
  const seen: Seen = { encoded: new Map(), rejected: new Map(), problems: [] };
  const push = (m: Map<string, string[]>, id: string, what: string) => m.set(id, [...(m.get(id) ?? []), what]);
  for (const policy of policies) {
    const walk = (value: unknown, inRejected: boolean): void => {
      if (Array.isArray(value)) {
        for (const v of value) walk(v, inRejected);
        return;
      }
      if (!value || typeof value !== "object") return;
      const o = value as Record<string, unknown>;
      if ("fact" in o) {
        const source = typeof o.source === "string" ? o.source : "";
        const declared = policy.sources[source];
        if (!declared) seen.problems.push(`${policy.name}: fact ${String(o.fact)} cites undeclared source ${source}`);
        for (const id of ids(o.fact)) {
          if (inRejected) {
            if (typeof o.reason !== "string" || o.reason.trim() === "") seen.problems.push(`${policy.name}: rejected ${id} has no reason`);
            else push(seen.rejected, id, o.reason);
          } else if (declared?.grade === "C") {
            seen.problems.push(`${policy.name}: ${id} is encoded from a C-grade source (${source}); C rows are hints only`);
          } else {
            push(seen.encoded, id, `${policy.name}: ${source} (${declared?.grade ?? "?"})`);
          }
        }
      }
      for (const [k, v] of Object.entries(o)) if (k !== "sources") walk(v, inRejected || k === "rejected");
    };
    walk(policy.schemes, false);
  }
  return seen;
}

/** Ids of the list that are neither encoded nor rejected with a reason. */
export function unaccounted(list: readonly string[], seen: Seen): string[] {
  return list.filter((id) => !seen.encoded.has(id) && !seen.rejected.has(id));
}

const files = loadPolicyFiles();
const all = [...files.regions, ...files.provinces];
const seen = collectFacts(all);
const LIST = [...SECTION_6, ...SECTION_7];

describe("2026-12 refresh: every A/B figure of §6 and §7 is encoded or rejected with a reason", () => {
  it("the list has no duplicates", () => {
    expect(new Set(LIST).size).toBe(LIST.length);
  });

  it("no fact id is left unaccounted for", () => {
    expect(unaccounted(LIST, seen)).toEqual([]);
  });

  it("encoded ids cite declared, non-C sources; rejected ones give a reason", () => {
    expect(seen.problems).toEqual([]);
  });

  it("the files name no id outside the list (a typo would otherwise count as nothing)", () => {
    const known = new Set([...LIST, ...OTHER_IDS]);
    const unknown = [...seen.encoded.keys(), ...seen.rejected.keys()].filter((id) => !known.has(id));
    expect(unknown).toEqual([]);
  });

  it("the check fails for an id no file carries, and for a rejected entry without a reason", () => {
    expect(unaccounted([...LIST, "7.xx.not-in-any-file"], seen)).toEqual(["7.xx.not-in-any-file"]);
    const fake = {
      code: "990100",
      name: "测试市",
      aliases: [],
      notes: [],
      sources: { X: { title: "t", published: "2025", retrieved: "2026-12-01", grade: "C", confidence: "low" } },
      schemes: {
        employee: {
          versions: [
            {
              version: "1",
              from: "2025-01-01",
              fromBasis: "convention",
              to: null,
              visitors: [{ visitor: "referral", scope: "any", rule: { kind: "same" }, source: "X", fact: "7.t.a" }],
              freeZones: [],
              rejected: [{ source: "X", reason: " ", fact: "7.t.b" }],
            },
          ],
        },
      },
    } as unknown as RegionPolicy;
    const s = collectFacts([fake]);
    expect(unaccounted(["7.t.a", "7.t.b"], s)).toEqual(["7.t.a", "7.t.b"]);
    expect(s.problems.length).toBe(2);
  });

  it("every province-wide file is used: each names at least one encoded id", () => {
    for (const p of files.provinces) {
      expect(collectFacts([p]).encoded.size, p.name).toBeGreaterThan(0);
    }
  });
});
