/**
 * Scores the parser on a frozen blind part: blind.jsonl (written before the issue-10 tuning) or,
 * with `--set blind2`, blind2.jsonl (written in one sitting before the next round's tuning, scored
 * once at its end), or with `--set blind3`, blind3.jsonl (written in one sitting on 2026-12-02 before
 * that round's tuning, by someone who had not read the parser), or with `--set blind4`, blind4.jsonl
 * (written in one sitting on 2026-12-03 before that round's tuning, by someone who had not read the
 * parser), or with `--set blind5`, blind5.jsonl (written in one sitting on 2026-12-03 before that round's
 * tuning, by someone who had not read the parser). Prints aggregate figures only, so that nobody tunes on
 * it; `--show` lists the failures, for the final review only.
 *
 *   npx tsx test/language/score-blind.ts [--set blind2|blind3|blind4|blind5] [--show]
 *
 * Exact match: the intent right and every slot right (none missing, none extra).
 */
import { evaluate, loadSet } from "./metrics.ts";

const at = process.argv.indexOf("--set");
const name = at > 0 ? process.argv[at + 1] : "blind";
if (!/^blind\d*$/.test(name ?? "")) throw new Error(`--set names a blind part (blind, blind2), not ${name}`);
const set = loadSet(`./${name}.jsonl`);
const s = evaluate(set);
const exact = (s.n - s.failures.length) / s.n;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

console.log(`${name}: n=${s.n}`);
console.log(`  intent accuracy  ${pct(s.intentAccuracy)}`);
console.log(`  slot precision   ${pct(s.precision)}`);
console.log(`  slot recall      ${pct(s.recall)}`);
console.log(`  slot F1          ${pct(s.f1)}`);
console.log(`  exact match      ${pct(exact)} (${s.n - s.failures.length}/${s.n})`);

if (process.argv.includes("--show")) {
  for (const f of s.failures) console.log(`- ${f.text}\n    want ${f.want}\n    got  ${f.got}`);
}
