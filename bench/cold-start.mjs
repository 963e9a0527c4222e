// `npm run bench:cold`: cold start of `yidi nlu "…"` (the compiled build, as `npx yidi` runs
// it) beside bare `node -e 0`, in one run, the two interleaved so that both see the same
// machine. Prints the median and p90 wall time of each and the goal: ≤ 1.5 × node + 60 ms.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const bin = new URL("../bin/yidi.mjs", import.meta.url).pathname;
if (!existsSync(new URL("../dist/src/cli.js", import.meta.url))) {
  console.error("no build in dist/: run npm run build (npm ci does) first");
  process.exit(1);
}
const env = { PATH: process.env.PATH ?? "" };
const time = (args) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: ["ignore", "pipe", "inherit"] });
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
  return performance.now() - t;
};
const node = [];
const yidi = [];
time(["-e", "0"]);
time([bin, "nlu", "热身"]);
for (let i = 0; i < RUNS; i++) {
  node.push(time(["-e", "0"]));
  yidi.push(time([bin, "nlu", "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少"]));
}
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const goal = 1.5 * q(node, 0.5) + 60;
console.log(`cold start, ${RUNS} runs each, interleaved, node ${process.version}`);
console.log(`  node -e 0           median ${q(node, 0.5).toFixed(0)} ms  p90 ${q(node, 0.9).toFixed(0)} ms`);
console.log(`  yidi nlu "…" (dist) median ${q(yidi, 0.5).toFixed(0)} ms  p90 ${q(yidi, 0.9).toFixed(0)} ms`);
console.log(`  goal ≤ 1.5 × node + 60 ms = ${goal.toFixed(0)} ms: ${q(yidi, 0.5) <= goal ? "met" : "not met"} (${(q(yidi, 0.5) / q(node, 0.5)).toFixed(2)} × node)`);
