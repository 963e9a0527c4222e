/**
 * The insured region's own version in force (its file, never its province's or the template):
 * for the asked scheme, or the first scheme with data when the person has not said theirs.
 * The claim and registration answers show a region's own lists only from here.
 */
import { poolingCode } from "../places/divisions.ts";
import type { PolicyBook } from "./book.ts";
import type { RegionPolicy, SchemeVersion } from "./schema.ts";
import { Scheme } from "./terms.ts";

export function ownVersion(book: PolicyBook, code: string | undefined, scheme: Scheme | undefined, date: string): { policy: RegionPolicy; version: SchemeVersion; scheme: Scheme } | undefined {
  if (!code) return undefined;
  const policy = book.regions.get(code) ?? book.regions.get(poolingCode(code));
  if (!policy) return undefined;
  const schemes = scheme && policy.schemes[scheme] ? [scheme] : Scheme.options.filter((s) => policy.schemes[s]);
  for (const s of schemes) {
    const found = book.versionFor(code, s, date);
    if (!("error" in found) && !found.typical && !found.province) return { policy, version: found.version, scheme: s };
  }
  return undefined;
}
