/**
 * Rules a policy file must keep beyond its shape, checked when it is loaded (repository files
 * and a user's --policy files alike): versions of a scheme neither overlap nor leave a gap
 * inside the period they cover, every cited source is declared, and a source's confidence
 * follows its grade. A figure silently taken from the wrong version, or a citation that fails
 * only when an estimate reaches it, is worse than a file that does not load.
 */
import type { NationalRules, RegionPolicy, Source, TypicalPolicy } from "./schema.ts";

export type Path = (string | number)[];

export interface IntegrityProblem {
  path: Path;
  message: string;
}

/** The grade scale of shared/policy-facts.md: A/A- official, B/B- news and mirrors, C aggregators. */
export const CONFIDENCE_OF_GRADE: Record<Source["grade"], Source["confidence"]> = { A: "high", "A-": "high", B: "medium", "B-": "medium", C: "low" };

/** The day after an ISO date, as an ISO date. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Every `source` value under `value`, with its path. */
function citations(value: unknown, path: Path, out: { id: string; path: Path }[]): void {
  if (Array.isArray(value)) value.forEach((v, i) => citations(v, [...path, i], out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "source" && typeof v === "string") out.push({ id: v, path: [...path, k] });
      else citations(v, [...path, k], out);
    }
  }
}

function gradeProblems(sources: Record<string, Source>, out: IntegrityProblem[]): void {
  for (const [id, source] of Object.entries(sources)) {
    const expected = CONFIDENCE_OF_GRADE[source.grade];
    if (source.confidence !== expected) {
      out.push({ path: ["sources", id, "confidence"], message: `等级 ${source.grade} 的来源可信度应为 ${expected}，这里是 ${source.confidence}` });
    }
  }
}

/** Problems of a region file or the typical template; `national` resolves national source ids. */
export function policyProblems(policy: RegionPolicy | TypicalPolicy, national: Pick<NationalRules, "sources"> | null): IntegrityProblem[] {
  const out: IntegrityProblem[] = [];
  gradeProblems(policy.sources, out);
  for (const [scheme, entry] of Object.entries(policy.schemes)) {
    const versions = entry?.versions ?? [];
    const order = versions.map((v, i) => ({ v, i })).sort((a, b) => (a.v.from < b.v.from ? -1 : a.v.from > b.v.from ? 1 : 0));
    for (const { v, i } of order) {
      if (v.to !== null && v.to < v.from) out.push({ path: ["schemes", scheme, "versions", i, "to"], message: `截止日 ${v.to} 早于起始日 ${v.from}` });
    }
    for (let k = 1; k < order.length; k++) {
      const prev = order[k - 1]!;
      const cur = order[k]!;
      const at: Path = ["schemes", scheme, "versions", cur.i, "from"];
      if (prev.v.to === null || prev.v.to >= cur.v.from) {
        out.push({ path: at, message: `与 versions[${prev.i}]（${prev.v.from} 起${prev.v.to ? `至 ${prev.v.to}` : "，未设截止日"}）重叠：同一天只能有一个版本生效，请给旧版本设 to` });
      } else if (nextDay(prev.v.to) !== cur.v.from) {
        out.push({ path: at, message: `与 versions[${prev.i}]（至 ${prev.v.to}）之间有空档：${nextDay(prev.v.to)} 起没有生效的版本` });
      }
    }
    versions.forEach((v, i) => {
      const cited: { id: string; path: Path }[] = [];
      citations(v, ["schemes", scheme, "versions", i], cited);
      for (const c of cited) {
        if (!policy.sources[c.id] && !national?.sources[c.id]) out.push({ path: c.path, message: `来源 ${c.id} 未在 sources 中声明` });
      }
    });
  }
  return out;
}

/** Problems of national.yaml: its own sources' grades and citations. */
export function nationalProblems(national: NationalRules): IntegrityProblem[] {
  const out: IntegrityProblem[] = [];
  gradeProblems(national.sources, out);
  const { sources: _sources, ...rest } = national;
  const cited: { id: string; path: Path }[] = [];
  citations(rest, [], cited);
  for (const c of cited) if (!national.sources[c.id]) out.push({ path: c.path, message: `来源 ${c.id} 未在 sources 中声明` });
  return out;
}
