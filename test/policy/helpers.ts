import { createPolicyBook } from "../../src/policy/book.ts";
import { loadPolicyFiles } from "../../src/policy/load.ts";
import type { ScenarioInput } from "../../src/policy/scenario.ts";

export const FIXTURES = new URL("./fixtures", import.meta.url).pathname;

/** A policy book from the test fixtures only, so evaluator tests do not move when real data changes. */
export const fixtureBook = createPolicyBook(loadPolicyFiles([], FIXTURES));

export function scenario(over: {
  region?: string;
  status?: "working" | "retired";
  scheme?: "employee" | "resident";
  treatment?: string;
  setting?: "inpatient" | "outpatient" | "chronic_outpatient";
  level?: 1 | 2 | 3;
  date?: string;
  visitor?: ScenarioInput["visitor"];
  total: string;
  classB?: string;
  outOfCatalog?: string;
  yearToDate?: ScenarioInput["yearToDate"];
}): ScenarioInput {
  return {
    insured: { region: over.region ?? "示例市", scheme: over.scheme ?? "employee", ...(over.status ? { status: over.status } : { status: "working" }) },
    treatment: { region: over.treatment ?? "上海", setting: over.setting ?? "inpatient", hospitalLevel: over.level ?? 3, date: over.date ?? "2026-03-01" },
    visitor: over.visitor ?? "long_term",
    costs: {
      total: over.total,
      ...(over.classB ? { classB: over.classB } : {}),
      ...(over.outOfCatalog ? { outOfCatalog: over.outOfCatalog } : {}),
    },
    ...(over.yearToDate ? { yearToDate: over.yearToDate } : {}),
  };
}
