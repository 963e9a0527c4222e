/**
 * The insured place's own figures (起付线, 比例, 封顶线) for one setting: its own file's, else its
 * province's (湖南's unified tables) — never the template's. One look-up for the estimate and for
 * "长沙职工 起付线多少", so the two never disagree (QA4 Q73).
 */
import type { PolicyBook } from "./book.ts";
import type { RegionPolicy, SchemeVersion, SettingRules } from "./schema.ts";
import type { Scheme, Setting } from "./terms.ts";

export function settingRulesOf(version: SchemeVersion, setting: Setting): SettingRules | undefined {
  if (setting === "inpatient") return version.inpatient;
  if (setting === "outpatient") return version.outpatient;
  return version.chronicOutpatient;
}

/** Rules with a ratio for this person (a retirees-only table serves retirees only). */
export function usableRules(rules: SettingRules | undefined, retired: boolean): SettingRules | undefined {
  if (!rules) return undefined;
  return rules.ratio.working || (retired && rules.ratio.retired) ? rules : undefined;
}

export interface OwnRules {
  rules: SettingRules;
  /** Whose file the figures (and their source ids) are in. */
  policy: RegionPolicy;
  /** The figures are the province's, the city having none of its own for this setting. */
  province: boolean;
}

/** The region's own figures for the setting, else its province's; undefined when neither has them (the template is the caller's choice). */
export function ownRules(book: PolicyBook, insured: string, scheme: Scheme, setting: Setting, date: string, retired: boolean): OwnRules | undefined {
  const found = book.versionFor(insured, scheme, date);
  if ("error" in found || found.typical || found.policy.code === "typical") return undefined;
  const policy = found.policy as RegionPolicy;
  const own = usableRules(settingRulesOf(found.version, setting), retired);
  if (own) return { rules: own, policy, province: !!found.province };
  if (found.province) return undefined;
  const province = book.provinceVersionFor(insured, scheme, date);
  const theirs = province ? usableRules(settingRulesOf(province.version, setting), retired) : undefined;
  return province && theirs ? { rules: theirs, policy: province.policy, province: true } : undefined;
}
