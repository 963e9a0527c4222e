/**
 * The vocabulary every flow shares: its context (answers, not derived values), its events,
 * and one `setup()` with the named guards and actions the flows are built from. Each flow
 * file makes its own machine from this setup, so diagrams show the same words everywhere.
 */
import { assign, setup } from "xstate";
import { flowDefaults, getPolicyBook, zoneSettlesAsHome } from "../src/policy/index.ts";
import { checkPatch, jurisdictionOf, visitorOf, withPatch, type Answers, type Slot } from "./answers.ts";

/** Why the last message could not be used for the pending question; shown once, then cleared. */
export type Problem =
  | { k: "unclear" }
  | { k: "invalid" }
  | { k: "negative" }
  | { k: "too_large" }
  /** a total of 0: nothing to estimate */
  | { k: "zero" }
  | { k: "province"; code: string }
  /** `named`: the candidates are places the person named each (深圳 医保 广州), not readings of one name */
  | { k: "ambiguous"; codes: string[]; named?: boolean }
  /** "不知道" to a question with no default of its own (住院还是门诊): explained once, then a default. */
  | { k: "dontKnow" };

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
  /** The answer "改一个答案" took away, so 返回 at the question it opened can put it back. */
  undo?: { a: Answers; assumed?: boolean };
  /** Figures the person gave that were not picked as the total: said back with the estimate, never dropped silently. */
  leftOut?: string[];
  /** A deposit (押金/预交金) the person gave: said back with the estimate as not the total. */
  deposit?: string;
  /** Figures the person was told or quoted (a 起付线, what the fund paid): said back and compared, never computed on. */
  told?: Told;
}

/**
 * What the person quotes from elsewhere: a 起付线 (我们那起付线是1000), what the fund reimbursed
 * and what they paid themselves (医保报了8万 自己出了4万 对吗). The sourced figures stay the ones
 * computed on; these are said back with the estimate and compared with it.
 */
export interface Told {
  deductible?: string;
  reimbursed?: string;
  ownShare?: string;
  /** Paid from the personal account (医保卡里扣了三千): with ownShare, what the person paid in all. */
  accountPaid?: string;
  /** No total was said: the one computed on is reimbursed + own share, an assumption said back. */
  summed?: boolean;
  /** Not a figure but told the same way: the stay is over (已经出院了), so only 补办 + a manual claim is left. */
  discharged?: boolean;
}

/** Told figures of an event laid over those already held (a later figure replaces an earlier one of its kind). */
export function withTold(held: Told | undefined, more: Told | undefined): Told | undefined {
  if (!more || Object.keys(more).length === 0) return held;
  return { ...(held ?? {}), ...more };
}

export type FlowEvent =
  /**
   * `leftOut`: with a total picked among several figures, the ones not picked.
   * `assume`: the person did not know ("不知道") and the answer is the question's stated default:
   * stored as an assumption, said with the estimate and open to change.
   */
  | { type: "ANSWER"; a: unknown; leftOut?: string[]; deposit?: string; told?: Told; assume?: boolean; forget?: Slot[] }
  | { type: "INVALID"; why: Problem }
  | { type: "BACK" }
  | { type: "NEXT" }
  /** A figure quoted on its own (起付线是1000): kept, to be said back and compared with the estimate. */
  | { type: "TOLD"; told: Told; deposit?: string }
  | { type: "ALL" }
  | { type: "PICK_CHANGE" }
  | { type: "CHANGE"; slot: Slot };

export interface FlowInput {
  a?: Answers;
  quick?: boolean;
  leftOut?: string[];
  deposit?: string;
  told?: Told;
}

/**
 * Stand-ins for what a one-message question leaves out, every one said in the reply: the
 * scheme, status, hospital level and registration come from national.yaml's
 * `defaults.assumptions` (chosen so that the estimate errs low, and why, are written there);
 * the 乙类 and 自费 amounts are unknown (null), counted as none and said so.
 */
export function assumptions(): Partial<Answers> {
  const a = flowDefaults().assumptions;
  return { scheme: a.scheme, status: a.status, level: a.hospitalLevel, visitor: a.visitor, classB: null, outOfCatalog: null };
}

/** Someone who says 退休 is taken to be in 职工医保 (national.yaml `defaults.retiredMeansEmployee`). */
function retiredMeansEmployee(): boolean {
  return flowDefaults().retiredMeansEmployee;
}

/** The flows by name (the router's ids). */
export type FlowName = "eligibility" | "registration" | "estimate" | "claim";

/** The order each flow asks its questions in: 返回 goes to the question before the pending one. */
export const QUESTION_ORDER: Record<FlowName, readonly Slot[]> = {
  eligibility: ["insured", "treatment", "category"],
  registration: ["insured", "treatment", "category"],
  estimate: ["insured", "scheme", "treatment", "setting", "level", "visitor", "status", "total", "classB", "outOfCatalog"],
  claim: ["why", "setting", "insured"],
};

/** Every answer a flow reads (its questions, and what a category implies): a change to another is of no use to it. */
export const FLOW_USES: Record<FlowName, readonly Slot[]> = {
  eligibility: ["insured", "treatment", "category", "visitor", "scheme", "status"],
  registration: ["insured", "treatment", "category", "visitor", "scheme", "status"],
  estimate: [...QUESTION_ORDER.estimate, "category", "admissions", "fundPaid", "maternity", "livesThere", "flexible", "notLevel", "visitorGuess", "deductibleMet", "shareWords", "age", "workInjury", "totalWords", "otherScheme", "perMonth", "withFamily"],
  claim: ["why", "setting", "insured", "category", "visitor", "scheme", "maternity"],
};

/**
 * The answer 返回 takes back: the one given last among the flow's questions asked before
 * `pending` (all of them at a result). Answers to other flows' questions, or to later ones
 * given early, are kept: forgetting them would show the same question again.
 */
export function answerBefore(ctx: FlowContext, flow: FlowName, pending?: Slot): Slot | undefined {
  const order = QUESTION_ORDER[flow];
  const limit = pending === undefined ? order.length : order.indexOf(pending);
  for (let i = ctx.trail.length - 1; i >= 0; i--) {
    const slot = ctx.trail[i]!;
    const at = order.indexOf(slot);
    if (at >= 0 && at < limit && ctx.a[slot] !== undefined) return slot;
  }
  return undefined;
}

/** Why a bill was not settled directly, when other answers already say it (生孩子; 没备案). */
function whyFromAnswers(a: Answers): Answers["why"] {
  if (a.maternity) return "maternity";
  if (a.visitor === "unregistered") return "unregistered";
  return undefined;
}

function inHomeLikeZone(a: Answers): boolean {
  if (!a.insured || !a.treatment || jurisdictionOf(a) === "same_pool") return false;
  try {
    return zoneSettlesAsHome(getPolicyBook(), a.insured, a.treatment, a.scheme);
  } catch {
    // Without the data the question is asked, as before.
    return false;
  }
}

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
    hasAnswerBefore: ({ context }, params: { flow: FlowName; slot?: Slot }) => answerBefore(context, params.flow, params.slot) !== undefined,
    canUndoChange: ({ context }) => context.undo !== undefined,
    flexibleNeedsScheme: ({ context }) => context.a.scheme === undefined && !!context.a.flexible,
    isSamePool: ({ context }) => jurisdictionOf(context.a) === "same_pool",
    // 在职/退休 changes only employee benefits; 居民医保 has no retirees' rules.
    needsStatus: ({ context }) => context.a.status === undefined && context.a.scheme !== "resident",
    needsVisitor: ({ context }) => context.a.visitor === undefined && jurisdictionOf(context.a) !== "same_pool",
    // 石家庄→北京 (京津冀 免备案): every kind of visitor is settled as at home, so none is asked.
    zoneSettlesAsHome: ({ context }) => context.a.visitor === undefined && context.a.category === undefined && inHomeLikeZone(context.a),
    // 没备案 or 生孩子 already says why the bill was not settled at the hospital.
    knowsWhyFromAnswers: ({ context }) => context.a.why === undefined && whyFromAnswers(context.a) !== undefined,
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
      const undone = context.undo && Object.keys(context.undo.a).some((s) => slots.includes(s as Slot));
      const a = withPatch(context.a, patch);
      // 那门诊呢 after a stay: another bill — the stay's amounts go, to be asked.
      for (const slot of event.forget ?? []) if (!slots.includes(slot)) delete a[slot];
      // Said after a result that took a short trip for granted (在东莞打工的): the guess follows the fact.
      // 不是三甲 after an estimate at 三级: that level goes, and is asked.
      if (patch.notLevel !== undefined && patch.level === undefined && a.level === patch.notLevel) delete a.level;
      if (patch.livesThere && !patch.visitor && context.assumed?.includes("visitor") && a.visitor === assumptions().visitor) a.visitor = "long_term";
      // The registration answered again in plain words: the guess it was read from goes.
      if ((patch.visitor !== undefined || patch.category !== undefined) && patch.visitorGuess === undefined) delete a.visitorGuess;
      // The other person's scheme worked out now (换成职工医保): the first one is the other now.
      if (patch.scheme !== undefined && context.a.otherScheme === patch.scheme && context.a.scheme !== undefined) a.otherScheme = context.a.scheme;
      // A total said as a figure: the words of a range said before go with the old one.
      if (patch.total !== undefined && patch.totalWords === undefined) delete a.totalWords;
      if (patch.total !== undefined && patch.perMonth === undefined) delete a.perMonth;
      // A figure for the part said as a share: the share's words go with the old figure.
      if (patch.shareWords === undefined && a.shareWords && patch[a.shareWords.slot] !== undefined) delete a.shareWords;
      return {
        a,
        trail: [...without(context.trail, [...slots, ...(event.forget ?? [])]), ...slots],
        tries: 0,
        err: undefined,
        assumed: event.assume ? [...without(context.assumed ?? [], slots), ...slots] : context.assumed ? without(context.assumed, [...slots, ...(event.forget ?? [])]) : undefined,
        ...(undone ? { undo: undefined } : {}),
        // A new total replaces what was left out of the old one.
        ...(slots.includes("total") ? { leftOut: event.leftOut?.length ? event.leftOut : undefined } : {}),
        ...(event.deposit ? { deposit: event.deposit } : {}),
        ...(event.told ? { told: withTold(context.told, event.told) } : {}),
      };
    }),
    countFailedTry: assign(({ context, event }) => ({
      tries: context.tries + 1,
      err: event.type === "INVALID" ? event.why : ({ k: "invalid" } as Problem),
    })),
    forgetAnswerBefore: assign(({ context }, params: { flow: FlowName; slot?: Slot }) => {
      const slot = answerBefore(context, params.flow, params.slot);
      if (!slot) return {};
      const a = { ...context.a };
      const drop: Slot[] = [slot];
      // The visitor kind that came with a category goes with it.
      if (slot === "category" && a.category && a.visitor === visitorOf(a.category)) drop.push("visitor");
      // …and the 退休 that 退休后到外地定居 implies (if the person had said it too, it is asked once more later).
      if (slot === "category" && a.category === "retiree_relocated" && a.status === "retired") drop.push("status");
      for (const s of drop) delete a[s];
      return { a, trail: without(context.trail, drop), tries: 0, err: undefined, assumed: context.assumed ? without(context.assumed, drop) : undefined };
    }),
    undoChange: assign(({ context }) => {
      if (!context.undo) return {};
      const slots = Object.keys(context.undo.a) as Slot[];
      const assumed = context.undo.assumed ? [...(context.assumed ?? []), ...slots] : context.assumed;
      return {
        a: { ...context.a, ...context.undo.a },
        trail: [...without(context.trail, slots), ...slots],
        tries: 0,
        err: undefined,
        undo: undefined,
        ...(assumed ? { assumed } : {}),
      };
    }),
    forgetChosenAnswer: assign(({ context, event }) => {
      if (event.type !== "CHANGE") return {};
      const a = { ...context.a };
      const old = a[event.slot];
      delete a[event.slot];
      if (event.slot === "visitor" || event.slot === "category") delete a.visitorGuess;
      return {
        a,
        trail: without(context.trail, [event.slot]),
        tries: 0,
        err: undefined,
        assumed: context.assumed ? without(context.assumed, [event.slot]) : undefined,
        undo: old === undefined ? undefined : { a: { [event.slot]: old } as Answers, ...(context.assumed?.includes(event.slot) ? { assumed: true } : {}) },
      };
    }),
    assumeRest: assign(({ context }) => {
      const a: Answers = { ...context.a };
      const assumed: Slot[] = [];
      for (const [slot, value] of Object.entries(assumptions()) as [Slot, never][]) {
        if (a[slot] !== undefined) continue;
        // Residents do not retire: someone who says 退休 is almost always in 职工医保; 灵活就业
        // is joined as an individual, most often in 职工医保 (灵活就业人员参加职工基本医疗保险).
        // 在职 (or 上班, 公务员) is a word of 职工医保 only: residents are not employed through the scheme.
        if (slot === "scheme" && ((a.status === "retired" && retiredMeansEmployee()) || a.flexible || (a.status === "working" && !context.assumed?.includes("status")))) {
          a.scheme = "employee";
          assumed.push(slot);
          continue;
        }
        if (slot === "visitor" && jurisdictionOf(a) === "same_pool") continue;
        // Someone who lives or works where the care is has most likely a long-term registration.
        if (slot === "visitor" && a.livesThere) {
          a.visitor = "long_term";
          assumed.push(slot);
          continue;
        }
        // Staying with family, for how long not said: long or short is asked (route → askVisitor), not guessed.
        if (slot === "visitor" && a.withFamily) continue;
        if (slot === "status" && a.scheme === "resident") continue;
        // 不是三甲: the default level is the one denied; it is asked instead (see the estimate's route).
        if (slot === "level" && a.notLevel === value) continue;
        // 大部分是自费的: a part said with no figure is asked, not taken as unknown.
        if (a.shareWords?.vague && a.shareWords.slot === slot) continue;
        a[slot] = value;
        assumed.push(slot);
      }
      return { a, assumed, quick: undefined };
    }),
    // Taken as not registered (none is needed there), said with the estimate like any assumption.
    assumeZoneVisitor: assign(({ context }) => ({ a: { ...context.a, visitor: "unregistered" as const }, assumed: [...without<Slot>(context.assumed ?? [], ["visitor"]), "visitor" as Slot] })),
    clearProblem: assign({ tries: 0, err: undefined }),
    assumeFlexibleScheme: assign(({ context }) => ({ a: { ...context.a, scheme: "employee" as const }, assumed: [...without<Slot>(context.assumed ?? [], ["scheme"]), "scheme" as Slot] })),
    storeTold: assign(({ context, event }) => (event.type === "TOLD" ? { told: withTold(context.told, event.told), ...(event.deposit ? { deposit: event.deposit } : {}), tries: 0, err: undefined } : {})),
    takeWhyFromAnswers: assign(({ context }) => {
      const why = whyFromAnswers(context.a);
      if (!why) return {};
      const trail: Slot[] = [...without<Slot>(context.trail, ["why"]), "why"];
      return { a: { ...context.a, why }, trail };
    }),
  },
});

/**
 * A question state: an answer that passes the checks is stored, anything else counts as a
 * failed try. 返回 puts back an answer being changed, else goes to the question before.
 */
export function ask(flow: FlowName, slot: Slot) {
  return {
    on: {
      ANSWER: [
        { guard: "isValidAnswer", target: "route", actions: "storeAnswer" },
        { actions: "countFailedTry" },
      ],
      INVALID: { actions: "countFailedTry" },
      TOLD: { actions: "storeTold" },
      BACK: [
        { guard: "canUndoChange", target: "route", actions: "undoChange" },
        { guard: { type: "hasAnswerBefore", params: { flow, slot } }, target: "route", actions: { type: "forgetAnswerBefore", params: { flow, slot } } },
      ],
    },
  } as const;
}

/** 返回 at a result or a step: back to the last question the flow asked. */
export function backToLastQuestion(flow: FlowName) {
  return { guard: { type: "hasAnswerBefore", params: { flow } }, target: "route", actions: { type: "forgetAnswerBefore", params: { flow } } } as const;
}

/** The initial context from what the router already knows. */
export function initialContext(input: FlowInput): FlowContext {
  const a = input.a ?? {};
  return { a, trail: Object.keys(a) as Slot[], tries: 0, ...(input.quick ? { quick: true } : {}), ...(input.leftOut?.length ? { leftOut: input.leftOut } : {}), ...(input.deposit ? { deposit: input.deposit } : {}), ...(input.told ? { told: input.told } : {}) };
}

/** The slot an `askXxx` state asks for. */
export function slotOfState(state: string): Slot | undefined {
  if (!state.startsWith("ask") || state.length < 4) return undefined;
  return (state[3]!.toLowerCase() + state.slice(4)) as Slot;
}
