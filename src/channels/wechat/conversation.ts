/**
 * The one place this channel calls the conversation: a neutral input for a chat, applied with
 * the store's compare-and-set, and the replies back. Duplicates never get here: the push ledger
 * (ledger.ts) lets each push through once.
 */
import { handleMessage, type Reply, type UserInput } from "../../conversation/index.ts";
import type { ConversationStore } from "../../store/index.ts";
import { applyTurn, type Handle } from "../telegram/turn.ts";

export type TurnOutcome = { kind: "replies"; replies: Reply[] } | { kind: "forgotten" };

/** One turn of one chat. */
export type Conversation = (chatId: string, input: UserInput) => Promise<TurnOutcome>;

/** The conversation over a store; `handle` is replaceable for tests (a slow or failing one). */
export function storeConversation(store: ConversationStore, handle: Handle = handleMessage): Conversation {
  return async (chatId, input) => {
    if (input.type === "command" && input.name === "forget") {
      await store.delete(chatId);
      return { kind: "replies", replies: [] };
    }
    const result = await applyTurn({ store, handle, chatId, input });
    if (result.kind === "applied") return { kind: "replies", replies: result.replies };
    return { kind: "forgotten" };
  };
}
