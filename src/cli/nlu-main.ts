/**
 * `yidi nlu "文本"` on its own: bin/yidi.mjs runs this instead of the command dispatcher
 * (src/cli.ts) for that one command when the build made its bundle, one file with everything it
 * imports (scripts/bundle-cli.mjs), so that Node loads a single script for it. The answer is the
 * dispatcher's, to the byte and the exit code.
 */
import { parse } from "../conversation/reading.ts";
import { finish } from "./finish.ts";
import { run } from "./nlu.ts";

/** Runs the command on the words after its name and ends the process when it is done. */
export function start(args: string[]): void {
  finish(run(args), { promptly: true });
}

/**
 * What the build parses before it keeps V8's compiled code of the bundle: every function these
 * parses run is then read from that cache at each start instead of compiled. Any sentences do;
 * different kinds reach more of the parser (places, amounts and their roles, typos, negation,
 * a question with no figure, one for the fallback classifier).
 */
const WARM_UP = [
  "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少",
  "江苏苏洲的居民医保去杭州看门诊，押金交了两万，乙类大概五千",
  "没备案去北京住院还能报吗",
  "异地备案要带什么材料，多久能批下来",
  "随便问问看病报销",
];

export function warmUp(): void {
  for (const sentence of WARM_UP) parse(sentence);
}
