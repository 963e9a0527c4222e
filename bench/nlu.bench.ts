/**
 * Parser speed: parses per second on one core over a varied set of messages (goal ≥ 20,000/s),
 * and cold start of `node bin/yidi.mjs nlu "…"`: time from spawning the process to its
 * answer on stdout (goal < 500 ms), with what it is made of (bare node, tsx, the module load).
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { parse } from "../src/language/index.ts";
import { opsPerSecond, fmtRate } from "./timing.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const COLD_RUNS = 8;

function messages(): string[] {
  const lines = readFileSync(new URL("../test/language/tuning.jsonl", import.meta.url), "utf8").split("\n").filter(Boolean);
  const texts = lines.map((l) => (JSON.parse(l) as { text: string }).text);
  // Plus the expensive kind: a long paste (cut at the limit) and a three-city message.
  texts.push("我妈退休了 ".repeat(80), "北京 上海 广州 深圳 杭州 苏州 哪里报得多");
  return texts;
}

/** Milliseconds from spawn to the first byte on stdout, median of `runs`. */
function timeToOutput(args: string[], runs: number): Promise<{ median: number; min: number }> {
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const start = process.hrtime.bigint();
      const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "ignore"] });
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        resolve(Number(process.hrtime.bigint() - start) / 1e6);
      };
      child.stdout.once("data", finish);
      child.on("exit", finish);
      child.on("error", reject);
    });
  return (async () => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) times.push(await one());
    times.sort((a, b) => a - b);
    return { median: times[Math.floor(times.length / 2)] as number, min: times[0] as number };
  })();
}

export async function run(): Promise<void> {
  const texts = messages();
  const rate = opsPerSecond((i) => parse(texts[i % texts.length] as string), 2000);
  console.log(`parse: ${fmtRate(rate)} parses/s on one core over ${texts.length} varied messages (goal ≥ 20,000)`);

  const text = "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少";
  const ms = (r: { median: number; min: number }) => `median ${r.median.toFixed(0)} ms, min ${r.min.toFixed(0)} ms`;
  const cold = await timeToOutput(["bin/yidi.mjs", "nlu", text], COLD_RUNS);
  console.log(`cold start, node bin/yidi.mjs nlu "…" to answer: ${ms(cold)} over ${COLD_RUNS} runs (goal < 500 ms)`);
  const bare = await timeToOutput(["-e", "process.stdout.write('x')"], COLD_RUNS);
  console.log(`  of which: bare node ${ms(bare)}`);
  const tsx = await timeToOutput(["--import", "tsx", "-e", "process.stdout.write('x')"], COLD_RUNS);
  console.log(`            node --import tsx ${ms(tsx)}`);
  const inProcess = await new Promise<string>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "-e",
      "const t=performance.now();await import('./src/language/index.ts');const l=performance.now()-t;const {parse}=await import('./src/language/index.ts');const u=performance.now();parse('在上海住院花了3万');process.stdout.write(l.toFixed(0)+' ms load, first parse '+(performance.now()-u).toFixed(1)+' ms')"],
      { cwd: root, stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.on("exit", () => resolve(out));
  });
  console.log(`            language module (tsx-compiled, divisions loaded): ${inProcess}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
