/**
 * A stand-in for the WeChat platform on loopback, for tests and the benchmark. It does what the
 * platform does to a developer's server: signs every push and, in 安全模式 / 兼容模式, encrypts
 * it; gives up on an attempt after five seconds and tries again, three tries in all; checks every
 * reply (XML shape, addressees, msg_signature, encryption, length) and notes what is wrong; and
 * serves cgi-bin/token and 客服消息 at its apiRoot, recording every call. What the person would
 * see — passive replies and 客服 messages, in order — is kept per openid.
 *
 * Its crypto is written here from the documentation with node:crypto, not shared with the
 * channel, so that a fault in one is caught by the other.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { Agent, createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { XMLParser } from "fast-xml-parser";

export type Mode = "plain" | "compat" | "safe";

export interface StandInOptions {
  token: string;
  appId: string;
  appSecret: string;
  /** Needed for compat and safe. */
  aesKey?: string;
  mode?: Mode;
  /** The developer's server URL (http://127.0.0.1:port/wechat). */
  target?: string;
  /** Per-attempt wait before the platform gives up and retries (default 5 s each, three tries). */
  timeoutsMs?: number[];
  /** What cgi-bin/token says a token lives (seconds). */
  tokenExpiresIn?: number;
  /** The account's id (ToUserName of pushes). */
  account?: string;
}

export interface ApiCall {
  path: string;
  query: Record<string, string>;
  body?: unknown;
  at: number;
  answer: { errcode: number; errmsg: string; [k: string]: unknown };
}

export interface Attempt {
  n: number;
  status?: number;
  body?: string;
  /** Gave up after the timeout. */
  timedOut?: boolean;
  ms: number;
}

/** What the person saw; `menu`: the clickable choices of a 客服 menu message (msgmenu), under `text`. */
export type Seen = { via: "passive" | "custom" | "error"; text: string; at: number; menu?: string[] };

export interface PushResult {
  attempts: Attempt[];
  /** The text the person got passively, "success" when the server deferred, or undefined when nothing usable came back. */
  reply?: string;
}

export interface Message {
  from: string;
  type: "text" | "event" | "voice" | "image" | "location";
  content?: string;
  event?: string;
  eventKey?: string;
  recognition?: string;
  /** A click on a 客服 menu item: its id (the content is the item's words). */
  menuId?: string;
  msgId?: string;
  createTime?: number;
}

/**
 * A 客服 menu message's body as the platform takes it: head_content, a non-empty list of
 * { id, content } items (ids unique) and tail_content; the reason it is refused otherwise.
 */
function readMenu(raw: unknown): { head: string; items: string[] } | string {
  if (typeof raw !== "object" || raw === null) return "no msgmenu";
  const menu = raw as { head_content?: unknown; list?: unknown; tail_content?: unknown };
  if (typeof menu.head_content !== "string" || typeof menu.tail_content !== "string") return "head_content and tail_content must be strings";
  if (!Array.isArray(menu.list) || menu.list.length === 0) return "empty list";
  const ids = new Set<string>();
  const items: string[] = [];
  for (const item of menu.list as { id?: unknown; content?: unknown }[]) {
    if (typeof item?.id !== "string" || item.id === "" || ids.has(item.id)) return "item ids must be unique non-empty strings";
    if (typeof item.content !== "string" || item.content.trim() === "") return "item without content";
    ids.add(item.id);
    items.push(item.content);
  }
  return { head: menu.head_content, items };
}

/** What the person sees when no usable answer came back in time. */
export const PLATFORM_ERROR = "该公众号暂时无法提供服务，请稍后再试";
export const MAX_CONTENT_BYTES = 2048;
const CUSTOM_QUOTA = 5;

const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: true, trimValues: false });

function sha1Sorted(parts: string[]): string {
  return createHash("sha1").update([...parts].sort().join("")).digest("hex");
}

function aesKeyOf(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, "base64");
  if (key.length !== 32) throw new Error("EncodingAESKey must decode to 32 bytes");
  return key;
}

/** random(16) + length(4, network order) + msg + appid, PKCS#7 to a multiple of 32, AES-256-CBC, IV = key[0..16). */
export function standInEncrypt(encodingAesKey: string, message: string, appId: string): string {
  const key = aesKeyOf(encodingAesKey);
  const msg = Buffer.from(message, "utf8");
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length);
  const plain = Buffer.concat([randomBytes(16), len, msg, Buffer.from(appId)]);
  const pad = 32 - (plain.length % 32);
  const padded = Buffer.concat([plain, Buffer.alloc(pad, pad)]);
  const cipher = createCipheriv("aes-256-cbc", key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString("base64");
}

export function standInDecrypt(encodingAesKey: string, encrypted: string): { message: string; appId: string } {
  const key = aesKeyOf(encodingAesKey);
  const decipher = createDecipheriv("aes-256-cbc", key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(Buffer.from(encrypted, "base64")), decipher.final()]);
  const pad = padded[padded.length - 1]!;
  if (pad < 1 || pad > 32 || !padded.subarray(padded.length - pad).every((b) => b === pad)) throw new Error("bad PKCS#7 padding");
  const plain = padded.subarray(0, padded.length - pad);
  const len = plain.readUInt32BE(16);
  if (20 + len > plain.length) throw new Error("length field beyond the data");
  return { message: plain.subarray(20, 20 + len).toString("utf8"), appId: plain.subarray(20 + len).toString() };
}

function cdata(v: string): string {
  return `<![CDATA[${v}]]>`;
}

export class WechatStandIn {
  readonly calls: ApiCall[] = [];
  /** Everything wrong the stand-in noticed in a reply or an API call (tests expect none). */
  readonly problems: string[] = [];
  target: string;
  mode: Mode;
  private seen = new Map<string, Seen[]>();
  private tokens = new Map<string, { expiresAt: number; revoked: boolean }>();
  private quota = new Map<string, number>();
  private issued = 0;
  private msgIds = 0;
  // Random per stand-in, so that two stand-ins on one Redis never push the same MsgId.
  private msgIdBase = `24${String(Math.floor(Math.random() * 1e12)).padStart(12, "0")}`;
  private agent = new Agent({ keepAlive: true, maxSockets: 64 });
  private account: string;

  private constructor(private server: Server, readonly apiRoot: string, private o: StandInOptions) {
    this.target = o.target ?? "";
    this.mode = o.mode ?? "plain";
    this.account = o.account ?? "gh_standin0001";
  }

  static async start(o: StandInOptions): Promise<WechatStandIn> {
    let self: WechatStandIn | undefined;
    const server = createServer((req, res) => {
      void self!.api(req).then((answer) => {
        const json = JSON.stringify(answer);
        res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(json) });
        res.end(json);
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const port = (server.address() as AddressInfo).port;
    self = new WechatStandIn(server, `http://127.0.0.1:${port}`, o);
    return self;
  }

  // ---------------------------------------------------------------- the APIs

  private async api(req: IncomingMessage): Promise<ApiCall["answer"]> {
    const url = new URL(req.url ?? "/", "http://x");
    const query = Object.fromEntries(url.searchParams);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const answer = this.answer(url.pathname, req.method ?? "GET", query, body);
    this.calls.push({ path: url.pathname, query: { ...query, ...(query.secret ? { secret: "[secret]" } : {}) }, body, at: Date.now(), answer });
    return answer;
  }

  private answer(path: string, method: string, q: Record<string, string>, body: unknown): ApiCall["answer"] {
    if (path === "/cgi-bin/token") {
      if (method !== "GET" || q.grant_type !== "client_credential") return { errcode: 40002, errmsg: "invalid grant_type" };
      if (q.appid !== this.o.appId) return { errcode: 40013, errmsg: "invalid appid" };
      if (q.secret !== this.o.appSecret) return { errcode: 40125, errmsg: "invalid appsecret" };
      const token = `TOKEN_${++this.issued}_${randomBytes(6).toString("hex")}`;
      const expiresIn = this.o.tokenExpiresIn ?? 7200;
      // As on the platform, a new token ends the ones before it (after a short overlap we skip).
      for (const t of this.tokens.values()) t.revoked = true;
      this.tokens.set(token, { expiresAt: Date.now() + expiresIn * 1000, revoked: false });
      return { errcode: 0, errmsg: "ok", access_token: token, expires_in: expiresIn };
    }
    if (path === "/cgi-bin/message/custom/send") {
      const t = this.tokens.get(q.access_token ?? "");
      if (!t || t.revoked) return { errcode: 40001, errmsg: "invalid credential, access_token is invalid or not latest" };
      if (t.expiresAt <= Date.now()) return { errcode: 42001, errmsg: "access_token expired" };
      const b = body as { touser?: unknown; msgtype?: unknown; text?: { content?: unknown }; msgmenu?: unknown } | undefined;
      if (method !== "POST" || typeof b !== "object" || b === null) return this.refuse(44002, "empty post data");
      if (typeof b.touser !== "string" || !this.seen.has(b.touser)) return this.refuse(40003, "invalid openid");
      let shown: Seen;
      if (b.msgtype === "msgmenu") {
        const menu = readMenu(b.msgmenu);
        if (typeof menu === "string") return this.refuse(40008, `invalid msgmenu: ${menu}`);
        shown = { via: "custom", text: menu.head, menu: menu.items, at: Date.now() };
      } else {
        if (b.msgtype !== "text" || typeof b.text?.content !== "string" || b.text.content.trim() === "") return this.refuse(40008, "invalid message type");
        shown = { via: "custom", text: b.text.content, at: Date.now() };
      }
      const words = [shown.text, ...(shown.menu ?? [])].join("\n");
      if (Buffer.byteLength(shown.text) > MAX_CONTENT_BYTES) return this.refuse(45002, "content size out of limit");
      if (/<[a-z][^>]*>/i.test(words)) this.problems.push(`HTML in a 客服 message: ${words.slice(0, 60)}`);
      const used = this.quota.get(b.touser) ?? 0;
      if (used >= CUSTOM_QUOTA) return this.refuse(45047, "out of response count limit");
      this.quota.set(b.touser, used + 1);
      this.see(b.touser, shown);
      return { errcode: 0, errmsg: "ok" };
    }
    return { errcode: 404, errmsg: "no such API in the stand-in" };
  }

  private refuse(errcode: number, errmsg: string): ApiCall["answer"] {
    this.problems.push(`客服消息 refused: ${errcode} ${errmsg}`);
    return { errcode, errmsg };
  }

  /** Every token issued so far now answers 42001 (expired), as a token does at the end of its life. */
  expireTokens(): void {
    for (const t of this.tokens.values()) t.expiresAt = 0;
  }

  tokenCalls(): ApiCall[] {
    return this.calls.filter((c) => c.path === "/cgi-bin/token");
  }

  customCalls(): ApiCall[] {
    return this.calls.filter((c) => c.path === "/cgi-bin/message/custom/send");
  }

  // ---------------------------------------------------------------- what the person sees

  private see(openId: string, s: Seen): void {
    const list = this.seen.get(openId) ?? [];
    list.push(s);
    this.seen.set(openId, list);
  }

  /** What one person has seen so far, in order. */
  timeline(openId: string): Seen[] {
    return this.seen.get(openId) ?? [];
  }

  /** Waits until the person has seen at least `n` messages (the 客服 ones come after the push returns). */
  async waitFor(openId: string, n: number, timeoutMs = 15_000): Promise<Seen[]> {
    const until = Date.now() + timeoutMs;
    while (this.timeline(openId).length < n) {
      if (Date.now() > until) throw new Error(`timed out: ${this.timeline(openId).length} of ${n} messages seen`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return this.timeline(openId);
  }

  // ---------------------------------------------------------------- pushes

  /** A plain MsgId beyond 2^53, as real ones are, so a server that reads it as a number is caught. */
  nextMsgId(): string {
    return `${this.msgIdBase}${String(++this.msgIds).padStart(6, "0")}`;
  }

  private messageXml(m: Message, createTime: number): string {
    const f = [`<ToUserName>${cdata(this.account)}</ToUserName>`, `<FromUserName>${cdata(m.from)}</FromUserName>`, `<CreateTime>${createTime}</CreateTime>`, `<MsgType>${cdata(m.type)}</MsgType>`];
    if (m.type === "text") f.push(`<Content>${cdata(m.content ?? "")}</Content>`);
    // A click on a 客服 menu item comes back as a text message: the item's words, and its id.
    if (m.type === "text" && m.menuId !== undefined) f.push(`<bizmsgmenuid>${m.menuId}</bizmsgmenuid>`);
    if (m.type === "event") f.push(`<Event>${cdata(m.event ?? "")}</Event>`, ...(m.eventKey !== undefined ? [`<EventKey>${cdata(m.eventKey)}</EventKey>`] : []));
    if (m.type === "voice") f.push(`<MediaId>${cdata("media1")}</MediaId><Format>${cdata("amr")}</Format>`, ...(m.recognition !== undefined ? [`<Recognition>${cdata(m.recognition)}</Recognition>`] : []));
    if (m.type === "image") f.push(`<PicUrl>${cdata("http://example.invalid/p.jpg")}</PicUrl><MediaId>${cdata("media2")}</MediaId>`);
    if (m.type === "location") f.push(`<Location_X>23.13</Location_X><Location_Y>113.26</Location_Y><Scale>15</Scale><Label>${cdata("广州")}</Label>`);
    if (m.msgId !== undefined) f.push(`<MsgId>${m.msgId}</MsgId>`);
    return `<xml>${f.join("")}</xml>`;
  }

  /** The URL and body of one attempt, signed (and encrypted) as the platform does. */
  signedPush(m: Message, createTime: number, opts: { timestamp?: number; badSignature?: boolean; target?: string } = {}): { url: string; body: string } {
    const target = opts.target ?? this.target;
    const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = String(Math.floor(Math.random() * 1e9));
    let signature = sha1Sorted([this.o.token, timestamp, nonce]);
    if (opts.badSignature) signature = signature.replace(/^./, (c) => (c === "0" ? "1" : "0"));
    const params = new URLSearchParams({ signature, timestamp, nonce, openid: m.from });
    const plain = this.messageXml(m, createTime);
    if (this.mode === "plain") return { url: `${target}?${params}`, body: plain };
    const encrypted = standInEncrypt(this.o.aesKey!, plain, this.o.appId);
    params.set("encrypt_type", "aes");
    params.set("msg_signature", sha1Sorted([this.o.token, timestamp, nonce, encrypted]));
    const body =
      this.mode === "safe"
        ? `<xml><ToUserName>${cdata(this.account)}</ToUserName><Encrypt>${cdata(encrypted)}</Encrypt></xml>`
        : plain.replace(/<\/xml>$/, `<Encrypt>${cdata(encrypted)}</Encrypt></xml>`);
    return { url: `${target}?${params}`, body };
  }

  /** Pushes one message as the platform does: up to three attempts, each given up after its timeout. */
  async push(m: Message, opts: { timestamp?: number; badSignature?: boolean; target?: string } = {}): Promise<PushResult> {
    const createTime = m.createTime ?? Math.floor(Date.now() / 1000);
    const msg: Message = m.type === "event" || m.msgId !== undefined ? m : { ...m, msgId: this.nextMsgId() };
    this.quota.set(m.from, 0);
    if (!this.seen.has(m.from)) this.seen.set(m.from, []);
    const timeouts = this.o.timeoutsMs ?? [5000, 5000, 5000];
    const attempts: Attempt[] = [];
    for (let n = 0; n < timeouts.length; n++) {
      const { url, body } = this.signedPush(msg, createTime, opts);
      const attempt = await this.post(url, body, timeouts[n]!, n + 1);
      attempts.push(attempt);
      if (attempt.timedOut) continue;
      const text = this.check(attempt, msg);
      if (text === undefined) break;
      if (text !== "success") this.see(m.from, { via: "passive", text, at: Date.now() });
      return { attempts, reply: text };
    }
    this.see(m.from, { via: "error", text: PLATFORM_ERROR, at: Date.now() });
    return { attempts };
  }

  /** One raw attempt (for tests of refusals: no retries, no checks). */
  post(url: string, body: string, timeoutMs: number, n = 1): Promise<Attempt> {
    const started = Date.now();
    return new Promise((resolve) => {
      const req = request(url, { method: "POST", agent: this.agent, headers: { "content-type": "text/xml", "content-length": Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          clearTimeout(timer);
          resolve({ n, status: res.statusCode, body: Buffer.concat(chunks).toString("utf8"), ms: Date.now() - started });
        });
      });
      const timer = setTimeout(() => {
        req.destroy();
        resolve({ n, timedOut: true, ms: Date.now() - started });
      }, timeoutMs);
      req.on("error", () => {
        clearTimeout(timer);
        resolve({ n, status: 0, ms: Date.now() - started });
      });
      req.end(body);
    });
  }

  /** The reply's text ("success" for a deferral), or undefined (and a problem noted) when it is not valid. */
  private check(a: Attempt, m: Message): string | undefined {
    const bad = (why: string) => {
      this.problems.push(`reply to ${m.type}${m.msgId ? ` ${m.msgId}` : ""}: ${why}`);
      return undefined;
    };
    if (a.status !== 200) return bad(`HTTP ${a.status}`);
    const body = a.body ?? "";
    if (body === "" || body === "success") return "success";
    let doc: Record<string, string>;
    try {
      doc = (parser.parse(body) as { xml?: Record<string, string> }).xml ?? {};
    } catch {
      return bad(`not XML: ${body.slice(0, 60)}`);
    }
    if (doc.Encrypt !== undefined) {
      if (this.mode === "plain") return bad("encrypted reply in 明文模式");
      if (doc.MsgSignature !== sha1Sorted([this.o.token, String(doc.TimeStamp), String(doc.Nonce), doc.Encrypt])) return bad("wrong MsgSignature");
      let inner: { message: string; appId: string };
      try {
        inner = standInDecrypt(this.o.aesKey!, doc.Encrypt);
      } catch (e) {
        return bad(`cannot decrypt: ${(e as Error).message}`);
      }
      if (inner.appId !== this.o.appId) return bad("wrong appid in the encrypted reply");
      try {
        doc = (parser.parse(inner.message) as { xml?: Record<string, string> }).xml ?? {};
      } catch {
        return bad("decrypted reply is not XML");
      }
    } else if (this.mode === "safe") {
      return bad("plaintext reply in 安全模式");
    }
    if (doc.ToUserName !== m.from) return bad("ToUserName is not the sender's openid");
    if (doc.FromUserName !== this.account) return bad("FromUserName is not the account");
    if (!/^\d+$/.test(String(doc.CreateTime))) return bad("CreateTime missing");
    if (doc.MsgType !== "text") return bad(`MsgType ${doc.MsgType}`);
    const content = doc.Content;
    if (typeof content !== "string" || content.trim() === "") return bad("empty Content");
    if (Buffer.byteLength(content) > MAX_CONTENT_BYTES) return bad(`Content of ${Buffer.byteLength(content)} bytes`);
    if (/<[a-z][^>]*>/i.test(content)) return bad("HTML in Content");
    return content;
  }

  /** The GET server verification, as the platform sends it when the URL is saved. */
  async verify(echostr: string, opts: { badSignature?: boolean } = {}): Promise<{ status: number; body: string }> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = String(Math.floor(Math.random() * 1e9));
    let signature = sha1Sorted([this.o.token, timestamp, nonce]);
    if (opts.badSignature) signature = signature.replace(/^./, (c) => (c === "0" ? "1" : "0"));
    const res = await fetch(`${this.target}?${new URLSearchParams({ signature, timestamp, nonce, echostr })}`);
    return { status: res.status, body: await res.text() };
  }

  async close(): Promise<void> {
    this.agent.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
