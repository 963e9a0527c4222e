/**
 * `yidi nlu "文本"` started on its own: bin/yidi.mjs runs this instead of the command dispatcher
 * (src/cli.ts) for that one command when the build made it, bundled into one file with
 * everything it imports (scripts/bundle-cli.mjs), so that Node loads a single module for it.
 * The answer is the dispatcher's, to the byte and the exit code.
 */
import { finish } from "./finish.ts";
import { run } from "./nlu.ts";

// argv: node, bin/yidi.mjs, "nlu", the text…
finish(run(process.argv.slice(3)), { promptly: true });
