/**
 * Builds `intent-model.json` (the fallback classifier) from the TUNING part of the evaluation
 * set only; the holdout parts are never read. Bare slot answers are left out: they carry no intent.
 * Run: node --import tsx src/language/data/generate-intent-model.ts  (a test checks it is current).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { features, type IntentModel } from "../classifier.ts";
import { normalize } from "../normalize.ts";

export function buildIntentModel(): IntentModel {
  const lines = readFileSync(new URL("../../../test/language/tuning.jsonl", import.meta.url), "utf8").split("\n").filter(Boolean);
  const model: IntentModel = { n: 0, vocabulary: 0, docs: {}, totals: {}, counts: {} };
  const vocabulary = new Set<string>();
  for (const line of lines) {
    const ex = JSON.parse(line) as { text: string; intent: string; expecting?: string };
    if (ex.expecting) continue;
    model.n += 1;
    model.docs[ex.intent] = (model.docs[ex.intent] ?? 0) + 1;
    const counts = (model.counts[ex.intent] ??= {});
    for (const f of features(normalize(ex.text))) {
      counts[f] = (counts[f] ?? 0) + 1;
      model.totals[ex.intent] = (model.totals[ex.intent] ?? 0) + 1;
      vocabulary.add(f);
    }
  }
  model.vocabulary = vocabulary.size;
  return model;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = new URL("./intent-model.json", import.meta.url);
  writeFileSync(out, `${JSON.stringify(buildIntentModel())}\n`);
  console.log(`wrote ${fileURLToPath(out)}`);
}
