/**
 * `npm run bench:web`: simulated people use the web chat over loopback HTTP, with their session
 * cookies and form tokens, as the page's script does (a fetch POST per message). The server runs
 * in its own process, pinned to one core where `taskset` exists, with SQLite; this process plays
 * the people, pinned to another core when there is one, so that it never takes the server's.
 * Prints messages per second, p50/p99 latency per message, and the CPU time per message of the
 * server and of this client (a client near a whole core per message rate would be the limit, not
 * the server). Bounded in count and time.
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
 * BENCH_SECONDS (cap, default 30), BENCH_PROF (a folder: the server writes a CPU profile of the
 * measured messages there).
 */
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir, cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";

// ---------------------------------------------------------------- the server process

async function server(dir: string): Promise<void> {
  const { createLogger } = await import("../src/log.ts");
  const { SqliteStore } = await import("../src/store/index.ts");
  const { buildServer, listen } = await import("../src/channels/http.ts");
  const { webChat } = await import("../src/channels/web/routes.ts");
  const log = createLogger("warn");
  const store = new SqliteStore(join(dir, "web.sqlite"), 30 * 24 * 3600 * 1000);
  const app = await buildServer({ log, store, plugins: [webChat({ store, log })] });
  const port = await listen(app, 0);
  let cpu = process.cpuUsage();
  // The profile covers the measured messages only, not the start and the warm-up.
  const profiler = process.env.BENCH_PROF ? new (await import("node:inspector/promises")).Session() : undefined;
  profiler?.connect();
  process.send!({ port });
  process.on("message", async (msg: { cmd: string }) => {
    if (msg.cmd === "reset") {
      await profiler?.post("Profiler.enable");
      await profiler?.post("Profiler.start");
      cpu = process.cpuUsage();
      process.send!({ reset: true });
    }
    if (msg.cmd === "stop") {
      const used = process.cpuUsage(cpu);
      if (profiler) {
        const { profile } = await profiler.post("Profiler.stop");
        mkdirSync(process.env.BENCH_PROF!, { recursive: true });
        const file = join(process.env.BENCH_PROF!, `web-${Date.now()}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
      }
      process.send!({ cpuMicros: used.user + used.system, systemMicros: used.system }, () => process.exit(0));
    }
  });
}

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
  const dir = mkdtempSync(join(tmpdir(), "yidi-bench-web-"));
  let pinned = false;
  let clientPinned = false;
  try {
    execFileSync("taskset", ["-c", "0", "true"]);
    pinned = true;
    if (cpus().length > 1) {
      // Every thread of this process (-a) to the second core: the first is the server's.
      execFileSync("taskset", ["-a", "-p", "-c", "1", String(process.pid)], { stdio: "ignore" });
      clientPinned = true;
    }
  } catch {
    // No taskset: the server process is not pinned (Node runs JavaScript on one thread anyway).
  }
  const self = fileURLToPath(import.meta.url);
  const args = ["--import", "tsx", self, "server", dir];
  const child = pinned ? spawn("taskset", ["-c", "0", process.execPath, ...args], { stdio: ["ignore", "inherit", "inherit", "ipc"] }) : spawn(process.execPath, args, { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const port = await new Promise<number>((resolve) => child.once("message", (m: any) => resolve(m.port)));

  // Warm up (the first estimates load the policy data), then count from a clean slate.
  // Each person's posts (their cookie, their token, the script's fields) are made here, once:
  // the bytes sent are the same, and the client's own work stays small beside the server's.
  const people: { headers: Record<string, string>; bodies: string[] }[] = [];
  for (let i = 0; i < users; i++) {
    const page = await call(port, "GET", "/", {});
    const cookie = String((page.headers["set-cookie"] as string[])[0]).split(";")[0]!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)![1]!;
    people.push({
      headers: { cookie, accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      bodies: SCRIPT.map((fields) => new URLSearchParams({ csrf, ...fields }).toString()),
    });
  }
  const say = (p: (typeof people)[number], step: number) => call(port, "POST", "/chat", p.headers, p.bodies[step]);
  for (let step = 0; step < SCRIPT.length; step++) await say(people[0]!, step);
  child.send({ cmd: "reset" });
  await new Promise((r) => child.once("message", r));

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
  let next = 1;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < people.length && Date.now() < deadline) {
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
  child.send({ cmd: "stop" });
  const { cpuMicros, systemMicros } = await new Promise<{ cpuMicros: number; systemMicros: number }>((resolve) => child.on("message", (m: any) => m.cpuMicros !== undefined && resolve(m)));
  rmSync(dir, { recursive: true, force: true });
  agent.destroy();

  const n = latencies.length;
  const load = rate === undefined ? `closed loop, ${concurrency} at once` : `open loop, ${rate} msg/s offered (latency from each message's scheduled time), up to ${concurrency} at once`;
  console.log(`bench:web — ${n} messages from ${Math.ceil(n / SCRIPT.length)} people (${SCRIPT.length} messages each), ${load}, SQLite, server ${pinned ? "pinned to one core" : "not pinned"}${clientPinned ? ", client on another" : ""}, ${cpus().length} CPUs, node ${process.version}, load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  console.log(
    `  ${(n / wall).toFixed(0)} msg/s${rate === undefined ? "" : ` (${late} sent late)`}  p50 ${percentile(latencies, 50).toFixed(1)} ms  p99 ${percentile(latencies, 99).toFixed(1)} ms  ` +
      `server CPU ${(cpuMicros / 1000 / n).toFixed(3)} ms/message (${(systemMicros / 1000 / n).toFixed(3)} in the kernel; ${(n / (cpuMicros / 1e6)).toFixed(0)} msg per CPU-second)  ` +
      `client CPU ${((clientUsed.user + clientUsed.system) / 1000 / n).toFixed(3)} ms/message  failures ${failures}`,
  );
  if (failures > 0) process.exitCode = 1;
}

if (process.argv[2] === "server") await server(process.argv[3]!);
else await main();
