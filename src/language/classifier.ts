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

export function classify(normalized: string): { intent: Intent; probability: number } | undefined {
  const fs = features(normalized);
  if (fs.length === 0 || intents.length === 0) return undefined;
  const scores = intents.map((intent) => {
    const counts = m.counts[intent] ?? {};
    const total = m.totals[intent] ?? 0;
    let s = Math.log((m.docs[intent] ?? 1) / m.n);
    for (const f of fs) s += Math.log(((counts[f] ?? 0) + SMOOTHING) / (total + SMOOTHING * m.vocabulary));
    return { intent, s };
  });
  scores.sort((a, b) => b.s - a.s);
  const top = scores[0] as { intent: Intent; s: number };
  const z = scores.reduce((acc, x) => acc + Math.exp(x.s - top.s), 0);
  return { intent: top.intent, probability: 1 / z };
}
