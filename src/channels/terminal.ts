/**
 * The terminal channel: numbered choices, state in a local file so the chat resumes after a
 * restart, and a script mode (one message a line in, one JSON line a message out) that always
 * starts fresh and never touches the saved chat.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { handleMessage, redact, type Reply, type UserInput } from "../conversation/index.ts";
import { renderText } from "../conversation/render.ts";
import { flowMessages as m } from "../messages/flows.ts";

/** Where the terminal chat keeps its conversation: $YIDI_HOME/terminal.json, else ~/.yidi/terminal.json. */
export function stateFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.YIDI_HOME || join(homedir(), ".yidi"), "terminal.json");
}

function load(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function save(file: string, stored: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Write then rename: a crash mid-write never leaves half a conversation behind.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, stored, { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    // A read-only home only costs the resume; the chat itself goes on.
  }
}

/** A typed line as input: "/estimate" is a command, anything else text. */
export function toInput(line: string): UserInput {
  const command = /^\/([a-z_]+)\s*$/i.exec(line.trim());
  return command?.[1] ? { type: "command", name: command[1].toLowerCase() } : { type: "text", text: line };
}

/** A reply as the script's JSON shape: text and choice labels. */
export function toJson(reply: Reply): { text: string; choices?: string[] } {
  return reply.choices && reply.choices.length > 0 ? { text: reply.text, choices: reply.choices.map((c) => c.label) } : { text: reply.text };
}

/** Runs a script: each line a message, always from a fresh conversation. */
export function runScript(lines: readonly string[], out: (line: string) => void, options: { json: boolean; now?: Date }): void {
  let stored: string | null = null;
  for (const line of lines) {
    const result = handleMessage(stored, toInput(line), options.now ?? new Date());
    stored = result.stored;
    // The transcript may be shared: the echoed message never carries an ID or phone number.
    const said = redact(line);
    if (options.json) out(JSON.stringify({ user: said, replies: result.replies.map(toJson) }));
    else out(`> ${said}\n${result.replies.map(renderText).join("\n\n")}\n`);
  }
}

/** The interactive chat (also reads piped stdin line by line when there is no TTY). */
export async function runInteractive(options: { file?: string; now?: () => Date } = {}): Promise<void> {
  const file = options.file ?? stateFile();
  // A closed pipe (`yidi chat | head`) ends the chat quietly instead of with a stack trace.
  process.stdout.on("error", () => process.exit(0));
  const now = options.now ?? (() => new Date());
  let stored = load(file);
  const print = (replies: Reply[]) => process.stdout.write(`${replies.map(renderText).join("\n\n")}\n\n`);
  const send = (input: UserInput) => {
    const result = handleMessage(stored, input, now());
    stored = result.stored;
    save(file, stored);
    print(result.replies);
  };

  if (stored) {
    process.stdout.write(`${m.terminal.welcomeBack}\n`);
    send({ type: "command", name: "resume" });
  } else send({ type: "command", name: "start" });

  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: !!process.stdin.isTTY });
  const prompt = () => {
    if (process.stdin.isTTY) rl.setPrompt("你：");
    if (process.stdin.isTTY) rl.prompt();
  };
  prompt();
  for await (const line of rl) {
    const t = line.trim();
    if (t === "/exit" || t === "/quit") break;
    if (t === "/forget") {
      rmSync(file, { force: true });
      stored = null;
      process.stdout.write(`${m.terminal.forgotten}\n\n`);
      send({ type: "command", name: "start" });
    } else send(toInput(line));
    prompt();
  }
  rl.close();
  process.stdout.write(`${m.terminal.bye}\n`);
}
