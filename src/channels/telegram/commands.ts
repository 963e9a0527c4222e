/** The commands the bot understands and publishes (setMyCommands), and reading one from a message. */
import { botMessages } from "../../messages/bot.ts";

export const COMMANDS = botMessages.commands;

export type ParsedCommand = { name: string; rest?: string } | null;

/** "/estimate" → { name: "estimate" }, "/estimate@yidi_bot 3万" → { name: "estimate", rest: "3万" }; anything else → null. */
export function parseCommand(text: string, botUsername?: string): ParsedCommand {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return null;
  const [, name, at, rest] = match;
  // In a group, "/start@other_bot" is for someone else.
  if (at && botUsername && at.toLowerCase() !== botUsername.toLowerCase()) return null;
  return rest?.trim() ? { name: name!.toLowerCase(), rest: rest.trim() } : { name: name!.toLowerCase() };
}

/** The commands that open a flow: text after them ("/estimate 住院花了3万") is the first answer. */
export const FLOW_COMMANDS = new Set(["register", "eligibility", "estimate", "claim"]);
