/**
 * Fallback for messages no cue word recognises: a naive Bayes over character unigrams and
 * bigrams, trained offline on the tuning part of the evaluation set (never the holdout) and
 * stored in `data/intent-model.json`. Only used when the rules found nothing and the text is
 * about medical insurance at all; it only suggests, with a modest confidence.
 */
import model from "./data/intent-model.json" with { type: "json" };
import type { Intent } from "./types.ts";

export interface IntentModel {
  n: number;
  vocabulary: number;
  docs: Record<string, number>;
  totals: Record<string, number>;
  counts: Record<string, Record<string, number>>;
}

/** Characters and character pairs, punctuation and spaces dropped. */
export function features(normalized: string): string[] {
  const s = normalized.replace(/[\s\p{P}\p{S}]/gu, "");
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    out.push(s[i] as string);
    if (i + 1 < s.length) out.push(s.slice(i, i + 2));
  }
  return out;
}

const SMOOTHING = 0.5;
const m = model as IntentModel;
const intents = Object.keys(m.docs) as Intent[];

// Precomputed once at load: per intent the log prior and the log weight of an unseen feature,
// per feature only how much better than unseen it is — a parse then costs one map lookup per feature.
const prior = Float64Array.from(intents, (i) => Math.log((m.docs[i] ?? 1) / m.n));
const unseen = Float64Array.from(intents, (i) => Math.log(SMOOTHING / ((m.totals[i] ?? 0) + SMOOTHING * m.vocabulary)));
const lift = new Map<string, Float64Array>();
intents.forEach((intent, k) => {
  for (const [f, c] of Object.entries(m.counts[intent] ?? {})) {
    let row = lift.get(f);
    if (!row) lift.set(f, (row = new Float64Array(intents.length)));
    row[k] = Math.log((c + SMOOTHING) / SMOOTHING);
  }
});

export function classify(normalized: string): { intent: Intent; probability: number } | undefined {
  const fs = features(normalized);
  if (fs.length === 0 || intents.length === 0) return undefined;
  const scores = new Float64Array(intents.length);
  for (let k = 0; k < intents.length; k++) scores[k] = (prior[k] as number) + fs.length * (unseen[k] as number);
  for (const f of fs) {
    const row = lift.get(f);
    if (row) for (let k = 0; k < row.length; k++) scores[k] = (scores[k] as number) + (row[k] as number);
  }
  let best = 0;
  for (let k = 1; k < scores.length; k++) if ((scores[k] as number) > (scores[best] as number)) best = k;
  const top = scores[best] as number;
  let z = 0;
  for (const x of scores) z += Math.exp(x - top);
  return { intent: intents[best] as Intent, probability: 1 / z };
}
