/**
 * `yidi chat`: the terminal chat (default job of `npm start`), or `--script FILE [--json]`
 * to run a conversation from a file, always fresh, without touching the saved chat. This is
 * the terminal's composition root: it picks the store (the saved chat's file, or memory).
 */
import { homedir } from "node:os";
import { join } from "node:path";
import { runInteractive, runScript, TERMINAL_CHAT } from "../channels/terminal.ts";
import { flowMessages as m } from "../messages/flows.ts";
import { FileStore } from "../store/file.ts";
import { MemoryStore } from "../store/memory.ts";
import { readInput, sizeText } from "./io.ts";

/** A script is one message a line; this is thousands of lines, and far from what fills memory. */
export const MAX_SCRIPT_BYTES = 1024 * 1024;

/** Where the terminal chat keeps its conversation: $YIDI_HOME/terminal.json, else ~/.yidi/terminal.json. */
export function stateFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.YIDI_HOME || join(homedir(), ".yidi"), "terminal.json");
}

export async function run(args: string[]): Promise<number> {
  let script: string | undefined;
  let json = false;
  let date: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--script") script = args[++i];
    else if (a === "--json") json = true;
    else if (a === "--date") date = args[++i];
    else if (a === "--help" || a === "-h") {
      process.stdout.write(m.terminal.usage);
      return 0;
    } else {
      process.stderr.write(m.terminal.badArg(String(a)));
      return 2;
    }
  }
  let now: Date | undefined;
  if (date !== undefined) {
    now = new Date(`${date}T12:00:00Z`);
    // Date() rolls 2026-02-31 over to 03-03: a date is real only if it reads back the same.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(now.getTime()) || now.toISOString().slice(0, 10) !== date) {
      process.stderr.write(m.terminal.badDate);
      return 2;
    }
  }
  if (script !== undefined) {
    const read = await readInput(script, MAX_SCRIPT_BYTES);
    if (!read.ok) {
      const why = read.reason === "too_large" ? m.terminal.scriptTooLarge(script, sizeText(MAX_SCRIPT_BYTES)) : read.reason === "not_a_file" ? m.terminal.scriptNotAFile(script) : m.terminal.noScript(script);
      process.stderr.write(why);
      return 2;
    }
    const text = read.text;
    const lines = text.replace(/\r\n?/g, "\n").split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    await runScript(lines, (line) => process.stdout.write(`${line}\n`), { json, store: new MemoryStore(), ...(now ? { now } : {}) });
    return 0;
  }
  // Kept until /forget, as the terminal always did; a file from before the store is read as the chat.
  const store = new FileStore(stateFile(), { ttlMs: Infinity, legacyChat: TERMINAL_CHAT });
  await runInteractive({ store, ...(now ? { now: () => now } : {}) });
  return 0;
}
