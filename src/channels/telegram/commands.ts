/**
 * The commands the bot publishes (setMyCommands) with their Chinese descriptions. What each one
 * does is decided by the conversation's one command table, as on every other channel.
 */
import { botMessages } from "../../messages/bot.ts";

export const COMMANDS = botMessages.commands;
