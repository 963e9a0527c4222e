/** Plays a whole conversation through the bot: buttons where there are some, text where a question wants it. */
import type { Harness } from "./harness.ts";

const SKIP = /^(帮助|取消|返回|重新开始|改一个答案)$/;

/** The answer a person would type to a question without buttons. */
export function typed(question: string): string {
  if (/参保/.test(question)) return "苏州";
  if (/就医地|哪里看病/.test(question)) return "上海";
  if (/花了多少|多少钱|费用/.test(question)) return "3万";
  return "不知道";
}

/**
 * From the current point, answers until the bot offers the main jobs again (the flow's end);
 * returns how many steps it took. Presses the first real button, or types.
 */
export async function driveToEnd(h: Harness, chatId: number, maxSteps = 20): Promise<number> {
  for (let step = 0; step < maxSteps; step++) {
    const sent = h.tg.calls.filter((c) => (c.method === "sendMessage" || c.method === "editMessageText") && Number(c.params.chat_id) === chatId);
    const lastText = String(sent.at(-1)?.params.text ?? "");
    const kb = h.keyboard(chatId);
    const lastHasKeyboard = !!sent.at(-1)?.params.reply_markup;
    if (kb && lastHasKeyboard) {
      const real = kb.buttons.filter((b) => !SKIP.test(b.text));
      const data = (b: { callback_data: string }) => b.callback_data.split("|")[2]!;
      // The end of a flow: the only buttons left lead to other jobs.
      if (real.every((b) => data(b).startsWith("go:") || data(b) === "all" || data(b) === "restart")) return step;
      const choice = real.find((b) => !data(b).startsWith("go:"))!;
      const status = await h.press(chatId, kb.buttons.indexOf(choice));
      if (status !== 200) throw new Error(`webhook answered ${status}`);
    } else {
      const status = await h.text(chatId, typed(lastText));
      if (status !== 200) throw new Error(`webhook answered ${status}`);
    }
  }
  throw new Error("conversation did not end");
}
