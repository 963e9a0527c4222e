/**
 * What the person is told, derived from the router's state and context alone (plus the
 * date): the same snapshot always gives the same replies, so choices typed as numbers
 * can be matched against the last reply after a restore.
 */
import { visitorOf, type Answers, type Slot } from "../../flows/answers.ts";
import { slotOfState, type FlowContext } from "../../flows/common.ts";
import { activeFlow, type FlowId, type FlowState, type Note, type RouterContext } from "../../flows/router.ts";
import { flowMessages as m } from "../messages/flows.ts";
import { emergencyLocalAnswer, generalAnswer, isGeneralTopic, kindsBrief } from "./general.ts";
import { ratioChangeAnswer, whyRatioAnswer } from "./why-ratio.ts";
import { maternityAnswer } from "./maternity.ts";
import { makeUpNow } from "./still-in.ts";
import { validityAnswer } from "./validity.ts";
import { inProvinceAnswer } from "./in-province.ts";
import { factFor } from "./policy-data.ts";
import { explanationOf, questionReply } from "./questions.ts";
import type { Choice, Reply } from "./reply.ts";
import { eligibilityNext, estimateAfter, estimateBrief, estimatePolicyYear, valueLabel, changeChoices, claimResult, eligibilityResult, estimateResult, registrationView } from "./results.ts";

const menuChoices: Choice[] = (Object.keys(m.menuChoices) as FlowId[]).map((id) => ({ id: `go:${id}`, label: m.menuChoices[id] }));

/** The menu; `ownExample` when the intro already gives an example sentence (not two in one message). */
function menuReply(intro: string = m.menu, ownExample = false): Reply {
  return { text: ownExample ? intro : `${intro}\n${m.menuExample}`, choices: menuChoices };
}

function problemReply(ctx: FlowContext): Reply[] {
  return ctx.err ? [{ text: ctx.err.k === "invalid" ? m.problems.invalid : m.problems.unclear }] : [];
}

/** The replies for one flow's state (exported for the model-based tests). */
export function flowView(id: FlowId, flow: FlowState, now: Date): Reply[] {
  const ctx = flow.c;
  const slot = slotOfState(flow.v);
  if (slot) return [questionReply(slot, ctx)];
  if (ctx.err) {
    // After an unusable message at a result, say so and repeat only the closing question, not the whole result.
    const { err: _err, ...clean } = ctx;
    const calm = { v: flow.v, c: clean };
    // Twice not understood at an estimate: say how to change it instead of the same question again.
    const tail = id === "estimate" && flow.v === "result" ? estimateAfter(ctx.tries >= 2) : flowView(id, calm, now).at(-1);
    return [...problemReply(ctx), ...(tail ? [tail] : [])];
  }
  switch (id) {
    case "estimate":
      if (flow.v === "pickChange") return [{ text: m.estimate.pickChange, choices: changeChoices(ctx.a) }];
      return estimateResult(ctx, now);
    case "eligibility":
      return eligibilityResult(ctx, now);
    case "claim":
      return claimResult(ctx, now);
    case "registration":
      return registrationView(flow.v, ctx, now);
  }
}

/** The question or next step the person is on, without repeating long results. */
function pending(value: string, ctx: RouterContext, now: Date): Reply {
  const id = activeFlow(value);
  if (!id || !ctx.flow) return menuReply();
  // The estimate's closing question does not need the evaluator: keep restating it cheap.
  if (id === "estimate" && ctx.flow.v === "result") return estimateAfter();
  const replies = flowView(id, ctx.flow, now);
  return replies[replies.length - 1] ?? menuReply();
}

/** What was understood, as the person would say it ("就医地成都，住院"); empty when nothing is worth saying. */
function heardText(slots: readonly Slot[], a: Answers): string {
  // The visitor kind that follows from the category is not news; a choice's label says what it is.
  const shown = slots.filter((s) => a[s] !== undefined && !(s === "visitor" && slots.includes("category")));
  return shown.map((s) => (s in m.heardNamed ? m.heardNamed[s]!(valueLabel(s, a)) : valueLabel(s, a))).filter((x) => x !== "").join("，");
}

/** The kind of registration the person's answers point to, if they point to one. */
function termOf(a: Answers | undefined): "long" | "temporary" | undefined {
  const visitor = a?.category ? visitorOf(a.category) : a?.visitor;
  if (!visitor || visitor === "unregistered") return undefined;
  return visitor === "long_term" ? "long" : "temporary";
}

/** The answer to a side question: a general question composed from the national rules, or one fact. */
function topicAnswer(topic: string, a: Answers, now: Date) {
  if (topic === "why_ratio") return whyRatioAnswer(a, now);
  // 比例会不会降 from someone whose insured place has its own rule: that rule, not the national ceiling.
  if (topic === "ratio_change") return ratioChangeAnswer(a, now) ?? factFor(topic, termOf(a));
  if (topic === "maternity") return maternityAnswer(a, now) ?? factFor(topic, termOf(a));
  if (topic === "validity") return validityAnswer(a, now, termOf(a)) ?? factFor(topic, termOf(a));
  // 东莞, 重庆: an emergency still registers before discharge — their rule, not 视同已备案.
  if (topic === "emergency") return emergencyLocalAnswer(a.insured, a.scheme, now) ?? factFor(topic, termOf(a));
  // 沈阳→大连: 省内异地, not the cross-province lists.
  if (topic === "chronic_disease" || topic === "outpatient") return inProvinceAnswer(topic, a, now) ?? factFor(topic, termOf(a));
  return isGeneralTopic(topic) ? generalAnswer(topic, a, now) : factFor(topic, termOf(a));
}

/** A flow's states that end it with closing choices ("接下来想做什么？"), not a question. */
const CLOSED: readonly string[] = ["result", "done"];

/** Longer than this, a side answer said after the figures keeps its first sentence only. */
const BRIEF_CHARS = 120;

function shortened<F extends { text: string }>(fact: F | undefined): F | undefined {
  return fact && fact.text.length > BRIEF_CHARS ? { ...fact, text: firstSentence(fact.text) } : fact;
}

/** A side question asked besides the bill's (能报多少 要不要备案), answered in a few words after the figures (QA5 Q97). */
function briefAnswer(topic: string, a: Answers, now: Date): Reply | undefined {
  // 哪个划算 has its own two lines (the cut, and that the kind is not a choice); the others their first sentence when long.
  const facts = topic.split("+").map((t) => (t === "kinds_compare" ? kindsBrief() : shortened(topicAnswer(t, a, now)))).filter((f): f is NonNullable<typeof f> => !!f);
  if (facts.length === 0) return undefined;
  const text = facts.map((f) => f.text).join("\n");
  const sources = [...new Set(facts.flatMap((f) => f.source?.split("；") ?? []))];
  return { text: sources.length > 0 ? `${text}${m.aside.source(sources.join("；"))}` : text, ...(sources.length > 0 ? { sources } : {}) };
}

/** The figures, then the other questions in a few words, before the closing choices (so numbers typed next still refer to them). */
function besidesReplies(note: Extract<Note, { k: "besides" }>, value: string, ctx: RouterContext, now: Date): Reply[] {
  const id = activeFlow(value);
  if (!id || !ctx.flow) return [menuReply()];
  const result = note.first ? asideReplies({ k: "aside", topic: note.first, answered: true }, value, ctx, now) : flowView(id, ctx.flow, now);
  const brief = briefAnswer(note.topic, ctx.flow.c.a, now);
  return brief ? [...result.slice(0, -1), brief, ...result.slice(-1)] : result;
}

function asideReplies(note: Extract<Note, { k: "aside" }>, value: string, ctx: RouterContext, now: Date): Reply[] {
  const id = activeFlow(value);
  const fact = topicAnswer(note.topic, (activeFlow(value) ? ctx.flow?.c.a : ctx.kept) ?? {}, now);
  const answer: Reply = fact
    ? { text: fact.source ? `${fact.text}${m.aside.source(fact.source)}` : fact.text, ...(fact.source ? { sources: [fact.source] } : {}) }
    : { text: m.aside.noData };
  // A deposit said with the question is kept at the menu for the estimate: said back with the other facts.
  const deposit = !id && ctx.deposit ? m.heardDeposit(m.estimate.yuan(ctx.deposit)) : "";
  const heard = [note.heard ? heardText(note.heard, (id ? ctx.flow?.c.a : ctx.kept) ?? {}) : "", deposit].filter((x) => x !== "").join("，");
  // The same message answered the question too: what follows it (a result, too) is new, shown in full.
  if (note.answered && id && ctx.flow) return [answer, ...(heard ? [{ text: m.heard(heard) }] : []), ...flowView(id, ctx.flow, now)];
  if (!id) return [answer, menuReply(heard ? `${m.kept(heard)}${m.menu}` : m.menu)];
  const rest = pending(value, ctx, now);
  // "接着刚才的问题" before a question or a step; at a result the closing choices follow as they are.
  const back = ctx.flow && CLOSED.includes(ctx.flow.v) ? "" : `${m.backTo}\n`;
  return [answer, { ...rest, text: `${heard ? `${m.heard(heard)}\n` : ""}${back}${rest.text}` }];
}

function noteReplies(note: Note, value: string, ctx: RouterContext, now: Date): Reply[] | undefined {
  switch (note.k) {
    case "welcome":
      return [menuReply(m.welcome)];
    case "help":
      return [{ text: m.help }, pending(value, ctx, now)];
    case "cancelled":
      return [menuReply(`${m.cancelled}${m.menu}`)];
    case "restarted":
      return [menuReply(`${m.restarted}${m.menu}`)];
    case "atMenu":
      return [menuReply(`${m.atMenu}${m.menu}`)];
    case "leftFlow":
      return [menuReply(`${m.leftFlow}${m.menu}`)];
    case "aside":
      return asideReplies(note, value, ctx, now);
    case "besides":
      return besidesReplies(note, value, ctx, now);
    case "thanks":
      return activeFlow(value) ? [{ text: m.thanksInFlow }, pending(value, ctx, now)] : [menuReply(m.thanks)];
    case "unclear":
      if (activeFlow(value)) return [{ text: m.unclear }, pending(value, ctx, now)];
      // Not understood twice in a row at the menu: explain what works before offering the menu again.
      return (ctx.misses ?? 0) >= 2 ? [{ text: m.help }, menuReply(m.unclearMenu)] : [menuReply(m.unclearMenu)];
    case "range":
      return [{ text: m.range(note.n) }, pending(value, ctx, now)];
    case "expired":
      return [{ text: m.expired }, pending(value, ctx, now)];
    case "changed": {
      const replies = view(value, { ...ctx, note: undefined }, now);
      const a = ctx.flow?.c.a ?? {};
      const what = changedText(note.slots, a);
      // A new trip (那我去北京旅游突然住院呢: another place and another kind of stay) with the old bill:
      // said, not carried over silently. One answer put right (那在北京呢, 改成杭州) is the same case.
      const newTrip = note.slots.some((s) => s === "treatment" || s === "insured") && note.slots.some((s) => s === "visitor" || s === "category" || s === "setting");
      const carried = a.total && !note.slots.includes("total") && newTrip ? m.change.keptTotal(a.total) : "";
      return what ? [{ text: m.change.changed(what) + carried }, ...replies] : replies;
    }
    case "unchanged":
      return [{ text: m.change.same(changedText(note.slots, ctx.flow?.c.a ?? {})) }, pending(value, ctx, now)];
    case "confirm":
      return [confirmReply(note.slots, ctx, note.why)];
    case "keptAnswer":
      return [{ text: m.change.kept(changedText(note.slots, ctx.flow?.c.a ?? {})) }, pending(value, ctx, now)];
    case "unused":
      return [{ text: m.change.unused(heardText(note.slots, ctx.flow?.c.a ?? {})) }, pending(value, ctx, now)];
    case "fresh": {
      const replies = view(value, { ...ctx, note: undefined }, now);
      const carried = heardText(note.carried, ctx.flow?.c.a ?? {});
      return [{ text: carried ? `${m.change.fresh}${m.change.carried(carried)}` : m.change.fresh }, ...replies];
    }
    case "nothingToChange":
      return [menuReply(`${m.change.nothing}\n${m.menu}`)];
    case "correctWhat":
      return [{ text: m.change.what }, pending(value, ctx, now)];
    case "makeUpNow": {
      const told = ctx.flow && activeFlow(value) === "estimate" ? makeUpNow(ctx.flow.c.a, now) : undefined;
      return told ? [{ text: told }, estimateAfter()] : [{ text: m.unclear }, pending(value, ctx, now)];
    }
    case "registered":
      return registeredReplies(value, ctx, now);
    case "aboutAnswer": {
      const text = note.kind === "dataYear" ? m.aboutAnswer.dataYear(policyVersionOf(value, ctx, now)) : m.aboutAnswer[note.kind];
      if (activeFlow(value) === "estimate" && ctx.flow?.v === "result") return [{ text }, estimateAfter()];
      return activeFlow(value) ? [{ text }, pending(value, ctx, now)] : [menuReply(`${text}\n${m.menu}`, true)];
    }
    case "samePerson": {
      // After an estimate (我爸也是): its figures again in one sentence; else the question still pending.
      const brief = activeFlow(value) === "estimate" && ctx.flow?.v === "result" ? estimateBrief(ctx.flow.c, now, m.change.samePersonResult) : undefined;
      if (brief) return [{ text: brief }, estimateAfter()];
      return [{ text: m.change.samePerson }, pending(value, ctx, now)];
    }
    case "smallTalk": {
      const said = note.again ? m.smallTalkAgain : m.smallTalk[note.kind];
      return activeFlow(value) ? [{ text: said }, pending(value, ctx, now)] : [menuReply(`${said}\n${m.menu}`, true)];
    }
    case "unsure": {
      const choices = note.intents.filter((i) => m.intentLabels[i]).map((i) => ({ id: `i:${i}`, label: m.intentLabels[i]! }));
      return choices.length > 0 ? [{ text: m.unsure, choices }] : [menuReply(m.unclearMenu)];
    }
    case "rephrase":
      return rephraseReplies(note, value, ctx, now);
    case "whichAmount": {
      const yuan = (v: string) => m.estimate.yuan(v);
      if (note.sum) {
        // 花了3万5 另外还有5000: the first figure alone, or both added up — not the added one as the bill.
        const [base, ...added] = note.values as [string, ...string[]];
        const choices = [{ id: `amt:${note.sum}`, label: m.amountSumChoice(note.sum) }, { id: `amt:${base}`, label: m.amountBaseChoice(base) }];
        return [{ text: m.whichAmountAdded(yuan(base), added.map(yuan).join("、"), yuan(note.sum)), choices }];
      }
      const asked = note.over ? m.whichAmountOver(yuan(note.values[0]!), note.values.slice(1).map(yuan).join("、")) : m.whichAmount(note.values.map(yuan).join("、"));
      return [{ text: asked, choices: note.values.map((v) => ({ id: `amt:${v}`, label: m.amountChoice(v) })) }];
    }
    case "saidBoth": {
      const labels = note.values.map((v, i) => saidBothLabel(note.slot, v, i, note.said));
      return [{ text: m.saidBoth(labels[0]!, labels[1]!), choices: note.values.map((v, i) => ({ id: `sb:${note.slot}:${v}`, label: labels[i]! })) }];
    }
    case "assumedAnswer": {
      const replies = view(value, { ...ctx, note: undefined }, now);
      const notThird = ctx.flow?.c.a.notLevel === 3 && ctx.flow.c.a.level === 2;
      const said = note.slots.map((s) => m.estimate.assumed[s === "level" && notThird ? "levelNotThird" : s]).filter((x): x is string => !!x);
      return said.length > 0 ? [{ text: m.assumedAnswer(said.join("，")) }, ...replies] : replies;
    }
    case "heard": {
      const heard = heardText(note.slots, ctx.flow?.c.a ?? {});
      const replies = view(value, { ...ctx, note: undefined }, now);
      if (!heard) return replies;
      return [{ text: note.still ? m.heardStill(heard) : m.heard(heard) }, ...replies];
    }
  }
}

/** The policy year the estimate on screen used ("2023 年"), if there is one. */
function policyVersionOf(value: string, ctx: RouterContext, now: Date): string | undefined {
  return activeFlow(value) === "estimate" && ctx.flow?.v === "result" ? estimatePolicyYear(ctx.flow.c, now) : undefined;
}

/** 备案了 after a result: the estimate stands as worked out (its kind said when only assumed); after the category, what it brings. */
function registeredReplies(value: string, ctx: RouterContext, now: Date): Reply[] {
  const id = activeFlow(value);
  const c = ctx.flow?.c;
  if (id === "estimate" && c && ctx.flow?.v === "result") {
    const kindAssumed = c.assumed?.includes("visitor") && c.a.visitor !== undefined && c.a.visitor !== "unregistered";
    return [{ text: m.registered.estimate(kindAssumed ? valueLabel("visitor", c.a) : undefined) }, estimateAfter()];
  }
  if (id === "eligibility" && c?.a.treatment) return [{ text: `${m.registered.eligibility(valueLabel("treatment", c.a))}\n${m.eligibility.next}`, choices: eligibilityNext() }];
  return [{ text: m.unclear }, pending(value, ctx, now)];
}

/** A button of the "which stands?" question: the denial as the person typed it, the affirmed value by its name. */
function saidBothLabel(slot: Slot, value: string, index: number, said: string): string {
  if (index === 1) return said;
  if (value === "-") return m.saidBothRegistered;
  return valueLabel(slot, { [slot]: slot === "level" ? Number(value) : value } as Answers);
}

/** Changed answers as said back ("二级医院", "就医地北京"); the category that came with a visitor kind is not news. */
function changedText(slots: readonly Slot[], a: Answers): string {
  return heardText(slots.includes("visitor") ? slots.filter((s) => s !== "category") : slots, a);
}

/** "您之前说的是「退休」，这次说的是「在职」。按哪个算？" with the two as buttons. */
function confirmReply(slots: readonly Slot[], ctx: RouterContext, why?: "retiredResident"): Reply {
  const before = changedText(slots, ctx.flow?.c.a ?? {});
  const now = changedText(slots, { ...(ctx.flow?.c.a ?? {}), ...(ctx.proposal ?? {}) });
  return {
    text: why === "retiredResident" ? m.change.retiredResident(before, now) : m.change.confirm(before, now),
    choices: [
      { id: "cf:y", label: m.change.yes(now) },
      { id: "cf:n", label: m.change.no(before) },
    ],
  };
}

/** The first sentence of a longer text: what a simpler rewording keeps. */
function firstSentence(text: string): string {
  // A list reads as one sentence: "有两类：\n· 长期…\n· 临时…" → "有两类：长期…；临时…".
  const flat = text
    .trim()
    .replace(/[：:]\n(· )?/g, "：")
    .replace(/\n(· )?/g, "；");
  const cut = flat.search(/[。]/);
  return cut > 0 ? flat.slice(0, cut + 1) : flat;
}

/**
 * "没看懂": the last answer again in fewer words — the figures of an estimate, the first sentence
 * of a rule, what a question expects. Not understood twice: the menu and an example sentence.
 */
function rephraseReplies(note: Extract<Note, { k: "rephrase" }>, value: string, ctx: RouterContext, now: Date): Reply[] {
  const id = activeFlow(value);
  if (note.again) {
    // In a flow the question stays, explained, with the way out; at the menu an example and the menu.
    const slot = id && ctx.flow ? slotOfState(ctx.flow.v) : undefined;
    if (slot && ctx.flow) {
      const question = questionReply(slot, { ...ctx.flow.c, err: undefined, tries: 0 });
      return [{ text: m.rephrase.againInFlow }, { ...question, text: `${explanationOf(slot)}\n${question.text}` }];
    }
    return [menuReply(m.rephrase.again, true)];
  }
  if (note.topic) {
    const fact = topicAnswer(note.topic, (id ? ctx.flow?.c.a : ctx.kept) ?? {}, now);
    if (fact) return [{ text: m.rephrase.simpler(firstSentence(fact.text)) }, ...(id ? [pending(value, ctx, now)] : [menuReply()])];
  }
  if (!id || !ctx.flow) return [menuReply(m.rephrase.menu, true)];
  const slot = slotOfState(ctx.flow.v);
  if (slot) {
    const question = questionReply(slot, { ...ctx.flow.c, err: undefined, tries: 0 });
    return [{ ...question, text: `${explanationOf(slot)}\n${question.text}` }];
  }
  if (id === "estimate" && ctx.flow.v === "result") {
    const brief = estimateBrief(ctx.flow.c, now);
    return [{ text: brief ?? m.rephrase.menu }, estimateAfter()];
  }
  const last = flowView(id, ctx.flow, now);
  const main = last[0];
  return main ? [{ text: m.rephrase.simpler(firstSentence(main.text)) }, ...last.slice(1)] : [menuReply(m.rephrase.menu, true)];
}

/** Every reply for the router's current snapshot. */
export function view(value: unknown, ctx: RouterContext, now: Date): Reply[] {
  const state = String(value);
  if (ctx.note) {
    const replies = noteReplies(ctx.note, state, ctx, now);
    if (replies) return replies;
  }
  const id = activeFlow(state);
  if (!id || !ctx.flow) return [menuReply()];
  return flowView(id, ctx.flow, now);
}

/** The choices of the last reply: what a typed number or label refers to. */
export function currentChoices(value: unknown, ctx: RouterContext, now: Date): Choice[] {
  const state = String(value);
  // Notes that end in their own choices (a yes/no, the likeliest readings, the menu again).
  if (ctx.note && ["confirm", "unsure", "nothingToChange", "rephrase", "whichAmount", "saidBoth"].includes(ctx.note.k)) {
    return noteReplies(ctx.note, state, ctx, now)?.at(-1)?.choices ?? [];
  }
  if (!activeFlow(state) || !ctx.flow) return menuChoices;
  return pending(state, ctx, now).choices ?? [];
}
