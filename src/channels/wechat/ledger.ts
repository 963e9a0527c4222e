/**
 * What became of each push, so that the platform's retries (the same push again after five
 * seconds, three tries in all) neither run a turn twice nor lose its reply. A push is claimed
 * before its turn runs; a retry that finds the claim waits for the outcome: the reply that went
 * back passively (sent again: the platform lost the first response), or "async" (the reply goes
 * through 客服消息; the retry is answered `success`).
 *
 * Kept in the conversation store beside the conversation, one small record per person (their
 * last pushes), so it is shared by every instance when the store is Redis and survives a restart
 * when it is SQLite; written with the store's compare-and-set like the conversation itself.
 */
import { z } from "zod";
import type { ConversationStore } from "../../conversation/index.ts";

export type Outcome = { kind: "passive"; content: string } | { kind: "async" };
export type LedgerEntry = { kind: "running" } | Outcome | { kind: "done" };

export interface PushLedger {
  /** Claims the push for this caller: null when claimed now, else what is already known of it. */
  claim(chatId: string, push: string): Promise<LedgerEntry | null>;
  get(chatId: string, push: string): Promise<LedgerEntry | null>;
  finish(chatId: string, push: string, outcome: Outcome): Promise<void>;
  /** Drops a claim whose turn failed before it changed anything, so a retry may run it again. */
  release(chatId: string, push: string): Promise<void>;
  /** Everything kept for the person (unsubscribe, 删除我的记录). */
  forget(chatId: string): Promise<void>;
}

/**
 * A claim outlives the platform's last retry (about 15 s after the first try) with room to
 * spare; if the instance holding it dies, the push is tried afresh once it lapses.
 */
export const CLAIM_MS = 60_000;
/** A passive reply is kept this long for a retry to send again, then only the fact that it was sent. */
export const CONTENT_MS = 2 * 60_000;
/** The pushes remembered per person: far more than can be in flight at once. */
export const RECENT = 16;

const Item = z.union([
  z.object({ s: z.literal("r"), at: z.number() }),
  z.object({ s: z.literal("p"), c: z.string(), at: z.number() }),
  z.object({ s: z.enum(["a", "d"]), at: z.number() }),
]);
const Row = z.record(z.string(), Item);
type Row = z.infer<typeof Row>;
type Item = z.infer<typeof Item>;

const MAX_ATTEMPTS = 12;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class StoreLedger implements PushLedger {
  constructor(private store: ConversationStore, private clock: () => number = Date.now) {}

  private key(chatId: string): string {
    return `${chatId}:pushes`;
  }

  private decode(value: string | undefined): Row {
    if (value === undefined) return {};
    try {
      const parsed = Row.safeParse(JSON.parse(value));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  /** What an item still says now: a lapsed claim says nothing; an old reply only that it was sent. */
  private live(item: Item | undefined, now: number): Item | undefined {
    if (!item) return undefined;
    if (item.s === "r" && now - item.at > CLAIM_MS) return undefined;
    if (item.s === "p" && now - item.at > CONTENT_MS) return { s: "d", at: item.at };
    return item;
  }

  private entryOf(item: Item): LedgerEntry {
    return item.s === "r" ? { kind: "running" } : item.s === "p" ? { kind: "passive", content: item.c } : item.s === "a" ? { kind: "async" } : { kind: "done" };
  }

  /** Read, change, compare-and-set; `change` returning null writes nothing. */
  private async update(chatId: string, change: (row: Row, now: number) => Row | null): Promise<void> {
    const key = this.key(chatId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const entry = await this.store.get(key);
      const now = this.clock();
      const next = change(this.decode(entry?.value), now);
      if (next === null) return;
      // The newest few, each as much as it still needs to say.
      const kept = Object.entries(next)
        .map(([k, v]) => [k, this.live(v, now)] as const)
        .filter((e): e is readonly [string, Item] => e[1] !== undefined)
        .sort((a, b) => b[1].at - a[1].at)
        .slice(0, RECENT);
      if ((await this.store.set(key, JSON.stringify(Object.fromEntries(kept)), entry?.version ?? null)) !== null) return;
      await pause(Math.random() * Math.min(2 ** attempt, 50));
    }
    throw new Error("push ledger: gave up after conflicting writes");
  }

  async claim(chatId: string, push: string): Promise<LedgerEntry | null> {
    let found: Item | undefined;
    await this.update(chatId, (row, now) => {
      found = this.live(row[push], now);
      return found ? null : { ...row, [push]: { s: "r", at: now } };
    });
    return found ? this.entryOf(found) : null;
  }

  async get(chatId: string, push: string): Promise<LedgerEntry | null> {
    const entry = await this.store.get(this.key(chatId));
    const item = this.live(this.decode(entry?.value)[push], this.clock());
    return item ? this.entryOf(item) : null;
  }

  async finish(chatId: string, push: string, outcome: Outcome): Promise<void> {
    await this.update(chatId, (row, now) => ({ ...row, [push]: outcome.kind === "passive" ? { s: "p", c: outcome.content, at: now } : { s: "a", at: now } }));
  }

  async release(chatId: string, push: string): Promise<void> {
    await this.update(chatId, (row) => {
      if (!(push in row)) return null;
      const { [push]: _dropped, ...rest } = row;
      return rest;
    });
  }

  async forget(chatId: string): Promise<void> {
    await this.store.delete(this.key(chatId));
  }
}
