/**
 * The push's XML in, the reply's XML out. Reading goes through fast-xml-parser (no DTD, no
 * external entities, every value kept as a string: a MsgId has more digits than a double holds)
 * and then each field we use is checked to be text (a field with elements inside is refused).
 * Writing is a fixed template: our replies have four or five fields, and every value goes into
 * CDATA with "]]>" split so no text can close it early.
 */
import { XMLParser } from "fast-xml-parser";

const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});


export type Push = {
  toUserName: string;
  /** The sender's openid. */
  fromUserName: string;
  createTime: string;
  msgType: string;
  content?: string;
  msgId?: string;
  event?: string;
  eventKey?: string;
  recognition?: string;
};

export class XmlError extends Error {
  override readonly name = "XmlError";
}

function root(xml: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch {
    throw new XmlError("not XML");
  }
  const top = (doc as { xml?: unknown } | null)?.xml;
  if (typeof top !== "object" || top === null) throw new XmlError("no <xml> root");
  return top as Record<string, unknown>;
}

/**
 * A field's text: undefined when absent, a string when it holds text, `false` when it holds
 * anything else (elements, or the field given twice). Checked by hand rather than with a schema:
 * this runs for every push, and a schema's parse cost as much again as these few checks.
 */
function text(fields: Record<string, unknown>, name: string): string | undefined | false {
  const value = fields[name];
  if (value === undefined || typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return false;
}

/** The <Encrypt> value of a push, or undefined when it has none. */
export function readEnvelope(xml: string): string | undefined {
  const fields = root(xml);
  const encrypted = text(fields, "Encrypt");
  return typeof encrypted === "string" && text(fields, "ToUserName") !== false ? encrypted : undefined;
}

/** The fields of a push we read (others, such as PicUrl or Location_X, are ignored). */
export function readPush(xml: string): Push {
  const fields = root(xml);
  const bad: string[] = [];
  const required = (name: string): string => {
    const value = text(fields, name);
    if (typeof value === "string") return value;
    bad.push(name);
    return "";
  };
  const optional = (name: string): string | undefined => {
    const value = text(fields, name);
    if (value !== false) return value;
    bad.push(name);
    return undefined;
  };
  const push: Push = { toUserName: required("ToUserName"), fromUserName: required("FromUserName"), createTime: required("CreateTime"), msgType: required("MsgType") };
  if (!bad.includes("CreateTime") && !/^\d{1,12}$/.test(push.createTime)) bad.push("CreateTime");
  const content = optional("Content");
  const msgId = optional("MsgId");
  const event = optional("Event");
  const eventKey = optional("EventKey");
  const recognition = optional("Recognition");
  if (bad.length > 0) throw new XmlError(`push fields: ${bad.join(", ")}`);
  if (content !== undefined) push.content = content;
  if (msgId !== undefined) push.msgId = msgId;
  if (event !== undefined) push.event = event;
  if (eventKey !== undefined) push.eventKey = eventKey;
  if (recognition !== undefined) push.recognition = recognition;
  return push;
}

function cdata(value: string): string {
  return `<![CDATA[${value.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
}

/** A passive text reply ("被动回复用户消息"): to the openid, from the account. */
export function textReplyXml(toOpenId: string, fromAccount: string, content: string, createTime: number): string {
  return `<xml><ToUserName>${cdata(toOpenId)}</ToUserName><FromUserName>${cdata(fromAccount)}</FromUserName><CreateTime>${createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content>${cdata(content)}</Content></xml>`;
}

/** The envelope of an encrypted reply (安全模式 / 兼容模式 with encrypt_type=aes). */
export function encryptedReplyXml(encrypted: string, signature: string, timestamp: string, nonce: string): string {
  return `<xml><Encrypt>${cdata(encrypted)}</Encrypt><MsgSignature>${cdata(signature)}</MsgSignature><TimeStamp>${timestamp}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`;
}
