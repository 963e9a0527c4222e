// `npm run bench:cold`: cold start of `yidi nlu "…"` (the compiled build, as `npx yidi` runs
// it) beside bare `node -e 0`, in one run, the three interleaved so that all see the same
// machine. Prints the median and p90 wall time of each and the goal: ≤ 1.5 × node + 60 ms.
// `yidi nlu` reads V8's compiled code from the cache the build wrote beside its bundle
// (scripts/bundle-cli.mjs); the third line is the same command with that cache off. The goal's
// 60 ms do not grow with the machine's load: the load average is printed with the figures.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const bin = new URL("../bin/yidi.mjs", import.meta.url).pathname;
if (!existsSync(new URL("../dist/cli/nlu-main.js", import.meta.url))) {
  console.error("no build in dist/: run npm run build (npm ci does) first");
  process.exit(1);
}
const env = { PATH: process.env.PATH ?? "" };
const time = (args, extra = {}) => {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { env: { ...env, ...extra }, stdio: ["ignore", "pipe", "inherit"] });
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
  return performance.now() - t;
};
const sentence = "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少";
const node = [];
const yidi = [];
const uncached = [];
time(["-e", "0"]);
time([bin, "nlu", "热身"]);
for (let i = 0; i < RUNS; i++) {
  node.push(time(["-e", "0"]));
  yidi.push(time([bin, "nlu", sentence]));
  uncached.push(time([bin, "nlu", sentence], { NODE_DISABLE_COMPILE_CACHE: "1" }));
}
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const goal = 1.5 * q(node, 0.5) + 60;
const line = (label, xs) => `  ${label.padEnd(32)} median ${q(xs, 0.5).toFixed(0)} ms  p90 ${q(xs, 0.9).toFixed(0)} ms  (${(q(xs, 0.5) / q(node, 0.5)).toFixed(2)} × node)`;
console.log(`cold start, ${RUNS} runs each, interleaved, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
console.log(line("node -e 0", node));
console.log(line('yidi nlu "…" (dist)', yidi));
console.log(line('yidi nlu "…", no compile cache', uncached));
console.log(`  goal ≤ 1.5 × node + 60 ms = ${goal.toFixed(0)} ms: ${q(yidi, 0.5) <= goal ? "met" : "not met"}`);
