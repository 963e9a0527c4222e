/**
 * What the page shows again on reload: the last messages of a session, kept in the same
 * store as the conversation (its own key beside it), and erased with it. A person's own words
 * are kept only redacted (no identity or phone numbers, no names), as they are in logs.
 */
import type { Bill, Choice, Reply } from "../../conversation/index.ts";
import { redact } from "../../conversation/index.ts";
import type { ConversationStore } from "../../store/index.ts";

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

export async function readTranscript(store: ConversationStore, session: string): Promise<Entry[]> {
  return decode((await store.get(transcriptKey(session)))?.value);
}

/** Appends entries (compare-and-set: two tabs of one session both get their lines in). */
export async function appendTranscript(store: ConversationStore, session: string, entries: Entry[]): Promise<Entry[]> {
  const key = transcriptKey(session);
  for (let i = 0; i < ATTEMPTS; i++) {
    const current = await store.get(key);
    const next = [...decode(current?.value), ...entries].slice(-KEEP);
    if ((await store.set(key, JSON.stringify(next), current?.version ?? null)) !== null) return next;
  }
  return entries;
}

export async function eraseSession(store: ConversationStore, session: string): Promise<void> {
  await store.delete(conversationKey(session));
  await store.delete(transcriptKey(session));
}
