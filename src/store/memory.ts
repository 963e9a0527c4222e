/** In-process store: tests, the terminal, a single instance that may forget on restart. */
import { DEFAULT_TTL_MS, firstVersion, type ConversationStore, type Entry } from "./types.ts";

interface Row extends Entry {
  expiresAt: number;
}

export class MemoryStore implements ConversationStore {
  readonly kind = "memory" as const;
  private rows = new Map<string, Row>();
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
  }

  async delete(chatId: string): Promise<void> {
    this.rows.delete(chatId);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.rows.clear();
  }
}
