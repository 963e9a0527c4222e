/**
 * The embedded default: one SQLite file (better-sqlite3, WAL). Several processes on one
 * machine may share the file; the version column makes every write a compare-and-set.
 * Expired rows are invisible at once and purged on open and hourly (a slice at a time). What /forget or the expiry
 * removes is gone from the files too: freed space is overwritten (secure_delete) and the WAL,
 * which still holds the old pages, is checkpointed and truncated after every removal.
 *
 * The table is an ordinary rowid table with a unique chat id, not a WITHOUT ROWID one: there a
 * row keeps only about 1 KB in its page and a web transcript (a few KB) spills into overflow
 * pages, which SQLite reads past its cache and, with secure_delete, zeroes and rewrites on every
 * update; a rowid table keeps up to about 4 KB in the page. Measured on a web-chat workload this
 * cut the reads per turn from 27 to 3 and the store's CPU time per turn by more than half.
 * Files made by earlier versions are moved over once, on open.
 *
 * Logs (`append`, `lines`) are a table of their own, one row per line, so that a line is added
 * with a small insert and the newest lines read by index instead of a growing value being read,
 * parsed and written whole on every message.
 *
 * The log is moved into the database by a worker thread (checkpointer.ts), not by whichever
 * write happens to cross SQLite's 1,000-page mark, so no turn waits for a checkpoint's fsyncs.
 * SQLite starts the log from the beginning again only when a write begins with all of it copied:
 * under writes without a pause the worker is always a few writes behind, the log grows to
 * FALLBACK_CHECKPOINT_PAGES and a write checkpoints here once (a few ms of fsyncs, once in tens
 * of seconds at a thousand writes a second: the worker syncs the database file after each copy,
 * which SQLite itself does only after a copy that no write overtook, so that sync is left with
 * little to write); any quarter-second pause rewinds it sooner.
 *
 * Writes made in the same turn of the event loop (the requests a busy server read in one go)
 * are committed together, in one transaction at the end of that turn or once the first has
 * waited COMMIT_WITHIN_MS (`queue`): a commit's
 * locks, its log frames and the pages every write touches (the log table's last page, the
 * file's header) are then paid once for all of them, not once each. Nothing else changes:
 * each write is still its own compare-and-set, checked in the order the writes were made, and
 * is acknowledged only once the commit that holds it is done (so a committed turn is exactly as
 * durable as before); a read of a chat or a log with a write waiting commits the waiting writes
 * first, so a read always sees every write made before it; and when the shared commit fails,
 * each write is done again on its own, so one write's failure is never another's.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { setImmediate } from "node:timers";
import { Checkpointer } from "./checkpointer.ts";
import { DEFAULT_TTL_MS, firstVersion, guarded, StoreUnavailableError, type ConversationStore, type Entry, type Line, type LogAppend } from "./types.ts";

const PURGE_EVERY_MS = 60 * 60 * 1000;
/**
 * The hourly purge looks at this many rowids per statement and lets the event loop turn once it
 * has worked PURGE_TURN_MS in a row. In one statement it read the whole table: with 100,000
 * conversations (150 MB, a tenth expired) every request waited for 0.8 s of CPU, 2.8 s on a
 * loaded machine; a slice takes 0.3 ms (3 at the 99th percentile).
 */
const PURGE_SLICE_ROWS = 64;
const PURGE_TURN_MS = 2;
/** How often the worker moves the log into the database (checkpointer.ts). */
const CHECKPOINT_EVERY_MS = 250;
/**
 * Log pages after which a write checkpoints on the main thread after all: SQLite's own 1,000 when
 * there is no worker, and a generous bound that only a stuck worker reaches when there is one.
 */
const OWN_CHECKPOINT_PAGES = 1000;
const FALLBACK_CHECKPOINT_PAGES = 16_000;
/** A removal's checkpoint waits this long at most for the worker's checkpoint to finish. */
const TRUNCATE_TRIES = 80;
const TRUNCATE_PAUSE_MS = 25;
/**
 * Writes committed together at most: a burst of requests does not hold the write lock (which
 * other processes on the file wait for) or every answer in it for longer than a few ms.
 */
const MAX_WRITES_PER_COMMIT = 64;
/**
 * A write waits at most about this long (ms) for the writes after it in the same turn: a turn
 * that reads many requests (a busy server's) then commits and answers them a few at a time as
 * it goes, instead of answering the first only once the last is worked out. Answers held to
 * the end of the turn went out together, so the people under a full load sent their next
 * message together too and kept in step: each turn then held the same step of everyone's
 * conversation, and a step costing twice the average (an estimate) waited twice as long, for
 * everyone at once (bench:web's p99 at 4x its median). A commit of a few writes costs little
 * more per write than one of many: most of the pages a write touches are its own.
 */
const COMMIT_WITHIN_MS = 2;

/** A write waiting for the commit at the end of this turn of the event loop. */
interface Waiting {
  /** The write, inside a transaction the caller opened. */
  body: () => unknown;
  /** The write in a transaction of its own (as when it is the only one waiting). */
  alone: () => unknown;
  resolve: (result: never) => void;
  reject: (error: unknown) => void;
}

export class SqliteStore implements ConversationStore {
  readonly kind = "sqlite" as const;
  private db: Database.Database;
  private stmts: {
    get: Database.Statement<[string, number], { value: string; version: number }>;
    insert: Database.Statement<[string, string, number, number, number]>;
    update: Database.Statement<[string, number, number, string, number, number]>;
    del: Database.Statement<[string]>;
    purge: Database.Statement<[number]>;
    purgeRange: Database.Statement<[number, number, number]>;
    rowids: Database.Statement<[], { low: number | null; high: number | null }>;
    purgeLinesRange: Database.Statement<[number, number, number]>;
    lineRowids: Database.Statement<[], { low: number | null; high: number | null }>;
    lastSeq: Database.Statement<[string], { seq: number | null }>;
    addLine: Database.Statement<[string, number, string, number]>;
    trimLines: Database.Statement<[string, number]>;
    newestLines: Database.Statement<[string, number, number], Line>;
    delLines: Database.Statement<[string]>;
    purgeLines: Database.Statement<[number]>;
  };
  private addLines: (logId: string, lines: string[], keep: number, now: number) => number;
  private appendLines: (logId: string, lines: string[], keep: number, now: number) => number;
  private setAndAppend: (chatId: string, value: string, expected: number | null, log: LogAppend, now: number) => { version: number; first: number } | null;
  private deleteAll: (chatId: string) => number;
  private commitAll: (writes: Waiting[]) => unknown[];
  /** Writes waiting for the commit at the end of this turn of the event loop, in the order made. */
  private waiting: Waiting[] = [];
  /** When the oldest of them was made (performance.now()). */
  private waitingSince = 0;
  /** The chats and logs those writes touch: a read of one of them commits the waiting writes first. */
  private waitingChats = new Set<string>();
  private waitingLogs = new Set<string>();
  private timer: NodeJS.Timeout;
  private checkpointer: Checkpointer | undefined;
  /** False once the worker could not run: SQLite checkpoints on this thread again. */
  private background: boolean;

  constructor(readonly path: string, readonly ttlMs = DEFAULT_TTL_MS, private clock: () => number = Date.now) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    // Deleted rows (and the old copy of a row on each update) are zeroed in the file instead of
    // left readable in free space.
    this.db.pragma("secure_delete = ON");
    // Another process holding the write lock: wait for it rather than fail at once.
    this.db.pragma("busy_timeout = 2000");
    this.db.exec(`CREATE TABLE IF NOT EXISTS chats (
      chat_id TEXT NOT NULL UNIQUE,
      value TEXT NOT NULL,
      version INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    )`);
    // One row per line: a rowid table (lines of a few KB stay in their page, as above) with an
    // index that finds a log's newest lines.
    this.db.exec(`CREATE TABLE IF NOT EXISTS lines (
      log_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      value TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      UNIQUE (log_id, seq)
    )`);
    migrate(this.db);
    this.stmts = {
      get: this.db.prepare("SELECT value, version FROM chats WHERE chat_id = ? AND expires_at > ?"),
      // Nothing stored, or only an expired row: the write wins.
      insert: this.db.prepare(`INSERT INTO chats (chat_id, value, version, expires_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(chat_id) DO UPDATE SET value = excluded.value, version = excluded.version, expires_at = excluded.expires_at
        WHERE chats.expires_at <= ?`),
      update: this.db.prepare(`UPDATE chats SET value = ?, version = ?, expires_at = ?
        WHERE chat_id = ? AND version = ? AND expires_at > ?`),
      del: this.db.prepare("DELETE FROM chats WHERE chat_id = ?"),
      purge: this.db.prepare("DELETE FROM chats WHERE expires_at <= ?"),
      purgeRange: this.db.prepare("DELETE FROM chats WHERE rowid >= ? AND rowid < ? AND expires_at <= ?"),
      rowids: this.db.prepare("SELECT min(rowid) AS low, max(rowid) AS high FROM chats"),
      purgeLinesRange: this.db.prepare("DELETE FROM lines WHERE rowid >= ? AND rowid < ? AND expires_at <= ?"),
      lineRowids: this.db.prepare("SELECT min(rowid) AS low, max(rowid) AS high FROM lines"),
      lastSeq: this.db.prepare("SELECT max(seq) AS seq FROM lines WHERE log_id = ?"),
      addLine: this.db.prepare("INSERT INTO lines (log_id, seq, value, expires_at) VALUES (?, ?, ?, ?)"),
      trimLines: this.db.prepare("DELETE FROM lines WHERE log_id = ? AND seq < ?"),
      newestLines: this.db.prepare("SELECT seq, value FROM lines WHERE log_id = ? AND expires_at > ? ORDER BY seq DESC LIMIT ?"),
      delLines: this.db.prepare("DELETE FROM lines WHERE log_id = ?"),
      purgeLines: this.db.prepare("DELETE FROM lines WHERE expires_at <= ?"),
    };
    // `now`: the clock when the write was made, not when it is committed.
    const addLines = (logId: string, lines: string[], keep: number, now: number) => {
      // Places go on from the newest line kept, expired or not (the hourly purge removes those):
      // a page still showing old lines never sees a place used twice.
      const first = (this.stmts.lastSeq.get(logId)?.seq ?? -1) + 1;
      const expiresAt = now + this.ttlMs;
      for (let i = 0; i < lines.length; i++) this.stmts.addLine.run(logId, first + i, lines[i]!, expiresAt);
      const end = first + lines.length;
      if (end > keep) this.stmts.trimLines.run(logId, end - keep);
      return first;
    };
    this.addLines = addLines;
    const append = this.db.transaction(addLines);
    // The place is read and the lines written under one write lock (another process may append too).
    this.appendLines = (logId, lines, keep, now) => append.immediate(logId, lines, keep, now);
    // One commit for a turn and its log lines instead of two: the log is written only if the
    // compare-and-set holds.
    const setAppendBody = (chatId: string, value: string, expected: number | null, log: LogAppend, now: number) => {
      const version = this.compareAndSet(chatId, value, expected, now);
      return version === null ? null : { version, first: addLines(log.id, log.lines, log.keep, now) };
    };
    const setAppend = this.db.transaction(setAppendBody);
    this.setAndAppend = (chatId, value, expected, log, now) => setAppend.immediate(chatId, value, expected, log, now);
    this.setAppendBody = setAppendBody;
    const commitAll = this.db.transaction((writes: Waiting[]) => writes.map((w) => w.body()));
    this.commitAll = (writes) => commitAll.immediate(writes);
    const deleteAll = this.db.transaction((chatId: string) => this.stmts.del.run(chatId).changes + this.stmts.delLines.run(chatId).changes);
    this.deleteAll = (chatId) => deleteAll.immediate(chatId);
    this.background = path !== ":memory:";
    // On open, before anything is served, in one go.
    this.purge();
    this.timer = setInterval(() => void this.purgeExpired(), PURGE_EVERY_MS);
    this.timer.unref();
  }

  private purge(): void {
    try {
      const now = this.clock();
      if (this.stmts.purge.run(now).changes + this.stmts.purgeLines.run(now).changes > 0) void this.truncateLog().catch(() => {});
    } catch {
      // A busy or read-only file must not stop the bot; the next purge tries again.
    }
  }

  private purging = false;

  /**
   * Removes what has expired (it is invisible already) while the store serves: PURGE_SLICE_ROWS
   * rowids per statement, each its own short transaction, with a turn of the event loop whenever
   * PURGE_TURN_MS have gone by. Then the log is checkpointed and truncated, as after /forget.
   * Returns how many rows and lines went.
   */
  async purgeExpired(): Promise<number> {
    if (this.purging) return 0;
    this.purging = true;
    let removed = 0;
    try {
      const tables = [
        { range: this.stmts.purgeRange, ids: this.stmts.rowids },
        { range: this.stmts.purgeLinesRange, ids: this.stmts.lineRowids },
      ];
      let since = performance.now();
      for (const { range, ids } of tables) {
        const { low, high } = ids.get() ?? { low: null, high: null };
        if (low === null || high === null) continue;
        for (let from = low; from <= high; from += PURGE_SLICE_ROWS) {
          if (performance.now() - since > PURGE_TURN_MS) {
            await new Promise((r) => setImmediate(r));
            since = performance.now();
          }
          if (!this.db.open) return removed;
          removed += range.run(from, from + PURGE_SLICE_ROWS, this.clock()).changes;
        }
      }
      if (removed > 0) {
        // The worker copies most of the log first; the truncation here then has little left to copy.
        if (this.checkpointer && this.background) await new Promise((r) => setTimeout(r, 8 * CHECKPOINT_EVERY_MS).unref());
        await this.truncateLog();
      }
    } catch {
      // A busy or read-only file, or closed meanwhile: the next purge tries again.
    } finally {
      this.purging = false;
    }
    return removed;
  }

  /** Started with the first write: a store that is only read needs no thread. */
  private startCheckpointer(): void {
    if (!this.background || this.checkpointer) return;
    try {
      this.checkpointer = new Checkpointer(this.path, CHECKPOINT_EVERY_MS, () => this.checkpointHere());
      this.db.pragma(`wal_autocheckpoint = ${FALLBACK_CHECKPOINT_PAGES}`);
    } catch {
      this.checkpointHere();
    }
  }

  private checkpointHere(): void {
    this.background = false;
    try {
      if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${OWN_CHECKPOINT_PAGES}`);
    } catch {
      // Closed in between: nothing to checkpoint.
    }
  }

  private setAppendBody: (chatId: string, value: string, expected: number | null, log: LogAppend, now: number) => { version: number; first: number } | null;

  /**
   * A write, committed with the others made in this turn of the event loop (see the top of the
   * file). `body` runs inside the shared transaction; `alone` is the same write in a
   * transaction of its own, for when it is the only one or the shared commit failed.
   */
  private queue<T>(chats: string[], logs: string[], body: () => T, alone: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.waiting.length === 0) {
        this.waitingSince = performance.now();
        setImmediate(() => this.commitWaiting());
      }
      this.waiting.push({ body, alone, resolve: resolve as (r: never) => void, reject });
      for (const c of chats) this.waitingChats.add(c);
      for (const l of logs) this.waitingLogs.add(l);
      if (this.waiting.length >= MAX_WRITES_PER_COMMIT || performance.now() - this.waitingSince >= COMMIT_WITHIN_MS) this.commitWaiting();
    });
  }

  /** Commits the waiting writes: in one transaction, or each on its own when that fails. Never throws. */
  private commitWaiting(): void {
    const writes = this.waiting;
    if (writes.length === 0) return;
    this.waiting = [];
    this.waitingChats.clear();
    this.waitingLogs.clear();
    if (writes.length > 1) {
      let results: unknown[] | undefined;
      try {
        results = this.commitAll(writes);
      } catch {
        // Rolled back whole: each is done again on its own below, and fails or not by itself.
      }
      if (results) {
        writes.forEach((w, i) => w.resolve(results[i] as never));
        return;
      }
    }
    for (const w of writes) {
      try {
        w.resolve(w.alone() as never);
      } catch (error) {
        w.reject(error instanceof StoreUnavailableError ? error : new StoreUnavailableError("sqlite", error));
      }
    }
  }

  get(chatId: string): Promise<Entry | null> {
    return guarded("sqlite", () => {
      if (this.waitingChats.has(chatId)) this.commitWaiting();
      return this.stmts.get.get(chatId, this.clock()) ?? null;
    });
  }

  set(chatId: string, value: string, expected: number | null): Promise<number | null> {
    return guarded("sqlite", () => {
      this.startCheckpointer();
      const now = this.clock();
      const write = () => this.compareAndSet(chatId, value, expected, now);
      return this.queue([chatId], [], write, write);
    });
  }

  private compareAndSet(chatId: string, value: string, expected: number | null, now: number): number | null {
    const expiresAt = now + this.ttlMs;
    if (expected === null) {
      const version = firstVersion(now);
      return this.stmts.insert.run(chatId, value, version, expiresAt, now).changes === 1 ? version : null;
    }
    const version = expected + 1;
    return this.stmts.update.run(value, version, expiresAt, chatId, expected, now).changes === 1 ? version : null;
  }

  setWithLog(chatId: string, value: string, expected: number | null, log: LogAppend): Promise<{ version: number; first: number } | null> {
    return guarded("sqlite", () => {
      this.startCheckpointer();
      const now = this.clock();
      return this.queue(
        [chatId],
        [log.id],
        () => this.setAppendBody(chatId, value, expected, log, now),
        () => this.setAndAppend(chatId, value, expected, log, now),
      );
    });
  }

  append(logId: string, lines: string[], keep: number): Promise<number> {
    return guarded("sqlite", () => {
      this.startCheckpointer();
      const now = this.clock();
      return this.queue(
        [],
        [logId],
        () => this.addLines(logId, lines, keep, now),
        () => this.appendLines(logId, lines, keep, now),
      );
    });
  }

  lines(logId: string, limit?: number): Promise<Line[]> {
    return guarded("sqlite", () => {
      if (this.waitingLogs.has(logId)) this.commitWaiting();
      if (limit !== undefined && limit <= 0) return [];
      return this.stmts.newestLines.all(logId, this.clock(), limit ?? -1).reverse();
    });
  }

  delete(chatId: string): Promise<void> {
    return guarded("sqlite", async () => {
      // What was written before the removal is committed before it, and removed with the rest.
      this.commitWaiting();
      this.deleteAll(chatId);
      await this.truncateLog();
    });
  }

  /**
   * Copies the WAL into the database file and truncates it: until then the WAL keeps the pages
   * as they were before the delete. Only one checkpoint runs at a time: while the worker's is
   * under way this one is refused (busy) and tried again shortly. Another process reading at
   * this moment can keep part of the log for a little longer; the next removal or the hourly
   * purge checkpoints again.
   */
  private async truncateLog(): Promise<void> {
    if (this.path === ":memory:") return;
    for (let i = 0; i < TRUNCATE_TRIES && this.db.open; i++) {
      const [result] = this.db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
      if (!result || result.busy === 0) return;
      await new Promise((r) => setTimeout(r, TRUNCATE_PAUSE_MS));
    }
  }

  ping(): Promise<void> {
    return guarded("sqlite", () => {
      this.db.prepare("SELECT 1").get();
    });
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    if (this.db.open) this.commitWaiting();
    // The worker's connection first: the last one to close checkpoints and removes the log.
    await this.checkpointer?.stop();
    if (this.db.open) this.db.close();
  }
}

/**
 * Moves the rows of the table earlier versions kept (`conversations`, WITHOUT ROWID) into
 * `chats`, once, in one transaction: several processes opening the file at once move them
 * once. The old table's pages are zeroed as it is dropped (secure_delete).
 */
function migrate(db: Database.Database): void {
  const old = () => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'conversations'").get() !== undefined;
  if (!old()) return;
  db.transaction(() => {
    if (!old()) return;
    db.exec(`INSERT OR IGNORE INTO chats (chat_id, value, version, expires_at)
      SELECT chat_id, value, version, expires_at FROM conversations;
      DROP TABLE conversations;`);
  }).immediate();
}
