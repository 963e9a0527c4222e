/**
 * What the page shows again on reload: the last messages of a session, kept in the same
 * store as the conversation (its own key beside it), and erased with it. A person's own words
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
const ATTEMPTS = 8;

export const transcriptKey = (session: string) => `web:${session}:t`;
export const conversationKey = (session: string) => `web:${session}`;

function decode(value: string | undefined): Entry[] {
  if (!value) return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? (parsed as Entry[]) : [];
  } catch {
    return [];
  }
}

export function fromReply(r: Reply): Entry {
  return { who: "bot", text: r.text, ...(r.choices?.length ? { choices: r.choices } : {}), ...(r.sources?.length ? { sources: r.sources } : {}), ...(r.bill ? { bill: r.bill } : {}) };
}

export function mine(text: string): Entry {
  return { who: "me", text: redact(text) };
}

/** A transcript as read, with the version to write the next one against. */
export interface Read {
  entries: Entry[];
  version: number | null;
}

export async function readTranscript(store: ConversationStore, session: string): Promise<Read> {
  const current = await store.get(transcriptKey(session));
  return { entries: decode(current?.value), version: current?.version ?? null };
}

/**
 * Appends entries to a transcript read before (compare-and-set: when another tab of the same
 * session wrote in between, it is read again and both get their lines in).
 */
export async function appendTranscript(store: ConversationStore, session: string, read: Read, entries: Entry[]): Promise<Entry[]> {
  const key = transcriptKey(session);
  let base = read;
  for (let i = 0; i < ATTEMPTS; i++) {
    const next = [...base.entries, ...entries].slice(-KEEP);
    if ((await store.set(key, JSON.stringify(next), base.version)) !== null) return next;
    base = await readTranscript(store, session);
  }
  return entries;
}

export async function eraseSession(store: ConversationStore, session: string): Promise<void> {
  await store.delete(conversationKey(session));
  await store.delete(transcriptKey(session));
}
