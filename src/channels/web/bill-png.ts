/**
 * The bill picture as a PNG, for channels that cannot show SVG (Telegram). Rendered with resvg
 * (a native renderer shipped prebuilt inside its npm package) at twice the drawing's size, so
 * it stays sharp on phone screens. Chinese text needs a CJK font on the machine (Debian:
 * fonts-wqy-microhei or fonts-noto-cjk); without one the bar and amounts still draw.
 */
import { existsSync } from "node:fs";
import { renderAsync } from "@resvg/resvg-js";
import type { Bill } from "../../conversation/index.ts";
import { BoundedMap } from "../../util/bounded-map.ts";
import { billSvg } from "./bill-svg.ts";

/** Where Debian puts its CJK fonts; BILL_FONT names another file. */
const CANDIDATES = [
  "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
];

let fonts: string[] | undefined;
/** One font file named outright: scanning every system font costs seconds on each render. */
function fontFiles(): string[] {
  return (fonts ??= [process.env.BILL_FONT, ...CANDIDATES].filter((f): f is string => !!f && existsSync(f)).slice(0, 1));
}

/** Recent pictures: the same bill asked again (another look, another chat with the same figures) is not drawn again. */
const recent = new BoundedMap<string, Promise<Buffer>>(256);

/** Rendered off the event loop (libuv's thread pool): loading the font alone takes a while. */
export function billPng(bill: Bill): Promise<Buffer> {
  const key = JSON.stringify(bill);
  const hit = recent.get(key);
  if (hit) return hit;
  const made = render(bill);
  recent.set(key, made);
  made.catch(() => recent.delete(key));
  return made;
}

async function render(bill: Bill): Promise<Buffer> {
  const svg = billSvg(bill, { standalone: true });
  const files = fontFiles();
  const image = await renderAsync(svg, {
    fitTo: { mode: "zoom", value: 2 },
    font: files.length > 0 ? { loadSystemFonts: false, fontFiles: files, defaultFontFamily: "WenQuanYi Micro Hei" } : { loadSystemFonts: true },
  });
  return image.asPng();
}
