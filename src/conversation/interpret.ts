/**
 * From what the person sent to the router's event: a button or a typed number picks a
 * choice; typed text goes through the parser with the pending question as context, and its
 * slots become an answer for the active flow (or start one). Side questions become ASIDE.
 */
import { AMOUNT_SLOTS, CATEGORY_IDS, isSlot, REGION_SLOTS, visitorOf, type Answers, type CategoryId, type Slot } from "../../flows/answers.ts";
import { slotOfState, type Problem } from "../../flows/common.ts";
import { activeFlow, FLOW_IDS, type FlowId, type RouterContext, type RouterEvent } from "../../flows/router.ts";
import { parse, type Intent, type Parse, type Slots } from "../language/index.ts";
import { divisionByCode, divisionsByName, MUNICIPALITIES } from "../places/divisions.ts";
import { ASIDE_TOPICS } from "./policy-data.ts";
import { matchChoice } from "./render.ts";
import type { Choice, UserInput } from "./reply.ts";

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

const COMMANDS: Record<string, RouterEvent> = {
  start: { type: "GREET" },
  resume: { type: "RESUME" },
  help: { type: "HELP" },
  cancel: { type: "CANCEL" },
  restart: { type: "RESTART" },
  register: { type: "START", flow: "registration" },
  eligibility: { type: "START", flow: "eligibility" },
  estimate: { type: "START", flow: "estimate" },
  claim: { type: "START", flow: "claim" },
};

const KEYWORDS: [RegExp, RouterEvent][] = [
  [/^(返回|上一步|上一个|后退|back)$/i, { type: "BACK" }],
  [/^(取消|退出|不办了|算了|cancel)$/i, { type: "CANCEL" }],
  [/^(重新开始|重来|从头开始|restart)$/i, { type: "RESTART" }],
  [/^(帮助|help|\?|？|怎么用)$/i, { type: "HELP" }],
  // Coming back to a half-done flow (pitfalls: offer "继续刚才的…"): restate the pending question.
  [/^(继续|接着|接着来|继续吧|继续问|继续刚才的.{0,8}|接着刚才的.{0,8}|刚才问到哪了|问到哪了)[。.!！]?$/, { type: "RESUME" }],
];

const WHY_WORDS: [RegExp, NonNullable<Answers["why"]>][] = [
  [/没.{0,2}备案|未备案/, "unregistered"],
  [/联网|不能刷|刷不了/, "not_networked"],
  [/系统|故障|没结算|没刷/, "system"],
  [/生孩子|生育|分娩|顺产|剖腹产/, "maternity"],
];

const MONEY_CUE = /[万元块￥¥]|花了|费用|[0-9]\s*w\b/i;

const UNKNOWN = /^(不知道|不清楚|不确定|不晓得|没数|不了解)/;

/** "没有", "0": none of the bill was 乙类 or 目录外 (an amount of 0, not a refusal). */
const NONE = /^((没有?|无|都没有|一分也?没有|零|0+(\.0+)?)\s*(元|块)?|(没有|无)(乙类|自费|目录外|全自费).*)(的|了|吧|呀|啊|哦)?[。.!！]?$/;

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
    if (FLOW_IDS.includes(flow)) return { type: "START", flow };
  }
  if (id === "cancel") return { type: "CANCEL" };
  if (id === "restart") return { type: "RESTART" };
  if (id === "help") return { type: "HELP" };
  if (id.startsWith("v:") && inFlow) {
    const [, slot, raw] = id.split(":");
    if (slot && raw !== undefined && isSlot(slot)) {
      const value = raw === "?" ? null : slot === "level" ? Number(raw) : raw;
      const a: Record<string, unknown> = { [slot]: value };
      if (slot === "category" && (CATEGORY_IDS as readonly string[]).includes(raw)) Object.assign(a, impliedByCategory(raw as CategoryId));
      return { type: "FLOW", event: { type: "ANSWER", a } };
    }
  }
  // The rest only mean something on the message they came with.
  if (!shown && !fromTyping) return { type: "NOISE", why: "expired" };
  if (!shown) return { type: "NOISE", why: "expired" };
  if (id === "back") return { type: "BACK" };
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
      if (place?.level === "province" && !MUNICIPALITIES.has(code)) return { type: "FLOW", event: { type: "INVALID", why: { k: "province", code } } };
      return { type: "FLOW", event: { type: "ANSWER", a: { [slot]: code } } };
    }
  }
  return { type: "NOISE", why: "expired" };
}

/** What a registration category already says: the visitor kind, and for 退休后到外地定居 that the person is retired. */
function impliedByCategory(category: CategoryId): Partial<Answers> {
  return { visitor: visitorOf(category), ...(category === "retiree_relocated" ? { status: "retired" as const } : {}) };
}

/** Only thanks (谢谢, 好的谢谢, 多谢啦): 不客气, and carry on. */
const THANKS = /^(好的?|嗯+|ok|哦+|知道了|明白了?|收到|懂了)?[，,\s]*(谢谢|多谢|感谢|谢了|谢啦|thanks|thank you)(你|您|啦|了|哈+|呀|啊)*(的帮助|帮忙|了)?[!！。.~～\s]*$/i;

/** Longer than this, a message of greeting words only is filler, not a greeting. */
const MAX_GREETING = 24;

/** A message that asks something, not only answers. */
const QUESTION_CUE = /[?？吗呢]|多久|多长|怎么|怎样|如何|什么|哪些|哪里|能不能|会不会|可不可以|要不要|是不是/;

/** Side-question topics that an answer to these slots already covers. */
const TOPIC_SLOTS: Partial<Record<string, Slot[]>> = {
  emergency: ["category", "visitor"],
  outpatient: ["setting"],
  chronic_disease: ["setting"],
  maternity: ["why"],
  makeup_registration: ["why", "visitor"],
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
  // Cities first: a city is what the question asks for; the province after it leads to its cities.
  const usable = [...candidates.filter((c) => c.level === "city"), ...candidates.filter((c) => c.level === "province")];
  const codes = [...new Set(usable.map((c) => c.code))].slice(0, 6);
  if (codes.length === 1) return placeCode(candidates.find((c) => c.code === codes[0])!, problem);
  if (codes.length > 1) problem({ k: "ambiguous", codes });
  return undefined;
}

function placeCode(p: { code: string; level: string }, problem: (x: Problem) => void): string | undefined {
  if (p.level === "province" && !MUNICIPALITIES.has(p.code)) {
    problem({ k: "province", code: p.code });
    return undefined;
  }
  return p.code;
}

/** The parse's slots as flow answers, relative to the pending question. */
function read(p: Parse, text: string, pending: Slot | undefined, flow: FlowId | undefined): Reading {
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
  if (pending && REGION_SLOTS.includes(pending) && patch[pending] === undefined) {
    const bare = p.places?.[0];
    if (bare && (p.places?.length ?? 0) === 1) {
      const code = placeCode(bare, setProblem);
      if (code) patch[pending] = code;
    } else if (!bare) {
      // A bare name the parser did not pick up ("苏州市", "吉林"): look it up directly.
      const found = divisionsByName(text.replace(/^(我)?(在|是)/, "").replace(/[。.!！]$/, ""));
      const code = ambiguousPlace(found, setProblem);
      if (code) patch[pending] = code;
    }
  }
  if (s.amount !== undefined) {
    if (pending && AMOUNT_SLOTS.includes(pending)) patch[pending] = s.amount;
    // A bare number while a city or a choice is asked is not a cost; only money words make it one.
    else if ((flow === "estimate" || flow === undefined) && (!pending || MONEY_CUE.test(text))) patch.total = s.amount;
    else setProblem({ k: "unclear" });
  } else if (pending && (pending === "classB" || pending === "outOfCatalog") && UNKNOWN.test(text)) {
    patch[pending] = null;
  } else if (pending && (pending === "classB" || pending === "outOfCatalog") && NONE.test(text)) {
    patch[pending] = "0";
  }
  if (s.setting) patch.setting = s.setting;
  if (s.hospitalLevel) patch.level = s.hospitalLevel;
  if (s.scheme) patch.scheme = s.scheme;
  if (s.personStatus) patch.status = s.personStatus;
  if (s.visitorType === "unregistered") patch.visitor = "unregistered";
  else if (s.visitorType) {
    patch.category = s.visitorType;
    for (const [k, v] of Object.entries(impliedByCategory(s.visitorType))) patch[k] ??= v;
  }
  if (pending === "visitor" && patch.visitor === undefined && /没.{0,2}备案|未备案/.test(text)) patch.visitor = "unregistered";
  if (pending === "why" || flow === "claim") {
    const why = WHY_WORDS.find(([re]) => re.test(text));
    if (why) patch.why = why[1];
  }
  if (Object.keys(patch).length === 0) {
    if (p.rejectedAmount) {
      const { reason } = p.rejectedAmount;
      // 0 is a fine answer for 乙类 or 目录外 (handled above as none); as a total it says nothing was spent.
      setProblem({ k: reason === "invalid" || (reason === "zero" && pending !== "total") ? "unclear" : reason });
    }
    const amb = p.ambiguities?.find((x) => x.slot !== "amount" && Array.isArray(x.candidates) && typeof x.candidates[0] === "object");
    if (amb) {
      const code = ambiguousPlace(amb.candidates as { code: string; level: string }[], setProblem);
      if (code && pending && REGION_SLOTS.includes(pending)) patch[pending] = code;
    }
  }
  return { patch, ...(problem ? { problem } : {}) };
}

function hasCoreFacts(patch: Record<string, unknown>): boolean {
  return !!patch.insured && !!patch.treatment && !!patch.setting && !!patch.total;
}

/** The router event for one input. Never throws; anything unusable becomes a polite re-ask. */
export function interpret(input: UserInput, s: Situation): RouterEvent {
  if (input.type === "command") {
    const name = String(input.name).replace(/^\//, "").toLowerCase();
    // Own names only: "/constructor" is not a command of ours.
    return Object.hasOwn(COMMANDS, name) ? COMMANDS[name]! : { type: "HELP" };
  }
  if (input.type === "choice") return choiceEvent(String(input.id), s, false);

  const flow = activeFlow(s.value);
  const pending = pendingSlot(s);
  const text = cleanText(typeof input.text === "string" ? input.text : "");
  const invalid = (why: Problem): RouterEvent => (flow ? { type: "FLOW", event: { type: "INVALID", why } } : { type: "NOISE", why: "unclear" });
  if (text === "") return invalid({ k: "unclear" });

  const numbersAreAnswers = !!pending && AMOUNT_SLOTS.includes(pending);
  const match = matchChoice(text, s.choices, numbersAreAnswers);
  if (match.kind === "choice") return choiceEvent(match.choice.id, s, true);
  if (match.kind === "out_of_range") return { type: "NOISE", why: "range", n: match.n };

  for (const [re, event] of KEYWORDS) if (re.test(text)) return event;
  const stepping = flow === "registration" && !!s.ctx.flow && /^(step|checklist|done)/.test(s.ctx.flow.v);
  if (stepping && /^(跳过|下一步|下一个|继续|好的?|嗯|ok)$/i.test(text)) return { type: "FLOW", event: { type: "NEXT" } };

  const expecting = pending ? EXPECTING[pending] : undefined;
  const p = parse(text, expecting ? { expecting } : undefined);
  const { patch, problem } = read(p, text, pending, flow);
  const hasPatch = Object.keys(patch).length > 0;
  const wanted = FLOW_INTENTS[p.intent];

  const topic = topicOf(p);
  if (THANKS.test(text)) return { type: "THANKS" };

  if (flow) {
    // A side question wins unless the message also answers the question being asked
    // ("急诊" answering "哪种备案？" is an answer; "急诊怎么办" while asked for a city is not).
    const aside = !!topic && (!pending || patch[pending] === undefined);
    // The other facts it carried are stored too, and said back (出差在成都急诊住院了 while the
    // insured place is asked), so they are not asked again.
    if (aside && hasPatch && pending) return { type: "FLOW", event: { type: "ANSWER", a: patch }, aside: topic };
    if (aside) return { type: "ASIDE", topic };
    // "上海，备案有效期多久": the answer is stored and the question answered too, unless the
    // question is only the answer's own topic ("急诊怎么办" answering the category).
    // (A short reply is read as a bare answer; its question is found by reading it on its own.)
    const asked = hasPatch && QUESTION_CUE.test(text) ? (topic ?? topicOf(parse(text))) : undefined;
    const alsoAsks = !!asked && ASIDE_TOPICS.includes(asked) && !(TOPIC_SLOTS[asked] ?? []).some((slot) => patch[slot] !== undefined);
    if (alsoAsks) return { type: "FLOW", event: { type: "ANSWER", a: patch }, aside: asked };
    if (hasPatch) return { type: "FLOW", event: { type: "ANSWER", a: patch } };
    if (problem) return invalid(problem);
    if (p.intent === "cancel") return { type: "CANCEL" };
    if (p.intent === "back") return { type: "BACK" };
    if (p.intent === "restart") return { type: "RESTART" };
    if (p.intent === "help") return { type: "HELP" };
    if (wanted && wanted !== flow) return { type: "START", flow: wanted };
    return invalid({ k: "unclear" });
  }

  if (p.intent === "cancel") return { type: "CANCEL" };
  if (p.intent === "restart") return { type: "RESTART" };
  if (p.intent === "help") return { type: "HELP" };
  const seed = hasPatch ? { seed: patch as Answers } : {};
  // A question one rule answers (备案后能回老家看病吗) is answered, not turned into a flow;
  // a whole estimate asked with it is still worked out, the rule said first.
  if (p.topic && !(wanted === "estimate" && hasCoreFacts(patch))) return { type: "ASIDE", topic: p.topic, ...seed };
  // 急诊住院花了6万 with both places: the estimate is what was asked; the side rule is said first.
  if (topic && hasCoreFacts(patch)) return { type: "START", flow: "estimate", seed: patch as Answers, quick: true, aside: topic };
  if (wanted) {
    const quick = wanted === "estimate" && hasCoreFacts(patch);
    return { type: "START", flow: wanted, ...seed, ...(quick ? { quick } : {}), ...(p.topic ? { aside: p.topic } : {}) };
  }
  // The facts the side question carried are kept for the flow the person picks next.
  if (topic) return { type: "ASIDE", topic, ...seed };
  if (hasPatch) {
    const target: FlowId = patch.total || patch.setting ? "estimate" : "eligibility";
    return { type: "START", flow: target, seed: patch as Answers, ...(target === "estimate" && hasCoreFacts(patch) ? { quick: true } : {}) };
  }
  // 5000 × 啊 is not a hello: say it was not understood, without starting over.
  if (p.intent === "greeting") return Array.from(text.replace(/\s/g, "")).length > MAX_GREETING ? { type: "NOISE", why: "unclear" } : { type: "GREET" };
  return { type: "NOISE", why: "unclear" };
}

/** The side question a parse asks: a topic inside the intent first, else a side-question intent. */
function topicOf(p: Parse): string | undefined {
  return p.topic ?? (ASIDE_TOPICS.includes(p.intent) ? p.intent : undefined);
}
