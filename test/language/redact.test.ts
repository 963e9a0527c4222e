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

  it("keeps amounts, years and hospital numbers", () => {
    expect(redact("住院花了30000元 2024年 北京301医院")).toBe("住院花了30000元 2024年 北京301医院");
    expect(redact("费用 12345678901234567890")).toBe("费用 12345678901234567890");
  });

  it("returns an empty string for anything that is not text", () => {
    expect(redact(undefined as unknown as string)).toBe("");
  });
});
