/** `yidi wechat menu`: prints the 公众号 custom-menu JSON to post to the platform. */
import { customMenu } from "../channels/wechat/menu.ts";
import { wechatMessages as m } from "../messages/wechat.ts";

export async function run(args: string[]): Promise<number> {
  if (args[0] !== "menu" || args.length > 1) {
    process.stderr.write(m.cli.menuUsage);
    return args[0] === "--help" || args[0] === "-h" ? 0 : 2;
  }
  process.stdout.write(`${JSON.stringify(customMenu(), null, 2)}\n`);
  return 0;
}
