// Tuning aid: prints the score and every failure on the TUNING set only (never the holdout's).
import { evaluate, loadSet, summary } from "./metrics.ts";
const s = evaluate(loadSet("./tuning.jsonl"));
console.log(summary("tuning", s));
for (const f of s.failures) console.log(`- ${f.text}\n    want ${f.want}\n    got  ${f.got}`);
