/**
 * The Telegram webhook route. The secret header is checked before anything else — before the
 * body is read and before the method is — so without it nothing about the path is told: every
 * method gets the same 401.
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../../log.ts";
import { botMessages as m } from "../../messages/bot.ts";
import { HttpError, refuse } from "./errors.ts";

/** Telegram updates are small; a generous cap still stops abuse. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

export interface WebhookOptions {
  path: string;
  secret: string;
  bot: Bot;
  log: Logger;
}

function secretMatches(given: string | string[] | undefined, expected: string): boolean {
  const value = Array.isArray(given) ? given[0] : given;
  if (typeof value !== "string") return false;
  const a = Buffer.from(value);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function webhookRoute(app: FastifyInstance, o: WebhookOptions): Promise<void> {
  app.route({
    method: ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"],
    url: o.path,
    bodyLimit: WEBHOOK_BODY_LIMIT,
    schema: { hide: true },
    onRequest: async (request) => {
      if (!secretMatches(request.headers["x-telegram-bot-api-secret-token"], o.secret)) {
        o.log.warn({ kind: "webhook_unauthorized" }, "webhook call with a wrong secret");
        throw new HttpError(401, m.http.unauthorized);
      }
      if (request.method !== "POST") throw new HttpError(405, m.http.methodNotAllowed);
    },
    handler: async (request, reply) => {
      const update = request.body as Update | null;
      if (typeof update !== "object" || update === null || typeof update.update_id !== "number") return refuse(request, reply, 400, m.http.badJson);
      // Answer only after the update is handled: Telegram then sends this chat's next update
      // after this one, and a crash mid-way makes Telegram redeliver (deduplicated by update_id).
      // One API call (answerCallbackQuery, see telegram/bot.ts) may ride on this response
      // instead of costing a request of its own; it is held until the update is done.
      let webhookReply: string | undefined;
      await o.bot.handleUpdate(update, {
        send: async (json) => {
          webhookReply = json;
        },
      });
      if (webhookReply === undefined) return reply.code(200).send({ ok: true });
      return reply.code(200).type("application/json").send(webhookReply);
    },
  });
}
