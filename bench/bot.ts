/**
 * `npm run bench:bot`: simulated users send whole conversations to the webhook over loopback,
 * against the real bot (SQLite, then Redis) and against a bare grammY echo bot with the same
 * session store and the same Bot API transport. The bot runs in its own process (as in production); this process plays the
 * users and the Bot API. Prints messages per second, p50/p99 latency per update and the bot
 * process's CPU time per update, and the ratio to the echo bot. Bounded in count and time.
 *
 * Options (env): BENCH_USERS (conversations per run, default 800), BENCH_CONCURRENCY (users at
 * once, a comma-separated list, default "16,32"; Telegram opens up to 40 webhook connections by
 * default), BENCH_SECONDS (cap per run, default 30).
 */
import { fork, type ChildProcess } from "node:child_process";
import { Agent, request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

type Kind = "yidi" | "echo";
type StoreKind = "sqlite" | "redis";
const SECRET = "bench-secret";
const TOKEN = "123456:BENCH";

// ---------------------------------------------------------------- worker (the bot process)

async function worker(kind: Kind, storeKind: StoreKind, target: string, apiRoot: string): Promise<void> {
  const { createLogger } = await import("../src/log.ts");
  const { openStore } = await import("../src/store/index.ts");
  const { buildServer, listen } = await import("../src/channels/http.ts");
  const { BOT_INFO } = await import("../src/channels/telegram/testing/stand-in.ts");
  const log = createLogger("warn");
  const store = await openStore(storeKind === "sqlite" ? { kind: "sqlite", path: target } : { kind: "redis", url: target });
  let server;
  let port: number;
  if (kind === "yidi") {
    const { startApp } = await import("../src/channels/telegram/app.ts");
    const app = await startApp({
      config: {
        botToken: TOKEN,
        port: 0,
        host: "127.0.0.1",
        store: { kind: "memory", ttlMs: 0 },
        webhook: { url: "https://bench.invalid/hook", path: "/hook", secret: SECRET },
        apiRoot,
        rateLimit: { limit: 20, windowMs: 10_000 },
        logLevel: "warn",
      },
      log,
      store,
      botInfo: BOT_INFO,
      setWebhook: false,
      publishCommands: false,
    });
    port = app.port;
  } else {
    // The baseline: grammY, the same store as a session storage (with the same compare-and-set), echo.
    const { Bot, session } = await import("grammy");
    const versions = new Map<string, number | null>();
    // The same Bot API transport as the real bot, so that the ratio measures our work, not the client.
    const { botApiFetch } = await import("../src/channels/telegram/transport.ts");
    const bot = new Bot<any>(TOKEN, { client: { apiRoot, fetch: botApiFetch as unknown as typeof fetch }, botInfo: BOT_INFO });
    bot.use(
      session({
        initial: () => ({ n: 0 }),
        getSessionKey: (ctx) => ctx.chat?.id.toString(),
        storage: {
          read: async (key: string) => {
            const e = await store.get(key);
            versions.set(key, e?.version ?? null);
            return e ? JSON.parse(e.value) : undefined;
          },
          write: async (key: string, value: unknown) => {
            await store.set(key, JSON.stringify(value), versions.get(key) ?? null);
          },
          delete: async (key: string) => store.delete(key),
        },
      }),
    );
    bot.on("message:text", async (ctx) => {
      ctx.session.n++;
      await ctx.reply(ctx.message.text);
    });
    bot.on("callback_query:data", async (ctx) => {
      ctx.session.n++;
      await ctx.answerCallbackQuery();
      await ctx.reply(ctx.callbackQuery.data);
    });
    await bot.init();
    server = await buildServer({ log, store, webhook: { path: "/hook", secret: SECRET, bot } });
    port = await listen(server, 0);
  }
  let start = process.resourceUsage();
  process.send!({ port });
  process.on("message", (msg: { cmd: string }) => {
    if (msg.cmd === "reset") {
      start = process.resourceUsage();
      process.send!({ reset: true });
    }
    if (msg.cmd === "stop") {
      const end = process.resourceUsage();
      const usage: WorkerUsage = {
        cpuMicros: end.userCPUTime + end.systemCPUTime - start.userCPUTime - start.systemCPUTime,
        systemMicros: end.systemCPUTime - start.systemCPUTime,
        // Every wait for I/O (a socket with nothing to read, a file lock) is a voluntary switch;
        // each costs a trip through the kernel and the scheduler.
        switches: end.voluntaryContextSwitches - start.voluntaryContextSwitches + end.involuntaryContextSwitches - start.involuntaryContextSwitches,
      };
      process.send!(usage, () => process.exit(0));
    }
  });
}

/** What the bot process used over the measured run (all its threads). */
interface WorkerUsage {
  cpuMicros: number;
  systemMicros: number;
  switches: number;
}

// ---------------------------------------------------------------- driver (users + Bot API)

type Step = { text: string } | { press: number };
/** One whole estimate conversation, as a person would have it: 12 updates. */
const SCRIPT: Step[] = [
  { text: "/start" },
  { press: 2 }, // 估算能报多少
  { text: "苏州" },
  { press: 0 }, // 职工医保
  { text: "上海" },
  { press: 0 }, // 住院
  { press: 2 }, // 三级
  { press: 3 }, // 其他临时外出
  { press: 0 }, // 在职
  { text: "3万" },
  { press: 0 }, // 乙类不知道
  { press: 0 }, // 目录外不知道 → estimate
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface RunResult {
  label: string;
  messages: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  cpuMicrosPerUpdate: number;
  /** The part of it spent in the kernel (system calls), and the bot process's context switches per update. */
  systemMicrosPerUpdate: number;
  switchesPerUpdate: number;
  /** This process (users + Bot API stand-in), to see whether the harness or the bot is the limit. */
  harnessCpuMicrosPerUpdate: number;
  apiCallsPerUpdate: number;
  errors: number;
  completed: number;
}

async function run(kind: Kind, storeKind: StoreKind, target: string, opts: { users: number; concurrency: number; seconds: number }): Promise<RunResult> {
  const { FakeTelegram } = await import("../src/channels/telegram/testing/stand-in.ts");
  const tg = await new FakeTelegram(TOKEN).start();
  tg.keepCalls = false;
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ["worker", kind, storeKind, target, tg.apiRoot], {
    execArgv: [
      "--import",
      "tsx",
      ...(process.env.BENCH_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []),
      ...(process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean),
    ],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m: any) => resolve(m.port));
    child.once("exit", (code) => reject(new Error(`bench worker exited with ${code}`)));
  });
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  let updateId = 1;
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        { host: "127.0.0.1", port, path: "/hook", method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "x-telegram-bot-api-secret-token": SECRET } },
        (res) => {
          res.resume();
          res.once("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.once("error", reject);
      req.end(body);
    });

  const latencies: number[] = [];
  let errors = 0;
  let completed = 0;
  let messages = 0;
  // The cap applies to the warm-up and again, afresh, to the measured run: on a busy machine the
  // warm-up alone can take longer than the cap, which would leave nothing measured.
  let deadline = performance.now() + opts.seconds * 1000;

  async function user(chatId: number, measure: boolean): Promise<void> {
    const from = { id: chatId, is_bot: false, first_name: "用户" };
    const chat = { id: chatId, type: "private", first_name: "用户" };
    for (const step of SCRIPT) {
      if (performance.now() > deadline) return;
      let update: object;
      if ("text" in step) {
        update = { update_id: updateId++, message: { message_id: updateId, date: 0, chat, from, text: step.text } };
      } else {
        const kb = tg.lastKeyboard.get(chatId);
        const buttons = kb?.markup.inline_keyboard.flat() ?? [];
        const data = kind === "echo" ? "x" : buttons[step.press]?.callback_data;
        if (!data) {
          errors++;
          return;
        }
        update = { update_id: updateId++, callback_query: { id: String(updateId), from, chat_instance: "b", data, message: { message_id: kb?.messageId ?? 1, date: 0, chat, text: "q" } } };
      }
      const started = performance.now();
      const status = await post(JSON.stringify(update));
      if (measure) {
        latencies.push(performance.now() - started);
        messages++;
      }
      if (status !== 200) errors++;
    }
    if (measure) completed++;
  }

  async function pool(count: number, base: number, measure: boolean): Promise<void> {
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(opts.concurrency, count) }, async () => {
        while (next < count && performance.now() < deadline) await user(base + next++, measure);
      }),
    );
  }

  // Warm-up (JIT, connections, store), not measured.
  await pool(Math.min(200, opts.users), 10_000_000 + Math.floor(Math.random() * 1e6) * 100, false);
  child.send({ cmd: "reset" });
  await new Promise((r) => child.once("message", r));
  deadline = performance.now() + opts.seconds * 1000;
  const started = performance.now();
  const harnessCpu = process.cpuUsage();
  const callsBefore = tg.count;
  await pool(opts.users, 20_000_000 + Math.floor(Math.random() * 1e6) * 1000, true);
  const seconds = (performance.now() - started) / 1000;
  const harnessUsed = process.cpuUsage(harnessCpu);
  const apiCalls = tg.count - callsBefore;
  const usage = await new Promise<WorkerUsage>((resolve) => {
    child.once("message", (m: any) => resolve(m));
    child.send({ cmd: "stop" });
  });
  agent.destroy();
  await tg.stop();
  latencies.sort((a, b) => a - b);
  return {
    label: `${kind === "yidi" ? "yidi bot" : "echo bot"} + ${storeKind}`,
    messages,
    seconds,
    perSecond: messages / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMicrosPerUpdate: usage.cpuMicros / Math.max(1, messages),
    systemMicrosPerUpdate: usage.systemMicros / Math.max(1, messages),
    switchesPerUpdate: usage.switches / Math.max(1, messages),
    harnessCpuMicrosPerUpdate: (harnessUsed.user + harnessUsed.system) / Math.max(1, messages),
    apiCallsPerUpdate: apiCalls / Math.max(1, messages),
    errors,
    completed,
  };
}

/** A comma-separated choice among `known` (all of them when not given). */
function listed<T extends string>(given: string | undefined, known: T[]): T[] {
  if (!given) return known;
  const picked = given.split(",").map((x) => x.trim());
  const unknown = picked.filter((x) => !known.includes(x as T));
  if (unknown.length) throw new Error(`unknown ${unknown.join(", ")}; expected some of ${known.join(", ")}`);
  return picked as T[];
}

async function main(): Promise<void> {
  const users = Number(process.env.BENCH_USERS ?? 800);
  const seconds = Number(process.env.BENCH_SECONDS ?? 30);
  const levels = String(process.env.BENCH_CONCURRENCY ?? "16,32")
    .split(",")
    .map((x) => Number(x.trim()))
    .filter((x) => Number.isInteger(x) && x > 0);
  const stores = listed<StoreKind>(process.env.BENCH_STORES, ["sqlite", "redis"]);
  const bots = listed<Kind>(process.env.BENCH_BOTS, ["yidi", "echo"]);
  const { startRedisServer } = await import("../src/store/testing/redis-server.ts");
  const redis = stores.includes("redis") ? await startRedisServer() : undefined;
  const dir = mkdtempSync(join(tmpdir(), "yidi-bench-"));
  console.log(`bench:bot — ${users} conversations × ${SCRIPT.length} updates per run, ${cpus().length} CPUs, node ${process.version}`);
  try {
    for (const concurrency of levels) {
      const opts = { users, concurrency, seconds };
      console.log(`\n${concurrency} users at once:`);
      const results: RunResult[] = [];
      for (const storeKind of stores) {
        for (const kind of bots) {
          const target = storeKind === "sqlite" ? join(dir, `${kind}-${concurrency}.sqlite`) : redis!.url;
          const r = await run(kind, storeKind, target, opts);
          results.push(r);
          console.log(
            `  ${r.label.padEnd(18)} ${r.perSecond.toFixed(0).padStart(6)} msg/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  ` +
              `bot CPU ${(r.cpuMicrosPerUpdate / 1000).toFixed(3)} ms/update (kernel ${(r.systemMicrosPerUpdate / 1000).toFixed(3)}, ${r.switchesPerUpdate.toFixed(1)} switches), harness CPU ${(r.harnessCpuMicrosPerUpdate / 1000).toFixed(3)} ms/update, ` +
              `${r.apiCallsPerUpdate.toFixed(2)} Bot API calls/update  (${r.messages} updates, ${r.completed} conversations, ${r.seconds.toFixed(1)} s, errors ${r.errors})`,
          );
        }
      }
      for (const storeKind of stores) {
        const y = results.find((r) => r.label === `yidi bot + ${storeKind}`);
        const e = results.find((r) => r.label === `echo bot + ${storeKind}`);
        if (!y || !e) continue;
        console.log(
          `  ratio yidi/echo (${storeKind}): CPU per update ${(y.cpuMicrosPerUpdate / e.cpuMicrosPerUpdate).toFixed(2)}×, ` +
            `wall time per update ${(e.perSecond / y.perSecond).toFixed(2)}×, p99 ${(y.p99 / e.p99).toFixed(2)}×`,
        );
      }
    }
  } finally {
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "worker") {
  await worker(process.argv[3] as Kind, process.argv[4] as StoreKind, process.argv[5]!, process.argv[6]!);
} else {
  await main();
}
