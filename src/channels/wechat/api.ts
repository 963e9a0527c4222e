/**
 * The two platform APIs this channel calls: cgi-bin/token (the access token) and
 * cgi-bin/message/custom/send (客服消息, the reply that could not go back in time, or the parts
 * after the first; a text, or a menu message of clickable choices). A refused token (40001 invalid, 42001 expired, 40014 not a token) is dropped
 * and the send tried once more with a fresh one.
 */
import type { CustomMessage } from "./render.ts";
import type { AccessTokens, FetchedToken } from "./tokens.ts";

export class WechatApiError extends Error {
  override readonly name = "WechatApiError";
  constructor(readonly errcode: number, readonly errmsg: string, readonly path: string) {
    super(`${path}: ${errcode} ${errmsg}`);
  }
}

const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
const TIMEOUT_MS = 10_000;

interface Reply {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

async function call(url: string, init: RequestInit, path: string): Promise<Reply> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!res.ok) throw new WechatApiError(-res.status, `HTTP ${res.status}`, path);
  const body = (await res.json()) as Reply;
  if (body.errcode !== undefined && body.errcode !== 0) throw new WechatApiError(body.errcode, String(body.errmsg ?? ""), path);
  return body;
}

/** cgi-bin/token: a fresh access token (the secret goes in the query, as the API wants; never logged). */
export async function fetchAccessToken(apiRoot: string, appId: string, appSecret: string): Promise<FetchedToken> {
  const url = `${apiRoot}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(appSecret)}`;
  const body = await call(url, { method: "GET" }, "cgi-bin/token");
  if (typeof body.access_token !== "string" || typeof body.expires_in !== "number") throw new WechatApiError(-1, "no access_token in the answer", "cgi-bin/token");
  return { token: body.access_token, expiresInSeconds: body.expires_in };
}

/** The 客服消息 API's body for one message. */
function customBody(openId: string, message: CustomMessage): string {
  if (message.kind === "text") return JSON.stringify({ touser: openId, msgtype: "text", text: { content: message.content } });
  return JSON.stringify({ touser: openId, msgtype: "msgmenu", msgmenu: { head_content: message.head, list: message.items, tail_content: message.tail } });
}

/** Sends one 客服消息: a text, or a text with clickable choices (msgmenu). */
export async function sendCustom(apiRoot: string, tokens: AccessTokens, openId: string, message: CustomMessage): Promise<void> {
  const body = customBody(openId, message);
  for (let attempt = 0; ; attempt++) {
    const token = await tokens.get();
    try {
      await call(`${apiRoot}/cgi-bin/message/custom/send?access_token=${encodeURIComponent(token)}`, { method: "POST", headers: { "content-type": "application/json" }, body }, "cgi-bin/message/custom/send");
      return;
    } catch (e) {
      if (attempt === 0 && e instanceof WechatApiError && TOKEN_ERRORS.has(e.errcode)) {
        await tokens.invalidate(token);
        continue;
      }
      throw e;
    }
  }
}
