/**
 * `npm run bench:wechat`: signed WeChat pushes over loopback HTTP to the 公众号 endpoint,
 * answered passively. The server is the production one, started as `npm run web` starts it
 * with the WeChat account configured by its environment variables (bench/production.ts: the
 * compiled build, the script's Node flags, SQLite, the default configuration, the web chat
 * beside it as in a deployment), pinned with all its threads (SQLite's checkpointer and V8's
 * background threads included) to one core where `taskset` exists, so that the figure is what
 * one core does; this process plays the platform with the stand-in's signing (its token API is
 * the server's WECHAT_API_ROOT), pinned to the other core when there is one, and sends whole
 * conversations from many people at once. Prints pushes per second, p50/p99 latency per push,
 * the server's CPU time per push (and per thread), its heap (bytes allocated and promoted per
 * push, the collections and their pauses) and its event loop (how late a timer fires, the
 * stalls and how much of them the main thread spent waiting for a CPU that other processes had:
 * a tail made by the machine, not by the server).
 *
 * Options (env): BENCH_USERS (conversations, default 1500), BENCH_CONCURRENCY (people at once,
 * default 32), BENCH_SECONDS (cap, default 30), BENCH_WARMUP (conversations that warm the server
 * up before anything is counted, default 2000: until then its compiler is still optimising what
 * it serves, and a deployment serves for days), BENCH_MODE (plain | safe, default plain),
 * BENCH_FLAGS (further Node flags for the server, to try one before it goes into the start
 * script; the report names them), BENCH_PROF (a folder: the server's CPU profile of the counted
 * part goes there), BENCH_RATE (pushes per second offered, e.g. 1000: pushes are sent on a fixed
 * schedule instead of as fast as the server answers, and each latency counts from the push's
 * scheduled time, so a server that falls behind shows it in the latency instead of hiding it;
 * without it the run is closed-loop at full load, where the latency is mostly the queue of
 * `BENCH_CONCURRENCY` people).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import type { Mode } from "../src/channels/wechat/testing/stand-in.ts";
import { WechatStandIn } from "../src/channels/wechat/testing/stand-in.ts";
import { startProduction } from "./production.ts";
import { serverReport } from "./timing.ts";

const TOKEN = "benchToken";
const APPID = "wx00112233445566ff";
const SECRET = "0123456789abcdef0123456789abcdef";
const AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

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
  const warmup = Number(process.env.BENCH_WARMUP ?? 2000);
  const dir = mkdtempSync(join(tmpdir(), "yidi-bench-wechat-"));
  // The platform first: its token API is where the server's WECHAT_API_ROOT points.
  const wx = await WechatStandIn.start({ token: TOKEN, appId: APPID, appSecret: SECRET, aesKey: AES_KEY, mode });
  const extraFlags = process.env.BENCH_FLAGS ? process.env.BENCH_FLAGS.split(" ") : [];
  const server = await startProduction({
    sqlitePath: join(dir, "wechat.sqlite"),
    env: { WECHAT_TOKEN: TOKEN, WECHAT_APPID: APPID, WECHAT_APPSECRET: SECRET, WECHAT_AES_KEY: AES_KEY, WECHAT_PATH: "/wechat", WECHAT_API_ROOT: wx.apiRoot },
    extraFlags,
  });
  wx.target = `http://127.0.0.1:${server.port}/wechat`;

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

  // Warm up (the compiler, the policy book, SQLite's pages), then count from a clean slate.
  await runAll(warmup, 1_000_000, false);
  await server.reset();
  const driverStart = process.cpuUsage();
  const elapsed = await runAll(users, 0, true);
  const driver = process.cpuUsage(driverStart);
  const counted = await server.counted();
  const exit = await server.stop();
  await wx.close();
  rmSync(dir, { recursive: true, force: true });

  latencies.sort((a, b) => a - b);
  const offered = rate === undefined ? "closed loop, as fast as answered" : `open loop, ${rate} pushes/s offered, latency from each push's scheduled time`;
  const where = `server ${server.pinned ? "pinned to one core" : "not pinned"}${server.clientPinned ? ", platform on another" : ""}`;
  const load = loadavg().map((x) => x.toFixed(2)).join(" ");
  console.log(`bench:wechat — ${mode} pushes, SQLite, ${concurrency} at once, ${offered}, ${where}, ${cpus().length} CPUs, node ${process.version}, server flags: ${server.flags.join(" ") || "none"}, warm-up ${warmup} conversations, load average ${load}`);
  console.log(`  pushes          ${pushes} (${completed} whole conversations of ${SCRIPT.length}), errors ${errors}`);
  console.log(`  throughput      ${(pushes / elapsed).toFixed(0)} pushes/s over ${elapsed.toFixed(1)} s`);
  console.log(`  latency         p50 ${percentile(latencies, 50).toFixed(1)} ms, p90 ${percentile(latencies, 90).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${(latencies.at(-1) ?? NaN).toFixed(1)} ms`);
  console.log(`  platform CPU    ${((driver.user + driver.system) / pushes).toFixed(0)} µs per push (this process: signing, sending, reading replies; ${server.clientPinned ? "on its own core" : "it shares the machine's cores with the server"})`);
  for (const line of serverReport(counted, pushes, "push")) console.log(`  ${line}`);
  if (exit !== 0) {
    console.error(`the server did not stop cleanly (exit code ${exit})`);
    errors++;
  }
  process.exitCode = errors > 0 ? 1 : 0;
}

await main();
