/** A known path asked with a method it does not take is a 405, not a 404. */
import type { FastifyInstance, HTTPMethods } from "fastify";
import { botMessages as m } from "../../messages/bot.ts";
import { refuse } from "./errors.ts";

const ALL: HTTPMethods[] = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"];

export function methodNotAllowed(app: FastifyInstance, url: string, taken: HTTPMethods[]): void {
  const others = ALL.filter((x) => !taken.includes(x));
  app.route({ method: others, url, schema: { hide: true }, handler: (request, reply) => refuse(request, reply, 405, m.http.methodNotAllowed) });
}
