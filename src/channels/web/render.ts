/**
 * Transcript entries as HTML: paragraphs and lists kept from the reply's lines, sources named
 * in the text turned into links to the source, the bill picture under an estimate, and the
 * current choices as real buttons. Everything a person or a policy file wrote is escaped.
 */
import type { Bill, Choice } from "../../conversation/index.ts";
import { webMessages as m } from "../../messages/web.ts";
import { BoundedMap } from "../../util/bounded-map.ts";
import { billLegendHtml, billTotalHtml } from "./bill-legend.ts";
import { billSvg } from "./bill-svg.ts";
import { esc } from "./escape.ts";
import { sourceUrl } from "./sources.ts";
import type { Entry } from "./transcript.ts";

const BULLET = /^[·•\-]\s*/;
const NUMBERED = /^(\d{1,2})[.、．]\s*/;

/** A line's text as HTML: escaped, with the reply's source titles linked (`links`) where it has any. */
function inline(s: string, links: Links | undefined): string {
  if (links === undefined) return esc(s);
  const { pattern, urls } = links.found;
  let out = "";
  let last = 0;
  pattern.lastIndex = 0;
  for (let hit = pattern.exec(s); hit !== null; hit = pattern.exec(s)) {
    out += esc(s.slice(last, hit.index)) + link(hit[0], urls.get(hit[0])!);
    links.named.add(hit[0]);
    last = hit.index + hit[0].length;
  }
  return last === 0 ? esc(s) : out + esc(s.slice(last));
}

function listHtml(tag: "ul" | "ol", items: string[]): string {
  let out = `<${tag}>`;
  for (const item of items) out += `<li>${item}</li>`;
  return `${out}</${tag}>`;
}

/**
 * The reply's lines as blocks: a run of "· " lines is a list, "1. " lines an ordered one, others
 * paragraphs. `figure`, when given, goes right after the opening lines (before the heading line
 * of the first list): under an estimate's totals, where it is seen first. Every reply shown goes
 * through here, so it walks the text once, without a closure or an array of lines, and tries a
 * pattern only on a line whose first character could start a list item.
 */
function blocks(text: string, links: Links | undefined, figure?: string): string {
  const out: string[] = [];
  let tag: "ul" | "ol" | undefined;
  let items: string[] = [];
  /** Where the first list is in `out` (a list goes in once it is closed, at the place it opened). */
  let firstList = -1;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trimEnd();
    start = end + 1;
    const c = line.charCodeAt(0);
    let kind: "ul" | "ol" | undefined;
    let from = 0;
    if (c === 0xb7 || c === 0x2022 || c === 0x2d) {
      const bullet = BULLET.exec(line);
      if (bullet && line.length > bullet[0].length) (kind = "ul"), (from = bullet[0].length);
    } else if (c >= 0x30 && c <= 0x39) {
      const numbered = NUMBERED.exec(line);
      if (numbered) (kind = "ol"), (from = numbered[0].length);
    }
    if (kind !== undefined) {
      if (tag !== kind) {
        if (tag !== undefined) out.push(listHtml(tag, items));
        tag = kind;
        items = [];
        if (firstList < 0) firstList = out.length;
      }
      items.push(inline(line.slice(from), links));
    } else {
      if (tag !== undefined) out.push(listHtml(tag, items));
      tag = undefined;
      if (line.trim() !== "") out.push(`<p>${inline(line, links)}</p>`);
    }
  }
  if (tag !== undefined) out.push(listHtml(tag, items));
  if (figure) {
    const at = firstList > 1 && out[firstList - 1]!.startsWith("<p>") ? firstList - 1 : firstList > 0 ? firstList : out.length;
    out.splice(at, 0, figure);
  }
  return out.join("");
}

function link(title: string, url: string): string {
  return `<a href="${esc(url)}" target="_blank" rel="noopener noreferrer">${esc(title)}</a>`;
}

/** A set of source titles: the pattern that finds them in a reply, and where each leads. */
type Found = { pattern: RegExp; urls: Map<string, string>; withUrl: { t: string; url: string }[] };
/** One reply's sources while it is drawn: and which of them its text named (linked there). */
type Links = { found: Found; named: Set<string> };

/** The pattern that finds a reply's source titles, kept per set of titles (replies repeat them). */
const patterns = new BoundedMap<string, Found>(1000);

function patternFor(titles: string[]): Found {
  const key = titles.join("\n");
  let p = patterns.get(key);
  if (!p) {
    const withUrl = titles.map((t) => ({ t, url: sourceUrl(t) })).filter((x): x is { t: string; url: string } => !!x.url);
    // Longest first, so a title that contains another is linked whole.
    const sorted = [...withUrl].sort((a, b) => b.t.length - a.t.length);
    // An empty title is never looked for in the text (it would match everywhere, and stop nothing).
    const pattern = new RegExp(sorted.filter((x) => x.t !== "").map((x) => x.t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|") || "(?!)", "g");
    p = { pattern, urls: new Map(sorted.map((x) => [x.t, x.url])), withUrl };
    patterns.set(key, p);
  }
  return p;
}

/** The links of a reply with these sources; undefined when none of them has a link. */
function linksFor(titles: string[] | undefined): Links | undefined {
  if (titles === undefined || titles.length === 0) return undefined;
  const found = patternFor(titles);
  return found.withUrl.length === 0 ? undefined : { found, named: new Set() };
}

/** The sources with a link that the reply's text did not name, as links. */
function unnamed(links: Links | undefined): string[] {
  if (links === undefined) return [];
  const out: string[] = [];
  for (const x of links.found.withUrl) if (!links.named.has(x.t)) out.push(link(x.t, x.url));
  return out;
}

/** Stands for the picture's id in a drawing kept for reuse (the id is the entry's place on the page). */
const ID_MARK = "\u0000";
/** Bills drawn lately, by their parts and amounts: the same estimate (a reload, people asking alike) is drawn once. */
const drawn = new BoundedMap<string, string[]>(512);

function billFigure(bill: Bill, id: string): string {
  const key = JSON.stringify(bill);
  let pieces = drawn.get(key);
  if (pieces === undefined) {
    pieces = (billTotalHtml(bill) + billSvg(bill, { id: ID_MARK, legend: false }) + billLegendHtml(bill)).split(ID_MARK);
    drawn.set(key, pieces);
  }
  return `<figure class="bill">${pieces.join(esc(id))}</figure>`;
}

const MINE = `<div class="m me"><span class="vh">${esc(m.you)}：</span>`;
const BOT = `<div class="m bot"><span class="vh">${esc(m.assistant)}：</span>`;
const SOURCES = `<p class="src">${esc(m.sourcesTitle)}`;

export function entryHtml(e: Entry, index: number): string {
  if (e.who === "me") return `${MINE}${blocks(e.text, undefined)}</div>`;
  const links = linksFor(e.sources);
  const figure = e.bill ? billFigure(e.bill, `bill${index}`) : undefined;
  let body = blocks(e.text, links, figure);
  const rest = unnamed(links);
  if (rest.length > 0) body += `${SOURCES}${rest.join("；")}</p>`;
  if (e.link) body += `<p><a href="${esc(e.link)}">${esc(m.savedLink)}</a></p>`;
  return `${BOT}${body}</div>`;
}

export function entriesHtml(entries: Entry[], from = 0): string {
  let out = "";
  for (let i = 0; i < entries.length; i++) out += entryHtml(entries[i]!, from + i);
  return out;
}

/** The choices of the newest reply, if it has any, as buttons of one form. */
export function choicesHtml(choices: Choice[] | undefined, csrf: string): string {
  if (!choices || choices.length === 0) return "";
  const buttons = choices.map((c) => `<button type="submit" name="choice" value="${esc(c.id)}">${esc(c.label)}</button>`).join("");
  return `<form class="choices" method="post" action="/chat" data-js><input type="hidden" name="csrf" value="${esc(csrf)}">${buttons}</form>`;
}

/** The newest choices in a transcript: those of its last entry, when the assistant spoke last. */
export function currentChoices(entries: Entry[]): Choice[] | undefined {
  const last = entries.at(-1);
  return last?.who === "bot" ? last.choices : undefined;
}
