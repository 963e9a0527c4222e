/** In-process store: tests, the terminal, a single instance that may forget on restart. */
import { DEFAULT_TTL_MS, firstVersion, type ConversationStore, type Entry, type Line } from "./types.ts";

interface Row extends Entry {
  expiresAt: number;
}

export class MemoryStore implements ConversationStore {
  readonly kind = "memory" as const;
  private rows = new Map<string, Row>();
  private logs = new Map<string, { lines: Line[]; next: number; expiresAt: number }>();
  private writes = 0;
  constructor(readonly ttlMs = DEFAULT_TTL_MS, private clock: () => number = Date.now) {}

  private live(chatId: string): Row | undefined {
    const row = this.rows.get(chatId);
    if (row && row.expiresAt <= this.clock()) {
      this.rows.delete(chatId);
      return undefined;
    }
    return row;
  }

  async get(chatId: string): Promise<Entry | null> {
    const row = this.live(chatId);
    return row ? { value: row.value, version: row.version } : null;
  }

  async set(chatId: string, value: string, expected: number | null): Promise<number | null> {
    const row = this.live(chatId);
    if ((row?.version ?? null) !== expected) return null;
    const version = expected === null ? firstVersion(this.clock()) : expected + 1;
    this.rows.set(chatId, { value, version, expiresAt: this.clock() + this.ttlMs });
    // Expired rows are dropped when read; chats never seen again are swept now and then.
    if (++this.writes % 1000 === 0) this.sweep();
    return version;
  }

  private sweep(): void {
    const now = this.clock();
    for (const [id, row] of this.rows) if (row.expiresAt <= now) this.rows.delete(id);
    for (const [id, log] of this.logs) if (log.expiresAt <= now) this.logs.delete(id);
  }

  private liveLog(logId: string) {
    const log = this.logs.get(logId);
    if (log && log.expiresAt <= this.clock()) {
      this.logs.delete(logId);
      return undefined;
    }
    return log;
  }

  async append(logId: string, lines: string[], keep: number): Promise<number> {
    const log = this.liveLog(logId) ?? { lines: [], next: 0, expiresAt: 0 };
    const first = log.next;
    for (const value of lines) log.lines.push({ seq: log.next++, value });
    if (log.lines.length > keep) log.lines.splice(0, log.lines.length - keep);
    log.expiresAt = this.clock() + this.ttlMs;
    this.logs.set(logId, log);
    if (++this.writes % 1000 === 0) this.sweep();
    return first;
  }

  async lines(logId: string, limit?: number): Promise<Line[]> {
    const lines = this.liveLog(logId)?.lines ?? [];
    if (limit !== undefined && limit <= 0) return [];
    return (limit === undefined ? lines : lines.slice(-limit)).map((l) => ({ ...l }));
  }

  async delete(chatId: string): Promise<void> {
    this.rows.delete(chatId);
    this.logs.delete(chatId);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.rows.clear();
    this.logs.clear();
  }
}
