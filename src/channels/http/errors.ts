/**
 * Every error the HTTP face answers, in one shape: `{ errors: [{ field, message }] }` with a
 * Chinese message, whatever raised it (fastify's body parser, a route schema, a rate limit or
 * a bug). A request refused before its body was read also closes its connection.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { Logger } from "../../log.ts";
import { botMessages as m } from "../../messages/bot.ts";

export const error = (message: string, field = "") => ({ errors: [{ field, message }] });

/** A refusal raised from a hook or handler with its status and Chinese message. */
export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
  }
}

/**
 * Sends an error; when the request's body was not (fully) read, asks the client to close the
 * connection rather than keeping it alive, which would mean reading whatever it still uploads.
 */
export function refuse(request: FastifyRequest, reply: FastifyReply, status: number, message: string, field = ""): FastifyReply {
  if (!request.raw.complete) reply.header("connection", "close");
  return reply.code(status).type("application/json; charset=utf-8").send(error(message, field));
}

export function installErrorHandling(app: FastifyInstance, log: Logger, bodyLimit: number, notFoundPage?: string): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof HttpError) return refuse(request, reply, err.statusCode, err.message);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const field = first ? first.instancePath.replace(/^\//, "").replace(/\//g, ".") : "";
      return refuse(request, reply, 400, first?.message ?? m.http.badRequest, field);
    }
    switch (err.code) {
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return refuse(request, reply, 413, m.http.tooLarge(bodyLimitOf(request, bodyLimit)));
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return refuse(request, reply, 415, m.http.notJsonType);
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
      case "FST_ERR_CTP_INVALID_JSON_BODY":
        return refuse(request, reply, 400, m.http.badJson);
    }
    // fastify's JSON parser reports a syntax error as a plain 400.
    if (err.statusCode === 400 && err instanceof SyntaxError) return refuse(request, reply, 400, m.http.badJson);
    if (err.statusCode === 429) return refuse(request, reply, 429, m.http.tooMany);
    if (err.statusCode !== undefined && err.statusCode >= 400 && err.statusCode < 500) return refuse(request, reply, err.statusCode, m.http.badRequest);
    log.error({ err, path: request.routeOptions.url }, "http handler failed");
    // Telegram retries a webhook that got a 5xx; the update id makes that harmless.
    return refuse(request, reply, 500, m.http.internal);
  });
  app.setNotFoundHandler((request, reply) => {
    // A person who followed a mistyped link reads a page in Chinese with the way back, not JSON.
    if (notFoundPage !== undefined && (request.method === "GET" || request.method === "HEAD") && wantsPage(request.headers.accept))
      return reply.code(404).type("text/html; charset=utf-8").header("cache-control", "no-store").send(notFoundPage);
    return refuse(request, reply, 404, m.http.notFound);
  });
}

/** A browser opening a page asks for HTML first; fetch and API clients ask for JSON or anything. */
function wantsPage(accept: string | undefined): boolean {
  return accept !== undefined && accept.startsWith("text/html");
}

function bodyLimitOf(request: FastifyRequest, fallback: number): number {
  return request.routeOptions.bodyLimit ?? fallback;
}
