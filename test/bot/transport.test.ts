/**
 * The Bot API transport (src/channels/telegram/transport.ts) against a loopback server: what
 * grammY sends arrives whole, answers are read as JSON, and every way a call can go wrong
 * rejects instead of hanging or resolving with nothing.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Bot, HttpError } from "grammy";
import { AnswerTooLargeError, botApiFetch, CallAbortedError, createBotApiFetch } from "../../src/channels/telegram/transport.ts";

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler = (_req, _body, res) => res.end("{}");
let server: Server;
let base: string;
const open = new Set<import("node:net").Socket>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => handler(req, Buffer.concat(chunks).toString("utf8"), res));
  });
  server.on("connection", (s) => {
    open.add(s);
    s.on("close", () => open.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as import("node:net").AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));

describe("Bot API transport", () => {
  it("posts the JSON body with its headers and reads the answer as JSON", async () => {
    let seen: { method?: string; type?: string; length?: string; body?: string } = {};
    handler = (req, body, res) => {
      seen = { method: req.method, type: req.headers["content-type"], length: req.headers["content-length"], body };
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ok: true, result: { text: "收到" } }));
    };
    const body = JSON.stringify({ chat_id: 1, text: "你好" });
    const answer = await botApiFetch(`${base}/botT/sendMessage`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(seen).toEqual({ method: "POST", type: "application/json", length: String(Buffer.byteLength(body)), body });
    expect(answer.ok).toBe(true);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ok: true, result: { text: "收到" } });
  });

  it("uploads a streamed body (a multipart upload) whole", async () => {
    let received = "";
    handler = (_req, body, res) => {
      received = body;
      res.end(JSON.stringify({ ok: true, result: true }));
    };
    const parts = ["--b\r\n", "图片".repeat(5000), "\r\n--b--\r\n"];
    const answer = await botApiFetch(`${base}/botT/sendPhoto`, { method: "POST", headers: { "content-type": "multipart/form-data; boundary=b" }, body: Readable.from(parts) });
    expect(await answer.json()).toEqual({ ok: true, result: true });
    expect(received).toBe(parts.join(""));
  });

  it("an error status with a JSON body resolves (grammY reads Telegram's error from it); a body that is not JSON rejects on json()", async () => {
    handler = (_req, _body, res) => {
      res.statusCode = 429;
      res.end(JSON.stringify({ ok: false, error_code: 429, description: "Too Many Requests", parameters: { retry_after: 1 } }));
    };
    const limited = await botApiFetch(`${base}/botT/sendMessage`, { method: "POST", body: "{}" });
    expect(limited.ok).toBe(false);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error_code: 429 });
    handler = (_req, _body, res) => {
      res.statusCode = 502;
      res.end("<html>Bad Gateway</html>");
    };
    const proxy = await botApiFetch(`${base}/botT/sendMessage`, { method: "POST", body: "{}" });
    expect(proxy.status).toBe(502);
    await expect(proxy.json()).rejects.toThrow(SyntaxError);
  });

  it("an abort rejects at once and closes the connection; an already aborted signal sends nothing", async () => {
    let arrived = 0;
    handler = () => void arrived++; // never answers
    const controller = new AbortController();
    const pending = botApiFetch(`${base}/botT/getUpdates`, { method: "POST", body: "{}", signal: controller.signal });
    await expect.poll(() => arrived, { timeout: 10_000 }).toBe(1);
    expect(open.size).toBeGreaterThan(0);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(CallAbortedError);
    await expect.poll(() => open.size, { timeout: 10_000 }).toBe(0);
    await expect(botApiFetch(`${base}/botT/getMe`, { method: "POST", body: "{}", signal: controller.signal })).rejects.toBeInstanceOf(CallAbortedError);
    expect(arrived).toBe(1);
  });

  it("a refused connection, a connection dropped mid-answer and an answer over the bound all reject", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const port = (closed.address() as import("node:net").AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await expect(botApiFetch(`http://127.0.0.1:${port}/botT/getMe`, { method: "POST", body: "{}" })).rejects.toMatchObject({ code: "ECONNREFUSED" });

    handler = (_req, _body, res) => {
      res.writeHead(200, { "content-length": "100" });
      res.write('{"ok":');
      setTimeout(() => res.destroy(), 20);
    };
    await expect(botApiFetch(`${base}/botT/getMe`, { method: "POST", body: "{}" })).rejects.toThrow();

    handler = (_req, _body, res) => res.end(JSON.stringify({ ok: true, result: "x".repeat(5000) }));
    await expect(createBotApiFetch(1000)(`${base}/botT/getMe`, { method: "POST", body: "{}" })).rejects.toBeInstanceOf(AnswerTooLargeError);
  });

  it("grammY with this transport: a call's result comes back, and a timeout is an HttpError", async () => {
    handler = (req, _body, res) => {
      if (req.url?.endsWith("/getChat")) return; // never answers
      res.end(JSON.stringify({ ok: true, result: { message_id: 7, date: 0, chat: { id: 1, type: "private" }, text: "hi" } }));
    };
    const bot = new Bot("123:T", { client: { apiRoot: base, fetch: botApiFetch as unknown as typeof fetch, timeoutSeconds: 1 } });
    expect((await bot.api.sendMessage(1, "hi")).message_id).toBe(7);
    await expect(bot.api.getChat(1)).rejects.toBeInstanceOf(HttpError);
  });
});
