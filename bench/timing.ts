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
