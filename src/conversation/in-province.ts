/**
 * Side answers for care in another city of the insured province (沈阳 insured, treated in 大连):
 * 省内异地就医, where the national cross-province lists (the ten 门诊慢特病 settled across
 * provinces) are not the rule. Says so first, then what the insured place's data says for the
 * two places (a free zone or no registration for the setting), else that its rules decide.
 */
import type { Answers } from "../../flows/answers.ts";
import { flowMessages as m } from "../messages/flows.ts";
import { divisionByCode } from "../places/divisions.ts";
import { directSettlement, jurisdictionBetween, type Setting } from "../policy/index.ts";
import { book, factFor, regionName, today, type Fact } from "./policy-data.ts";

const SETTING_OF: Record<string, Setting> = { chronic_disease: "chronic_outpatient", outpatient: "outpatient" };

/** The in-province answer to a side topic about 门诊 (chronic_disease, outpatient), or undefined when not in-province. */
export function inProvinceAnswer(topic: string, a: Answers, now: Date): Fact | undefined {
  const setting = SETTING_OF[topic];
  const b = book();
  if (!setting || !b || !a.insured || !a.treatment || jurisdictionBetween(a.insured, a.treatment) !== "intra_province") return undefined;
  const province = divisionByCode(`${a.insured.slice(0, 2)}0000`)?.name ?? "";
  const ins = regionName(a.insured);
  const tre = regionName(a.treatment);
  const d = directSettlement(b, { insured: a.insured, treatment: a.treatment, scheme: a.scheme, date: today(now), setting });
  const free = d.reason === "free_zone" ? d.zone?.source?.title : d.reason === "no_registration" ? d.source?.title : undefined;
  const base = factFor(topic);
  const lines = [m.inProvince.lead(ins, tre, province)];
  if (free) lines.push(m.inProvince.noRegistration(ins, tre, m.labels.setting[setting] ?? ""));
  // The national chronic-disease fact lists the diseases settled across provinces: only its rule that
  // the insured place recognises and pays holds here. The outpatient fact already defers to the insured place.
  lines.push(setting === "chronic_outpatient" ? m.inProvince.chronic(ins, !!free) : (base?.text ?? ""));
  const sources = [...new Set([free, base?.source].filter((x): x is string => !!x))];
  return { text: lines.filter((x) => x).join("\n"), ...(sources.length > 0 ? { source: sources.join("；") } : {}) };
}
