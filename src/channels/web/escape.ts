/**
 * Text for HTML and SVG (element content and quoted attributes), shared by the page
 * (render.ts) and the bill's picture (bill-svg.ts). Most of what is drawn (Chinese replies,
 * ids, tokens) has nothing to escape and is given back as it is, without a copy.
 */
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export const esc = (s: string): string => (SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ENTITY[c]!) : s);
