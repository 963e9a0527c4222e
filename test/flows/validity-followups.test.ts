/**
 * Short follow-ups after the validity or the registration-channel answer (QA5 Q9, Q10): 到期了怎么办
 * and 能延期吗 ask how to renew, not the validity paragraph again; 然后呢 / 下一步呢 / 国家医保服务平台
 * after where to register ask for the steps in the app, not 没看懂 or the same block again.
 */
import { describe, expect, it } from "vitest";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { chat, textOf } from "./chat.ts";

const replies = (inputs: string[]) => chat(inputs).map((r) => textOf(r));

describe("after the validity answer", () => {
  it.each(["到期了怎么办", "到期了咋办", "过期了怎么弄", "能延期吗", "可以续吗", "能不能延长", "怎么续", "到期以后呢"])("%s → how to renew, not the same paragraph", (said) => {
    const [validity, next] = replies(["临时备案有效期多久", said]);
    expect(next).toContain(m.general.renew);
    expect(next).not.toBe(validity);
  });

  it("a new question after it is still its own question", () => {
    const [, next] = replies(["临时备案有效期多久", "手工报销要什么材料"]);
    expect(next).not.toContain(m.general.renew);
  });
});

describe("after where to register", () => {
  it.each(["然后呢", "下一步呢", "接下来呢", "那然后呢", "国家医保服务平台", "用国家医保服务平台app", "小程序怎么弄"])("%s → the steps in the app", (said) => {
    const [channels, next] = replies(["怎么在手机上备案", said]);
    expect(next).toContain(m.general.stepsIntro);
    expect(next).not.toBe(channels);
    expect(next).not.toContain("没看懂");
  });

  it("然后呢 with nothing before it asks nothing we can tell", () => {
    const [first] = replies(["然后呢"]);
    expect(first).not.toContain(m.general.stepsIntro);
  });
});

describe("a chain of follow-ups on one topic", () => {
  it("能延期吗 after 到期了怎么办 is still about renewing, not the validity paragraph again", () => {
    const [, renew, again] = replies(["临时备案有效期多久", "到期了怎么办", "能延期吗"]);
    expect(renew).toContain(m.general.renew);
    expect(again).toContain(m.general.renew);
  });
});
