/**
 * Copies a SQLite file's write-ahead log into the database from a worker thread. SQLite does
 * this itself every 1,000 pages, inside whichever write crosses the mark: that write then reads
 * and writes every page of the log and waits for two fsyncs, and every chat waits with it. Here
 * the worker's own connection checkpoints a few times a second (PASSIVE: it never waits for,
 * nor blocks, the writers and readers of the main thread), so a turn only ever appends to the log.
 *
 * Nothing about durability changes: a committed turn is in the log (and so on disk for any later
 * reader, after a crash of the process too) before it is acknowledged, exactly as before; the
 * checkpoint only moves it from the log into the database file.
 */
import { createRequire } from "node:module";
import { once } from "node:events";
import { Worker } from "node:worker_threads";

/** The checkpoint thread's name, as `ps -L` and bench/probe.mjs show it (15 characters at most). */
export const THREAD_NAME = "sqlite-ckpt";

/** The worker, as plain CommonJS (no TypeScript loader needed in the thread). */
const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { closeSync, fsyncSync, openSync, writeFileSync } = require("node:fs");
// A name of its own where Linux lets a thread take one (top -H, ps -L, the load benchmarks'
// CPU time per thread): else it is one more "node" beside V8's compiler and collector threads,
// and a benchmark cannot tell the checkpoints' CPU from the compiler's.
try {
  writeFileSync("/proc/thread-self/comm", "${THREAD_NAME}");
} catch {
  // Not Linux: unnamed.
}
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const file = openSync(workerData.path, "r");
let synced = 0;
const checkpoint = () => {
  try {
    const [r] = db.pragma("wal_checkpoint(PASSIVE)");
    // SQLite syncs the database file only after a checkpoint during which no write came (else
    // the log has grown past what it copied), which under steady writes none is. Synced here
    // after any copy instead, so that when a write on the main thread does checkpoint
    // (FALLBACK_CHECKPOINT_PAGES in sqlite.ts) its sync has only the last few pages to write
    // out, not everything copied since the log began (tens of ms on a busy disk).
    if (r && r.checkpointed > 0 && r.checkpointed !== synced) {
      fsyncSync(file);
      synced = r.checkpointed;
    }
  } catch {
    // Busy or briefly unavailable: the next tick tries again.
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  closeSync(file);
  db.close();
  parentPort.close();
});
`;

const driver = createRequire(import.meta.url).resolve("better-sqlite3");

export class Checkpointer {
  private readonly worker: Worker;
  private stopped = false;

  /** `onFailure` is called once if the worker cannot run (the caller checkpoints itself again). */
  constructor(path: string, everyMs: number, onFailure: (error: unknown) => void) {
    this.worker = new Worker(SOURCE, { eval: true, workerData: { driver, path, everyMs }, execArgv: [] });
    // Never what keeps a process alive.
    this.worker.unref();
    let failed = false;
    const fail = (error: unknown) => {
      if (failed || this.stopped) return;
      failed = true;
      onFailure(error);
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`checkpoint worker exited with code ${code}`)));
  }

  /** Stops the worker after the checkpoint in progress, if any (its connection closes cleanly). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // Held (ref'd) while stopping: a caller awaiting this must not see the process end under it
    // because nothing else is left to wait for.
    this.worker.ref();
    const exited = once(this.worker, "exit").catch(() => undefined);
    this.worker.postMessage("stop");
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"late">((resolve) => (timer = setTimeout(resolve, 2000, "late")));
    try {
      if ((await Promise.race([exited, timeout])) === "late") await this.worker.terminate();
    } finally {
      clearTimeout(timer);
    }
  }
}
