/** Two instances behind one account, sharing one Redis: one conversation, each push applied once, one token. */
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, inject, it } from "vitest";
import { storeConversation } from "../../src/channels/wechat/conversation.ts";
import { idsFor } from "../../src/channels/wechat/ids.ts";
import { RedisStore } from "../../src/store/index.ts";
import { fixedConversation, gatedConversation, SECRET, startHarness, type Harness, type HarnessOptions } from "./harness.ts";

const open: Harness[] = [];
afterEach(async () => {
  for (const h of open.splice(0).reverse()) await h.close();
});

/** Two instances of one account (its own appid, so tests on the shared Redis stay apart). */
async function pair(a: HarnessOptions = {}, b: HarnessOptions = {}): Promise<[Harness, Harness]> {
  const appId = `wx${randomBytes(8).toString("hex")}`;
  const prefix = `wxinst${Date.now()}${randomBytes(3).toString("hex")}:`;
  const redisUrl = inject("redisUrl");
  const first = await startHarness({ appId, redisUrl, store: await RedisStore.connect(redisUrl, { prefix }), ...a });
  open.push(first);
  const second = await startHarness({ appId, redisUrl, store: await RedisStore.connect(redisUrl, { prefix }), wx: first.wx, ...b });
  open.push(second);
  return [first, second];
}

const contentOf = (xml: string | undefined) => /<Content><!\[CDATA\[([\s\S]*?)\]\]><\/Content>/.exec(xml ?? "")?.[1];

describe("two instances on one Redis", () => {
  it("carry one conversation, and a push redelivered to the other instance is answered the same and applied once", async () => {
    const [a, b] = await pair();
    const msgId = a.wx.nextMsgId();
    const first = await a.wx.push({ from: "oPair", type: "text", content: "3", msgId }, { target: a.url });
    expect(first.reply).toMatch(/参保/);
    const key = idsFor(SECRET).chat("oPair");
    const v1 = (await a.store.get(key))!.version;
    const again = await a.wx.push({ from: "oPair", type: "text", content: "3", msgId }, { target: b.url });
    expect(again.reply).toBe(first.reply);
    expect((await b.store.get(key))!.version).toBe(v1);
    const next = await a.wx.push({ from: "oPair", type: "text", content: "苏州" }, { target: b.url });
    expect(next.reply).toMatch(/职工医保还是居民医保/);
    expect(a.wx.problems).toEqual([]);
  });

  it("one push arriving at both at once runs on one of them; the other waits and gives the same reply", async () => {
    let gate!: ReturnType<typeof gatedConversation>;
    let other!: ReturnType<typeof gatedConversation>;
    const [a, b] = await pair(
      { conversation: (store) => (gate = gatedConversation(storeConversation(store))).conversation },
      { conversation: (store) => (other = gatedConversation(storeConversation(store))).conversation },
    );
    other.open();
    const { url, body } = a.wx.signedPush({ from: "oBoth", type: "text", content: "你好", msgId: a.wx.nextMsgId() }, Math.floor(Date.now() / 1000));
    const toA = a.wx.post(url, body, 10_000);
    // a has claimed it (its turn is at the gate) before b hears of it.
    while (gate.calls() === 0) await new Promise((r) => setTimeout(r, 10));
    const toB = a.wx.post(url.replace(a.url, b.url), body, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    gate.open();
    const [ra, rb] = await Promise.all([toA, toB]);
    expect(contentOf(ra.body)).toContain("异地就医助手");
    expect(contentOf(rb.body)).toBe(contentOf(ra.body));
    expect(gate.done()).toBe(1);
    expect(other.calls()).toBe(0);
  });

  it("share one access token: one fetch for both, and one refresh after it expires (no storm)", async () => {
    const long = Array.from({ length: 4 }, (_, i) => `第${i + 1}段 ${"备案以后按就医地目录结算。".repeat(40)}`).join("\n\n");
    const [a, b] = await pair({ conversation: () => fixedConversation([{ text: long }]) }, { conversation: () => fixedConversation([{ text: long }]) });
    const round = async (n: number) => {
      await Promise.all([
        a.wx.push({ from: `oTokA${n}`, type: "text", content: "一" }, { target: a.url }),
        a.wx.push({ from: `oTokB${n}`, type: "text", content: "一" }, { target: b.url }),
      ]);
      await a.wx.waitFor(`oTokA${n}`, 3);
      await a.wx.waitFor(`oTokB${n}`, 3);
    };
    await round(1);
    expect(a.wx.tokenCalls()).toHaveLength(1);
    a.wx.expireTokens();
    await round(2);
    expect(a.wx.tokenCalls()).toHaveLength(2);
    expect(a.wx.problems).toEqual([]);
  });
});
