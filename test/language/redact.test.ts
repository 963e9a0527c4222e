import { describe, expect, it } from "vitest";
import { redact } from "../../src/language/index.ts";
import { languageMessages as messages } from "../../src/messages/language.ts";

const M = messages.redacted;

describe("redact", () => {
  it("hides 18-digit ID numbers, including a final X", () => {
    expect(redact("身份证320502198805061234帮我查")).toBe(`身份证${M}帮我查`);
    expect(redact("11010519491231002X")).toBe(M);
    expect(redact("id 11010519491231002x ok")).toBe(`id ${M} ok`);
  });

  it("hides mobile numbers, with or without +86 and separators", () => {
    expect(redact("电话13812345678")).toBe(`电话${M}`);
    expect(redact("+86 138-1234-5678 找我")).toBe(`${M} 找我`);
    expect(redact("手机 139 1234 5678")).toBe(`手机 ${M}`);
  });

  it("hides names people give", () => {
    expect(redact("我叫张伟 想问备案")).toBe(`我叫${M} 想问备案`);
    expect(redact("名字是王建国 退休工人")).toBe(`名字是${M} 退休工人`);
    expect(redact("我叫李秀英，医保在常熟")).toBe(`我叫${M}，医保在常熟`);
  });

  it("hides ID numbers typed in groups, landlines, Latin names, and names after 本人/我是", () => {
    expect(redact("本人张三，我是李娜，电话 010-12345678，身份证 110101 19900307 1234，我叫 Alice Wang")).toBe(
      `本人${M}，我是${M}，电话 ${M}，身份证 ${M}，我叫${M}`,
    );
    expect(redact("电话 (021)12345678")).toBe(`电话 ${M}`);
    expect(redact("我是王大爷，想问问")).toBe(`我是${M}，想问问`);
  });

  it("keeps what 本人/我是 introduce when it is not a name (places, status, illnesses)", () => {
    for (const t of ["我是退休的", "我是苏州人，在上海住院", "我是江苏的", "我是高血压患者", "本人退休了", "我是徐州的", "我是张家口的", "我是周口人，", "我是职工"]) {
      expect(redact(t)).toBe(t);
    }
  });

  it("keeps amounts, years and hospital numbers", () => {
    expect(redact("住院花了30000元 2024年 北京301医院")).toBe("住院花了30000元 2024年 北京301医院");
    expect(redact("费用 12345678901234567890")).toBe("费用 12345678901234567890");
  });

  it("returns an empty string for anything that is not text", () => {
    expect(redact(undefined as unknown as string)).toBe("");
  });
});

describe("bank-card and insurance-card numbers (QA3 A16)", () => {
  it.each([
    ["报销打到哪个卡 我的银行卡号6222021234567890123 可以吗", "6222021234567890123"],
    ["卡号 6222 0212 3456 7890 123 能用吗", "6222 0212 3456 7890 123"],
    ["我社保卡号是 A12345678 医保卡号 1234567890 北京职工", "A12345678"],
    ["我社保卡号是 A12345678 医保卡号 1234567890 北京职工", "1234567890"],
    ["医保卡号：310101200001011234X 怎么查", "310101200001011234X"],
    ["打到 4111111111111111 这张卡", "4111111111111111"],
  ])("%s hides %s", (text, secret) => {
    const out = redact(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(M);
  });
  it("keeps the facts around the number", () => {
    expect(redact("我社保卡号是 A12345678 医保卡号 1234567890 北京职工")).toContain("北京职工");
  });
  it("leaves amounts and dates alone", () => {
    for (const t of ["住院花了123456元", "总费用 35000 乙类 5000", "2025年3月1日入院", "报了12393"]) expect(redact(t)).toBe(t);
  });
});
