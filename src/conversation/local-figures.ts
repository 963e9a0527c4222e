/**
 * "北京职工 起付线多少", "封顶多少": the insured place's own 起付线, 报销比例 and 封顶线 as its
 * policy file gives them, each with its source, then the national rule that they follow the person
 * wherever the care is. They do not depend on the treatment place, so nothing is asked first. A
 * place without its own figures gets none (never the typical template's), and says so.
 */
import { Decimal } from "decimal.js";
import type { Answers } from "../../flows/answers.ts";
import { flowMessages as m } from "../messages/flows.ts";
import type { SettingRules } from "../policy/schema.ts";
import { ownRules } from "../policy/setting-rules.ts";
import { LevelKey, Scheme } from "../policy/terms.ts";
import { book, regionName, regionVersion, sourceTitle, today, type Fact } from "./policy-data.ts";

const f = m.general.figures;
/** The levels in the data's own order, lowest first, as people name them. */
const LEVELS = LevelKey.options;
const LEVEL_WORD: Record<string, string> = { "1": "一级", "2": "二级", "3": "三级" };
type Level = LevelKey;

/** 500000 → 50万元, 1300 → 1300 元. */
function money(v: string | number): string {
  const d = new Decimal(v);
  return d.gte(10000) && d.mod(10000).isZero() ? `${d.div(10000).toFixed()}万元` : `${d.toFixed()} 元`;
}

/** 30000 → 3万 (band edges). */
function edge(v: string): string {
  const d = new Decimal(v);
  return d.mod(10000).isZero() ? `${d.div(10000).toFixed()}万` : d.toFixed();
}

/** Levels with the same value said together: 一级、二级、三级医院 1300 元. */
function byLevel<T>(table: Partial<Record<Level, T>>, say: (levels: string, value: T) => string, hospital = "医院 "): string {
  const groups = new Map<string, { levels: string[]; value: T }>();
  for (const level of LEVELS) {
    const value = table[level];
    if (value === undefined) continue;
    const key = JSON.stringify(value);
    const g = groups.get(key) ?? { levels: [], value };
    g.levels.push(LEVEL_WORD[level]!);
    groups.set(key, g);
  }
  const all = groups.size === 1 && [...groups.values()][0]!.levels.length === LEVELS.length;
  return [...groups.values()].map((g) => say(all ? `各级${hospital}` : `${g.levels.join("、")}${hospital}`, g.value)).join("，");
}

function deductibleText(rules: SettingRules, retired: boolean): string | undefined {
  const d = rules.deductible;
  if (!d) return undefined;
  const table = (retired && d.retired) || d.working;
  const text = byLevel(table, (levels, v) => {
    const list = Array.isArray(v) ? v : [v];
    return f.deductibleLevels(levels, String(list[0]), list.length > 1 ? String(list[list.length - 1]) : undefined);
  });
  return f.deductible(`${text}${d.per === "year" ? f.perYear : ""}`);
}

function ratioText(rules: SettingRules, retired: boolean): string | undefined {
  const table = (retired && rules.ratio.retired) || rules.ratio.working || rules.ratio.retired;
  if (!table) return undefined;
  const pct = (levels: string, v: number) => `${levels}${v}%`;
  if ("byLevel" in table) return f.ratio(byLevel(table.byLevel, pct, ""));
  let from: string | null = null;
  const parts = table.bands.map((band) => {
    const range = band.upTo === null ? `${from ? edge(from) : "0"}元以上` : from ? `${edge(from)}–${edge(band.upTo)}元` : `${edge(band.upTo)}元以内`;
    from = band.upTo;
    const rates = band.byLevel ? byLevel(band.byLevel, pct, "") : band.rate !== undefined ? `${band.rate}%` : "";
    return f.band(range, rates);
  });
  return f.ratio(parts.join("；"));
}

/** The answer; `a` is what the person said (the insured place, scheme, status, setting). */
export function localFiguresAnswer(a: Answers, now: Date, only?: "deductible" | "ratio" | "cap"): Fact | undefined {
  const b = book();
  if (!b) return undefined;
  const principle = b.national.facts.principle;
  const principleTitle = sourceTitle(null, principle?.source);
  const withPrinciple = (lines: string[], titles: (string | undefined)[]): Fact => {
    const all = [...new Set([...titles, principleTitle].filter((t): t is string => !!t))];
    return { text: [...lines, ...(principle ? [principle.text] : [])].join("\n"), ...(all.length > 0 ? { source: all.join("；") } : {}) };
  };
  if (!a.insured) return withPrinciple([m.general.whyCity.figures], []);
  const region = regionName(a.insured);
  const setting = a.setting ?? "inpatient";
  // The same look-up as the estimate's (the city's own figures, else its province's: 长沙 → 湖南), never the template's.
  const schemes: Scheme[] = a.scheme ? [a.scheme] : Scheme.options;
  const found = schemes
    .map((s) => ({ scheme: s, own: ownRules(b, a.insured!, s, setting, today(now), s === "employee" && a.status === "retired") }))
    .find((x) => x.own !== undefined);
  if (!found?.own) {
    const file = regionVersion(a.insured, a.scheme, today(now));
    const asked = a.scheme ?? file?.scheme ?? "employee";
    return withPrinciple([f.noData(region, file && file.scheme === asked ? `${m.labels.scheme[asked]}${m.labels.setting[setting]}` : m.labels.scheme[asked])], []);
  }
  const rv = { scheme: found.scheme, policy: found.own.policy };
  const rules = found.own.rules;
  const employee = rv.scheme === "employee";
  const retired = employee && a.status === "retired";
  const who = `${region}${m.labels.scheme[rv.scheme]}${employee ? `（${retired ? "退休" : "在职"}）` : ""}`;
  const lines = [f.head(who, m.labels.setting[setting])];
  if (found.own.province) lines.push(f.provinceTable(region, found.own.policy.name));
  if (employee && !a.status) lines.push(f.askStatus);
  const wants = (part: "deductible" | "ratio" | "cap") => !only || only === part;
  const d = wants("deductible") ? deductibleText(rules, retired) : undefined;
  if (d) lines.push(d);
  const r = wants("ratio") ? ratioText(rules, retired) : undefined;
  if (r) lines.push(r);
  // The one figure asked for is not in the data: said, not left out silently.
  if (only && lines.length === 1 + (employee && !a.status ? 1 : 0) && !(only === "cap" && rules.cap)) lines.push(f.partMissing(m.general.figureNames[only]));
  if (rules.cap && wants("cap")) lines.push(f.cap(money(retired && rules.cap.retired ? rules.cap.retired : rules.cap.amount), rules.cap.per === "month"));
  if (retired && rules.retiredAdjust && !rules.ratio.retired) lines.push(f.retiredAdjust);
  if (!a.scheme) lines.push(f.otherScheme(m.labels.scheme[rv.scheme]));
  const titles = [wants("deductible") ? rules.deductible?.source : undefined, wants("ratio") ? rules.ratio.source : undefined, wants("cap") ? rules.cap?.source : undefined].map((id) => sourceTitle(rv.policy, id));
  return withPrinciple(lines, titles);
}
