/** Five seconds and three tries: duplicates, retries of a running turn, slow turns, long replies, the token. */
import { afterEach, describe, expect, it } from "vitest";
import { storeConversation } from "../../src/channels/wechat/conversation.ts";
import { MAX_CONTENT_BYTES } from "../../src/channels/wechat/render.ts";
import { MemoryStore } from "../../src/store/index.ts";
import { conversationKeys, fixedConversation, gatedConversation, sleep, startHarness, type Harness } from "./harness.ts";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/** A reply of `n` paragraphs of about 700 bytes each, numbered so their order can be checked. */
function longText(n: number): string {
  return Array.from({ length: n }, (_, i) => `第${i + 1}段：${"异地就医备案以后，住院费用按就医地目录结算。".repeat(10)}`).join("\n\n");
}

/** The version of the one person's stored conversation. */
async function version(h: Harness): Promise<number | undefined> {
  const keys = conversationKeys(h.store);
  expect(keys).toHaveLength(1);
  return (await h.store.get(keys[0]!))?.version;
}

describe("duplicates", () => {
  it("a replayed MsgId gets the same reply and is applied once", async () => {
    h = await startHarness();
    const msgId = h.wx.nextMsgId();
    const first = await h.wx.push({ from: "oDup", type: "text", content: "我在苏州交的职工医保", msgId });
    const v1 = await version(h);
    const again = await h.wx.push({ from: "oDup", type: "text", content: "我在苏州交的职工医保", msgId });
    expect(again.reply).toBe(first.reply);
    expect(await version(h)).toBe(v1);
    // A different message does change it.
    await h.wx.push({ from: "oDup", type: "text", content: "上海" });
    expect(await version(h)).not.toBe(v1);
    expect(h.wx.problems).toEqual([]);
  });

  it("a redelivery reaching a restarted instance gets the same reply and is not applied again (the ledger is in the store)", async () => {
    const store = new MemoryStore();
    h = await startHarness({ store });
    const msgId = h.wx.nextMsgId();
    await h.wx.push({ from: "oDup2", type: "text", content: "估算能报多少", msgId });
    const v1 = await version(h);
    await h.close();
    h = await startHarness({ store });
    const again = await h.wx.push({ from: "oDup2", type: "text", content: "估算能报多少", msgId });
    expect(again.reply).toMatch(/参保/);
    expect(await version(h)).toBe(v1);
  });

  it("retries of a turn still running wait for it and get its reply; the turn runs once", async () => {
    let gate!: ReturnType<typeof gatedConversation>;
    h = await startHarness({
      // The platform gives up quickly here; the server would wait long.
      timeoutsMs: [300, 300, 20_000],
      replyDeadlineMs: 60_000,
      conversation: (store) => (gate = gatedConversation(storeConversation(store))).conversation,
    });
    const pushing = h.wx.push({ from: "oRetry", type: "text", content: "你好" });
    await sleep(1500);
    gate.open();
    const r = await pushing;
    expect(r.attempts.map((a) => !!a.timedOut)).toEqual([true, true, false]);
    expect(r.reply).toContain("异地就医助手");
    expect(gate.calls()).toBe(1);
    expect(gate.done()).toBe(1);
    expect(h.wx.timeline("oRetry").map((s) => s.via)).toEqual(["passive"]);
    expect(h.wx.problems).toEqual([]);
  });
});

describe("a turn slower than five seconds", () => {
  it("is answered `success` at once and delivered through 客服消息", async () => {
    let gate!: ReturnType<typeof gatedConversation>;
    h = await startHarness({ conversation: (store) => (gate = gatedConversation(storeConversation(store))).conversation });
    const pushing = h.wx.push({ from: "oSlow", type: "text", content: "你好" });
    await sleep(6000);
    gate.open();
    const r = await pushing;
    expect(r.reply).toBe("success");
    const seen = await h.wx.waitFor("oSlow", 1);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.via).toBe("custom");
    expect(seen[0]!.text).toContain("异地就医助手");
    expect(gate.done()).toBe(1);
    expect(h.wx.tokenCalls()).toHaveLength(1);
    expect(h.wx.problems).toEqual([]);
  }, 30_000);
});

describe("choices through 客服消息", () => {
  it("a slow turn's choices come as a menu message of clickable items (msgmenu); a click answers the question", async () => {
    let slow: Promise<void> | undefined;
    h = await startHarness({
      replyDeadlineMs: 300,
      conversation: (store) => {
        const inner = storeConversation(store);
        return async (chatId, input) => {
          if (slow) await slow;
          return inner(chatId, input);
        };
      },
    });
    await h.wx.push({ from: "oMenu", type: "text", content: "估算能报多少" });
    let open!: () => void;
    slow = new Promise((r) => (open = r));
    const pushing = h.wx.push({ from: "oMenu", type: "text", content: "苏州" });
    await sleep(1500);
    slow = undefined;
    open();
    expect((await pushing).reply).toBe("success");
    const seen = await h.wx.waitFor("oMenu", 2);
    const menu = seen[1]!;
    expect(menu.via).toBe("custom");
    expect(menu.text).toContain("职工医保还是居民医保");
    expect(menu.text).not.toContain("回复数字");
    expect(menu.menu).toEqual(["职工医保", "居民医保"]);
    // The platform sends a click back as a text message with the item's words.
    const click = await h.wx.push({ from: "oMenu", type: "text", content: menu.menu![1]!, menuId: "2" });
    expect(click.reply).toContain("在哪里看病");
    expect(h.wx.problems).toEqual([]);
  }, 30_000);
});

describe("long replies", () => {
  it("go in parts within the size limit: the first passively, the rest through 客服消息, in order", async () => {
    const text = longText(8);
    h = await startHarness({ conversation: () => fixedConversation([{ text }]) });
    await h.wx.push({ from: "oLong", type: "text", content: "随便问问" });
    const seen = await h.wx.waitFor("oLong", 3);
    await sleep(200);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[0]!.via).toBe("passive");
    expect(seen.slice(1).every((s) => s.via === "custom")).toBe(true);
    for (const s of seen) expect(bytes(s.text)).toBeLessThanOrEqual(MAX_CONTENT_BYTES);
    // Split at paragraphs: joined back, it is the text; every paragraph whole and in order.
    expect(seen.map((s) => s.text).join("\n\n")).toBe(text);
    expect(h.wx.problems).toEqual([]);
  });

  it("keeps working when the access token expires mid-conversation: refreshed once, nothing lost", async () => {
    h = await startHarness({ conversation: () => fixedConversation([{ text: longText(4) }]) });
    await h.wx.push({ from: "oTok", type: "text", content: "一" });
    const firstRound = (await h.wx.waitFor("oTok", 2)).length;
    await sleep(200);
    expect(h.wx.tokenCalls()).toHaveLength(1);
    h.wx.expireTokens();
    await h.wx.push({ from: "oTok", type: "text", content: "二" });
    await h.wx.waitFor("oTok", firstRound * 2);
    await sleep(200);
    expect(h.wx.timeline("oTok")).toHaveLength(firstRound * 2);
    expect(h.wx.tokenCalls()).toHaveLength(2);
    const refused = h.wx.customCalls().filter((c) => c.answer.errcode !== 0);
    expect(refused.map((c) => c.answer.errcode)).toEqual([42001]);
    expect(h.wx.problems).toEqual([]);
  });
});
