/**
 * The one entry point every channel calls: restore → handle → persist. Interim version that
 * only greets; the flows land beside it.
 */
import type { Reply, UserInput } from "./reply.ts";
import { flowMessages as m } from "../messages/flows.ts";

export type { Reply, UserInput, Choice } from "./reply.ts";

export interface StoredConversation {
  version: number;
  snapshot: unknown;
  updatedAt: string;
}

export const STORE_VERSION = 1;

/** One message, the full round trip a stateless server does. Never throws. */
export function handleMessage(stored: string | null, input: UserInput, now: Date = new Date()): { replies: Reply[]; stored: string } {
  void stored;
  void input;
  const replies: Reply[] = [
    {
      text: m.welcome,
      choices: Object.entries(m.menuChoices).map(([id, label]) => ({ id: `go:${id}`, label })),
    },
  ];
  const value: StoredConversation = { version: STORE_VERSION, snapshot: { menu: true }, updatedAt: now.toISOString() };
  return { replies, stored: JSON.stringify(value) };
}
