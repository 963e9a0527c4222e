/**
 * A Bot API stand-in on loopback, for tests and the benchmark: enough of api.telegram.org for
 * the real grammY client.
 * Records every call, answers like Telegram, can fail a method once (429 with retry_after,
 * or a 5xx), and feeds getUpdates (long polling) from a queue.
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Call {
  method: string;
  params: Record<string, any>;
  at: number;
  result?: any;
  /** Why the stand-in refused the call as Telegram would (400), if it did. */
  error?: string;
}

const TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"]);

/**
 * Parses Telegram's HTML the strict way (only its tags, only &lt; &gt; &amp; &quot; and numeric
 * entities, every tag closed in order) and returns the visible text, or an error like Telegram's.
 */
export interface Entity {
  type: string;
  offset: number;
  length: number;
  url?: string;
}

const ENTITY_TYPE: Record<string, string> = { b: "bold", strong: "bold", i: "italic", em: "italic", u: "underline", ins: "underline", s: "strikethrough", strike: "strikethrough", del: "strikethrough", "tg-spoiler": "spoiler", span: "spoiler", code: "code", pre: "pre", blockquote: "blockquote", a: "text_link", "tg-emoji": "custom_emoji" };

export function parseTelegramHtml(html: string): { text: string; entities: Entity[] } | { error: string } {
  const stack: string[] = [];
  const opened: { offset: number; attrs: string }[] = [];
  const entities: Entity[] = [];
  let text = "";
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === "<") {
      const m = /^<(\/?)([a-z-]+)((?:\s+[a-z-]+(?:="[^"<>]*")?)*)\s*>/.exec(html.slice(i));
      if (!m) return { error: `can't parse entities: Unsupported start tag at byte offset ${i}` };
      const [all, close, name, attrs] = m;
      if (!TAGS.has(name!)) return { error: `can't parse entities: Unsupported start tag "${name}" at byte offset ${i}` };
      if (close) {
        if (stack.pop() !== name) return { error: `can't parse entities: Unmatched end tag at byte offset ${i}, expected "</${stack.at(-1) ?? ""}>"` };
        const start = opened.pop()!;
        let type = ENTITY_TYPE[name!]!;
        if (type === "blockquote" && /\bexpandable\b/.test(start.attrs)) type = "expandable_blockquote";
        const href = /href="([^"]*)"/.exec(start.attrs)?.[1];
        // Offsets and lengths count UTF-16 code units, as Telegram's do.
        if (text.length > start.offset) entities.push({ type, offset: start.offset, length: text.length - start.offset, ...(href !== undefined ? { url: href } : {}) });
      } else {
        stack.push(name!);
        opened.push({ offset: text.length, attrs: attrs ?? "" });
      }
      i += all!.length;
    } else if (ch === "&") {
      const m = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});/i.exec(html.slice(i));
      if (!m) return { error: `can't parse entities: Unsupported HTML entity at byte offset ${i}` };
      const e = m[1]!.toLowerCase();
      text += e === "lt" ? "<" : e === "gt" ? ">" : e === "amp" ? "&" : e === "quot" ? '"' : String.fromCodePoint(e.startsWith("#x") ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      i += m[0].length;
    } else if (ch === ">") {
      return { error: `can't parse entities: Unexpected end tag at byte offset ${i}` };
    } else {
      text += ch;
      i++;
    }
  }
  if (stack.length > 0) return { error: `can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"` };
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

/** What a client receives for a sent text: the visible text and its entities, no HTML. */
function shownText(p: Record<string, any>): { text: string; entities?: Entity[] } {
  const raw = String(p.text ?? "");
  if (p.parse_mode !== "HTML") return { text: raw };
  const parsed = parseTelegramHtml(raw);
  if ("error" in parsed) return { text: raw };
  return parsed.entities.length > 0 ? { text: parsed.text, entities: parsed.entities } : { text: parsed.text };
}

function checkMessage(method: string, p: Record<string, any>): string | undefined {
  const markup = typeof p.reply_markup === "string" ? JSON.parse(p.reply_markup) : p.reply_markup;
  for (const b of (markup?.inline_keyboard ?? []).flat()) {
    if (b.callback_data !== undefined && (Buffer.byteLength(String(b.callback_data)) < 1 || Buffer.byteLength(String(b.callback_data)) > 64)) return "BUTTON_DATA_INVALID";
  }
  if (method !== "sendMessage" && method !== "editMessageText") return undefined;
  const raw = String(p.text ?? "");
  const parsed = p.parse_mode === "HTML" ? parseTelegramHtml(raw) : { text: raw, entities: [] };
  if ("error" in parsed) return parsed.error;
  if (parsed.text.trim() === "") return "message text is empty";
  if (Array.from(parsed.text).length > 4096) return method === "sendMessage" ? "message is too long" : "MESSAGE_TOO_LONG";
  return undefined;
}

export const BOT_INFO = {
  id: 4242,
  is_bot: true as const,
  first_name: "异地就医助手",
  username: "yidi_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export class FakeTelegram {
  calls: Call[] = [];
  private server: Server;
  private failures = new Map<string, { status: number; retryAfter?: number }[]>();
  private queue: any[] = [];
  private waiters: (() => void)[] = [];
  private nextMessageId = 1000;
  private nextUpdateId = 1;
  private listeners: (() => void)[] = [];
  /** Simulated processing time per call, for load tests. */
  latencyMs = 0;
  /** Off for load tests: keep only a count and each chat's newest keyboard, not every call. */
  keepCalls = true;
  count = 0;
  lastKeyboard = new Map<number, { messageId: number; markup: any }>();
  port = 0;

  constructor(readonly token = "123456:TEST-token") {
    this.server = createServer((req, res) => void this.route(req, res));
    this.server.keepAliveTimeout = 60_000;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", () => r()));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const w of this.waiters.splice(0)) w();
    await new Promise<void>((r) => {
      this.server.close(() => r());
      this.server.closeAllConnections();
    });
  }

  /** The next call of `method` fails once with this status (429 carries retry_after). */
  failOnce(method: string, status: number, retryAfter?: number): void {
    const list = this.failures.get(method) ?? [];
    list.push({ status, retryAfter });
    this.failures.set(method, list);
  }

  /** Queues an update for getUpdates; returns it with its update_id. */
  push(update: Record<string, unknown>): any {
    const full = { update_id: this.nextUpdateId++, ...update };
    this.queue.push(full);
    for (const w of this.waiters.splice(0)) w();
    return full;
  }

  newUpdateId(): number {
    return this.nextUpdateId++;
  }

  callsOf(method: string, chatId?: number): Call[] {
    return this.calls.filter((c) => c.method === method && (chatId === undefined || Number(c.params.chat_id) === chatId));
  }

  /** Resolves once `predicate` holds over the recorded calls (or rejects after `ms`). */
  waitFor(predicate: (calls: Call[]) => boolean, ms = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      if (predicate(this.calls)) return resolve();
      const check = () => {
        if (predicate(this.calls)) {
          clearTimeout(timer);
          this.listeners = this.listeners.filter((l) => l !== check);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        const counts = new Map<string, number>();
        for (const c of this.calls) counts.set(c.method, (counts.get(c.method) ?? 0) + 1);
        reject(new Error(`timed out waiting; calls: ${[...counts].map(([m, n]) => `${m} ×${n}`).join(", ")}`));
      }, ms);
      this.listeners.push(check);
    });
  }

  private async body(req: IncomingMessage): Promise<Record<string, any>> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    if (!raw) return {};
    const type = String(req.headers["content-type"] ?? "");
    if (type.includes("json")) return JSON.parse(raw);
    if (type.includes("urlencoded")) return Object.fromEntries(new URLSearchParams(raw));
    if (type.includes("multipart/form-data")) return multipart(Buffer.concat(chunks), type);
    return {};
  }

  private async route(req: IncomingMessage, res: import("node:http").ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
    const reply = (status: number, body: unknown) => {
      const json = JSON.stringify(body);
      res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(json) });
      res.end(json);
    };
    if (!match || match[1] !== this.token) return reply(404, { ok: false, error_code: 404, description: "Not Found" });
    const method = match[2]!;
    const params = await this.body(req);
    if (method === "getUpdates") {
      const failure = this.failures.get(method)?.shift();
      if (failure) {
        const description = failure.status === 409 ? "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running" : failure.status === 401 ? "Unauthorized" : "Internal Server Error";
        return reply(failure.status, { ok: false, error_code: failure.status, description });
      }
      return reply(200, { ok: true, result: await this.getUpdates(params) });
    }
    const call: Call = { method, params, at: Date.now() };
    this.count++;
    if (this.keepCalls) this.calls.push(call);
    const failure = this.failures.get(method)?.shift();
    // Like Telegram: refuse text it could not show (bad HTML, too long, empty) and oversized button data.
    const refused = failure ? undefined : checkMessage(method, params);
    if (refused) {
      call.error = refused;
      if (process.env.SHOW_REFUSED) console.error("REFUSED", method, refused, String(params.text ?? "").slice(0, 80));
      for (const l of [...this.listeners]) l();
      return reply(400, { ok: false, error_code: 400, description: `Bad Request: ${refused}` });
    }
    if (!failure) call.result = this.result(method, params);
    if (call.result && params.reply_markup && (method === "sendMessage" || method === "editMessageText")) {
      const markup = typeof params.reply_markup === "string" ? JSON.parse(params.reply_markup) : params.reply_markup;
      if (markup.inline_keyboard?.length) this.lastKeyboard.set(Number(params.chat_id), { messageId: Number(call.result.message_id), markup });
    }
    for (const l of [...this.listeners]) l();
    if (failure) {
      if (failure.status === 429)
        return reply(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${failure.retryAfter ?? 1}`, parameters: { retry_after: failure.retryAfter ?? 1 } });
      return reply(failure.status, { ok: false, error_code: failure.status, description: "Internal Server Error" });
    }
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    reply(200, { ok: true, result: call.result });
  }

  private result(method: string, p: Record<string, any>): unknown {
    const now = Math.floor(Date.now() / 1000);
    switch (method) {
      case "getMe":
        return BOT_INFO;
      case "sendMessage":
        return {
          message_id: this.nextMessageId++,
          date: now,
          chat: { id: Number(p.chat_id), type: "private" },
          from: { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name },
          ...shownText(p),
          ...(p.reply_markup ? { reply_markup: typeof p.reply_markup === "string" ? JSON.parse(p.reply_markup) : p.reply_markup } : {}),
        };
      case "editMessageText":
        return {
          message_id: Number(p.message_id),
          date: now,
          chat: { id: Number(p.chat_id), type: "private" },
          ...shownText(p),
          ...(p.reply_markup ? { reply_markup: typeof p.reply_markup === "string" ? JSON.parse(p.reply_markup) : p.reply_markup } : {}),
        };
      default:
        return true;
    }
  }

  private async getUpdates(p: Record<string, any>): Promise<any[]> {
    const offset = Number(p.offset ?? 0);
    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    const timeoutMs = Math.min(Number(p.timeout ?? 0), 1) * 1000;
    if (this.queue.length === 0 && timeoutMs > 0) {
      await new Promise<void>((r) => {
        const t = setTimeout(r, timeoutMs);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
    return this.queue.slice(0, Number(p.limit ?? 100));
  }
}

/** Builders for the updates Telegram would send. */
export const updates = {
  text(chatId: number, text: string, userId = chatId) {
    return {
      message: {
        message_id: Math.floor(Math.random() * 1e6),
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: "private", first_name: "测试" },
        from: { id: userId, is_bot: false, first_name: "测试" },
        text,
        ...(text.startsWith("/") ? { entities: [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }] } : {}),
      },
    };
  },
  /** A text in a group (optionally a reply to `replyTo`). */
  group(chatId: number, userId: number, text: string, replyTo?: Record<string, unknown>) {
    const u = updates.text(chatId, text, userId);
    return { message: { ...u.message, chat: { id: chatId, type: "group", title: "群" }, ...(replyTo ? { reply_to_message: replyTo } : {}) } };
  },
  /** A button press on a message showing `text` (plain, as Telegram hands it back) with `entities`. */
  press(chatId: number, data: string, messageId = 1, markup?: unknown, text = "问题", userId = chatId, entities?: unknown[]) {
    return {
      callback_query: {
        id: String(Math.floor(Math.random() * 1e9)),
        from: { id: userId, is_bot: false, first_name: "测试" },
        chat_instance: "ci",
        data,
        message: {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: "private", first_name: "测试" },
          text,
          ...(entities?.length ? { entities } : {}),
          ...(markup ? { reply_markup: markup } : {}),
        },
      },
    };
  },
};

/** A file upload's fields (sendPhoto): text fields as strings, each file as { name, type, bytes }. */
function multipart(body: Buffer, type: string): Record<string, any> {
  const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
  const out: Record<string, any> = {};
  if (!boundary) return out;
  const sep = Buffer.from(`--${boundary}`);
  let at = body.indexOf(sep);
  while (at !== -1) {
    const start = at + sep.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(sep, start);
    if (next === -1) break;
    const part = body.subarray(start + 2, next - 2); // after CRLF, before CRLF
    const split = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, split).toString();
    const content = part.subarray(split + 4);
    const name = /name="([^"]*)"/.exec(head)?.[1];
    const filename = /filename="?([^";\r\n]*)"?/.exec(head)?.[1];
    const fileType = /content-type:\s*(\S+)/i.exec(head)?.[1];
    if (name !== undefined) out[name] = filename !== undefined || fileType !== undefined ? { name: filename, type: fileType, bytes: Buffer.from(content) } : content.toString();
    at = next;
  }
  return out;
}
