/**
 * "保存结果": a read-only copy of the newest result (an estimate, a checklist, a guide) at a
 * short unguessable link, kept 30 days. It holds what was asked (redacted, as everywhere), the
 * answer with its steps and sources, and the date — nothing that names the person or links the
 * page to their session.
 */
import type { ConversationStore } from "../../conversation/index.ts";
import { flowMessages } from "../../messages/flows.ts";
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

/**
 * How many of the person's messages a saved page quotes as the question, at most: the first (the
 * question itself, which a correction made with buttons pushes far back) and the newest.
 */
const ASKED_MESSAGES = 4;
const CHANGED = flowMessages.change.changed("").slice(0, 3); // "已改为"

const isResult = (e: Entry) => e.who === "bot" && (e.bill !== undefined || (e.sources !== undefined && e.sources.length > 0));

/**
 * The newest result in a transcript (a reply that cites sources or draws a bill) and what the
 * person said to get it: their messages since the result before, and, while that result was itself
 * a change to an earlier one ("已改为：二级医院"), since the one before that — so a saved page after
 * a correction shows the question, not only "改成二级医院".
 */
export function newestResult(entries: Entry[]): { asked?: string; entries: Entry[] } | undefined {
  let i = entries.length - 1;
  while (i >= 0 && !isResult(entries[i]!)) i--;
  if (i < 0) return undefined;
  const said: string[] = [];
  let changed = entries[i]!.text.startsWith(CHANGED);
  for (let j = i - 1; j >= 0; j--) {
    const e = entries[j]!;
    if (e.who === "me") said.unshift(e.text);
    else if (isResult(e)) {
      if (!changed) break;
      changed = e.text.startsWith(CHANGED);
    } else if (e.text.startsWith(CHANGED)) changed = true;
  }
  const quoted = said.length <= ASKED_MESSAGES ? said : [said[0]!, "…", ...said.slice(1 - ASKED_MESSAGES)];
  const asked = said.length === 0 ? undefined : quoted.join(" → ");
  // The result without its buttons: a saved page is read, not answered.
  const { choices: _unused, ...result } = entries[i]!;
  return { asked, entries: [result] };
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
