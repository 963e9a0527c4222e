/**
 * Replies → WeChat text messages. No buttons and no HTML: choices become a numbered list the
 * person answers with a digit, sources the text does not name already a plain line. One turn's replies are joined into one
 * text (客服消息 are counted per person, so fewer messages is better) and cut into parts of at
 * most MAX_CONTENT_BYTES, at paragraph, then line, then character boundaries. Through 客服消息
 * the newest choices can be clickable instead: a menu message (msgmenu) under the last part.
 */
import { sourcesToList, type Reply } from "../../conversation/index.ts";
import { wechatMessages as m } from "../../messages/wechat.ts";

/**
 * Bytes of UTF-8 in one text message. The documentation states no figure; the platform's
 * community answer gives 2048 bytes (error 45002 beyond it) — see docs/wechat.md.
 */
export const MAX_CONTENT_BYTES = 2048;

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/** One reply as plain text: the words, the numbered choices, the sources. */
export function replyText(reply: Reply): string {
  const parts: string[] = [];
  if (reply.text.trim() !== "") parts.push(reply.text.trim());
  if (reply.choices && reply.choices.length > 0) {
    parts.push(`${reply.choices.map((c, i) => `${i + 1}. ${c.label}`).join("\n")}\n（${m.pickByNumber}）`);
  }
  const sources = sourcesToList(reply);
  if (sources.length > 0) parts.push(`${m.sourcesTitle}${sources.join("；")}`);
  return parts.join("\n");
}

/** Cuts text at the last break before `max` bytes: a blank line, else a line end, else a character. */
function cutAt(text: string, max: number): number {
  // The longest prefix (in UTF-16 units, whole code points) that fits in `max` bytes.
  let size = 0;
  let end = 0;
  for (const ch of text) {
    size += bytes(ch);
    if (size > max) break;
    end += ch.length;
  }
  const window = text.slice(0, end);
  for (const sep of ["\n\n", "\n"]) {
    const at = window.lastIndexOf(sep);
    if (at > end / 3) return at;
  }
  return end;
}

/** Splits text into parts of at most `max` bytes, preferring paragraph and line breaks. */
export function splitText(text: string, max = MAX_CONTENT_BYTES): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  while (bytes(rest) > max) {
    const at = cutAt(rest, max);
    const head = rest.slice(0, at).trimEnd();
    if (head !== "") parts.push(head);
    rest = rest.slice(at).replace(/^\s+/, "");
  }
  if (rest !== "") parts.push(rest);
  return parts;
}

/** The text messages for one turn, in order (never empty). */
export function renderReplies(replies: readonly Reply[], max = MAX_CONTENT_BYTES): string[] {
  const text = replies.map(replyText).filter((t) => t !== "").join("\n\n");
  const parts = splitText(text, max);
  return parts.length > 0 ? parts : [m.emptyReply];
}

/** One 客服消息: a text, or a text with clickable choices under it (msgmenu). */
export type CustomMessage = { kind: "text"; content: string } | { kind: "menu"; head: string; items: { id: string; content: string }[]; tail: string };

/** Choices in one menu message at most; a longer list stays numbered text. */
export const MAX_MENU_ITEMS = 10;

export const textMessage = (content: string): CustomMessage => ({ kind: "text", content });

/**
 * The replies of a turn as 客服消息: the same parts as renderReplies, except that the choices of
 * the newest reply are clickable items under the last part, instead of a numbered list: a click
 * sends the item's text back as a message, and a choice's own label reads as that choice.
 */
export function renderCustom(replies: readonly Reply[], max = MAX_CONTENT_BYTES): CustomMessage[] {
  const last = replies.at(-1);
  const choices = last?.choices ?? [];
  if (!last || choices.length === 0 || choices.length > MAX_MENU_ITEMS) return renderReplies(replies, max).map(textMessage);
  const { choices: _listed, ...rest } = last;
  const parts = renderReplies([...replies.slice(0, -1), rest], max);
  const head = parts.pop()!;
  const items = choices.map((c, i) => ({ id: String(i + 1), content: c.label }));
  return [...parts.map(textMessage), { kind: "menu", head, items, tail: m.tapOrNumber }];
}
