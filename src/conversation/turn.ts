/**
 * One input applied to one chat's stored conversation: read → step → compare-and-set,
 * retried on a lost race. Whichever instance commits first wins; the other re-reads the newer
 * value and applies its update on top, so concurrent updates are serialised and none is lost.
 * The record also keeps the highest update id applied (and when), so that a redelivered update
 * (Telegram retries a webhook that timed out; polling redelivers what was not confirmed before a
 * crash) is not applied twice, and an older one is not applied after a newer.
 */
import { z } from "zod";
import { StoreUnavailableError, type ConversationStore, type LogAppend } from "../store/types.ts";
import type { Reply, UserInput } from "./reply.ts";
import { WrittenStrings } from "./written.ts";

/**
 * One input applied to a stored conversation, without I/O: the stored string in, replies and
 * the next string out. `kept` is called once that string is stored (the step may keep it at hand
 * for the chat's next input).
 */
export type Step = (stored: string | null, input: UserInput, now?: Date) => StepResult;
export interface StepResult {
  replies: Reply[];
  stored: string;
  kept?: () => void;
}

const UpdateId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

// c: the conversation's stored string; u: the last update ids applied; h, t: the highest update id
// applied and when (ms); p: the data of the last button press applied (so that a double tap on it
// is recognised as one).
const Record = z.object({
  c: z.string().nullable(),
  u: z.array(UpdateId).max(64),
  h: UpdateId.optional(),
  t: z.number().int().min(0).optional(),
  p: z.string().max(64).optional(),
});
type ChatRecord = z.infer<typeof Record>;

const RECENT_UPDATES = 16;
const MAX_ATTEMPTS = 12;
/**
 * Telegram's update ids increase by one per update, except that after a week without any update
 * the next id is chosen at random. Ids at or below the highest applied are therefore dropped only
 * while that highest one is younger than a week; an older record accepts the new sequence.
 */
const ID_SEQUENCE_MS = 7 * 24 * 60 * 60 * 1000;

/** Whether an update id can be trusted as one: a safe, non-negative integer (1e400 or 12.5 is not); what `UpdateId` accepts. */
export function isUpdateId(id: unknown): id is number {
  return typeof id === "number" && Number.isSafeInteger(id) && id >= 0;
}

export class ConflictError extends Error {
  override readonly name = "ConflictError";
}

export type TurnResult =
  /** `first`: with a `log`, the place of its first line appended. */
  | { kind: "applied"; replies: Reply[]; version: number; first?: number }
  /**
   * Seen before. `latest`: it is the last update applied to this chat, so its replies may have
   * been lost (the process died before sending them); `replies` then restate where the
   * conversation is, at `version`.
   */
  | { kind: "duplicate"; latest?: { replies: Reply[]; version: number } }
  /** The update id is not a safe integer: refused, nothing read or written. */
  | { kind: "invalid" }
  | { kind: "stale"; version: number | null }
  /** The chat was forgotten (/forget on another instance) while this update was being applied: dropped. */
  | { kind: "forgotten" };

/**
 * The record each chat was last written with by this process, by its exact string (for a
 * bounded number of chats, the longest unwritten dropped first): the chat's next update reads
 * back what was just written, and need not parse and check it again. Frozen, as one record may
 * be read by several turns. Any other string is checked.
 */
const written = new WrittenStrings<ChatRecord>(2_000);

function remember(value: string, record: ChatRecord, previous: string | undefined): void {
  // Only what reads back the same through the schema (a press's data over 64 characters, or a
  // clock gone wrong, does not, and is read back by `decode` as it always was).
  const sound = (record.p === undefined || record.p.length <= 64) && (record.t === undefined || (Number.isSafeInteger(record.t) && record.t >= 0));
  if (!sound) {
    if (previous !== undefined) written.release(previous);
    return;
  }
  Object.freeze(record.u);
  written.keep(value, Object.freeze(record), previous);
}

/** Drops a forgotten chat's record, and says which conversation it held (for the step's own copy to go too). */
export function forgetRecord(value: string): string | null {
  const record = decode(value);
  written.drop(value);
  return record.c;
}

/** How many written records are kept for reading back (at most 2,000). */
export function rememberedRecords(): number {
  return written.size;
}

/** Whether this record string is kept for reading back. */
export function remembersRecord(value: string): boolean {
  return written.has(value);
}

function decode(value: string | undefined): ChatRecord {
  if (value === undefined) return { c: null, u: [] };
  const known = written.get(value);
  if (known) return known;
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return { c: value, u: [] };
  }
  const parsed = Record.safeParse(raw);
  if (parsed.success) return parsed.data;
  // Bad bookkeeping (an id stored as null by an older version) must not cost the conversation:
  // keep it and the ids that are sound.
  if (typeof raw === "object" && raw !== null && "c" in raw && (typeof raw.c === "string" || raw.c === null)) {
    const u = "u" in raw && Array.isArray(raw.u) ? raw.u.filter(isUpdateId).slice(-RECENT_UPDATES) : [];
    return { c: raw.c, u };
  }
  // A damaged record: hand the conversation nothing, it starts afresh (with its own apology).
  return { c: value, u: [] };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Tries of one store call before the turn fails with StoreUnavailableError (a store that is down fails fast). */
const STORE_TRIES = 3;

/** A store call, tried again after a failure: one timed-out command must not cost the update. */
async function retried<T>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof StoreUnavailableError) || attempt >= STORE_TRIES) throw error;
      await pause(100 * attempt);
    }
  }
}

/**
 * The compare-and-set, whose failure does not say whether it was carried out: a command times
 * out on the client after the server ran it (a process stalled for a moment by a busy machine
 * finds its timers due before the answer is read). The record is read back: if it holds what
 * was written, the turn is applied and its replies go out; otherwise it was not written and the
 * turn is redone like a lost race (null). Without this the person was told "稍后再试" for a turn
 * that had been applied, and the update was acknowledged, so nobody sent the answer.
 */
async function setChecked(store: ConversationStore, chatId: string, value: string, expected: number | null): Promise<number | null> {
  try {
    return await store.set(chatId, value, expected);
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    const now = await retried(() => store.get(chatId));
    return now?.value === value ? now.version : null;
  }
}

/**
 * The compare-and-set with the channel's log lines of the turn: in one write where the store
 * has one, else the set and then the append (as the channel did itself before). A failure of
 * the one write is read back like `setChecked`'s: the record tells whether it was carried out,
 * and then the lines were too; the place of the first is read from the log.
 */
async function setLogged(store: ConversationStore, chatId: string, value: string, expected: number | null, log: LogAppend): Promise<{ version: number; first: number } | null> {
  if (!store.setWithLog) {
    const version = await setChecked(store, chatId, value, expected);
    return version === null ? null : { version, first: await store.append(log.id, log.lines, log.keep) };
  }
  try {
    return await store.setWithLog(chatId, value, expected, log);
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    const now = await retried(() => store.get(chatId));
    if (now?.value !== value) return null;
    const kept = await retried(() => store.lines(log.id, log.lines.length));
    return { version: now.version, first: kept[0]?.seq ?? 0 };
  }
}

export interface TurnOptions {
  store: ConversationStore;
  step: Step;
  chatId: string;
  input: UserInput;
  updateId?: number;
  /** A button press: only valid while the chat is still at the version the button was drawn for. */
  expectVersion?: number;
  /** The press's callback data: the same button pressed again right after it was applied is a double tap. */
  pressData?: string;
  /** Restates the conversation's current question; sent when the latest update is redelivered. */
  restate?: (stored: string, now: Date) => Reply[];
  now?: () => Date;
  log?: TurnLog;
}

/**
 * A channel's own lines of a turn (the web chat's transcript), appended with it in the same
 * write: both are kept or neither. `lines` is given the turn's replies and the version the turn
 * was applied to (null: nothing was stored), and may be called again when the turn is redone.
 */
export interface TurnLog {
  id: string;
  keep: number;
  lines: (replies: Reply[], version: number | null) => string[] | Promise<string[]>;
}

/** Whether this update was applied already (or is older than one that was). */
function seen(record: ChatRecord, id: number, now: number): boolean {
  if (record.u.includes(id)) return true;
  return record.h !== undefined && id <= record.h && record.t !== undefined && now - record.t < ID_SEQUENCE_MS;
}

export async function applyTurn(o: TurnOptions): Promise<TurnResult> {
  if (o.updateId !== undefined && !isUpdateId(o.updateId)) return { kind: "invalid" };
  let hadEntry = false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const entry = await retried(() => o.store.get(o.chatId));
    // Present when first read, gone on the retry: a /forget came in between (nothing else
    // deletes, and the idle expiry is days). Writing now would bring back what was forgotten.
    if (entry) hadEntry = true;
    else if (hadEntry) return { kind: "forgotten" };
    const record = decode(entry?.value);
    const now = o.now?.() ?? new Date();
    if (o.updateId !== undefined && seen(record, o.updateId, now.getTime())) {
      // The latest update again: it was stored, but its replies may never have gone out.
      if (entry && o.updateId === record.h && o.restate && record.c !== null)
        return { kind: "duplicate", latest: { replies: o.restate(record.c, now), version: entry.version } };
      return { kind: "duplicate" };
    }
    if (o.expectVersion !== undefined && entry?.version !== o.expectVersion) {
      // The button that was just applied, pressed again (a double tap): not an old button.
      if (entry && o.pressData !== undefined && record.p === o.pressData) return { kind: "duplicate" };
      return { kind: "stale", version: entry?.version ?? null };
    }
    const out = o.step(record.c, o.input, now);
    const next: ChatRecord = { c: out.stored, u: record.u };
    if (o.updateId !== undefined) {
      next.u = [...record.u, o.updateId].slice(-RECENT_UPDATES);
      const fresh = record.h === undefined || record.t === undefined || now.getTime() - record.t >= ID_SEQUENCE_MS;
      next.h = fresh ? o.updateId : Math.max(record.h!, o.updateId);
      next.t = now.getTime();
    } else if (record.h !== undefined) {
      next.h = record.h;
      next.t = record.t;
    }
    if (o.pressData !== undefined) next.p = o.pressData;
    const value = JSON.stringify(next);
    const expected = entry?.version ?? null;
    const stored = o.log
      ? await setLogged(o.store, o.chatId, value, expected, { id: o.log.id, keep: o.log.keep, lines: await o.log.lines(out.replies, expected) })
      : await setChecked(o.store, o.chatId, value, expected).then((version) => (version === null ? null : { version }));
    if (stored !== null) {
      remember(value, next, entry?.value);
      out.kept?.();
      return { kind: "applied", replies: out.replies, ...stored };
    }
    // Lost the race: someone committed in between. Back off a little, with jitter, and redo on top of theirs.
    await pause(Math.random() * Math.min(2 ** attempt, 50));
  }
  throw new ConflictError(`chat ${o.chatId}: gave up after ${MAX_ATTEMPTS} conflicting writes`);
}
