/** Scores the parser on a labelled set: intent accuracy and slot micro precision/recall/F1. */
import { readFileSync } from "node:fs";
import { parse, type Slots } from "../../src/language/index.ts";

export interface Example {
  text: string;
  intent: string;
  slots: Record<string, string | number>;
  expecting?: keyof Slots;
}

export interface Scores {
  n: number;
  intentAccuracy: number;
  precision: number;
  recall: number;
  f1: number;
  failures: { text: string; want: string; got: string }[];
}

export function loadSet(file: string): Example[] {
  return readFileSync(new URL(file, import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Example);
}

/** Slots as comparable "name=value" items; regions compare by code. */
function items(slots: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(slots)) {
    if (value === undefined) continue;
    const v = typeof value === "object" && value !== null && "code" in value ? (value as { code: string }).code : String(value);
    out.add(`${key}=${v}`);
  }
  return out;
}

export function evaluate(set: Example[]): Scores {
  let correct = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const failures: Scores["failures"] = [];
  for (const ex of set) {
    const got = parse(ex.text, ex.expecting ? { expecting: ex.expecting } : undefined);
    const want = items(ex.slots);
    const have = items(got.slots as Record<string, unknown>);
    let ok = got.intent === ex.intent;
    if (ok) correct += 1;
    for (const item of have) if (want.has(item)) tp += 1; else { fp += 1; ok = false; }
    for (const item of want) if (!have.has(item)) { fn += 1; ok = false; }
    if (!ok) {
      failures.push({
        text: ex.text,
        want: `${ex.intent} ${[...want].sort().join(" ")}`,
        got: `${got.intent} ${[...have].sort().join(" ")}`,
      });
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { n: set.length, intentAccuracy: correct / set.length, precision, recall, f1, failures };
}

export function summary(name: string, s: Scores): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return `${name}: n=${s.n} intent accuracy ${pct(s.intentAccuracy)}; slots P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)}`;
}
