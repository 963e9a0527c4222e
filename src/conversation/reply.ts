/**
 * The channel-neutral reply a flow produces. Channels render it: inline keyboard buttons in
 * Telegram, numbered choices ("回复 1、2 或 3") in a text-only channel, JSON in scripts.
 */
import type { Bill } from "../policy/bill.ts";

export type { Bill };

export interface Choice {
  /** Stable id the flow understands when the choice is picked (short ASCII: fits callback data). */
  id: string;
  /** What the person sees on the button or in the numbered list. */
  label: string;
}

export interface Reply {
  /** Plain text: paragraphs and list items ("· …") one a line. */
  text: string;
  choices?: Choice[];
  /** Titles of the sources the text relies on, already named in the text where it matters. */
  sources?: string[];
  /** An estimate's bill split by who pays what, for channels that draw it (the bar picture). */
  bill?: Bill;
}

/**
 * What a person sends, whatever the channel: typed text, a picked choice, or a command such as
 * /start (with the text after it, "/register 苏州"). Text that reads as a command is read as
 * one by `handle`, so adapters may pass typed text as it came.
 */
export type UserInput =
  | { type: "text"; text: string }
  | { type: "choice"; id: string }
  | { type: "command"; name: string; rest?: string };

/**
 * The sources a text-only channel still has to list under a reply: those its text does not name
 * already. An estimate names its sources itself, numbered and graded, in its last line; listing
 * them again under it would say every source twice.
 */
export function sourcesToList(reply: Reply): string[] {
  const out: string[] = [];
  for (const s of reply.sources ?? []) if (s.trim() !== "" && !reply.text.includes(s)) out.push(s);
  return out;
}
