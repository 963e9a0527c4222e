/**
 * The Telegram adapter: a grammY bot that turns every update into one call of the
 * conversation's `handle` (which owns the turn, the store's compare-and-set and the update-id
 * record). It knows Telegram (groups, buttons, HTML, limits, errors) and nothing about the flows.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { Bot, GrammyError, HttpError, InputFile, type Context, type InlineKeyboard } from "grammy";
import type { ForceReply, ReplyParameters, UserFromGetMe } from "grammy/types";
import { ConflictError, handle, isUpdateId, StoreUnavailableError, type Bill, type ConversationStore, type Reply, type Step } from "../../conversation/index.ts";
import { billAlt } from "../web/bill-svg.ts";
import { billPng } from "../web/bill-png.ts";
import type { Logger } from "../../log.ts";
import { botMessages as m } from "../../messages/bot.ts";
import { decodeCallback } from "./callback-data.ts";
import { COMMANDS } from "./commands.ts";
import { choicesKeyboard, pressedLabel } from "./keyboards.ts";
import { isGroup, relevance } from "./relevance.ts";
import { escapeHtml, MAX_MESSAGE_CHARS, messageHtml, renderReply } from "./render.ts";
import { ApiHealth, boundedNetworkRetry } from "./health.ts";
import { botApiFetch } from "./transport.ts";

export interface BotOptions {
  token: string;
  store: ConversationStore;
  log: Logger;
  /** Another Bot API server (a local one, or a test stand-in). */
  apiRoot?: string;
  /** Skips getMe at start-up when known. */
  botInfo?: UserFromGetMe;
  rateLimit?: { limit: number; windowMs: number };
  /** The conversation's pure turn (defaults to its own); tests put a failing one here. */
  step?: Step;
  /**
   * "typing…" is shown when a turn has not finished after this many ms (a slow store, a retry):
   * most turns take a millisecond, and an action sent for those would only cost an API call.
   * 0 sends it at once for every typed message.
   */
  typingAfterMs?: number;
  /** The Bot API's health, fed by every call (reported by /readyz). */
  health?: ApiHealth;
  /** Seconds one Bot API call may take (long polling adds its own wait on top). */
  callTimeoutSeconds?: number;
  /** Auto-retry limits (429 retry_after and 5xx). */
  retry?: { maxRetryAttempts: number; maxDelaySeconds: number };
}

const chatKey = (ctx: Context) => ctx.chat?.id.toString();

/** Updates whose turn is committed to the store (what fails after that is only the sending). */
const committed = new WeakSet<Context>();

/** Creates the bot; call `bot.init()` (webhook) or run it with the runner (polling). */
export function createBot(o: BotOptions): Bot {
  const bot = new Bot(o.token, {
    client: {
      apiRoot: o.apiRoot ?? "https://api.telegram.org",
      // In webhook mode, acknowledging a button press goes back in the webhook response:
      // one request fewer per press. Nothing needs its result.
      canUseWebhookReply: (method) => method === "answerCallbackQuery",
      // One call may take this long before it counts as failed (grammY's default is 500 s).
      timeoutSeconds: o.callTimeoutSeconds ?? 15,
      // Plain node:http instead of node-fetch (transport.ts); grammY types the option as the
      // global fetch, of which it uses only the call and `json()`.
      fetch: botApiFetch as unknown as typeof fetch,
    },
    botInfo: o.botInfo,
  });
  // 429 and 5xx: auto-retry, bounded. Network errors: bounded here (auto-retry would retry them forever).
  bot.api.config.use(autoRetry({ maxRetryAttempts: o.retry?.maxRetryAttempts ?? 3, maxDelaySeconds: o.retry?.maxDelaySeconds ?? 30, rethrowHttpErrors: true }));
  bot.api.config.use(boundedNetworkRetry(o.health ?? new ApiHealth()));
  const log = o.log;
  const step = o.step ? { step: o.step } : {};

  // Outermost: whatever fails below gets an answer and a log line; the stored state is only
  // ever replaced by a completed compare-and-set, so a failure leaves it as it was.
  bot.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      // 403: the person blocked the bot, or it was removed from the group. Nothing can reach
      // them, and it is their choice, not a fault: no apology to send, no error to raise.
      if (error instanceof GrammyError && error.error_code === 403) {
        log.info({ chat: ctx.chat?.id, kind: "unreachable", update: ctx.update.update_id }, "chat cannot be written to (403)");
        if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
        return;
      }
      const storeDown = error instanceof StoreUnavailableError;
      // After the commit the turn has happened: "您的进度没有丢，请再发一次" would be wrong (sending
      // the answer again would answer the next question), so say that the reply got lost instead.
      const afterCommit = committed.has(ctx);
      const kind = storeDown ? "store_down" : afterCommit ? "reply_lost" : "handler_error";
      log.error({ err: error, update: ctx.update.update_id, chat: ctx.chat?.id, kind }, storeDown ? "store unavailable" : afterCommit ? "reply not delivered" : "handler failed");
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
      if (ctx.chat) await ctx.reply(storeDown ? m.storeDown : afterCommit ? m.replyLost : m.apology).catch((e) => log.warn({ err: e }, "could not send apology"));
    }
  });

  // An update id that is not a safe integer (1e400, 12.5) cannot be recorded or compared: such
  // an update is not from Telegram, and is dropped before it touches anything.
  bot.use(async (ctx, next) => {
    if (!isUpdateId(ctx.update.update_id)) return void log.warn({ kind: "bad_update_id" }, "update with an invalid update_id dropped");
    await next();
  });

  // What is not meant for the bot (group chatter, service messages, another bot's commands)
  // is dropped here, before it counts towards anyone's rate limit.
  bot.use(async (ctx, next) => {
    const message = ctx.message ?? ctx.editedMessage;
    if (message && relevance(message, ctx.me).kind === "ignore") return;
    await next();
  });

  const warned = new Map<string, number>();
  const windowMs = o.rateLimit?.windowMs ?? 10_000;
  bot.use(
    limit({
      timeFrame: windowMs,
      limit: o.rateLimit?.limit ?? 20,
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      onLimitExceeded: async (ctx) => {
        const key = ctx.from?.id.toString() ?? "";
        log.info({ chat: ctx.chat?.id, kind: "rate_limited" }, "rate limited");
        if (ctx.callbackQuery) return void (await ctx.answerCallbackQuery({ text: m.tooFast }).catch(() => {}));
        // One warning per window is enough; answering every flooded message would flood back.
        const last = warned.get(key) ?? 0;
        if (Date.now() - last < windowMs) return;
        warned.set(key, Date.now());
        if (warned.size > 10_000) warned.clear();
        await ctx.reply(m.tooFast).catch(() => {});
      },
    }),
  );

  // Updates of one chat are handled one after another inside this process (the store's
  // compare-and-set covers several processes).
  bot.use(sequentialize(chatKey));

  bot.on("message", async (ctx) => {
    const seen = relevance(ctx.message, ctx.me);
    if (seen.kind === "ignore") return;
    if (seen.kind === "joined") return void (await ctx.reply(m.groupHello));
    if (seen.kind === "other") return void (await ctx.reply(m.notText));
    const text = seen.text;
    const chatId = String(ctx.chat.id);
    if (seen.caption) await ctx.reply(m.captionOnly);
    const started = performance.now();
    const typing = showTypingIfSlow(ctx, o.typingAfterMs ?? TYPING_AFTER_MS);
    let result;
    try {
      result = await handle(chatId, { type: "text", text }, o.store, { updateId: ctx.update.update_id, ...step });
    } finally {
      typing.done();
    }
    if (result.kind === "erased") {
      log.info({ chat: ctx.chat.id, kind: "forget" }, "chat forgotten");
      await ctx.reply(m.forgotten);
      return;
    }
    if (result.kind === "forgotten") log.info({ chat: ctx.chat.id, kind: "dropped_after_forget" }, "update dropped: chat forgotten meanwhile");
    if (result.kind === "duplicate" && result.latest) {
      log.info({ chat: ctx.chat.id, kind: "redelivered", update: ctx.update.update_id }, "latest update redelivered: current question sent again");
      committed.add(ctx);
      await sendReplies(ctx, result.latest.replies, result.latest.version, log);
      return;
    }
    if (result.kind !== "applied") return void log.debug({ chat: ctx.chat.id, kind: result.kind, update: ctx.update.update_id }, "update not applied");
    committed.add(ctx);
    await sendReplies(ctx, result.replies, result.version, log);
    log.debug({ chat: ctx.chat.id, ms: Math.round(performance.now() - started) }, "turn");
  });

  bot.on("callback_query:data", async (ctx) => {
    const data = ctx.callbackQuery.data;
    const payload = decodeCallback(data);
    const chat = ctx.chat;
    if (!payload || !chat) {
      log.info({ chat: chat?.id, kind: "forged_callback" }, "callback data refused");
      await ctx.answerCallbackQuery({ text: m.forgedButton });
      return;
    }
    const chatId = String(chat.id);
    // A press can be as slow as a typed message (the estimate is often reached by a button).
    const typing = showTypingIfSlow(ctx, o.typingAfterMs ?? TYPING_AFTER_MS);
    let result;
    try {
      result = await handle(chatId, { type: "choice", id: payload.id }, o.store, {
        updateId: ctx.update.update_id,
        expectVersion: payload.version,
        pressData: data,
        ...step,
      });
    } finally {
      typing.done();
    }
    // A press whose chat was forgotten meanwhile is, like any press from before /forget, expired.
    if (result.kind === "stale" || result.kind === "forgotten") {
      await ctx.answerCallbackQuery({ text: m.staleButton });
      return;
    }
    if (result.kind === "duplicate" || result.kind === "invalid" || result.kind === "erased") {
      await ctx.answerCallbackQuery();
      if (result.kind === "duplicate" && result.latest) {
        committed.add(ctx);
        await sendReplies(ctx, result.latest.replies, result.latest.version, log);
      }
      return;
    }
    committed.add(ctx);
    await ctx.answerCallbackQuery();
    const message = ctx.callbackQuery.message;
    const [first, ...rest] = result.replies;
    // Question after question reads best as one message that changes in place; a result
    // (no buttons) goes out as new messages, and the old buttons are taken away.
    const firstBodies = first?.choices?.length ? renderReply(first) : [];
    if (message && first?.choices?.length && firstBodies.length === 1) {
      const { keyboard } = choicesKeyboard(first.choices, result.version);
      const edited = await ctx.api
        .editMessageText(chat.id, message.message_id, firstBodies[0]!, { parse_mode: "HTML", reply_markup: keyboard })
        .then(
          () => true,
          (e) => {
            // Too old, deleted, or "not modified": the state has moved on, so say it in a new message.
            log.warn({ err: e, chat: chat.id, kind: "edit_failed" }, "edit in place failed; sending instead");
            return false;
          },
        );
      await sendReplies(ctx, edited ? rest : result.replies, result.version, log);
      return;
    }
    if (message) {
      // The old message keeps its text and formatting, gains the pick (✓) and loses its buttons;
      // where the pick does not fit (or the edit fails), the buttons still go.
      const label = pressedLabel(message.reply_markup, data);
      const text = "text" in message && typeof message.text === "string" ? message.text : undefined;
      const entities = "entities" in message ? message.entities : undefined;
      const picked = label ? `\n\n${m.picked(label)}` : "";
      const marked =
        label && text && Array.from(text + picked).length <= MAX_MESSAGE_CHARS
          ? await ctx.api.editMessageText(chat.id, message.message_id, messageHtml(text, entities) + escapeHtml(picked), { parse_mode: "HTML" }).then(
              () => true,
              (e) => (log.warn({ err: e, chat: chat.id, kind: "mark_failed" }, "could not mark the pressed button"), false),
            )
          : false;
      if (!marked) await ctx.api.editMessageReplyMarkup(chat.id, message.message_id).catch(() => {});
    }
    await sendReplies(ctx, result.replies, result.version, log);
  });

  // An edit is not applied (the conversation has usually moved on since); say how to change an answer.
  bot.on("edited_message", async (ctx) => {
    if (relevance(ctx.editedMessage, ctx.me).kind === "text") await ctx.reply(m.editedIgnored);
  });

  bot.catch((err) => {
    // Reached only if the boundary above itself failed (e.g. Telegram unreachable while apologising).
    const e = err.error;
    const kind = e instanceof GrammyError ? "telegram_error" : e instanceof HttpError ? "network_error" : e instanceof ConflictError ? "conflict" : "unknown";
    log.error({ err: e, update: err.ctx.update.update_id, kind }, "update failed");
  });

  return bot;
}

export const TYPING_AFTER_MS = 250;

/** Sends the typing action once the turn has taken `afterMs`; `done()` cancels it. Never waited for. */
function showTypingIfSlow(ctx: Context, afterMs: number): { done(): void } {
  const send = () => void ctx.replyWithChatAction("typing").catch(() => {});
  if (afterMs <= 0) {
    send();
    return { done() {} };
  }
  const timer = setTimeout(send, afterMs);
  return { done: () => clearTimeout(timer) };
}

async function sendReplies(ctx: Context, replies: Reply[], version: number, log: Logger): Promise<void> {
  // In a group Telegram (privacy mode) only shows the bot replies to its own messages: a question
  // without buttons opens the reply field, for the person who asked when known.
  const asked = ctx.chat && isGroup(ctx.chat) ? (ctx.message?.message_id ?? 0) : undefined;
  for (const [r, reply] of replies.entries()) {
    const bodies = renderReply(reply);
    const { keyboard } = choicesKeyboard(reply.choices, version);
    for (let i = 0; i < bodies.length; i++) {
      const last = i === bodies.length - 1;
      let reply_markup: InlineKeyboard | ForceReply | undefined = last ? keyboard : undefined;
      let reply_parameters: ReplyParameters | undefined;
      if (asked !== undefined && !reply_markup && last && r === replies.length - 1) {
        reply_markup = asked > 0 ? { force_reply: true, selective: true } : { force_reply: true };
        if (asked > 0) reply_parameters = { message_id: asked, allow_sending_without_reply: true };
      }
      await ctx.reply(bodies[i]!, { parse_mode: "HTML", reply_markup, reply_parameters }).catch(async (e) => {
        // Telegram refused the text itself (400: entities it cannot parse, …): the words matter
        // more than the formatting, so send them plain. Anything else goes to the boundary.
        if (!(e instanceof GrammyError) || e.error_code !== 400) throw e;
        log.warn({ err: e, chat: ctx.chat?.id, kind: "html_refused" }, "Telegram refused the HTML; sending plain text");
        await ctx.reply(plainText(bodies[i]!), { reply_markup, reply_parameters });
      });
    }
    if (reply.bill) await sendBill(ctx, reply.bill, log);
  }
}

/** The estimate's bill as a picture under its text; the words already say it all, so a picture that fails is only logged. */
async function sendBill(ctx: Context, bill: Bill, log: Logger): Promise<void> {
  try {
    await ctx.replyWithPhoto(new InputFile(await billPng(bill), "bill.png"), { caption: billAlt(bill) });
  } catch (e) {
    log.warn({ err: e, chat: ctx.chat?.id, kind: "bill_picture_failed" }, "bill picture not sent");
  }
}

/** The visible text of one of our HTML bodies. */
function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
}

/** Publishes the command list with Chinese descriptions. */
export async function publishCommands(bot: Bot): Promise<void> {
  await bot.api.setMyCommands(COMMANDS.map((c) => ({ command: c.command, description: c.description })));
}
