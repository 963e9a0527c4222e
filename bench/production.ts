/**
 * The server the load benchmarks measure: the production one, started as `npm run web` starts
 * it (the compiled `dist/src/web.js`, with the Node flags of that script in package.json, the
 * configuration read from the environment as in a deployment: SQLite, the default log level,
 * rate limits, the WeChat account when its variables are given). Nothing of the benchmark is
 * inside it but bench/probe.mjs, which only counts (CPU time, heap, event loop, a CPU profile).
 *
 * The compiled build is made first when a source file is newer than it (`npm run build`, as
 * `npm ci` does), so a benchmark never measures code older than the source.
 *
 * Pinned with every thread (V8's collector and SQLite's checkpointer included) to the first core
 * where `taskset` exists, so the figure is what one core does; the caller (the load) is moved to
 * the other core, so that it never takes the server's.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const ENTRY = "dist/src/web.js";

export interface Counted {
  /** Requests the server took in while counting. */
  requests: number;
  cpuMicros: number;
  systemMicros: number;
  /** The main thread's own CPU time, where Linux tells it. */
  mainMicros?: number;
  threads?: Record<string, number>;
  heap: { allocated: number; promoted: number; young: number; full: number; fullPauseMs: number; maxFullPauseMs: number; youngPauseMs: number; maxYoungPauseMs: number };
  loop: { loopP99Ms: number; loopMaxMs: number; stalls: number; stalledMs: number; longestMs: number; waitedMs?: number; waitedInStallsMs?: number; longestRunMs?: number; longestRunRequests?: number; longRuns?: number; longRunMs?: number; longRunRequests?: number };
}

export interface Production {
  port: number;
  pid: number;
  /** Node's flags, as `npm run web` passes them. */
  flags: string[];
  pinned: boolean;
  clientPinned: boolean;
  /** Starts counting (after the warm-up). */
  reset(): Promise<void>;
  /** What was counted since `reset`. */
  counted(): Promise<Counted>;
  /** Stops the server as a deployment does (SIGTERM) and waits for it to exit. */
  stop(): Promise<number | null>;
}

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith(".ts")) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

/** Builds when the compiled server is missing or older than a source file. */
export function ensureBuilt(): void {
  let built = 0;
  try {
    built = statSync(join(root, ENTRY)).mtimeMs;
  } catch {
    // Not built yet.
  }
  if (built >= Math.max(newest(join(root, "src")), newest(join(root, "flows")))) return;
  process.stderr.write("bench: the compiled server is older than the source; building it (npm run build)\n");
  execFileSync("npm", ["run", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}

/** The Node flags of `npm run web` ("node [flags] dist/src/web.js"). */
export function productionFlags(): string[] {
  const script = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.web ?? "";
  const words = script.trim().split(/\s+/);
  if (words[0] !== "node" || words.at(-1) !== ENTRY) throw new Error(`bench: package.json's "web" script is not "node [flags] ${ENTRY}": ${script}`);
  return words.slice(1, -1);
}

function hasTaskset(): boolean {
  try {
    execFileSync("taskset", ["-c", "0", "true"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Starts the server with `env` over this process's environment (PORT, HOST and SQLITE_PATH are
 * set here; the store is SQLite), and waits for it to listen.
 */
export async function startProduction(o: { sqlitePath: string; env?: Record<string, string | undefined>; extraFlags?: string[] }): Promise<Production> {
  ensureBuilt();
  const flags = [...productionFlags(), ...(o.extraFlags ?? [])];
  // Only what the caller gives configures the channels: none of this shell's own settings.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(WECHAT_|WEB_|WEB$|REDIS_URL$|BOT_TOKEN$|WEBHOOK_|RATE_|LOG_LEVEL$|SESSION_TTL_DAYS$)/.test(k)));
  const env: NodeJS.ProcessEnv = { ...inherited, PORT: "0", HOST: "127.0.0.1", SQLITE_PATH: o.sqlitePath, STORE: "sqlite", ...o.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  // A TypeScript loader given to this process (npm run bench:* uses one) stays out of the server's.
  delete env.NODE_OPTIONS;
  const args = [...flags, "--import", join(root, "bench/probe.mjs"), join(root, ENTRY)];
  const pinned = hasTaskset();
  const child: ChildProcess = pinned
    ? spawn("taskset", ["-c", "0", process.execPath, ...args], { cwd: root, env, stdio: ["ignore", "pipe", "inherit", "ipc"] })
    : spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", "pipe", "inherit", "ipc"] });
  let clientPinned = false;
  if (pinned && cpus().length > 1) {
    try {
      // Every thread of this process (-a) to the second core: the first is the server's.
      execFileSync("taskset", ["-a", "-p", "-c", "1", String(process.pid)], { stdio: "ignore" });
      clientPinned = true;
    } catch {
      // Not moved: the load shares the cores.
    }
  }
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = "";
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const url = /^http:\/\/localhost:(\d+)\/$/.exec(line);
        if (url) resolve(Number(url[1]));
        // The server's own log lines: warnings and errors are shown, the rest (start, stop) not.
        else if (!/"level":(10|20|30)\b/.test(line)) process.stderr.write(`server: ${line}\n`);
      }
    });
    void exited.then((code) => reject(new Error(`bench: the server exited with ${code} before it listened`)));
  });
  const ask = <T>(cmd: string, answered: (m: any) => boolean): Promise<T> =>
    new Promise<T>((resolve) => {
      const on = (m: any) => {
        if (!answered(m)) return;
        child.off("message", on);
        resolve(m as T);
      };
      child.on("message", on);
      child.send({ cmd });
    });
  return {
    port,
    pid: child.pid!,
    flags,
    pinned,
    clientPinned,
    reset: () => ask<void>("reset", (m) => m?.reset === true),
    counted: () => ask<Counted>("stop", (m) => m?.stopped === true),
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}
