/**
 * The conversation as a whole: greets, offers the four jobs, starts the right flow, and
 * handles what works everywhere — 返回, 取消, 重新开始, 帮助 and side questions (answered,
 * then the pending question is asked again).
 *
 * The active flow lives in the router's context as plain data (`{ v: state, c: context }`)
 * and is advanced as a pure function (pure.ts): no child actors, so the router's
 * persisted snapshot is one JSON object that restores the same after any round trip
 * (see docs/flows.md for why).
 */
import { assign, setup, type AnyStateMachine, type SnapshotFrom } from "xstate";
import type { Answers, Slot } from "./answers.ts";
import { checkPatch, SLOTS, visitorOf, withPatch } from "./answers.ts";
import { claimFlow } from "./claim.ts";
import { FLOW_USES, slotOfState, withTold, type FlowContext, type FlowEvent, type Problem, type Told } from "./common.ts";
import { eligibilityFlow } from "./eligibility.ts";
import { estimateFlow } from "./estimate.ts";
import { initialSnapshot, nextSnapshot } from "./pure.ts";
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
  /**
   * Questions asked besides a bill (能报多少 要不要备案 要带什么): answered briefly after the figures.
   * `first`: the message's own side topic, said before them as an aside is.
   */
  | { k: "besides"; topic: string; first?: string }
  | { k: "unclear" }
  | { k: "range"; n: number }
  | { k: "expired" }
  | { k: "atMenu" }
  | { k: "leftFlow" }
  | { k: "thanks" }
  /** `still`: the message answered other questions, not the pending one, which is asked again. */
  | { k: "heard"; slots: Slot[]; still?: boolean }
  /** Earlier answers the message changed ("改成二级医院"): one line says what, then the new result. */
  | { k: "changed"; slots: Slot[] }
  /** A correction at the result that restates what is already there ("金额是3万5不是3万" at 35000): nothing changes, said so. */
  | { k: "unchanged"; slots: Slot[] }
  /** A statement contradicting an earlier answer: asked before it is applied (the proposal). */
  /** `why`: the statement cannot stand with an earlier answer as it is (退休 in 居民医保, which has no retirees). */
  | { k: "confirm"; slots: Slot[]; why?: "retiredResident" }
  /** The person kept the earlier answers after being asked. */
  | { k: "keptAnswer"; slots: Slot[] }
  /** Facts this flow does not use (an amount during registration): stored, and said so. */
  | { k: "unused"; slots: Slot[] }
  /** A new question (other people or places): earlier answers not reused, except those said here. */
  | { k: "fresh"; carried: Slot[] }
  /** "没看懂": the last answer in simpler words; `again` after a rewording was not understood either. */
  | { k: "rephrase"; topic?: string; again?: boolean }
  /** "不知道" to a question with a stated default: the default taken, said as an assumption. */
  | { k: "assumedAnswer"; slots: Slot[] }
  /** A change asked for with nothing to change, or without saying what. */
  | { k: "nothingToChange" }
  | { k: "correctWhat" }
  /** A person named with no new facts (我妈, 我爸也是): the facts are kept, said so. */
  | { k: "samePerson" }
  /** 还在住院 / 怎么办 after an estimate for the unregistered: register before discharge, with what that brings. */
  | { k: "makeUpNow" }
  /** 这个准吗, 数据是哪年的, 你们是官方的吗: one honest line, the answer kept (QA5 Q103). */
  | { k: "aboutAnswer"; kind: "accuracy" | "dataYear" | "official" | "share" | "robot" }
  /** 备案了 after a result: taken as a fact, the result kept (QA5 Q91). */
  | { k: "registered" }
  /** Not sure what was asked: the likeliest readings as choices. */
  | { k: "unsure"; intents: string[] }
  /** No question, but not noise: an insult, English, an opener (问个事), a redacted number alone — a short reply of its own. */
  | { k: "smallTalk"; kind: "hostile" | "english" | "opener" | "redacted"; again?: boolean }
  /**
   * Two or more figures that could each be the bill (花了6万 总共7万): which one is the total?
   * `sum`: one figure was said to come on top of the other (花了3万5 另外还有5000的药): the two
   * added up is offered too.
   */
  | { k: "whichAmount"; values: string[]; sum?: string; over?: boolean }
  /**
   * One message said a fact and denied it (转诊…但其实没转诊, 退休了 不对还没退休): which stands?
   * `values`: [the affirmed value, the denied side's] ("-" = no value: 没转诊 names no other kind);
   * `said`: the denial as typed; `flow`: what to start once picked, at the menu.
   */
  | { k: "saidBoth"; slot: Slot; values: [string, string]; said: string; flow?: FlowId };

export interface RouterContext {
  flow?: FlowState;
  note?: Note;
  /** Facts heard at the menu (with a side question): the next flow starts with them instead of asking. */
  kept?: Answers;
  /** A deposit said at the menu (交了两万押金): the estimate that follows says it back as not the bill. */
  deposit?: string;
  /** Figures quoted at the menu (起付线是1000): the estimate that follows says them back (see FlowContext.told). */
  told?: Told;
  /** Unclear messages in a row at the menu: after two, the menu explains itself. */
  misses?: number;
  /** A change waiting for the person's yes (see the `confirm` note). */
  proposal?: Answers;
}

export type RouterEvent =
  /** `aside`: the same message asked a side question, answered before the flow's first reply. */
  | {
      type: "START";
      flow: FlowId;
      seed?: Answers;
      quick?: boolean;
      aside?: string;
      /** Questions asked besides the bill's: answered after the figures (see the `besides` note). */
      besides?: string;
      /** A new question: the current flow's answers are not reused, except the `carry` slots (said back). */
      fresh?: boolean;
      carry?: Slot[];
      /** Figures given with the picked total but not counted (see FlowContext.leftOut). */
      leftOut?: string[];
      /** A place said only as a province (河北): its question, when asked first, says so and offers its cities. */
      unplaced?: { slot: Slot; problem: Problem };
      /** A deposit given with the question (see FlowContext.deposit). */
      deposit?: string;
      /** Figures quoted with the question (see FlowContext.told). */
      told?: Told;
    }
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
  | { type: "ASIDE"; topic: string; seed?: Answers; deposit?: string; told?: Told }
  | { type: "NOISE"; why: "unclear" | "range" | "expired"; n?: number }
  /** A statement that contradicts earlier answers: ask before applying it. */
  | { type: "PROPOSE"; a: Answers; slots: Slot[]; why?: "retiredResident" }
  /** The answer to that question. */
  | { type: "CONFIRM"; yes: boolean }
  /** A reply that only needs words (rewording, "what to change?", likeliest readings); `seed` as in ASIDE. */
  | { type: "SAY"; note: Note; seed?: Answers };

type FlowSnapshot = SnapshotFrom<typeof estimateFlow>;

/**
 * The last snapshot rebuilt for each stored flow: a turn rebuilds it for its guards, for the step
 * and again when the stored string is checked, from the same object (stored flows are never
 * changed once made; a step makes a new one), and snapshots are never changed by a step either.
 */
const rebuilt = new WeakMap<FlowState, { id: FlowId; snapshot: FlowSnapshot }>();

/** The flow's snapshot rebuilt from its stored state name and context. */
export function flowSnapshot(id: FlowId, flow: FlowState): FlowSnapshot {
  const known = rebuilt.get(flow);
  if (known && known.id === id && known.snapshot.context === flow.c && String(known.snapshot.value) === flow.v) return known.snapshot;
  const snapshot = (FLOWS[id] as AnyStateMachine).resolveState({ value: flow.v, context: flow.c }) as FlowSnapshot;
  rebuilt.set(flow, { id, snapshot });
  return snapshot;
}

function store(snapshot: FlowSnapshot): FlowState {
  return { v: String(snapshot.value), c: snapshot.context };
}

function startFlow(id: FlowId, known: Answers, seed: Answers | undefined, quick: boolean | undefined, leftOut?: string[], deposit?: string, told?: Told): FlowState {
  const a: Answers = { ...known, ...(checkPatch(known, seed) ?? {}) };
  // What eligibility learned (the category) already answers the estimate's visitor question.
  if (a.category && !a.visitor) a.visitor = visitorOf(a.category);
  // The claim's reason 没有备案 already answers the estimate's registration question (QA5 Q99).
  if (id === "estimate" && a.why === "unregistered" && !a.visitor) a.visitor = "unregistered";
  const snapshot = initialSnapshot(FLOWS[id] as typeof estimateFlow, { a, ...(quick ? { quick } : {}), ...(leftOut?.length ? { leftOut } : {}), ...(deposit ? { deposit } : {}), ...(told ? { told } : {}) });
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

/**
 * One event for the active flow, and what to say about it: a side question answered, answers
 * changed ("已改为…"), facts this flow does not use, or other facts heard besides the question.
 */
function advance(context: RouterContext, id: FlowId, flowEvent: FlowEvent, asideTopic: string | undefined): Partial<RouterContext> {
  if (!context.flow) return {};
  const next = nextSnapshot(FLOWS[id] as typeof estimateFlow, flowSnapshot(id, context.flow), flowEvent);
  const heard = heardBesides(context.flow, flowEvent);
  const still = heard.length > 0 && String(next.value) === context.flow.v;
  const changed = changedBy(context.flow, flowEvent);
  const unused = unusedBy(id, context.flow, flowEvent);
  // `answered` unless the pending question is still open (the side question came with other facts only).
  const aside: Note | undefined = asideTopic
    ? { k: "aside", topic: asideTopic, ...(still ? {} : { answered: true }), ...(heard.length > 0 ? { heard } : {}) }
    : undefined;
  // 已经出院 at an estimate of a stay: the stay restated, but the discharge is news — the result again, not "结果不变".
  const before = context.flow.c.told as Record<string, unknown> | undefined;
  const toldNews = flowEvent.type === "ANSWER" && !!flowEvent.told && Object.entries(flowEvent.told).some(([k, v]) => v !== undefined && before?.[k] !== v);
  const same = changed.length === 0 && unused.length === 0 && heard.length === 0 && !toldNews ? restatedAtResult(context.flow, flowEvent, String(next.value)) : [];
  const assumedNow = flowEvent.type === "ANSWER" && flowEvent.assume ? (Object.keys(checkPatch(context.flow.c.a, flowEvent.a) ?? {}) as Slot[]) : [];
  const note: Note | undefined =
    aside ??
    (assumedNow.length > 0
      ? { k: "assumedAnswer", slots: assumedNow }
      : changed.length > 0
      ? { k: "changed", slots: changed }
      : unused.length > 0
        ? { k: "unused", slots: unused }
        : heard.length > 0
          ? { k: "heard", slots: heard, ...(still ? { still } : {}) }
          : same.length > 0
            ? { k: "unchanged", slots: same }
            : undefined);
  return { flow: aside ? withoutProblem(store(next)) : store(next), note };
}

/**
 * At a result (no question pending), an answer whose every value is the one already there: the
 * person meant to correct something that was already right; said, not silently shown again.
 */
function restatedAtResult(flow: FlowState, event: FlowEvent, nextState: string): Slot[] {
  if (event.type !== "ANSWER" || nextState !== flow.v || slotOfState(flow.v) || flow.v.startsWith("ask")) return [];
  const patch = checkPatch(flow.c.a, event.a);
  if (!patch) return [];
  const slots = Object.keys(patch) as Slot[];
  return slots.length > 0 && slots.every((s) => flow.c.a[s] === patch[s]) ? slots : [];
}

/** The earlier answers an answer replaces with another value. */
export function changedBy(flow: FlowState, event: FlowEvent): Slot[] {
  if (event.type !== "ANSWER") return [];
  const patch = checkPatch(flow.c.a, event.a);
  if (!patch) return [];
  return (Object.keys(patch) as Slot[]).filter((s) => flow.c.a[s] !== undefined && flow.c.a[s] !== patch[s]);
}

/** All the slots of an answer, when none of them is one this flow uses. */
function unusedBy(id: FlowId, flow: FlowState, event: FlowEvent): Slot[] {
  if (event.type !== "ANSWER") return [];
  const patch = checkPatch(flow.c.a, event.a);
  if (!patch) return [];
  const slots = Object.keys(patch) as Slot[];
  return slots.every((s) => !FLOW_USES[id].includes(s)) ? slots : [];
}

/** The answers a new question keeps from the old one (only those it names, said back to the person). */
function carryOver(a: Answers, carry: readonly Slot[]): { a: Answers; slots: Slot[] } {
  const kept: Record<string, unknown> = {};
  for (const s of carry) if (a[s] !== undefined) kept[s] = a[s];
  return { a: kept as Answers, slots: Object.keys(kept) as Slot[] };
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
      const carried = event.fresh ? carryOver(context.flow?.c.a ?? {}, event.carry ?? []) : undefined;
      const known = carried ? carried.a : (context.flow?.c.a ?? kept);
      const started = startFlow(event.flow, known, event.seed, event.quick, event.leftOut, event.deposit ?? (context.flow ? undefined : context.deposit), withTold(event.fresh ? undefined : (context.flow?.c.told ?? context.told), event.told));
      const flow = event.unplaced && slotOfState(started.v) === event.unplaced.slot ? { ...started, c: { ...started.c, err: event.unplaced.problem } } : started;
      if (carried) return { flow, note: { k: "fresh", carried: carried.slots } as Note, kept: undefined, deposit: undefined, told: undefined, misses: 0, proposal: undefined };
      // Say back what was understood from the first message (or kept from an earlier one at the
      // menu), so "ask only what is missing" is not a mystery.
      const seeded = event.seed && !event.quick ? (Object.keys(checkPatch({}, event.seed) ?? {}) as Slot[]) : [];
      const heard = event.quick ? [] : [...new Set([...(Object.keys(kept) as Slot[]), ...seeded])];
      const note: Note | undefined = event.besides
        ? { k: "besides", topic: event.besides, ...(event.aside ? { first: event.aside } : {}) }
        : event.aside
        ? { k: "aside", topic: event.aside, answered: true, ...(heard.length > 0 ? { heard } : {}) }
        : heard.length > 0
          ? { k: "heard", slots: heard }
          : undefined;
      return { flow, note, kept: undefined, deposit: undefined, told: undefined, misses: 0, proposal: undefined };
    }),
    forwardToFlow: assign(({ context, event }, params: { flow: FlowId }) => {
      const flowEvent: FlowEvent | undefined = event.type === "FLOW" ? event.event : event.type === "BACK" ? { type: "BACK" } : undefined;
      if (!flowEvent) return {};
      return advance(context, params.flow, flowEvent, event.type === "FLOW" ? event.aside : undefined);
    }),
    confirmChange: assign(({ context, event }, params: { flow: FlowId }) => {
      if (event.type !== "CONFIRM" || !context.proposal) return {};
      if (!event.yes) {
        const slots = Object.keys(context.proposal) as Slot[];
        return { proposal: undefined, note: { k: "keptAnswer", slots } as Note };
      }
      const proposal = context.proposal;
      const before = context.flow?.c.a ?? {};
      const done = advance(context, params.flow, { type: "ANSWER", a: proposal }, undefined);
      // Confirmed, the whole proposal is the change (职工医保 and 退休), not only the answers it replaced.
      const now = done.flow?.c.a ?? {};
      const slots = SLOTS.filter((s) => s in proposal).filter((s) => now[s] !== undefined && now[s] === proposal[s] && before[s] !== now[s]);
      if (slots.length > 0 && (!done.note || done.note.k === "changed")) done.note = { k: "changed", slots };
      return { ...done, proposal: undefined };
    }),
    proposeChange: assign(({ event }) => {
      if (event.type !== "PROPOSE") return {};
      return { proposal: event.a, note: { k: "confirm", slots: event.slots, ...(event.why ? { why: event.why } : {}) } as Note };
    }),
    say: assign(({ context, event }) => {
      if (event.type !== "SAY") return {};
      const patch = !context.flow && event.seed ? checkPatch(context.kept ?? {}, event.seed) : undefined;
      // In a flow the rest of the message waits with the question, applied with the answer to it.
      const held = context.flow && event.seed ? { proposal: event.seed } : {};
      return { note: event.note, flow: withoutProblem(context.flow), ...held, ...(patch ? { kept: withPatch(context.kept ?? {}, patch) } : {}) };
    }),
    closeFlow: assign({ flow: undefined, kept: undefined, deposit: undefined, told: undefined, note: { k: "cancelled" } as Note, misses: 0 }),
    leaveFlow: assign({ flow: undefined, kept: undefined, deposit: undefined, told: undefined, note: { k: "leftFlow" } as Note, misses: 0 }),
    forgetEverything: assign({ flow: undefined, kept: undefined, deposit: undefined, told: undefined, note: { k: "restarted" } as Note, misses: 0 }),
    greet: assign({ flow: undefined, kept: undefined, deposit: undefined, told: undefined, note: { k: "welcome" } as Note, misses: 0 }),
    noteThanks: assign(({ context }) => ({ note: { k: "thanks" } as Note, flow: withoutProblem(context.flow), misses: 0 })),
    noteHelp: assign(({ context }) => ({ note: { k: "help" } as Note, flow: withoutProblem(context.flow) })),
    clearNote: assign(({ context }) => ({ note: undefined, flow: withoutProblem(context.flow) })),
    noteAtMenu: assign({ note: { k: "atMenu" } as Note }),
    noteAside: assign(({ context, event }) => {
      if (event.type !== "ASIDE") return {};
      // At the menu the facts the question carried are kept, so the flow chosen next does not ask them.
      const patch = !context.flow && event.seed ? checkPatch(context.kept ?? {}, event.seed) : undefined;
      const heard = patch ? (Object.keys(patch) as Slot[]) : [];
      const flow = withoutProblem(context.flow);
      return {
        note: { k: "aside", topic: event.topic, ...(heard.length > 0 ? { heard } : {}) } as Note,
        // A deposit said in the middle of a flow (押金交了五万) goes with its answers, said back with the estimate.
        flow: flow && (event.deposit || event.told) ? { ...flow, c: { ...flow.c, ...(event.deposit ? { deposit: event.deposit } : {}), ...(event.told ? { told: withTold(flow.c.told, event.told) } : {}) } } : flow,
        ...(patch ? { kept: withPatch(context.kept ?? {}, patch) } : {}),
        ...(!context.flow && event.deposit ? { deposit: event.deposit } : {}),
        ...(!context.flow && event.told ? { told: withTold(context.told, event.told) } : {}),
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
    PROPOSE: { actions: "proposeChange" },
    SAY: { actions: "say" },
  },
  states: {
    menu: {
      on: { BACK: { actions: "noteAtMenu" } },
    },
    eligibility: {
      on: {
        FLOW: { actions: { type: "forwardToFlow", params: { flow: "eligibility" } } },
        CONFIRM: { actions: { type: "confirmChange", params: { flow: "eligibility" } } },
        BACK: [
          { guard: { type: "flowCanGoBack", params: { flow: "eligibility" } }, actions: { type: "forwardToFlow", params: { flow: "eligibility" } } },
          { target: "menu", actions: "leaveFlow" },
        ],
      },
    },
    registration: {
      on: {
        FLOW: { actions: { type: "forwardToFlow", params: { flow: "registration" } } },
        CONFIRM: { actions: { type: "confirmChange", params: { flow: "registration" } } },
        BACK: [
          { guard: { type: "flowCanGoBack", params: { flow: "registration" } }, actions: { type: "forwardToFlow", params: { flow: "registration" } } },
          { target: "menu", actions: "leaveFlow" },
        ],
      },
    },
    estimate: {
      on: {
        FLOW: { actions: { type: "forwardToFlow", params: { flow: "estimate" } } },
        CONFIRM: { actions: { type: "confirmChange", params: { flow: "estimate" } } },
        BACK: [
          { guard: { type: "flowCanGoBack", params: { flow: "estimate" } }, actions: { type: "forwardToFlow", params: { flow: "estimate" } } },
          { target: "menu", actions: "leaveFlow" },
        ],
      },
    },
    claim: {
      on: {
        FLOW: { actions: { type: "forwardToFlow", params: { flow: "claim" } } },
        CONFIRM: { actions: { type: "confirmChange", params: { flow: "claim" } } },
        BACK: [
          { guard: { type: "flowCanGoBack", params: { flow: "claim" } }, actions: { type: "forwardToFlow", params: { flow: "claim" } } },
          { target: "menu", actions: "leaveFlow" },
        ],
      },
    },
  },
});
