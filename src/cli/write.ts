/**
 * Writing a command's few lines straight to the file descriptor. `process.stdout` is built on
 * first use, and building it loads Node's stream modules: for `yidi nlu`, which prints one line,
 * that was a noticeable part of its start-up. Whatever the descriptor refuses (a non-blocking pipe
 * that is full) goes through the stream after all, so nothing is lost.
 * node:fs is taken with process.getBuiltinModule rather than imported: as an ES module import it
 * builds its whole export list, stream classes included, the very cost this file avoids.
 */
const { writeSync } = process.getBuiltinModule("node:fs");

/** Set once any text had to go through a stream: it may still be on its way when the command ends. */
let queued = false;

function write(fd: 1 | 2, stream: () => NodeJS.WriteStream, text: string): void {
  const bytes = Buffer.from(text);
  let done = 0;
  try {
    while (done < bytes.length) done += writeSync(fd, bytes, done);
  } catch {
    queued = true;
    stream().write(bytes.subarray(done));
  }
}

export const writeOut = (text: string): void => write(1, () => process.stdout, text);
export const writeErr = (text: string): void => write(2, () => process.stderr, text);

/** True when everything written so far is already with the operating system (none waits in a stream). */
export const allWritten = (): boolean => !queued;
