// Tuning aid: prints the score and every failure of a TUNING set (tuning.jsonl unless another
// tuning*.jsonl is named); it refuses the blind and holdout parts, whose failures are never read.
import { evaluate, loadSet, summary } from "./metrics.ts";
const file = process.argv[2] ?? "tuning.jsonl";
if (!/^tuning\d*\.jsonl$/u.test(file)) throw new Error(`only tuning*.jsonl sets may be tuned on, not ${file}`);
const s = evaluate(loadSet(`./${file}`));
console.log(summary(file, s), `exact ${((s.n - s.failures.length) / s.n * 100).toFixed(1)}% (${s.n - s.failures.length}/${s.n})`);
for (const f of s.failures) console.log(`- ${f.text}\n    want ${f.want}\n    got  ${f.got}`);
