/**
 * The HTTP face, on fastify: the JSON API (`/healthz`, `POST /v1/estimate`, `GET /v1/policies`,
 * `/openapi.json`), the Telegram webhook when one is configured, the web chat when asked for,
 * and any further route plugins a channel brings (`plugins`).
 *
 * Limits are part of the server, not of each route: bodies are capped, a request must arrive
 * whole within `requestTimeoutMs` (a body trickled byte by byte is cut off, not held for Node's
 * default 300 s), headers within `headersTimeoutMs`, and at most `maxConnections` sockets are
 * open at once (more are refused at accept). Security headers (a strict CSP: no inline
 * script) go on every answer.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from "fastify";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import { jsonSchemaTransform, serializerCompiler } from "fastify-type-provider-zod";
import { Redis } from "ioredis";
import type { Bot } from "grammy";
import type { Logger } from "../log.ts";
import type { PolicyBook } from "../conversation/policy-book.ts";
import type { ConversationStore } from "../conversation/index.ts";
import { botMessages as m } from "../messages/bot.ts";
import { apiRoutes, BODY_LIMIT } from "./http/api.ts";
import { installErrorHandling, refuse } from "./http/errors.ts";
import { installSecurityHeaders } from "./http/security-headers.ts";
import { routeValidator } from "./http/schemas.ts";
import { webhookRoute, WEBHOOK_BODY_LIMIT } from "./http/webhook.ts";

export { BODY_LIMIT, WEBHOOK_BODY_LIMIT };
export type { FastifyInstance };

export interface Limits {
  /** The whole request (headers and body) must have arrived within this time. */
  requestTimeoutMs: number;
  /** The headers must have arrived within this time (≤ requestTimeoutMs). */
  headersTimeoutMs: number;
  /** A socket with no traffic at all for this long is closed. */
  idleTimeoutMs: number;
  /** How long an idle keep-alive connection is kept for the next request. */
  keepAliveTimeoutMs: number;
  /** Requests served on one keep-alive connection before it is closed. */
  maxRequestsPerSocket: number;
  /** Open connections at most; further ones are closed as soon as they are accepted. */
  maxConnections: number;
}

export const DEFAULT_LIMITS: Limits = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  idleTimeoutMs: 120_000,
  // Longer than the idle timeout of the proxies and load balancers commonly put in front (60 s).
  keepAliveTimeoutMs: 65_000,
  maxRequestsPerSocket: 10_000,
  maxConnections: 1024,
};

/**
 * A route plugin a channel mounts on the server (the WeChat adapter is one). `notFoundPage`: the
 * HTML a browser gets for an address nobody serves (a channel with pages of its own has one);
 * programs asking for JSON still get the API's error.
 */
export type RoutePlugin =
  | (FastifyPluginAsync<any> & { notFoundPage?: string })
  | { plugin: FastifyPluginAsync<any>; options?: Record<string, unknown>; notFoundPage?: string };

export interface ServerOptions {
  log: Logger;
  store?: ConversationStore;
  book?: PolicyBook;
  webhook?: { path: string; secret: string; bot: Bot };
  /** Further route plugins, registered after the built-in routes (each in its own encapsulated context). */
  plugins?: RoutePlugin[];
  limits?: Partial<Limits>;
  /** Counters for @fastify/rate-limit kept in Redis (shared by every instance) instead of in memory. */
  redisUrl?: string;
}

/** How often Node looks for requests past their time; short enough that the limits hold to within a second or so. */
const checkEvery = (l: Limits) => Math.max(250, Math.min(5_000, Math.floor(l.headersTimeoutMs / 4)));

/** Builds the server (routes registered, not yet listening). */
export async function buildServer(o: ServerOptions): Promise<FastifyInstance> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...o.limits };
  limits.headersTimeoutMs = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  const app = Fastify({
    loggerInstance: o.log as unknown as FastifyBaseLogger,
    // Request lines carry paths and addresses; nothing per request is logged unless it failed.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    requestTimeout: limits.requestTimeoutMs,
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    maxRequestsPerSocket: limits.maxRequestsPerSocket,
    http: { headersTimeout: limits.headersTimeoutMs, connectionsCheckingInterval: checkEvery(limits) },
    return503OnClosing: true,
    forceCloseConnections: "idle",
    // Nothing is logged per request (above), so no request gets a child logger of its own
    // either: fastify's default makes one for every request, to carry its id.
    childLoggerFactory: (logger, _bindings, opts) => (opts.level === undefined ? logger : logger.child({}, opts)),
    // A request target fastify cannot route ("http://[::1") gets the same JSON error as other bad targets.
    frameworkErrors: (_error, request, reply) => {
      refuse(request, reply, 400, m.http.badRequest);
    },
  }) as unknown as FastifyInstance;
  app.server.maxConnections = limits.maxConnections;
  app.setValidatorCompiler(routeValidator);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app, o.log, BODY_LIMIT, o.plugins?.find((p) => p.notFoundPage !== undefined)?.notFoundPage);

  // Bodies: JSON (also +json types and no declared type, as before), form posts for the web
  // chat; anything else is a 415.
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.addContentTypeParser(/^application\/[\w.+-]+\+json$/i, { parseAs: "string" }, (request, body, done) => parseJson(request, body.toString(), done));
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body.toString())));
  });
  app.addContentTypeParser("*", { parseAs: "string" }, (request, body, done) => {
    if (request.headers["content-type"] === undefined) return parseJson(request, body.toString(), done);
    const e = Object.assign(new Error(m.http.notJsonType), { statusCode: 415, code: "FST_ERR_CTP_INVALID_MEDIA_TYPE" });
    done(e, undefined);
  });

  app.addHook("onRequest", (request, reply, done) => {
    if (isPath(request.raw.url)) return done();
    refuse(request, reply, 400, m.http.badRequest);
  });

  installSecurityHeaders(app);

  const redis = o.redisUrl ? new Redis(o.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false }) : undefined;
  if (redis) {
    redis.on("error", (e) => o.log.warn({ err: e, kind: "rate_limit_store" }, "rate-limit store error"));
    app.addHook("onClose", async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
  }
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: "yidi-rl:" } : {}),
    // When the counter store is down, serve rather than refuse everyone.
    skipOnError: true,
    errorResponseBuilder: (_request, context) => Object.assign(new Error(m.http.tooMany), { statusCode: context.statusCode }),
  });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "yidi · 异地就医助手 HTTP API", version: "1" },
    },
    transform: jsonSchemaTransform,
  });

  await app.register(apiRoutes, { store: o.store, book: o.book });
  if (o.webhook) await app.register(webhookRoute, { ...o.webhook, log: o.log });
  for (const p of o.plugins ?? []) {
    if (typeof p === "function") await app.register(p);
    else await app.register(p.plugin, p.options ?? {});
  }
  await app.ready();
  return app;
}

/** Only a path is a valid request target here; "//[", "*" and absolute URLs are not. */
function isPath(target: string | undefined): boolean {
  if (target === undefined || target.charCodeAt(0) !== 0x2f) return false;
  // "/" followed by anything but a second slash or a backslash is read as a path, never as a
  // host, and the URL parser takes it whatever follows: no parse needed (it is the common case,
  // and building a URL per request is not free).
  const second = target.charCodeAt(1);
  if (target.length === 1 || (second !== 0x2f && second !== 0x5c)) return true;
  if (second === 0x2f) return false;
  try {
    new URL(target, "http://localhost");
    return true;
  } catch {
    return false;
  }
}

/** Listens and resolves with the bound port (0 picks a free one). */
export async function listen(app: FastifyInstance, port: number, host = "127.0.0.1"): Promise<number> {
  await app.listen({ port, host, listenTextResolver: () => "http server listening" });
  const address = app.server.address();
  return typeof address === "object" && address ? address.port : port;
}

/**
 * Stops taking requests, answers those in flight, then closes. Keep-alive connections
 * (Telegram keeps its webhook connections open) are closed as soon as they fall idle, rather
 * than holding the shutdown for the keep-alive timeout.
 */
export async function closeServer(app: FastifyInstance): Promise<void> {
  const sweep = setInterval(() => app.server.closeIdleConnections(), 25);
  try {
    await app.close();
  } finally {
    clearInterval(sweep);
  }
}
