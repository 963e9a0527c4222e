/**
 * Side topics inside an intent: questions whose answer is one national rule, not a flow.
 * They do not change the intent (备案以后回参保地看病还能报吗 stays an eligibility question
 * for the evaluation set); the conversation answers the topic directly instead of starting a flow.
 *
 * - two_way: long-term registrants keep their benefits back home (双向享受待遇)
 * - commitment: the personal commitment letter instead of proofs (承诺书, 承诺制)
 * - principle: 就医地目录、参保地政策、就医地管理 (whose catalogue, whose ratios)
 */
import type { SideTopic } from "./types.ts";

const HOME = "(老家|参保地|原籍|家乡|户口所在地|原来的地方|原参保地|参保的地方|家里)";

const TOPICS: [SideTopic, RegExp[]][] = [
  [
    "two_way",
    [
      /双向(享受)?(待遇)?|两头都(能|可以)(报|用|享受)|两边都(能|可以)(报|用|享受|看)/u,
      // 备案后能回老家看病吗, 备案了还能在老家看病报销吗, 长期备案后回来参保地看病要报备吗
      new RegExp(`(备案|备了案|备过案|异地安置|长期居住)(之后|以后|后|了|过)?.{0,10}(回|在|去)(来|到)?${HOME}.{0,12}(看病|就医|住院|门诊|报销|能报|还能报|刷卡)`, "u"),
    ],
  ],
  ["commitment", [/承诺/u]],
  [
    "principle",
    [
      /就医地目录|参保地政策|就医地管理|参保地目录|结算原则|报销原则/u,
      /参保地还是就医地|就医地还是参保地|按参保地还是|按就医地还是|参保地的还是就医地/u,
      /(按|用|执行|走|看|照)(的是)?(哪里|哪边|哪儿|哪个地方|哪个城市|什么地方)的?(政策|目录|标准|报销比例|比例|规定|药品目录|起付线)/u,
      /(哪里|哪边|哪个地方)的.{0,4}目录|目录(不一样|不同|有区别|有差别)/u,
      // 是按老家还是按看病的地方
      /按(老家|参保地|家里|户口|户籍|原籍|家乡|本地)(的)?.{0,4}还是(按)?(看病|就医|医院|治病|住院|外地)|按(看病|就医|医院)的?(地方|那边|地)还是(按)?(老家|参保地)/u,
    ],
  ],
];

/** The side topic a message asks about, if any (first match in the order above). */
export function sideTopic(text: string): SideTopic | undefined {
  for (const [topic, patterns] of TOPICS) if (patterns.some((p) => p.test(text))) return topic;
  return undefined;
}
