/** A tiny timing helper for the benchmarks: warm up, then run for a fixed time and count. */
export function opsPerSecond(fn: (i: number) => unknown, ms = 1500): number {
  for (let i = 0; i < 2000; i++) fn(i);
  let sink: unknown;
  let count = 0;
  const start = process.hrtime.bigint();
  const limit = BigInt(ms) * 1_000_000n;
  let elapsed = 0n;
  while (elapsed < limit) {
    for (let j = 0; j < 200; j++) sink = fn(count++);
    elapsed = process.hrtime.bigint() - start;
  }
  if (sink === Symbol.for("never")) console.log("");
  return (count * 1e9) / Number(elapsed);
}

export function fmtRate(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** What the load benchmarks' probe counted in the server (bench/production.ts), per operation. */
export interface ServerCount {
  cpuMicros: number;
  systemMicros: number;
  mainMicros?: number;
  /** CPU time (µs) per kind of thread, where Linux tells it. */
  threads?: Record<string, number>;
  heap: { allocated: number; promoted: number; young: number; full: number; fullPauseMs: number; maxFullPauseMs: number; youngPauseMs: number; maxYoungPauseMs: number };
  loop: { loopP99Ms: number; loopMaxMs: number; stalls: number; stalledMs: number; longestMs: number; waitedMs?: number; waitedInStallsMs?: number; longestRunMs?: number; longRuns?: number };
}

/** The server's CPU time, heap and event loop per operation (`what`: "message", "push"), as report lines. */
export function serverReport(c: ServerCount, n: number, what: string): string[] {
  const per = (micros: number) => `${(micros / n).toFixed(0)} µs`;
  const kb = (bytes: number) => (bytes / n / 1024).toFixed(1);
  const main = c.mainMicros === undefined ? "" : `; main thread ${per(c.mainMicros)}`;
  const waited = c.loop.waitedMs === undefined ? "" : `; main thread waited for a CPU ${c.loop.waitedMs.toFixed(0)} ms in all`;
  const inStalls = c.loop.waitedInStallsMs === undefined || c.loop.stalls === 0 ? "" : `, ${c.loop.waitedInStallsMs.toFixed(0)} ms of it waiting for a CPU`;
  const own = c.loop.longestRunMs === undefined ? "" : `; longest run of the main thread between two turns ${c.loop.longestRunMs.toFixed(1)} ms of CPU (${c.loop.longRuns} over 25 ms)`;
  const threads = Object.entries(c.threads ?? {})
    .filter(([, micros]) => micros / n >= 1)
    .sort((a, b) => b[1] - a[1])
    .map(([name, micros]) => `${name} ${per(micros)}`)
    .join(", ");
  return [
    ...(threads ? [`server threads ${threads} per ${what}`] : []),
    `server CPU  ${per(c.cpuMicros)} per ${what} (whole process, ${per(c.systemMicros)} of it in the kernel${main}; ${(n / (c.cpuMicros / 1e6)).toFixed(0)} per CPU-second)`,
    `server heap ${kb(c.heap.allocated)} KB allocated per ${what}, ${kb(c.heap.promoted)} KB of it promoted; ${c.heap.young} young collections (${c.heap.youngPauseMs.toFixed(0)} ms, longest ${c.heap.maxYoungPauseMs.toFixed(1)} ms) and ${c.heap.full} full (${c.heap.fullPauseMs.toFixed(0)} ms, longest ${c.heap.maxFullPauseMs.toFixed(1)} ms)`,
    `server loop timer delay p99 ${c.loop.loopP99Ms.toFixed(1)} ms, max ${c.loop.loopMaxMs.toFixed(1)} ms${waited}; ${c.loop.stalls} turns over 25 ms (${c.loop.stalledMs.toFixed(0)} ms in all${inStalls}, longest ${c.loop.longestMs.toFixed(1)} ms)${own}`,
  ];
}
