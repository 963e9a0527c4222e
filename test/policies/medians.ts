/**
 * The typical template's figures are medians of the region files' figures. This module
 * computes those medians from the loaded files, so the test can check typical.yaml against
 * them and fail when one side is edited without the other.
 *
 * Rules (the same ones typical.yaml's `basis` states):
 * - per region and scheme, the latest version (largest `from`);
 * - a figure counts only if the level is written out for it (no nearest-level fill-in) and
 *   its block's source is not low-confidence (C-grade hints never shape the template);
 * - deductible: the working table, first admission; ratio: the working table, or the first
 *   band of a banded table; cap: the annual amount; 乙类: the first-pay share;
 * - an even count gives the mean of the two middle values.
 */
import { Decimal } from "decimal.js";
import type { NationalRules, RegionPolicy, Scheme, SchemeVersion } from "../../src/policy/schema.ts";

export type Setting = "inpatient" | "outpatient";
export const LEVELS = ["1", "2", "3"] as const;
export type Level = (typeof LEVELS)[number];

export interface Contribution {
  code: string;
  name: string;
  value: Decimal;
}

/** Key like "employee.inpatient.deductible.3", "resident.inpatient.cap", "employee.classB". */
export type FigureKey = string;

export function latestVersion(region: RegionPolicy, scheme: Scheme): SchemeVersion | undefined {
  const versions = region.schemes[scheme]?.versions ?? [];
  let best: SchemeVersion | undefined;
  for (const v of versions) if (!best || v.from > best.from) best = v;
  return best;
}

function isLow(region: RegionPolicy, national: NationalRules, id: string): boolean {
  const source = region.sources[id] ?? national.sources[id];
  if (!source) throw new Error(`${region.code}: source ${id} not declared`);
  return source.confidence === "low";
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export function collectFigures(regions: readonly RegionPolicy[], national: NationalRules): Map<FigureKey, Contribution[]> {
  const out = new Map<FigureKey, Contribution[]>();
  const add = (key: FigureKey, region: RegionPolicy, value: string | number) => {
    const list = out.get(key) ?? [];
    list.push({ code: region.code, name: region.name, value: new Decimal(value) });
    out.set(key, list);
  };
  for (const region of regions) {
    for (const scheme of ["employee", "resident"] as const) {
      const v = latestVersion(region, scheme);
      if (!v) continue;
      if (v.classB && !isLow(region, national, v.classB.source)) add(`${scheme}.classB`, region, v.classB.share);
      for (const setting of ["inpatient", "outpatient"] as const) {
        const rules = v[setting];
        if (!rules) continue;
        const d = rules.deductible;
        if (d && !isLow(region, national, d.source)) {
          for (const level of LEVELS) {
            const value = first(d.working[level]);
            if (value !== undefined) add(`${scheme}.${setting}.deductible.${level}`, region, value);
          }
        }
        if (rules.ratio.working && !isLow(region, national, rules.ratio.source)) {
          const table = rules.ratio.working;
          for (const level of LEVELS) {
            const value = "byLevel" in table ? table.byLevel[level] : (table.bands[0]?.byLevel?.[level] ?? table.bands[0]?.rate);
            if (value !== undefined) add(`${scheme}.${setting}.ratio.${level}`, region, value);
          }
        }
        if (rules.cap && !isLow(region, national, rules.cap.source)) add(`${scheme}.${setting}.cap`, region, rules.cap.amount);
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

/** The same figures read from the typical template's only version. */
export function typicalFigures(version: SchemeVersion, scheme: Scheme): Map<FigureKey, Decimal> {
  const out = new Map<FigureKey, Decimal>();
  if (version.classB) out.set(`${scheme}.classB`, new Decimal(version.classB.share));
  for (const setting of ["inpatient", "outpatient"] as const) {
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
