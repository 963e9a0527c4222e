/**
 * The picture under every estimate: one horizontal bar of the bill, split into who pays what,
 * with a legend of amounts below it. Drawn here as SVG from the estimate's parts (no chart
 * library); the web page shows it inline, Telegram gets it as a PNG (bill-png.ts). The whole
 * picture carries its text alternative (role="img" with the parts and amounts in words).
 */
import type { Bill, BillPart } from "../../conversation/policy-book.ts";
import { webMessages as m } from "../../messages/web.ts";
import { esc } from "./escape.ts";

const WIDTH = 340;
const PAD = 10;
const BAR_Y = 38;
const BAR_H = 30;
const ROW_H = 26;
/** A part too small to see still gets a sliver, so every part in the legend is in the bar too. */
const MIN_W = 3;

/** Insurance in greens and blues, the person's parts in warm colours; each distinct in grey too. */
export const PART_COLOURS: Record<BillPart["kind"], string> = {
  fund: "#1b7f5a",
  serious: "#2b6cb0",
  outOfCatalog: "#9b2c2c",
  notCovered: "#702459",
  classB: "#c05621",
  visitorFirstPay: "#b7791f",
  deductible: "#dd6b20",
  share: "#f6ad55",
};

/** Fonts the server-side renderer may find (Debian's WenQuanYi, Noto CJK); browsers use the page's. */
const FONT = "'Noto Sans CJK SC','WenQuanYi Micro Hei','PingFang SC','Microsoft YaHei',sans-serif";


/** The picture's words for someone who cannot see it. */
export function billAlt(bill: Bill): string {
  return m.bill.alt(bill.total, bill.parts.map((p) => m.bill.altPart(m.bill.parts[p.kind], p.amount)));
}

/** Segment widths in whole units that add up to the bar, each part at least MIN_W wide. */
function widths(parts: BillPart[], total: number, width: number): number[] {
  if (parts.length === 0 || !(total > 0)) return parts.map(() => 0);
  // Only the drawing is in floating point: the amounts shown are the estimate's own strings.
  const raw = parts.map((p) => Math.max(MIN_W, (Number(p.amount) / total) * width));
  const scale = width / raw.reduce((a, b) => a + b, 0);
  const out = raw.map((w) => Math.max(MIN_W, Math.floor(w * scale)));
  // Whatever rounding left over goes to the widest part.
  const rest = width - out.reduce((a, b) => a + b, 0);
  const widest = out.indexOf(Math.max(...out));
  out[widest] = out[widest]! + rest;
  return out;
}

export interface BillSvgOptions {
  /** An id prefix, unique on the page, for the title element the picture is labelled by. */
  id?: string;
  /** Standalone document (with the XML namespace and a white background) for the PNG renderer. */
  standalone?: boolean;
  /**
   * Whether the total and the legend are drawn in the picture (the PNG), or only the bar (the
   * page, which sets them as text beside it: bill-legend.ts). Words inside an SVG scaled to the
   * column shrink as a large system font narrows the column; the page's text grows instead.
   */
  legend?: boolean;
}

export function billSvg(bill: Bill, o: BillSvgOptions = {}): string {
  const inner = WIDTH - 2 * PAD;
  const w = widths(bill.parts, Number(bill.total), inner);
  const legend = o.legend ?? true;
  // Without its words the picture is the bar alone.
  const top = legend ? BAR_Y : 0;
  const height = legend ? BAR_Y + BAR_H + 14 + bill.parts.length * ROW_H + PAD : BAR_H;
  const id = o.id ?? "bill";
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${esc(id)}-t" font-family="${esc(FONT)}">`,
    `<title id="${esc(id)}-t">${esc(billAlt(bill))}</title>`,
  );
  if (o.standalone) out.push(`<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`);
  if (legend) out.push(`<text x="${PAD}" y="24" font-size="17" font-weight="bold" fill="#1a202c">${esc(m.bill.total(bill.total))}</text>`);
  let x = PAD;
  bill.parts.forEach((p, i) => {
    out.push(`<rect x="${x}" y="${top}" width="${w[i]}" height="${BAR_H}" fill="${PART_COLOURS[p.kind]}"/>`);
    x += w[i]!;
  });
  // A thin white line between segments keeps neighbours of similar tone apart.
  x = PAD;
  for (let i = 0; i < bill.parts.length - 1; i++) {
    x += w[i]!;
    out.push(`<path d="M${x} ${top}V${top + BAR_H}" stroke="#ffffff" stroke-width="2"/>`);
  }
  if (legend) bill.parts.forEach((p, i) => {
    const y = BAR_Y + BAR_H + 14 + i * ROW_H;
    out.push(
      `<rect x="${PAD}" y="${y + 3}" width="14" height="14" fill="${PART_COLOURS[p.kind]}"/>`,
      `<text x="${PAD + 22}" y="${y + 15}" font-size="15" fill="#1a202c">${esc(m.bill.parts[p.kind])}</text>`,
      `<text x="${WIDTH - PAD}" y="${y + 15}" font-size="15" fill="#1a202c" text-anchor="end"${p.own ? ' font-weight="bold"' : ""}>${esc(m.bill.amount(p.amount))}</text>`,
    );
  });
  out.push("</svg>");
  return out.join("");
}
