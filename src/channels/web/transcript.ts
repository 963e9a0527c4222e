/**
 * What the page shows again on reload: the last messages of a session, kept in the same
 * store as the conversation (a log, one line per entry, beside it), and erased with it. A person's own words
 * are kept only redacted (no identity or phone numbers, no names), as they are in logs.
 */
import type { Bill, Choice, Reply } from "../../conversation/index.ts";
import { redact } from "../../conversation/index.ts";
import type { ConversationStore } from "../../conversation/index.ts";

export interface Entry {
  who: "me" | "bot";
  text: string;
  choices?: Choice[];
  sources?: string[];
  bill?: Bill;
  /** A link the entry points to (a saved summary). */
  link?: string;
}

/** Enough for a whole estimate dialogue and its corrections; older messages drop off. */
export const KEEP = 60;
/** Entries read back for a pressed button: the newest turn's replies, one of which drew it. */
export const RECENT = 4;

export const transcriptKey = (session: string) => `web:${session}:t`;
export const conversationKey = (session: string) => `web:${session}`;

function decodeAll(value: string | undefined): Entry[] {
  if (!value) return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? (parsed as Entry[]) : [];
  } catch {
    return [];
  }
}

function decodeLine(value: string): Entry | undefined {
  try {
    const parsed = JSON.parse(value) as unknown;
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Entry) : undefined;
  } catch {
    return undefined;
  }
}

export function fromReply(r: Reply): Entry {
  // Fields set one by one, in the order the stored lines have always had them.
  const e: Entry = { who: "bot", text: r.text };
  if (r.choices?.length) e.choices = r.choices;
  if (r.sources?.length) e.sources = r.sources;
  if (r.bill) e.bill = r.bill;
  return e;
}

export function mine(text: string): Entry {
  return { who: "me", text: redact(text) };
}

/** A transcript as read: its entries, the place of the first (entries are drawn with their place), and whether it is kept whole as earlier versions kept it. */
export interface Read {
  entries: Entry[];
  first: number;
  legacy?: boolean;
}

/**
 * The newest `limit` entries (all kept when there is no limit). Each entry is a line of the
 * store's log for the session, so a message appends its few lines instead of reading, parsing
 * and writing the whole transcript.
 */
export async function readTranscript(store: ConversationStore, session: string, limit?: number): Promise<Read> {
  const key = transcriptKey(session);
  const lines = await store.lines(key, limit);
  if (lines.length > 0) {
    const entries: Entry[] = [];
    for (const line of lines) {
      const entry = decodeLine(line.value);
      if (entry) entries.push(entry);
    }
    return { entries, first: lines[0]!.seq };
  }
  return readWhole(store, key);
}

/** Earlier versions kept the transcript whole, as one value under the same key. */
async function readWhole(store: ConversationStore, key: string): Promise<Read> {
  const whole = decodeAll((await store.get(key))?.value);
  return whole.length > 0 ? { entries: whole, first: 0, legacy: true } : { entries: [], first: 0 };
}

/**
 * What a message needs of the transcript before its turn: whether there is anything at all (a
 * first message answers the greeting) and, for a pressed button, its label among the newest
 * entries. The newest lines are read but decoded only as far as asked, newest first (a button
 * is nearly always one of the newest reply's): most of their bytes are estimates a message
 * does not need parsed.
 */
export interface Recent {
  /** No entries kept: a first message, or one after the transcript expired. */
  empty: boolean;
  /** As `appendTranscript` takes it. */
  read: Read;
  /** The first thing `pick` finds in an entry, newest entry first. */
  newest<T>(pick: (e: Entry) => T | undefined): T | undefined;
}

/** `Recent.newest` over entries at hand. */
export function newestOf(entries: Entry[]): Recent["newest"] {
  return (pick) => {
    for (let i = entries.length - 1; i >= 0; i--) {
      const hit = pick(entries[i]!);
      if (hit !== undefined) return hit;
    }
    return undefined;
  };
}

export async function readRecent(store: ConversationStore, session: string, limit: number): Promise<Recent> {
  const key = transcriptKey(session);
  const lines = await store.lines(key, limit);
  if (lines.length === 0) {
    // Nothing in the log: perhaps a transcript kept whole by an earlier version (moved with this message).
    const read = await readWhole(store, key);
    return { empty: read.entries.length === 0, read, newest: newestOf(read.entries) };
  }
  return {
    empty: false,
    read: { entries: [], first: lines[0]!.seq },
    newest: (pick) => {
      for (let i = lines.length - 1; i >= 0; i--) {
        const entry = decodeLine(lines[i]!.value);
        const hit = entry && pick(entry);
        if (hit !== undefined) return hit;
      }
      return undefined;
    },
  };
}

/** Appends entries to a transcript read before; returns the place of the first appended. */
export async function appendTranscript(store: ConversationStore, session: string, read: Read, entries: Entry[]): Promise<number> {
  const key = transcriptKey(session);
  if (read.legacy) {
    // Moved to the log once: the whole value goes, its entries come first in the log.
    await store.delete(key);
    const first = await store.append(key, [...read.entries, ...entries].slice(-KEEP).map((e) => JSON.stringify(e)), KEEP);
    return first + Math.max(0, Math.min(KEEP, read.entries.length + entries.length) - entries.length);
  }
  return store.append(key, entries.map((e) => JSON.stringify(e)), KEEP);
}

/** The session's transcript; its conversation is erased by the conversation's own /forget (web/turn.ts). */
export async function eraseTranscript(store: ConversationStore, session: string): Promise<void> {
  await store.delete(transcriptKey(session));
}
