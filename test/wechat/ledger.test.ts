/** The push ledger: claims, outcomes, what lapses and when, and how much is kept per person. */
import { describe, expect, it } from "vitest";
import { CLAIM_MS, CONTENT_MS, FLUSH_SLICE, RECENT, StoreLedger, WRITE_BEHIND_MS } from "../../src/channels/wechat/ledger.ts";
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

  /** A store that counts its writes. */
  function countingStore(clock: () => number) {
    const store = new MemoryStore(undefined, clock);
    const counts = { sets: 0 };
    const counted = Object.assign(Object.create(store), { set: (k: string, v: string, e: number | null) => (counts.sets++, store.set(k, v, e)) }) as MemoryStore;
    return { store, counted, counts };
  }

  it("a noted outcome is known at once here, and written with the person's next claim: one write per push", async () => {
    let now = 1_000_000;
    const { store, counted, counts } = countingStore(() => now);
    const a = new StoreLedger(counted, () => now);
    const b = new StoreLedger(store, () => now);
    expect(await a.claim("wx:a", "p1")).toBeNull();
    a.note("wx:a", "p1", { kind: "passive", content: "一" });
    // Here it is known at once (a retry reaching this instance); elsewhere the claim still shows.
    expect(await a.claim("wx:a", "p1")).toEqual({ kind: "passive", content: "一" });
    expect(await a.get("wx:a", "p1")).toEqual({ kind: "passive", content: "一" });
    expect(await b.get("wx:a", "p1")).toEqual({ kind: "running" });
    expect(await a.claim("wx:a", "p2")).toBeNull();
    a.note("wx:a", "p2", { kind: "async" });
    expect(await a.claim("wx:a", "p3")).toBeNull();
    // Three pushes, three writes: each claim carried the outcome before it.
    expect(counts.sets).toBe(3);
    expect(await b.get("wx:a", "p1")).toEqual({ kind: "passive", content: "一" });
    expect(await b.get("wx:a", "p2")).toEqual({ kind: "async" });
    expect(await b.get("wx:a", "p3")).toEqual({ kind: "running" });
    await a.flush();
    expect(counts.sets).toBe(3);
  });

  it("a noted outcome reaches the store on its own shortly after, for a retry at another instance", async () => {
    const { store } = countingStore(Date.now);
    const a = new StoreLedger(store);
    const b = new StoreLedger(store);
    expect(await a.claim("wx:a", "p1")).toBeNull();
    a.note("wx:a", "p1", { kind: "passive", content: "一" });
    expect(await b.get("wx:a", "p1")).toEqual({ kind: "running" });
    // Well before the platform's retry (5 s): generous, so that a loaded machine does not fail it.
    const until = Date.now() + 4000;
    while ((await b.get("wx:a", "p1"))?.kind === "running" && Date.now() < until) await new Promise((r) => setTimeout(r, WRITE_BEHIND_MS / 5));
    expect(await b.get("wx:a", "p1")).toEqual({ kind: "passive", content: "一" });
    expect(await b.claim("wx:a", "p1")).toEqual({ kind: "passive", content: "一" });
  });

  it("writes the outcomes behind a slice of people at a time, letting the event loop turn in between, and loses none", async () => {
    let now = 1_000_000;
    const { store, counted, counts } = countingStore(() => now);
    const a = new StoreLedger(counted, () => now);
    const people = FLUSH_SLICE * 3 + 1;
    for (let i = 0; i < people; i++) {
      await a.claim(`wx:${i}`, "p1");
      a.note(`wx:${i}`, "p1", { kind: "passive", content: `回复${i}` });
    }
    const claims = counts.sets;
    // What another request would see of the loop: a callback queued as the write-behind starts.
    const seen: number[] = [];
    const watch = () => {
      seen.push(counts.sets - claims);
      if (counts.sets - claims < people) setImmediate(watch);
    };
    setImmediate(watch);
    // A person's next push in between carries their outcome itself; the write-behind skips them.
    const flushed = a.flush();
    await new Promise((r) => setImmediate(r));
    await a.claim(`wx:${people - 1}`, "p2");
    await flushed;
    // One write per person: the last one's claim carried their outcome.
    expect(counts.sets - claims).toBe(people);
    // The loop turned between slices: after the first slice and before the last.
    expect(seen.some((n) => n >= FLUSH_SLICE && n < people)).toBe(true);
    expect(Math.max(...seen.map((n, i) => n - (seen[i - 1] ?? 0)))).toBeLessThanOrEqual(FLUSH_SLICE + 1);
    const other = new StoreLedger(store, () => now);
    for (let i = 0; i < people; i++) expect(await other.get(`wx:${i}`, "p1")).toEqual({ kind: "passive", content: `回复${i}` });
    expect(await other.get(`wx:${people - 1}`, "p2")).toEqual({ kind: "running" });
  });

  it("flush writes what was noted; forget drops it", async () => {
    let now = 1_000_000;
    const { store } = countingStore(() => now);
    const a = new StoreLedger(store, () => now);
    const b = new StoreLedger(store, () => now);
    await a.claim("wx:a", "p1");
    a.note("wx:a", "p1", { kind: "async" });
    await a.claim("wx:b", "p1");
    a.note("wx:b", "p1", { kind: "passive", content: "乙" });
    await a.flush();
    expect(await b.get("wx:a", "p1")).toEqual({ kind: "async" });
    expect(await b.get("wx:b", "p1")).toEqual({ kind: "passive", content: "乙" });
    await a.claim("wx:a", "p2");
    a.note("wx:a", "p2", { kind: "passive", content: "二" });
    await a.forget("wx:a");
    await a.flush();
    expect(await store.get("wx:a:pushes")).toBeNull();
    expect(await a.get("wx:a", "p2")).toBeNull();
  });
});

describe("push ledger: where a reply's text is kept", () => {
  it("the record says a push was answered; its text is in the log beside it, written with the record, read back for a retry", async () => {
    let now = 1_000_000;
    const store = new MemoryStore(undefined, () => now);
    const a = new StoreLedger(store, () => now);
    const b = new StoreLedger(store, () => now);
    const text = "您在苏州参保，回复数字即可：\n1. 职工医保\n2. 居民医保";
    expect(await a.claim("wx:a", "p1")).toBeNull();
    a.note("wx:a", "p1", { kind: "passive", content: text });
    expect(await a.claim("wx:a", "p2")).toBeNull();
    const record = (await store.get("wx:a:pushes"))!.value;
    expect(record).not.toContain("职工医保");
    expect(JSON.parse(record)).toEqual({ p1: { s: "p", at: now }, p2: { s: "r", at: now } });
    expect((await store.lines("wx:a:pushes")).map((l) => JSON.parse(l.value))).toEqual([{ p: "p1", c: text }]);
    // Another instance (or this one after a restart) answers the retry with the same text.
    expect(await b.claim("wx:a", "p1")).toEqual({ kind: "passive", content: text });
    // Once no retry can come, only the fact that it was answered.
    now += CONTENT_MS + 1;
    expect(await b.get("wx:a", "p1")).toEqual({ kind: "done" });
    // Forgetting the person removes the texts too.
    await a.forget("wx:a");
    expect(await store.lines("wx:a:pushes")).toEqual([]);
  });

  it("reads a record written by an earlier version, with the texts inside it, and moves them to the log", async () => {
    let now = 1_000_000;
    const store = new MemoryStore(undefined, () => now);
    await store.set("wx:a:pushes", JSON.stringify({ p1: { s: "p", c: "旧的回复", at: now } }), null);
    const a = new StoreLedger(store, () => now);
    expect(await a.claim("wx:a", "p1")).toEqual({ kind: "passive", content: "旧的回复" });
    expect(await a.claim("wx:a", "p2")).toBeNull();
    expect((await store.get("wx:a:pushes"))!.value).not.toContain("旧的回复");
    expect(await new StoreLedger(store, () => now).get("wx:a", "p1")).toEqual({ kind: "passive", content: "旧的回复" });
  });
});
