/**
 * One update applied to one chat's stored conversation: read → handleMessage → compare-and-set,
 * retried on a lost race. Whichever instance commits first wins; the other re-reads the newer
 * value and applies its update on top, so concurrent updates are serialised and none is lost.
 * The record also keeps the last few update ids so that a redelivered update (Telegram retries a
 * webhook that timed out) is not applied twice.
 */
import { z } from "zod";
import type { Reply, UserInput } from "../../conversation/index.ts";
import type { ConversationStore } from "../../store/index.ts";

export type Handle = (stored: string | null, input: UserInput, now?: Date) => { replies: Reply[]; stored: string };

// c: the conversation's stored string; u: the last update ids applied; p: the data of the last
// button press applied (so that a double tap on it is recognised as one).
const Record = z.object({ c: z.string().nullable(), u: z.array(z.number().int()).max(64), p: z.string().max(64).optional() });
type ChatRecord = z.infer<typeof Record>;

const RECENT_UPDATES = 16;
const MAX_ATTEMPTS = 12;

export class ConflictError extends Error {
  override readonly name = "ConflictError";
}

export type TurnResult =
  | { kind: "applied"; replies: Reply[]; version: number }
  | { kind: "duplicate" }
  | { kind: "stale"; version: number | null }
  /** The chat was forgotten (/forget on another instance) while this update was being applied: dropped. */
  | { kind: "forgotten" };

function decode(value: string | undefined): ChatRecord {
  if (value === undefined) return { c: null, u: [] };
  try {
    const parsed = Record.safeParse(JSON.parse(value));
    // A damaged record: hand the conversation nothing, it starts afresh (with its own apology).
    return parsed.success ? parsed.data : { c: value, u: [] };
  } catch {
    return { c: value, u: [] };
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface TurnOptions {
  store: ConversationStore;
  handle: Handle;
  chatId: string;
  input: UserInput;
  updateId?: number;
  /** A button press: only valid while the chat is still at the version the button was drawn for. */
  expectVersion?: number;
  /** The press's callback data: the same button pressed again right after it was applied is a double tap. */
  pressData?: string;
  now?: () => Date;
}

export async function applyTurn(o: TurnOptions): Promise<TurnResult> {
  let hadEntry = false;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const entry = await o.store.get(o.chatId);
    // Present when first read, gone on the retry: a /forget came in between (nothing else
    // deletes, and the idle expiry is days). Writing now would bring back what was forgotten.
    if (entry) hadEntry = true;
    else if (hadEntry) return { kind: "forgotten" };
    const record = decode(entry?.value);
    if (o.expectVersion !== undefined && entry?.version !== o.expectVersion) {
      // The button that was just applied, pressed again (a double tap): not an old button.
      if (entry && o.pressData !== undefined && record.p === o.pressData) return { kind: "duplicate" };
      return { kind: "stale", version: entry?.version ?? null };
    }
    if (o.updateId !== undefined && record.u.includes(o.updateId)) return { kind: "duplicate" };
    const out = o.handle(record.c, o.input, o.now?.() ?? new Date());
    const next: ChatRecord = { c: out.stored, u: o.updateId === undefined ? record.u : [...record.u, o.updateId].slice(-RECENT_UPDATES) };
    if (o.pressData !== undefined) next.p = o.pressData;
    const version = await o.store.set(o.chatId, JSON.stringify(next), entry?.version ?? null);
    if (version !== null) return { kind: "applied", replies: out.replies, version };
    // Lost the race: someone committed in between. Back off a little, with jitter, and redo on top of theirs.
    await pause(Math.random() * Math.min(2 ** attempt, 50));
  }
  throw new ConflictError(`chat ${o.chatId}: gave up after ${MAX_ATTEMPTS} conflicting writes`);
}
