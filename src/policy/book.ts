/**
 * The loaded, validated policy data with the look-ups the evaluator and the flows need:
 * a region by code or Chinese name, the version in force on a date, a source by id.
 */
import { divisionByCode, divisionsByName, poolingCode, type Division } from "../places/divisions.ts";
import { loadPolicyFiles, type PolicyFiles } from "./load.ts";
import { MAX_REGION, type SourceRef } from "./scenario.ts";
import type { NationalRules, RegionPolicy, Scheme, SchemeVersion, Source, TypicalPolicy } from "./schema.ts";

export interface VersionInForce {
  /** The region policy, its province's (no data of its own), or the typical template (neither). */
  policy: RegionPolicy | TypicalPolicy;
  version: SchemeVersion;
  typical: boolean;
  /** True when `policy` is the province's file, not the 统筹区's own. */
  province?: boolean;
}

/** What the flows need to know about one 统筹区, whether or not it has data. */
export interface RegionInfo {
  division: Division;
  /** Region file, when one exists. */
  policy?: RegionPolicy;
  schemes: Scheme[];
}

export interface PolicyBook {
  national: NationalRules;
  typical: TypicalPolicy;
  regions: ReadonlyMap<string, RegionPolicy>;
  /** Province-wide rules by province code (NN0000). */
  provinces: ReadonlyMap<string, RegionPolicy>;
  files: ReadonlyMap<string, string>;
  /** What the files say that may not be meant (an unknown YAML tag), one line each. */
  warnings?: readonly string[];
  /** A 统筹区 from a 6-digit code or a Chinese name (苏州, 苏州市, 上海); undefined when unknown or ambiguous. */
  resolveRegion(input: string): Division | undefined;
  regionInfo(code: string): RegionInfo | undefined;
  /** The version in force on `date` (YYYY-MM-DD); typical template when the region has no data at all for the scheme. */
  versionFor(code: string, scheme: Scheme, date: string): VersionInForce | { error: "no_version_on_date"; earliest: string };
  /** The province-wide version in force for a 统筹区's province, if the province has a file (never for 直辖市 themselves). */
  provinceVersionFor(code: string, scheme: Scheme, date: string): { policy: RegionPolicy; version: SchemeVersion } | undefined;
  /** A source by id: the policy's own sources first, then the national ones. */
  sourceRef(policy: RegionPolicy | TypicalPolicy | null, id: string, quote?: string): SourceRef;
}

export function createPolicyBook(files: PolicyFiles): PolicyBook {
  const regions = new Map<string, RegionPolicy>(files.regions.map((r) => [r.code, r]));
  const provinces = new Map<string, RegionPolicy>((files.provinces ?? []).map((p) => [p.code, p]));

  function inForce(versions: readonly SchemeVersion[], date: string): SchemeVersion | undefined {
    return versions.find((v) => v.from <= date && (v.to === null || date <= v.to));
  }

  function provinceVersion(code: string, scheme: Scheme, date: string): { policy: RegionPolicy; version: SchemeVersion } | undefined {
    const provinceCode = `${code.slice(0, 2)}0000`;
    if (provinceCode === code) return undefined;
    const province = provinces.get(provinceCode);
    const version = province ? inForce(province.schemes[scheme]?.versions ?? [], date) : undefined;
    return province && version ? { policy: province, version } : undefined;
  }
  const aliases = new Map<string, string>();
  for (const r of files.regions) for (const a of [r.name, ...r.aliases]) aliases.set(a, r.code);
  // policy code → source id → quote → ref. Nested rather than one joined key: quotes are long,
  // and joining them into a new string on every step cost more than the rest of the step.
  const refCache = new Map<string, Map<string, Map<string, SourceRef>>>();

  function toRef(id: string, source: Source): SourceRef {
    return {
      id,
      title: source.title,
      ...(source.issuer ? { issuer: source.issuer } : {}),
      ...(source.url ? { url: source.url } : {}),
      published: source.published,
      retrieved: source.retrieved,
      ...(source.dateNote ? { dateNote: source.dateNote } : {}),
      confidence: source.confidence,
    };
  }

  function resolveUncached(text: string): Division | undefined {
    const own = (code: string): Division | undefined => {
      const region = regions.get(code);
      // A user's policy file may describe a region the division table does not list.
      return region ? { code, name: region.name, level: "city", provinceCode: `${code.slice(0, 2)}0000` } : undefined;
    };
    if (/^\d{6}$/.test(text)) return divisionByCode(poolingCode(text)) ?? own(text);
    const aliased = aliases.get(text);
    if (aliased) return divisionByCode(aliased) ?? own(aliased);
    const found = divisionsByName(text);
    if (found.length === 1) return found[0];
    // Several matches (吉林 = 吉林省 or 吉林市) stay unresolved: the caller asks which one.
    return undefined;
  }

  const resolved = new Map<string, Division | undefined>();

  const book: PolicyBook = {
    national: files.national,
    typical: files.typical,
    regions,
    provinces,
    files: files.files,
    warnings: files.warnings ?? [],

    resolveRegion(input) {
      // Trimmed before the cache and bounded in length: names come from people, and padding
      // or junk must not make new keys. The table of real names is small; junk is not kept.
      const text = input.trim();
      if (text.length === 0 || text.length > MAX_REGION) return undefined;
      if (resolved.has(text)) return resolved.get(text);
      const division = resolveUncached(text);
      if (division && resolved.size < 5000) resolved.set(text, division);
      return division;
    },

    regionInfo(code) {
      const division = divisionByCode(code);
      if (!division) return undefined;
      // 三亚 has no file of its own: 海南's is its 统筹区's.
      const policy = regions.get(code) ?? regions.get(poolingCode(code));
      return {
        division,
        ...(policy ? { policy } : {}),
        schemes: policy ? (Object.keys(policy.schemes) as Scheme[]) : [],
      };
    },

    provinceVersionFor: provinceVersion,

    versionFor(code, scheme, date) {
      const region = regions.get(code) ?? regions.get(poolingCode(code));
      const own = region?.schemes[scheme];
      if (!own) {
        const province = provinceVersion(code, scheme, date);
        if (province) return { policy: province.policy, version: province.version, typical: false, province: true };
      }
      const source: RegionPolicy | TypicalPolicy = own && region ? region : files.typical;
      const versions = (own ? own.versions : files.typical.schemes[scheme]?.versions) ?? [];
      let earliest = "";
      for (const v of versions) {
        if (!earliest || v.from < earliest) earliest = v.from;
        if (v.from <= date && (v.to === null || date <= v.to)) {
          return { policy: source, version: v, typical: source === files.typical };
        }
      }
      return { error: "no_version_on_date", earliest };
    },

    sourceRef(policy, id, quote) {
      const code = policy?.code ?? "national";
      let byId = refCache.get(code);
      if (!byId) refCache.set(code, (byId = new Map()));
      let byQuote = byId.get(id);
      if (!byQuote) byId.set(id, (byQuote = new Map()));
      const cached = byQuote.get(quote ?? "");
      if (cached) return cached;
      const source = policy?.sources[id] ?? files.national.sources[id] ?? files.typical.sources[id];
      if (!source) throw new Error(`source ${id} not declared (${code})`);
      const ref = { ...toRef(id, source), ...(quote ? { quote } : {}) };
      byQuote.set(quote ?? "", ref);
      return ref;
    },
  };
  return book;
}

let defaultBook: PolicyBook | undefined;

/**
 * The policy book from `policies/`, plus the user's extra files. Loaded once per process
 * for the default set; extra files give a fresh book.
 */
export function getPolicyBook(extraFiles: readonly string[] = []): PolicyBook {
  if (extraFiles.length > 0) return createPolicyBook(loadPolicyFiles(extraFiles));
  defaultBook ??= createPolicyBook(loadPolicyFiles());
  return defaultBook;
}
