/**
 * From what the person sent to the router's event. A button, or a short reply read against the
 * pending question (src/language/replies.ts), maps through the READING table; any other text is
 * parsed ONCE and the (parse, pending question) pair maps through the RULES table, first match
 * wins. No words are read here: every reading of Chinese lives in src/language.
 */
import { Decimal } from "decimal.js";
import { AMOUNT_SLOTS, CATEGORY_IDS, MONTHS_A_YEAR, isSlot, REGION_SLOTS, visitorOf, type Answers, type CategoryId, type Slot } from "../../flows/answers.ts";
import { assumptions, slotOfState, type Problem, type Told } from "../../flows/common.ts";
import { activeFlow, FLOW_IDS, type FlowId, type RouterContext, type RouterEvent } from "../../flows/router.ts";
import {
  asksQuestion,
  claimReasonOf,
  hasMoneyCue,
  parse,
  questionTopics,
  readReply,
  type Command,
  type Intent,
  type Parse,
  type ReplyReading,
  type Slots,
} from "../language/index.ts";
import { changedFromName, namesOtherPerson, placeAnswerText, saysChange, saysNotUnderstood } from "../language/changes.ts";
import { replacedName } from "../language/replaced-name.ts";
import { saysRegistered, saysRegisteredOnly } from "../language/registered-fact.ts";
import { aboutAnswerOf } from "../language/about-answer.ts";
import { smallTalkOf } from "../language/small-talk.ts";
import { asksAgainFor, asksWhereToHandIn, followUpTopic, sameFamily } from "../language/follow-ups.ts";
import { shareOf } from "../language/share-words.ts";
import { ageOf } from "../language/age.ts";
import { deniesEmergency, earlierStaysOf, emergencyOnlyGuessed, livesAtTreatmentPlace, namesRegistration, registrationKindAnswer, saysChildbirth, saysDeductibleMet, saysHospitalStay, saysLongTermAlone, saysMadeUp, saysNoReferral, saysWorkInjury, supposesCase, putsRight, twoPeopleSchemes, statedRegistrationOf, yearFigureIsFundPaid } from "../language/stated.ts";
import { saysDontKnow, saysStay } from "../language/replies.ts";
import { asksRatio, asksWhatNow, deniedNameAmong, hasAmountUnit, partNamedAlone, saysMonthly, staysWithFamily, supposedKind, saysInHospitalNow, saysPaidFirst, saysSameCase, saysStillInHospital } from "../language/turn-cues.ts";
import { divisionByCode, divisionsByName, PROVINCE_REGIONS } from "../places/divisions.ts";
import { commandEvent } from "./commands.ts";
import { GENERAL_TOPICS } from "./general.ts";
import { ASIDE_TOPICS as FACT_TOPICS } from "./policy-data.ts";
import type { Choice, UserInput } from "./reply.ts";

/** Side questions answered on the spot: one national fact, or a general question (general.ts). */
const ASIDE_TOPICS: readonly string[] = [...FACT_TOPICS, ...GENERAL_TOPICS];

/** Longer messages are cut here: nobody answers a question in more, and parsing stays cheap. */
export const MAX_TEXT = 500;

const EXPECTING: Partial<Record<Slot, keyof Slots>> = {
  insured: "insuredRegion",
  treatment: "treatmentRegion",
  total: "amount",
  classB: "amount",
  outOfCatalog: "amount",
  setting: "setting",
  level: "hospitalLevel",
  scheme: "scheme",
  status: "personStatus",
  visitor: "visitorType",
  category: "visitorType",
};

const FLOW_INTENTS: Partial<Record<Intent, FlowId>> = {
  eligibility: "eligibility",
  registration_howto: "registration",
  registration_materials: "registration",
  estimate: "estimate",
  manual_claim: "claim",
};

/** Flows started by a question the national rules answer first: the answer, then what the flow needs. */
const ANSWER_THEN_FLOW: Partial<Record<Intent, string>> = {
  registration_materials: "registration_materials",
  // 手工报销要什么材料: the national list at once; the flow then asks what the local list needs.
  manual_claim: "claim_materials",
};

/** Answered just before: a bare "材料呢" after them asks what to bring for the claim. */
const CLAIM_TOPICS: readonly string[] = ["makeup_after_discharge", "claim_deadline", "claim_materials"];

/**
 * 那材料呢 after a story of paying first (没备案, 出院了) or inside the claim: the manual claim's
 * materials, not the registration's. Only for a question that does not name 备案 itself.
 */
function asksClaimMaterials(p: Parse, text: string, s: Situation, flow: FlowId | undefined, known: Answers): boolean {
  if (p.intent !== "registration_materials" || namesRegistration(text)) return false;
  const last = s.ctx.note?.k === "aside" ? s.ctx.note.topic : undefined;
  return flow === "claim" || known.why !== undefined || (!!last && CLAIM_TOPICS.includes(last));
}

/** A flow's own question typed as words (the menu's label): the general answer said before its first question. */
const ANSWER_FIRST: Partial<Record<FlowId, string>> = { claim: "claim_materials" };

const TYPED_COMMANDS: Record<Command, RouterEvent> = {
  back: { type: "BACK" },
  cancel: { type: "CANCEL" },
  restart: { type: "RESTART" },
  help: { type: "HELP" },
  resume: { type: "RESUME" },
};

/** Intents that work the same everywhere. */
const CONTROL_INTENTS: Partial<Record<Intent, RouterEvent>> = {
  cancel: { type: "CANCEL" },
  restart: { type: "RESTART" },
  help: { type: "HELP" },
};

/** Control characters out, whitespace squeezed, length capped. */
export function cleanText(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_TEXT);
}

export interface Situation {
  value: string;
  ctx: RouterContext;
  choices: readonly Choice[];
}

function pendingSlot(s: Situation): Slot | undefined {
  return activeFlow(s.value) && s.ctx.flow ? slotOfState(s.ctx.flow.v) : undefined;
}

function choiceEvent(id: string, s: Situation, fromTyping: boolean): RouterEvent {
  const inFlow = !!activeFlow(s.value);
  const shown = s.choices.some((c) => c.id === id);
  if (id.startsWith("go:")) {
    const flow = id.slice(3) as FlowId;
    // 手工报销要哪些材料 typed (the menu's words): the national list first, then what the local one needs.
    // (Not once the insured place is known: the flow's own list is then the place's.)
    const known = (inFlow ? s.ctx.flow?.c.a : s.ctx.kept) ?? {};
    if (FLOW_IDS.includes(flow)) return { type: "START", flow, ...(fromTyping && ANSWER_FIRST[flow] && !known.insured ? { aside: ANSWER_FIRST[flow] } : {}) };
  }
  if (id === "cancel") return { type: "CANCEL" };
  if (id === "restart") return { type: "RESTART" };
  if (id === "help") return { type: "HELP" };
  if (id.startsWith("v:") && inFlow) {
    const [, slot, raw] = id.split(":");
    if (slot && raw !== undefined && isSlot(slot)) {
      // 不知道 under the level question (offered after 不是三甲): the default the words leave, as an assumption.
      if (raw === "?" && slot === "level") return assumedAnswer(slot, s.ctx.flow?.c.a ?? {}) ?? { type: "NOISE", why: "expired" };
      const value = raw === "?" ? null : slot === "level" ? Number(raw) : raw;
      const a: Record<string, unknown> = { [slot]: value };
      if (slot === "category" && (CATEGORY_IDS as readonly string[]).includes(raw)) Object.assign(a, impliedByCategory(raw as CategoryId));
      return { type: "FLOW", event: { type: "ANSWER", a } };
    }
  }
  // The rest only mean something on the message they came with.
  if (!shown && !fromTyping) return { type: "NOISE", why: "expired" };
  if (!shown) return { type: "NOISE", why: "expired" };
  if (id === "cf:y" || id === "cf:n") return { type: "CONFIRM", yes: id === "cf:y" };
  if (id.startsWith("i:")) return intentEvent(id.slice(2) as Intent);
  if (id === "back") return { type: "BACK" };
  if (id.startsWith("amt:")) return amountPicked(id.slice(4), s);
  if (id.startsWith("sb:")) return bothPicked(id.slice(3), s);
  if (id === "next") return { type: "FLOW", event: { type: "NEXT" } };
  if (id === "all") return { type: "FLOW", event: { type: "ALL" } };
  if (id === "chg") return { type: "FLOW", event: { type: "PICK_CHANGE" } };
  if (id.startsWith("c:") && isSlot(id.slice(2))) return { type: "FLOW", event: { type: "CHANGE", slot: id.slice(2) as Slot } };
  if (id.startsWith("p:")) {
    const slot = pendingSlot(s);
    const code = id.slice(2);
    // 吉林省 picked from 吉林省 / 吉林市: ask for a city in it.
    if (slot && REGION_SLOTS.includes(slot)) {
      const place = divisionByCode(code);
      if (place?.level === "province" && !PROVINCE_REGIONS.has(code)) return { type: "FLOW", event: { type: "INVALID", why: { k: "province", code } } };
      return { type: "FLOW", event: { type: "ANSWER", a: { [slot]: code } } };
    }
  }
  return { type: "NOISE", why: "expired" };
}

/** The figure picked as the bill from those the person gave ("您提到了 6万、7万，哪个是总费用？"). */
function amountPicked(total: string, s: Situation): RouterEvent {
  // The figures not picked are carried to the estimate's read-back ("另有 5000 元未计入"), not only warned about.
  const note = s.ctx.note?.k === "whichAmount" ? s.ctx.note : undefined;
  // The figures added up, picked: every figure is counted, none is left out.
  const leftOut = total === note?.sum ? [] : (note?.values ?? []).filter((v) => v !== total);
  const left = leftOut.length > 0 ? { leftOut } : {};
  if (activeFlow(s.value)) return { type: "FLOW", event: { type: "ANSWER", a: { total }, ...left } };
  const seed = { total } as Answers;
  return { type: "START", flow: "estimate", seed, ...left, ...(hasCoreFacts({ ...(s.ctx.kept ?? {}), ...seed }) ? { quick: true } : {}) };
}

/** Which of a fact said and denied stands ("转诊" or "没转诊"): with the rest of the message it came in. */
function bothPicked(pick: string, s: Situation): RouterEvent {
  const note = s.ctx.note?.k === "saidBoth" ? s.ctx.note : undefined;
  const [slot, raw] = pick.split(":");
  if (!note || !slot || raw === undefined || !isSlot(slot)) return { type: "NOISE", why: "expired" };
  const a: Record<string, unknown> = {};
  if (raw !== "-") {
    a[slot] = slot === "level" ? Number(raw) : raw;
    if (slot === "category" && (CATEGORY_IDS as readonly string[]).includes(raw)) Object.assign(a, impliedByCategory(raw as CategoryId));
  }
  if (activeFlow(s.value)) {
    const all = { ...(s.ctx.proposal ?? {}), ...a };
    // Nothing to store (没转诊 and nothing else said): back to the question that was pending.
    return Object.keys(all).length > 0 ? { type: "FLOW", event: { type: "ANSWER", a: all } } : { type: "RESUME" };
  }
  const flow = note.flow ?? "estimate";
  const quick = flow === "estimate" && hasCoreFacts({ ...(s.ctx.kept ?? {}), ...a });
  return { type: "START", flow, seed: a as Answers, ...(quick ? { quick } : {}) };
}

/** A reading picked from the likeliest ones ("您是想问：…"). */
function intentEvent(intent: Intent): RouterEvent {
  const flow = FLOW_INTENTS[intent];
  if (flow) return { type: "START", flow };
  if (ASIDE_TOPICS.includes(intent)) return { type: "ASIDE", topic: intent };
  return { type: "HELP" };
}

/** What a registration category already says: the visitor kind, and for 退休后到外地定居 that the person is retired. */
function impliedByCategory(category: CategoryId): Partial<Answers> {
  return { visitor: visitorOf(category), ...(category === "retiree_relocated" ? { status: "retired" as const } : {}) };
}

/** Longer than this, a message of greeting words only is filler, not a greeting. */
const MAX_GREETING = 24;

/** Side-question topics that an answer to these slots already covers. */
const TOPIC_SLOTS: Partial<Record<string, Slot[]>> = {
  emergency: ["category", "visitor"],
  outpatient: ["setting"],
  chronic_disease: ["setting"],
  maternity: ["why"],
  makeup_registration: ["why", "visitor"],
  makeup_after_discharge: ["why", "visitor"],
};

interface Reading {
  patch: Record<string, unknown>;
  problem?: Problem;
}

/**
 * A name that may mean several places (吉林: the province or its city): every candidate that can
 * be answered is offered, a province too (picking it asks for a city in it); a single one is taken.
 */
function ambiguousPlace(candidates: readonly { code: string; level: string }[], problem: (x: Problem) => void): string | undefined {
  const codes = placeChoices(candidates);
  if (codes.length === 1) return placeCode(candidates.find((c) => c.code === codes[0])!, problem);
  if (codes.length > 1) problem({ k: "ambiguous", codes });
  return undefined;
}

/** At most this many places are offered for one name; the person can still type any other. */
const MAX_PLACE_CHOICES = 6;

/**
 * The places offered for a name that may mean several (吉林, 延州, a slip): cities first (a city is
 * what the question asks for; a province after it leads to its cities), each once, the first six.
 * The one rule for every place question, at the menu or in a flow.
 */
function placeChoices(candidates: readonly unknown[]): string[] {
  const places = candidates.filter((c): c is { code: string; level: string } => typeof c === "object" && c !== null && typeof (c as { code?: unknown }).code === "string");
  const usable = [...places.filter((c) => c.level === "city"), ...places.filter((c) => c.level === "province")];
  return [...new Set(usable.map((c) => c.code))].slice(0, MAX_PLACE_CHOICES);
}

function placeCode(p: { code: string; level: string }, problem: (x: Problem) => void): string | undefined {
  if (p.level === "province" && !PROVINCE_REGIONS.has(p.code)) {
    problem({ k: "province", code: p.code });
    return undefined;
  }
  return p.code;
}

/** The parse's slots as flow answers, relative to the pending question. */
function read(p: Parse, text: string, pending: Slot | undefined, flow: FlowId | undefined, atResult: boolean, changing: boolean, known: Answers = {}): Reading {
  const patch: Record<string, unknown> = {};
  let problem: Problem | undefined;
  const setProblem = (x: Problem) => {
    problem ??= x;
  };
  const s = p.slots;
  if (s.insuredRegion) {
    const code = placeCode(s.insuredRegion, setProblem);
    if (code) patch.insured = code;
  }
  if (s.treatmentRegion) {
    const code = placeCode(s.treatmentRegion, setProblem);
    if (code) patch.treatment = code;
  }
  notDeniedPlaces(p, text, patch, setProblem);
  if (pending && REGION_SLOTS.includes(pending) && patch[pending] === undefined) {
    const bare = p.places?.[0];
    if (bare && (p.places?.length ?? 0) === 1) {
      const code = placeCode(bare, setProblem);
      if (code) patch[pending] = code;
    } else if (!bare && !s.treatmentRegion && !s.insuredRegion) {
      // A bare name the parser did not pick up ("苏州市", "吉林"): look it up directly (not 我在三亚, read as where the care is).
      const found = divisionsByName(placeAnswerText(text));
      const code = ambiguousPlace(found, setProblem);
      if (code) patch[pending] = code;
    }
  } else if (atResult && !pending && patch.insured === undefined && patch.treatment === undefined && p.places?.length === 1) {
    // "那在北京呢" after a result: a lone place with no role is where the care would be.
    const code = placeCode(p.places[0]!, setProblem);
    if (code) patch.treatment = code;
  } else if (!atResult && known.insured === undefined && patch.insured === undefined && patch.treatment === undefined && p.places?.length === 1) {
    // Every flow needs the insured place, and side answers ask for it ("告诉我您在哪里参保"): while
    // it is unknown, a lone place with no role is it, whatever else is pending (the claim asks why first).
    const code = placeCode(p.places[0]!, setProblem);
    if (code) patch.insured = code;
  }
  // 乙类没那么多 大概2千 under a bill already known: the figure is the part named, not a new bill.
  const part = s.amount !== undefined && !(pending && AMOUNT_SLOTS.includes(pending)) && typeof known.total === "string" && s.classB === undefined && s.outOfCatalog === undefined ? partNamedAlone(text) : undefined;
  if (part && new Decimal(s.amount!).lessThanOrEqualTo(known.total as string)) patch[part] = s.amount;
  else if (s.amount !== undefined) {
    if (pending && AMOUNT_SLOTS.includes(pending)) patch[pending] = s.amount;
    // A bare number while a city or a choice is asked is not a cost; only money words make it one.
    // In another flow only a stated change makes it one ("金额改成5万": kept, and said it is not used here).
    else if ((flow === "estimate" || flow === undefined || changing) && (!pending || hasMoneyCue(text) || hasAmountUnit(text))) patch.total = s.amount;
    else setProblem({ k: "unclear" });
    if (p.amountRange && (patch.total === s.amount || (pending === "total" && patch.total === s.amount))) patch.totalWords = p.amountRange.text;
    // 一个月500: a monthly spend is not one bill — a year of it, at the clinic, said so (QA4 Q97).
    if (patch.total === s.amount && saysMonthly(text)) monthly(patch, s.amount, known);
  }
  const summed = summedTotal(p);
  if (summed !== undefined && patch.total === undefined && (flow === "estimate" || flow === undefined)) patch.total = summed;
  if (s.classB !== undefined && patch.classB === undefined) patch.classB = s.classB;
  if (s.outOfCatalog !== undefined && patch.outOfCatalog === undefined) patch.outOfCatalog = s.outOfCatalog;
  if (s.setting) patch.setting = s.setting;
  if (s.hospitalLevel) patch.level = s.hospitalLevel;
  else if (p.notLevel) patch.notLevel = p.notLevel;
  if (s.scheme) patch.scheme = s.scheme;
  if (p.flexibleWork) patch.flexible = true;
  if (s.personStatus) patch.status = s.personStatus;
  if (s.visitorType === "unregistered") patch.visitor = "unregistered";
  else if (s.visitorType) {
    patch.category = s.visitorType;
    for (const [k, v] of Object.entries(impliedByCategory(s.visitorType))) patch[k] ??= v;
    // 突然住院: an emergency only as the hospital certifies it; taken, and said to be taken.
    if (s.visitorType === "emergency" && emergencyOnlyGuessed(text)) patch.visitorGuess = "sudden";
    else if (p.categoryFromLiving) patch.visitorGuess = "livesThere";
  }
  statedFacts(p, text, patch, known);
  answeredInWords(text, pending, flow, changing || (atResult && flow === "estimate" && !pending), known, patch);
  // A claim asked at the menu with its reason (医院没联网 自己垫钱了 回来怎么报): the reason is not asked again.
  const claimAsked = !flow && p.intent === "manual_claim";
  const why = pending === "why" || flow === "claim" || pending === "visitor" || changing || claimAsked ? claimReasonOf(text) : undefined;
  // 没备案 answering the registration question, or supposed after an estimate ("如果没备案呢").
  const supposed = changing && flow === "estimate" && !pending;
  if ((pending === "visitor" || supposed) && patch.visitor === undefined && why === "unregistered") patch.visitor = "unregistered";
  if ((pending === "why" || flow === "claim" || claimAsked) && why) patch.why = why;
  if (Object.keys(patch).length === 0) {
    if (p.rejectedAmount) {
      const { reason } = p.rejectedAmount;
      // 0 is a fine answer for 乙类 or 目录外 (handled above as none); as a total it says nothing was spent.
      setProblem({ k: reason === "invalid" || (reason === "zero" && pending !== "total") ? "unclear" : reason });
    }
    const amb = p.ambiguities?.find((x) => x.slot !== "amount" && Array.isArray(x.candidates) && typeof x.candidates[0] === "object");
    if (amb) {
      // A name typed wrong (深川) is asked back, even when it fits one city only.
      const code = amb.typo ? void setProblem({ k: "ambiguous", codes: placeChoices(amb.candidates) }) : ambiguousPlace(amb.candidates as { code: string; level: string }[], setProblem);
      if (code && pending && REGION_SLOTS.includes(pending)) patch[pending] = code;
    }
  }
  return { patch, ...(problem ? { problem } : {}) };
}

/** A monthly figure as a year of outpatient care: twelve months, the month's figure kept to be said back. */
function monthly(patch: Record<string, unknown>, perMonth: string, known: Answers): void {
  patch.total = new Decimal(perMonth).times(MONTHS_A_YEAR).toFixed();
  patch.perMonth = perMonth;
  delete patch.totalWords;
  const setting = patch.setting ?? known.setting;
  if (setting !== "outpatient" && setting !== "chronic") patch.setting = "outpatient";
}

/**
 * 不是在北京住的 是天津: of two places read for one role, the one said not to be it is dropped and the
 * other fills the role (in the first message too, where there is nothing earlier to correct).
 */
function notDeniedPlaces(p: Parse, text: string, patch: Record<string, unknown>, problem: (x: Problem) => void): void {
  for (const amb of p.ambiguities ?? []) {
    const slot = REGION_SLOT_OF[amb.slot];
    const places = amb.candidates as { code?: unknown; name?: unknown; level?: unknown }[];
    if (!slot || patch[slot] !== undefined || places.length !== 2 || !places.every((x) => typeof x?.name === "string" && typeof x.code === "string")) continue;
    const out = deniedNameAmong(text, places.map((x) => String(x.name)));
    if (out === undefined) continue;
    const kept = places[1 - out] as { code: string; level: string };
    const code = placeCode(kept, problem);
    if (code) patch[slot] = code;
  }
}

/** What a message asking an estimate in another flow says, its total included (read() keeps a total only in the estimate). */
function wholeEstimate(c: Case): Record<string, unknown> {
  return { ...c.known, ...c.patch, ...(c.p.slots.amount !== undefined && c.patch.total === undefined ? { total: c.p.slots.amount } : {}) };
}

/**
 * Free words answering the flow's own question about the registration (临时的, 没转诊 就是自己去的),
 * or supposing no referral after a referral's estimate (要是不转诊直接去呢): 其他临时外出.
 */
function answeredInWords(text: string, pending: Slot | undefined, flow: FlowId | undefined, changing: boolean, known: Answers, patch: Record<string, unknown>): void {
  if (patch.visitor !== undefined || patch.category !== undefined) return;
  const asked = pending === "visitor" || pending === "category";
  // 临时的 after an estimate: the registration it was worked out with, said (or corrected) in two words.
  // 那长期的呢 / 改成长期 / 那长期备案呢 under an estimate (its result or any of its questions): the kind supposed.
  const supposing = changing && flow === "estimate";
  const kind = (asked || (supposing && !pending) ? registrationKindAnswer(text) : undefined) ?? (supposing ? supposedKind(text) : undefined);
  const own = asked && saysNoReferral(text) ? "temporary_other" : undefined;
  // 长期的 cannot say which long-term category: only the estimate's question takes it as it is.
  const value = kind === "long_term" ? (pending === "category" ? undefined : "long_term") : (kind ?? own);
  if (value === "long_term") patch.visitor = value;
  else if (value) {
    if (pending === "category") {
      patch.category = value;
      Object.assign(patch, impliedByCategory(value));
    } else patch.visitor = value;
  } else if (changing && flow === "estimate" && !pending && known.visitor === "referral" && saysNoReferral(text)) patch.visitor = "temporary_other";
  // 已经补办了 under an estimate without a registration: registered now, as 其他临时外出 (the kind 补办 is for), said as assumed (see change).
  else if (changing && flow === "estimate" && !pending && known.visitor === "unregistered" && saysMadeUp(text)) patch.visitor = "temporary_other";
  // 不是急诊 after an emergency's estimate: no longer an emergency; 其他临时外出 is then assumed, and said so (see change).
  else if (changing && flow === "estimate" && !pending && known.visitor === "emergency" && deniesEmergency(text)) {
    patch.visitor = "temporary_other";
    patch.category = "temporary_other";
  }
}

/**
 * What the person says about this year and this stay besides the parse's slots: earlier stays,
 * what the fund already paid, a registration already done, childbirth, living where the care is.
 */
function statedFacts(p: Parse, text: string, patch: Record<string, unknown>, known: Answers = {}): void {
  const stays = earlierStaysOf(text);
  if (stays !== undefined) patch.admissions = stays;
  if (patch.setting === undefined && saysHospitalStay(text)) patch.setting = "inpatient";
  if (p.slots.yearToDate !== undefined && yearFigureIsFundPaid(text)) patch.fundPaid = p.slots.yearToDate;
  if (saysChildbirth(text)) {
    patch.maternity = true;
    // Giving birth is a hospital stay.
    if (patch.setting === undefined) patch.setting = "inpatient";
  }
  if (saysDeductibleMet(text)) patch.deductibleMet = true;
  if (saysWorkInjury(text)) patch.workInjury = true;
  // 我是职工 她是居民: one is worked out (the scheme read), the other offered with it, never dropped.
  const two = twoPeopleSchemes(text);
  if (two && patch.scheme !== undefined) patch.otherScheme = two.find((x) => x !== patch.scheme);
  const age = ageOf(text);
  if (age) patch.age = age;
  shareSaid(p, patch, known);
  if (patch.visitor !== undefined || patch.category !== undefined) return;
  const registered = statedRegistrationOf(text);
  if (registered) {
    patch.visitor = registered;
    return;
  }
  // 在海南 长期 住院: 长期 alone stands for the registration; taken as long-term, and said so.
  if (saysLongTermAlone(text)) {
    patch.visitor = "long_term";
    patch.visitorGuess = "longWord";
    return;
  }
  // Work or a home at a named place says long-term only when it is where the care is.
  const where = { insured: (patch.insured ?? known.insured) as string | undefined, treatment: (patch.treatment ?? known.treatment) as string | undefined };
  if (livesAtTreatmentPlace(text, namesOtherPerson(text), where)) patch.livesThere = true;
  // 在郑州我哥家住: staying with family, for how long not said; the estimate asks rather than assume a short trip.
  else if (staysWithFamily(text)) patch.withFamily = true;
}

/**
 * 其中一半是自费药: the part worked out from the bill (said with it, or the one already known),
 * with its words kept to be said back; 大部分是自费的: no figure, the part is to be asked.
 */
function shareSaid(p: Parse, patch: Record<string, unknown>, known: Answers): void {
  const sw = p.shareWords;
  if (!sw) return;
  const { slot, words } = sw;
  if (patch[slot] !== undefined) {
    patch.shareWords = { slot, words };
    return;
  }
  const total = (patch.total ?? (p.slots.amount === undefined ? known.total : undefined)) as string | undefined;
  const other = (patch[slot === "classB" ? "outOfCatalog" : "classB"] ?? (patch.total === undefined ? known[slot === "classB" ? "outOfCatalog" : "classB"] : undefined)) as string | null | undefined;
  if (sw.fraction && total !== undefined) {
    const part = shareOf(total, sw.fraction);
    if (new Decimal(part).plus(other ?? 0).lessThanOrEqualTo(total)) {
      patch[slot] = part;
      patch.shareWords = { slot, words };
      return;
    }
  }
  patch.shareWords = { slot, words, vague: true };
}

function hasCoreFacts(patch: Record<string, unknown>): boolean {
  return !!patch.insured && !!patch.treatment && !!patch.setting && !!patch.total;
}

/**
 * Not registered and not discharged (能直接刷卡吗 没有备案, 押金交了3万 没备案 现在能补吗): what
 * answers the card or the deposit is to register before discharge; said first (QA4 Q3, Q8).
 */
function stillInTopic(topic: string | undefined, p: Parse, text: string, patch: Record<string, unknown>, known: Answers): string | undefined {
  if (!topic || p.discharged) return topic;
  // 没备案 现在能补吗 补了之后押金能退吗: the 补了 supposed later does not make the person registered now.
  if (topic === "deposit" && p.slots.visitorType === undefined && patch.visitor === undefined && known.visitor === undefined && claimReasonOf(text) === "unregistered") patch.visitor = "unregistered";
  if ((patch.visitor ?? known.visitor) !== "unregistered") return topic;
  if (topic === "deposit") return "makeup_in_hospital+deposit";
  // 在广州住院了 没备案 要备案吗 / 能直接刷卡吗: in hospital now, so whether it can still be made up.
  if (topic === "need_register" && saysInHospitalNow(text)) return "makeup_in_hospital";
  return topic.split("+").includes("at_hospital") ? topic.split("+").map((t) => (t === "at_hospital" ? "makeup_in_hospital" : t)).join("+") : topic;
}

/**
 * 备案好了 去医院要带啥: what to bring when registered is the card or the e-voucher, not the lines
 * for the unregistered; nor the registration's own papers, which are behind them (QA5 Q45).
 */
function registeredTopic(topic: string | undefined, text: string): string | undefined {
  return (topic === "at_hospital" || topic === "registration_materials") && saysRegistered(text) ? REGISTERED_AT_HOSPITAL : topic;
}

const REGISTERED_AT_HOSPITAL = "at_hospital@registered";

/** The side question a parse asks: a topic inside the intent first, else a side-question intent. */
function topicOf(p: Parse): string | undefined {
  return p.topic ?? (ASIDE_TOPICS.includes(p.intent) ? p.intent : undefined);
}

/** The questions whose wording names what to pick when unsure: "不知道" takes that, as an assumption. */
const DEFAULTED: readonly Slot[] = ["visitor", "category", "level", "scheme", "status"];

/** "不知道" to a question with a stated default: the default, stored as an assumption and said so. */
function dontKnowAnswer(text: string, pending: Slot, s: Situation): RouterEvent | undefined {
  // 住院还是门诊: a stay's cue (押金, 床位) or a second 不知道 takes 住院, said as an assumption;
  // the first time the difference is explained and the question asked once more.
  if (pending === "setting" && saysDontKnow(text)) {
    const flow = s.ctx.flow?.c;
    if (saysStay(text) || flow?.deposit || flow?.err?.k === "dontKnow") return { type: "FLOW", event: { type: "ANSWER", a: { setting: "inpatient" }, assume: true } };
    return { type: "FLOW", event: { type: "INVALID", why: { k: "dontKnow" } } };
  }
  if (!DEFAULTED.includes(pending) || !saysDontKnow(text)) return undefined;
  return assumedAnswer(pending, s.ctx.flow?.c.a ?? {});
}

/** The question's stated default, as an answer stored as an assumption. */
function assumedAnswer(pending: Slot, known: Answers): RouterEvent | undefined {
  const d = assumptions();
  const slot = pending === "category" ? "visitor" : pending;
  // 不是三甲, then 不清楚: the highest level the words leave (二级), not the one denied.
  const value = slot === "level" && known.notLevel !== undefined && known.notLevel === d.level ? (d.level === 3 ? 2 : 3) : d[slot];
  if (value === undefined || value === null) return undefined;
  const a: Record<string, unknown> = { [slot]: value };
  if (pending === "category" && (CATEGORY_IDS as readonly string[]).includes(String(value))) Object.assign(a, { category: value }, impliedByCategory(value as CategoryId));
  return { type: "FLOW", event: { type: "ANSWER", a, assume: true } };
}

// ---------- short replies: the READING table ----------

const READING: { [K in ReplyReading["kind"]]: (r: Extract<ReplyReading, { kind: K }>, s: Situation) => RouterEvent | undefined } = {
  choice: (r, s) => choiceEvent(s.choices[r.index]!.id, s, true),
  out_of_range: (r) => ({ type: "NOISE", why: "range", n: r.n }),
  command: (r) => TYPED_COMMANDS[r.command],
  next: () => ({ type: "FLOW", event: { type: "NEXT" } }),
  yes: () => ({ type: "CONFIRM", yes: true }),
  no: () => ({ type: "CONFIRM", yes: false }),
  thanks: () => ({ type: "THANKS" }),
  unknown: (_r, s) => ({ type: "FLOW", event: { type: "ANSWER", a: { [pendingSlot(s)!]: null } } }),
  none: (_r, s) => ({ type: "FLOW", event: { type: "ANSWER", a: { [pendingSlot(s)!]: "0" } } }),
  text: () => undefined,
};

function shortReply(text: string, s: Situation): RouterEvent | undefined {
  const pending = pendingSlot(s);
  const flow = activeFlow(s.value);
  const reading = readReply(text, {
    choices: s.choices.map((c) => c.label),
    numbersAreAnswers: !!pending && AMOUNT_SLOTS.includes(pending),
    yesNo: s.ctx.note?.k === "confirm" && !!s.ctx.proposal,
    stepping: flow === "registration" && !!s.ctx.flow && /^(step|checklist|done)/.test(s.ctx.flow.v),
    billPart: pending === "classB" || pending === "outOfCatalog",
  });
  const handle = READING[reading.kind] as (r: ReplyReading, s: Situation) => RouterEvent | undefined;
  return handle(reading, s);
}

// ---------- a parsed message: the RULES table ----------

/** Everything the rules look at, computed once per message. */
interface Case {
  s: Situation;
  text: string;
  p: Parse;
  flow?: FlowId;
  pending?: Slot;
  patch: Record<string, unknown>;
  problem?: Problem;
  hasPatch: boolean;
  topic?: string;
  wanted?: FlowId;
  /** The answers the active flow (or the menu) already holds. */
  known: Answers;
  /** Answers the patch gives another value. */
  changes: Slot[];
  /** The message says it changes or supposes something (改成…, 要是…呢, 其实…). */
  changing: boolean;
  /** The flow has shown its result (or its steps): what comes now is a follow-up. */
  atResult: boolean;
  /** Figures that could each be the bill (花了6万 总共7万): none is used until the person picks one. */
  amounts?: string[];
  /** One of them said to come on top of the other (另外还有5000的药): the two added up, offered too. */
  sum?: string;
  /** A part (乙类, 自费) was named larger than the total: said so when asked which is the bill. */
  over?: boolean;
  /** A fact said and denied in the same message (转诊…没转诊): asked before anything is computed. */
  saidBoth?: { slot: Slot; values: [string, string]; said: string };
}

/** Two answers alike: a value, or a record read again from other words (学生, then 在北京上大学: { student: true } both times). */
function sameAnswer(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === "object" && typeof b === "object" && a !== null && b !== null && JSON.stringify(a) === JSON.stringify(b));
}

function changesOf(known: Answers, patch: Record<string, unknown>): Slot[] {
  return (Object.keys(patch) as Slot[]).filter((slot) => known[slot] !== undefined && !sameAnswer(known[slot], patch[slot]));
}

/** A new question: another person, or both places new, after a flow already has answers. */
function isNewQuestion(c: Case): boolean {
  if (!c.flow || !c.known.insured) return false;
  if (namesOtherPerson(c.text)) return newPerson(c);
  // "我是河北的职工医保 在北京住院…" after an estimate for 北京 insurance: another insured place, though
  // only its province was said; the new flow asks for its city instead of keeping the old one.
  const province = c.patch.insured === undefined ? insuredProvinceSaid(c.p) : undefined;
  if (province && !c.known.insured!.startsWith(province.slice(0, 2))) return true;
  if (!(c.patch.insured && c.patch.treatment && c.changes.includes("insured") && c.changes.includes("treatment"))) return false;
  // 不对 医保在北京 看病在天津: the two places swapped, or put right in so many words, are the same case.
  // 医保在天津 看病在北京 after 北京→上海: one of the places kept in the other role is the same case put right.
  const swapped = c.patch.insured === c.known.treatment || c.patch.treatment === c.known.insured;
  return !swapped && !putsRight(c.text);
}

/**
 * A person named (我妈, 给我爸问的, 在郑州我哥家住) starts a new question only when the message
 * also says something that differs from what is known: a person word alone, or with facts that
 * only fill what was not yet known, is who the case is about (the writer rarely says it first),
 * and 我爸也是 after a result is the same case. After a result, a bare 那我妈呢 is a new question.
 */
function newPerson(c: Case): boolean {
  // 我妈也一样 不过她退休了, 他是我爸 退休好多年了, 不对 是我妈 她没退休: only who the person is
  // differs (status, scheme, age), so the places and the bill stay and that fact changes (QA5 Q13).
  if (c.changes.some((slot) => !PERSON_FACTS.includes(slot))) return true;
  if (c.changes.length > 0) return false;
  if (c.hasPatch || !c.atResult) return false;
  return !saysSameCase(c.text);
}

/** What differs from one person to another in the same case: named with another person, a change, not a new question. */
const PERSON_FACTS: readonly Slot[] = ["category", "visitor", "status", "scheme", "age", "flexible"];

/** Flows that never use an amount: one typed there with a money word is a bill to work out (QA4 Q49/Q63). */
function amountInOtherFlow(c: Case): boolean {
  return (c.flow === "eligibility" || c.flow === "registration") && !c.atResult && !c.changing && c.p.slots.amount !== undefined && (hasMoneyCue(c.text) || hasAmountUnit(c.text)) && !c.topic && !isNewQuestion(c);
}

/**
 * 还在住院 / 怎么办 under an estimate for someone not registered and not yet discharged: what to do
 * now (register before discharge, then it is settled directly), not "结果不变" or 没看懂 (QA4 Q94).
 */
function stillInUnregistered(c: Case): boolean {
  if (c.flow !== "estimate" || !c.atResult || c.known.visitor !== "unregistered" || c.s.ctx.flow?.c.told?.discharged || c.p.discharged) return false;
  if (c.changes.length > 0 || (c.hasPatch && Object.keys(c.patch).some((k) => k !== "setting"))) return false;
  return saysStillInHospital(c.text) || asksWhatNow(c.text);
}

/** A person word with nothing else, while a question is pending or after 也是: who it is about, the facts kept. */
function samePerson(c: Case): boolean {
  return !!c.flow && !c.hasPatch && !c.topic && namesOtherPerson(c.text) && !isNewQuestion(c);
}

/** Amounts and setting carry over to a new question unless it says its own; they are said back. */
const CARRIED: readonly Slot[] = ["total", "classB", "outOfCatalog", "setting"];

function newQuestion(c: Case): RouterEvent {
  // "那我妈在北京住院呢" follows the same kind of question: the flow stays.
  const flow = c.flow!;
  // An unknown 乙类/目录外 is not carried: the new estimate assumes it again and says so.
  // Amounts typed in the new question (even ones still to be sorted out) replace the old ones;
  // a new total is a new bill, so the old bill's 乙类/目录外 shares are not its parts either.
  const newBill = !!c.amounts || c.patch.total !== undefined;
  const carry = flow === "estimate" ? CARRIED.filter((slot) => !(newBill && AMOUNT_SLOTS.includes(slot)) && c.patch[slot] === undefined && c.known[slot] !== undefined && c.known[slot] !== null) : [];
  const merged: Record<string, unknown> = { ...c.patch };
  for (const slot of carry) merged[slot] = c.known[slot];
  return { type: "START", flow, seed: c.patch as Answers, fresh: true, carry, ...(flow === "estimate" && hasCoreFacts(merged) ? { quick: true } : {}) };
}

/**
 * "其实他已经退休了" while the scheme is 居民医保: residents have no retirees' rules, so the two
 * cannot both stand. Asked, with 职工医保 + 退休 as the proposal; never stored as an impossible pair.
 */
function retiredResident(c: Case): boolean {
  return !!c.flow && c.patch.status === "retired" && c.patch.scheme === undefined && c.known.scheme === "resident";
}

/**
 * 在职 / 退休 after an estimate whose 居民医保 was only assumed: only 职工医保 has working and retired
 * people, so the word answers the scheme too and replaces the guess (QA5 Q1) — applied, not asked.
 */
function statusOnAssumedResident(c: Case): boolean {
  return !!c.flow && c.patch.status !== undefined && c.patch.scheme === undefined && c.known.scheme === "resident" && (c.s.ctx.flow?.c.assumed ?? []).includes("scheme");
}

/**
 * 备案了 / 长期备案了 after an answer (an estimate, the category): the registration is a fact to
 * apply, not a request for its steps (QA5 Q91). A kind other than the one worked out with is a
 * change (see change); one not said keeps the answer's.
 */
function registeredFact(c: Case): boolean {
  return (c.flow === "estimate" || c.flow === "eligibility") && c.atResult && saysRegisteredOnly(c.text) && (c.changes.length === 0 || (c.flow === "estimate" && c.known.visitor === "unregistered"));
}

function applyRegistered(c: Case): RouterEvent {
  // Worked out unregistered: registered now, of the kind said, else 其他临时外出 (the kind 补办 is for), said as assumed.
  if (c.flow === "estimate" && c.known.visitor === "unregistered") {
    const kind = c.patch.visitor ?? "temporary_other";
    return { type: "FLOW", event: { type: "ANSWER", a: { visitor: kind } as Answers, ...(c.patch.visitor ? {} : { assume: true }) } };
  }
  return { type: "SAY", note: { k: "registered" } };
}

/** The registration's kind and its category: one question asks both. */
const REGISTRATION_SLOTS: readonly Slot[] = ["visitor", "category"];

/** A change to answers: applied when the person says it is one (or it only replaces a guess), else asked. */
function change(c: Case): RouterEvent {
  const assumed = c.s.ctx.flow?.c.assumed ?? [];
  // 不是急诊: the emergency is taken back at once; the trip it was instead is an assumption, said as one.
  if (c.known.visitor === "emergency" && c.patch.visitor !== undefined && c.patch.visitor !== "emergency" && deniesEmergency(c.text)) {
    const said = registrationKindAnswer(c.text) !== undefined || statedRegistrationOf(c.text) !== undefined || saysNoReferral(c.text);
    return { type: "FLOW", event: { type: "ANSWER", a: c.patch, ...(said ? {} : { assume: true }) } };
  }
  if (c.known.visitor === "unregistered" && c.patch.visitor === "temporary_other" && c.patch.category === undefined && saysMadeUp(c.text)) {
    return { type: "FLOW", event: { type: "ANSWER", a: c.patch, assume: true } };
  }
  // 乙类没那么多 大概2千: the part is named, so the figure can only be that part put right.
  const partPutRight = c.changes.every((slot) => slot === "classB" || slot === "outOfCatalog") && partNamedAlone(c.text) !== undefined;
  // The question the bot asks again (备案了 after an assumed 其他临时外出 re-asks why there): its answer replaces, it contradicts nothing.
  const answersAsked = c.pending !== undefined && c.changes.every((slot) => slot === c.pending || (REGISTRATION_SLOTS.includes(slot) && REGISTRATION_SLOTS.includes(c.pending!)));
  // 我妈也一样 不过她退休了: the person's own facts, said of them — applied, not asked (see newPerson).
  const ofPerson = namesOtherPerson(c.text) && c.changes.every((slot) => PERSON_FACTS.includes(slot));
  const sure = c.changing || partPutRight || answersAsked || ofPerson || c.p.intent === "correction" || c.changes.every((slot) => assumed.includes(slot) || slot === "category");
  if (sure) return { type: "FLOW", event: { type: "ANSWER", a: c.patch, ...(otherBill(c) ? { forget: billSlots(c.known) } : {}) } };
  return { type: "PROPOSE", a: c.patch as Answers, slots: c.changes };
}

/** The stay's bill: its total, and the parts said of it (parts not known stay not known, as assumed before). */
function billSlots(known: Answers): Slot[] {
  return ["total", "totalWords", "shareWords", ...(["classB", "outOfCatalog"] as const).filter((k) => typeof known[k] === "string")];
}

/**
 * 那门诊呢 after an estimate for a stay: care of another kind is another bill. Its amount is
 * asked, not the stay's re-costed; 不对 是门诊 (the same bill put right) keeps it.
 */
function otherBill(c: Case): boolean {
  const before = c.known.setting;
  const now = c.patch.setting;
  if (c.flow !== "estimate" || !c.atResult || before === undefined || now === undefined || now === before) return false;
  if (c.patch.total !== undefined || c.known.total === undefined) return false;
  return supposesCase(c.text) && !putsRight(c.text);
}

function inFlow(c: Case): RouterEvent {
  const { flow, pending, patch, hasPatch, topic, problem, p, wanted } = c;
  const invalid = (why: Problem): RouterEvent => ({ type: "FLOW", event: { type: "INVALID", why } });
  // A side question wins unless the message also answers the question being asked
  // ("急诊" answering "哪种备案？" is an answer; "急诊怎么办" while asked for a city is not).
  const aside = !!topic && (!pending || patch[pending] === undefined) && !(c.changing && hasPatch);
  // The other facts it carried are stored too, and said back (出差在成都急诊住院了 while the
  // insured place is asked), so they are not asked again.
  if (aside && hasPatch && pending) return { type: "FLOW", event: { type: "ANSWER", a: patch }, aside: topic };
  if (aside) return { type: "ASIDE", topic: topic! };
  // "上海，备案有效期多久": the answer is stored and the question answered too, unless the
  // question is only the answer's own topic ("急诊怎么办" answering the category).
  const asked = hasPatch && asksQuestion(c.text) ? topic : undefined;
  const alsoAsks = !!asked && ASIDE_TOPICS.includes(asked) && !(TOPIC_SLOTS[asked] ?? []).some((slot) => patch[slot] !== undefined);
  if (alsoAsks) return { type: "FLOW", event: { type: "ANSWER", a: patch }, aside: asked };
  if (hasPatch) return { type: "FLOW", event: { type: "ANSWER", a: patch } };
  if (problem) return invalid(problem);
  // "改一下" without what: at an estimate the list of answers, elsewhere a question.
  if (c.changing || p.intent === "correction") {
    if (flow === "estimate" && c.atResult) return { type: "FLOW", event: { type: "PICK_CHANGE" } };
    return { type: "SAY", note: { k: "correctWhat" } };
  }
  if (p.intent === "back") return { type: "BACK" };
  // "没备案 后来补办了 还能报多少" at the result, with no fact that changes it: the answers it was
  // worked out from, to change one, rather than 没看懂 for a question about the very estimate.
  // 能报多少 / 能报吗 / 太长了 就告诉我自己要掏多少 right after the estimate, with nothing new: its bottom line
  // in one sentence (QA3 B14, QA4 Q27/Q50/Q59), not the list of answers nor another flow's questions.
  // (A figure quoted with it is compared with the estimate instead; a registration named, 没备案 后来备案了
  // 还能报多少, is a change not read: the answers it was worked out from are listed, to change one.)
  if (flow === "estimate" && c.atResult && (p.intent === "estimate" || p.intent === "eligibility")) {
    return toldOf(p) || namesRegistration(c.text) ? { type: "FLOW", event: { type: "PICK_CHANGE" } } : { type: "SAY", note: { k: "rephrase" } };
  }
  if (wanted && wanted !== flow) return { type: "START", flow: wanted };
  return invalid({ k: "unclear" });
}

/** The parse's slots that a message can state and deny at once, as the flows' answers. */
const SAID_BOTH: Partial<Record<string, Slot>> = { visitorType: "category", personStatus: "status", hospitalLevel: "level", setting: "setting", scheme: "scheme" };
/** The other side of a denied value, where the denial names one (还没退休 → 在职); else none ("-"). */
const DENIED_SIDE: Record<string, string> = { retired: "working", working: "retired", employee: "resident", resident: "employee" };

/** 转诊…但其实没转诊, 备案了 哦不对还没备案, 退休了 不对还没退休: the parser's report of a fact said both ways. */
function saidBothOf(p: Parse): Case["saidBoth"] {
  const amb = p.ambiguities?.find((x) => SAID_BOTH[x.slot] !== undefined && typeof x.candidates[0] === "string");
  if (!amb) return undefined;
  const affirmed = amb.candidates[0] as string;
  // 备案了…还没备案: registered (of a kind not said) or not at all.
  if (amb.slot === "visitorType" && affirmed === "registered") return { slot: "visitor", values: ["-", "unregistered"], said: amb.text };
  const slot = SAID_BOTH[amb.slot]!;
  if (slot === "category" && !(CATEGORY_IDS as readonly string[]).includes(affirmed)) return undefined;
  // Two values said (三级 二级: the parser names both), else the denied one's other side.
  return { slot, values: [affirmed, (amb.candidates[1] as string | undefined) ?? DENIED_SIDE[affirmed] ?? "-"], said: amb.text };
}

/** Asked before anything is computed; the rest of the message is kept (at the menu) or held (in a flow) meanwhile. */
function askSaidBoth(c: Case): RouterEvent {
  const { slot, values, said } = c.saidBoth!;
  const rest = { ...c.patch };
  for (const k of slot === "category" || slot === "visitor" ? ["category", "visitor"] : [slot]) delete rest[k];
  const flow: FlowId | undefined = c.flow ? undefined : (c.wanted ?? (rest.total || rest.setting ? "estimate" : "eligibility"));
  return {
    type: "SAY",
    note: { k: "saidBoth", slot, values, said, ...(flow ? { flow } : {}) },
    ...(Object.keys(rest).length > 0 ? { seed: rest as Answers } : {}),
  };
}

/** "花了6万 总共7万": which figure is the bill is asked first; the other facts are kept meanwhile. */
function whichAmount(c: Case): RouterEvent {
  return { type: "SAY", note: { k: "whichAmount", values: c.amounts!, ...(c.sum ? { sum: c.sum } : {}), ...(c.over ? { over: true } : {}) }, ...(c.hasPatch && !c.flow ? { seed: c.patch as Answers } : {}) };
}

/**
 * Topics that ask about kinds of registration (or moving between hospitals, 转到另一家医院): the
 * kinds they name are the question, not the person's own.
 */
const ABOUT_KINDS: readonly string[] = ["kinds_compare", "who_can_register", "area_not_hospital"];

function atMenu(c: Case): RouterEvent {
  const { p, hasPatch, topic, wanted, text } = c;
  // 异地长期居住和临时外出有啥区别: asked about, not said of oneself (QA3 B23).
  const patch = c.topic && ABOUT_KINDS.includes(c.topic) ? withoutKinds(c.patch) : c.patch;
  // Facts kept at the menu (from a side question, or while an amount was asked about) count too.
  const whole = { ...c.known, ...patch };
  const seed = Object.keys(patch).length > 0 ? { seed: patch as Answers } : {};
  // "改成二级医院" with nothing asked yet: say so; the facts are kept for the next question.
  if ((c.changing || p.intent === "correction") && !hasCoreFacts(patch) && Object.keys(c.known).length === 0) {
    return { type: "SAY", note: { k: "nothingToChange" }, ...seed };
  }
  // A question one rule answers (备案后能回老家看病吗) is answered, not turned into a flow;
  // a whole estimate asked with it is still worked out, the rule said first.
  if (p.topic && !(wanted === "estimate" && hasCoreFacts(patch))) return { type: "ASIDE", topic: p.topic, ...seed };
  // 能报多少 要不要备案 要带什么: the figures first, then the other questions in a few words.
  const besides = (topic || wanted === "estimate") && hasCoreFacts(whole) ? questionsBesidesBill(text, topic) : undefined;
  if (besides) return { type: "START", flow: "estimate", ...seed, quick: true, besides: besides.topic, ...(besides.first ? { aside: besides.first } : {}) };
  // 急诊住院花了6万 with both places: the estimate is what was asked; the side rule is said first.
  if (topic && hasCoreFacts(patch)) return { type: "START", flow: "estimate", seed: patch as Answers, quick: true, aside: topic };
  if (wanted) {
    const quick = wanted === "estimate" && hasCoreFacts(whole);
    // A deposit typed with the bill: what happens to it is said before the figures.
    const first = p.topic ?? answerFirst(c, whole) ?? (wanted === "estimate" && p.slots.deposit !== undefined ? "deposit" : undefined);
    return { type: "START", flow: wanted, ...seed, ...(quick ? { quick } : {}), ...(first ? { aside: first } : {}) };
  }
  // The facts the side question carried are kept for the flow the person picks next.
  if (topic) return { type: "ASIDE", topic, ...seed };
  if (hasPatch) {
    const target: FlowId = patch.total || patch.setting ? "estimate" : "eligibility";
    return { type: "START", flow: target, seed: patch as Answers, ...(target === "estimate" && hasCoreFacts(whole) ? { quick: true } : {}) };
  }
  // 5000 × 啊 is not a hello: say it was not understood, without starting over.
  if (p.intent === "greeting") return Array.from(text.replace(/\s/g, "")).length > MAX_GREETING ? { type: "NOISE", why: "unclear" } : { type: "GREET" };
  return { type: "NOISE", why: "unclear" };
}

/** At most this many side questions are answered with one bill. */
const MAX_BESIDES = 2;
/** 出院了还能报吗 with a bill: the estimate's own discharged path answers it. */
const AT_DISCHARGE: readonly string[] = ["claim_deadline", "makeup_after_discharge"];
/** Topics whose answer already says another's (补办 in hospital says whether the card works). */
const COVERED: Partial<Record<string, readonly string[]>> = {
  makeup_in_hospital: ["at_hospital", "need_register"],
  claim_materials: ["registration_materials"],
};

/**
 * The side questions a message asks besides its bill (能报多少 要不要备案 要带什么, 5万 长期和临时哪个划算),
 * each read on its own, as one topic ("need_register+registration_materials"), answered after the
 * figures (QA5 Q97). `topic`: the whole message's side topic, kept with them. Read only for a
 * message that starts an estimate and asks something, so no other turn pays for it.
 */
function questionsBesidesBill(text: string, topic: string | undefined): { topic: string; first?: string } | undefined {
  const topics = questionTopics(text).filter((t) => ASIDE_TOPICS.includes(t) && !AT_DISCHARGE.includes(t));
  if (topics.length === 0) return undefined;
  // 出院后要交哪些材料: the clause read more closely (the claim's papers) replaces the message's reading.
  const first = topic === "registration_materials" && topics.includes("claim_materials") ? undefined : topic;
  // The message's own topic is said before the figures, as it was; what it already covers is not said again.
  const rest = topics.filter((t) => t !== first && !(COVERED[first ?? ""] ?? []).includes(t));
  return rest.length > 0 ? { topic: rest.slice(0, MAX_BESIDES).join("+"), ...(first ? { first } : {}) } : undefined;
}

function withoutKinds(patch: Record<string, unknown>): Record<string, unknown> {
  const { category: _c, visitor: _v, ...rest } = patch;
  return rest;
}

/** The general answer said before the flow's first question: not the claim's national list once the insured place is known. */
function answerFirst(c: Case, whole: Record<string, unknown>): string | undefined {
  const intent = c.wanted === "claim" ? "manual_claim" : c.p.intent;
  if (intent === "manual_claim" && whole.insured) return undefined;
  return ANSWER_THEN_FLOW[intent];
}

/**
 * Side answers that said they could say more with the person's city ("告诉我您在哪里参保，我按当地的
 * 说") or kind of registration: the next message giving it gets that, not a new flow. The answers
 * computed by a flow start it with the place; the others are said again for the place.
 */
const FOLLOW_UP_FLOW: Partial<Record<string, FlowId>> = { registration_channels: "registration", registration_materials: "registration", claim_materials: "claim" };
const CITY_FOLLOW_UPS: readonly string[] = ["registration_channels", "registration_materials", "claim_materials", "claim_deadline", "makeup_after_discharge"];
const KIND_FOLLOW_UPS: readonly string[] = ["cancel_change", "validity"];

/** The side answer just given, when this message only supplies what it asked for (the city, or 临时的/长期的). */
function followUpOf(c: Case): string | undefined {
  const last = c.s.ctx.note?.k === "aside" ? c.s.ctx.note.topic : undefined;
  if (!last || c.flow || asksQuestion(c.text)) return undefined;
  // 临时备案 on its own reads as a question about validity too: after the answer it is the kind.
  if (KIND_FOLLOW_UPS.includes(last) && registrationKindAnswer(c.text)) return last;
  if (!c.topic && CITY_FOLLOW_UPS.includes(last) && typeof c.patch.insured === "string") return last;
  return undefined;
}

/** A short follow-up that only says something after the answer before it (src/language/follow-ups.ts). */
function followOnOf(c: Case): string | undefined {
  if (c.hasPatch) return undefined;
  const note = c.s.ctx.note;
  const last = note?.k === "aside" || note?.k === "rephrase" ? note.topic : undefined;
  const next = followUpTopic(c.text, last, c.flow);
  // A topic read with confidence is its own question; a weak guess (临时备案呢 → validity?) is not, and
  // neither is the topic just answered read again from short words (到期了怎么办 after the validity
  // answer asks what follows from it, not the same paragraph).
  if (next === undefined || (c.topic && !c.p.candidates && !sameFamily(c.topic, last))) return undefined;
  return next;
}

function followUp(c: Case): RouterEvent {
  const topic = followUpOf(c)!;
  const kind = registrationKindAnswer(c.text);
  const seed = { ...c.patch, ...(kind && KIND_FOLLOW_UPS.includes(topic) ? { visitor: kind } : {}) } as Answers;
  const flow = FOLLOW_UP_FLOW[topic];
  return flow ? { type: "START", flow, seed } : { type: "ASIDE", topic, seed };
}

/** What a "那在天津呢" may change before the side answer just given is said again for it. */
const ASKED_AGAIN_WITH: readonly Slot[] = ["insured", "treatment", "scheme", "status", "setting", "level", "visitor", "category"];

/** At the menu, "那在天津呢" / "那退休呢" after a side answer: that answer again, for what it names. */
function askedAgain(c: Case): string | undefined {
  const last = c.s.ctx.note?.k === "aside" ? c.s.ctx.note.topic : undefined;
  if (c.flow || !last || !c.hasPatch || (c.topic && c.topic !== last) || !asksAgainFor(c.text)) return undefined;
  if (!Object.keys(c.patch).every((slot) => ASKED_AGAIN_WITH.includes(slot as Slot))) return undefined;
  // 封顶多少, then 那退休呢: the retirees' figures differ elsewhere than in the one asked before; all of them.
  return last.startsWith("local_figures@") ? "local_figures" : last;
}

/** The last answer in simpler words; a second "没看懂" in a row changes strategy. */
function rephrase(c: Case): RouterEvent {
  const last = c.s.ctx.note;
  // A third time in a row: neither rewording helped; say what works here, never the same block again.
  if (last?.k === "rephrase" && last.again) return { type: "HELP" };
  const again = last?.k === "rephrase";
  const topic = last?.k === "aside" ? last.topic : again ? last.topic : undefined;
  return { type: "SAY", note: { k: "rephrase", ...(topic ? { topic } : {}), ...(again ? { again } : {}) } };
}

/** Below the confidence threshold, nothing else to go on: the likeliest readings as choices. */
function unsure(c: Case): boolean {
  // A flow or a side question guessed below the threshold is offered among the others, not started;
  // a side question inside the message (双向享受, 承诺书) is answered as it is.
  return !c.hasPatch && !c.p.topic && (c.p.candidates?.length ?? 0) >= 2;
}

/** Nothing asked, nothing stated, but not noise (你们是骗子吧, English, 问个事, an ID alone): its own short reply. */
function smallTalk(c: Case): ReturnType<typeof smallTalkOf> {
  return c.hasPatch || c.topic || c.amounts ? undefined : smallTalkOf(c.text);
}

const RULES: { when: (c: Case) => boolean; then: (c: Case) => RouterEvent }[] = [
  // The same kind twice in a row: not the same lines again (issue 10 §7), only what to do next.
  { when: (c) => smallTalk(c) !== undefined, then: (c) => ({ type: "SAY", note: { k: "smallTalk", kind: smallTalk(c)!, ...(c.s.ctx.note?.k === "smallTalk" && c.s.ctx.note.kind === smallTalk(c) ? { again: true } : {}) } }) },
  // 这个准吗, 数据是哪年的, 能截图发给我爸吗: about the answer, not a new case nor another person (QA5 Q103).
  { when: (c) => !c.hasPatch && !c.amounts && aboutAnswerOf(c.text) !== undefined, then: (c) => ({ type: "SAY", note: { k: "aboutAnswer", kind: aboutAnswerOf(c.text)! } }) },
  // 你算的不对 我上次报了九成: the reasons an estimate differs, not a change of the answers it restates.
  { when: (c) => c.topic === "complaint", then: () => ({ type: "ASIDE", topic: "complaint" }) },
  { when: (c) => c.p.intent === "not_understood" || saysNotUnderstood(c.text), then: rephrase },
  { when: (c) => !!CONTROL_INTENTS[c.p.intent] && !c.hasPatch, then: (c) => CONTROL_INTENTS[c.p.intent]! },
  { when: (c) => !!c.saidBoth, then: askSaidBoth },
  { when: stillInUnregistered, then: () => ({ type: "SAY", note: { k: "makeUpNow" } }) },
  // 报销比例是百分之多少 right after an estimate: the ratio it used, with its source (QA4 Q27).
  { when: (c) => c.flow === "estimate" && c.atResult && !c.hasPatch && asksRatio(c.text), then: () => ({ type: "ASIDE", topic: "why_ratio" }) },
  // 医院说不能直接结算 让我自己先付了: paid in full already, so the manual claim, with every fact kept (QA4 Q88).
  { when: (c) => c.flow !== "claim" && saysPaidFirst(c.text), then: (c) => ({ type: "START", flow: "claim", seed: { ...c.known, ...c.patch } as Answers }) },
  // At the menu, in an estimate with nothing else said, or as a new estimate question.
  { when: (c) => !!c.amounts && (!c.flow || (c.flow === "estimate" && !c.hasPatch && (c.pending === undefined || c.pending === "total"))), then: whichAmount },
  // A whole estimate asked while another flow is under way (医保在深圳 在广州住院花了2万 while the
  // registration steps ask a city): the estimate is what was asked; the facts go with it.
  { when: (c) => !!c.flow && c.flow !== "estimate" && c.wanted === "estimate" && hasCoreFacts(wholeEstimate(c)), then: (c) => ({ type: "START", flow: "estimate", seed: wholeEstimate(c) as Answers, quick: true }) },
  // 花了两千八 after another flow's answer (the emergency's category, say): an estimate of that case,
  // its facts kept, the core ones it lacks asked and the rest assumed as for a one-message question.
  { when: (c) => !!c.flow && c.flow !== "estimate" && c.atResult && c.wanted === "estimate" && c.p.slots.amount !== undefined && !isNewQuestion(c), then: (c) => ({ type: "START", flow: "estimate", seed: wholeEstimate(c) as Answers, quick: true }) },
  // 1万5 / 花了八千 typed while another flow asks its question: the bill, so an estimate with what is known.
  { when: amountInOtherFlow, then: (c) => ({ type: "START", flow: "estimate", seed: wholeEstimate(c) as Answers, quick: true }) },
  { when: isNewQuestion, then: newQuestion },
  { when: samePerson, then: () => ({ type: "SAY", note: { k: "samePerson" } }) },
  // 临时的呢, 具体步骤呢, 在哪交 after an answer: its topic, asked of what they name.
  { when: (c) => followOnOf(c) !== undefined, then: (c) => ({ type: "ASIDE", topic: followOnOf(c)! }) },
  { when: (c) => followUpOf(c) !== undefined, then: followUp },
  { when: (c) => askedAgain(c) !== undefined, then: (c) => ({ type: "ASIDE", topic: askedAgain(c)!, seed: c.patch as Answers }) },
  { when: registeredFact, then: applyRegistered },
  { when: statusOnAssumedResident, then: (c) => ({ type: "FLOW", event: { type: "ANSWER", a: { ...c.patch, scheme: "employee" } as Answers } }) },
  { when: retiredResident, then: (c) => ({ type: "PROPOSE", a: { ...c.patch, scheme: "employee" } as Answers, slots: ["scheme", "status"], why: "retiredResident" }) },
  // "急诊怎么办" at a referral's steps asks about emergencies; "要是急诊呢" changes the answer.
  { when: (c) => !!c.flow && c.changes.length > 0 && (c.changing || !(c.topic && asksQuestion(c.text))), then: change },
  { when: (c) => !!c.flow, then: inFlow },
  { when: unsure, then: (c) => ({ type: "SAY", note: { k: "unsure", intents: c.p.candidates!.slice(0, 3) } }) },
  { when: () => true, then: atMenu },
];

/**
 * The figures that could each be the bill, from the parse's amount ambiguity. A figure said to
 * come on top of another (另外还有5000的药) offers the two added up as well; said on its own after
 * an estimate, it comes on top of the total already known, and with no total known it is the bill.
 */
function figuresOf(p: Parse, known: Answers): { p: Parse; amounts?: string[]; sum?: string; over?: boolean } {
  const amb = p.ambiguities?.find((x) => x.slot === "amount" && typeof x.candidates[0] === "string");
  if (!amb) return { p };
  const said = amb.candidates as string[];
  const added = amb.added ?? [];
  const base = said.filter((v) => !added.includes(v));
  if (added.length > 0 && base.length === 0) {
    if (typeof known.total === "string" && !added.includes(known.total)) base.push(known.total);
    else if (said.length === 1) {
      // Nothing to add it to: the figure is the bill, as if said plainly.
      return { p: { ...p, slots: { ...p.slots, amount: said[0] as string }, ambiguities: p.ambiguities!.filter((x) => x !== amb) } };
    }
  }
  if (added.length > 0 && base.length === 1) {
    const sum = added.reduce((acc, v) => acc.plus(v), new Decimal(base[0] as string));
    return { p, amounts: [base[0] as string, ...added].slice(0, 4), sum: sum.toFixed() };
  }
  return said.length >= 2 ? { p, amounts: said.slice(0, 4), ...(amb.partOverTotal ? { over: true } : {}) } : { p };
}

/**
 * 从三亚改成杭州 when 三亚 is the insured place: the change is to the answer that held the old
 * place, whatever role the new one was read in.
 */
function changedFromAnswer(text: string, known: Answers, patch: Record<string, unknown>): void {
  // 是成都不是合肥: the name denied is the old one, as in 从合肥改成成都.
  const name = changedFromName(text) ?? replacedName(text);
  if (!name) return;
  const codes = divisionsByName(name).map((d) => d.code);
  for (const [from, to] of [["treatment", "insured"], ["insured", "treatment"]] as const) {
    const held = (slot: "insured" | "treatment") => typeof known[slot] === "string" && codes.includes(known[slot] as string);
    if (patch[from] !== undefined && patch[to] === undefined && held(to) && !held(from)) {
      patch[to] = patch[from];
      delete patch[from];
      return;
    }
  }
}

/** The router event for one input. Never throws; anything unusable becomes a polite re-ask. */
export function interpret(input: UserInput, s: Situation): RouterEvent {
  if (input.type === "command") {
    return commandEvent(String(input.name));
  }
  if (input.type === "choice") return choiceEvent(String(input.id), s, false);

  const flow = activeFlow(s.value);
  const text = cleanText(typeof input.text === "string" ? input.text : "");
  if (text === "") return flow ? { type: "FLOW", event: { type: "INVALID", why: { k: "unclear" } } } : { type: "NOISE", why: "unclear" };

  const short = shortReply(text, s);
  if (short) return short;

  const pending = pendingSlot(s);
  const fallback = pending ? dontKnowAnswer(text, pending, s) : undefined;
  if (fallback) return fallback;
  const expecting = pending ? EXPECTING[pending] : undefined;
  // One parse. A message that asks something is read on its own, so its question is not lost
  // as a bare answer; a lone place or amount in it still answers the pending question (see read).
  const known: Answers = (flow ? s.ctx.flow?.c.a : s.ctx.kept) ?? {};
  const { p, amounts, sum, over } = figuresOf(parse(text, expecting && !asksQuestion(text) ? { expecting } : undefined), known);
  const atResult = !!flow && !!s.ctx.flow && !s.ctx.flow.v.startsWith("ask");
  const changing = saysChange(text);
  const { patch, problem } = read(p, text, pending, flow, atResult, changing, known);
  changedFromAnswer(text, known, patch);
  const saidBoth = saidBothOf(p);
  // In a flow the claim's list is a side answer; at the menu the claim flow starts with it.
  const claimMaterials = asksClaimMaterials(p, text, s, flow, known);
  // 去哪交材料 inside the claim asks where, not for the list again.
  const topic = claimMaterials && flow ? (asksWhereToHandIn(text) ? "claim_where" : "claim_materials") : claimMaterials ? undefined : registeredTopic(stillInTopic(topicOf(p), p, text, patch, known), text);
  // 已经备案了 去医院带什么: what to bring there, not the registration's papers (its flow).
  const wanted = claimMaterials ? (flow ? undefined : "claim") : topic === REGISTERED_AT_HOSPITAL ? undefined : FLOW_INTENTS[p.intent];
  const c: Case = {
    s,
    text,
    p,
    ...(flow ? { flow } : {}),
    ...(pending ? { pending } : {}),
    patch,
    ...(problem ? { problem } : {}),
    hasPatch: Object.keys(patch).length > 0,
    ...(topic ? { topic } : {}),
    ...(wanted ? { wanted } : {}),
    known,
    changes: changesOf(known, patch),
    changing,
    atResult,
    ...(amounts ? { amounts } : {}),
    ...(sum ? { sum } : {}),
    ...(over ? { over } : {}),
    ...(saidBoth ? { saidBoth } : {}),
  };
  const event = RULES.find((r) => r.when(c))!.then(c);
  return depositAtEstimate(c, event) ?? withDeposit(event.type === "START" ? withUnplacedProvince(event, p) : event, p);
}

/**
 * 押金交了两万 还要补多少 under an estimate: the estimate again, with what is left to pay at
 * discharge (or to come back) — not the rule about deposits alone.
 */
function depositAtEstimate(c: Case, event: RouterEvent): RouterEvent | undefined {
  const deposit = c.p.slots.deposit;
  if (!deposit || c.flow !== "estimate" || !c.atResult || c.hasPatch || !c.known.total) return undefined;
  const aside = event.type === "ASIDE" || (event.type === "FLOW" && (event.event.type === "INVALID" || event.event.type === "PICK_CHANGE"));
  return aside ? { type: "FLOW", event: { type: "TOLD", told: toldOf(c.p) ?? {}, deposit } } : undefined;
}

const REGION_SLOT_OF: Record<string, Slot> = { insuredRegion: "insured", treatmentRegion: "treatment" };

/**
 * "我是河北的职工医保 在北京住院": the parser names 河北's cities as the candidates for the insured
 * place (or, for a slip or a shared name, the places it may be). The flow that starts asks that place next; it says why and offers the cities, rather
 * than asking as if 河北 had not been said.
 */
function withUnplacedProvince(event: Extract<RouterEvent, { type: "START" }>, p: Parse): RouterEvent {
  for (const amb of p.ambiguities ?? []) {
    const slot = REGION_SLOT_OF[amb.slot];
    if (!slot || event.seed?.[slot] !== undefined) continue;
    const cities = amb.candidates as { code: string; level: string }[];
    const province = provinceOfCities(cities);
    if (province) return { ...event, unplaced: { slot, problem: { k: "province", code: province } } };
    // 延州医保 (a slip that fits 延吉 and 延安), 吉林 (the province or its city): the question offers them.
    const codes = placeChoices(cities);
    // 深圳 医保 广州: two places named, the question is which one has the role, not what a name means.
    const named = (amb.candidates as { name?: unknown }[]).every((c) => typeof c.name === "string" && amb.text.includes(c.name));
    // 哈尔兵: a name one character off is offered even when it fits one city only.
    if (codes.length >= 2 || (amb.typo && codes.length === 1)) return { ...event, unplaced: { slot, problem: { k: "ambiguous", codes, ...(named ? { named } : {}) } } };
  }
  return event;
}

/** The province whose cities are a place's candidates (河北 said alone), if they are one province's cities. */
function provinceOfCities(cities: readonly unknown[]): string | undefined {
  const first = cities[0] as { code?: unknown } | undefined;
  // Two or three cities are places the person named (深圳 医保 广州), not a province said alone,
  // which offers all its cities (four or more).
  if (cities.length < 4 || typeof first?.code !== "string") return undefined;
  const prefix = first.code.slice(0, 2);
  const all = cities.every((x) => typeof x === "object" && x !== null && (x as { level?: unknown }).level === "city" && String((x as { code?: unknown }).code).startsWith(prefix));
  return all && divisionByCode(`${prefix}0000`)?.level === "province" ? `${prefix}0000` : undefined;
}

/** The province said alone for the insured place ("我是河北的职工医保"), if any. */
function insuredProvinceSaid(p: Parse): string | undefined {
  const amb = p.ambiguities?.find((x) => x.slot === "insuredRegion");
  return amb ? provinceOfCities(amb.candidates) : undefined;
}

/** A deposit typed with the question goes with it into the estimate, to be said back as not the bill. */
function withDeposit(event: RouterEvent, p: Parse): RouterEvent {
  return withToldFigures(withDepositOnly(event, p), p);
}

function withDepositOnly(event: RouterEvent, p: Parse): RouterEvent {
  const deposit = p.slots.deposit;
  if (!deposit) return event;
  if (event.type === "START" && event.flow === "estimate") return { ...event, deposit };
  if (event.type === "FLOW" && event.event.type === "ANSWER") return { ...event, event: { ...event.event, deposit } };
  // 交了两万押金 said alone at the menu: kept for the estimate that follows.
  if (event.type === "ASIDE") return { ...event, deposit };
  return event;
}

/** The figures the person quotes (起付线是1000): carried like a deposit, said back and compared with the estimate. */
function toldOf(p: Parse): Told | undefined {
  const told: Told = {};
  if (p.slots.quotedDeductible !== undefined) told.deductible = p.slots.quotedDeductible;
  if (p.slots.reimbursed !== undefined) told.reimbursed = p.slots.reimbursed;
  if (p.slots.ownShare !== undefined) told.ownShare = p.slots.ownShare;
  if (p.slots.accountPaid !== undefined) told.accountPaid = p.slots.accountPaid;
  if (summedTotal(p) !== undefined) told.summed = true;
  if (p.discharged) told.discharged = true;
  return Object.keys(told).length > 0 ? told : undefined;
}

/** 医保报了2万 自己出了1万 with no total said: the bill is taken as the two together (said back as an assumption). */
function summedTotal(p: Parse): string | undefined {
  const { amount, reimbursed, ownShare } = p.slots;
  if (amount !== undefined || reimbursed === undefined || ownShare === undefined) return undefined;
  return new Decimal(reimbursed).plus(ownShare).toFixed();
}

function withToldFigures(event: RouterEvent, p: Parse): RouterEvent {
  const told = toldOf(p);
  if (!told) return event;
  if (event.type === "START" && event.flow === "estimate") return { ...event, told };
  if (event.type === "FLOW" && event.event.type === "ANSWER") return { ...event, event: { ...event.event, told } };
  if (event.type === "ASIDE") return { ...event, told };
  // 起付线是1000 on its own in a flow: kept (and, at an estimate, the estimate shown again with it), not 没看懂.
  if (event.type === "FLOW" && (event.event.type === "INVALID" || event.event.type === "PICK_CHANGE")) return { type: "FLOW", event: { type: "TOLD", told } };
  return event;
}
