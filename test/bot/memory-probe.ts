/**
 * Run by memory.test.ts in a process of its own with --expose-gc: sends 10,000 estimate
 * requests, each from another address and with a unique oversized region (junk, or a real
 * name padded with spaces), and prints the heap before and after as JSON. A separate process
 * because the heap of the test runner holds everything else the suite loaded.
 */
import { buildServer } from "../../src/channels/http.ts";
import { createLogger } from "../../src/log.ts";
import { MemoryStore } from "../../src/store/index.ts";
import { Writable } from "node:stream";

const REQUESTS = Number(process.env.REQUESTS ?? 10_000);
const SIZE = 20_000;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");
const heap = () => {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
};

const silent = createLogger("error", new Writable({ write: (_c, _e, cb) => cb() }));
const server = await buildServer({ log: silent, store: new MemoryStore() });
await server.ready();

const base = { scheme: "employee", status: "working" };
const treatment = { setting: "inpatient", hospitalLevel: 3, date: "2026-03-01" };
/** Request `i`: a different oversized string each time, in each of the places a region goes. */
function body(i: number): unknown {
  const junk = `${i}`.padEnd(SIZE, "区");
  // A real name padded to a length of its own: the same name, a different string each time.
  const padded = (name: string) => `${" ".repeat(i % 7)}${name}`.padEnd(SIZE - (i % (SIZE / 2)), " ");
  switch (i % 4) {
    case 0:
      return { insured: { region: junk, ...base }, treatment: { region: "上海", ...treatment }, visitor: "long_term", costs: { total: "30000" } };
    case 1:
      return { insured: { region: "苏州", ...base }, treatment: { region: junk, ...treatment }, visitor: "long_term", costs: { total: "30000" } };
    case 2:
      return { insured: { region: padded("苏州"), ...base }, treatment: { region: "上海", ...treatment }, visitor: "long_term", costs: { total: "30000" } };
    default:
      return { insured: { region: "苏州", ...base }, treatment: { region: padded("上海"), ...treatment }, visitor: "long_term", costs: { total: String(1000 + i) } };
  }
}

const statuses: Record<number, number> = {};
async function send(i: number): Promise<void> {
  const res = await server.inject({
    method: "POST",
    url: "/v1/estimate",
    // Every request from its own address: the per-address rate limit lets each through.
    remoteAddress: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    headers: { "content-type": "application/json" },
    payload: JSON.stringify(body(i)),
  });
  statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
}

// Warm up what is loaded once (the policy book, the schemas) before the baseline.
for (let i = 0; i < 200; i++) await send(REQUESTS + i);
const before = heap();
for (let i = 0; i < REQUESTS; i++) await send(i);
const after = heap();
await server.close();
process.stdout.write(JSON.stringify({ before, after, statuses }) + "\n");
