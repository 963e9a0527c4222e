/**
 * The web chat's routes, as a plugin for the HTTP server (`buildServer({ plugins: [webChat(…)] })`):
 *   GET  /            the page with the conversation so far (a new visitor gets a session cookie)
 *   POST /chat        one message or button; a plain form post answers with a redirect back to
 *                     the page, a fetch (Accept: application/json) with the new HTML to append
 *   POST /forget      erases the session's conversation and transcript (as /forget)
 *   POST /save        keeps the newest result at /s/<id> for 30 days and opens it
 *   GET  /s/:id       a saved result, read-only and print-friendly
 * Every post needs the session cookie and the form's CSRF token; posts are rate-limited per
 * session like the bot's messages. Nothing a person typed is logged.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { gzipSync } from "node:zlib";
import { z } from "zod";
import type { Logger } from "../../log.ts";
import { webMessages as m } from "../../messages/web.ts";
import { StoreUnavailableError, type ConversationStore, type Reply } from "../../conversation/index.ts";
import { refuse } from "../http/errors.ts";
import { css, js, type Asset } from "./assets.ts";
import { FORM_BODY_LIMIT } from "./limits.ts";
import { readForm, type Form } from "./form.ts";
import { chatPage, missingSummaryPage, NEWEST_ID, notFoundPage, summaryPage } from "./page.ts";
import type { RoutePlugin } from "../http.ts";
import { choicesHtml, currentChoices, entriesHtml } from "./render.ts";
import { loadResult, newestResult, saveResult } from "./saved.ts";
import { clearedCookie, Csrf, newId, sessionCookie, sessionFrom } from "./session.ts";
import { appendTranscript, eraseTranscript, fromReply, KEEP, mine, newestOf, readRecent, readTranscript, RECENT, transcriptKey, type Entry, type Recent } from "./transcript.ts";
import { Tails, type Tail } from "./tails.ts";
import { forgetSession, greetingReplies, webTurn, type WebInput } from "./turn.ts";

export interface WebOptions {
  store: ConversationStore;
  log: Logger;
  /** Signs the forms' CSRF tokens; instances behind one address need the same one. */
  secret?: string;
  /** Per session, as the bot's per-chat limit. */
  rateLimit?: { limit: number; windowMs: number };
  /** The session cookie's lifetime (the store's idle expiry). */
  sessionTtlMs?: number;
  /** Mark the cookie Secure (the site is served over HTTPS, perhaps behind a proxy). */
  secureCookie?: boolean;
}

const NOTICES = {
  forgotten: m.forgotten,
  tooMany: m.tooMany,
  expired: m.expiredForm,
  storeDown: m.storeDown,
  empty: m.empty,
  nothing: m.nothingToSave,
} as const;
type Notice = keyof typeof NOTICES;

const wantsJson = (request: FastifyRequest) => (request.headers.accept ?? "").includes("application/json");

function sendHtml(request: FastifyRequest, reply: FastifyReply, status: number, html: string): FastifyReply {
  reply.code(status).type("text/html; charset=utf-8").header("cache-control", "no-store").header("vary", "accept-encoding");
  if (/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) return reply.header("content-encoding", "gzip").send(gzipSync(html));
  return reply.send(html);
}

function sendAsset(request: FastifyRequest, reply: FastifyReply, a: Asset): FastifyReply {
  reply.type(a.type).header("cache-control", "public, max-age=31536000, immutable").header("vary", "accept-encoding");
  if (/\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) return reply.header("content-encoding", "gzip").send(a.gzip);
  return reply.send(a.body);
}

/** A small icon, so that browsers asking for one get it instead of a 404 in their console. */
const ICON = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1b4f72"/><path d="M7 3h2v4h4v2H9v4H7V9H3V7h4z" fill="#fff"/></svg>`,
);

export function webChat(o: WebOptions): RoutePlugin {
  const csrf = new Csrf(o.secret);
  const ttl = o.sessionTtlMs ?? 30 * 24 * 60 * 60 * 1000;
  const secure = o.secureCookie ?? false;
  const limit = o.rateLimit ?? { limit: 20, windowMs: 10_000 };
  const tails = new Tails(RECENT);

  const webRoutes = async function webRoutes(fastify: FastifyInstance): Promise<void> {
    const app = fastify.withTypeProvider<ZodTypeProvider>();

    /** The session of a request; a visitor without one gets a new id (`made`) and its cookie. */
    const session = (request: FastifyRequest, reply: FastifyReply): { id: string; made: boolean } => {
      const known = sessionFrom(request.headers.cookie);
      if (known) return { id: known, made: false };
      const id = newId();
      reply.header("set-cookie", sessionCookie(id, ttl, secure));
      // Nothing can be stored yet under an id made just now: its first message reads nothing.
      tails.fresh(id);
      return { id, made: true };
    };

    /** After a form post: back to the page (with a notice), or, for fetch, what to show. */
    const answer = (request: FastifyRequest, reply: FastifyReply, r: { notice?: Notice; added?: Entry[]; from?: number; sessionId?: string; status?: number }) => {
      // Back at the notice, or at the person's newest message with the answer under it (without
      // JavaScript a long conversation would otherwise open at its top, or at the form past the answer).
      if (!wantsJson(request)) return reply.code(303).header("location", r.notice ? `/?n=${r.notice}#status` : `/#${NEWEST_ID}`).send();
      const body = {
        ok: !r.notice,
        html: r.added ? entriesHtml(r.added, r.from) : "",
        choices: r.added && r.sessionId ? choicesHtml(currentChoices(r.added), csrf.token(r.sessionId)) : undefined,
        notice: r.notice ? NOTICES[r.notice] : undefined,
      };
      return reply.code(r.status ?? 200).header("cache-control", "no-store").send(body);
    };

    // Within this plugin, refusals a person can meet (too many messages, a store that is
    // down) are shown on the page as a notice rather than as a JSON error.
    app.setErrorHandler((err: Error & { statusCode?: number }, request, reply) => {
      if (err.statusCode === 429) return answer(request, reply, { notice: "tooMany", status: 429 });
      if (err instanceof StoreUnavailableError) {
        o.log.warn({ kind: "web_store_down" }, "web chat: store unavailable");
        return answer(request, reply, { notice: "storeDown", status: 503 });
      }
      throw err;
    });

    /** The session and a valid token, or an answer that refuses the post. */
    const checked = (request: FastifyRequest, reply: FastifyReply, token: string | undefined): string | undefined => {
      const id = sessionFrom(request.headers.cookie);
      if (id && csrf.check(id, token)) return id;
      // Without its cookie or with a stale token (an old tab, a restarted server) the page is
      // loaded afresh: nothing is done, nothing is lost.
      if (wantsJson(request)) void reply.code(403).send({ ok: false, reload: true, notice: m.expiredForm });
      else void reply.code(303).header("location", "/?n=expired#status").send();
      return undefined;
    };

    const perSession = {
      rateLimit: {
        max: limit.limit,
        timeWindow: limit.windowMs,
        keyGenerator: (request: FastifyRequest) => sessionFrom(request.headers.cookie) ?? request.ip,
        // The page has no use for the counters on every answer; a refusal still says when to retry.
        addHeadersOnExceeding: { "x-ratelimit-limit": false, "x-ratelimit-remaining": false, "x-ratelimit-reset": false },
      },
    };

    /**
     * A message's entries for the transcript: what the person said (a pressed button by its
     * label, found among the newest entries, which drew it) and the replies, after the greeting
     * when it is the first message. What came before is read from the log only when this
     * process did not write it last (`tails`).
     */
    const transcriptLines = async (id: string, input: WebInput, replies: Reply[], version: number | null) => {
      const added = replies.map(fromReply);
      let before: Tail | null = tails.at(id, version) ?? null;
      if (before?.empty) {
        // A session made here, nothing written since: the first message answers the greeting.
        const opening = greetingReplies().map(fromReply);
        const said: Entry = input.type === "text" ? mine(input.text) : { who: "me", text: labelOf(newestOf(opening), input.id) };
        return { opening, added: [said, ...added], before: { choices: [], whole: true } };
      }
      if (before) {
        const label = input.type === "choice" ? pressedIn(before, input.id) : undefined;
        // A button not among the entries known here may be in an older one: then the log is read.
        if (input.type === "text" || label !== undefined || before.whole) {
          const said: Entry = input.type === "text" ? mine(input.text) : { who: "me", text: label ?? m.pressed };
          return { opening: [], added: [said, ...added], before };
        }
      }
      // Only the newest entries: whether there are any (a first message answers the greeting)
      // and, for a pressed button, the replies that drew it, whose label is what it said.
      const recent = await readRecent(o.store, id, input.type === "choice" ? RECENT : 1);
      // A transcript kept whole by an earlier version moves to the log first.
      if (recent.read.legacy) await appendTranscript(o.store, id, recent.read, []);
      // The greeting the visitor answered becomes part of the transcript with their first message.
      const opening = recent.empty ? greetingReplies().map(fromReply) : [];
      if (recent.empty) before = { choices: [], whole: true };
      const said: Entry = input.type === "text" ? mine(input.text) : { who: "me", text: labelOf(recent.empty ? newestOf(opening) : recent.newest, input.id) };
      return { opening, added: [said, ...added], before };
    };

    /** The posted form (readForm), or a 400 as for any other malformed request. */
    const form = (request: FastifyRequest, reply: FastifyReply): Form | undefined => {
      const read = readForm(request.body);
      if (read.ok) return read.form;
      void refuse(request, reply, 400, read.message, read.field);
      return undefined;
    };

    app.get("/", { schema: { hide: true, querystring: z.object({ n: z.string().max(16).optional() }) } }, async (request, reply) => {
      const { id, made } = session(request, reply);
      let { entries, first } = made ? { entries: [] as Entry[], first: 0 } : await readTranscript(o.store, id);
      if (entries.length === 0) entries = greetingReplies().map(fromReply);
      const n = request.query.n;
      const notice = n && n in NOTICES ? NOTICES[n as Notice] : undefined;
      return sendHtml(request, reply, 200, chatPage({ entries, first, csrf: csrf.token(id), notice }));
    });

    app.post("/chat", { bodyLimit: FORM_BODY_LIMIT, config: perSession, schema: { hide: true } }, async (request, reply) => {
      const body = form(request, reply);
      if (!body) return reply;
      const id = checked(request, reply, body.csrf);
      if (!id) return reply;
      const text = body.text?.trim() ?? "";
      const input: WebInput | undefined = body.choice ? { type: "choice", id: body.choice } : text ? { type: "text", text } : undefined;
      if (!input) return answer(request, reply, { notice: "empty", status: 400 });
      // The transcript's new lines are written with the turn, in one write (TurnLog).
      let made: { opening: Entry[]; added: Entry[]; before: Tail | null } | undefined;
      const lines = async (replies: Reply[], version: number | null): Promise<string[]> => {
        made = await transcriptLines(id, input, replies, version);
        return [...made.opening, ...made.added].map((e) => JSON.stringify(e));
      };
      const turn = await webTurn(o.store, id, input, { id: transcriptKey(id), keep: KEEP, lines });
      if (turn.kind === "forget") {
        // The conversation was erased by the turn (/forget typed); its transcript goes too.
        tails.drop(id);
        await eraseTranscript(o.store, id);
        return answer(request, reply, { notice: "forgotten" });
      }
      // Not applied (the conversation was forgotten meanwhile): nothing was written.
      if (turn.first === undefined || !made) return answer(request, reply, { added: [], sessionId: id });
      tails.wrote(id, turn.version, made.before, [...made.opening, ...made.added]);
      // The page on screen already shows the greeting: only the new lines are sent to it.
      return answer(request, reply, { added: made.added, from: turn.first + made.opening.length, sessionId: id });
    });

    app.post("/forget", { bodyLimit: FORM_BODY_LIMIT, config: perSession, schema: { hide: true } }, async (request, reply) => {
      const body = form(request, reply);
      if (!body) return reply;
      const id = checked(request, reply, body.csrf);
      if (!id) return reply;
      tails.drop(id);
      await forgetSession(o.store, id);
      // A new id too: nothing links what comes next to the erased conversation.
      const next = newId();
      tails.fresh(next);
      reply.header("set-cookie", [clearedCookie(secure), sessionCookie(next, ttl, secure)]);
      return reply.code(303).header("location", "/?n=forgotten#status").send();
    });

    app.post("/save", { bodyLimit: FORM_BODY_LIMIT, config: perSession, schema: { hide: true } }, async (request, reply) => {
      const body = form(request, reply);
      if (!body) return reply;
      const id = checked(request, reply, body.csrf);
      if (!id) return reply;
      const read = await readTranscript(o.store, id);
      const result = newestResult(read.entries);
      if (!result) return reply.code(303).header("location", "/?n=nothing#status").send();
      const saved = await saveResult(o.store, result);
      const url = `/s/${saved}`;
      tails.drop(id);
      await appendTranscript(o.store, id, read, [{ who: "bot", text: m.saved(url), link: url }]);
      return reply.code(303).header("location", url).send();
    });

    // Any id, however malformed, is answered with the page that says the link is not (or no longer) a result.
    app.get("/s/:id", { schema: { hide: true, params: z.object({ id: z.string() }) } }, async (request, reply) => {
      const saved = await loadResult(o.store, request.params.id);
      reply.header("x-robots-tag", "noindex");
      if (!saved) return sendHtml(request, reply, 404, missingSummaryPage());
      return sendHtml(request, reply, 200, summaryPage(saved));
    });

    app.get(css.path, { schema: { hide: true } }, (request, reply) => sendAsset(request, reply, css));
    app.get(js.path, { schema: { hide: true } }, (request, reply) => sendAsset(request, reply, js));
    app.get("/favicon.ico", { schema: { hide: true } }, (_request, reply) =>
      reply.type("image/svg+xml").header("cache-control", "public, max-age=86400").send(ICON),
    );
  };
  return Object.assign(webRoutes, { notFoundPage: notFoundPage() });
}

/** What a pressed button said, for the transcript: its label in the newest entry that has it. */
function labelOf(newest: Recent["newest"], choiceId: string): string {
  return newest((e) => e.choices?.find((c) => c.id === choiceId)?.label) ?? m.pressed;
}

/** The same, among the buttons of a tail known here. */
function pressedIn(tail: Tail, choiceId: string): string | undefined {
  for (let i = tail.choices.length - 1; i >= 0; i--) {
    const label = tail.choices[i]?.find((c) => c.id === choiceId)?.label;
    if (label !== undefined) return label;
  }
  return undefined;
}
