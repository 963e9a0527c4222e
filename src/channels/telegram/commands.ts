/** The commands the bot understands and publishes (setMyCommands), and reading one from a message. */
import { botMessages } from "../../messages/bot.ts";

export const COMMANDS = botMessages.commands;

export type ParsedCommand = { name: string } | null;

/** "/estimate", "/estimate@yidi_bot 3万" → { name: "estimate" }; anything else → null. */
export function parseCommand(text: string, botUsername?: string): ParsedCommand {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s|$)/.exec(text.trim());
  if (!match) return null;
  const [, name, at] = match;
  // In a group, "/start@other_bot" is for someone else.
  if (at && botUsername && at.toLowerCase() !== botUsername.toLowerCase()) return null;
  return { name: name!.toLowerCase() };
}
