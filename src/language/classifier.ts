/**
 * Fallback for messages no cue word recognises: a naive Bayes over character unigrams and
 * bigrams, trained offline on the tuning part of the evaluation set (never the holdout) and
 * stored in `data/intent-model.json`. Only used when the rules found nothing and the text is
 * about medical insurance at all; it only suggests, with a modest confidence.
 */
import { createRequire } from "node:module";
// Type only: the build still copies the file; it is read on the first use (see build()).
import type model from "./data/intent-model.json";
import type { Intent } from "./types.ts";

const require = createRequire(import.meta.url);

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

interface Tables {
  intents: Intent[];
  prior: Float64Array;
  unseen: Float64Array;
  /** by UTF-16 code: how much better than unseen each character is, per intent */
  single: Map<number, Float64Array>;
  /** by first code, then second: the same for character pairs */
  pair: Map<number, Map<number, Float64Array>>;
}

let tables: Tables | undefined;

// Read and computed on the first use (most messages never get here, and the model is the largest
// file the parser has), then once: per intent the log prior
// and the log weight of an unseen feature, per feature only how much better than unseen it is —
// a parse then costs one lookup by character code per feature, no strings built.
function build(): Tables {
  const m = require("./data/intent-model.json") as typeof model as IntentModel;
  const intents = Object.keys(m.docs) as Intent[];
  const prior = Float64Array.from(intents, (i) => Math.log((m.docs[i] ?? 1) / m.n));
  const unseen = Float64Array.from(intents, (i) => Math.log(SMOOTHING / ((m.totals[i] ?? 0) + SMOOTHING * m.vocabulary)));
  const single = new Map<number, Float64Array>();
  const pair = new Map<number, Map<number, Float64Array>>();
  const rowOf = (f: string): Float64Array => {
    let map: Map<number, Float64Array> = single;
    if (f.length === 2) {
      const first = f.charCodeAt(0);
      map = pair.get(first) ?? new Map<number, Float64Array>();
      pair.set(first, map);
    }
    const code = f.charCodeAt(f.length - 1);
    let row = map.get(code);
    if (!row) map.set(code, (row = new Float64Array(intents.length)));
    return row;
  };
  intents.forEach((intent, k) => {
    for (const [f, c] of Object.entries(m.counts[intent] ?? {})) {
      if (f.length === 1 || f.length === 2) rowOf(f)[k] = Math.log((c + SMOOTHING) / SMOOTHING);
    }
  });
  return { intents, prior, unseen, single, pair };
}

const DROPPED = /[\s\p{P}\p{S}]/gu;

function add(scores: Float64Array, row: Float64Array | undefined): void {
  if (row) for (let k = 0; k < row.length; k++) scores[k] = (scores[k] as number) + (row[k] as number);
}

export function classify(normalized: string): { intent: Intent; probability: number } | undefined {
  // The features of features(), in the same order (so the sums are the same to the last bit).
  const s = normalized.replace(DROPPED, "");
  if (s.length === 0) return undefined;
  const { intents, prior, unseen, single, pair } = (tables ??= build());
  if (intents.length === 0) return undefined;
  const count = 2 * s.length - 1;
  const scores = new Float64Array(intents.length);
  for (let k = 0; k < intents.length; k++) scores[k] = (prior[k] as number) + count * (unseen[k] as number);
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    add(scores, single.get(code));
    if (i + 1 < s.length) add(scores, pair.get(code)?.get(s.charCodeAt(i + 1)));
  }
  let best = 0;
  for (let k = 1; k < scores.length; k++) if ((scores[k] as number) > (scores[best] as number)) best = k;
  const top = scores[best] as number;
  let z = 0;
  for (const x of scores) z += Math.exp(x - top);
  return { intent: intents[best] as Intent, probability: 1 / z };
}
