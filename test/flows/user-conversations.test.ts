/**
 * Defects found by chatting as a person would (retirees, migrant workers, families typing in a
 * messenger): each test replays the messages that showed the defect.
 */
import { describe, expect, it } from "vitest";
import { handleMessage, type Reply, type UserInput } from "../../src/conversation/index.ts";
import { matchChoice } from "../../src/conversation/render.ts";
import { slotChoices } from "../../src/conversation/questions.ts";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { factFor } from "../../src/conversation/policy-data.ts";

const NOW = new Date("2025-08-01T12:00:00Z");
const say = (t: string): UserInput => (/^\/[a-z]+$/.test(t) ? { type: "command", name: t.slice(1) } : { type: "text", text: t });

/** Every message's replies, in order. */
function chat(inputs: string[]): Reply[][] {
  let stored: string | null = null;
  const all: Reply[][] = [];
  for (const i of inputs) {
    const r = handleMessage(stored, say(i), NOW);
    stored = r.stored;
    all.push(r.replies);
  }
  return all;
}
const textOf = (replies: Reply[]) => replies.map((r) => r.text).join("\n");
const lastText = (inputs: string[]) => textOf(chat(inputs).at(-1)!);
const ONE_MESSAGE = "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少";

describe("返回 never forgets an answer the person cannot see", () => {
  it("返回 at a question opened by 改一个答案 puts the old answer back and shows the result", () => {
    const r = chat([ONE_MESSAGE, "改一个答案", "险种：职工医保", "返回"]);
    expect(textOf(r[2]!)).toContain(m.ask.scheme);
    const back = textOf(r[3]!);
    expect(back).toContain("按：苏州职工医保");
    expect(back).toContain("医保基金支付");
    expect(back).toContain("总费用 30000 元");
  });
  it("返回 after a message that answered several questions goes to the question before the pending one", () => {
    const r = chat(["我在苏州交的职工医保，住院花了3万", "返回", "返回"]);
    expect(textOf(r[0]!)).toContain(m.ask.treatment);
    expect(textOf(r[1]!)).toContain(m.ask.scheme);
    expect(textOf(r[2]!)).toContain(m.ask.insured);
  });
  it("返回 at the eligibility result asks the category again at once", () => {
    const t = lastText(["/eligibility", "杭州", "成都", "5", "返回"]);
    expect(t).toContain(m.ask.category);
  });
  it("返回 at the first registration step after a one-message start asks the category", () => {
    const t = lastText(["我妈退休了跟我在深圳住，医保在哈尔滨，怎么备案", "返回"]);
    expect(t).toContain(m.ask.category);
  });
});

describe("an estimate says each thing once", () => {
  const count = (text: string, re: RegExp) => text.split("\n").filter((l) => re.test(l)).length;
  it("the unknown 乙类 amount is stated once, in the flow's list of assumptions", () => {
    const t = lastText([ONE_MESSAGE]);
    expect(t).toContain(m.estimate.assumed.amountsUnknown);
    expect(count(t, /乙类/)).toBe(1);
  });
  it("a region without data is called a typical estimate once", () => {
    const t = lastText(["我在拉萨交的居民医保，在成都住院花了5万，能报多少"]);
    expect(t).toContain(m.estimate.typical("拉萨居民医保"));
    expect(count(t, /政策数据/)).toBe(1);
  });
});

describe("answers typed the way people type them", () => {
  it("门诊 typed at the setting question is 普通门诊, not 门诊慢特病", () => {
    expect(lastText(["/claim", "没备案", "门诊", "哈尔滨"])).toContain(m.claim.intro("哈尔滨", m.labels.setting.outpatient));
    const setting = slotChoices("setting");
    const picked = matchChoice("门诊", setting);
    expect(picked.kind === "choice" ? picked.choice.id : picked.kind).not.toBe("v:setting:chronic_outpatient");
    const whole = matchChoice("门诊慢特", setting);
    expect(whole.kind === "choice" ? whole.choice.id : whole.kind).toBe("v:setting:chronic_outpatient");
  });
  it("没有 or 0 for the 乙类 and 目录外 amounts means none, not a failed answer", () => {
    const r = chat(["/estimate", "北京", "职工", "广州", "住院", "三甲", "转诊", "退休", "3万块", "没有", "0"]);
    expect(textOf(r[9]!)).toContain(m.ask.outOfCatalog);
    expect(textOf(r[9]!)).not.toContain(m.problems.unclear);
    expect(textOf(r[10]!)).toContain("总费用 30000 元");
    const change = chat(["/estimate", "北京", "职工", "广州", "住院", "三甲", "转诊", "退休", "3万块", "没有", "0", "改一个答案"]).at(-1)!.at(-1)!;
    expect(change.choices!.map((c) => c.label)).toContain(m.estimate.changeLabel("乙类金额", m.estimate.yuan("0")));
  });
  it("一半 for the 乙类 amount is not taken as 1 元", () => {
    const t = lastText(["/estimate", "北京", "职工", "广州", "住院", "三甲", "转诊", "退休", "3万块", "一半吧"]);
    expect(t).toContain(m.ask.classB);
  });
});

describe("manual-claim materials", () => {
  it("the setting marks of the data are not shown, and the ID card is not asked for twice", () => {
    const outpatient = lastText(["/claim", "没备案", "门诊", "哈尔滨"]);
    expect(outpatient).not.toMatch(/（门诊）|（住院）/);
    expect(outpatient).not.toContain("（以参保地规定为准）（");
    const hangzhou = lastText(["/claim", "3", "住院", "杭州"]);
    expect(hangzhou.split("\n").filter((l) => /^\d+\. .*身份证/.test(l)).length).toBe(1);
    expect(hangzhou).toContain(m.claim.bank);
  });
});

describe("居民医保 has no 在职/退休", () => {
  it("the estimate does not ask a resident whether they are working or retired", () => {
    const r = chat(["/estimate", "拉萨", "居民", "成都", "住院", "3", "4", "5万"]);
    expect(textOf(r[6]!)).toContain(m.ask.total);
    expect(r.flat().map((x) => x.text).join("\n")).not.toContain(m.ask.status);
  });
  it("nor assumes 在职 for one, but asks once the scheme is changed to 职工医保", () => {
    expect(lastText(["我在拉萨交的居民医保，在成都住院花了5万，能报多少"])).not.toContain(m.estimate.assumed.status);
    const t = lastText(["/estimate", "拉萨", "居民", "成都", "住院", "3", "4", "5万", "1", "1", "改一个答案", "险种：居民医保", "1"]);
    expect(t).toContain(m.ask.status);
  });
});

describe("short, natural wording", () => {
  it("the note on a first message names each fact once, without the form's field names", () => {
    const t = textOf(chat(["我妈退休了跟我在深圳住，医保在哈尔滨，怎么备案"])[0]!);
    expect(t).toContain(m.heard("参保地哈尔滨，就医地深圳，退休，退休后到外地定居"));
    expect(t).not.toContain("在职/退休");
    expect(t).not.toContain(m.labels.visitor.long_term);
  });
  it("a province is answered with its cities as buttons, those with policy data first, and typing a city still works", () => {
    const r = chat(["/estimate", "江苏"]);
    const last = r[1]!.at(-1)!;
    expect(textOf(r[1]!)).toContain(m.problems.province("江苏省", "江苏", "insured"));
    const labels = last.choices?.map((c) => c.label) ?? [];
    expect(labels.length).toBe(8);
    // 南京 苏州 常州 have policy files; 无锡 does not, so it comes after them.
    expect(labels.slice(0, 3)).toEqual(["南京", "常州", "苏州"]);
    expect(labels.indexOf("无锡")).toBeGreaterThan(2);
    expect(last.choices!.every((c) => /^p:32\d{2}00$/.test(c.id))).toBe(true);
    // Picking or typing a city answers the question: the flow moves on to the next one.
    const next = lastText(["/estimate", "苏州"]);
    expect(lastText(["/estimate", "江苏", "3"])).toBe(next);
    expect(lastText(["/estimate", "江苏", "无锡"])).toBe(next);
  });
  it("a province said in a first message is not dropped: the flow asks for a city in it, with its cities as buttons", () => {
    for (const [text, name, short, prefix] of [
      ["我是河北的职工医保 在北京住院花了4万 三甲", "河北省", "河北", "p:13"],
      ["医保是广东的 在上海住院3万", "广东省", "广东", "p:44"],
    ] as const) {
      const r = chat([text]);
      expect(textOf(r[0]!)).toContain(m.problems.province(name, short, "insured"));
      const ids = r[0]!.at(-1)!.choices?.map((c) => c.id) ?? [];
      expect(ids.length).toBe(8);
      expect(ids.every((id) => id.startsWith(prefix))).toBe(true);
    }
    // A city named with its province is that city: nothing to ask.
    expect(textOf(chat(["河北石家庄的职工医保 在北京住院花了4万 三甲"])[0]!)).not.toContain("是省份");
  });
  it("after an estimate, another insured province said alone is a new question: the old insured place is not kept", () => {
    const r = chat(["北京职工在职 在上海三甲住院了5万", "我是河北的职工医保 在北京住院花了4万 三甲"]);
    const t = textOf(r[1]!);
    expect(t).toContain(m.problems.province("河北省", "河北", "insured"));
    expect(t).not.toContain("按哪个算");
    expect(r[1]!.at(-1)!.choices?.every((c) => c.id.startsWith("p:13"))).toBe(true);
    // The same province as the known insured place is not a new question on that ground.
    expect(textOf(chat(["石家庄职工在职 在上海三甲住院了5万", "我是河北的职工医保 在北京住院花了4万 三甲"])[1]!)).not.toContain("是省份");
  });
  it("海南 and 西藏 are accepted as regions where a province is asked (备案到省), not sent back for a city", () => {
    const t = lastText(["/estimate", "海南"]);
    expect(t).not.toContain("是省份");
    expect(t).not.toContain(m.ask.insured);
    expect(lastText(["/estimate", "苏州", "西藏"])).not.toContain("是省份");
  });
  it("a region whose visitors keep the normal ratio says so in words that fit the insured place", () => {
    const t = lastText(["/eligibility", "杭州", "成都", "5"]);
    expect(t).toContain(m.eligibility.regionRule("杭州", m.visitorRule.same));
    expect(t).not.toContain("的规定：和在参保地一样");
  });
  it("the registration channels do not list the national app twice", () => {
    const t = lastText(["/register", "南昌", "上海", "转诊"]);
    expect(t.match(/国家医保服务平台/g)?.length).toBe(1);
    expect(t).toContain("江西智慧医保APP");
  });
});

describe("what the person already said is not asked again", () => {
  it("退休后到外地定居 answers 在职还是退休", () => {
    const r = chat(["/eligibility", "哈尔滨", "深圳", "1", "估算能报多少", "1", "住院", "二级"]);
    expect(textOf(r.at(-1)!)).toContain(m.ask.total);
    expect(r.flat().map((x) => x.text).join("\n")).not.toContain(m.ask.status);
  });
  it("but 返回 to the category forgets the 退休 it implied", () => {
    const r = chat(["/eligibility", "哈尔滨", "深圳", "1", "返回", "6", "估算能报多少", "1", "住院", "二级"]);
    expect(textOf(r.at(-1)!)).toContain(m.ask.status);
  });
});

describe("a message that answers and asks", () => {
  it("上海，备案有效期多久: the place is stored, the question answered, then the next question asked", () => {
    const r = chat(["/estimate", "苏州", "职工", "上海，备案有效期多久"]);
    const t = textOf(r.at(-1)!);
    expect(t).toMatch(/有效/);
    expect(t).toContain(m.ask.setting);
    expect(t).not.toContain(m.ask.treatment);
  });
  it("when the answer completes the flow, the result is shown in full after the side answer", () => {
    const t = lastText(["/eligibility", "杭州", "成都", "单位派我来的，备案有效期多久"]);
    expect(t).toMatch(/有效/);
    expect(t).toContain(m.eligibility.kind("杭州", "成都", m.labels.jurisdiction.cross_province));
  });
  it("a question about the answer's own topic is not answered twice (急诊怎么办 answering the category)", () => {
    const t = lastText(["/eligibility", "杭州", "成都", "急诊没备案怎么办"]);
    expect(t.match(/视同已备案，相关门诊/g)?.length).toBe(1);
  });
});

describe("questions one national rule answers are answered, at the menu and mid-flow", () => {
  const answer = (topic: string) => {
    const f = factFor(topic);
    if (!f?.source) throw new Error(`no fact with a source for ${topic}`);
    return [f.text, m.aside.source(f.source)] as const;
  };
  it.each([
    ["备案后能回老家看病吗", "two_way"],
    ["长期备案以后回参保地住院还能报吗", "two_way"],
    ["承诺书是什么", "commitment"],
    ["拿不出居住证明 能用承诺制吗", "commitment"],
    ["异地看病是按参保地还是就医地的目录", "principle"],
    ["报销比例按哪里的标准", "principle"],
  ])("%s at the menu gets the %s rule with its source, then the menu", (text, topic) => {
    const r = chat([text]).at(-1)!;
    const [fact, source] = answer(topic);
    expect(r[0]!.text).toBe(`${fact}${source}`);
    expect(r.at(-1)!.choices?.map((c) => c.id)).toContain("go:estimate");
    expect(textOf(r)).not.toContain(m.ask.insured);
  });
  it.each([
    ["备案后能回老家看病吗", "two_way"],
    ["承诺书是什么", "commitment"],
    ["就医地目录是什么意思", "principle"],
  ])("%s mid-flow is answered, then the pending question is asked again", (text, topic) => {
    const r = chat(["/estimate", "苏州", text, "职工"]);
    const t = textOf(r[2]!);
    expect(t).toContain(answer(topic)[0]);
    expect(t).toContain(`${m.backTo}\n${m.ask.scheme}`);
    expect(textOf(r[3]!)).toContain(m.ask.treatment);
  });
});

describe("a side question at the menu keeps the facts it carried", () => {
  it("出差在成都急诊住院了没备案怎么办: 成都, 住院 and 急诊 are not asked in the estimate picked next", () => {
    const r = chat(["出差在成都急诊住院了没备案怎么办", "估算能报多少", "苏州", "职工", "三甲", "在职"]);
    const first = textOf(r[0]!);
    expect(first).toContain(factFor("emergency")!.text);
    expect(first).toContain(m.kept("就医地成都，住院，外出时急诊"));
    expect(textOf(r[1]!)).toContain(m.heard("就医地成都，住院，外出时急诊"));
    const all = r.flat().map((x) => x.text).join("\n");
    for (const q of [m.ask.treatment, m.ask.setting, m.ask.visitor]) expect(all).not.toContain(q);
    expect(textOf(r.at(-1)!)).toContain(m.ask.total);
  });
  it("我在上海工作，医保在安徽阜阳，生孩子能报吗: both places are kept", () => {
    const r = chat(["我在上海工作，医保在安徽阜阳，生孩子能报吗", "估算能报多少"]);
    expect(textOf(r[0]!)).toContain(factFor("maternity")!.text);
    expect(textOf(r[0]!)).toContain("参保地阜阳，就医地上海");
    const all = r.flat().map((x) => x.text).join("\n");
    expect(all).not.toContain(m.ask.insured);
    expect(all).not.toContain(m.ask.treatment);
    expect(textOf(r[1]!)).toContain(m.ask.scheme);
  });
  it("取消 at the menu forgets what was kept", () => {
    const r = chat(["出差在成都急诊住院了没备案怎么办", "取消", "估算能报多少", "苏州", "职工"]);
    expect(textOf(r.at(-1)!)).toContain(m.ask.treatment);
  });
  it("mid-flow, the facts a side question carried are stored and said back too", () => {
    const r = chat(["/estimate", "出差在成都急诊住院了没备案怎么办", "苏州", "职工", "三甲", "在职"]);
    const t = textOf(r[1]!);
    expect(t).toContain(factFor("emergency")!.text);
    expect(t).toContain(m.heard("就医地成都，住院，外出时急诊"));
    expect(t).toContain(m.ask.insured);
    expect(textOf(r.at(-1)!)).toContain(m.ask.total);
  });
});

describe("an answer to another question is said back, and the pending question asked clearly", () => {
  it("/estimate, 江苏, 吉林, 1, 门诊: 吉林市 is taken, 门诊 acknowledged, the scheme asked again", () => {
    const r = chat(["/estimate", "江苏", "吉林", "1", "门诊", "职工", "上海"]);
    expect(textOf(r[3]!)).toContain(m.ask.scheme);
    const t = textOf(r[4]!);
    expect(t).toContain(m.heardStill(m.labels.setting.outpatient));
    expect(t).toContain(m.ask.scheme);
    // 门诊 was kept: the setting is not asked after the treatment place.
    expect(textOf(r.at(-1)!)).toContain(m.ask.level);
  });
});

describe("吉林 is the province or its city", () => {
  it("both are offered, the city first; picking the province asks for one of its cities", () => {
    const r = chat(["/estimate", "吉林"]);
    expect(r[1]!.at(-1)!.choices?.map((c) => c.label)).toEqual(["吉林市", "吉林省"]);
    const t = lastText(["/estimate", "吉林", "2"]);
    expect(t).toContain(m.problems.province("吉林省", "吉林", "insured"));
    expect(chat(["/estimate", "吉林", "2"])[2]!.at(-1)!.choices?.map((c) => c.label)).toContain("长春");
  });
});

describe("someone who says 退休 and not the scheme is taken to be in 职工医保", () => {
  it("我是哈尔滨的医保，在北京住院花了8万，退休了: 职工医保, and the assumption is said", () => {
    const t = lastText(["我是哈尔滨的医保，在北京住院花了8万，退休了"]);
    expect(t).toContain(m.estimate.assumed.schemeRetired);
    expect(t).not.toContain(m.estimate.assumed.scheme);
    expect(t).toMatch(/哈尔滨市?职工医保/);
    expect(t).not.toContain(m.estimate.assumed.status);
  });
  it("without 退休 the resident default stays", () => {
    const t = lastText(["我是哈尔滨的医保，在北京住院花了8万"]);
    // Said in the read-back line, among the values assumed.
    expect(t.split("\n")[0]).toMatch(/^按：哈尔滨居民医保、.*（居民医保、.*是我假设的）$/);
  });
});

describe("small replies", () => {
  it("谢谢 at the menu: 不客气 and the choices, not the welcome", () => {
    const r = chat(["谢谢"]).at(-1)!;
    expect(r[0]!.text).toContain(m.thanks);
    expect(textOf(r)).not.toContain(m.welcome);
    expect(r.at(-1)!.choices?.length).toBeGreaterThan(0);
  });
  it("谢谢 mid-flow: 不客气, and the question again", () => {
    const t = lastText(["/estimate", "苏州", "好的谢谢"]);
    expect(t).toContain(m.thanksInFlow);
    expect(t).toContain(m.ask.scheme);
    expect(t).not.toContain(m.unclear);
  });
  it("a total of 0 is said to be too small, not 没看懂", () => {
    const t = lastText(["/estimate", "苏州", "职工", "上海", "住院", "三甲", "1", "在职", "0"]);
    expect(t).toContain(m.problems.zero);
    expect(t).toContain(m.ask.total);
    expect(t).not.toContain(m.problems.unclear);
  });
  it("0 is still none for 乙类", () => {
    const t = lastText(["/estimate", "苏州", "职工", "上海", "住院", "三甲", "1", "在职", "3万", "0"]);
    expect(t).toContain(m.ask.outOfCatalog);
  });
  it("5000 × 啊: too long, not understood, choices offered; no welcome", () => {
    const r = chat(["啊".repeat(5000)]).at(-1)!;
    const t = textOf(r);
    expect(t).toContain(m.tooLong(500));
    expect(t).toContain(m.unclearMenu);
    expect(t).not.toContain(m.welcome);
    expect(r.at(-1)!.choices?.length).toBeGreaterThan(0);
  });
});
