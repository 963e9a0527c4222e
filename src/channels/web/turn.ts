/**
 * One message of the web chat through the conversation, with the same compare-and-set turn the
 * bot uses, under the session's own key. Commands typed as text ("/estimate 住院花了3万") are
 * read as the bot reads them.
 */
import { handleMessage, type Reply, type UserInput } from "../../conversation/index.ts";
import type { ConversationStore } from "../../store/index.ts";
import { FLOW_COMMANDS, parseCommand } from "../telegram/commands.ts";
import { applyTurn, type Handle } from "../telegram/turn.ts";
import { conversationKey } from "./transcript.ts";

export type WebInput = { type: "text"; text: string } | { type: "choice"; id: string };

export type WebTurn = { kind: "replies"; replies: Reply[] } | { kind: "forget" };

export async function webTurn(store: ConversationStore, session: string, given: WebInput): Promise<WebTurn> {
  let input: UserInput = given;
  let handle: Handle = handleMessage;
  if (given.type === "text") {
    const command = parseCommand(given.text);
    if (command?.name === "forget") return { kind: "forget" };
    if (command) {
      input = { type: "command", name: command.name };
      const rest = command.rest && FLOW_COMMANDS.has(command.name) ? command.rest : undefined;
      if (rest !== undefined) handle = (stored, first, now) => handleMessage(handleMessage(stored, first, now).stored, { type: "text", text: rest }, now);
    }
  }
  const result = await applyTurn({ store, handle, chatId: conversationKey(session), input });
  return { kind: "replies", replies: result.kind === "applied" ? result.replies : [] };
}

let greeting: Reply[] | undefined;
/** What a new visitor sees first: the conversation's own start, not stored until they answer. */
export function greetingReplies(): Reply[] {
  return (greeting ??= handleMessage(null, { type: "command", name: "start" }).replies);
}
