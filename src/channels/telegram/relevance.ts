/**
 * Which messages are meant for the bot. In a private chat every message is; in a group only
 * a command for this bot, a reply to one of its messages or a message that names it
 * (@yidi_bot …). Service messages (someone joined, a title changed, a pin) are never answered,
 * and a command for another bot (/start@other_bot) is not read as a question.
 */
import type { Message, UserFromGetMe } from "grammy/types";
import { readCommand } from "../../conversation/index.ts";

export type Relevance =
  /**
   * Text for the conversation (in a group, with the bot's @name taken out). `caption`: it came
   * as the caption of a photo or file (a bill photographed with "住院花了3万"), which is read
   * while the picture is not.
   */
  | { kind: "text"; text: string; caption?: true }
  /** A photo, sticker, voice message, file…: the bot can only say it reads text. */
  | { kind: "other" }
  /** The bot itself was just added to this group. */
  | { kind: "joined" }
  /** Not for the bot: say nothing. */
  | { kind: "ignore" };

// Content a person sends (as opposed to service messages, which carry none of these).
const CONTENT = ["photo", "sticker", "voice", "video", "video_note", "audio", "document", "animation", "contact", "location", "venue", "poll", "dice", "story", "game", "paid_media", "checklist"] as const;

export function isGroup(chat: { type: string }): boolean {
  return chat.type === "group" || chat.type === "supergroup";
}

export function relevance(message: Message, me: UserFromGetMe): Relevance {
  const group = isGroup(message.chat);
  if (group && (message.group_chat_created || message.new_chat_members?.some((u) => u.id === me.id))) return { kind: "joined" };
  const caption = typeof message.text !== "string" && typeof message.caption === "string" && message.caption.trim() !== "";
  const text = caption ? message.caption : message.text;
  if (typeof text === "string") {
    const seen = textRelevance(message, text, me, group);
    return caption && seen.kind === "text" ? { ...seen, caption: true } : seen;
  }
  if (!CONTENT.some((k) => k in message)) return { kind: "ignore" };
  if (group && message.reply_to_message?.from?.id !== me.id) return { kind: "ignore" };
  return { kind: "other" };
}

function textRelevance(message: Message, text: string, me: UserFromGetMe, group: boolean): Relevance {
  const command = readCommand(text);
  // "/start@other_bot": a command for someone else, not a question for us.
  const addressed = /^\s*\/[A-Za-z0-9_]{1,32}@([A-Za-z0-9_]+)/.exec(text);
  if (addressed && addressed[1]!.toLowerCase() !== me.username.toLowerCase()) return { kind: "ignore" };
  if (!group || command) return { kind: "text", text };
  const mention = new RegExp(`@${me.username}\\b`, "gi");
  if (mention.test(text)) {
    const rest = text.replace(mention, " ").replace(/\s+/g, " ").trim();
    return rest === "" ? { kind: "ignore" } : { kind: "text", text: rest };
  }
  return message.reply_to_message?.from?.id === me.id ? { kind: "text", text } : { kind: "ignore" };
}
