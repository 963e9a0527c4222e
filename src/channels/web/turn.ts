/**
 * One message of the web chat through the conversation's `handle`, under the session's own
 * key. Commands typed as text ("/estimate 住院花了3万", "/forget") are read there, as on
 * every channel.
 */
import { greeting, handle, type ConversationStore, type Reply } from "../../conversation/index.ts";
import { conversationKey } from "./transcript.ts";

export type WebInput = { type: "text"; text: string } | { type: "choice"; id: string };

export type WebTurn = { kind: "replies"; replies: Reply[] } | { kind: "forget" };

export async function webTurn(store: ConversationStore, session: string, input: WebInput): Promise<WebTurn> {
  const result = await handle(conversationKey(session), input, store);
  if (result.kind === "erased") return { kind: "forget" };
  return { kind: "replies", replies: result.kind === "applied" ? result.replies : [] };
}

/** What a new visitor sees first: the conversation's own start, not stored until they answer. */
export function greetingReplies(): Reply[] {
  return greeting();
}
