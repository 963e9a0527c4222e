/**
 * The conversation, as channels see it: `handle(chatId, input, store)` owns the whole turn;
 * adapters translate their input to `UserInput` and render the neutral `Reply`.
 */
export type { Reply, UserInput, Choice, Bill } from "./reply.ts";
export { sourcesToList } from "./reply.ts";
export type { StoredConversation } from "./store.ts";
export { STORE_VERSION } from "./store.ts";
export { handle, neutral, type HandleOptions, type Outcome } from "./handle.ts";
export { handleMessage, greeting } from "./step.ts";
export { ConflictError, isUpdateId, type Step, type TurnLog, type TurnResult } from "./turn.ts";
export { COMMANDS, readCommand, type CommandName, type TypedCommand } from "./commands.ts";
export { renderText, matchChoice } from "./render.ts";
export { MAX_TEXT } from "./interpret.ts";
/** The store the conversation keeps chats in; adapters get an instance from their composition root. */
export { StoreUnavailableError, type ConversationStore, type Entry as StoredEntry } from "../store/types.ts";
/** For channels that echo or log what a person typed: ID and phone numbers and names removed. */
export { redact } from "../language/index.ts";
