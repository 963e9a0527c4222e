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
 *
 * The record holds what became of each push, not the replies: a passive reply's text goes to a
 * log under the same key, appended in the same write as the record that says it was sent
 * (`setWithLog`), and is read back only for a retry. The record is written for every push (the
 * claim), and with the replies in it it grew to the text of the person's last sixteen replies,
 * rewritten whole each time: most of the cost of a push's second write, and of what the server
 * kept in memory per person.
 */
import { z } from "zod";
import type { ConversationStore } from "../../conversation/index.ts";

export type Outcome = { kind: "passive"; content: string } | { kind: "async" };
export type LedgerEntry = { kind: "running" } | Outcome | { kind: "done" };

export interface PushLedger {
  /** Claims the push for this caller: null when claimed now, else what is already known of it. */
  claim(chatId: string, push: string): Promise<LedgerEntry | null>;
  get(chatId: string, push: string): Promise<LedgerEntry | null>;
  /** Writes the outcome of a push this caller claimed. */
  finish(chatId: string, push: string, outcome: Outcome): Promise<void>;
  /**
   * The outcome of a push this caller claimed, known here at once and written soon after: with
   * the person's next claim, or WRITE_BEHIND_MS later at the latest (see `StoreLedger.note`).
   */
  note(chatId: string, push: string, outcome: Outcome): void;
  /** Writes every noted outcome now (before shutting down). */
  flush(): Promise<void>;
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
/**
 * How long a noted outcome may wait to be written. A retry comes five seconds after its push at
 * the soonest (the platform's wait for the reply), long after this.
 */
export const WRITE_BEHIND_MS = 250;
/**
 * People noted per turn of the event loop when the outcomes are written behind. People write
 * seconds apart, so at a thousand pushes a second nearly every outcome is written here, not with
 * a next claim: 250 rows at once held the loop for 12–30 ms four times a second, and every push
 * waiting meanwhile with it. A slice of this many is about a millisecond.
 */
export const FLUSH_SLICE = 16;

// A passive reply's item may carry its text (`c`) only in memory (noted, not yet written) and in
// records written by earlier versions; stored now, the text is a line of the log.
const Item = z.union([
  z.object({ s: z.literal("r"), at: z.number() }),
  z.object({ s: z.literal("p"), c: z.string().optional(), at: z.number() }),
  z.object({ s: z.enum(["a", "d"]), at: z.number() }),
]);
const Row = z.record(z.string(), Item);
type Row = z.infer<typeof Row>;
type Item = z.infer<typeof Item>;

/** A passive reply's line in the log: the push and the text sent. */
const ReplyLine = z.object({ p: z.string(), c: z.string() });

/** The record as stored: every item without a reply's text (that is in the log). */
function serialise(row: Row): string {
  let out = "";
  for (const push in row) {
    const item = row[push]!;
    // Push keys are base64url and items hold a letter and a number: nothing to escape.
    out += `${out === "" ? "{" : ","}"${push}":{"s":"${item.s}","at":${item.at}}`;
  }
  return out === "" ? "{}" : `${out}}`;
}

/** Push keys as ids make them (base64url); any other key is written through JSON.stringify. */
const PLAIN_KEY = /^[A-Za-z0-9_-]*$/;

function serialiseAny(row: Row): string {
  for (const push in row) if (!PLAIN_KEY.test(push) || !Number.isFinite(row[push]!.at)) return JSON.stringify(row, (k, v) => (k === "c" ? undefined : v));
  return serialise(row);
}

function itemOf(outcome: Outcome, now: number): Item {
  return outcome.kind === "passive" ? { s: "p", c: outcome.content, at: now } : { s: "a", at: now };
}


const MAX_ATTEMPTS = 12;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Rows remembered per instance (see `known`): far more people than write at once, few enough
 * that the memory stays small (a row is a few KB at most).
 */
export const KNOWN_ROWS = 2048;
/** A remembered row is used for this long; after that the row is read again. */
export const KNOWN_MS = CONTENT_MS;

type Known = { row: Row; version: number | null; at: number };

export class StoreLedger implements PushLedger {
  /**
   * The row as this instance last wrote it, per person, with its version. A claim and a finish
   * write on top of it without reading first: the store's compare-and-set is the proof that it
   * is still the row in the store, and when it is not (another instance wrote, the person was
   * forgotten) the row is read afresh and the change made again. That spares a read and a parse
   * per write, two per push. What the remembered row says is never answered from: a duplicate
   * is confirmed by a read (see `claim`).
   */
  private known = new Map<string, Known>();

  /**
   * Outcomes noted and not yet written, by person and push. A person's next push usually comes
   * before the timer: its claim writes them in the same write, so a push costs one write of the
   * row instead of two.
   */
  private unwritten = new Map<string, Map<string, Item>>();
  private timer: NodeJS.Timeout | undefined;
  /** The write-behind under way: one at a time, so two never write the same person's row at once. */
  private flushing: Promise<void> | undefined;

  /** `failed` hears of a noted outcome that could not be written (it is tried again). */
  constructor(
    private store: ConversationStore,
    private clock: () => number = Date.now,
    private failed: (error: unknown) => void = () => {},
  ) {}

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
    return item.s === "r" ? { kind: "running" } : item.s === "p" ? (item.c !== undefined ? { kind: "passive", content: item.c } : { kind: "done" }) : item.s === "a" ? { kind: "async" } : { kind: "done" };
  }

  /**
   * The newest few items, each as much as it still needs to say, as the record to write; and the
   * log lines of the replies' texts that the items carry (noted here, or read from a record of an
   * earlier version), written with it.
   */
  private kept(row: Row, now: number): [Row, string[]] {
    const items: [string, Item][] = [];
    for (const push in row) {
      const item = this.live(row[push], now);
      if (item) items.push([push, item]);
    }
    if (items.length > RECENT) items.sort((a, b) => b[1].at - a[1].at).length = RECENT;
    const out: Row = {};
    const lines: string[] = [];
    for (const [push, item] of items) {
      if (item.s === "p" && item.c !== undefined) {
        lines.push(JSON.stringify({ p: push, c: item.c }));
        out[push] = { s: "p", at: item.at };
      } else {
        out[push] = item;
      }
    }
    return [out, lines];
  }

  private remembered(chatId: string, now: number): Known | undefined {
    const known = this.known.get(chatId);
    if (known && now - known.at <= KNOWN_MS) return known;
    if (known) this.known.delete(chatId);
    return undefined;
  }

  private remember(chatId: string, known: Known): void {
    this.known.delete(chatId);
    this.known.set(chatId, known);
    // The Map keeps insertion order: the first is the least recently written.
    for (const [oldest, k] of this.known) {
      if (this.known.size <= KNOWN_ROWS && known.at - k.at <= KNOWN_MS) break;
      this.known.delete(oldest);
    }
  }

  /**
   * Change, compare-and-set, on the remembered row first and else on the row as read. `change`
   * returns the row to write, null to write nothing, or "read" when it must see the row as it is
   * in the store (`fresh` says whether it does).
   */
  private async update(chatId: string, change: (row: Row, now: number, fresh: boolean) => Row | null | "read"): Promise<void> {
    const key = this.key(chatId);
    let known = this.remembered(chatId, this.clock());
    for (let attempt = 0; attempt < MAX_ATTEMPTS; known = undefined) {
      const now = this.clock();
      let row: Row;
      let version: number | null;
      if (known) {
        ({ row, version } = known);
      } else {
        const entry = await this.store.get(key);
        row = this.decode(entry?.value);
        version = entry?.version ?? null;
      }
      const next = change(row, now, !known);
      if (next === "read") {
        if (known) continue;
        throw new Error("push ledger: a fresh row was asked for twice");
      }
      if (next === null) {
        // Nothing to write; a row just read is as good as a written one.
        if (!known) this.remember(chatId, { row, version, at: now });
        return;
      }
      const [kept, lines] = this.kept(next, now);
      const written = await this.write(key, serialiseAny(kept), version, lines);
      if (written !== null) {
        this.remember(chatId, { row: kept, version: written, at: now });
        return;
      }
      this.known.delete(chatId);
      // A remembered row that was out of date is no race: read it and go again at once.
      if (known) continue;
      await pause(Math.random() * Math.min(2 ** attempt, 50));
      attempt++;
    }
    throw new Error("push ledger: gave up after conflicting writes");
  }

  /**
   * The record, and with it the replies' lines: in one write where the store has one; else the
   * lines go first, so that a record saying a reply was sent always finds its text (a line
   * whose record then loses the compare-and-set is never asked for: only a push the record says
   * was answered is looked up, and the text is the reply that was sent either way).
   */
  private async write(key: string, value: string, version: number | null, lines: string[]): Promise<number | null> {
    if (lines.length === 0) return this.store.set(key, value, version);
    if (this.store.setWithLog) return (await this.store.setWithLog(key, value, version, { id: key, lines, keep: RECENT }))?.version ?? null;
    await this.store.append(key, lines, RECENT);
    return this.store.set(key, value, version);
  }

  /** A passive reply's text: in the item (noted here, or a record of an earlier version), else in the log. */
  private async entry(chatId: string, push: string, item: Item): Promise<LedgerEntry> {
    if (item.s !== "p") return this.entryOf(item);
    if (item.c !== undefined) return { kind: "passive", content: item.c };
    const lines = await this.store.lines(this.key(chatId), RECENT);
    for (let i = lines.length - 1; i >= 0; i--) {
      let line: z.infer<typeof ReplyLine> | undefined;
      try {
        const parsed = ReplyLine.safeParse(JSON.parse(lines[i]!.value));
        line = parsed.success ? parsed.data : undefined;
      } catch {
        line = undefined;
      }
      if (line?.p === push) return { kind: "passive", content: line.c };
    }
    // Sent, its text not at hand (the store could not write it with the record): it was answered.
    return { kind: "done" };
  }

  /** The row with the person's noted outcomes in it, and which those were (to drop once written). */
  private withNoted(chatId: string, row: Row): [Row, [string, Item][]] {
    const noted = this.unwritten.get(chatId);
    if (!noted || noted.size === 0) return [row, []];
    const items = [...noted];
    const next = { ...row };
    for (const [push, item] of items) next[push] = item;
    return [next, items];
  }

  /** Noted outcomes now in the store are no longer waiting (unless noted again meanwhile). */
  private written(chatId: string, items: [string, Item][]): void {
    const noted = this.unwritten.get(chatId);
    if (!noted) return;
    for (const [push, item] of items) if (noted.get(push) === item) noted.delete(push);
    if (noted.size === 0) this.unwritten.delete(chatId);
  }

  async claim(chatId: string, push: string): Promise<LedgerEntry | null> {
    // Run here, its outcome not written yet: this instance knows best.
    const mine = this.unwritten.get(chatId)?.get(push);
    if (mine) return this.entryOf(mine);
    let found: Item | undefined;
    let included: [string, Item][] = [];
    await this.update(chatId, (row, now, fresh) => {
      found = this.live(row[push], now);
      // Known already: only the store may say so (the remembered row may be out of date).
      if (found) return fresh ? null : "read";
      const [next, noted] = this.withNoted(chatId, row);
      included = noted;
      next[push] = { s: "r", at: now };
      return next;
    });
    this.written(chatId, included);
    return found ? this.entry(chatId, push, found) : null;
  }

  async get(chatId: string, push: string): Promise<LedgerEntry | null> {
    const mine = this.unwritten.get(chatId)?.get(push);
    if (mine) return this.entryOf(mine);
    const entry = await this.store.get(this.key(chatId));
    const item = this.live(this.decode(entry?.value)[push], this.clock());
    return item ? this.entry(chatId, push, item) : null;
  }

  async finish(chatId: string, push: string, outcome: Outcome): Promise<void> {
    this.unwritten.get(chatId)?.delete(push);
    await this.update(chatId, (row, now) => ({ ...row, [push]: itemOf(outcome, now) }));
  }

  /**
   * Notes the outcome of a push this instance claimed, and writes it soon: with the person's next
   * claim (one write for both), else WRITE_BEHIND_MS later. This instance answers a retry from
   * it at once; another instance finds it in the store, since a retry comes seconds later. Only
   * the outcome waits: the claim, which keeps a push from being applied twice, is written
   * before the turn runs.
   */
  note(chatId: string, push: string, outcome: Outcome): void {
    let noted = this.unwritten.get(chatId);
    if (!noted) this.unwritten.set(chatId, (noted = new Map()));
    noted.set(push, itemOf(outcome, this.clock()));
    if (this.timer === undefined) {
      this.timer = setTimeout(() => void this.flush(), WRITE_BEHIND_MS);
      this.timer.unref();
    }
  }

  /**
   * Writes every noted outcome now (after the write-behind under way, if any). One that cannot be
   * written stays noted and is tried again shortly, until no retry can come for it any more
   * (CLAIM_MS after it was noted).
   */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.flushing) await this.flushing;
    this.flushing = this.writeNoted();
    try {
      await this.flushing;
    } finally {
      this.flushing = undefined;
    }
  }

  /** The noted outcomes, FLUSH_SLICE people per turn of the event loop. */
  private async writeNoted(): Promise<void> {
    let written = 0;
    for (const chatId of [...this.unwritten.keys()]) {
      if (written > 0 && written % FLUSH_SLICE === 0) await new Promise((r) => setImmediate(r));
      // Written meanwhile with the person's next claim, or forgotten.
      if (!this.unwritten.has(chatId)) continue;
      written++;
      let included: [string, Item][] = [];
      try {
        await this.update(chatId, (row) => {
          const [next, noted] = this.withNoted(chatId, row);
          included = noted;
          return noted.length > 0 ? next : null;
        });
        this.written(chatId, included);
      } catch (error) {
        this.failed(error);
        const noted = this.unwritten.get(chatId);
        const now = this.clock();
        for (const [push, item] of noted ?? []) if (now - item.at > CLAIM_MS) noted!.delete(push);
        if (noted?.size === 0) this.unwritten.delete(chatId);
      }
    }
    if (this.unwritten.size > 0 && this.timer === undefined) {
      this.timer = setTimeout(() => void this.flush(), WRITE_BEHIND_MS);
      this.timer.unref();
    }
  }

  async release(chatId: string, push: string): Promise<void> {
    await this.update(chatId, (row, _now, fresh) => {
      if (!(push in row)) return fresh ? null : "read";
      const { [push]: _dropped, ...rest } = row;
      return rest;
    });
  }

  async forget(chatId: string): Promise<void> {
    this.known.delete(chatId);
    this.unwritten.delete(chatId);
    await this.store.delete(this.key(chatId));
  }
}
