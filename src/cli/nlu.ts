/** `yidi nlu "文本"`: prints the parse of one message as one line of JSON. */
import { parse } from "../conversation/reading.ts";
import { languageMessages as messages } from "../messages/language.ts";
import { writeErr, writeOut } from "./write.ts";

export async function run(args: string[]): Promise<number> {
  const text = args.join(" ");
  if (args.length === 0 || text.trim() === "") {
    writeErr(messages.nluUsage);
    return 2;
  }
  const result = parse(text);
  const out: Record<string, unknown> = { intent: result.intent, confidence: result.confidence, slots: result.slots };
  if (result.ambiguities?.length) out.ambiguities = result.ambiguities;
  if (result.places?.length) out.places = result.places;
  if (result.rejectedAmount) out.rejectedAmount = result.rejectedAmount;
  if (result.topic) out.topic = result.topic;
  writeOut(`${JSON.stringify(out)}\n`);
  return 0;
}
