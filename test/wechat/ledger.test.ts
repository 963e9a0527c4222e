/** The push ledger: claims, outcomes, what lapses and when, and how much is kept per person. */
import { describe, expect, it } from "vitest";
import { CLAIM_MS, CONTENT_MS, RECENT, StoreLedger } from "../../src/channels/wechat/ledger.ts";
import { MemoryStore } from "../../src/store/index.ts";

describe("push ledger", () => {
  it("lets a push through once, then tells what became of it", async () => {
    let now = 1_000_000;
    const ledger = new StoreLedger(new MemoryStore(undefined, () => now), () => now);
    expect(await ledger.claim("wx:a", "p1")).toBeNull();
    expect(await ledger.claim("wx:a", "p1")).toEqual({ kind: "running" });
    // Another person's push of the same key is theirs.
    expect(await ledger.claim("wx:b", "p1")).toBeNull();
    await ledger.finish("wx:a", "p1", { kind: "passive", content: "您好" });
    expect(await ledger.claim("wx:a", "p1")).toEqual({ kind: "passive", content: "您好" });
    now += CONTENT_MS + 1;
    // Long after, the reply is no longer kept, but the push is still known as done.
    expect(await ledger.claim("wx:a", "p1")).toEqual({ kind: "done" });
  });

  it("gives a claim up when its instance never finished it, and frees a released one at once", async () => {
    let now = 1_000_000;
    const ledger = new StoreLedger(new MemoryStore(undefined, () => now), () => now);
    expect(await ledger.claim("wx:a", "p1")).toBeNull();
    now += CLAIM_MS + 1;
    expect(await ledger.claim("wx:a", "p1")).toBeNull();
    await ledger.release("wx:a", "p1");
    expect(await ledger.claim("wx:a", "p1")).toBeNull();
  });

  it("keeps only the most recent pushes of a person, and forgets them all on request", async () => {
    let now = 1_000_000;
    const store = new MemoryStore(undefined, () => now);
    const ledger = new StoreLedger(store, () => now);
    for (let i = 0; i < RECENT + 5; i++) {
      now += 10;
      await ledger.claim("wx:a", `p${i}`);
      await ledger.finish("wx:a", `p${i}`, { kind: "async" });
    }
    expect(Object.keys(JSON.parse((await store.get("wx:a:pushes"))!.value))).toHaveLength(RECENT);
    expect(await ledger.get("wx:a", `p${RECENT + 4}`)).toEqual({ kind: "async" });
    expect(await ledger.get("wx:a", "p0")).toBeNull();
    await ledger.forget("wx:a");
    expect(await store.get("wx:a:pushes")).toBeNull();
  });

  it("writes on top of the row it last wrote without reading it, and still sees what another instance wrote", async () => {
    let now = 1_000_000;
    const store = new MemoryStore(undefined, () => now);
    let reads = 0;
    const counted = Object.assign(Object.create(store), { get: (k: string) => (reads++, store.get(k)) });
    const a = new StoreLedger(counted, () => now);
    const b = new StoreLedger(store, () => now);
    expect(await a.claim("wx:a", "p1")).toBeNull();
    await a.finish("wx:a", "p1", { kind: "passive", content: "一" });
    expect(await a.claim("wx:a", "p2")).toBeNull();
    await a.finish("wx:a", "p2", { kind: "async" });
    // One read for the person's first push, none after: the compare-and-set vouched for the row.
    expect(reads).toBe(1);
    // The other instance takes a push of the same person: a's remembered row is out of date now.
    expect(await b.claim("wx:a", "p3")).toBeNull();
    await b.finish("wx:a", "p3", { kind: "passive", content: "三" });
    expect(await a.claim("wx:a", "p3")).toEqual({ kind: "passive", content: "三" });
    // a writes on top of b's entries, not over them.
    expect(await a.claim("wx:a", "p4")).toBeNull();
    await a.finish("wx:a", "p4", { kind: "passive", content: "四" });
    for (const [push, entry] of [["p1", { kind: "passive", content: "一" }], ["p2", { kind: "async" }], ["p3", { kind: "passive", content: "三" }], ["p4", { kind: "passive", content: "四" }]] as const)
      expect(await b.get("wx:a", push)).toEqual(entry);
  });

  it("never answers a duplicate from its remembered row: a person forgotten elsewhere is claimed afresh", async () => {
    let now = 1_000_000;
    const store = new MemoryStore(undefined, () => now);
    const a = new StoreLedger(store, () => now);
    const b = new StoreLedger(store, () => now);
    expect(await a.claim("wx:a", "p1")).toBeNull();
    await b.forget("wx:a");
    expect(await a.claim("wx:a", "p1")).toBeNull();
    expect(await b.claim("wx:a", "p1")).toEqual({ kind: "running" });
    // A release by a that b's write made out of date still drops the claim in the store.
    await b.finish("wx:a", "p2", { kind: "async" });
    await a.release("wx:a", "p1");
    expect(await b.get("wx:a", "p1")).toBeNull();
    expect(await b.get("wx:a", "p2")).toEqual({ kind: "async" });
  });
});
