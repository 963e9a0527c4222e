/**
 * Reads one message into an intent and slots (contract in types.ts). Pure and
 * synchronous, no I/O after module load; nothing a person types may throw, so the whole
 * parse is guarded and falls back to out_of_scope, but never silently: a broken install is
 * rethrown, any other failure is reported as a process warning, and a service checks at its
 * start that the parser understands its own example (`checkParser`).
 *
 * Order: normalise and cut → redact (an ID number must not become an amount) → places
 * → amounts (with place names masked, so 三亚/十堰 are not numbers) → small slots → roles
 * → intent. A bare answer to the question the flow is asking (`expecting`) fills that slot.
 */
import type { Ambiguity, Intent, Parse, ParseContext, PlaceSlot, SideTopic, Slots } from "./types.ts";
import { normalize } from "./normalize.ts";
import { redact } from "./redact.ts";
import { findPlaces, citiesOf, bareTypoCandidates } from "./places.ts";
import { PROVINCE_REGIONS } from "../places/divisions.ts";
import { findAmounts } from "./amounts.ts";
import { Decimal } from "decimal.js";
import { readAmounts } from "./amount-roles.ts";
import { shareInWords, shareOf } from "./share-words.ts";
import { findNegations, type Negation, type NegatedCue } from "./negation.ts";
import { readSlots, bareLevel } from "./slots.ts";
import { assignRoles } from "./roles.ts";
import { scoreIntent, confidenceOf } from "./intents.ts";
import { classify } from "./classifier.ts";
import { afterDischargeTopic, outOfScopeTopic, sideTopic } from "./topics.ts";
import { saysDischarged } from "./discharge.ts";
import { clauseTopics, pairTopic, questionClauses } from "./two-questions.ts";
import { homeReturnMention, registeredForMention, registrationVoidEnd } from "./registration-state.ts";
import { patientAtHome, withoutWritersWork, writerClauses } from "./writer.ts";
import { statedRegistrationOf } from "./stated.ts";
import { twoValuesIn } from "./two-values.ts";
import { joinSpokenRanges } from "./spoken-ranges.ts";

export type { Intent, PlaceSlot, Slots, Parse, Ambiguity, ParseContext, SideTopic } from "./types.ts";
export { MAX_INPUT_LENGTH } from "./normalize.ts";
export { redact } from "./redact.ts";
export { readReply, pickChoice, asChoiceNumber, asksQuestion, hasMoneyCue, claimReasonOf, isThanks } from "./replies.ts";
export type { PendingQuestion, ReplyReading, Command, ClaimReason } from "./replies.ts";

/** Words that make a message about medical insurance at all; without one, no fallback guess. */
const ABOUT_INSURANCE = /医保|备案|报销|住院|门诊|看病|医院|结算|异地|社保|就医|押金|急诊|生孩子|药|治疗|手术/u;
/** The fallback classifier must be this sure before it overrides "nothing recognised". */
const FALLBACK_MIN_PROBABILITY = 0.7;

/** Out-of-scope topics whose place names are not about care (北京到上海的高铁票). */
const NOT_ABOUT_CARE = /高铁|火车|机票|天气|股票|股市|房价|好吃|旅游攻略|景点|酒店/u;

/** Words that only mean something as the answer to a question ("农村的那种" for the scheme). */
function fillBareAnswer(text: string, expecting: keyof Slots, slots: Slots): void {
  // "就开了点药" answering 住院还是门诊: no stay, so the outpatient side.
  if (expecting === "setting" && /(开|拿|配|买)(了)?(点|些)?药|看了?(一下|一趟|个)?门诊/u.test(text)) slots.setting = "outpatient";
  if (expecting === "scheme") {
    if (/农村|农民|农合|村里/u.test(text)) slots.scheme = "resident";
    else if (/单位|公司|上班/u.test(text)) slots.scheme = "employee";
  } else if (expecting === "personStatus") {
    if (/^\s*(早就|早|已经|都)?(退了|退啦|退了休|退了已经|退休了)|^\s*刚(刚)?退/u.test(text)) slots.personStatus = "retired";
    else if (/^\s*(没有?|还没|没呢|上着班|干着呢)/u.test(text)) slots.personStatus = "working";
  }
}

/** The parts of a bill other than its total, as slots. */
const SHARE_SLOTS: Partial<Record<keyof Slots, true>> = { classB: true, outOfCatalog: true, deposit: true, yearToDate: true, quotedDeductible: true };
/** The word for each part of a bill, as a reply about that part says it (没有乙类, 自费的没有). */
const SHARE_WORD: Partial<Record<keyof Slots, RegExp>> = { classB: /乙类/u, outOfCatalog: /自费|目录外|丙类/u, deposit: /押金|预交|预缴/u, quotedDeductible: /起付/u };

const SLOT_OF_CUE: Record<NegatedCue, keyof Slots> = {
  stationed: "visitorType", visitorType: "visitorType", personStatus: "personStatus", hospitalLevel: "hospitalLevel",
  setting: "setting", scheme: "scheme", insuredRegion: "insuredRegion", treatmentRegion: "treatmentRegion", amount: "amount",
  classB: "classB", outOfCatalog: "outOfCatalog", deposit: "deposit", yearToDate: "yearToDate", quotedDeductible: "quotedDeductible", flexibleWork: "flexibleWork", reimbursed: "reimbursed", ownShare: "ownShare", accountPaid: "accountPaid", notLevel: "hospitalLevel",
};

/**
 * What the negations imply (没备案 → unregistered, 没退休 → working), and what to do when the
 * same value is also affirmed: affirmed after the negation (没转诊…后来转诊了) it stands; only
 * before it (转诊…没转诊) the person is asked.
 */
/** 备案了, 已经备案, 办了备案 (not 备案了吗, a question). */
const REGISTERED = /(?:已经?|办了|办好了?|办过)(?:异地)?(?:就医)?备案|备案(?:了|过|好了)(?![吗么没])|备过案|备上案/u;

/**
 * Registered after all, said after 没备案 (没备案 后来备案了, 之前没备案 昨天补办了, 以前没备案过
 * 这次去之前办了): the later statement wins; the person is registered (late), not unregistered.
 */
const REGISTERED_LATER = new RegExp(`${REGISTERED.source}|(补办|补上|补好|补|后来办|又办|再办|去办)(了|好了|过)(?![吗么没])|办(了|好了)(?=$|[\\s,，。!！])`, "u");

/** Words that put a 备案了 after the 没备案 in time (后来, 昨天, 现在已经…). */
const LATER_CUE = /后来|之后|然后|后面|最后|又|再|现在|已|昨天|今天|前天|上周|上个月|刚|这次|补/u;

/**
 * A 没备案 that a later 备案了 / 补办了 undoes: it implies nothing. A bare 备案了 with nothing that
 * puts it later (没备案 备案了) undoes nothing either: it is the same fact said both ways (asked).
 */
function registeredLater(n: Negation, affirmed: string): boolean {
  if (n.implies?.visitorType !== "unregistered") return false;
  const tail = affirmed.slice(n.end);
  const m = REGISTERED_LATER.exec(tail);
  if (!m) return false;
  return !REGISTERED.test(m[0]) || LATER_CUE.test(tail.slice(0, m.index + m[0].length));
}

function applyNegations(slots: Slots, negations: Negation[], affirmed: string, original: string): Ambiguity[] {
  const out: Ambiguity[] = [];
  // Said both ways: neither the value nor what its denial implies is taken (退休了 还没退休).
  const saidBoth = new Set<Negation>();
  for (const n of negations) {
    const slot = SLOT_OF_CUE[n.cue];
    const value = slots[slot];
    if (n.denied !== undefined && value !== undefined && String(value) === n.denied) {
      const before = readSlots(affirmed.slice(0, n.start))[slot];
      const after = readSlots(affirmed.slice(n.end))[slot];
      if (before !== undefined && String(before) === n.denied && !(after !== undefined && String(after) === n.denied)) {
        delete slots[slot];
        saidBoth.add(n);
        out.push({ slot, candidates: [n.denied], text: original.slice(n.start, n.end) });
      }
    }
  }
  // 备案了…哦不对还没备案: registered said, then denied. Neither is taken; the person is asked.
  for (const n of negations) {
    if (n.implies?.visitorType !== "unregistered") continue;
    const before = REGISTERED.test(affirmed.slice(0, n.start)) && !REGISTERED.test(affirmed.slice(n.end));
    // 没备案 备案了: the denial first, then a bare affirmation nothing puts later.
    const after = !before && REGISTERED.test(affirmed.slice(n.end)) && !registeredLater(n, affirmed);
    if (before || after) {
      saidBoth.add(n);
      out.push({ slot: "visitorType", candidates: ["registered"], text: original.slice(n.start, n.end) });
    }
  }
  for (const n of negations) {
    if (!n.implies || saidBoth.has(n) || registeredLater(n, affirmed)) continue;
    for (const [k, v] of Object.entries(n.implies) as [keyof Slots, never][]) {
      const current = slots[k];
      // 没备案 but an emergency: the emergency counts as registered (视同备案).
      if (k === "visitorType" && current === "emergency") continue;
      if (k === "visitorType" || current === undefined) (slots as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}

/**
 * A change to an earlier answer: 改成二级医院, 换成居民医保, 要是急诊呢, 那在北京呢, 如果没备案呢,
 * 其实他已经退休了, 金额是3万5不是3万. Only a correction when it carries a new value, and only
 * short or ending in 呢 (如果是急诊的话需要备案吗 is a question of its own).
 */
const CORRECTION = /^(那|那么|哦|噢|嗯|诶)?[,，\s]*(要是|如果|假如|假设|若是|万一|换成|改成|改为)|改成|换成|改为|换到|改到|^(那|那么)(在|去|是|换|按)?.{1,12}(呢|的话)$|其实(他|她|我|俺|老人|我爸|我妈)?(已经|早就|早|还|是|也|没)|(算|弄|填|选|报|看)错了|^(不对|错了|不是的|不是不是)[,，。.!！\s]|^(那)?换(个|家|一家|一个)(医院|地方|城市)?[,，\s]*(去|到|在|换成|改成)?|说错了|搞错了|写错了|记错了|打错了|输错了|应该是|改一下|更正|纠正|不对[,，\s]*(是|应该)|不是[\d零一二两三四五六七八九十百千万wk.]+(块|元)?[,，\s]*(是|而是)|^不是[^,，。\s]{1,8}[,，。\s]+(而是|是)[^,，。\s]{1,6}$|是[^不]{1,10}不是|^(那)?(换|改)(成|到|去|在)?[^,，。\s]{1,8}(试试|看看|算算|算一下|再算)$|(刚才|上面|前面|之前|上一个)(说|讲|填|写|选|打)?的?(不对|错了|有误)|^(那)?(算成|按照?)[^,，。\s]{1,8}(算|的)?(看看|试试|算算|一下)?$|^(那)?[^,，。\s吗么?？]{2,10}呢$|^[^不,，。\s]{1,8}[,，\s]*(不是|而不是)[^,，。\s]{1,8}$|^(哦|噢|嗯)?[,，\s]*其实|不是[^,，。\s]{1,8}[,，。\s]+(而是|是)[^,，。\s]{1,8}$|^(那|那么)?(再|重新)?(用|按|按照|照)[^,，。\s]{1,10}(再|重新)?(算|计算|重算|来算)(一下|一遍|一次|一回|下|看看|算)?$|(再|重新)算一(遍|次|下|回)$/u;
const CORRECTION_NOT = /备案.{0,6}(改|换|变更|取消)|(改|换|变更)(一下)?备案|吗|怎么|如何|多少|能不能|可不可以|要不要|是不是/u;
const MAX_CORRECTION_LENGTH = 16;
const ENDS_IN_NE = /呢[?？。!！]*$/u;
const BARE_CHANGE = /^(我)?(要|想)?(改一下|改改|修改一下|改个东西|不对|不对不对|错了|说错了|搞错了|填错了|写错了|打错了|输错了|有错|不是这样的?)[啊呀吧了哈。.!！~]*$/u;

/** What words about a registration's state alone make a message look like (备案过期了 → validity). */
const REGISTRATION_STATE_INTENTS = new Set<Intent>(["validity", "cancel_change", "review_time", "check_result"]);

/** Below this confidence the likeliest readings are offered as choices. */
export const CANDIDATE_THRESHOLD = 0.6;

/** A reply this short that fills the slot being asked for is an answer, not a new question. */
const BARE_ANSWER_LENGTH = 12;

/** Characters (code points) other than white space, without building them as an array. */
function compactLengthOf(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // the second half of a pair: counted with the first
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f) continue;
    n++;
  }
  return n;
}

export function parse(text: string, context?: ParseContext): Parse {
  try {
    return parseUnsafe(typeof text === "string" ? text : "", context);
  } catch (error) {
    // A broken install is never the person's doing: it must stop the program, not turn every
    // message into "not understood" (a missing package once did exactly that, silently).
    if (isBrokenInstall(error)) throw error;
    reportParseFailure(error);
    return { intent: "out_of_scope", confidence: 0, slots: {} };
  }
}

const BROKEN_INSTALL = new Set(["MODULE_NOT_FOUND", "ERR_MODULE_NOT_FOUND", "ERR_PACKAGE_PATH_NOT_EXPORTED", "ERR_REQUIRE_ESM", "ERR_UNKNOWN_FILE_EXTENSION", "ERR_IMPORT_ATTRIBUTE_MISSING"]);

function isBrokenInstall(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && BROKEN_INSTALL.has(code);
}

const reported = new Set<string>();

/**
 * A message the parser failed on is answered as not understood, and the failure is reported
 * once per place in the code (a process warning on stderr), so a bug is seen, not hidden.
 * Only the error's kind and stack: its message may quote what the person typed.
 */
function reportParseFailure(error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const frames = error instanceof Error ? (error.stack ?? "").split("\n").filter((l) => /^\s+at /u.test(l)) : [];
  const where = frames[0]?.trim() ?? "unknown";
  if (reported.has(`${name} ${where}`)) return;
  reported.add(`${name} ${where}`);
  process.emitWarning(`the parser failed on a message (${name}); it was answered as not understood\n${frames.join("\n")}`, { type: "ParseFailure", code: "YIDI_PARSE_FAILED" });
}

/**
 * Proves the parser works: the project's own example must be understood. A service runs this at
 * its start (src/serve.ts), so that data that failed to load, or a reader that throws on
 * everything, stops it there instead of answering every message with "not understood". Not run
 * when the module loads: `yidi nlu` answers one message and shows what it read, and a parse of
 * the example on top of it was a tenth of its start-up.
 */
export function checkParser(): void {
  const p = parseUnsafe("我在苏州交的职工医保，在上海住院花了3万，能报多少");
  if (p.intent === "out_of_scope" || p.slots.amount !== "30000" || p.slots.insuredRegion?.code !== "320500" || p.slots.treatmentRegion?.code !== "310000") {
    throw new Error(`the parser does not understand its own example sentence (got ${JSON.stringify(p)}): its data or code is broken`);
  }
}

function parseUnsafe(raw: string, context?: ParseContext, nested = false): Parse {
  const expecting = context?.expecting;
  const text = redact(normalize(raw));
  const mentions = findPlaces(text);
  // Masked with a non-digit so the amount reader never sees 三亚, 十堰, 六安, 七台河.
  let masked = text;
  for (const m of mentions) masked = masked.slice(0, m.start) + "□".repeat(m.end - m.start) + masked.slice(m.end);
  const amountExpected = expecting !== undefined && (expecting === "amount" || expecting in SHARE_SLOTS);
  const found = joinSpokenRanges(masked, findAmounts(masked, amountExpected));
  const money = readAmounts(masked, found);

  const { masked: negationFree, negations } = findNegations(text);
  // Place names are masked here too, so 保定居民 does not read as 定居 nor 安居 as a residence.
  let affirmed = negationFree;
  for (const m of mentions) affirmed = affirmed.slice(0, m.start) + "□".repeat(m.end - m.start) + affirmed.slice(m.end);
  // 我在北京上班 我妈在洛阳住院了: the writer's job is not the patient's status.
  const writer = writerClauses(text);
  if (writer.length > 0) affirmed = withoutWritersWork(affirmed, writer);
  const slots: Slots = readSlots(affirmed);
  const slotAmbiguities = applyNegations(slots, negations, affirmed, text);
  // 职工 居民, 退休 在职, 三级 二级: both values named, nothing to tell them apart — asked, not the first rule's.
  for (const two of twoValuesIn(affirmed, slots)) {
    if (slotAmbiguities.some((a) => a.slot === two.slot)) continue;
    delete slots[two.slot];
    slotAmbiguities.push({ slot: two.slot, candidates: two.values, text: two.text });
  }
  if (expecting && slots[expecting] === undefined && !slotAmbiguities.some((a) => a.slot === expecting)) fillBareAnswer(text, expecting, slots);
  if (expecting === "hospitalLevel" && slots.hospitalLevel === undefined) {
    const level = bareLevel(text);
    if (level) slots.hospitalLevel = level;
  }
  const result: Parse = { intent: "out_of_scope", confidence: 0, slots };
  // Read with the slots, reported beside them: flags about the person's words, not values of a slot.
  if (slots.notLevel !== undefined) result.notLevel = slots.notLevel;
  if (slots.flexibleWork) result.flexibleWork = true;
  delete slots.notLevel;
  delete slots.flexibleWork;
  Object.assign(slots, money.slots);
  // "5000" answering "乙类有多少？": a figure with no role word is the part asked for.
  // Not a figure named as the total (上一个说错了 总共花了5万2): that is the bill, whatever was asked.
  if (expecting && expecting in SHARE_SLOTS && slots[expecting] === undefined && slots.amount !== undefined && Object.keys(money.slots).length === 1 && !money.namedTotal) {
    (slots as Record<string, unknown>)[expecting] = slots.amount;
    delete slots.amount;
  }
  // 六七万: the bill is the middle of the range said, and its words go with it to be said back.
  const ranged = slots.amount !== undefined ? found.find((f) => f.range && f.value === slots.amount) : undefined;
  if (ranged?.range) result.amountRange = { text: ranged.text, low: ranged.range[0], high: ranged.range[1] };
  // 其中一半是自费药: the share worked out from the bill said with it; a vague one (大部分) is left to ask.
  const share = shareInWords(text);
  if (share && slots[share.slot] === undefined) {
    result.shareWords = share;
    const other = share.slot === "classB" ? slots.outOfCatalog : slots.classB;
    if (share.fraction && slots.amount !== undefined) {
      const part = shareOf(slots.amount, share.fraction);
      // Never a part that, with the other one said, exceeds the bill: then it is asked instead.
      if (new Decimal(part).plus(other ?? 0).lessThanOrEqualTo(slots.amount)) slots[share.slot] = part;
      else delete share.fraction;
    }
  }
  if (money.rejected?.rejected) result.rejectedAmount = { text: money.rejected.text, reason: money.rejected.rejected };
  if (negations.length > 0) result.negated = [...new Set(negations.map((n) => n.cue))];

  const patientHome = writer.length > 0 && patientAtHome(text);
  let roles = assignRoles(text, mentions, writer, patientHome);
  // 长期备案办在了广州 … 在北京住院: the place registered for is not where the care is; read the
  // roles without it, and a registration for another place covers nothing here.
  const registeredFor = registeredForMention(text, mentions);
  let registeredElsewhere = false;
  const home = registeredFor ? homeReturnMention(text, mentions, registeredFor) : undefined;
  if (registeredFor && home && home.candidates.length === 1) {
    // 长期备案在广州 回老家南昌看病: home is where the person is insured, and the care is there
    // (both places pay a long-term registrant: 双向享受); 广州 is neither role.
    const at = home.candidates[0] as PlaceSlot;
    const without = assignRoles(text, mentions.filter((m) => m !== registeredFor), writer, patientHome);
    if (!without.insured || without.insured.code === at.code) roles = { ...without, insured: at, treatment: at, ambiguities: without.ambiguities.filter((a) => a.slot !== "insuredRegion") };
  } else if (registeredFor) {
    const without = assignRoles(text, mentions.filter((m) => m !== registeredFor), writer, patientHome);
    const care = without.treatment;
    if (care && !registeredFor.candidates.some((c) => c.code === care.code || (c.code.slice(0, 2) === care.code.slice(0, 2) && (c.level === "province" || care.level === "province")))) {
      roles = without;
      registeredElsewhere = true;
    }
  }
  // 之前办过长期备案 后来取消了, 备案过期了: no registration now, unless made again after (后来又办了).
  const voidEnd = registrationVoidEnd(text);
  // Only with a case told (a bill or a place): 备案过期了怎么办 alone is a question about validity.
  const caseTold = slots.amount !== undefined || slots.insuredRegion !== undefined || slots.treatmentRegion !== undefined;
  if ((registeredElsewhere || (voidEnd >= 0 && caseTold && !REGISTERED_LATER.test(text.slice(voidEnd)))) && slots.visitorType !== "emergency") slots.visitorType = "unregistered";
  if (roles.insured) slots.insuredRegion = roles.insured;
  if (roles.treatment) slots.treatmentRegion = roles.treatment;
  let places: PlaceSlot[] = roles.places;
  // 河北 alone is not a region: the person picks one of its cities. 海南 is one (备案到省).
  const provinceOnly: Ambiguity[] = [];
  for (const key of ["insuredRegion", "treatmentRegion"] as const) {
    const p = slots[key];
    if (p && p.level === "province" && !PROVINCE_REGIONS.has(p.code)) {
      delete slots[key];
      provinceOnly.push({ slot: key, candidates: citiesOf(p.code), text: p.name });
    }
  }
  for (const p of places.filter((x) => x.level === "province" && !PROVINCE_REGIONS.has(x.code))) {
    const asked = expecting === "insuredRegion" || expecting === "treatmentRegion" ? expecting : "place";
    provinceOnly.push({ slot: asked, candidates: citiesOf(p.code), text: p.name });
  }
  places = places.filter((x) => !(x.level === "province" && !PROVINCE_REGIONS.has(x.code)));
  let ambiguities: Ambiguity[] = [...roles.ambiguities, ...(money.ambiguity ? [money.ambiguity] : []), ...slotAmbiguities, ...provinceOnly];
  // "苏州" answering "where are you insured?": the lone place takes the slot being asked for.
  if ((expecting === "insuredRegion" || expecting === "treatmentRegion") && slots[expecting] === undefined) {
    const only = places.length === 1 ? places[0] : undefined;
    const other = expecting === "insuredRegion" ? slots.treatmentRegion : slots.insuredRegion;
    if (only) {
      slots[expecting] = only;
      places = [];
      ambiguities = ambiguities.filter((a) => a.slot !== "place");
    } else if (other && !roles.insured !== !roles.treatment && mentions.length === 1 && (roles.insuredWeight ?? roles.treatmentWeight ?? 0) < 3) {
      // The single place got its role only from a weak cue ("温州的") but the question was about
      // the other one: trust the question. A clear cue ("医保在南通") is kept as said.
      slots[expecting] = other;
      delete slots[expecting === "insuredRegion" ? "treatmentRegion" : "insuredRegion"];
    }
  }
  // "深川" answering the place question: a word one character off a city is offered back
  // ("您是说深圳吗？"), never taken as the answer.
  if ((expecting === "insuredRegion" || expecting === "treatmentRegion") && slots[expecting] === undefined && mentions.length === 0) {
    const guesses = bareTypoCandidates(text);
    if (guesses.length > 0) ambiguities.push({ slot: expecting, candidates: guesses, text: text.trim(), typo: true });
  }

  const regionCount = (slots.insuredRegion ? 1 : 0) + (slots.treatmentRegion ? 1 : 0) + provinceOnly.filter((a) => a.slot !== "place").length;
  const billSaid = slots.amount !== undefined || slots.reimbursed !== undefined || slots.ownShare !== undefined;
  const score = scoreIntent(text, {
    // Figures whose role is asked about (2万 5千) still make the message about a bill.
    // So do what the fund paid and what the person paid of it (医保报了2万 对不对: a question about the bill).
    amount: billSaid || money.ambiguity !== undefined,
    places: regionCount,
    slots: regionCount,
    scenario: billSaid && slots.insuredRegion !== undefined && slots.treatmentRegion !== undefined,
  });
  result.intent = score.intent;
  result.confidence = confidenceOf(score);
  // 之前没备案 昨天补办了 … 花了4万: registered late, the whole case stated; nothing left to make up.
  if (score.intent === "makeup_registration" && slots.amount !== undefined && slots.insuredRegion && slots.treatmentRegion && negations.some((n) => registeredLater(n, affirmed))) {
    result.intent = "estimate";
  }
  // 备案过期了 / 后来取消了 told with the whole case: the state of the registration is a fact of the
  // estimate, not a question about validity or cancelling.
  if (slots.visitorType === "unregistered" && (voidEnd >= 0 || registeredElsewhere) && billSaid && slots.insuredRegion && slots.treatmentRegion && REGISTRATION_STATE_INTENTS.has(result.intent)) {
    result.intent = "estimate";
  }
  if (score.score < 2 && regionCount === 0 && ABOUT_INSURANCE.test(text)) {
    // No cue word at all, but it is about insurance: the learned fallback may know the phrasing.
    const guess = classify(text);
    if (guess && guess.probability >= FALLBACK_MIN_PROBABILITY) {
      result.intent = guess.intent;
      result.confidence = Math.round((0.3 + 0.2 * guess.probability) * 100) / 100;
    }
  }
  if (score.intent === "out_of_scope" && NOT_ABOUT_CARE.test(text)) {
    // 北京到上海的高铁票: the cities are not about medical care; keep them out of the slots.
    delete slots.insuredRegion;
    delete slots.treatmentRegion;
    delete slots.amount;
    ambiguities = [];
    places = [];
  }

  const compactLength = compactLengthOf(text);
  // "改一下", "不对", "说错了" on their own: a change with nothing named yet; the flow asks what.
  if (compactLength <= 6 && BARE_CHANGE.test(text.trim())) {
    result.intent = "correction";
    result.confidence = 0.85;
  }
  // 要是没转诊呢: a denied fact is what the correction is about, even with no slot to fill.
  const carries = Object.keys(slots).length > 0 || places.length > 0 || ambiguities.length > 0 || negations.length > 0;
  // The cheap length test first: most messages are too long to be a correction.
  if (carries && (compactLength <= MAX_CORRECTION_LENGTH || ENDS_IN_NE.test(text)) && CORRECTION.test(text) && !CORRECTION_NOT.test(text.replace(/多少钱?呢$/u, ""))) {
    result.intent = "correction";
    result.confidence = 0.85;
    // "那在北京呢": a lone place said with 在/去/到 is where the care is.
    // "那北京呢": so is a lone place with nothing but the supposing words before it.
    const lead = text.slice(0, text.indexOf(places[0]?.name.slice(0, 2) ?? "\u0000"));
    if (places.length === 1 && !slots.treatmentRegion && (/(在|去|到|换|改|换到|改到|换成|改成)$/u.test(lead) || /^(那|那么)?(要是|如果|假如|假设)?$/u.test(lead.trim()))) {
      slots.treatmentRegion = places[0] as PlaceSlot;
      places = [];
    }
  } else if (result.confidence < CANDIDATE_THRESHOLD && (score.ranked?.length ?? 0) >= 2) {
    const likely = (score.ranked ?? []).filter(([, v]) => v > 0).map(([i]) => i);
    const list = [result.intent, ...likely.filter((i) => i !== result.intent)].slice(0, 3);
    if (list.length >= 2) result.candidates = list;
  }
  // "没有乙类" answering the 乙类 question names the part asked about: an answer too.
  const answered = expecting !== undefined && (slots[expecting] !== undefined || result.rejectedAmount !== undefined || ambiguities.length > 0
    || (SHARE_WORD[expecting]?.test(text) ?? false));
  // A correction of another fact ("不对 是居民医保" while the level is asked) stays a correction.
  const correctsOther = result.intent === "correction" && !answered;
  if (expecting !== undefined && compactLength <= BARE_ANSWER_LENGTH && (answered || score.score < 3) && !correctsOther && !["cancel", "back", "restart"].includes(score.intent)) {
    result.intent = "out_of_scope";
    result.confidence = answered ? 0.3 : 0.2;
  }
  if (ambiguities.length > 0) result.ambiguities = ambiguities;
  if (places.length > 0) result.places = places;
  // Not for a message about something else altogether (公积金, 股票), nor a command.
  const offTopic = (score.intent === "out_of_scope" && score.score > 0) || ["cancel", "back", "restart"].includes(score.intent);
  // Out of scope, a pointer may still be said (个税大病医疗 → the tax office, not 大病保险).
  const topic = offTopic ? (score.intent === "out_of_scope" ? outOfScopeTopic(text) : undefined) : (sideTopic(text) ?? (result.intent === "makeup_registration" || (result.intent === "registration_howto" && slots.visitorType === "unregistered") ? afterDischargeTopic(text, slots.visitorType === "unregistered") : undefined));
  // 医院说医保只能报一万二 是不是算错了: the hospital's figure is what is doubted, to compare with an
  // estimate of the bill told — not a complaint about an estimate given.
  if (topic && !(topic === "complaint" && slots.reimbursed !== undefined)) result.topic = topic;
  if (saysDischarged(text)) result.discharged = true;
  // 在这边养老, 随子女定居, 买了房 常住: the kind of long-term registration that fits, none said to be made.
  if ((slots.visitorType === "long_term_resident" || slots.visitorType === "retiree_relocated") && !REGISTERED.test(text) && statedRegistrationOf(text) === undefined) result.categoryFromLiving = true;
  // 备案了多久有效 比例会降吗: two questions answered on the spot, both named (never one dropped).
  // Not inside a clause already (one level), nor for a bill, nor for an answer to a question.
  if (!nested && expecting === undefined && slots.amount === undefined && !offTopic) {
    const clauses = questionClauses(text);
    const pair = clauses ? pairTopic(clauses, (clause) => parseUnsafe(clause, undefined, true), result) : undefined;
    if (pair) result.topic = pair as SideTopic;
  }
  return result;
}

/** Each question of a message with a bill, as its topic or intent, in the order typed (src/language/two-questions.ts). */
export function questionTopics(text: string): string[] {
  return clauseTopics(text, (clause) => parse(clause));
}
