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
import { DEFAULT_TTL_MS, firstVersion, type ConversationStore, type Entry } from "./types.ts";

const Row = z.object({ value: z.string(), version: z.number().int(), expiresAt: z.number().nullable() });
const File = z.object({ chats: z.record(z.string(), Row) });
type Rows = Record<string, z.infer<typeof Row>>;

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
  private memory: Rows | undefined;
  private clock: () => number;

  constructor(readonly path: string, private o: FileStoreOptions = {}) {
    this.ttlMs = o.ttlMs ?? DEFAULT_TTL_MS;
    this.clock = o.clock ?? Date.now;
  }

  private read(): Rows {
    // The file could not be written: this run goes on from what it kept.
    if (this.memory) return this.memory;
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch {
      // No file: nothing kept yet, or forgotten.
      return {};
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = undefined;
    }
    const parsed = File.safeParse(raw);
    if (parsed.success) return parsed.data.chats;
    // Not ours: the bare conversation an older terminal saved (the conversation itself checks it).
    return this.o.legacyChat ? { [this.o.legacyChat]: { value: text, version: 0, expiresAt: null } } : {};
  }

  private write(rows: Rows): void {
    try {
      if (Object.keys(rows).length === 0) rmSync(this.path, { force: true });
      else {
        mkdirSync(dirname(this.path), { recursive: true });
        const tmp = `${this.path}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ chats: rows }), { mode: 0o600 });
        renameSync(tmp, this.path);
      }
      this.memory = undefined;
    } catch {
      // Read-only home: kept in memory for this run.
      this.memory = rows;
    }
  }

  private live(rows: Rows, chatId: string): z.infer<typeof Row> | undefined {
    const row = Object.hasOwn(rows, chatId) ? rows[chatId] : undefined;
    return row && (row.expiresAt === null || row.expiresAt > this.clock()) ? row : undefined;
  }

  async get(chatId: string): Promise<Entry | null> {
    const row = this.live(this.read(), chatId);
    return row ? { value: row.value, version: row.version } : null;
  }

  async set(chatId: string, value: string, expected: number | null): Promise<number | null> {
    const rows = this.read();
    if ((this.live(rows, chatId)?.version ?? null) !== expected) return null;
    const now = this.clock();
    const version = expected === null ? firstVersion(now) : expected + 1;
    const expiresAt = Number.isFinite(this.ttlMs) ? now + this.ttlMs : null;
    // Expired chats are dropped whenever the file is written.
    const kept = Object.fromEntries(Object.entries(rows).filter(([id]) => id !== chatId && this.live(rows, id)));
    this.write({ ...kept, [chatId]: { value, version, expiresAt } });
    return version;
  }

  async delete(chatId: string): Promise<void> {
    const rows = this.read();
    const { [chatId]: _gone, ...rest } = rows;
    this.write(rest);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}
