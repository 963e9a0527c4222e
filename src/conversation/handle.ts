/**
 * The entrance every channel calls: one input of one chat, the whole turn. Commands are read
 * here (once, from the one table), /forget erases the chat, and everything else goes through
 * restore → interpret → flows → view → persist with the store's compare-and-set (turn.ts).
 * Adapters translate their input to `UserInput` and the outcome's replies to their output.
 */
import type { ConversationStore } from "../store/types.ts";
import { commandAction, readCommand } from "./commands.ts";
import { handleMessage } from "./step.ts";
import type { Reply, UserInput } from "./reply.ts";
import { forgetConversation } from "./store.ts";
import { applyTurn, forgetRecord, type Step, type TurnLog, type TurnResult } from "./turn.ts";

export interface HandleOptions {
  /** The channel's own id of this input (Telegram's update id): a redelivered one is not applied twice. */
  updateId?: number;
  /** A button press: applied only while the chat is still at the version the button was drawn for. */
  expectVersion?: number;
  /** The press's data: the same button pressed again right after it was applied is a double tap. */
  pressData?: string;
  now?: () => Date;
  /** The pure turn (defaults to the conversation's); tests put a slow or failing one here. */
  step?: Step;
  /** The channel's own lines of the turn, written with it (turn.ts). */
  log?: TurnLog;
}

/** What became of the input: a turn's result, or `erased` after /forget. */
export type Outcome = TurnResult | { kind: "erased" };

/**
 * Text that reads as a command ("/register 苏州", "/Start") becomes the command; a command
 * given as such keeps the text after it.
 */
export function neutral(input: UserInput): UserInput {
  if (input.type !== "text") return input;
  const typed = readCommand(input.text);
  return typed ? { type: "command", name: typed.name, ...(typed.rest ? { rest: typed.rest } : {}) } : input;
}

/** One input of one chat, the whole turn. Throws only what the store throws (StoreUnavailableError) or ConflictError. */
export async function handle(chatId: string, given: UserInput, store: ConversationStore, o: HandleOptions = {}): Promise<Outcome> {
  const input = neutral(given);
  const step = o.step ?? handleMessage;
  const action = input.type === "command" ? commandAction(input.name) : undefined;
  if (action?.kind === "erase") {
    // What this process keeps at hand of the chat goes too (best effort: the delete is what counts).
    const entry = await store.get(chatId).catch(() => null);
    await store.delete(chatId);
    if (entry) {
      const conversation = forgetRecord(entry.value);
      if (conversation !== null) forgetConversation(conversation);
    }
    return { kind: "erased" };
  }
  let turnStep = step;
  let first = input;
  if (input.type === "command" && input.rest !== undefined) {
    const rest = input.rest;
    first = { type: "command", name: input.name };
    // "/estimate 我在苏州交的职工医保…": the flow is opened and what follows is read as its first
    // answer, in one turn (one write, and only the replies to the answer are sent). After any
    // other command the text is not an answer to anything and is left out.
    if (action?.kind === "event" && action.firstAnswer)
      turnStep = (stored, opening, now) => {
        const opened = step(stored, opening, now);
        const answered = step(opened.stored, { type: "text", text: rest }, now);
        return { ...answered, kept: () => (opened.kept?.(), answered.kept?.()) };
      };
  }
  return applyTurn({
    store,
    step: turnStep,
    chatId,
    input: first,
    restate: (stored, now) => restate(step, stored, now),
    ...(o.updateId !== undefined ? { updateId: o.updateId } : {}),
    ...(o.expectVersion !== undefined ? { expectVersion: o.expectVersion } : {}),
    ...(o.pressData !== undefined ? { pressData: o.pressData } : {}),
    ...(o.now ? { now: o.now } : {}),
    ...(o.log ? { log: o.log } : {}),
  });
}

/** Where the conversation is, said again: sent when the latest input is redelivered (its replies may have been lost). */
function restate(step: Step, stored: string, now: Date): Reply[] {
  return step(stored, { type: "command", name: "resume" }, now).replies;
}
