/**
 * The stored conversation: `{ version, snapshot, updatedAt }` as one JSON string. The
 * snapshot is the router's persisted snapshot; it is checked with zod before it is trusted,
 * and anything from another version or damaged is reported so the caller starts afresh.
 */
import { z } from "zod";
import { Answers, SLOTS } from "../../flows/answers.ts";
import { flowSnapshot, FLOW_IDS, type FlowId, type FlowState } from "../../flows/router.ts";
import type { Snapshot } from "xstate";

/** Bump when the router's context or states change shape; older stored values are then reset. */
export const STORE_VERSION = 1;

export interface StoredConversation {
  version: number;
  snapshot: unknown;
  updatedAt: string;
}

const Slot = z.enum(SLOTS as [string, ...string[]]);
const Problem = z.union([
  z.strictObject({ k: z.enum(["unclear", "invalid", "negative", "too_large", "zero"]) }),
  z.strictObject({ k: z.literal("province"), code: z.string() }),
  z.strictObject({ k: z.literal("ambiguous"), codes: z.array(z.string()).max(10) }),
]);
const FlowContext = z.strictObject({
  a: Answers,
  trail: z.array(Slot).max(20),
  tries: z.number().int().min(0).max(1000),
  err: Problem.optional(),
  assumed: z.array(Slot).max(20).optional(),
  quick: z.boolean().optional(),
  undo: z.strictObject({ a: Answers, assumed: z.boolean().optional() }).optional(),
});
const Note = z.union([
  z.strictObject({ k: z.enum(["welcome", "help", "cancelled", "restarted", "unclear", "expired", "atMenu", "leftFlow", "thanks"]) }),
  z.strictObject({ k: z.literal("aside"), topic: z.string().max(40), answered: z.boolean().optional(), heard: z.array(Slot).max(20).optional() }),
  z.strictObject({ k: z.literal("range"), n: z.number().int() }),
  z.strictObject({ k: z.literal("heard"), slots: z.array(Slot).max(20), still: z.boolean().optional() }),
  z.strictObject({ k: z.enum(["changed", "confirm", "keptAnswer", "unused"]), slots: z.array(Slot).max(20) }),
  z.strictObject({ k: z.literal("confirm"), slots: z.array(Slot).max(20), why: z.literal("retiredResident") }),
  z.strictObject({ k: z.literal("fresh"), carried: z.array(Slot).max(20) }),
  z.strictObject({ k: z.literal("rephrase"), topic: z.string().max(40).optional(), again: z.boolean().optional() }),
  z.strictObject({ k: z.enum(["nothingToChange", "correctWhat"]) }),
  z.strictObject({ k: z.literal("unsure"), intents: z.array(z.string().max(40)).max(3) }),
  z.strictObject({ k: z.literal("whichAmount"), values: z.array(z.string().max(20)).min(2).max(4) }),
]);
const RouterContext = z.strictObject({
  flow: z.strictObject({ v: z.string(), c: FlowContext }).optional(),
  note: Note.optional(),
  kept: Answers.optional(),
  misses: z.number().int().min(0).optional(),
  proposal: Answers.optional(),
});
const Persisted = z.looseObject({
  status: z.literal("active"),
  value: z.enum(["menu", ...FLOW_IDS]),
  context: RouterContext,
});
const Stored = z.strictObject({ version: z.number(), snapshot: z.unknown(), updatedAt: z.string() });

export type Restored = { snapshot?: Snapshot<unknown>; problem?: "damaged" | "old_version"; updatedAt?: string; inFlow?: boolean };

/** The router snapshot from a stored string; `problem` says why it had to be dropped. */
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
  return { snapshot: outer.data.snapshot as Snapshot<unknown>, updatedAt: outer.data.updatedAt, inFlow: !!id };
}

export function persist(snapshot: unknown, now: Date): string {
  const value: StoredConversation = { version: STORE_VERSION, snapshot, updatedAt: now.toISOString() };
  return JSON.stringify(value);
}
