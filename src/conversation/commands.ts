/**
 * The one table of commands, the same on every channel, and reading a command from typed
 * text. "/register 苏州" opens registration and reads 苏州 as its first answer whether it was
 * typed in the terminal, Telegram, the web chat or WeChat.
 */
import type { RouterEvent } from "../../flows/router.ts";

/** What a command does: send the router an event, or erase everything kept for the chat. */
export type CommandAction =
  /** `firstAnswer`: text after the command ("/estimate 住院花了3万") is the flow's first answer. */
  | { kind: "event"; event: RouterEvent; firstAnswer?: true }
  | { kind: "erase" };

export const COMMANDS = {
  start: { kind: "event", event: { type: "GREET" } },
  resume: { kind: "event", event: { type: "RESUME" } },
  help: { kind: "event", event: { type: "HELP" } },
  cancel: { kind: "event", event: { type: "CANCEL" } },
  restart: { kind: "event", event: { type: "RESTART" } },
  register: { kind: "event", event: { type: "START", flow: "registration" }, firstAnswer: true },
  eligibility: { kind: "event", event: { type: "START", flow: "eligibility" }, firstAnswer: true },
  estimate: { kind: "event", event: { type: "START", flow: "estimate" }, firstAnswer: true },
  claim: { kind: "event", event: { type: "START", flow: "claim" }, firstAnswer: true },
  forget: { kind: "erase" },
} as const satisfies Record<string, CommandAction>;

export type CommandName = keyof typeof COMMANDS;

/** A command of ours by name; an unknown name ("/constructor" included) is none. */
export function commandAction(name: string): CommandAction | undefined {
  const key = name.replace(/^\//, "").toLowerCase();
  return Object.hasOwn(COMMANDS, key) ? COMMANDS[key as CommandName] : undefined;
}

/** The router's event for a command; a command we do not know shows what we can do. */
export function commandEvent(name: string): RouterEvent {
  const action = commandAction(name);
  return action?.kind === "event" ? action.event : { type: "HELP" };
}

export interface TypedCommand {
  name: string;
  /** What followed the command, trimmed; absent when nothing did. */
  rest?: string;
  /** The bot name a Telegram command was addressed to ("/start@yidi_bot"), for the adapter to check. */
  to?: string;
}

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/;

/** "/estimate" → { name: "estimate" }, "/Estimate@yidi_bot 3万" → { name: "estimate", rest: "3万", to: "yidi_bot" }; other text → null. */
export function readCommand(text: string): TypedCommand | null {
  const match = COMMAND.exec(text.trim());
  if (!match) return null;
  const [, name, to, rest] = match;
  return { name: name!.toLowerCase(), ...(rest?.trim() ? { rest: rest.trim() } : {}), ...(to ? { to } : {}) };
}
