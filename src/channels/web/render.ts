/**
 * Transcript entries as HTML: paragraphs and lists kept from the reply's lines, sources named
 * in the text turned into links to the source, the bill picture under an estimate, and the
 * current choices as real buttons. Everything a person or a policy file wrote is escaped.
 */
import type { Bill, Choice } from "../../conversation/index.ts";
import { webMessages as m } from "../../messages/web.ts";
import { billSvg } from "./bill-svg.ts";
import { esc } from "./escape.ts";
import { sourceUrl } from "./sources.ts";
import type { Entry } from "./transcript.ts";

const BULLET = /^[·•\-]\s*/;
const NUMBERED = /^(\d{1,2})[.、．]\s*/;

/**
 * The reply's lines as blocks: a run of "· " lines is a list, "1. " lines an ordered one, others
 * paragraphs. `figure`, when given, goes right after the opening lines (before the heading line
 * of the first list): under an estimate's totals, where it is seen first.
 */
function blocks(text: string, inline: (s: string) => string, figure?: string): string {
  const out: string[] = [];
  let list: { tag: "ul" | "ol"; items: string[] } | undefined;
  const flush = () => {
    if (list) out.push(`<${list.tag}>${list.items.map((i) => `<li>${i}</li>`).join("")}</${list.tag}>`);
    list = undefined;
  };
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (bullet && line.length > bullet[0].length) {
      if (list?.tag !== "ul") flush();
      list ??= { tag: "ul", items: [] };
      list.items.push(inline(line.slice(bullet[0].length)));
    } else if (numbered) {
      if (list?.tag !== "ol") flush();
      list ??= { tag: "ol", items: [] };
      list.items.push(inline(line.slice(numbered[0].length)));
    } else {
      flush();
      if (line.trim() !== "") out.push(`<p>${inline(line)}</p>`);
    }
  }
  flush();
  if (figure) {
    const list = out.findIndex((b) => b.startsWith("<ul>") || b.startsWith("<ol>"));
    const at = list > 1 && out[list - 1]!.startsWith("<p>") ? list - 1 : list > 0 ? list : out.length;
    out.splice(at, 0, figure);
  }
  return out.join("");
}

function link(title: string, url: string): string {
  return `<a href="${esc(url)}" target="_blank" rel="noopener noreferrer">${esc(title)}</a>`;
}

/** The pattern that finds a reply's source titles, kept per set of titles (replies repeat them). */
const patterns = new Map<string, { pattern: RegExp; urls: Map<string, string>; withUrl: { t: string; url: string }[] }>();

function patternFor(titles: string[]) {
  const key = titles.join("\n");
  let p = patterns.get(key);
  if (!p) {
    const withUrl = titles.map((t) => ({ t, url: sourceUrl(t) })).filter((x): x is { t: string; url: string } => !!x.url);
    // Longest first, so a title that contains another is linked whole.
    const sorted = [...withUrl].sort((a, b) => b.t.length - a.t.length);
    const pattern = new RegExp(sorted.map((x) => x.t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|") || "(?!)", "g");
    p = { pattern, urls: new Map(sorted.map((x) => [x.t, x.url])), withUrl };
    if (patterns.size > 1000) patterns.clear();
    patterns.set(key, p);
  }
  return p;
}

/** Escapes a line and turns each source title named in it into a link, where the source has one. */
function linker(titles: string[]): { inline: (s: string) => string; unnamed: () => string[] } {
  if (titles.length === 0) return { inline: esc, unnamed: () => [] };
  const { pattern, urls, withUrl } = patternFor(titles);
  const named = new Set<string>();
  if (withUrl.length === 0) return { inline: esc, unnamed: () => [] };
  const inline = (s: string) => {
    let out = "";
    let last = 0;
    for (const hit of s.matchAll(pattern)) {
      out += esc(s.slice(last, hit.index)) + link(hit[0], urls.get(hit[0])!);
      named.add(hit[0]);
      last = hit.index + hit[0].length;
    }
    return out + esc(s.slice(last));
  };
  return { inline, unnamed: () => withUrl.filter((x) => !named.has(x.t)).map((x) => link(x.t, x.url)) };
}

/** Stands for the picture's id in a drawing kept for reuse (the id is the entry's place on the page). */
const ID_MARK = "\u0000";
/** Bills drawn lately, by their parts and amounts: the same estimate (a reload, people asking alike) is drawn once. */
const drawn = new Map<string, string[]>();
const DRAWN_KEPT = 512;

function billFigure(bill: Bill, id: string): string {
  const key = JSON.stringify(bill);
  let pieces = drawn.get(key);
  if (pieces === undefined) {
    pieces = billSvg(bill, { id: ID_MARK }).split(ID_MARK);
    // Bounded: the oldest drawing goes first (a Map keeps insertion order).
    if (drawn.size >= DRAWN_KEPT) drawn.delete(drawn.keys().next().value!);
    drawn.set(key, pieces);
  }
  return `<figure class="bill">${pieces.join(esc(id))}</figure>`;
}

export function entryHtml(e: Entry, index: number): string {
  if (e.who === "me") return `<div class="m me"><span class="vh">${esc(m.you)}：</span>${blocks(e.text, esc)}</div>`;
  const l = linker(e.sources ?? []);
  const figure = e.bill ? billFigure(e.bill, `bill${index}`) : undefined;
  let body = blocks(e.text, l.inline, figure);
  const rest = l.unnamed();
  if (rest.length > 0) body += `<p class="src">${esc(m.sourcesTitle)}${rest.join("；")}</p>`;
  if (e.link) body += `<p><a href="${esc(e.link)}">${esc(m.savedLink)}</a></p>`;
  return `<div class="m bot"><span class="vh">${esc(m.assistant)}：</span>${body}</div>`;
}

export function entriesHtml(entries: Entry[], from = 0): string {
  return entries.map((e, i) => entryHtml(e, from + i)).join("");
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
