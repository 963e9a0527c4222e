/**
 * The one place this channel calls the conversation: a neutral input for a chat through
 * `handle`, and the replies back. Duplicates never get here: the push ledger (ledger.ts) lets
 * each push through once.
 */
import { handle, type ConversationStore, type Reply, type Step, type UserInput } from "../../conversation/index.ts";

/** `erased`: the chat was forgotten (/forget). `forgotten`: it was forgotten while this turn ran, which is dropped. */
export type TurnOutcome = { kind: "replies"; replies: Reply[] } | { kind: "erased" } | { kind: "forgotten" };

/** One turn of one chat. */
export type Conversation = (chatId: string, input: UserInput) => Promise<TurnOutcome>;

/** The conversation over a store; `step` is replaceable for tests (a slow or failing one). */
export function storeConversation(store: ConversationStore, step?: Step): Conversation {
  return async (chatId, input) => {
    const result = await handle(chatId, input, store, step ? { step } : {});
    if (result.kind === "erased") return { kind: "erased" };
    if (result.kind === "applied") return { kind: "replies", replies: result.replies };
    return { kind: "forgotten" };
  };
}
