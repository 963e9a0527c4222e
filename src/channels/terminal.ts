/**
 * The terminal channel: numbered choices, and a script mode (one message a line in, one JSON
 * line a message out). Every line goes through the conversation's `handle`, so the terminal
 * takes the same commands as every other channel ("/register 苏州", /forget, /resume…); only
 * /exit and /quit, which end the program, are its own. The store comes from `yidi chat`: a
 * file that keeps the chat across restarts, or a fresh one in memory for a script.
 */
import { createInterface } from "node:readline";
import { handle, redact, renderText, type ConversationStore, type Reply, type UserInput } from "../conversation/index.ts";
import { flowMessages as m } from "../messages/flows.ts";

/** The terminal's one chat in its store. */
export const TERMINAL_CHAT = "terminal";

/** A reply as the script's JSON shape: text and choice labels. */
export function toJson(reply: Reply): { text: string; choices?: string[] } {
  return reply.choices && reply.choices.length > 0 ? { text: reply.text, choices: reply.choices.map((c) => c.label) } : { text: reply.text };
}

type Said = { replies: Reply[] } | { erased: true };

async function say(store: ConversationStore, input: UserInput, now: () => Date): Promise<Said> {
  const out = await handle(TERMINAL_CHAT, input, store, { now });
  if (out.kind === "erased") return { erased: true };
  return { replies: out.kind === "applied" ? out.replies : [] };
}

async function startAgain(store: ConversationStore, now: () => Date): Promise<Reply[]> {
  const said = await say(store, { type: "command", name: "start" }, now);
  return "replies" in said ? said.replies : [];
}

/** Runs a script: each line a message, in the store given (a fresh one: scripts never touch the saved chat). */
export async function runScript(lines: readonly string[], out: (line: string) => void, options: { json: boolean; store: ConversationStore; now?: Date }): Promise<void> {
  const now = () => options.now ?? new Date();
  for (const line of lines) {
    const said = await say(options.store, { type: "text", text: line }, now);
    const replies = "replies" in said ? said.replies : [{ text: m.terminal.forgotten }];
    // The transcript may be shared: the echoed message never carries an ID or phone number.
    const echoed = redact(line);
    if (options.json) out(JSON.stringify({ user: echoed, replies: replies.map(toJson) }));
    else out(`> ${echoed}\n${replies.map(renderText).join("\n\n")}\n`);
  }
}

/** The interactive chat (also reads piped stdin line by line when there is no TTY), resuming what the store kept. */
export async function runInteractive(options: { store: ConversationStore; now?: () => Date }): Promise<void> {
  const { store } = options;
  // A closed pipe (`yidi chat | head`) ends the chat quietly instead of with a stack trace.
  process.stdout.on("error", () => process.exit(0));
  const now = options.now ?? (() => new Date());
  const print = (replies: Reply[]) => process.stdout.write(`${replies.map(renderText).join("\n\n")}\n\n`);
  const send = async (input: UserInput): Promise<void> => {
    const said = await say(store, input, now);
    if ("replies" in said) return void print(said.replies);
    process.stdout.write(`${m.terminal.forgotten}\n\n`);
    print(await startAgain(store, now));
  };

  if (await store.get(TERMINAL_CHAT)) {
    process.stdout.write(`${m.terminal.welcomeBack}\n`);
    await send({ type: "command", name: "resume" });
  } else await send({ type: "command", name: "start" });

  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: !!process.stdin.isTTY });
  const prompt = () => {
    if (process.stdin.isTTY) rl.setPrompt("你：");
    if (process.stdin.isTTY) rl.prompt();
  };
  prompt();
  for await (const line of rl) {
    const t = line.trim();
    if (t === "/exit" || t === "/quit") break;
    await send({ type: "text", text: line });
    prompt();
  }
  rl.close();
  process.stdout.write(`${m.terminal.bye}\n`);
}
