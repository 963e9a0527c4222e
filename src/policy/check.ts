/**
 * `yidi policies --check`: every problem of the policy files at once, instead of the loader's
 * first refusal. Errors are what the loader refuses (schema, overlaps, gaps, undeclared
 * sources, grade conflicts); warnings are figures in force today whose source may be older
 * than the limit, or shows no date — they load, and estimates warn about them.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { sourceAge } from "./age.ts";
import { loadNational, loadRegionFile, loadTypical, PolicyFileError, POLICY_DIR } from "./load.ts";
import type { NationalRules, RegionPolicy, TypicalPolicy } from "./schema.ts";
import { templateProblems } from "./template.ts";

export interface CheckError {
  file: string;
  problem: string;
}

export interface CheckWarning {
  file: string;
  region: string;
  source: string;
  title: string;
  published: string;
  age: "old" | "unknown";
  /** Where the figures of this source are used: "employee 2024". */
  usedIn: string[];
}

export interface CheckReport {
  errors: CheckError[];
  warnings: CheckWarning[];
  files: number;
  /** national.yaml's `defaults.staleAfterMonths`; null when national.yaml did not load (no age is checked then). */
  staleAfterMonths: number | null;
}

/** Every `source` id cited under `value`. */
function cited(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) cited(v, out);
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "source" && typeof v === "string") out.add(v);
      // Sources considered and not used are not figures.
      else if (k !== "rejected") cited(v, out);
    }
  }
  return out;
}

function ageWarnings(policy: RegionPolicy | TypicalPolicy, file: string, today: string, months: number | undefined): CheckWarning[] {
  if (months === undefined) return [];
  const byId = new Map<string, CheckWarning>();
  for (const [scheme, entry] of Object.entries(policy.schemes)) {
    for (const v of entry?.versions ?? []) {
      if (!(v.from <= today && (v.to === null || today <= v.to))) continue;
      for (const id of cited(v, new Set())) {
        const source = policy.sources[id];
        if (!source) continue;
        const age = sourceAge(source.published, today, months);
        if (age === "current") continue;
        let w = byId.get(id);
        if (!w) byId.set(id, (w = { file, region: `${policy.code} ${policy.name}`, source: id, title: source.title, published: source.published, age, usedIn: [] }));
        w.usedIn.push(`${scheme} ${v.version}`);
      }
    }
  }
  return [...byId.values()];
}

function fieldPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

export function checkPolicyFiles(extraFiles: readonly string[] = [], dir = POLICY_DIR, today = new Date().toISOString().slice(0, 10)): CheckReport {
  const errors: CheckError[] = [];
  const warnings: CheckWarning[] = [];
  const attempt = <T>(file: string, load: () => T): T | null => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof PolicyFileError)) throw error;
      for (const problem of error.problems) errors.push({ file: error.file, problem });
      return null;
    }
  };
  const nationalFile = join(dir, "national.yaml");
  const national: NationalRules | null = attempt(nationalFile, () => loadNational(nationalFile));
  const typicalFile = join(dir, "typical.yaml");
  const typical = national ? attempt(typicalFile, () => loadTypical(typicalFile, national)) : null;
  const months = national?.defaults.staleAfterMonths.months;
  if (typical) warnings.push(...ageWarnings(typical, typicalFile, today, months));
  const regionDir = join(dir, "regions");
  const regionFiles = readdirSync(regionDir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(regionDir, f));
  const provinceFiles = (() => {
    try {
      return readdirSync(join(dir, "provinces")).filter((f) => /\.(ya?ml|json)$/.test(f)).sort().map((f) => join(dir, "provinces", f));
    } catch {
      return [];
    }
  })();
  const own: RegionPolicy[] = [];
  for (const file of [...provinceFiles, ...regionFiles, ...extraFiles]) {
    const region = attempt(file, () => loadRegionFile(file, national));
    if (region) warnings.push(...ageWarnings(region, file, today, months));
    if (region && !extraFiles.includes(file)) own.push(region);
  }
  // The template against the repository's regions: enough independent sources, and the medians.
  if (typical && national) {
    for (const p of templateProblems(typical, own, national, true)) errors.push({ file: typicalFile, problem: `${fieldPath(p.path)}：${p.message}` });
  }
  return { errors, warnings, files: provinceFiles.length + regionFiles.length + extraFiles.length + 2, staleAfterMonths: months ?? null };
}
