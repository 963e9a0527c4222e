/**
 * What a push asks of the conversation: a neutral input, forgetting the person (unsubscribe,
 * "删除我的记录"), a fixed answer (a picture: "请打字告诉我"), or nothing (a menu link opened).
 */
import type { UserInput } from "../../conversation/index.ts";
import { wechatMessages as m } from "../../messages/wechat.ts";
import type { Push } from "./xml.ts";

export type Action =
  | { kind: "turn"; input: UserInput; prefix?: string }
  | { kind: "forget"; reply: boolean }
  | { kind: "fixed"; text: string }
  | { kind: "none" };

/** The menu's CLICK keys and the flow each opens (npx yidi wechat menu prints the menu). */
export const MENU_KEYS = { register: "register", estimate: "estimate", claim: "claim" } as const;

function textAction(raw: string): Action {
  const text = raw.trim();
  if ((m.forgetWords as readonly string[]).includes(text.replace(/[。.!！]$/, ""))) return { kind: "forget", reply: true };
  // Commands ("/register 苏州", "/forget") are read by the conversation, as on every channel.
  // "开始" is what our own messages tell people to send.
  if (text === "开始") return { kind: "turn", input: { type: "command", name: "start" } };
  return { kind: "turn", input: { type: "text", text } };
}

export function actionFor(push: Push): Action {
  switch (push.msgType) {
    case "text":
      return push.content && push.content.trim() !== "" ? textAction(push.content) : { kind: "fixed", text: m.notText };
    case "voice":
      // With 语音识别 switched on, the platform sends what it heard; without, we cannot listen.
      return push.recognition && push.recognition.trim() !== "" ? textAction(push.recognition) : { kind: "fixed", text: m.notText };
    case "event":
      return eventAction(push);
    default:
      // image, location, link, video, shortvideo, file…
      return { kind: "fixed", text: m.notText };
  }
}

function eventAction(push: Push): Action {
  switch ((push.event ?? "").toLowerCase()) {
    case "subscribe":
      return { kind: "turn", input: { type: "command", name: "start" }, prefix: m.subscribed };
    case "unsubscribe":
      return { kind: "forget", reply: false };
    case "click": {
      const name = MENU_KEYS[push.eventKey as keyof typeof MENU_KEYS];
      return { kind: "turn", input: { type: "command", name: name ?? "start" } };
    }
    default:
      // VIEW (a menu link opened), SCAN, LOCATION reports, template-message receipts: nothing to say.
      return { kind: "none" };
  }
}
