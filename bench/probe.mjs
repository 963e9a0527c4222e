// Loaded into the server process the load benchmarks start (`node --import bench/probe.mjs
// dist/src/web.js`, see bench/production.ts): the server itself is the production one, built
// and configured as `npm run web` runs it; this only watches it. On the parent's "reset" it
// starts counting, on "stop" it answers with what it counted:
//  - CPU time of the whole process and of its main thread (Linux tells a thread's own time);
//  - the heap: bytes allocated, bytes promoted to the old heap by young collections, the full
//    collections and their pauses (V8's record of every collection);
//  - the event loop: how late a timer fires, the stalls (turns over STALL_MS) and how much of
//    them the main thread spent waiting for a CPU other processes had, and the longest run of
//    the main thread between two turns in its own CPU time (a stall of the server's own);
//  - with BENCH_PROF set (a folder), a CPU profile of the measured part only;
//  - with BENCH_ALLOC set (a folder), a sampled profile of what the measured part allocated
//    (collected objects included: it shows where the young collections' work comes from).
// Plain JavaScript: the server process loads no TypeScript loader, as in production.
import { subscribe } from "node:diagnostics_channel";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { GCProfiler } from "node:v8";

/** A stall: the event loop turned after more than this (ms). */
const STALL_MS = 25;

/** Requests that reached the server so far. */
let arrivals = 0;
subscribe("http.server.request.start", () => {
  arrivals++;
});

/** The main thread's time on a CPU and waiting in the run queue for one (µs), where Linux tells it. */
function schedstat() {
  try {
    const [ran, waited] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, "utf8").split(" ");
    return { ran: Number(ran) / 1000, waited: Number(waited) / 1000 };
  } catch {
    return undefined;
  }
}

/** CPU time (µs) of each kind of thread of this process (by the name Linux shows), where Linux tells it. */
function threads() {
  const out = {};
  try {
    for (const tid of readdirSync("/proc/self/task")) {
      try {
        const name = tid === String(process.pid) ? "main" : readFileSync(`/proc/self/task/${tid}/comm`, "utf8").trim();
        const ran = Number(readFileSync(`/proc/self/task/${tid}/schedstat`, "utf8").split(" ")[0]) / 1000;
        out[`${name}#${tid}`] = ran;
      } catch {
        // The thread ended meanwhile.
      }
    }
  } catch {
    // Not Linux.
  }
  return out;
}

/** Per kind of thread, the CPU time between two `threads()` (µs); threads named alike are summed. */
function threadsSince(before) {
  const out = {};
  for (const [key, ran] of Object.entries(threads())) {
    const name = process.env.BENCH_THREADS ? key : key.replace(/#\d+$/, "").replace(/\d+$/, "");
    out[name] = (out[name] ?? 0) + ran - (before[key] ?? 0);
  }
  return out;
}

function watchStalls() {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const start = schedstat();
  let last = performance.now();
  let lastSched = start;
  let lastArrivals = arrivals;
  const r = { loopP99Ms: 0, loopMaxMs: 0, stalls: 0, stalledMs: 0, longestMs: 0, waitedInStallsMs: start ? 0 : undefined, longestRunMs: start ? 0 : undefined, longRuns: start ? 0 : undefined };
  const tick = setInterval(() => {
    const now = performance.now();
    const sched = schedstat();
    const gap = now - last;
    if (sched && lastSched && r.longestRunMs !== undefined) {
      const ran = (sched.ran - lastSched.ran) / 1000;
      const came = arrivals - lastArrivals;
      if (ran > r.longestRunMs) (r.longestRunMs = ran), (r.longestRunRequests = came);
      if (ran > STALL_MS) {
        r.longRuns++;
        r.longRunMs = (r.longRunMs ?? 0) + ran;
        r.longRunRequests = (r.longRunRequests ?? 0) + came;
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
  tick.unref();
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

/** Bytes outside the young generation (what a young collection promotes into). */
function oldBytes(s) {
  const young = s.heapSpaceStatistics.filter((x) => x.spaceName === "new_space" || x.spaceName === "new_large_object_space").reduce((a, x) => a + x.spaceUsedSize, 0);
  return s.heapStatistics.usedHeapSize - young;
}

function heapReport(entries, usedAtStart, usedNow) {
  const r = { allocated: 0, promoted: 0, young: 0, full: 0, fullPauseMs: 0, maxFullPauseMs: 0, youngPauseMs: 0, maxYoungPauseMs: 0 };
  let used = usedAtStart;
  for (const e of entries) {
    r.allocated += Math.max(0, e.beforeGC.heapStatistics.usedHeapSize - used);
    used = e.afterGC.heapStatistics.usedHeapSize;
    if (e.gcType === "Scavenge" || e.gcType === "MinorMarkSweep") {
      r.young++;
      r.youngPauseMs += e.cost / 1000;
      r.maxYoungPauseMs = Math.max(r.maxYoungPauseMs, e.cost / 1000);
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

if (process.send) {
  let cpu = process.cpuUsage();
  let main = schedstat();
  let usedAtStart = 0;
  let requests = 0;
  let threadsAt = {};
  let gc;
  let stalls;
  let profiler;
  let sampler;
  process.on("message", async (msg) => {
    if (msg?.cmd === "reset") {
      if (process.env.BENCH_PROF) {
        const { Session } = await import("node:inspector/promises");
        profiler = new Session();
        profiler.connect();
        await profiler.post("Profiler.enable");
        await profiler.post("Profiler.start");
      }
      if (process.env.BENCH_ALLOC) {
        const { Session } = await import("node:inspector/promises");
        sampler = new Session();
        sampler.connect();
        await sampler.post("HeapProfiler.enable");
        await sampler.post("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      }
      gc = new GCProfiler();
      gc.start();
      stalls = watchStalls();
      usedAtStart = process.memoryUsage().heapUsed;
      requests = arrivals;
      main = schedstat();
      threadsAt = threads();
      cpu = process.cpuUsage();
      process.send({ reset: true });
    }
    if (msg?.cmd === "stop") {
      const used = process.cpuUsage(cpu);
      const mainNow = schedstat();
      const byThread = threadsSince(threadsAt);
      const heap = heapReport(gc?.stop()?.statistics ?? [], usedAtStart, process.memoryUsage().heapUsed);
      const loop = stalls?.();
      if (profiler) {
        const { profile } = await profiler.post("Profiler.stop");
        mkdirSync(process.env.BENCH_PROF, { recursive: true });
        writeFileSync(join(process.env.BENCH_PROF, `server-${Date.now()}.cpuprofile`), JSON.stringify(profile));
      }
      if (sampler) {
        const { profile } = await sampler.post("HeapProfiler.stopSampling");
        mkdirSync(process.env.BENCH_ALLOC, { recursive: true });
        writeFileSync(join(process.env.BENCH_ALLOC, `server-${Date.now()}.heapprofile`), JSON.stringify(profile));
      }
      process.send({
        stopped: true,
        requests: arrivals - requests,
        cpuMicros: used.user + used.system,
        systemMicros: used.system,
        mainMicros: main && mainNow ? mainNow.ran - main.ran : undefined,
        heap,
        loop,
        threads: byThread,
      });
    }
  });
  // The parent's IPC channel must not keep a server that was told to stop from exiting.
  process.channel?.unref();
}
