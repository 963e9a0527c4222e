/**
 * How a command's end becomes the process's end, the same whichever way the command was started
 * (src/cli.ts for every command, src/cli/nlu-main.ts for `yidi nlu` alone).
 */
import { messages } from "../messages/cli.ts";
import { allWritten } from "./write.ts";

/**
 * `promptly`: exit as soon as the command is done, when all it wrote is already written. A
 * natural exit first tears down V8's heap and waits for its background work, which is a
 * measurable part of a one-line command such as `yidi nlu`; a command that may still be writing
 * through a stream, or that left anything running, ends naturally.
 */
export function finish(command: Promise<number>, { promptly = false } = {}): void {
  command.then(
    (code) => {
      if (promptly && allWritten()) process.exit(code);
      process.exitCode = code;
    },
    (error: unknown) => {
      // Last line of defence: a user never sees a stack trace.
      process.stderr.write(messages.internalError);
      if (process.env.YIDI_DEBUG) console.error(error);
      process.exitCode = 70;
    },
  );
}
