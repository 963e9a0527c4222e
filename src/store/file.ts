/**
 * One small JSON file: the terminal chat's store, so that it resumes after a restart through the
 * same interface as every other channel. The file is read on every call and replaced whole
 * (write, then rename) so that a crash never leaves half of it; the version makes each write a
 * compare-and-set, between two terminals too (short of both renaming in the same instant).
 * A home that cannot be written only costs the resume: the chat goes on from memory.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { DEFAULT_TTL_MS, firstVersion, type ConversationStore, type Entry, type Line } from "./types.ts";

const Row = z.object({ value: z.string(), version: z.number().int(), expiresAt: z.number().nullable() });
const Log = z.object({ lines: z.array(z.object({ seq: z.number().int(), value: z.string() })), next: z.number().int(), expiresAt: z.number().nullable() });
const File = z.object({ chats: z.record(z.string(), Row), logs: z.record(z.string(), Log).optional() });
type Rows = Record<string, z.infer<typeof Row>>;
type Logs = Record<string, z.infer<typeof Log>>;
interface Kept {
  chats: Rows;
  logs: Logs;
}

export interface FileStoreOptions {
  /** Idle expiry; Infinity keeps a chat until it is forgotten. */
  ttlMs?: number;
  /**
   * The chat a file from before this store belongs to (the terminal saved the bare conversation):
   * such a file is read as that chat's value instead of being dropped.
   */
  legacyChat?: string;
  clock?: () => number;
}

export class FileStore implements ConversationStore {
  readonly kind = "file" as const;
  readonly ttlMs: number;
  private memory: Kept | undefined;
  private clock: () => number;

  constructor(readonly path: string, private o: FileStoreOptions = {}) {
    this.ttlMs = o.ttlMs ?? DEFAULT_TTL_MS;
    this.clock = o.clock ?? Date.now;
  }

  private read(): Kept {
    // The file could not be written: this run goes on from what it kept.
    if (this.memory) return this.memory;
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch {
      // No file: nothing kept yet, or forgotten.
      return { chats: {}, logs: {} };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const parsed = File.safeParse(raw);
    if (parsed.success) return { chats: parsed.data.chats, logs: parsed.data.logs ?? {} };
    // Not ours: the bare conversation an older terminal saved (the conversation itself checks it).
    return { chats: this.o.legacyChat ? { [this.o.legacyChat]: { value: text, version: 0, expiresAt: null } } : {}, logs: {} };
  }

  private write(kept: Kept): void {
    // Expired chats and logs are dropped whenever the file is written.
    const chats = Object.fromEntries(Object.entries(kept.chats).filter(([, row]) => this.alive(row.expiresAt)));
    const logs = Object.fromEntries(Object.entries(kept.logs).filter(([, log]) => this.alive(log.expiresAt)));
    try {
      if (Object.keys(chats).length === 0 && Object.keys(logs).length === 0) rmSync(this.path, { force: true });
      else {
        mkdirSync(dirname(this.path), { recursive: true });
        const tmp = `${this.path}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify(Object.keys(logs).length > 0 ? { chats, logs } : { chats }), { mode: 0o600 });
        renameSync(tmp, this.path);
      }
      this.memory = undefined;
    } catch {
      // Read-only home: kept in memory for this run.
      this.memory = { chats, logs };
    }
  }

  private alive(expiresAt: number | null): boolean {
    return expiresAt === null || expiresAt > this.clock();
  }

  private expiry(): number | null {
    return Number.isFinite(this.ttlMs) ? this.clock() + this.ttlMs : null;
  }

  private live(rows: Rows, chatId: string): z.infer<typeof Row> | undefined {
    const row = Object.hasOwn(rows, chatId) ? rows[chatId] : undefined;
    return row && this.alive(row.expiresAt) ? row : undefined;
  }

  async get(chatId: string): Promise<Entry | null> {
    const row = this.live(this.read().chats, chatId);
    return row ? { value: row.value, version: row.version } : null;
  }

  async set(chatId: string, value: string, expected: number | null): Promise<number | null> {
    const kept = this.read();
    if ((this.live(kept.chats, chatId)?.version ?? null) !== expected) return null;
    const version = expected === null ? firstVersion(this.clock()) : expected + 1;
    this.write({ ...kept, chats: { ...kept.chats, [chatId]: { value, version, expiresAt: this.expiry() } } });
    return version;
  }

  private liveLog(logs: Logs, logId: string): z.infer<typeof Log> | undefined {
    const log = Object.hasOwn(logs, logId) ? logs[logId] : undefined;
    return log && this.alive(log.expiresAt) ? log : undefined;
  }

  async append(logId: string, lines: string[], keep: number): Promise<number> {
    const kept = this.read();
    const log = this.liveLog(kept.logs, logId) ?? { lines: [], next: 0, expiresAt: null };
    const first = log.next;
    const all = [...log.lines, ...lines.map((value, i) => ({ seq: first + i, value }))];
    const next = { lines: all.slice(Math.max(0, all.length - keep)), next: first + lines.length, expiresAt: this.expiry() };
    this.write({ ...kept, logs: { ...kept.logs, [logId]: next } });
    return first;
  }

  async lines(logId: string, limit?: number): Promise<Line[]> {
    if (limit !== undefined && limit <= 0) return [];
    const lines = this.liveLog(this.read().logs, logId)?.lines ?? [];
    return limit === undefined ? lines : lines.slice(-limit);
  }

  async delete(chatId: string): Promise<void> {
    const { chats, logs } = this.read();
    const { [chatId]: _gone, ...rest } = chats;
    const { [chatId]: _log, ...otherLogs } = logs;
    this.write({ chats: rest, logs: otherLogs });
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
