/**
 * The stored conversation: `{ version, snapshot, updatedAt }` as one JSON string. The
 * snapshot is the router's persisted snapshot; it is checked with zod before it is trusted,
 * and anything from another version or damaged is reported so the caller starts afresh.
 *
 * What this process wrote itself needs no second check: the string of each chat's last stored
 * turn is kept (for a bounded number of chats, the longest unwritten dropped first) with the
 * snapshot it was made from, frozen so that no turn can change what another turn restores. The
 * chat's next message then restores it without parsing and validating it again; any other
 * string (written by another instance or an older version, or changed in the store) is checked
 * in full. A string is kept once the turn is stored (`kept`), replaces the chat's previous one,
 * and goes when the chat is forgotten (`forgetConversation`).
 */
import { z } from "zod";
import { Answers, SLOTS } from "../../flows/answers.ts";
import { initialSnapshot } from "../../flows/pure.ts";
import { activeFlow, flowSnapshot, FLOW_IDS, router, type FlowId, type FlowState } from "../../flows/router.ts";
import type { SnapshotFrom } from "xstate";
import { WrittenStrings } from "./written.ts";

export type RouterSnapshot = SnapshotFrom<typeof router>;

/** Bump when the router's context or states change shape; older stored values are then reset. */
export const STORE_VERSION = 1;

export interface StoredConversation {
  version: number;
  snapshot: unknown;
  updatedAt: string;
}

const Slot = z.enum(SLOTS as [string, ...string[]]);
const Problem = z.union([
  z.strictObject({ k: z.enum(["unclear", "invalid", "negative", "too_large", "zero", "dontKnow"]) }),
  z.strictObject({ k: z.literal("province"), code: z.string() }),
  z.strictObject({ k: z.literal("ambiguous"), codes: z.array(z.string()).max(10), named: z.boolean().optional() }),
]);
/** Figures the person quoted (FlowContext.told); added after STORE_VERSION 1, optional so older conversations still load. */
const Told = z.strictObject({ deductible: z.string().max(20).optional(), reimbursed: z.string().max(20).optional(), ownShare: z.string().max(20).optional(), accountPaid: z.string().max(20).optional(), summed: z.boolean().optional(), discharged: z.boolean().optional() });
const FlowContext = z.strictObject({
  a: Answers,
  trail: z.array(Slot).max(20),
  tries: z.number().int().min(0).max(1000),
  err: Problem.optional(),
  assumed: z.array(Slot).max(20).optional(),
  quick: z.boolean().optional(),
  undo: z.strictObject({ a: Answers, assumed: z.boolean().optional() }).optional(),
  leftOut: z.array(z.string().max(20)).max(4).optional(),
  deposit: z.string().max(20).optional(),
  told: Told.optional(),
});
const Note = z.union([
  z.strictObject({ k: z.enum(["welcome", "help", "cancelled", "restarted", "unclear", "expired", "atMenu", "leftFlow", "thanks"]) }),
  z.strictObject({ k: z.literal("aside"), topic: z.string().max(40), answered: z.boolean().optional(), heard: z.array(Slot).max(20).optional() }),
  z.strictObject({ k: z.literal("besides"), topic: z.string().max(80), first: z.string().max(40).optional() }),
  z.strictObject({ k: z.literal("range"), n: z.number().int() }),
  z.strictObject({ k: z.literal("heard"), slots: z.array(Slot).max(20), still: z.boolean().optional() }),
  z.strictObject({ k: z.enum(["changed", "unchanged", "confirm", "keptAnswer", "unused"]), slots: z.array(Slot).max(20) }),
  z.strictObject({ k: z.literal("confirm"), slots: z.array(Slot).max(20), why: z.literal("retiredResident") }),
  z.strictObject({ k: z.literal("fresh"), carried: z.array(Slot).max(20) }),
  z.strictObject({ k: z.literal("rephrase"), topic: z.string().max(40).optional(), again: z.boolean().optional() }),
  z.strictObject({ k: z.enum(["nothingToChange", "correctWhat", "samePerson", "makeUpNow", "registered"]) }),
  z.strictObject({ k: z.literal("aboutAnswer"), kind: z.enum(["accuracy", "dataYear", "official", "share", "robot"]) }),
  z.strictObject({ k: z.literal("unsure"), intents: z.array(z.string().max(40)).max(3) }),
  z.strictObject({ k: z.literal("smallTalk"), kind: z.enum(["hostile", "english", "opener", "redacted"]), again: z.boolean().optional() }),
  z.strictObject({ k: z.literal("whichAmount"), values: z.array(z.string().max(20)).min(2).max(4), sum: z.string().max(20).optional(), over: z.boolean().optional() }),
  z.strictObject({ k: z.literal("saidBoth"), slot: Slot, values: z.tuple([z.string().max(40), z.string().max(40)]), said: z.string().max(40), flow: z.enum(FLOW_IDS).optional() }),
]);
const RouterContext = z.strictObject({
  flow: z.strictObject({ v: z.string(), c: FlowContext }).optional(),
  note: Note.optional(),
  kept: Answers.optional(),
  deposit: z.string().max(20).optional(),
  told: Told.optional(),
  misses: z.number().int().min(0).optional(),
  proposal: Answers.optional(),
});
const Persisted = z.looseObject({
  status: z.literal("active"),
  value: z.enum(["menu", ...FLOW_IDS]),
  context: RouterContext,
});
const Stored = z.strictObject({ version: z.number(), snapshot: z.unknown(), updatedAt: z.string() });

export type Restored = { snapshot?: RouterSnapshot; problem?: "damaged" | "old_version"; updatedAt?: string; inFlow?: boolean };

/** The chats' last stored strings, with what they hold; bounded (a stored conversation is under 2 KB). */
const written = new WrittenStrings<Restored>(2_000);
/** The last string made, not (yet) stored: "/estimate 3万" is two steps in one turn, the second restores the first. */
let made: { stored: string; restored: Restored } | undefined;

/** How many written strings are kept for reading back (at most 2,000). */
export function rememberedConversations(): number {
  return written.size;
}

/** Whether this string is kept for reading back. */
export function remembersConversation(stored: string): boolean {
  return written.has(stored) || made?.stored === stored;
}

/** Drops a forgotten chat's string: nothing of it stays in memory after /forget. */
export function forgetConversation(stored: string): void {
  written.drop(stored);
  if (made?.stored === stored) made = undefined;
}

/** Deeply frozen: a snapshot shared by the turns that restore it must not be changed by any of them. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) frozen((value as Record<string, unknown>)[key]);
  }
  return value;
}

let initial: RouterSnapshot | undefined;
/** A new conversation's router snapshot (the menu with its welcome); the same every time, so made once. */
export function initialRouter(): RouterSnapshot {
  if (!initial) {
    const made = initialSnapshot(router);
    frozen(made.context);
    initial = made;
  }
  return initial;
}

/** The router snapshot from a stored string, read back without a second check when this process wrote it. */
export function resume(stored: string | null): Restored {
  if (stored === null) return {};
  return written.get(stored) ?? (made?.stored === stored ? made.restored : restore(stored));
}

/** The router snapshot from a stored string, checked in full; `problem` says why it had to be dropped. */
export function restore(stored: string | null): Restored {
  if (stored === null || stored === "") return {};
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return { problem: "damaged" };
  }
  const outer = Stored.safeParse(raw);
  if (!outer.success) return { problem: "damaged" };
  if (outer.data.version !== STORE_VERSION) return { problem: "old_version" };
  const snap = Persisted.safeParse(outer.data.snapshot);
  if (!snap.success) return { problem: "damaged" };
  const { value, context } = snap.data;
  // A flow's state must exist in that flow, and a flow needs its state (and only then).
  const id = FLOW_IDS.includes(value as FlowId) ? (value as FlowId) : undefined;
  if (!!id !== !!context.flow) return { problem: "damaged" };
  if (id && context.flow) {
    try {
      const fs = flowSnapshot(id, context.flow as FlowState);
      if (String(fs.value) !== context.flow.v) return { problem: "damaged" };
    } catch {
      return { problem: "damaged" };
    }
  }
  let snapshot: RouterSnapshot;
  try {
    snapshot = router.resolveState({ value, context: frozen(context) as RouterSnapshot["context"] });
  } catch {
    return { problem: "damaged" };
  }
  return { snapshot, updatedAt: outer.data.updatedAt, inFlow: !!id };
}

/**
 * The stored string of a router snapshot, and `kept` to call once it is stored (in place of
 * `previous`, the string it was made from). The persisted form is XState's
 * (`getPersistedSnapshot`), written out here: the router has no children and no history, so it
 * is the state, the context and two empty records (test/conversation/store.test.ts holds it to
 * XState's).
 */
export function persist(snapshot: RouterSnapshot, now: Date, previous: string | null = null): { stored: string; kept: () => void } {
  const persisted = { status: snapshot.status, value: snapshot.value, historyValue: {}, context: snapshot.context, children: {} };
  const updatedAt = now.toISOString();
  const value: StoredConversation = { version: STORE_VERSION, snapshot: persisted, updatedAt };
  const stored = JSON.stringify(value);
  frozen(snapshot.context);
  const restored: Restored = { snapshot, updatedAt, inFlow: activeFlow(snapshot.value) !== undefined };
  made = { stored, restored };
  return { stored, kept: () => written.keep(stored, restored, previous) };
}
