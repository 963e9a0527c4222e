/**
 * One small interface for keeping each chat's conversation, whatever sits behind it.
 * Writes are compare-and-set on a version so that two instances (or two overlapping
 * updates in one) never silently overwrite each other: the loser re-reads and retries.
 */

/** A stored value and the version it was written at. */
export interface Entry {
  value: string;
  version: number;
}

/** One line of a log and its place in it: places only grow, so they tell a log's lines apart. */
export interface Line {
  seq: number;
  value: string;
}

/** Lines to append to a log (`ConversationStore.append`'s arguments). */
export interface LogAppend {
  id: string;
  lines: string[];
  keep: number;
}

export interface ConversationStore {
  /** Which backend this is, for logs and /healthz. */
  readonly kind: "memory" | "sqlite" | "redis" | "file";
  /** Idle expiry: a value not written for this long is gone. */
  readonly ttlMs: number;
  /** The live value for a chat, or null when there is none (never written, expired or forgotten). */
  get(chatId: string): Promise<Entry | null>;
  /**
   * Writes `value` only if the chat is still at `expected` (null: nothing stored). Returns the
   * new version, or null when someone else wrote first (re-read and try again).
   */
  set(chatId: string, value: string, expected: number | null): Promise<number | null>;
  /**
   * Appends lines to the log kept under `logId` (beside the values: a log and a value may have
   * the same id) and keeps only its newest `keep` lines. Returns the place of the first line
   * appended. A log grows by small appends instead of being read and written whole: the web
   * chat keeps what the page shows this way. Lines expire as values do, at the latest `ttlMs`
   * after the log's last append (a backend may drop older lines earlier, `ttlMs` after they were
   * appended).
   */
  append(logId: string, lines: string[], keep: number): Promise<number>;
  /**
   * `set` and `append` as one write (optional; without it a caller does the two in turn): the
   * lines are appended only when the compare-and-set succeeds, and both are kept or neither.
   * Returns the new version and the place of the first line appended, or null as `set` does.
   */
  setWithLog?(chatId: string, value: string, expected: number | null, log: LogAppend): Promise<{ version: number; first: number } | null>;
  /** The newest `limit` lines of a log (all it keeps when there is no limit), oldest first; none: []. */
  lines(logId: string, limit?: number): Promise<Line[]>;
  /** Removes everything kept for the chat (/forget): its value and its log. */
  delete(chatId: string): Promise<void>;
  /** Cheap round trip for health checks; throws StoreUnavailableError when down. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The backend could not be reached or failed; the adapter answers "稍后再试" and keeps going. */
export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";
  constructor(readonly backend: string, cause: unknown) {
    super(`${backend} store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** 30 days: people come back to a half-finished question days later (pitfalls.md). */
export const DEFAULT_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The version a fresh value starts at. Time-based rather than 1 so that after /forget a new
 * conversation never reuses a version an old button still carries.
 */
export function firstVersion(now = Date.now()): number {
  return now;
}

/** Runs a backend call and turns any failure into StoreUnavailableError. */
export async function guarded<T>(backend: string, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw error;
    throw new StoreUnavailableError(backend, error);
  }
}
