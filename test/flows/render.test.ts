import { describe, expect, it } from "vitest";
import { handleMessage } from "../../src/conversation/index.ts";
import { matchChoice, renderText } from "../../src/conversation/render.ts";
import { flowMessages as m } from "../../src/messages/flows.ts";

const choices = [
  { id: "a", label: "住院" },
  { id: "b", label: "普通门诊" },
  { id: "c", label: "三级医院（含三甲）" },
];

describe("renderText", () => {
  it("numbers the choices and says how to answer", () => {
    expect(renderText({ text: "这次是？", choices })).toBe("这次是？\n1. 住院\n2. 普通门诊\n3. 三级医院（含三甲）\n（回复 1、2 或 3）");
    expect(renderText({ text: "只有文字" })).toBe("只有文字");
    expect(renderText({ text: "一个", choices: [choices[0]!] })).toContain("（回复 1）");
  });
});

describe("matchChoice", () => {
  it("picks by number, full-width number or label", () => {
    expect(matchChoice("2", choices)).toEqual({ kind: "choice", choice: choices[1] });
    expect(matchChoice("３", choices)).toEqual({ kind: "choice", choice: choices[2] });
    expect(matchChoice(" 1. ", choices)).toEqual({ kind: "choice", choice: choices[0] });
    expect(matchChoice("普通门诊", choices)).toEqual({ kind: "choice", choice: choices[1] });
    expect(matchChoice("三级医院", choices)).toEqual({ kind: "choice", choice: choices[2] });
  });
  it("refuses a number out of range, unless the question wants an amount", () => {
    expect(matchChoice("4", choices)).toEqual({ kind: "out_of_range", n: 3 });
    expect(matchChoice("0", choices)).toEqual({ kind: "out_of_range", n: 3 });
    expect(matchChoice("4", choices, true)).toEqual({ kind: "none" });
    expect(matchChoice("随便说说", choices)).toEqual({ kind: "none" });
    expect(matchChoice("1", [])).toEqual({ kind: "none" });
  });
});

describe("coming back after a long pause", () => {
  it("says the conversation carries on where it was", () => {
    const t0 = new Date("2025-08-01T08:00:00Z");
    const first = handleMessage(null, { type: "command", name: "estimate" }, t0);
    const soon = handleMessage(first.stored, { type: "text", text: "苏州" }, new Date("2025-08-01T08:05:00Z"));
    expect(soon.replies[0]!.text).not.toBe(m.welcomeBackFlow);
    const later = handleMessage(first.stored, { type: "text", text: "苏州" }, new Date("2025-08-03T08:00:00Z"));
    expect(later.replies[0]!.text).toBe(m.welcomeBackFlow);
    expect(later.replies.at(-1)!.text).toContain(m.ask.scheme);
  });
});
