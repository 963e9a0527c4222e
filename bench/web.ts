/**
 * `npm run bench:web`: simulated people use the web chat over loopback HTTP, with their session
 * cookies and form tokens, as the page's script does (a fetch POST per message). The server is
 * the production one, started as `npm run web` starts it (bench/production.ts: the compiled
 * build, the script's Node flags, SQLite, the default configuration), pinned to one core where
 * `taskset` exists; this process plays the people, pinned to another core when there is one, so
 * that it never takes the server's.
 * Prints messages per second, p50/p99 latency per message, the CPU time per message of the
 * server (and of its main thread) and of this client (a client near a whole core per message
 * rate would be the limit, not the server), and the server's heap and event loop.
 * Bounded in count and time.
 *
 * Two ways to load it:
 * - closed loop (the default): BENCH_CONCURRENCY people each send their next message as soon as
 *   the last is answered. This finds the most the server can take; the latency is then mostly
 *   the queue of people waiting on a full server.
 * - open loop (BENCH_RATE=1000): messages are offered at that fixed rate, each at its own time
 *   on a schedule, by whichever person is free (each person's messages still go one after
 *   another), and each latency counts from the message's scheduled time: a server that falls
 *   behind shows it in the latency instead of slowing the offered load. This is the latency a
 *   person sees at that load.
 *
 * Options (env): BENCH_RATE (messages per second offered: open loop), BENCH_USERS (people;
 * default 600, or 10 s of the offered rate), BENCH_CONCURRENCY (people at once; default 32, or
 * 256 under BENCH_RATE so that people waiting on answers do not hold the schedule back),
 * BENCH_SECONDS (cap, default 30), BENCH_WARMUP (people whose visits warm the server up before
 * anything is counted, default 3000), BENCH_PROF (a folder: the server writes a CPU profile of the
 * measured messages there), BENCH_ALLOC (a folder: a sampled profile of what they allocated),
 * BENCH_FLAGS (further Node flags for the server, to try one before it goes into the start
 * script; the report names them).
 */
import { Agent, request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, cpus, loadavg } from "node:os";
import { join } from "node:path";
import { startProduction } from "./production.ts";
import { serverReport } from "./timing.ts";

// ---------------------------------------------------------------- the people

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function call(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, agent, headers: { ...headers, ...(body ? { "content-length": Buffer.byteLength(body) } : {}) } }, (res) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (data += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** One person's visit: the page, then a whole estimate with a change and a correction. */
const SCRIPT: Record<string, string>[] = [
  { text: "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少" },
  { choice: "chg" },
  { choice: "c:level" },
  { choice: "v:level:2" },
  { text: "那如果花5万呢" },
  { text: "谢谢" },
];

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

async function main(): Promise<void> {
  const rate = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : undefined;
  if (rate !== undefined && !(rate > 0)) throw new Error("BENCH_RATE: messages per second, a positive number");
  const users = Number(process.env.BENCH_USERS ?? (rate ? Math.ceil((rate * 10) / SCRIPT.length) : 600));
  const concurrency = Number(process.env.BENCH_CONCURRENCY ?? (rate ? 256 : 32));
  const seconds = Number(process.env.BENCH_SECONDS ?? 30);
  const warmup = Number(process.env.BENCH_WARMUP ?? 3000);
  const dir = mkdtempSync(join(tmpdir(), "yidi-bench-web-"));
  const extraFlags = process.env.BENCH_FLAGS ? process.env.BENCH_FLAGS.split(" ") : [];
  const server = await startProduction({ sqlitePath: join(dir, "web.sqlite"), extraFlags });
  const port = server.port;

  // Warm up (the first estimates load the policy data), then count from a clean slate.
  // Each person's posts (their cookie, their token, the script's fields) are made here, once:
  // the bytes sent are the same, and the client's own work stays small beside the server's.
  const people: { headers: Record<string, string>; bodies: string[] }[] = [];
  for (let i = 0; i < users + warmup; i++) {
    const page = await call(port, "GET", "/", {});
    const cookie = String((page.headers["set-cookie"] as string[])[0]).split(";")[0]!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)![1]!;
    people.push({
      headers: { cookie, accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      bodies: SCRIPT.map((fields) => new URLSearchParams({ csrf, ...fields }).toString()),
    });
  }
  const say = (p: (typeof people)[number], step: number) => call(port, "POST", "/chat", p.headers, p.bodies[step]);
  // Warm-up: whole visits of other people, as many at once, until the server's compiler has
  // optimised what it serves (a deployment serves for days: its first minute is not its rate).
  let warm = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (warm < warmup) {
        const p = people[users + warm++]!;
        for (let step = 0; step < SCRIPT.length; step++) await say(p, step);
      }
    }),
  );
  await server.reset();

  const latencies: number[] = [];
  let failures = 0;
  let late = 0;
  const deadline = Date.now() + seconds * 1000;
  const clientCpu = process.cpuUsage();
  const started = performance.now();
  let slot = 0;
  /** When this message is due: now (closed loop), or its slot on the schedule, waited for (open loop). */
  const due = async (): Promise<number> => {
    if (rate === undefined) return performance.now();
    const at = started + (slot++ * 1000) / rate;
    const wait = at - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    // Sent more than a millisecond after its time: no person was free (they all waited on answers).
    else if (wait < -1) late++;
    return at;
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < users && Date.now() < deadline) {
        const p = people[next++]!;
        for (let step = 0; step < SCRIPT.length; step++) {
          const t = await due();
          const res = await say(p, step);
          latencies.push(performance.now() - t);
          if (res.status !== 200) failures++;
        }
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const clientUsed = process.cpuUsage(clientCpu);
  const counted = await server.counted();
  const exit = await server.stop();
  rmSync(dir, { recursive: true, force: true });
  agent.destroy();

  const n = latencies.length;
  const load = rate === undefined ? `closed loop, ${concurrency} at once` : `open loop, ${rate} msg/s offered (latency from each message's scheduled time), up to ${concurrency} at once`;
  const where = `server ${server.pinned ? "pinned to one core" : "not pinned"}${server.clientPinned ? ", client on another" : ""}`;
  console.log(`bench:web — ${n} messages from ${Math.ceil(n / SCRIPT.length)} people (${SCRIPT.length} messages each), ${load}, SQLite, ${where}, ${cpus().length} CPUs, node ${process.version}, server flags: ${server.flags.join(" ") || "none"}, load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  console.log(`  ${(n / wall).toFixed(0)} msg/s${rate === undefined ? "" : ` (${late} sent late)`}  p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  max ${percentile(latencies, 100).toFixed(1)} ms  failures ${failures}`);
  console.log(`  client CPU ${((clientUsed.user + clientUsed.system) / 1000 / n).toFixed(3)} ms/message`);
  for (const line of serverReport(counted, n, "message")) console.log(`  ${line}`);
  if (exit !== 0) console.error(`the server did not stop cleanly (exit code ${exit})`);
  if (failures > 0 || exit !== 0) process.exitCode = 1;
}

await main();
