/**
 * The chat page, drawn whole on the server: it works with JavaScript off (each form posts and
 * the page comes back with the answer); chat.js only makes the same posts without a reload.
 */
import { webMessages as m } from "../../messages/web.ts";
import { css, js } from "./assets.ts";
import { esc } from "./escape.ts";
import { choicesHtml, currentChoices, entriesHtml } from "./render.ts";
import type { Entry } from "./transcript.ts";
import { MAX_INPUT } from "./limits.ts";

function shell(title: string, body: string, script: boolean): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<link rel="stylesheet" href="${css.path}">
${script ? `<script src="${js.path}" defer></script>\n` : ""}</head>
<body>
<header><h1>${esc(m.title)}</h1><p>${esc(m.tagline)}</p></header>
<main>
${body}
</main>
</body>
</html>
`;
}

export interface ChatPage {
  entries: Entry[];
  /** The place of the first entry in the session's transcript (entries are drawn with their place). */
  first?: number;
  csrf: string;
  notice?: string;
}

/** The anchor before the person's newest message: where a plain form post lands. */
export const NEWEST_ID = "new";

/** The transcript, with the anchor before the person's newest message. */
function logHtml(entries: Entry[], first = 0): string {
  let k = entries.length - 1;
  while (k >= 0 && entries[k]!.who !== "me") k--;
  if (k < 0) return entriesHtml(entries, first);
  return `${entriesHtml(entries.slice(0, k), first)}<span id="${NEWEST_ID}"></span>${entriesHtml(entries.slice(k), first + k)}`;
}

export function chatPage(p: ChatPage): string {
  const csrf = esc(p.csrf);
  const body = `<div id="log" role="log" aria-label="${esc(m.logLabel)}" aria-live="polite">${logHtml(p.entries, p.first)}</div>
<div id="choices-slot">${choicesHtml(currentChoices(p.entries), p.csrf)}</div>
<p id="status" class="notice-line" role="status">${p.notice ? esc(p.notice) : ""}</p>
<form id="say" class="say" method="post" action="/chat" data-js data-sending="${esc(m.sending)}" data-failed="${esc(m.failed)}" data-empty="${esc(m.empty)}">
<input type="hidden" name="csrf" value="${csrf}">
<label for="msg">${esc(m.inputLabel)}</label>
<textarea id="msg" name="text" rows="2" maxlength="${MAX_INPUT}" placeholder="${esc(m.inputHint)}" autocomplete="off"></textarea>
<button type="submit" name="send" value="1">${esc(m.send)}</button>
</form>
<p class="small">${esc(m.privacy)}</p>
<div class="tools">
<form method="post" action="/save"><input type="hidden" name="csrf" value="${csrf}"><button type="submit">${esc(m.save)}</button></form>
<form method="post" action="/forget"><input type="hidden" name="csrf" value="${csrf}"><button type="submit" class="danger">${esc(m.forget)}</button></form>
</div>
<p class="small">${esc(m.saveHint)} ${esc(m.forgetHint)}</p>`;
  return shell(m.title, body, true);
}

export interface SummaryPage {
  asked?: string;
  entries: Entry[];
  savedAt: string;
}

export function summaryPage(p: SummaryPage): string {
  const body = `<div class="summary">
<h2>${esc(m.summary.title)}</h2>
${p.asked ? `<h2>${esc(m.summary.asked)}</h2><div class="m me">${esc(p.asked)}</div>` : ""}
<h2>${esc(m.summary.answer)}</h2>
${entriesHtml(p.entries)}
<p class="small">${esc(m.summary.date(p.savedAt))}</p>
<p class="small noprint">${esc(m.summary.print)} <a href="/">${esc(m.summary.back)}</a></p>
</div>`;
  return shell(m.summary.title, body, false);
}

/** For an address nobody serves, when a browser asks for a page. */
export function notFoundPage(): string {
  return shell(m.title, `<p class="notice">${esc(m.notFound)}</p><p><a class="back" href="/">${esc(m.summary.back)}</a></p>`, false);
}

export function missingSummaryPage(): string {
  return shell(m.summary.title, `<p class="notice">${esc(m.summary.expired)}</p><p><a class="back" href="/">${esc(m.summary.back)}</a></p>`, false);
}
