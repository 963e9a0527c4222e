/**
 * The vocabulary every flow shares: its context (answers, not derived values), its events,
 * and one `setup()` with the named guards and actions the flows are built from. Each flow
 * file makes its own machine from this setup, so diagrams show the same words everywhere.
 */
import { assign, setup } from "xstate";
import { checkPatch, jurisdictionOf, withPatch, type Answers, type Slot } from "./answers.ts";

/** Why the last message could not be used for the pending question; shown once, then cleared. */
export type Problem =
  | { k: "unclear" }
  | { k: "invalid" }
  | { k: "negative" }
  | { k: "too_large" }
  | { k: "province"; code: string }
  | { k: "ambiguous"; codes: string[] };

export interface FlowContext {
  a: Answers;
  /** Slots in the order they were answered: 返回 forgets the last one. */
  trail: Slot[];
  /** Failed tries at the pending question; after two the question explains itself. */
  tries: number;
  err?: Problem;
  /** Answers the estimate filled in itself (stated as assumptions, open to change). */
  assumed?: Slot[];
  /** The flow began from one message that already carried the core facts. */
  quick?: boolean;
}

export type FlowEvent =
  | { type: "ANSWER"; a: unknown }
  | { type: "INVALID"; why: Problem }
  | { type: "BACK" }
  | { type: "NEXT" }
  | { type: "ALL" }
  | { type: "PICK_CHANGE" }
  | { type: "CHANGE"; slot: Slot };

export interface FlowInput {
  a?: Answers;
  quick?: boolean;
}

/**
 * Conservative stand-ins for what a one-message question leaves out: they make the estimate
 * lower rather than higher (highest hospital level, working, the visitor kind with the
 * largest cut, resident scheme), and every one is said in the reply.
 */
export const ASSUMPTIONS: Partial<Answers> = {
  scheme: "resident",
  status: "working",
  level: 3,
  visitor: "temporary_other",
  classB: null,
  outOfCatalog: null,
};

function without<T>(list: readonly T[] | undefined, drop: readonly T[]): T[] {
  return (list ?? []).filter((x) => !drop.includes(x));
}

export const flowSetup = setup({
  types: {
    context: {} as FlowContext,
    events: {} as FlowEvent,
    input: {} as FlowInput,
  },
  guards: {
    isMissing: ({ context }, params: { slot: Slot }) => context.a[params.slot] === undefined,
    isValidAnswer: ({ context, event }) => event.type === "ANSWER" && checkPatch(context.a, event.a) !== undefined,
    hasEarlierAnswer: ({ context }) => context.trail.length > 0,
    isSamePool: ({ context }) => jurisdictionOf(context.a) === "same_pool",
    needsVisitor: ({ context }) => context.a.visitor === undefined && jurisdictionOf(context.a) !== "same_pool",
    canAssumeRest: ({ context }) => {
      const a = context.a;
      return !!context.quick && !!a.insured && !!a.treatment && !!a.setting && !!a.total;
    },
  },
  actions: {
    storeAnswer: assign(({ context, event }) => {
      if (event.type !== "ANSWER") return {};
      const patch = checkPatch(context.a, event.a);
      if (!patch) return {};
      const slots = Object.keys(patch) as Slot[];
      return {
        a: withPatch(context.a, patch),
        trail: [...without(context.trail, slots), ...slots],
        tries: 0,
        err: undefined,
        assumed: context.assumed ? without(context.assumed, slots) : undefined,
      };
    }),
    countFailedTry: assign(({ context, event }) => ({
      tries: context.tries + 1,
      err: event.type === "INVALID" ? event.why : ({ k: "invalid" } as Problem),
    })),
    forgetLastAnswer: assign(({ context }) => {
      const last = context.trail[context.trail.length - 1];
      const a = { ...context.a };
      if (last) delete a[last];
      return { a, trail: context.trail.slice(0, -1), tries: 0, err: undefined, assumed: context.assumed ? without(context.assumed, last ? [last] : []) : undefined };
    }),
    forgetChosenAnswer: assign(({ context, event }) => {
      if (event.type !== "CHANGE") return {};
      const a = { ...context.a };
      delete a[event.slot];
      return {
        a,
        trail: without(context.trail, [event.slot]),
        tries: 0,
        err: undefined,
        assumed: context.assumed ? without(context.assumed, [event.slot]) : undefined,
      };
    }),
    assumeRest: assign(({ context }) => {
      const a: Answers = { ...context.a };
      const assumed: Slot[] = [];
      for (const [slot, value] of Object.entries(ASSUMPTIONS) as [Slot, never][]) {
        if (a[slot] !== undefined) continue;
        if (slot === "visitor" && jurisdictionOf(a) === "same_pool") continue;
        a[slot] = value;
        assumed.push(slot);
      }
      return { a, assumed, quick: undefined };
    }),
    clearProblem: assign({ tries: 0, err: undefined }),
  },
});

/** A question state: an answer that passes the checks is stored, anything else counts as a failed try. */
export function ask() {
  return {
    on: {
      ANSWER: [
        { guard: "isValidAnswer", target: "route", actions: "storeAnswer" },
        { actions: "countFailedTry" },
      ],
      INVALID: { actions: "countFailedTry" },
      BACK: { guard: "hasEarlierAnswer", target: "route", actions: "forgetLastAnswer" },
    },
  } as const;
}

/** The initial context from what the router already knows. */
export function initialContext(input: FlowInput): FlowContext {
  const a = input.a ?? {};
  return { a, trail: Object.keys(a) as Slot[], tries: 0, ...(input.quick ? { quick: true } : {}) };
}

/** The slot an `askXxx` state asks for. */
export function slotOfState(state: string): Slot | undefined {
  if (!state.startsWith("ask") || state.length < 4) return undefined;
  return (state[3]!.toLowerCase() + state.slice(4)) as Slot;
}
