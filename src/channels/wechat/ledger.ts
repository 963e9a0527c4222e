/**
 * What became of each push, so that the platform's retries (the same push again after five
 * seconds, three tries in all) neither run a turn twice nor lose its reply. A push is claimed
 * before its turn runs; a retry that finds the claim waits for the outcome: the reply that went
 * back passively (sent again, the platform lost the first response), or "async" (the reply goes
 * through 客服消息; the retry is answered `success`). In Redis when several instances share the
 * account, else in process.
 */
import type { Redis } from "ioredis";

export type Outcome = { kind: "passive"; content: string } | { kind: "async" };
export type LedgerEntry = { kind: "running" } | Outcome;

export interface PushLedger {
  /** Claims the push for this caller: null when claimed now, else what is already known of it. */
  claim(key: string): Promise<LedgerEntry | null>;
  get(key: string): Promise<LedgerEntry | null>;
  finish(key: string, outcome: Outcome): Promise<void>;
  /** Drops a claim whose turn failed before it changed anything, so a retry may run it again. */
  release(key: string): Promise<void>;
}

/**
 * A claim outlives the platform's last retry (about 15 s after the first try) with room to
 * spare; if the instance holding it dies, the push is tried afresh once it lapses.
 */
export const CLAIM_MS = 60_000;
/** Outcomes are kept well past the last retry: a late duplicate still finds its reply. */
export const OUTCOME_MS = 10 * 60_000;

export class MemoryLedger implements PushLedger {
  private entries = new Map<string, { entry: LedgerEntry; until: number }>();
  private writes = 0;
  constructor(private clock: () => number = Date.now) {}

  async get(key: string): Promise<LedgerEntry | null> {
    const row = this.entries.get(key);
    if (!row) return null;
    if (row.until <= this.clock()) {
      this.entries.delete(key);
      return null;
    }
    return row.entry;
  }

  async claim(key: string): Promise<LedgerEntry | null> {
    const existing = await this.get(key);
    if (existing) return existing;
    this.put(key, { kind: "running" }, CLAIM_MS);
    return null;
  }

  async finish(key: string, outcome: Outcome): Promise<void> {
    this.put(key, outcome, OUTCOME_MS);
  }

  async release(key: string): Promise<void> {
    this.entries.delete(key);
  }

  private put(key: string, entry: LedgerEntry, ms: number): void {
    this.entries.set(key, { entry, until: this.clock() + ms });
    if (++this.writes % 1000 === 0) {
      const now = this.clock();
      for (const [k, row] of this.entries) if (row.until <= now) this.entries.delete(k);
    }
  }
}

export class RedisLedger implements PushLedger {
  constructor(private client: Redis, private prefix: string) {}

  private decode(raw: string | null): LedgerEntry | null {
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as LedgerEntry;
    } catch {
      return null;
    }
  }

  async claim(key: string): Promise<LedgerEntry | null> {
    const k = this.prefix + key;
    // SET NX: one atomic step, so of two instances given the same push only one runs it.
    const ok = await this.client.set(k, JSON.stringify({ kind: "running" }), "PX", CLAIM_MS, "NX");
    if (ok === "OK") return null;
    return (await this.get(key)) ?? { kind: "running" };
  }

  async get(key: string): Promise<LedgerEntry | null> {
    return this.decode(await this.client.get(this.prefix + key));
  }

  async finish(key: string, outcome: Outcome): Promise<void> {
    await this.client.set(this.prefix + key, JSON.stringify(outcome), "PX", OUTCOME_MS);
  }

  async release(key: string): Promise<void> {
    await this.client.del(this.prefix + key);
  }
}
