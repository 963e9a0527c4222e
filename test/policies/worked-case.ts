/**
 * The scenario of one hand-worked estimate, shared by the worked-estimate tests
 * (test/policies/worked.test.ts, refresh-worked.test.ts, test/policy/facts-worked.test.ts).
 * Defaults: 职工 在职, 长期居住 (settles as at home), inpatient, first admission of the year, no
 * 乙类; the treatment date defaults to what each file says its figures are for.
 */
import type { ScenarioInput } from "../../src/policy/scenario.ts";

export interface WorkedCase {
  insured: string;
  scheme?: "employee" | "resident";
  status?: "working" | "retired";
  treatment: string;
  visitor?: ScenarioInput["visitor"];
  level: 1 | 2 | 3;
  total: string;
  classB?: string;
  outOfCatalog?: string;
  setting?: "inpatient" | "outpatient" | "chronic_outpatient";
  date?: string;
  admissions?: number;
  fundPaid?: string;
}

export function workedScenario(c: WorkedCase, date: string): ScenarioInput {
  const scheme = c.scheme ?? "employee";
  return {
    insured: { region: c.insured, scheme, ...(scheme === "employee" ? { status: c.status ?? "working" } : {}) },
    treatment: { region: c.treatment, setting: c.setting ?? "inpatient", hospitalLevel: c.level, date: c.date ?? date },
    visitor: c.visitor ?? "long_term",
    costs: { total: c.total, classB: c.classB ?? "0", ...(c.outOfCatalog ? { outOfCatalog: c.outOfCatalog } : {}) },
    yearToDate: { admissions: c.admissions ?? 0, ...(c.fundPaid ? { fundPaid: c.fundPaid } : {}) },
  };
}
