/**
 * The conversation as a whole: greets, offers the four jobs, starts the right flow, and
 * handles what works everywhere — 返回, 取消, 重新开始, 帮助 and side questions (answered,
 * then the pending question is asked again).
 *
 * The active flow lives in the router's context as plain data (`{ v: state, c: context }`)
 * and is advanced with XState's pure `transition()`: no child actors, so the router's
 * persisted snapshot is one JSON object that restores the same after any round trip
 * (see docs/flows.md for why).
 */
import { assign, initialTransition, setup, transition, type AnyStateMachine, type SnapshotFrom } from "xstate";
import type { Answers, Slot } from "./answers.ts";
import { checkPatch, visitorOf, withPatch } from "./answers.ts";
import { claimFlow } from "./claim.ts";
import { slotOfState, type FlowContext, type FlowEvent } from "./common.ts";
import { eligibilityFlow } from "./eligibility.ts";
import { estimateFlow } from "./estimate.ts";
import { registrationFlow } from "./registration.ts";

export const FLOWS = {
  eligibility: eligibilityFlow,
  registration: registrationFlow,
  estimate: estimateFlow,
  claim: claimFlow,
} as const;
export type FlowId = keyof typeof FLOWS;
export const FLOW_IDS = Object.keys(FLOWS) as FlowId[];

/** The stored form of the active flow: its state name and its context. */
export interface FlowState {
  v: string;
  c: FlowContext;
}

/** What the router says before the flow's own question; shown once, then cleared. */
export type Note =
  | { k: "welcome" }
  | { k: "help" }
  | { k: "cancelled" }
  | { k: "restarted" }
  /**
   * `answered`: the message also answered the pending question; what comes next is shown in full.
   * `heard`: other facts the same message carried, stored (in the flow, or kept at the menu) and said back.
   */
  | { k: "aside"; topic: string; answered?: boolean; heard?: Slot[] }
  | { k: "unclear" }
  | { k: "range"; n: number }
  | { k: "expired" }
  | { k: "atMenu" }
  | { k: "leftFlow" }
  | { k: "thanks" }
  /** `still`: the message answered other questions, not the pending one, which is asked again. */
  | { k: "heard"; slots: Slot[]; still?: boolean };

export interface RouterContext {
  flow?: FlowState;
  note?: Note;
  /** Facts heard at the menu (with a side question): the next flow starts with them instead of asking. */
  kept?: Answers;
  /** Unclear messages in a row at the menu: after two, the menu explains itself. */
  misses?: number;
}

export type RouterEvent =
  /** `aside`: the same message asked a side question, answered before the flow's first reply. */
  | { type: "START"; flow: FlowId; seed?: Answers; quick?: boolean; aside?: string }
  /** `aside`: the same message also asked a side question, answered before the next question. */
  | { type: "FLOW"; event: FlowEvent; aside?: string }
  | { type: "BACK" }
  | { type: "CANCEL" }
  | { type: "RESTART" }
  | { type: "HELP" }
  | { type: "GREET" }
  | { type: "THANKS" }
  | { type: "RESUME" }
  /** `seed`: facts the side question carried; at the menu they are kept for the next flow. */
  | { type: "ASIDE"; topic: string; seed?: Answers }
  | { type: "NOISE"; why: "unclear" | "range" | "expired"; n?: number };

type FlowSnapshot = SnapshotFrom<typeof estimateFlow>;

/** The flow's snapshot rebuilt from its stored state name and context. */
export function flowSnapshot(id: FlowId, flow: FlowState): FlowSnapshot {
  return (FLOWS[id] as AnyStateMachine).resolveState({ value: flow.v, context: flow.c }) as FlowSnapshot;
}

function store(snapshot: FlowSnapshot): FlowState {
  return { v: String(snapshot.value), c: snapshot.context };
}

function startFlow(id: FlowId, known: Answers, seed: Answers | undefined, quick: boolean | undefined): FlowState {
  const a: Answers = { ...known, ...(checkPatch(known, seed) ?? {}) };
  // What eligibility learned (the category) already answers the estimate's visitor question.
  if (a.category && !a.visitor) a.visitor = visitorOf(a.category);
  const [snapshot] = initialTransition(FLOWS[id] as typeof estimateFlow, { a, ...(quick ? { quick } : {}) });
  return store(snapshot);
}

/**
 * The slots an answer stored besides the question being asked ("门诊" while the scheme is
 * asked): said back, so the same question asked again is not a mystery.
 */
function heardBesides(flow: FlowState, event: FlowEvent): Slot[] {
  const pending = slotOfState(flow.v);
  if (event.type !== "ANSWER" || !pending) return [];
  const patch = checkPatch(flow.c.a, event.a);
  if (!patch || patch[pending] !== undefined) return [];
  return Object.keys(patch) as Slot[];
}

/** After a side question the pending question is asked afresh, without the old complaint. */
function withoutProblem(flow: FlowState | undefined): FlowState | undefined {
  if (!flow?.c.err) return flow;
  const { err: _err, ...c } = flow.c;
  return { v: flow.v, c };
}

/** Which flow is active, from the router's state value. */
export function activeFlow(value: unknown): FlowId | undefined {
  return typeof value === "string" && value in FLOWS ? (value as FlowId) : undefined;
}

export const router = setup({
  types: {
    context: {} as RouterContext,
    events: {} as RouterEvent,
  },
  guards: {
    wantsFlow: ({ event }, params: { flow: FlowId }) => event.type === "START" && event.flow === params.flow,
    flowCanGoBack: ({ context }, params: { flow: FlowId }) =>
      !!context.flow && flowSnapshot(params.flow, context.flow).can({ type: "BACK" }),
  },
  actions: {
    startFlow: assign(({ context, event }) => {
      if (event.type !== "START") return {};
      const kept = context.flow ? {} : (context.kept ?? {});
      const flow = startFlow(event.flow, context.flow?.c.a ?? kept, event.seed, event.quick);
      // Say back what was understood from the first message (or kept from an earlier one at the
      // menu), so "ask only what is missing" is not a mystery.
      const seeded = event.seed && !event.quick ? (Object.keys(checkPatch({}, event.seed) ?? {}) as Slot[]) : [];
      const heard = event.quick ? [] : [...new Set([...(Object.keys(kept) as Slot[]), ...seeded])];
      const note: Note | undefined = event.aside
        ? { k: "aside", topic: event.aside, answered: true, ...(heard.length > 0 ? { heard } : {}) }
        : heard.length > 0
          ? { k: "heard", slots: heard }
          : undefined;
      return { flow, note, kept: undefined, misses: 0 };
    }),
    forwardToFlow: assign(({ context, event }, params: { flow: FlowId }) => {
      if (!context.flow) return {};
      const flowEvent: FlowEvent | undefined = event.type === "FLOW" ? event.event : event.type === "BACK" ? { type: "BACK" } : undefined;
      if (!flowEvent) return {};
      const [next] = transition(FLOWS[params.flow] as typeof estimateFlow, flowSnapshot(params.flow, context.flow), flowEvent);
      const heard = heardBesides(context.flow, flowEvent);
      const still = heard.length > 0 && String(next.value) === context.flow.v;
      // `answered` unless the pending question is still open (the side question came with other facts only).
      const aside: Note | undefined =
        event.type === "FLOW" && event.aside
          ? { k: "aside", topic: event.aside, ...(still ? {} : { answered: true }), ...(heard.length > 0 ? { heard } : {}) }
          : undefined;
      const note: Note | undefined = aside ?? (heard.length > 0 ? { k: "heard", slots: heard, ...(still ? { still } : {}) } : undefined);
      return { flow: aside ? withoutProblem(store(next)) : store(next), note };
    }),
    closeFlow: assign({ flow: undefined, kept: undefined, note: { k: "cancelled" } as Note, misses: 0 }),
    leaveFlow: assign({ flow: undefined, kept: undefined, note: { k: "leftFlow" } as Note, misses: 0 }),
    forgetEverything: assign({ flow: undefined, kept: undefined, note: { k: "restarted" } as Note, misses: 0 }),
    greet: assign({ flow: undefined, kept: undefined, note: { k: "welcome" } as Note, misses: 0 }),
    noteThanks: assign(({ context }) => ({ note: { k: "thanks" } as Note, flow: withoutProblem(context.flow), misses: 0 })),
    noteHelp: assign(({ context }) => ({ note: { k: "help" } as Note, flow: withoutProblem(context.flow) })),
    clearNote: assign(({ context }) => ({ note: undefined, flow: withoutProblem(context.flow) })),
    noteAtMenu: assign({ note: { k: "atMenu" } as Note }),
    noteAside: assign(({ context, event }) => {
      if (event.type !== "ASIDE") return {};
      // At the menu the facts the question carried are kept, so the flow chosen next does not ask them.
      const patch = !context.flow && event.seed ? checkPatch(context.kept ?? {}, event.seed) : undefined;
      const heard = patch ? (Object.keys(patch) as Slot[]) : [];
      return {
        note: { k: "aside", topic: event.topic, ...(heard.length > 0 ? { heard } : {}) } as Note,
        flow: withoutProblem(context.flow),
        ...(patch ? { kept: withPatch(context.kept ?? {}, patch) } : {}),
      };
    }),
    noteNoise: assign(({ context, event }) => {
      if (event.type !== "NOISE") return {};
      const note: Note = event.why === "range" ? { k: "range", n: event.n ?? 0 } : { k: event.why };
      return { note, misses: event.why === "unclear" ? (context.misses ?? 0) + 1 : context.misses };
    }),
  },
}).createMachine({
  id: "router",
  context: { note: { k: "welcome" } },
  initial: "menu",
  on: {
    START: [
      { guard: { type: "wantsFlow", params: { flow: "eligibility" } }, target: ".eligibility", actions: "startFlow" },
      { guard: { type: "wantsFlow", params: { flow: "registration" } }, target: ".registration", actions: "startFlow" },
      { guard: { type: "wantsFlow", params: { flow: "estimate" } }, target: ".estimate", actions: "startFlow" },
      { guard: { type: "wantsFlow", params: { flow: "claim" } }, target: ".claim", actions: "startFlow" },
    ],
    CANCEL: { target: ".menu", actions: "closeFlow" },
    RESTART: { target: ".menu", actions: "forgetEverything" },
    GREET: { target: ".menu", actions: "greet" },
    THANKS: { actions: "noteThanks" },
    HELP: { actions: "noteHelp" },
    RESUME: { actions: "clearNote" },
    ASIDE: { actions: "noteAside" },
    NOISE: { actions: "noteNoise" },
  },
  states: {
    menu: {
      on: { BACK: { actions: "noteAtMenu" } },
    },
    eligibility: {
      on: {
        FLOW: { actions: { type: "forwardToFlow", params: { flow: "eligibility" } } },
        BACK: [
          { guard: { type: "flowCanGoBack", params: { flow: "eligibility" } }, actions: { type: "forwardToFlow", params: { flow: "eligibility" } } },
          { target: "menu", actions: "leaveFlow" },
        ],
      },
    },
    registration: {
      on: {
        FLOW: { actions: { type: "forwardToFlow", params: { flow: "registration" } } },
        BACK: [
          { guard: { type: "flowCanGoBack", params: { flow: "registration" } }, actions: { type: "forwardToFlow", params: { flow: "registration" } } },
          { target: "menu", actions: "leaveFlow" },
        ],
      },
    },
    estimate: {
      on: {
        FLOW: { actions: { type: "forwardToFlow", params: { flow: "estimate" } } },
        BACK: [
          { guard: { type: "flowCanGoBack", params: { flow: "estimate" } }, actions: { type: "forwardToFlow", params: { flow: "estimate" } } },
          { target: "menu", actions: "leaveFlow" },
        ],
      },
    },
    claim: {
      on: {
        FLOW: { actions: { type: "forwardToFlow", params: { flow: "claim" } } },
        BACK: [
          { guard: { type: "flowCanGoBack", params: { flow: "claim" } }, actions: { type: "forwardToFlow", params: { flow: "claim" } } },
          { target: "menu", actions: "leaveFlow" },
        ],
      },
    },
  },
});
