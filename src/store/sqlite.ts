/**
 * The embedded default: one SQLite file (better-sqlite3, WAL). Several processes on one
 * machine may share the file; the version column makes every write a compare-and-set.
 * Expired rows are invisible at once and purged on open and hourly. What /forget or the expiry
 * removes is gone from the files too: freed space is overwritten (secure_delete) and the WAL,
 * which still holds the old pages, is checkpointed and truncated after every removal.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DEFAULT_TTL_MS, firstVersion, guarded, type ConversationStore, type Entry } from "./types.ts";

const PURGE_EVERY_MS = 60 * 60 * 1000;

export class SqliteStore implements ConversationStore {
  readonly kind = "sqlite" as const;
  private db: Database.Database;
  private stmts: {
    get: Database.Statement<[string, number], { value: string; version: number }>;
    insert: Database.Statement<[string, string, number, number, number]>;
    update: Database.Statement<[string, number, number, string, number, number]>;
    del: Database.Statement<[string]>;
    purge: Database.Statement<[number]>;
  };
  private timer: NodeJS.Timeout;

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
    this.db.exec(`CREATE TABLE IF NOT EXISTS conversations (
      chat_id TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      version INTEGER NOT NULL,
      expires_at INTEGER NOT NULL
    ) WITHOUT ROWID`);
    this.stmts = {
      get: this.db.prepare("SELECT value, version FROM conversations WHERE chat_id = ? AND expires_at > ?"),
      // Nothing stored, or only an expired row: the write wins.
      insert: this.db.prepare(`INSERT INTO conversations (chat_id, value, version, expires_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(chat_id) DO UPDATE SET value = excluded.value, version = excluded.version, expires_at = excluded.expires_at
        WHERE conversations.expires_at <= ?`),
      update: this.db.prepare(`UPDATE conversations SET value = ?, version = ?, expires_at = ?
        WHERE chat_id = ? AND version = ? AND expires_at > ?`),
      del: this.db.prepare("DELETE FROM conversations WHERE chat_id = ?"),
      purge: this.db.prepare("DELETE FROM conversations WHERE expires_at <= ?"),
    };
    this.purge();
    this.timer = setInterval(() => this.purge(), PURGE_EVERY_MS);
    this.timer.unref();
  }

  private purge(): void {
    try {
      if (this.stmts.purge.run(this.clock()).changes > 0) this.checkpoint();
    } catch {
      // A busy or read-only file must not stop the bot; the next purge tries again.
    }
  }

  get(chatId: string): Promise<Entry | null> {
    return guarded("sqlite", () => this.stmts.get.get(chatId, this.clock()) ?? null);
  }

  set(chatId: string, value: string, expected: number | null): Promise<number | null> {
    return guarded("sqlite", () => {
      const now = this.clock();
      const expiresAt = now + this.ttlMs;
      if (expected === null) {
        const version = firstVersion(now);
        return this.stmts.insert.run(chatId, value, version, expiresAt, now).changes === 1 ? version : null;
      }
      const version = expected + 1;
      return this.stmts.update.run(value, version, expiresAt, chatId, expected, now).changes === 1 ? version : null;
    });
  }

  delete(chatId: string): Promise<void> {
    return guarded("sqlite", () => {
      this.stmts.del.run(chatId);
      this.checkpoint();
    });
  }

  /**
   * Copies the WAL into the database file and truncates it: until then the WAL keeps the pages
   * as they were before the delete. Another process reading at this moment can keep part of it
   * for a little longer; the next removal or the hourly purge checkpoints again.
   */
  private checkpoint(): void {
    if (this.path !== ":memory:") this.db.pragma("wal_checkpoint(TRUNCATE)");
  }

  ping(): Promise<void> {
    return guarded("sqlite", () => {
      this.db.prepare("SELECT 1").get();
    });
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    if (this.db.open) this.db.close();
  }
}
