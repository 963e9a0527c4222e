/**
 * Every fact a message records is said back in words in the 已记下 line (QA4 Q75, Q99): never an
 * internal value ([object Object], true, sudden, a bare level number).
 */
import { describe, expect, it } from "vitest";
import { chat, textOf } from "./chat.ts";

const heard = (text: string) => textOf(chat([text])[0]!);
const INTERNAL = /\[object|true|false|sudden|longWord|undefined|，\d+。/u;

describe("the 已记下 line", () => {
  const cases: [string, string][] = [
    ["我今年65岁 医保在上海", "65岁"],
    ["医保在北京 我是学生", "学生"],
    ["医保在北京 起付线已经交过了", "今年起付线已交过"],
    ["医保在北京 其中一半是自费", "一半是自费"],
    ["医保在北京 去上海住院 医院不是三甲的", "不是三级医院"],
    ["医保在北京 在工地上干活摔了", "工作中受伤"],
    ["在外地旅游 突然肚子疼 住院了 医保在成都 职工", "外出时急诊"],
  ];
  for (const [message, words] of cases) {
    it(`${message} → ${words}`, () => {
      const text = heard(message);
      expect(text).toContain(words);
      expect(text).not.toMatch(INTERNAL);
    });
  }
});
