/**
 * "保存结果": a read-only copy of the newest result (an estimate, a checklist, a guide) at a
 * short unguessable link, kept 30 days. It holds what was asked (redacted, as everywhere), the
 * answer with its steps and sources, and the date — nothing that names the person or links the
 * page to their session.
 */
import type { ConversationStore } from "../../conversation/index.ts";
import { isId, newId } from "./session.ts";
import type { Entry } from "./transcript.ts";

export const SAVED_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const key = (id: string) => `web:s:${id}`;

export interface Saved {
  asked?: string;
  entries: Entry[];
  savedAt: string;
  expiresAt: string;
}

/** The newest result in a transcript (a reply that cites sources or draws a bill) and what the person said before it. */
export function newestResult(entries: Entry[]): { asked?: string; entries: Entry[] } | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.who === "bot" && (e.bill || (e.sources && e.sources.length > 0))) {
      let asked: string | undefined;
      for (let j = i - 1; j >= 0; j--) {
        if (entries[j]!.who === "me") {
          asked = entries[j]!.text;
          break;
        }
      }
      // The result without its buttons: a saved page is read, not answered.
      const { choices: _unused, ...result } = e;
      return { asked, entries: [result] };
    }
  }
  return undefined;
}

export async function saveResult(store: ConversationStore, result: { asked?: string; entries: Entry[] }, now = new Date()): Promise<string> {
  const id = newId();
  const saved: Saved = { ...result, savedAt: now.toISOString().slice(0, 10), expiresAt: new Date(now.getTime() + SAVED_TTL_MS).toISOString() };
  await store.set(key(id), JSON.stringify(saved), null);
  return id;
}

export async function loadResult(store: ConversationStore, id: string, now = new Date()): Promise<Saved | undefined> {
  if (!isId(id)) return undefined;
  const entry = await store.get(key(id));
  if (!entry) return undefined;
  try {
    const saved = JSON.parse(entry.value) as Saved;
    return Date.parse(saved.expiresAt) > now.getTime() ? saved : undefined;
  } catch {
    return undefined;
  }
}
