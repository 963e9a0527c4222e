/**
 * A throw-away redis-server on a free loopback port, no persistence. Installs Debian's
 * package when it is missing and we are root; otherwise fails with one clear line.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer, connect } from "node:net";

function which(cmd: string): string | null {
  const r = spawnSync("sh", ["-c", `command -v ${cmd}`], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** The redis-server binary, installing it (apt-get) if we may. */
export function findRedisServer(): string {
  const found = which("redis-server");
  if (found) return found;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && which("apt-get")) {
    try {
      const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
      execFileSync("apt-get", ["update", "-qq"], { stdio: "ignore", env });
      execFileSync("apt-get", ["install", "-y", "-qq", "redis-server"], { stdio: "ignore", env });
    } catch {
      // fall through to the clear message below
    }
    const installed = which("redis-server");
    if (installed) return installed;
  }
  throw new Error("redis-server is missing and could not be installed: run `apt-get install -y redis-server` (as root) and test again");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts a redis-server on `port` (a free one if omitted) and waits until it accepts connections. */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  const bin = findRedisServer();
  const p = port ?? (await freePort());
  const child: ChildProcess = spawn(bin, ["--port", String(p), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes"], {
    stdio: "ignore",
  });
  let exited = false;
  child.once("exit", () => (exited = true));
  const deadline = Date.now() + 10_000;
  while (!(await reachable(p))) {
    if (exited || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`redis-server did not start on 127.0.0.1:${p}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${p}`,
    port: p,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
