/** Reply.choices → an inline keyboard: one button a row (labels are whole sentences in Chinese). */
import { InlineKeyboard } from "grammy";
import type { Choice } from "../../conversation/index.ts";
import { encodeCallback } from "./callback-data.ts";

/**
 * The keyboard for `choices` drawn at conversation `version`, or undefined when there is
 * nothing to press. A choice whose id cannot be carried is left out (`dropped` names it) so
 * that the person can still type the label.
 */
export function choicesKeyboard(choices: readonly Choice[] | undefined, version: number): { keyboard?: InlineKeyboard; dropped: string[] } {
  const dropped: string[] = [];
  if (!choices || choices.length === 0) return { dropped };
  const rows: ReturnType<typeof InlineKeyboard.text>[][] = [];
  for (const choice of choices) {
    const data = encodeCallback(version, choice.id);
    if (data) rows.push([InlineKeyboard.text(choice.label, data)]);
    else dropped.push(choice.id);
  }
  return rows.length > 0 ? { keyboard: InlineKeyboard.from(rows), dropped } : { dropped };
}

/** The label of the button with `data` in a message's keyboard, if it is still there. */
export function pressedLabel(markup: { inline_keyboard: { text: string; callback_data?: string }[][] } | undefined, data: string): string | undefined {
  for (const row of markup?.inline_keyboard ?? []) for (const b of row) if (b.callback_data === data) return b.text;
  return undefined;
}
