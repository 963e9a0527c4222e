/** Small helpers shared by the CLI subcommands: reading input and reporting errors without stack traces. */
import { readFileCapped, readStreamCapped, type ReadResult } from "../conversation/files.ts";

export type { ReadResult };

/**
 * A file's text, or stdin for "-" or no file, up to `maxBytes`. A named file must be a regular
 * file (a device or FIFO is refused at once rather than read forever or waited on); stdin may be
 * a pipe, and is read only up to the limit.
 */
export async function readInput(file: string | undefined, maxBytes: number): Promise<ReadResult> {
  if (!file || file === "-") {
    if (process.stdin.isTTY) return { ok: true, text: "" };
    return readStreamCapped(process.stdin, maxBytes);
  }
  return readFileCapped(file, maxBytes);
}

/** A byte count as people read it: 64 KB, 1 MB. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / 1024 / 1024} MB` : `${bytes / 1024} KB`;
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
