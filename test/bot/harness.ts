/** Starts the real app (webhook mode) against the Bot API stand-in, and drives it like Telegram would. */
import type { Config } from "../../src/config.ts";
import { startApp, type App } from "../../src/channels/telegram/app.ts";
import { createLogger, type Logger } from "../../src/log.ts";
import type { ConversationStore } from "../../src/store/index.ts";
import type { Step } from "../../src/conversation/index.ts";
import { BOT_INFO, FakeTelegram, updates, type Call } from "../../src/channels/telegram/testing/stand-in.ts";
import { Writable } from "node:stream";

export const SECRET = "test-secret_123";

/** Log lines captured as parsed JSON, to check what is (not) logged. */
export function captureLog(): { log: Logger; lines: any[] } {
  const lines: any[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split("\n")) if (line.trim()) lines.push(JSON.parse(line));
      cb();
    },
  });
  return { log: createLogger("debug", sink), lines };
}

export function testConfig(tg: FakeTelegram, over: Partial<Config> = {}): Config {
  return {
    botToken: tg.token,
    port: 0,
    host: "127.0.0.1",
    store: { kind: "memory", ttlMs: 60_000 },
    webhook: { url: "https://example.invalid/tg/hook", path: "/tg/hook", secret: SECRET },
    apiRoot: tg.apiRoot,
    rateLimit: { limit: 1000, windowMs: 10_000 },
    logLevel: "debug",
    ...over,
  };
}

export interface Harness {
  app: App;
  tg: FakeTelegram;
  lines: any[];
  /** POSTs an update to the webhook; resolves with the HTTP status once it is handled. */
  post(update: Record<string, unknown>, secret?: string | null): Promise<number>;
  text(chatId: number, text: string): Promise<number>;
  /** Presses the button with this label (or index) on the chat's newest keyboard. */
  press(chatId: number, which: string | number): Promise<number>;
  /** The newest keyboard of a chat and its message as a client sees it (plain text and entities). */
  keyboard(chatId: number): { messageId: number; text: string; entities?: any[]; buttons: { text: string; callback_data: string }[]; markup: any } | undefined;
  stop(): Promise<void>;
}

export async function startHarness(o: { store: ConversationStore; tg?: FakeTelegram; step?: Step; config?: Partial<Config>; typingAfterMs?: number }): Promise<Harness> {
  const tg = o.tg ?? (await new FakeTelegram().start());
  const { log, lines } = captureLog();
  const app = await startApp({ config: testConfig(tg, o.config), log, store: o.store, botInfo: BOT_INFO, step: o.step, typingAfterMs: o.typingAfterMs, setWebhook: false });
  const base = `http://127.0.0.1:${app.port}`;
  const post = async (update: Record<string, unknown>, secret: string | null = SECRET) => {
    const full = "update_id" in update ? update : { update_id: tg.newUpdateId(), ...update };
    const res = await fetch(`${base}/tg/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret === null ? {} : { "x-telegram-bot-api-secret-token": secret }) },
      body: JSON.stringify(full),
    });
    const body = await res.text();
    // Telegram carries out a method given in the webhook response; so does this stand-in.
    if (res.status === 200 && body.includes('"method"')) {
      const { method, ...params } = JSON.parse(body) as { method: string };
      await fetch(`${tg.apiRoot}/bot${tg.token}/${method}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(params) });
    }
    return res.status;
  };
  const keyboard: Harness["keyboard"] = (chatId) => {
    const withMarkup = tg.calls.filter(
      (c: Call) => (c.method === "sendMessage" || c.method === "editMessageText") && Number(c.params.chat_id) === chatId && c.params.reply_markup && c.result,
    );
    const last = withMarkup.at(-1);
    if (!last) return undefined;
    const markup = typeof last.params.reply_markup === "string" ? JSON.parse(last.params.reply_markup) : last.params.reply_markup;
    const buttons = (markup.inline_keyboard ?? []).flat();
    if (buttons.length === 0) return undefined;
    return { messageId: Number(last.result.message_id), text: String(last.result.text), entities: last.result.entities, buttons, markup };
  };
  return {
    app,
    tg,
    lines,
    post,
    text: (chatId, text) => post(updates.text(chatId, text)),
    press: (chatId, which) => {
      const kb = keyboard(chatId);
      if (!kb) throw new Error("no keyboard to press");
      const button = typeof which === "number" ? kb.buttons[which] : kb.buttons.find((b) => b.text === which || b.text.startsWith(which));
      if (!button) throw new Error(`no button ${which} among ${kb.buttons.map((b) => b.text).join(" / ")}`);
      return post(updates.press(chatId, button.callback_data, kb.messageId, kb.markup, kb.text, chatId, kb.entities));
    },
    keyboard,
    stop: async () => {
      await app.stop();
      if (!o.tg) await tg.stop();
    },
  };
}

/** The texts the bot sent or edited in for a chat, in order (HTML as sent). */
export function shown(tg: FakeTelegram, chatId: number): string[] {
  return tg.calls.filter((c) => (c.method === "sendMessage" || c.method === "editMessageText") && Number(c.params.chat_id) === chatId).map((c) => String(c.params.text));
}
