/** Drives whole conversations through the one entry point every channel uses. */
import { handleMessage, type Reply, type UserInput } from "../../src/conversation/index.ts";

export const NOW = new Date("2025-08-01T12:00:00Z");
const say = (t: string): UserInput =>
  /^\/[a-z]+$/.test(t) ? { type: "command", name: t.slice(1) } : /^#/.test(t) ? { type: "choice", id: t.slice(1) } : { type: "text", text: t };

/** Every message's replies, in order ("#id" picks the choice with that id). */
export function chat(inputs: string[]): Reply[][] {
  let stored: string | null = null;
  const all: Reply[][] = [];
  for (const i of inputs) {
    const r = handleMessage(stored, say(i), NOW);
    stored = r.stored;
    all.push(r.replies);
  }
  return all;
}
export const textOf = (replies: Reply[]) => replies.map((r) => r.text).join("\n");
export const lastText = (inputs: string[]) => textOf(chat(inputs).at(-1)!);
/** The estimate reply (the one with the fund figure) of a message's replies. */
export const estimateOf = (replies: Reply[]) => replies.find((r) => r.text.includes("医保基金支付"))?.text;
