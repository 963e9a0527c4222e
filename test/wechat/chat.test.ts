/** What a person sees in WeChat: numbered choices, events, messages that are not text, forgetting. */
import { afterEach, describe, expect, it } from "vitest";
import { MAX_MENU_ITEMS, renderCustom, renderReplies, replyText, splitText } from "../../src/channels/wechat/render.ts";
import { handleMessage } from "../../src/conversation/index.ts";
import { conversationKeys, startHarness, type Harness } from "./harness.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const stored = (h: Harness) => conversationKeys(h.store);

/** The flow a person's stored conversation is in ("menu" when none). */
async function flowOf(h: Harness, key: string): Promise<string> {
  const entry = await h.store.get(key);
  const record = JSON.parse(entry!.value) as { c: string };
  return (JSON.parse(record.c) as { snapshot: { value: string } }).snapshot.value;
}

describe("rendering", () => {
  it("lists choices by number with how to pick one, and no HTML", () => {
    const text = replyText({ text: "请选一项：", choices: [{ id: "a", label: "备案怎么办" }, { id: "b", label: "估算能报多少" }], sources: ["某市医保局通知 <2024>"] });
    expect(text).toBe("请选一项：\n1. 备案怎么办\n2. 估算能报多少\n（回复数字即可）\n来源：某市医保局通知 <2024>");
  });

  it("says each source once: those the text names already (an estimate's numbered line) are not listed again", async () => {
    const reply = { text: "医保基金支付：100 元\n来源：[1] 甲市医保局通知（可信度高）", sources: ["甲市医保局通知", "乙省医保局答复"] };
    expect(replyText(reply)).toBe("医保基金支付：100 元\n来源：[1] 甲市医保局通知（可信度高）\n来源：乙省医保局答复");
    // A real estimate, from the conversation itself.
    const replies = handleMessage(null, { type: "text", text: "苏州职工 在上海住院花了8万 备案了" }, new Date("2025-08-01T12:00:00Z")).replies;
    const estimate = replies.find((r) => r.text.includes("医保基金支付"));
    expect(estimate!.sources!.length).toBeGreaterThan(0);
    const shown = renderReplies([estimate!]).join("\n");
    for (const title of estimate!.sources!) expect(shown.split(title).length - 1).toBe(1);
    expect(shown.match(/来源：/g)).toHaveLength(1);
  });

  it("splits by paragraph, then line, then character, each part within the byte limit", () => {
    const para = "一".repeat(300);
    expect(splitText(`${para}\n\n${para}\n\n${para}`, 2048)).toEqual([`${para}\n\n${para}`, para]);
    const oneLine = "二".repeat(1000);
    const parts = splitText(oneLine, 2048);
    expect(parts.every((p) => Buffer.byteLength(p) <= 2048)).toBe(true);
    expect(parts.join("")).toBe(oneLine);
    expect(renderReplies([{ text: "  " }])).toEqual(["好的。"]);
  });

  it("through 客服消息, the newest choices are a menu of clickable items under the last part; sources stay in the text", () => {
    const choices = [{ id: "s:employee", label: "职工医保" }, { id: "s:resident", label: "居民医保" }];
    const out = renderCustom([{ text: "已记下：苏州。" }, { text: "您参加的是职工医保还是居民医保？", choices, sources: ["某市医保局通知"] }]);
    expect(out).toEqual([
      {
        kind: "menu",
        head: "已记下：苏州。\n\n您参加的是职工医保还是居民医保？\n来源：某市医保局通知",
        items: [{ id: "1", content: "职工医保" }, { id: "2", content: "居民医保" }],
        tail: "点选上面的一项即可",
      },
    ]);
    // A long reply: the parts before as text, the menu under the last one.
    const para = "三".repeat(600);
    const long = renderCustom([{ text: `${para}\n\n${para}`, choices }]);
    expect(long.map((x) => x.kind)).toEqual(["text", "menu"]);
    // No choices, or more than a menu holds: numbered text as before.
    expect(renderCustom([{ text: "好的" }])).toEqual([{ kind: "text", content: "好的" }]);
    const many = Array.from({ length: MAX_MENU_ITEMS + 1 }, (_, i) => ({ id: `c${i}`, label: `第${i + 1}项` }));
    expect(renderCustom([{ text: "选一项", choices: many }])).toEqual(renderReplies([{ text: "选一项", choices: many }]).map((content) => ({ kind: "text", content })));
  });
});

describe("a conversation in WeChat", () => {
  it("offers numbered choices and takes the number, the choice's words or free text", async () => {
    h = await startHarness();
    const menu = await h.wx.push({ from: "oChoice", type: "text", content: "你好" });
    expect(menu.reply).toMatch(/1\. 我属于哪种异地就医\n2\. 备案怎么办\n3\. 估算能报多少\n4\. 手工报销要哪些材料\n（回复数字即可）/);
    const byNumber = await h.wx.push({ from: "oChoice", type: "text", content: "3" });
    expect(byNumber.reply).toMatch(/参保/);
    // A number outside the question's choices is not taken for one.
    const cancel = await h.wx.push({ from: "oChoice", type: "text", content: "取消" });
    expect(cancel.reply).toMatch(/已取消/);
    const byWords = await h.wx.push({ from: "oChoice", type: "text", content: "手工报销要哪些材料" });
    expect(byWords.reply).toMatch(/为什么没能在医院直接结算？\n1\. 没有备案/);
    expect(await flowOf(h, stored(h)[0]!)).toBe("claim");
    const free = await h.wx.push({ from: "oFree", type: "text", content: "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少" });
    expect(free.reply).toMatch(/元/);
    expect(h.wx.problems).toEqual([]);
  });

  it("greets a new follower with what it can do, and forgets them when they unfollow", async () => {
    h = await startHarness();
    const hello = await h.wx.push({ from: "oFollow", type: "event", event: "subscribe" });
    expect(hello.reply).toMatch(/^感谢关注！/);
    expect(hello.reply).toMatch(/备案.*能报多少.*报销/s);
    expect(hello.reply).toMatch(/回复数字即可/);
    await h.wx.push({ from: "oFollow", type: "text", content: "2" });
    expect(stored(h)).toHaveLength(1);
    const bye = await h.wx.push({ from: "oFollow", type: "event", event: "unsubscribe" });
    expect(bye.reply).toBe("success");
    expect(stored(h)).toEqual([]);
    expect(h.wx.problems).toEqual([]);
  });

  it("forgets on request, as /forget does", async () => {
    h = await startHarness();
    await h.wx.push({ from: "oForget", type: "text", content: "3" });
    expect(stored(h)).toHaveLength(1);
    const r = await h.wx.push({ from: "oForget", type: "text", content: "删除我的记录" });
    expect(r.reply).toMatch(/已删除/);
    expect(stored(h)).toEqual([]);
  });

  it("opens the matching flow on a menu click", async () => {
    h = await startHarness();
    const flows: string[] = [];
    for (const key of ["estimate", "register", "claim"]) {
      const r = await h.wx.push({ from: `oClick-${key}`, type: "event", event: "CLICK", eventKey: key });
      expect(r.reply).toMatch(/参保|为什么/);
      const latest = stored(h).at(-1)!;
      flows.push(await flowOf(h, latest));
    }
    expect(flows).toEqual(["estimate", "registration", "claim"]);
    const view = await h.wx.push({ from: "oClick4", type: "event", event: "VIEW", eventKey: "https://example.org/" });
    expect(view.reply).toBe("success");
  });

  it("reads a voice message by its recognition text; asks for typing for voice without it, pictures and locations", async () => {
    h = await startHarness();
    const voice = await h.wx.push({ from: "oVoice", type: "voice", recognition: "估算能报多少" });
    expect(voice.reply).toMatch(/参保/);
    for (const m of [{ type: "voice" as const }, { type: "image" as const }, { type: "location" as const }]) {
      const r = await h.wx.push({ from: "oOther", ...m });
      expect(r.reply).toMatch(/请打字告诉我/);
      expect(r.reply).toMatch(/例如/);
    }
    expect(stored(h).length).toBe(1);
    expect(h.wx.problems).toEqual([]);
  });

  it("keeps each person's conversation under a keyed hash, never the openid", async () => {
    h = await startHarness();
    await h.wx.push({ from: "oPrivateOpenId123", type: "text", content: "3" });
    const keys = stored(h);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^wx:[A-Za-z0-9_-]{32}$/);
    expect(keys[0]).not.toContain("oPrivateOpenId123");
    expect(h.logs.join("")).not.toContain("oPrivateOpenId123");
  });
});
