/**
 * One message of the web chat through the conversation's `handle`, under the session's own
 * key. Commands typed as text ("/estimate 住院花了3万", "/forget") are read there, as on
 * every channel.
 */
import { greeting, handle, type ConversationStore, type Reply, type TurnLog } from "../../conversation/index.ts";
import { conversationKey, eraseTranscript } from "./transcript.ts";

export type WebInput = { type: "text"; text: string } | { type: "choice"; id: string };

/** `version` and `first` (the place of the log's first line written) when the turn was applied. */
export type WebTurn = { kind: "replies"; replies: Reply[]; version: number; first?: number } | { kind: "replies"; replies: Reply[]; version?: undefined; first?: undefined } | { kind: "forget" };

/** One message; `log`: the session's transcript lines, written with the turn. */
export async function webTurn(store: ConversationStore, session: string, input: WebInput, log?: TurnLog): Promise<WebTurn> {
  const result = await handle(conversationKey(session), input, store, log ? { log } : {});
  if (result.kind === "erased") return { kind: "forget" };
  if (result.kind !== "applied") return { kind: "replies", replies: [] };
  return { kind: "replies", replies: result.replies, version: result.version, ...(result.first !== undefined ? { first: result.first } : {}) };
}

/**
 * The page's "删除我的记录": the same /forget as typed, through the conversation's entrance, so
 * that what this process keeps at hand of the chat goes too; then the session's transcript.
 */
export async function forgetSession(store: ConversationStore, session: string): Promise<void> {
  await handle(conversationKey(session), { type: "command", name: "forget" }, store);
  await eraseTranscript(store, session);
}

/** What a new visitor sees first: the conversation's own start, not stored until they answer. */
export function greetingReplies(): Reply[] {
  return greeting();
}
