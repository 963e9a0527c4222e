/**
 * `npm run bench:wechat`: signed WeChat pushes over loopback HTTP to the 公众号 endpoint (the HTTP
 * server as the service builds it, with the WeChat routes, and SQLite), answered passively. The server runs in its own process, pinned
 * with all its threads (SQLite's checkpointer and V8's background collector included) to one
 * core where `taskset` exists, so that the figure is what one core does; this process plays the
 * platform with the stand-in's signing, pinned to the other core when there is one, and sends
 * whole conversations from many people at once. Prints pushes per second, p50/p99 latency per
 * push, the server's CPU time per push, and its heap: bytes allocated per push, bytes that
 * outlived a young collection (promoted to the old heap) per push, and the full collections
 * with their pauses; and its event loop: how late a timer fires, and the stalls (turns of the loop
 * over 25 ms) with how much of them the main thread spent waiting for a CPU that other processes
 * had. That tells a tail made by the machine (a loaded shared machine) from one made by the server.
 *
 * Options (env): BENCH_USERS (conversations, default 1500), BENCH_CONCURRENCY (people at once,
 * default 32), BENCH_SECONDS (cap, default 30), BENCH_MODE (plain | safe, default plain),
 * BENCH_FLAGS (Node flags for the server process, e.g. "--max-semi-space-size=64" to try a larger
 * young generation: on a loaded 2-core machine it promoted 1.1 KB per push instead of 1.6 with
 * half the young collections), BENCH_PROF (a folder: the server's CPU profile goes there),
 * BENCH_RATE (pushes per second offered, e.g. 1000: pushes are sent on a fixed schedule instead of
 * as fast as the server answers, and each latency counts from the push's scheduled time, so a
 * server that falls behind shows it in the latency instead of hiding it; without it the run is
 * closed-loop at full load, where the latency is mostly the queue of `BENCH_CONCURRENCY` people).
 */
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { GCProfiler } from "node:v8";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Mode } from "../src/channels/wechat/testing/stand-in.ts";

const TOKEN = "benchToken";
const APPID = "wx00112233445566ff";
const SECRET = "0123456789abcdef0123456789abcdef";
const AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

// ---------------------------------------------------------------- worker (the server process)

/**
 * CPU time of the main thread (µs) where Linux tells it per thread: the process's total also
 * holds the SQLite checkpointer's thread and V8's background GC, which run on another core.
 */
function mainThreadMicros(): number | undefined {
  return schedstat()?.ran;
}

/** The main thread's time on a CPU and waiting in the run queue for one (µs), where Linux tells it. */
function schedstat(): { ran: number; waited: number } | undefined {
  try {
    const [ran, waited] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ");
    return { ran: Number(ran) / 1000, waited: Number(waited) / 1000 };
  } catch {
    return undefined;
  }
}

/** A stall: the event loop turned after more than this (ms). Closed-loop batches stay under it. */
const STALL_MS = 25;
export type StallReport = { loopP99Ms: number; loopMaxMs: number; stalls: number; stalledMs: number; longestMs: number; waitedMs?: number; waitedInStallsMs?: number; longestRunMs?: number; longRuns?: number; longestRunPushes?: number; longRunMs?: number; longRunPushes?: number };

/**
 * Watches the server's event loop while the pushes run: how late a timer fires (the delay every
 * push waiting in the queue sees too), and the stalls, turns of the loop longer than STALL_MS.
 * For each stall it tells how much of it the main thread spent waiting for a CPU (other
 * processes had the cores) rather than running (a long task of its own, a collection): the
 * first is the machine, the second the server. And the longest the main thread ran between two
 * turns, counted in its own CPU time: the server's own stalls, whatever else the machine runs.
 */
/** Pushes that reached the server's routing so far (counted by an onRequest hook). */
let arrivals = 0;

function watchStalls(): () => StallReport {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const start = schedstat();
  let last = performance.now();
  let lastSched = start;
  let lastArrivals = arrivals;
  const r: StallReport = { loopP99Ms: 0, loopMaxMs: 0, stalls: 0, stalledMs: 0, longestMs: 0, waitedInStallsMs: start ? 0 : undefined, longestRunMs: start ? 0 : undefined, longRuns: start ? 0 : undefined };
  const tick = setInterval(() => {
    const now = performance.now();
    const sched = schedstat();
    const gap = now - last;
    if (sched && lastSched && r.longestRunMs !== undefined) {
      const ran = (sched.ran - lastSched.ran) / 1000;
      // The pushes taken in during the run: a run that is a batch of them (every push
      // waiting when the loop turned, each served in turn) costs about what they cost anywhere
      // else; a run with a long step of its own costs more per push than the rest.
      const came = arrivals - lastArrivals;
      if (ran > r.longestRunMs) (r.longestRunMs = ran), (r.longestRunPushes = came);
      if (ran > STALL_MS) {
        r.longRuns!++;
        r.longRunMs = (r.longRunMs ?? 0) + ran;
        r.longRunPushes = (r.longRunPushes ?? 0) + came;
      }
    }
    lastArrivals = arrivals;
    if (gap > STALL_MS) {
      r.stalls++;
      r.stalledMs += gap;
      r.longestMs = Math.max(r.longestMs, gap);
      if (sched && lastSched && r.waitedInStallsMs !== undefined) r.waitedInStallsMs += (sched.waited - lastSched.waited) / 1000;
    }
    last = now;
    lastSched = sched;
  }, 5);
  return () => {
    clearInterval(tick);
    delay.disable();
    const end = schedstat();
    r.loopP99Ms = delay.percentile(99) / 1e6;
    r.loopMaxMs = delay.max / 1e6;
    if (start && end) r.waitedMs = (end.waited - start.waited) / 1000;
    return r;
  };
}

type HeapStats = { usedHeapSize: number };
type SpaceStats = { spaceName: string; spaceUsedSize: number };
type GcEntry = { gcType: string; cost: number; beforeGC: { heapStatistics: HeapStats; heapSpaceStatistics: SpaceStats[] }; afterGC: { heapStatistics: HeapStats; heapSpaceStatistics: SpaceStats[] } };
export type HeapReport = { allocated: number; promoted: number; young: number; full: number; fullPauseMs: number; maxFullPauseMs: number };

/** Bytes outside the young generation (what a young collection promotes into). */
function oldBytes(s: { heapStatistics: HeapStats; heapSpaceStatistics: SpaceStats[] }): number {
  const young = s.heapSpaceStatistics.filter((x) => x.spaceName === "new_space" || x.spaceName === "new_large_object_space").reduce((a, x) => a + x.spaceUsedSize, 0);
  return s.heapStatistics.usedHeapSize - young;
}

/** Allocation and collections between `start` and now, from V8's record of every collection. */
function heapReport(entries: GcEntry[], usedAtStart: number, usedNow: number): HeapReport {
  const r: HeapReport = { allocated: 0, promoted: 0, young: 0, full: 0, fullPauseMs: 0, maxFullPauseMs: 0 };
  let used = usedAtStart;
  for (const e of entries) {
    r.allocated += Math.max(0, e.beforeGC.heapStatistics.usedHeapSize - used);
    used = e.afterGC.heapStatistics.usedHeapSize;
    if (e.gcType === "Scavenge" || e.gcType === "MinorMarkSweep") {
      r.young++;
      r.promoted += Math.max(0, oldBytes(e.afterGC) - oldBytes(e.beforeGC));
    } else if (e.gcType === "MarkSweepCompact") {
      r.full++;
      r.fullPauseMs += e.cost / 1000;
      r.maxFullPauseMs = Math.max(r.maxFullPauseMs, e.cost / 1000);
    }
  }
  r.allocated += Math.max(0, usedNow - used);
  return r;
}

async function worker(sqlitePath: string): Promise<void> {
  const { default: fp } = await import("fastify-plugin");
  const { createLogger } = await import("../src/log.ts");
  const { openStore } = await import("../src/store/index.ts");
  const { buildServer, listen } = await import("../src/channels/http.ts");
  const { wechatRoutes } = await import("../src/channels/wechat/index.ts");
  const log = createLogger("warn");
  const store = await openStore({ kind: "sqlite", path: sqlitePath });
  const config = { token: TOKEN, appId: APPID, appSecret: SECRET, aesKey: AES_KEY, path: "/wechat", apiRoot: "http://127.0.0.1:9" };
  // The server as `npm run web` and `npm run bot` build it (limits, security headers, error
  // handling), with the WeChat routes mounted; and a count of the pushes it takes in.
  const counting = fp(async (app) => {
    app.addHook("onRequest", (_request, _reply, done) => {
      arrivals++;
      done();
    });
  });
  const app = await buildServer({ log, store, plugins: [counting, ...wechatRoutes(config, { store, log })] });
  const port = await listen(app, 0);
  const cpuStart = process.cpuUsage();
  let mainStart = mainThreadMicros();
  const gc = new GCProfiler();
  let usedAtStart = 0;
  let stallReport: (() => StallReport) | undefined;
  process.send!({ port });
  process.on("message", (msg: { cmd: string }) => {
    if (msg.cmd === "reset") {
      Object.assign(cpuStart, process.cpuUsage());
      mainStart = mainThreadMicros();
      usedAtStart = process.memoryUsage().heapUsed;
      gc.start();
      stallReport = watchStalls();
      process.send!({ reset: true });
    }
    if (msg.cmd === "stop") {
      const used = process.cpuUsage(cpuStart);
      const main = mainThreadMicros();
      const heap = heapReport((gc.stop()?.statistics ?? []) as GcEntry[], usedAtStart, process.memoryUsage().heapUsed);
      const stalls = stallReport?.();
      void app.close().then(() => store.close());
      const mainMicros = main !== undefined && mainStart !== undefined ? main - mainStart : undefined;
      process.send!({ cpuMicros: used.user + used.system, systemMicros: used.system, mainMicros, heap, stalls }, () => process.exit(0));
    }
  });
}

// ---------------------------------------------------------------- driver (the platform)

/**
 * The server's process, every thread of it (-a), to the first core, and this one to the second:
 * the goal is what one core does, and the platform's signing must not take the server's core.
 * Threads started later inherit their creator's core. Without `taskset` nothing is pinned.
 */
function pin(serverPid: number): { server: boolean; platform: boolean } {
  try {
    execFileSync("taskset", ["-a", "-p", "-c", "0", String(serverPid)], { stdio: "ignore" });
  } catch {
    return { server: false, platform: false };
  }
  if (cpus().length < 2) return { server: true, platform: false };
  try {
    execFileSync("taskset", ["-a", "-p", "-c", "1", String(process.pid)], { stdio: "ignore" });
    return { server: true, platform: true };
  } catch {
    return { server: true, platform: false };
  }
}

/** One estimate conversation as a person types it: 10 pushes, every one answered passively. */
const SCRIPT = ["你好", "3", "苏州", "1", "上海", "1", "1", "4", "1", "3万"];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const users = Number(process.env.BENCH_USERS ?? 1500);
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 32);
  const seconds = Number(process.env.BENCH_SECONDS ?? 30);
  const mode = (process.env.BENCH_MODE ?? "plain") as Mode;
  const dir = mkdtempSync(join(tmpdir(), "yidi-bench-wechat-"));
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ["worker", join(dir, "wechat.sqlite")], {
    execArgv: ["--import", "tsx", ...(process.env.BENCH_FLAGS ? process.env.BENCH_FLAGS.split(" ") : []), ...(process.env.BENCH_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROF}`] : [])],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m: any) => resolve(m.port));
    child.once("exit", (code) => reject(new Error(`bench worker exited with ${code}`)));
  });
  const { server: pinned, platform: platformPinned } = pin(child.pid!);
  const { WechatStandIn } = await import("../src/channels/wechat/testing/stand-in.ts");
  const wx = await WechatStandIn.start({ token: TOKEN, appId: APPID, appSecret: SECRET, aesKey: AES_KEY, mode, target: `http://127.0.0.1:${port}/wechat` });

  const latencies: number[] = [];
  let errors = 0;
  let pushes = 0;
  let completed = 0;
  let deadline = 0;
  const rate = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : undefined;
  if (rate !== undefined && !(rate > 0)) throw new Error("BENCH_RATE: pushes per second, a positive number");
  let scheduleStart = 0;
  let scheduled = 0;
  /** The time this push is due under BENCH_RATE (waited for), or now without it. */
  async function due(): Promise<number> {
    if (rate === undefined) return performance.now();
    const at = scheduleStart + (scheduled++ * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    return at;
  }

  async function person(n: number, measure: boolean): Promise<void> {
    const from = `oBench${String(n).padStart(8, "0")}`;
    for (const content of SCRIPT) {
      if (performance.now() > deadline) return;
      const { url, body } = wx.signedPush({ from, type: "text", content, msgId: wx.nextMsgId() }, Math.floor(Date.now() / 1000));
      const started = await due();
      const a = await wx.post(url, body, 10_000);
      const ms = performance.now() - started;
      // A passive reply is XML with content; `success` would mean the turn missed its time.
      if (a.status !== 200 || !a.body?.startsWith("<xml>")) errors++;
      if (measure) {
        latencies.push(ms);
        pushes++;
      }
    }
    if (measure) completed++;
  }

  async function runAll(count: number, offset: number, measure: boolean): Promise<number> {
    let next = 0;
    const started = performance.now();
    deadline = started + seconds * 1000;
    scheduleStart = started;
    scheduled = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count && performance.now() < deadline) await person(offset + next++, measure);
      }),
    );
    return (performance.now() - started) / 1000;
  }

  // Warm up (JIT, policy book, SQLite pages), then measure from a fresh CPU count.
  await runAll(Math.min(100, users), 1_000_000, false);
  await new Promise<void>((r) => {
    child.once("message", () => r());
    child.send({ cmd: "reset" });
  });
  const driverStart = process.cpuUsage();
  const elapsed = await runAll(users, 0, true);
  const driver = process.cpuUsage(driverStart);
  const { cpuMicros, systemMicros, mainMicros, heap, stalls } = await new Promise<{ cpuMicros: number; systemMicros: number; mainMicros?: number; heap: HeapReport; stalls: StallReport }>((r) => {
    child.once("message", (m: any) => r(m));
    child.send({ cmd: "stop" });
  });
  await wx.close();
  rmSync(dir, { recursive: true, force: true });

  latencies.sort((a, b) => a - b);
  const offered = rate === undefined ? "closed loop, as fast as answered" : `open loop, ${rate} pushes/s offered, latency from each push's scheduled time`;
  const where = `server ${pinned ? "pinned to one core" : "not pinned"}${platformPinned ? ", platform on another" : ""}`;
  const load = loadavg().map((x) => x.toFixed(2)).join(" ");
  console.log(`bench:wechat — ${mode} pushes, SQLite, ${concurrency} at once, ${offered}, ${where}, ${cpus().length} CPUs, node ${process.version}, load average ${load}`);
  console.log(`  pushes          ${pushes} (${completed} whole conversations of ${SCRIPT.length}), errors ${errors}`);
  console.log(`  throughput      ${(pushes / elapsed).toFixed(0)} pushes/s over ${elapsed.toFixed(1)} s`);
  console.log(`  latency         p50 ${percentile(latencies, 50).toFixed(1)} ms, p90 ${percentile(latencies, 90).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${(latencies.at(-1) ?? NaN).toFixed(1)} ms`);
  const onMain = mainMicros !== undefined ? `; main thread ${(mainMicros / pushes).toFixed(0)} µs` : "";
  console.log(`  server CPU      ${(cpuMicros / pushes).toFixed(0)} µs per push (whole process, ${(systemMicros / pushes).toFixed(0)} of it in the kernel${onMain})`);
  console.log(`  platform CPU    ${((driver.user + driver.system) / pushes).toFixed(0)} µs per push (this process: signing, sending, reading replies; ${platformPinned ? "on its own core" : "it shares the machine's cores with the server"})`);
  const kb = (bytes: number) => (bytes / pushes / 1024).toFixed(1);
  console.log(`  server heap     ${kb(heap.allocated)} KB allocated per push, ${kb(heap.promoted)} KB of it promoted to the old heap; ${heap.young} young and ${heap.full} full collections (full: ${heap.fullPauseMs.toFixed(0)} ms in all, longest ${heap.maxFullPauseMs.toFixed(1)} ms)`);
  const waited = (ms: number | undefined) => (ms === undefined ? "" : `; main thread waited for a CPU ${ms.toFixed(0)} ms`);
  console.log(`  server loop     timer delay p99 ${stalls.loopP99Ms.toFixed(1)} ms, max ${stalls.loopMaxMs.toFixed(1)} ms${waited(stalls.waitedMs)} in all`);
  const inStalls = stalls.waitedInStallsMs === undefined || stalls.stalls === 0 ? "" : `, ${stalls.waitedInStallsMs.toFixed(0)} ms of it waiting for a CPU`;
  console.log(`  server stalls   ${stalls.stalls} turns of the loop over ${STALL_MS} ms (${stalls.stalledMs.toFixed(0)} ms in all${inStalls}; longest ${stalls.longestMs.toFixed(1)} ms)`);
  if (stalls.longestRunMs !== undefined) {
    const perPush = (ms: number, n: number) => (n > 0 ? `${((ms * 1000) / n).toFixed(0)} µs of it per push` : "no push in it");
    const longest = `longest run of the main thread between two turns ${stalls.longestRunMs.toFixed(1)} ms of CPU, with ${stalls.longestRunPushes ?? 0} pushes taken in during it`;
    const runs = stalls.longRuns ? ` (${perPush(stalls.longRunMs ?? 0, stalls.longRunPushes ?? 0)}, against ${mainMicros !== undefined ? (mainMicros / pushes).toFixed(0) : "?"} µs in the whole run)` : "";
    console.log(`  server's own    ${longest}; ${stalls.longRuns} over ${STALL_MS} ms${runs}`);
  }
  process.exitCode = errors > 0 ? 1 : 0;
}

if (process.argv[2] === "worker") await worker(process.argv[3]!);
else await main();
