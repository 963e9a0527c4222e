/** Small helpers shared by the CLI subcommands: reading input and reporting errors without stack traces. */
import { readFileSync } from "node:fs";

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A file's text, or stdin for "-" or no file; null when the file cannot be read. */
export async function readInput(file: string | undefined): Promise<string | null> {
  if (!file || file === "-") return readStdin();
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

export interface CliError {
  code: string;
  message: string;
  errors?: { field: string; message: string }[];
}

/** One error, as a JSON object on stdout with --json, as Chinese lines on stderr otherwise. */
export function reportError(error: CliError, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ error })}\n`);
    return;
  }
  const details = (error.errors ?? []).map((e) => `  · ${e.field ? `${e.field}：` : ""}${e.message}`);
  process.stderr.write([error.message, ...details].join("\n") + "\n");
}
