/**
 * The policy data as the conversation reads it: region names, the version in force, source
 * titles, side-question facts. Every look-up is guarded — missing data means "以参保地规定为准",
 * never an invented figure and never a crash.
 */
import { divisionByCode, shortName } from "../places/divisions.ts";
import { factForTopic, FACT_TOPICS, getPolicyBook, isFactTopic, type PolicyBook, type RegionPolicy } from "../policy/index.ts";
import type { SchemeVersion } from "../policy/schema.ts";

let cached: PolicyBook | null | undefined;

/** The policy book, or null while the data cannot be loaded (the flows still run, without figures). */
export function book(): PolicyBook | null {
  if (cached !== undefined) return cached;
  try {
    cached = getPolicyBook();
  } catch {
    cached = null;
  }
  return cached;
}

/** For tests: forget the cached book so new policy files are read. */
export function resetBookCache(): void {
  cached = undefined;
}

/** 苏州, 上海: the name people say. */
export function regionName(code: string | undefined): string {
  if (!code) return "";
  const d = divisionByCode(code);
  return d ? shortName(d.name) : code;
}

export function today(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export interface RegionVersion {
  policy: RegionPolicy;
  version: SchemeVersion;
  /** The scheme whose version this is (the asked one, or the first with data when none was asked). */
  scheme: "employee" | "resident";
}

/** The region's own version in force (not the typical template), for the scheme or any scheme. */
export function regionVersion(code: string | undefined, scheme: string | undefined, date: string): RegionVersion | undefined {
  const b = book();
  if (!b || !code) return undefined;
  try {
    const info = b.regionInfo(code);
    if (!info?.policy) return undefined;
    const schemes = scheme && info.schemes.includes(scheme as never) ? [scheme] : info.schemes;
    for (const s of schemes) {
      const found = b.versionFor(code, s as "employee" | "resident", date);
      if ("version" in found && !found.typical) return { policy: info.policy, version: found.version, scheme: s as "employee" | "resident" };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** A source's title by id (region first, then national), or undefined when it is not declared. */
export function sourceTitle(policy: RegionPolicy | null, id: string | undefined): string | undefined {
  const b = book();
  if (!b || !id) return undefined;
  try {
    return b.sourceRef(policy, id).title;
  } catch {
    return undefined;
  }
}

/** Side questions a national fact answers (src/policy/facts.ts keys each topic's fact once). */
export const ASIDE_TOPICS: readonly string[] = FACT_TOPICS;

export interface Fact {
  text: string;
  source?: string;
}

export function factFor(topic: string, term?: "long" | "temporary"): Fact | undefined {
  const b = book();
  if (!b || !isFactTopic(topic)) return undefined;
  try {
    const f = factForTopic(b, topic, term);
    return f ? { text: f.text, source: f.source.title } : undefined;
  } catch {
    return undefined;
  }
}
