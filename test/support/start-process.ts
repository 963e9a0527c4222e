/** An entry point (src/bot.ts, src/web.ts) as a real process, its output kept, for the entry tests. */
import { spawn } from "node:child_process";

const root = new URL("../..", import.meta.url).pathname;

export function startProcess(file: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", file], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  /** Waits up to 30 s for `text` on stdout; an early exit or no such line is an error naming the output. */
  const until = async (text: string) => {
    for (let i = 0; i < 600 && !out.includes(text); i++) {
      if (child.exitCode !== null) throw new Error(`exited early: ${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    if (!out.includes(text)) throw new Error(`did not start: ${out} ${err}`);
  };
  return { child, exited, until, started: () => until("bot started"), output: () => ({ out, err }) };
}
