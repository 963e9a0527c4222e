/**
 * Side questions answered with the answer to what was asked, not a neighbour's (QA3 B7, B8, B9b,
 * B10, B17, B18, B19, B25, A26): each from the national facts with their source, or — where the
 * data has no rule — saying so and where to ask, never an invented rule.
 */
import { describe, expect, it } from "vitest";
import { chat, textOf } from "./chat.ts";

const HELD = /^(您在哪里参保|您在哪里看病|为什么没能在医院直接结算|您为什么在就医地看病|抱歉，没看懂|没看懂)/mu;
const texts = (inputs: string[]) => chat(inputs).map(textOf);
const last = (inputs: string[]) => texts(inputs).at(-1)!;
const SOURCE = /（来源：[^）]+）/u;

describe("the answer to what was asked (B7)", () => {
  it("备案有效期过了 人还在住院 咋办 → admitted inside the validity still settles directly", () => {
    const t = last(["备案有效期过了 人还在住院 咋办"]);
    expect(t).toContain("只要在备案有效期内办理了入院");
    expect(t).toMatch(SOURCE);
  });

  it("临时备案到期了怎么续 → apply again, and where", () => {
    const t = last(["临时备案到期了怎么续"]);
    expect(t).toContain("重新申请备案");
    expect(t).toContain("参保地医保经办机构");
  });

  it("在深圳住院了 医保在湖南 要回去报吗 → no need if registered (or made up) before discharge", () => {
    const t = texts(["我妈在深圳住院了 医保在湖南 要回去报吗"])[0]!;
    expect(t).toContain("出院结算前补办备案");
    expect(t).not.toMatch(/^手工报销（先全额垫付/u);
  });

  it("我回老家看病还能报吗 → both places (双向享受), not the claim list", () => {
    const t = last(["我回老家看病还能报吗"]);
    expect(t).toContain("在备案地和参保地都能享受待遇");
    expect(t).not.toContain("为什么没能在医院直接结算");
  });

  it("帮我查下备案办好没 → we cannot look it up; where to look", () => {
    const t = last(["帮我查下备案办好没"]);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("备案记录");
    expect(t).toContain("查不了");
  });
});

describe("how-to questions (B8, B9b, B17, B18, B19, B25)", () => {
  it("医保电子凭证怎么弄 → activated in the national app, after verification", () => {
    const t = last(["医保电子凭证怎么弄"]);
    expect(t).toContain("激活");
    expect(t).toContain("实名和实人认证");
    expect(t).toMatch(SOURCE);
  });

  it("在外地药店能刷医保卡买药吗 → where networked pharmacies are listed, and the insured place's rules", () => {
    const t = last(["在外地药店能刷医保卡买药吗"]);
    expect(t).toContain("药店");
    expect(t).toContain("国家医保服务平台APP");
    expect(t).not.toMatch(/^备案后住院费用都能直接结算/u);
  });

  it("个人账户的钱在外地能用吗 → no national data, the insured place decides", () => {
    const t = last(["个人账户的钱在外地能用吗"]);
    expect(t).toContain("个人账户");
    expect(t).toContain("参保地");
    expect(t).not.toMatch(/^备案后住院费用都能直接结算/u);
  });

  it.each(["取消备案怎么弄", "想把备案从重庆改到成都 怎么弄"])("%s → the rule and where it is done", (text) => {
    const t = last([text]);
    expect(t).toContain("临时备案可以随时取消");
    expect(t).toContain("参保地医保经办机构");
  });

  it("能帮我爸代办备案吗 他不会弄手机 → the counter, and ask there about a proxy", () => {
    const t = last(["能帮我爸代办备案吗 他不会弄手机"]);
    expect(t).not.toMatch(HELD);
    expect(t).toContain("窗口");
    expect(t).toContain("代办");
  });

  it("我是北京医保 转诊去上海 转诊单在哪开 → a hospital with referral qualification", () => {
    const t = texts(["我是北京医保 转诊去上海 转诊单在哪开"])[0]!;
    expect(t).toContain("有转诊资质的医院开具转诊证明");
    expect(t).toMatch(SOURCE);
  });

  it("不会用app 线下去哪办 after the channels → the counter only, not the same block again", () => {
    const [first, second] = texts(["手机上能办不", "不会用app 线下去哪办"]);
    expect(second).not.toBe(first);
    expect(second).toContain("参保地的医保经办机构窗口");
    expect(second).not.toContain("小程序");
  });

  it("去哪交材料 inside the claim → where, not the whole list again", () => {
    const t = last(["手工报销要啥材料", "去哪交材料"]);
    expect(t).toContain("在哪里交");
    expect(t).not.toContain("医疗费用发票");
  });
});

describe("facts the message already gave are not asked again (B10, A26)", () => {
  it.each([
    "北京职工 在上海住院 医院没联网 自己垫钱了 回来报销要啥材料",
    "杭州职工 在成都急诊住院 医院不能刷卡 自己垫的钱 回来怎么报",
  ])("%s → the claim's list, no 为什么没能在医院直接结算", (text) => {
    const t = textOf(chat([text])[0]!);
    expect(t).not.toContain("为什么没能在医院直接结算");
    expect(t).toMatch(/参保、住院的手工报销，要准备/u);
  });

  it("能直接刷医保卡吗 → registration (or an emergency) first", () => {
    const t = last(["我是外地的 在这边住院 能直接刷医保卡吗"]);
    expect(t).toMatch(/^[^\n]*备案/u);
  });
});

describe("no question, but not noise (QA3 B26, B27, B9, C4; QA4 Q51, Q65)", () => {
  it("你们是骗子吧 → reassurance, not the help block; a second one only says what works", () => {
    const [first, second] = texts(["你们是骗子吧", "狗屁助手 什么都不懂"]);
    expect(first).toContain("免费");
    expect(first).not.toContain("随时可以说");
    expect(second).not.toBe(first);
    expect(second).not.toContain("随时可以说");
  });

  it("English → one English sentence", () => {
    expect(last(["hello can you speak english"])).toContain("Sorry, I can only answer in Chinese");
  });

  it.each(["问个事", "你好 想问下我爸的情况"])("%s → 您说", (text) => {
    const t = last([text]);
    expect(t).toContain("您说");
    expect(t).not.toContain("没看懂");
  });

  it("an ID typed as an answer → not needed, and the question again", () => {
    const t = last(["3", "110101199003071234"]);
    expect(t).toContain("不用发身份证号");
    expect(t).toContain("您在哪里参保");
    expect(t).not.toContain("没看懂");
  });

  it("身份证要吗 inside the form → which documents, and the question again", () => {
    const t = last(["3", "深圳", "职工", "上海", "住院", "3", "身份证要吗"]);
    expect(t).toContain("有效身份证件、医保电子凭证或社会保障卡");
    expect(t).toContain("您办的是哪种异地就医备案");
  });
});

describe("questions about an answer, and comparisons (QA3 B16, B23, C1; QA4 Q26, Q58, Q71, Q72)", () => {
  it("你算的不对 我上次住院报了九成 → why estimates differ, nothing stored", () => {
    const t = last(["你算的不对 我上次住院报了九成"]);
    expect(t).toContain("常见原因");
    expect(t).not.toContain("已记下");
    expect(t).not.toMatch(HELD);
  });

  it("算错了吧 after an estimate → the reasons, not 结果不变", () => {
    const t = last(["杭州职工 在上海住院 3万", "算错了吧 我上次住院报了九成"]);
    expect(t).toContain("常见原因");
    expect(t).not.toContain("结果不变");
  });

  it.each(["怎么算的", "为什么这么少"])("%s after an estimate → how its ratio came about", (text) => {
    const t = last(["北京职工 在上海住院 3万", text]);
    expect(t).not.toContain("没看懂");
    expect(t).toContain("85%");
  });

  it("异地长期居住 和 临时外出 有啥区别 → answered, and not stored as the person's own kind", () => {
    const t = last(["想问下 异地长期居住 和 临时外出 有啥区别 哪个报的多"]);
    expect(t).toContain("长期备案");
    expect(t).not.toContain("已记下：在外地长期居住");
  });

  it.each(["住院期间转到另一家医院了 还要重新备案吗", "备案是备案到医院还是备案到城市"])("%s → to the city, not a hospital", (text) => {
    const t = last([text]);
    expect(t).toContain("不用指定医院");
    expect(t).not.toContain("医院转诊过去");
  });

  it("临时备案和长期备案报销一样吗 → the comparison, not buttons", () => {
    const t = last(["临时备案和长期备案报销一样吗"]);
    expect(t).toContain("最多降20个百分点");
  });

  it("在上海住院了 咋报 (still in hospital) → settle there after registering, not the claim's reason", () => {
    const t = last(["我妈医保在乌鲁木齐 来北京看病 住院了 要怎么报"]);
    expect(t).not.toContain("为什么没能在医院直接结算");
    expect(t).toContain("出院结算前");
  });

  it("a side answer at a result is not followed by 接着刚才的问题", () => {
    const t = last(["我妈在南昌退休的 现在跟我住广州 想在这边看病怎么弄", "要多久能办好"]);
    expect(t).not.toContain("接着刚才的问题");
  });
});

describe("after an estimate, its bottom line (QA3 B14; QA4 Q27, Q50, Q59)", () => {
  it.each(["太长了 就告诉我自己要掏多少", "能报多少", "能报吗"])("%s → one sentence with both figures, no list of answers, no category question", (text) => {
    const t = last(["北京职工 在上海住院 3万", text]);
    expect(t).toMatch(/医保大约付 [\d,]+ 元，您自己大约付 [\d,]+ 元/u);
    expect(t).not.toContain("想改哪一项");
    expect(t).not.toContain("您为什么在就医地看病");
  });
});

describe("more practical questions (QA4 Q30)", () => {
  it("备案开始时间怎么填 已经住进去了 → on or before the admission date", () => {
    const t = last(["备案开始时间怎么填 已经住进去了"]);
    expect(t).toContain("入院日期当天或之前");
    expect(t).not.toMatch(HELD);
  });

  it("医保卡丢了 在外地看病怎么办 → the 医保电子凭证", () => {
    const t = last(["医保卡丢了 在外地看病怎么办"]);
    expect(t).toContain("医保电子凭证");
    expect(t).not.toMatch(HELD);
  });
});
