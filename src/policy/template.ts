/**
 * The typical template (policies/typical.yaml) is the median of the regions' figures. This
 * module recomputes those medians from the loaded files, counting each source once, so that
 * the loader can refuse a template figure resting on fewer independent sources than its
 * `basis` promises, and `yidi policies --check` can say which figure moved.
 *
 * Rules (the same ones typical.yaml's `basis` states):
 * - per region and scheme, the latest version (largest `from`);
 * - a figure counts only if the level is written out for it (no nearest-level fill-in) and
 *   its block's source is not low-confidence (C-grade hints never shape the template);
 * - one source, one vote: a page cited by two regions for the same figure (衡阳 and 邵阳 share
 *   one page) counts once — two copies of one page are not two places' policies;
 * - deductible: the working table, first admission; ratio: the working table, or the first
 *   band of a banded table; cap: the annual amount; 乙类: the first-pay share;
 * - an even count gives the mean of the two middle values.
 */
import { Decimal } from "decimal.js";
import type { IntegrityProblem } from "./integrity.ts";
import type { NationalRules, RegionPolicy, SchemeVersion, Source, TypicalPolicy } from "./schema.ts";
import { LevelKey, Scheme, Setting } from "./terms.ts";

export const LEVELS = LevelKey.options;
/** The settings the template covers: chronic outpatient care has no template. */
const SETTINGS = Setting.options.filter((s): s is Exclude<Setting, "chronic_outpatient"> => s !== "chronic_outpatient");

export interface Contribution {
  code: string;
  name: string;
  value: Decimal;
  /** The source's identity (its address, or its title where it has none). */
  source: string;
}

/** Key like "employee.inpatient.deductible.3", "resident.inpatient.cap", "employee.classB". */
export type FigureKey = string;

export function latestVersion(region: RegionPolicy, scheme: Scheme): SchemeVersion | undefined {
  const versions = region.schemes[scheme]?.versions ?? [];
  let best: SchemeVersion | undefined;
  for (const v of versions) if (!best || v.from > best.from) best = v;
  return best;
}

function sourceOf(region: RegionPolicy, national: Pick<NationalRules, "sources">, id: string): Source {
  const source = region.sources[id] ?? national.sources[id];
  if (!source) throw new Error(`${region.code}: source ${id} not declared`);
  return source;
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** Every region's figures that may shape the template, each source counted once per figure. */
export function collectFigures(regions: readonly RegionPolicy[], national: Pick<NationalRules, "sources">): Map<FigureKey, Contribution[]> {
  const out = new Map<FigureKey, Contribution[]>();
  const add = (key: FigureKey, region: RegionPolicy, id: string, value: string | number) => {
    const source = sourceOf(region, national, id);
    if (source.confidence === "low") return;
    const identity = source.url ?? source.title;
    const list = out.get(key) ?? [];
    if (list.some((c) => c.source === identity)) return;
    list.push({ code: region.code, name: region.name, value: new Decimal(value), source: identity });
    out.set(key, list);
  };
  for (const region of regions) {
    for (const scheme of Scheme.options) {
      const v = latestVersion(region, scheme);
      if (!v) continue;
      if (v.classB) add(`${scheme}.classB`, region, v.classB.source, v.classB.share);
      for (const setting of SETTINGS) {
        const rules = v[setting];
        if (!rules) continue;
        const d = rules.deductible;
        if (d) {
          for (const level of LEVELS) {
            const value = first(d.working[level]);
            if (value !== undefined) add(`${scheme}.${setting}.deductible.${level}`, region, d.source, value);
          }
        }
        const table = rules.ratio.working;
        if (table) {
          for (const level of LEVELS) {
            const value = "byLevel" in table ? table.byLevel[level] : (table.bands[0]?.byLevel?.[level] ?? table.bands[0]?.rate);
            if (value !== undefined) add(`${scheme}.${setting}.ratio.${level}`, region, rules.ratio.source, value);
          }
        }
        if (rules.cap && rules.cap.per === "year") add(`${scheme}.${setting}.cap`, region, rules.cap.source, rules.cap.amount);
      }
    }
  }
  return out;
}

export function median(values: readonly Decimal[]): Decimal {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] as Decimal;
  return sorted.length % 2 === 1 ? hi : (sorted[mid - 1] as Decimal).plus(hi).div(2);
}

/** The same figures read from the typical template's only version, with where each sits in the file. */
export function typicalFigures(version: SchemeVersion, scheme: Scheme): Map<FigureKey, Decimal> {
  const out = new Map<FigureKey, Decimal>();
  if (version.classB) out.set(`${scheme}.classB`, new Decimal(version.classB.share));
  for (const setting of SETTINGS) {
    const rules = version[setting];
    if (!rules) continue;
    for (const level of LEVELS) {
      const d = first(rules.deductible?.working[level]);
      if (d !== undefined) out.set(`${scheme}.${setting}.deductible.${level}`, new Decimal(d));
      const table = rules.ratio.working;
      const r = table && "byLevel" in table ? table.byLevel[level] : undefined;
      if (r !== undefined) out.set(`${scheme}.${setting}.ratio.${level}`, new Decimal(r));
    }
    if (rules.cap) out.set(`${scheme}.${setting}.cap`, new Decimal(rules.cap.amount));
  }
  return out;
}

/** Where a figure key sits in typical.yaml, for the error's path. */
function pathOf(key: FigureKey): (string | number)[] {
  const [scheme, setting, what, level] = key.split(".") as [string, string, string?, string?];
  if (setting === "classB") return ["schemes", scheme, "versions", 0, "classB", "share"];
  const base = ["schemes", scheme, "versions", 0, setting, what!];
  if (what === "cap") return [...base, "amount"];
  if (what === "ratio") return [...base, "working", "byLevel", level!];
  return [...base, "working", level!];
}

/**
 * What is wrong with the template against the regions: a figure
 * resting on fewer independent sources than its `minSources`, and (with `exact`) a figure that is
 * not the median of its sources — the last is for `yidi policies --check` and the tests, not
 * the loader, since a region's new figure moves medians before anyone recomputes the template.
 */
export function templateProblems(
  typical: TypicalPolicy,
  regions: readonly RegionPolicy[],
  national: Pick<NationalRules, "sources">,
  exact = false,
): IntegrityProblem[] {
  const out: IntegrityProblem[] = [];
  const minimum = typical.minSources;
  const figures = collectFigures(regions, national);
  for (const scheme of Scheme.options) {
    const version = typical.schemes[scheme]?.versions[0];
    if (!version) continue;
    for (const [key, value] of typicalFigures(version, scheme)) {
      const contributions = figures.get(key) ?? [];
      const names = contributions.map((c) => `${c.name}${c.value.toString()}`).join("、") || "无";
      if (contributions.length < minimum) {
        out.push({ path: pathOf(key), message: `只有 ${contributions.length} 个独立来源（${names}），少于 minSources 写明的最少 ${minimum} 个：这个数字不能进模板` });
      } else if (exact && !median(contributions.map((c) => c.value)).equals(value)) {
        out.push({ path: pathOf(key), message: `不是各地数字的中位数：${names} 的中位数是 ${median(contributions.map((c) => c.value)).toString()}，这里是 ${value.toString()}；请重算模板` });
      }
    }
  }
  return out;
}
