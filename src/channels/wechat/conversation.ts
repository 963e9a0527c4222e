/**
 * The one place this channel calls the conversation: a neutral input for a chat, applied once
 * (the push's dedup key travels as the turn id, so even a redelivery the ledger no longer knows
 * about is not applied twice), and the replies back.
 */
import { createHash } from "node:crypto";
import { handleMessage, type Reply, type UserInput } from "../../conversation/index.ts";
import type { ConversationStore } from "../../store/index.ts";
import { applyTurn, type Handle } from "../telegram/turn.ts";

export type TurnOutcome = { kind: "replies"; replies: Reply[] } | { kind: "duplicate" } | { kind: "forgotten" };

/** One turn of one chat. `turnKey` identifies the push; the same key twice is applied once. */
export type Conversation = (chatId: string, input: UserInput, turnKey: string) => Promise<TurnOutcome>;

/** A turn id the store's record keeps: 48 bits of the key's hash (a MsgId does not fit a double). */
function turnId(key: string): number {
  return parseInt(createHash("sha1").update(key).digest("hex").slice(0, 12), 16);
}

/** The conversation over a store; `handle` is replaceable for tests (a slow or failing one). */
export function storeConversation(store: ConversationStore, handle: Handle = handleMessage): Conversation {
  return async (chatId, input, turnKey) => {
    if (input.type === "command" && input.name === "forget") {
      await store.delete(chatId);
      return { kind: "replies", replies: [] };
    }
    const result = await applyTurn({ store, handle, chatId, input, updateId: turnId(turnKey) });
    if (result.kind === "applied") return { kind: "replies", replies: result.replies };
    return result.kind === "duplicate" ? { kind: "duplicate" } : { kind: "forgotten" };
  };
}
