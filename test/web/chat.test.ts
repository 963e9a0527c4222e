/** The web chat over HTTP: sessions, CSRF, the form and fetch paths, redaction, rate limits, /forget, saved results, page weight. */
import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, closeServer, listen, type FastifyInstance } from "../../src/channels/http.ts";
import { webChat } from "../../src/channels/web/routes.ts";
import { loadResult, SAVED_TTL_MS } from "../../src/channels/web/saved.ts";
import { conversationKey, transcriptKey } from "../../src/channels/web/transcript.ts";
import { MemoryStore } from "../../src/store/index.ts";
import { remembersConversation } from "../../src/conversation/store.ts";
import { forgetRecord } from "../../src/conversation/turn.ts";
import { webMessages as m } from "../../src/messages/web.ts";
import { captureLog } from "../bot/harness.ts";

let server: FastifyInstance;
let base: string;
let store: MemoryStore;
let lines: any[];

beforeAll(async () => {
  store = new MemoryStore();
  const captured = captureLog();
  lines = captured.lines;
  server = await buildServer({ log: captured.log, store, plugins: [webChat({ store, log: captured.log, rateLimit: { limit: 5, windowMs: 60_000 } })] });
  base = `http://127.0.0.1:${await listen(server, 0)}`;
});
afterAll(() => closeServer(server));

interface Visitor {
  cookie: string;
  csrf: string;
  id: string;
}

async function visit(): Promise<Visitor> {
  const res = await fetch(`${base}/`);
  const setCookie = res.headers.get("set-cookie")!;
  const html = await res.text();
  return { cookie: setCookie.split(";")[0]!, csrf: /name="csrf" value="([^"]+)"/.exec(html)![1]!, id: setCookie.split(";")[0]!.split("=")[1]! };
}

/** Someone who comes back with a session of their own from before (an id this server did not just make). */
async function returning(): Promise<Visitor> {
  const id = randomBytes(16).toString("base64url");
  const cookie = `yidi_sid=${id}`;
  const res = await fetch(`${base}/`, { headers: { cookie } });
  expect(res.headers.get("set-cookie")).toBeNull();
  return { cookie, csrf: /name="csrf" value="([^"]+)"/.exec(await res.text())![1]!, id };
}

const post = (v: Visitor, path: string, fields: Record<string, string>, json = false) =>
  fetch(base + path, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: v.cookie, "content-type": "application/x-www-form-urlencoded", ...(json ? { accept: "application/json" } : {}) },
    body: new URLSearchParams(fields).toString(),
  });

const page = async (v: Visitor) => (await fetch(`${base}/`, { headers: { cookie: v.cookie } })).text();

describe("the web chat over HTTP", () => {
  it("a first visit gets an anonymous HttpOnly, SameSite=Lax session cookie and a page with the promised names, no inline script", async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^yidi_sid=[A-Za-z0-9_-]{22}; /);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    const html = await res.text();
    expect(html).toContain(`role="log" aria-label="${m.logLabel}"`);
    expect(html).toContain(`<label for="msg">${m.inputLabel}</label>`);
    expect(html).toMatch(new RegExp(`<button type="submit" name="send" value="1">${m.send}</button>`));
    expect(html).toContain(`>${m.forget}</button>`);
    // Scripts only from files; no inline handlers or styles.
    expect([...html.matchAll(/<script\b[^>]*>/g)].every((s) => /\bsrc="\/static\//.test(s[0]))).toBe(true);
    expect(html).not.toMatch(/\son[a-z]+=|style=/i);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe");
  });

  it("the first page weighs far less than 60 KB compressed (HTML, stylesheet and script), and asks for nothing elsewhere", async () => {
    const res = await fetch(`${base}/`, { headers: { "accept-encoding": "gzip" } });
    const html = await res.text();
    const assets = [...html.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)].map((x) => x[1]!);
    expect(assets).toHaveLength(2);
    let total = Number(res.headers.get("content-length") ?? Buffer.byteLength(html));
    for (const a of assets) {
      const r = await fetch(base + a, { headers: { "accept-encoding": "gzip" } });
      expect(r.status).toBe(200);
      expect(r.headers.get("cache-control")).toContain("immutable");
      total += (await r.arrayBuffer()).byteLength;
    }
    expect(total).toBeLessThan(60 * 1024);
    expect(html).not.toMatch(/(?:href|src)="(?:https?:)?\/\//);
  });

  it("a form post without the session's token changes nothing and sends the page back", async () => {
    const v = await visit();
    const res = await post(v, "/chat", { csrf: "forged", text: "我在苏州交的职工医保" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/?n=expired#status");
    expect(await store.get(conversationKey(v.id))).toBeNull();
    const other = await visit();
    expect((await post(v, "/chat", { csrf: other.csrf, text: "你好" })).status).toBe(303);
    expect(await store.get(conversationKey(v.id))).toBeNull();
  });

  it("a post that is not the page's form (a field too long, a field not text) is refused with a 400 naming the field, and changes nothing", async () => {
    const v = await visit();
    const long = await post(v, "/chat", { csrf: v.csrf, choice: "x".repeat(65) });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe("choice");
    const typed = await fetch(`${base}/chat`, { method: "POST", headers: { cookie: v.cookie, "content-type": "application/json" }, body: JSON.stringify({ csrf: v.csrf, text: 42 }) });
    expect(typed.status).toBe(400);
    expect(((await typed.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe("text");
    expect(await store.get(conversationKey(v.id))).toBeNull();
    // The same form within its limits goes through.
    expect((await post(v, "/chat", { csrf: v.csrf, text: "你好" })).status).toBe(303);
    expect(await store.get(conversationKey(v.id))).not.toBeNull();
  });

  it("with JavaScript off: the post redirects back and the page shows the question, the answer with its picture, and the buttons", async () => {
    const v = await visit();
    const res = await post(v, "/chat", { csrf: v.csrf, text: "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少", send: "1" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/#new");
    const html = await page(v);
    expect(html).toContain("在上海三甲医院住院花了3万");
    expect(html).toContain("医保基金支付");
    expect(html).toMatch(/<svg [^>]*role="img"/);
    expect(html).toContain(`name="choice" value="chg">改一个答案</button>`);
    // A pressed button: its words are shown as the person's message.
    await post(v, "/chat", { csrf: v.csrf, choice: "chg" });
    const after = await page(v);
    expect(after).toContain(`<div class="m me"><span class="vh">${m.you}：</span><p>改一个答案</p></div>`);
  });

  it("a pressed button is shown with its own words: one of the greeting's as the first message, then one of the newest reply's", async () => {
    const v = await visit();
    const first = (await (await post(v, "/chat", { csrf: v.csrf, choice: "go:claim" }, true)).json()) as { html: string; choices: string };
    expect(first.html).toContain(`<div class="m me"><span class="vh">${m.you}：</span><p>手工报销要哪些材料</p></div>`);
    const [, id, label] = /name="choice" value="([^"]+)">([^<]+)<\/button>/.exec(first.choices)!;
    const second = (await (await post(v, "/chat", { csrf: v.csrf, choice: id! }, true)).json()) as { html: string };
    expect(second.html).toContain(`<p>${label}</p></div>`);
    // A button no reply drew is said to have been pressed, without words of its own.
    const unknown = (await (await post(v, "/chat", { csrf: v.csrf, choice: "v:none:9" }, true)).json()) as { html: string };
    expect(unknown.html).toContain(`<p>${m.pressed}</p></div>`);
    // On reload: the greeting, then the presses in their order.
    const html = await page(v);
    expect(html.indexOf("您好！我是异地就医助手")).toBeLessThan(html.indexOf("手工报销要哪些材料</p></div>"));
  });

  it("with fetch: the answer comes back as HTML to append, with the new buttons", async () => {
    const v = await visit();
    const res = await post(v, "/chat", { csrf: v.csrf, text: "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少" }, true);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; html: string; choices: string };
    expect(body.ok).toBe(true);
    expect(body.html).toContain("医保基金支付");
    // Only the new lines: the greeting is on the page already.
    expect(body.html).not.toContain("您好！我是异地就医助手");
    expect(body.html).toContain('class="m bot"');
    expect(body.choices).toContain('<form class="choices"');
    expect(body.choices).toContain(">改一个答案</button>");
    // On reload the greeting the visitor answered is part of the conversation too.
    expect(await page(v)).toContain("您好！我是异地就医助手");
  });

  it("an entry is drawn with its place in the transcript: the picture sent to the page has the id it has after a reload", async () => {
    const v = await visit();
    const first = (await (await post(v, "/chat", { csrf: v.csrf, text: "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少" }, true)).json()) as { html: string };
    await post(v, "/chat", { csrf: v.csrf, choice: "chg" }, true);
    const again = (await (await post(v, "/chat", { csrf: v.csrf, text: "那如果花5万呢" }, true)).json()) as { html: string };
    const ids = (html: string) => [...html.matchAll(/<title id="(bill\d+)-t">/g)].map((x) => x[1]!);
    const [a, b] = [ids(first.html), ids(again.html)];
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]).not.toBe(b[0]);
    expect(ids(await page(v))).toEqual([a[0], b[0]]);
  });

  it("a transcript kept whole by an earlier version is shown, and moved to the log with the next message", async () => {
    const v = await returning();
    const earlier = [
      { who: "me", text: "以前问过的问题" },
      { who: "bot", text: "以前的回答", choices: [{ id: "old", label: "旧按钮" }] },
    ];
    await store.set(transcriptKey(v.id), JSON.stringify(earlier), null);
    expect(await page(v)).toContain("以前的回答");
    await post(v, "/chat", { csrf: v.csrf, choice: "old" });
    expect(await store.get(transcriptKey(v.id))).toBeNull();
    const kept = (await store.lines(transcriptKey(v.id))).map((l) => JSON.parse(l.value) as { who: string; text: string });
    expect(kept.slice(0, 3).map((e) => e.text)).toEqual(["以前问过的问题", "以前的回答", "旧按钮"]);
    const html = await page(v);
    expect(html).toContain("以前的回答");
    expect(html).toContain("<p>旧按钮</p>");
  });

  it("what a person types is kept and shown redacted, and never logged", async () => {
    const v = await visit();
    const id = "11010519491231002X";
    await post(v, "/chat", { csrf: v.csrf, text: `我叫张三，身份证${id}，电话13812345678，在苏州交的医保` });
    const html = await page(v);
    expect(html).not.toContain(id);
    expect(html).not.toContain("13812345678");
    const lines = await store.lines(transcriptKey(v.id));
    expect(lines.length).toBeGreaterThan(1);
    const kept = lines.map((l) => l.value).join("\n");
    expect(kept).toContain("苏州");
    expect(kept).not.toContain(id);
    expect(kept).not.toContain("13812345678");
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain(id);
    expect(logged).not.toContain("13812345678");
    expect(logged).not.toContain(v.id);
  });

  it("posts are rate-limited per session, as the bot's messages are; other sessions go on", async () => {
    const v = await visit();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post(v, "/chat", { csrf: v.csrf, text: "你好" }, true)).status);
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    const limited = await post(v, "/chat", { csrf: v.csrf, text: "你好" }, true);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { notice: string }).notice).toBe(m.tooMany);
    const form = await post(v, "/chat", { csrf: v.csrf, text: "你好" });
    expect(form.headers.get("location")).toBe("/?n=tooMany#status");
    const other = await visit();
    expect((await post(other, "/chat", { csrf: other.csrf, text: "你好" }, true)).status).toBe(200);
  });

  it("删除我的记录 erases the conversation and what the page shows, and starts a new session", async () => {
    const v = await visit();
    await post(v, "/chat", { csrf: v.csrf, text: "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少" });
    const kept = forgetRecord((await store.get(conversationKey(v.id)))!.value)!;
    // What this process keeps at hand of the conversation goes with it, as after a typed /forget.
    expect(remembersConversation(kept)).toBe(true);
    const res = await post(v, "/forget", { csrf: v.csrf });
    expect(remembersConversation(kept)).toBe(false);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/?n=forgotten#status");
    expect(res.headers.getSetCookie().some((c) => /^yidi_sid=[A-Za-z0-9_-]{22};/.test(c) && !c.includes(v.id))).toBe(true);
    expect(await store.get(conversationKey(v.id))).toBeNull();
    expect(await store.lines(transcriptKey(v.id))).toEqual([]);
    const html = await page(v);
    expect(html).not.toContain("医保基金支付");
    // Typed as in the bot, /forget does the same.
    await post(v, "/chat", { csrf: v.csrf, text: "我在苏州交的职工医保" });
    expect(await store.lines(transcriptKey(v.id))).not.toEqual([]);
    await post(v, "/chat", { csrf: v.csrf, text: "/forget" });
    expect(await store.get(conversationKey(v.id))).toBeNull();
    expect(await store.lines(transcriptKey(v.id))).toEqual([]);
  });

  it("保存结果 keeps the newest result at a short unguessable link, read-only, without personal data, for 30 days", async () => {
    const v = await visit();
    expect((await post(v, "/save", { csrf: v.csrf })).headers.get("location")).toBe("/?n=nothing#status");
    await post(v, "/chat", { csrf: v.csrf, text: "我叫张三，13812345678，我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少" });
    const res = await post(v, "/save", { csrf: v.csrf });
    expect(res.status).toBe(303);
    const link = res.headers.get("location")!;
    expect(link).toMatch(/^\/s\/[A-Za-z0-9_-]{22}$/);
    const saved = await fetch(base + link);
    expect(saved.status).toBe(200);
    expect(saved.headers.get("x-robots-tag")).toBe("noindex");
    expect(saved.headers.get("set-cookie")).toBeNull();
    const html = await saved.text();
    expect(html).toContain("医保基金支付");
    expect(html).toMatch(/<svg [^>]*role="img"/);
    expect(html).not.toContain("<form");
    expect(html).not.toContain("13812345678");
    expect(html).not.toContain(v.id);
    // The chat page links to it.
    expect(await page(v)).toContain(`href="${link}"`);
    const id = link.slice(3);
    expect(await loadResult(store, id, new Date(Date.now() + SAVED_TTL_MS - 60_000))).toBeDefined();
    expect(await loadResult(store, id, new Date(Date.now() + SAVED_TTL_MS + 60_000))).toBeUndefined();
    expect((await fetch(`${base}/s/AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
  });

  it("a result saved after a correction says what was asked and what was changed, not only the correction", async () => {
    const v = await visit();
    await post(v, "/chat", { csrf: v.csrf, text: "苏州职工医保 在上海三甲医院住院花了3万" });
    await post(v, "/chat", { csrf: v.csrf, text: "改成二级医院" });
    const link = (await post(v, "/save", { csrf: v.csrf })).headers.get("location")!;
    const html = await (await fetch(base + link)).text();
    const asked = html.slice(html.indexOf(m.summary.asked));
    expect(asked.slice(0, asked.indexOf(m.summary.answer))).toMatch(/苏州职工医保 在上海三甲医院住院花了3万 → 改成二级医院/);
    // A new question after that is asked on its own again.
    await post(v, "/chat", { csrf: v.csrf, text: "那我要是南京职工医保 在北京住院5万呢" });
    const again = await (await fetch(base + (await post(v, "/save", { csrf: v.csrf })).headers.get("location")!)).text();
    const from = again.slice(again.indexOf(m.summary.asked));
    const part = from.slice(0, from.indexOf(m.summary.answer));
    expect(part).toContain("南京职工医保");
    expect(part).not.toContain("改成二级医院");
  });

  it("a plain form post lands at the person's newest message, with the answer under it", async () => {
    const v = await visit();
    await post(v, "/chat", { csrf: v.csrf, text: "苏州职工医保 在上海三甲医院住院花了3万" });
    const res = await post(v, "/chat", { csrf: v.csrf, text: "有效期多久" });
    expect(res.headers.get("location")).toBe("/#new");
    const html = await page(v);
    const at = html.indexOf('<span id="new"></span>');
    expect(at).toBeGreaterThan(html.indexOf("医保基金支付"));
    expect(html.slice(at)).toMatch(/^<span id="new"><\/span><div class="m me"><span class="vh">[^<]*<\/span><p>有效期多久/);
  });

  it("a mistyped address or a link that is no saved result opens a page to read, with the way back, not a JSON error", async () => {
    const browser = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };
    for (const path of ["/nope", "/s/" + "x".repeat(80), "/s/AAAAAAAAAAAAAAAAAAAAAA", "/s/%3Cscript%3E"]) {
      const res = await fetch(base + path, { headers: browser });
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html, path).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
      expect(html, path).toMatch(/<a [^>]*href="\/"/);
      expect(html, path).not.toContain("<script");
    }
    // A program asking for JSON (the API's clients) still gets the API's error.
    const api = await fetch(`${base}/v1/nope`, { headers: { accept: "application/json" } });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ errors: [{ field: "", message: expect.any(String) }] });
  });

  it("compressed pages are served to browsers that take them", async () => {
    const res = await fetch(`${base}/`, { headers: { "accept-encoding": "gzip" } });
    // fetch undoes the compression; ask with a raw request to see it.
    expect(res.status).toBe(200);
    const { request } = await import("node:http");
    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      const req = request(`${base}/`, { headers: { "accept-encoding": "gzip" } }, (r) => {
        const chunks: Buffer[] = [];
        r.on("data", (c) => chunks.push(c));
        r.on("end", () => resolve({ encoding: r.headers["content-encoding"], body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      req.end();
    });
    expect(raw.encoding).toBe("gzip");
    expect(gunzipSync(raw.body).toString()).toContain("<!doctype html>");
  });
});
