/**
 * The push's XML in, the reply's XML out. Reading goes through fast-xml-parser (no DTD, no
 * external entities, every value kept as a string: a MsgId has more digits than a double holds)
 * and is then checked with zod. Writing is a fixed template: our replies have four or five
 * fields, and every value goes into CDATA with "]]>" split so no text can close it early.
 */
import { XMLParser } from "fast-xml-parser";
import { z } from "zod";

const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
});

const Text = z.union([z.string(), z.number()]).transform(String);

/** The fields of a push we read (others, such as PicUrl or Location_X, are ignored). */
const PushXml = z.object({
  ToUserName: Text,
  FromUserName: Text,
  CreateTime: Text.pipe(z.string().regex(/^\d{1,12}$/)),
  MsgType: Text,
  Content: Text.optional(),
  MsgId: Text.optional(),
  Event: Text.optional(),
  EventKey: Text.optional(),
  Recognition: Text.optional(),
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

/** An encrypted push: the envelope, whatever else 兼容模式 sends beside it. */
const EnvelopeXml = z.object({ Encrypt: Text, ToUserName: Text.optional() });

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

/** The <Encrypt> value of a push, or undefined when it has none. */
export function readEnvelope(xml: string): string | undefined {
  const parsed = EnvelopeXml.safeParse(root(xml));
  return parsed.success ? parsed.data.Encrypt : undefined;
}

export function readPush(xml: string): Push {
  const parsed = PushXml.safeParse(root(xml));
  if (!parsed.success) throw new XmlError(`push fields: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  const x = parsed.data;
  return {
    toUserName: x.ToUserName,
    fromUserName: x.FromUserName,
    createTime: x.CreateTime,
    msgType: x.MsgType,
    ...(x.Content !== undefined ? { content: x.Content } : {}),
    ...(x.MsgId !== undefined ? { msgId: x.MsgId } : {}),
    ...(x.Event !== undefined ? { event: x.Event } : {}),
    ...(x.EventKey !== undefined ? { eventKey: x.EventKey } : {}),
    ...(x.Recognition !== undefined ? { recognition: x.Recognition } : {}),
  };
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
