/**
 * The `yidi` command line: dispatches to one module per subcommand so each stays small and
 * only what is used gets loaded (cold start matters for `yidi nlu` and the chat).
 */
import { finish } from "./cli/finish.ts";
import { messages } from "./messages/cli.ts";

const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  estimate: () => import("./cli/estimate.ts"),
  policies: () => import("./cli/policies.ts"),
  chat: () => import("./cli/chat.ts"),
  nlu: () => import("./cli/nlu.ts"),
  wechat: () => import("./cli/wechat.ts"),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(messages.help);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(messages.unknownCommand(name));
    return 2;
  }
  const command = await load();
  return command.run(rest);
}

finish(main(process.argv.slice(2)));
