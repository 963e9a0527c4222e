/**
 * Reply → Telegram messages in HTML parse mode: text escaped, sources folded into an
 * expandable quote, anything over Telegram's 4,096 characters split at paragraph, then line,
 * then character boundaries (never inside a tag or an escape).
 */
import { sourcesToList, type Reply } from "../../conversation/index.ts";
import { botMessages as m } from "../../messages/bot.ts";

export const MAX_MESSAGE_CHARS = 4096;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The entity kinds a message of ours can carry, as HTML (anything else is shown as plain text). */
const ENTITY_TAGS: Record<string, [string, string]> = {
  bold: ["<b>", "</b>"],
  italic: ["<i>", "</i>"],
  underline: ["<u>", "</u>"],
  strikethrough: ["<s>", "</s>"],
  spoiler: ["<tg-spoiler>", "</tg-spoiler>"],
  code: ["<code>", "</code>"],
  pre: ["<pre>", "</pre>"],
  blockquote: ["<blockquote>", "</blockquote>"],
  expandable_blockquote: ["<blockquote expandable>", "</blockquote>"],
};

export interface TextEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
}

/**
 * A received message (plain text + entities, offsets in UTF-16 units) back as HTML, so that
 * editing it keeps its formatting (the sources quote). Entities that overlap only partially
 * are left out rather than producing tags Telegram would refuse.
 */
export function messageHtml(text: string, entities: readonly TextEntity[] = []): string {
  const tag = (e: TextEntity): [string, string] | undefined =>
    e.type === "text_link" && e.url ? [`<a href="${escapeHtml(e.url).replace(/"/g, "&quot;")}">`, "</a>"] : Object.hasOwn(ENTITY_TAGS, e.type) ? ENTITY_TAGS[e.type] : undefined;
  const usable = entities
    .filter((e) => e.length > 0 && e.offset >= 0 && e.offset + e.length <= text.length && tag(e))
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  const end = (e: TextEntity) => e.offset + e.length;
  let out = "";
  let pos = 0;
  const emit = (to: number) => {
    out += escapeHtml(text.slice(pos, to));
    pos = to;
  };
  const open: TextEntity[] = [];
  const closeUpTo = (at: number) => {
    while (open.length > 0 && end(open.at(-1)!) <= at) {
      const e = open.pop()!;
      emit(end(e));
      out += tag(e)![1];
    }
  };
  for (const e of usable) {
    closeUpTo(e.offset);
    if (open.length > 0 && end(e) > end(open.at(-1)!)) continue;
    emit(e.offset);
    out += tag(e)![0];
    open.push(e);
  }
  closeUpTo(Infinity);
  emit(text.length);
  return out;
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
  // Telegram refuses a message of only whitespace ("message text is empty"), and the last piece
  // carries the buttons: a piece that would show nothing is dropped, not sent.
  return pieces.filter((p) => p.trim().length > 0);
}

/** The HTML bodies of one reply, in order; the last one is where its keyboard goes. */
export function renderReply(reply: Reply): string[] {
  const pieces = (reply.text.trim() === "" ? [] : splitText(reply.text)).map(escapeHtml);
  const sources = sourcesToList(reply);
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
  return pieces.length > 0 ? pieces : [escapeHtml(m.emptyReply)];
}
