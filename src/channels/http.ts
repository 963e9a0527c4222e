/**
 * The HTTP face: `GET /healthz`, `POST /v1/estimate` (the evaluator, same validation errors),
 * `GET /v1/policies`, and the Telegram webhook (secret header checked; anything else 401).
 * node:http only; bodies are size-limited and bad JSON is a 400, never a crash.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { timingSafeEqual } from "node:crypto";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { evaluate, getPolicyBook, type PolicyBook } from "../policy/index.ts";
import type { Logger } from "../log.ts";
import { botMessages as m } from "../messages/bot.ts";
import type { ConversationStore } from "../store/index.ts";

export const BODY_LIMIT = 64 * 1024;
/** Telegram updates are small; a generous cap still stops abuse. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

export interface HttpOptions {
  log: Logger;
  store?: ConversationStore;
  book?: PolicyBook;
  webhook?: { path: string; secret: string; bot: Bot };
}

class BodyError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > max) {
      reject(new BodyError(413, m.http.tooLarge(max)));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        reject(new BodyError(413, m.http.tooLarge(max)));
        req.removeAllListeners("data");
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const json = JSON.stringify(body);
  // Refused before its body was read (too large, wrong secret or type): close the connection
  // rather than keep it alive, which would mean reading whatever the client still sends.
  const unread = res.req !== undefined && !res.req.complete;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json), ...(unread ? { connection: "close" } : {}) });
  res.end(json);
}

const error = (message: string, field = "") => ({ errors: [{ field, message }] });

function secretMatches(given: string | string[] | undefined, expected: string): boolean {
  const value = Array.isArray(given) ? given[0] : given;
  if (typeof value !== "string") return false;
  const a = Buffer.from(value);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function policiesList(book: PolicyBook) {
  return {
    regions: [...book.regions.values()]
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((r) => ({
        code: r.code,
        name: r.name,
        schemes: Object.entries(r.schemes).map(([scheme, s]) => ({
          scheme,
          versions: (s?.versions ?? []).map((v) => ({ version: v.version, from: v.from, to: v.to ?? null })),
        })),
        sources: Object.entries(r.sources).map(([id, s]) => ({ id, ...s })),
      })),
  };
}

function parsePath(target: string | undefined): URL | null {
  if (target === undefined || !target.startsWith("/") || target.startsWith("//")) return null;
  try {
    return new URL(target, "http://localhost");
  } catch {
    return null;
  }
}

/** The request handler (exported for tests that bring their own server). */
export function createHandler(o: HttpOptions) {
  let book: PolicyBook | undefined = o.book;
  const getBook = () => (book ??= getPolicyBook());

  async function webhook(req: IncomingMessage, res: ServerResponse, bot: Bot, secret: string): Promise<void> {
    if (!secretMatches(req.headers["x-telegram-bot-api-secret-token"], secret)) {
      req.resume();
      o.log.warn({ kind: "webhook_unauthorized" }, "webhook call with a wrong secret");
      return send(res, 401, error(m.http.unauthorized));
    }
    const raw = await readBody(req, WEBHOOK_BODY_LIMIT);
    let update: Update;
    try {
      update = JSON.parse(raw) as Update;
    } catch {
      return send(res, 400, error(m.http.badJson));
    }
    if (typeof update !== "object" || update === null || typeof update.update_id !== "number") return send(res, 400, error(m.http.badJson));
    // Answer only after the update is handled: Telegram then sends this chat's next update
    // after this one, and a crash mid-way makes Telegram redeliver (deduplicated by update_id).
    // One API call (answerCallbackQuery, see bot.ts) may ride on this response instead of
    // costing a request of its own; it is held until the update is done.
    let webhookReply: string | undefined;
    await bot.handleUpdate(update, {
      send: async (json) => {
        webhookReply = json;
      },
    });
    if (webhookReply === undefined) return send(res, 200, { ok: true });
    res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(webhookReply) });
    res.end(webhookReply);
  }

  return async function handler(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only the path is used; a request target that is not a path ("//[", "*") is refused here,
    // since new URL() throws on some of them.
    const url = parsePath(req.url);
    if (!url) {
      req.resume();
      return send(res, 400, error(m.http.badRequest));
    }
    try {
      if (o.webhook && url.pathname === o.webhook.path) {
        // The secret first: without it, nothing about this path is told (not even which methods it takes).
        if (req.method !== "POST" && secretMatches(req.headers["x-telegram-bot-api-secret-token"], o.webhook.secret)) {
          req.resume();
          return send(res, 405, error(m.http.methodNotAllowed));
        }
        return await webhook(req, res, o.webhook.bot, o.webhook.secret);
      }
      switch (url.pathname) {
        case "/healthz": {
          if (req.method !== "GET") return send(res, 405, error(m.http.methodNotAllowed));
          try {
            await o.store?.ping();
            return send(res, 200, { ok: true, store: o.store?.kind ?? null });
          } catch {
            return send(res, 503, { ok: false, store: o.store?.kind ?? null });
          }
        }
        case "/v1/estimate": {
          if (req.method !== "POST") return send(res, 405, error(m.http.methodNotAllowed));
          const type = req.headers["content-type"];
          if (type !== undefined && !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
            req.resume();
            return send(res, 415, error(m.http.notJsonType));
          }
          const raw = await readBody(req, BODY_LIMIT);
          let input: unknown;
          try {
            input = JSON.parse(raw);
          } catch {
            return send(res, 400, error(m.http.badJson));
          }
          if (typeof input !== "object" || input === null || Array.isArray(input)) return send(res, 400, error(m.http.notObject));
          const result = evaluate(input, getBook());
          return result.ok ? send(res, 200, { estimate: result.estimate }) : send(res, 400, { errors: result.errors });
        }
        case "/v1/policies":
          if (req.method !== "GET") return send(res, 405, error(m.http.methodNotAllowed));
          return send(res, 200, policiesList(getBook()));
        default:
          req.resume();
          return send(res, 404, error(m.http.notFound));
      }
    } catch (e) {
      if (e instanceof BodyError) return send(res, e.status, error(e.message));
      o.log.error({ err: e, path: url.pathname }, "http handler failed");
      // Telegram retries a webhook that got a 5xx; the update id makes that harmless.
      send(res, 500, error(m.http.internal));
    }
  };
}

export function createHttpServer(o: HttpOptions): Server {
  const handler = createHandler(o);
  const server = createServer((req, res) => {
    // The handler catches what it can; anything that still escapes must not become an
    // unhandled rejection, which would end the process.
    handler(req, res).catch((e) => {
      o.log.error({ err: e, kind: "http_unhandled" }, "http handler failed");
      send(res, 500, error(m.http.internal));
    });
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

/** Listens and resolves with the bound port (0 picks a free one). */
export function listen(server: Server, port: number, host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}
