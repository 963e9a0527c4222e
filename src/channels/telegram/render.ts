/**
 * Reply → Telegram messages in HTML parse mode: text escaped, sources folded into an
 * expandable quote, anything over Telegram's 4,096 characters split at paragraph, then line,
 * then character boundaries (never inside a tag or an escape).
 */
import type { Reply } from "../../conversation/index.ts";
import { botMessages as m } from "../../messages/bot.ts";

export const MAX_MESSAGE_CHARS = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Splits plain text into pieces of at most `max` characters (code points), preferring paragraph and line breaks. */
export function splitText(text: string, max = MAX_MESSAGE_CHARS): string[] {
  const chars = Array.from(text);
  if (chars.length <= max) return [text];
  const pieces: string[] = [];
  let rest = chars;
  while (rest.length > max) {
    const window = rest.slice(0, max).join("");
    let cut = window.lastIndexOf("\n\n");
    if (cut < max / 2) cut = window.lastIndexOf("\n");
    if (cut < max / 2) cut = -1;
    const head = cut > 0 ? Array.from(window.slice(0, cut)) : rest.slice(0, max);
    pieces.push(head.join("").trimEnd());
    rest = rest.slice(head.length);
    while (rest[0] === "\n") rest = rest.slice(1);
  }
  if (rest.length > 0) pieces.push(rest.join(""));
  return pieces.filter((p) => p.length > 0);
}

/** The HTML bodies of one reply, in order; the last one is where its keyboard goes. */
export function renderReply(reply: Reply): string[] {
  const pieces = splitText(reply.text).map(escapeHtml);
  const sources = reply.sources?.filter((s) => s.trim() !== "") ?? [];
  if (sources.length > 0) {
    const plain = `${m.sourcesTitle}${sources.join("；")}`;
    const footerPieces = splitText(plain, MAX_MESSAGE_CHARS - 4);
    const last = pieces.length - 1;
    const visible = last >= 0 ? Array.from(pieces[last]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")).length : 0;
    if (footerPieces.length === 1 && last >= 0 && visible + 2 + Array.from(plain).length <= MAX_MESSAGE_CHARS) {
      pieces[last] = `${pieces[last]}\n\n<blockquote expandable>${escapeHtml(plain)}</blockquote>`;
    } else {
      for (const f of footerPieces) pieces.push(`<blockquote expandable>${escapeHtml(f)}</blockquote>`);
    }
  }
  return pieces.length > 0 ? pieces : [escapeHtml(" ")];
}
