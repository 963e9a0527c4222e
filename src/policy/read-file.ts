/**
 * Reads a named file only if it is a regular file, and only up to a size: a device (/dev/zero)
 * never ends and a FIFO waits for a writer, so either would hang the reader or fill its memory.
 * The file is opened without blocking and checked on the open descriptor, so a path swapped
 * for a FIFO after a check cannot make the open wait.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

export type ReadResult = { ok: true; text: string } | { ok: false; reason: "unreadable" | "not_a_file" | "too_large" };

export function readFileCapped(path: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: "not_a_file" };
    if (stat.size > maxBytes) return { ok: false, reason: "too_large" };
    // One byte more than allowed: a file that grew since fstat is still caught.
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) return { ok: false, reason: "too_large" };
    }
    return { ok: true, text: buffer.toString("utf8", 0, length) };
  } catch {
    return { ok: false, reason: "unreadable" };
  } finally {
    closeSync(fd);
  }
}

/** Reads a stream (stdin) up to a size; stops reading and says so once it is passed. */
export async function readStreamCapped(stream: NodeJS.ReadableStream & { destroy?: () => void }, maxBytes: number): Promise<ReadResult> {
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
      length += buffer.length;
      if (length > maxBytes) {
        stream.destroy?.();
        return { ok: false, reason: "too_large" };
      }
      chunks.push(buffer);
    }
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  return { ok: true, text: Buffer.concat(chunks).toString("utf8") };
}
