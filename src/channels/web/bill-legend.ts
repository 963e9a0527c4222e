/**
 * The bill picture's words on the page: the total above the bar and a legend of every part with
 * its colour and amount below it, set as text so that they grow with a large system font (the
 * bar is drawn by bill-svg.ts without them). The picture's text alternative already says all of
 * this, so the words are hidden from screen readers, which would otherwise hear them twice.
 */
import type { Bill } from "../../conversation/policy-book.ts";
import { webMessages as m } from "../../messages/web.ts";
import { PART_COLOURS } from "./bill-svg.ts";
import { esc } from "./escape.ts";

/** A colour swatch as a tiny SVG: sized in em with the text, and printed (a CSS background is not, by default). */
const swatch = (colour: string) => `<svg class="sw" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" fill="${colour}"/></svg>`;

export function billTotalHtml(bill: Bill): string {
  return `<p class="bill-total" aria-hidden="true">${esc(m.bill.total(bill.total))}</p>`;
}

export function billLegendHtml(bill: Bill): string {
  let out = `<ul class="legend" aria-hidden="true">`;
  for (const p of bill.parts)
    out += `<li${p.own ? ' class="own"' : ""}><span>${swatch(PART_COLOURS[p.kind])}${esc(m.bill.parts[p.kind])}</span><span class="amt">${esc(m.bill.amount(p.amount))}</span></li>`;
  return `${out}</ul>`;
}
