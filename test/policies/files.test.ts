/**
 * The policy data itself: every file parses, every cited source exists, every region code is
 * a real 统筹区 (or a documented county-level exception), versions do not overlap, visitor
 * cuts stay inside the national ceilings, and typical.yaml really is the median of the regions.
 */
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { divisionByCode } from "../../src/places/divisions.ts";
import { loadPolicyFiles, loadRegionFile, PolicyFileError, POLICY_DIR } from "../../src/policy/load.ts";
import type { RegionPolicy, TypicalPolicy } from "../../src/policy/schema.ts";
import { collectFigures, median, typicalFigures } from "./medians.ts";

const files = loadPolicyFiles();
const { national, typical, regions } = files;

/**
 * County-level 统筹区 kept as their own file because the source is that county's own office.
 * They are not in the prefecture-level division table; each file's notes must say why.
 */
const COUNTY_EXCEPTIONS: Record<string, string> = {
  "320481": "溧阳市（常州市代管的县级市）",
  "150826": "杭锦后旗（巴彦淖尔市所辖旗）",
};

/** Every value of a `source` key anywhere in a parsed file (rule blocks and `rejected`). */
function citedSources(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) citedSources(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "source" && typeof v === "string") out.push(v);
      else citedSources(v, out);
    }
  }
  return out;
}

function withoutSourceTable(policy: RegionPolicy | TypicalPolicy): unknown {
  const { sources: _sources, ...rest } = policy;
  return rest;
}

describe("policy files", () => {
  it("every file under policies/regions parses with the schema", () => {
    const dir = join(POLICY_DIR, "regions");
    const names = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
    expect(names.length).toBeGreaterThanOrEqual(25);
    for (const name of names) {
      const region = loadRegionFile(join(dir, name));
      // The file name starts with the code, so a reviewer finds a region by its code.
      expect(name.startsWith(`${region.code}-`), name).toBe(true);
    }
    expect(regions.length).toBe(names.length);
  });

  it("national.yaml has the six categories, the ceilings and the side-question facts", () => {
    expect(national.categories.map((c) => c.id).sort()).toEqual(
      ["emergency", "long_term_resident", "referral", "retiree_relocated", "stationed_worker", "temporary_other"],
    );
    expect([national.cutCeilings.referral, national.cutCeilings.emergency, national.cutCeilings.temporary_other]).toEqual([10, 10, 20]);
    for (const key of [
      "validity_long", "validity_temporary", "change_cancel", "admission_inside_validity", "emergency_as_registered",
      "makeup_registration", "makeup_after_discharge", "commitment_letter", "commitment_downgrade", "two_way_benefits",
      "register_to_area_not_hospital", "review_time", "check_result", "outpatient_general", "chronic_diseases", "deposits",
      "maternity", "serious_illness_one_bill", "direct_settlement_card", "temporary_ratio_cut", "unregistered_pay_first", "non_networked",
    ]) {
      expect(national.facts[key]?.text, key).toBeTruthy();
    }
    for (const id of ["cross_province", "intra_province", "long_term_same"]) {
      expect(national.principles.some((p) => p.id === id), id).toBe(true);
    }
    expect(national.registrationSteps.steps.length).toBe(6);
  });

  it("every cited source is declared in the file or in national.yaml", () => {
    const missing: string[] = [];
    for (const id of citedSources(withoutSourceTable(national as unknown as RegionPolicy))) {
      if (!national.sources[id]) missing.push(`national: ${id}`);
    }
    for (const policy of [typical, ...regions]) {
      for (const id of citedSources(withoutSourceTable(policy))) {
        if (!policy.sources[id] && !national.sources[id]) missing.push(`${policy.code}: ${id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("a region's copy of a national source is the same source", () => {
    // Region files list the national sources they cite, so each file (and `yidi policies`) is self-contained.
    for (const region of regions) {
      for (const [id, source] of Object.entries(region.sources)) {
        const nationalSource = national.sources[id];
        if (nationalSource) expect(source, `${region.code} ${id}`).toEqual(nationalSource);
      }
      for (const id of citedSources(withoutSourceTable(region))) expect(region.sources[id], `${region.code} cites ${id}`).toBeDefined();
    }
  });

  it("confidence follows the grade (A/A- high, B/B- medium, C low)", () => {
    const expected = { A: "high", "A-": "high", B: "medium", "B-": "medium", C: "low" } as const;
    for (const policy of [national, typical, ...regions]) {
      for (const [id, source] of Object.entries(policy.sources)) {
        // The typical template is a derived fallback: always low, whatever its inputs.
        if (policy === typical) continue;
        expect(source.confidence, id).toBe(expected[source.grade]);
      }
    }
  });

  it("every region code is a 统筹区 in the division table or a documented county-level exception", () => {
    for (const region of regions) {
      const division = divisionByCode(region.code);
      if (division) {
        expect(division.name, region.code).toBe(region.name);
        continue;
      }
      expect(COUNTY_EXCEPTIONS[region.code], `${region.code} ${region.name}`).toBeDefined();
      expect(region.notes.some((n) => n.includes("县级")), `${region.code} notes explain the county-level file`).toBe(true);
    }
  });

  it("versions of one scheme do not overlap and are in order", () => {
    for (const policy of [typical, ...regions]) {
      for (const [scheme, entry] of Object.entries(policy.schemes)) {
        const versions = [...(entry?.versions ?? [])].sort((a, b) => a.from.localeCompare(b.from));
        for (const [i, v] of versions.entries()) {
          if (v.to !== null) expect(v.to >= v.from, `${policy.code} ${scheme} ${v.version}`).toBe(true);
          const next = versions[i + 1];
          if (next) {
            expect(v.to, `${policy.code} ${scheme} ${v.version} must end before ${next.version}`).not.toBeNull();
            expect(v.to! < next.from, `${policy.code} ${scheme} ${v.version} overlaps ${next.version}`).toBe(true);
          }
        }
      }
    }
  });

  it("registered visitors’ cuts written as points, multipliers or first-pay shares stay inside the national ceilings", () => {
    const ceilings = national.cutCeilings;
    for (const policy of [typical, ...regions]) {
      for (const entry of Object.values(policy.schemes)) {
        for (const v of entry?.versions ?? []) {
          for (const e of v.visitors) {
            const ceiling = e.visitor === "referral" || e.visitor === "emergency" || e.visitor === "temporary_other" ? ceilings[e.visitor] : null;
            if (ceiling === null) continue;
            if (e.rule.kind === "points") expect(e.rule.points, `${policy.code} ${e.visitor}`).toBeLessThanOrEqual(ceiling);
            // A multiplier cuts factor×rate off; at 100% that is the largest cut it can make.
            if (e.rule.kind === "multiplier") expect((1 - e.rule.factor) * 100, `${policy.code} ${e.visitor}`).toBeLessThanOrEqual(ceiling + 1e-9);
            if (e.rule.kind === "first_pay") expect(e.rule.share, `${policy.code} ${e.visitor}`).toBeLessThanOrEqual(ceiling);
          }
        }
      }
    }
  });

  it("a low-confidence figure is only used by a file that says so in its notes", () => {
    for (const region of regions) {
      const lowIds = Object.entries({ ...national.sources, ...region.sources })
        .filter(([, s]) => s.confidence === "low")
        .map(([id]) => id);
      const used = new Set(citedSources(withoutSourceTable(region)));
      const rejected = new Set(Object.values(region.schemes).flatMap((e) => (e?.versions ?? []).flatMap((v) => v.rejected.map((r) => r.source))));
      const lowUsed = lowIds.filter((id) => used.has(id) && !rejected.has(id));
      if (lowUsed.length > 0) {
        expect(region.notes.some((n) => /C级|低可信度|confidence low/.test(n)), `${region.code} uses ${lowUsed.join(",")}`).toBe(true);
      }
    }
  });
});

describe("typical.yaml is the median of the region files", () => {
  const figures = collectFigures([...regions, ...files.provinces], national);

  const minimum = typical.minSources;

  it("states the least number of independent sources per figure, and its basis says the same in words", () => {
    expect(minimum).toBe(4);
    // The figure the loader uses is minSources; the prose must not tell a reader another.
    expect(typical.basis).toContain(`每个数字至少来自 ${minimum} 个相互独立的来源`);
  });

  it("has a figure exactly where the regions give enough independent sources", () => {
    // Resident outpatient: scattered figures (清远, 海口 level 1, 湖南省), none with 4 sources; the basis says so.
    expect(typical.basis).toContain("居民普通门诊");
    const own = new Map([
      ...typicalFigures(typical.schemes.employee!.versions[0]!, "employee"),
      ...typicalFigures(typical.schemes.resident!.versions[0]!, "resident"),
    ]);
    for (const [key, contributions] of figures) {
      if (contributions.length < minimum!) expect(own.has(key), `${key} has ${contributions.length} sources`).toBe(false);
      else expect(own.has(key), `typical.yaml lacks ${key}`).toBe(true);
    }
    expect([...figures.keys()].filter((k) => k.startsWith("resident.outpatient") && own.has(k))).toEqual([]);
    for (const key of own.keys()) expect(figures.has(key), `typical.yaml has ${key} with no region behind it`).toBe(true);
  });

  it("each figure equals the median of the contributing regions, and the basis names them", () => {
    const own = new Map([
      ...typicalFigures(typical.schemes.employee!.versions[0]!, "employee"),
      ...typicalFigures(typical.schemes.resident!.versions[0]!, "resident"),
    ]);
    for (const [key, value] of own) {
      const contributions = figures.get(key) ?? [];
      const m = median(contributions.map((c) => c.value));
      expect(value.toString(), `${key}: median of ${contributions.map((c) => `${c.name} ${c.value}`).join(", ")}`).toBe(m.toString());
      for (const c of contributions) {
        const short = c.name.replace(/市$/, "");
        expect(typical.basis.includes(`${short}${c.value.toString()}`), `basis should list ${short}${c.value} for ${key}`).toBe(true);
      }
    }
  });

  it("takes the national ceilings as its visitor cuts", () => {
    for (const scheme of ["employee", "resident"] as const) {
      const v = typical.schemes[scheme]!.versions[0]!;
      const cut = (visitor: string) => v.visitors.find((e) => e.visitor === visitor)?.rule;
      expect(cut("referral")).toEqual({ kind: "points", points: national.cutCeilings.referral });
      expect(cut("emergency")).toEqual({ kind: "points", points: national.cutCeilings.emergency });
      expect(cut("temporary_other")).toEqual({ kind: "points", points: national.cutCeilings.temporary_other });
      for (const e of v.visitors) expect(e.source).toBe(national.cutCeilings.source);
    }
  });
});

describe("a malformed policy file", () => {
  const dir = mkdtempSync(join(tmpdir(), "yidi-policy-"));

  function problemsOf(text: string): string[] {
    const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(file, text);
    try {
      loadRegionFile(file);
    } catch (error) {
      expect(error).toBeInstanceOf(PolicyFileError);
      return (error as PolicyFileError).problems;
    }
    throw new Error("the bad file was accepted");
  }

  const good = `code: "990900"
name: 测试市
sources:
  X: { title: t, published: "2024", retrieved: "2026-11-23", grade: B, confidence: medium }
schemes:
  employee:
    versions:
      - version: "1"
        from: 2024-01-01
        fromBasis: sourced
        inpatient:
          ratio: { source: X, working: { byLevel: { "3": 85 } } }
`;

  it("the good base file loads", () => {
    const file = join(dir, "good.yaml");
    writeFileSync(file, good);
    expect(loadRegionFile(file).code).toBe("990900");
  });

  it("names a ratio above 100", () => {
    const problems = problemsOf(good.replace('"3": 85', '"3": 185'));
    expect(problems.join("\n")).toContain("schemes.employee.versions[0].inpatient.ratio.working");
  });

  it("names a bad date", () => {
    const problems = problemsOf(good.replace("from: 2024-01-01", "from: 2024-13-45"));
    expect(problems.some((p) => p.startsWith("schemes.employee.versions[0].from"))).toBe(true);
  });

  it("names an unknown field", () => {
    const problems = problemsOf(good.replace('version: "1"', 'version: "1"\n        ratios: 3'));
    expect(problems.some((p) => p.includes("schemes.employee.versions[0]") && p.includes("ratios"))).toBe(true);
  });

  it("names a missing code and a bad visitor rule", () => {
    const text = good.replace('code: "990900"\n', "").replace(
      "        inpatient:",
      "        visitors:\n          - { visitor: referral, rule: { kind: percent, points: 5 }, source: X }\n        inpatient:",
    );
    const problems = problemsOf(text);
    expect(problems.some((p) => p.startsWith("code"))).toBe(true);
    expect(problems.some((p) => p.startsWith("schemes.employee.versions[0].visitors[0].rule"))).toBe(true);
  });

  it("reports broken YAML without a stack trace", () => {
    const problems = problemsOf("code: [unclosed\n");
    expect(problems[0]).toMatch(/YAML/);
  });
});
