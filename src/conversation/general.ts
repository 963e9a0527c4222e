/**
 * General questions answered at once from the national rules (policies/national.yaml), at the
 * menu or in the middle of a flow: who may register, where and how, what to bring, what to show
 * at the hospital, whether to register at all, cancel and change, claim deadlines, the hotline,
 * how to find networked hospitals. Where the answer really depends on the person's city, the
 * reply says why it asks for it; nothing here is a figure of its own.
 */
import { visitorOf, type Answers } from "../../flows/answers.ts";
import { flowMessages as m } from "../messages/flows.ts";
import { directSettlement, emergencyRegistrationFor, jurisdictionBetween, type Scheme, type Setting } from "../policy/index.ts";
import { book, factFor, regionName, regionVersion, sourceTitle, today, type Fact } from "./policy-data.ts";
import { describeVisitorRule } from "./results.ts";
import { localFiguresAnswer } from "./local-figures.ts";
import { ratioChangeAnswer } from "./why-ratio.ts";
import { validityAnswer } from "./validity.ts";

export const GENERAL_TOPICS = [
  "who_can_register",
  "registration_channels",
  "registration_materials",
  "at_hospital",
  "hotline",
  "find_hospital",
  "cancel_change",
  "need_register",
  "claim_deadline",
  // Making up the registration after discharge: pay first, claim at home, within its deadline.
  "makeup_after_discharge",
  // In hospital now without one: make it up before discharge (then settled directly), else pay first; an emergency counts as registered.
  "makeup_in_hospital",
  // What to bring for a manual claim (手工报销): the national list at once, then why the city matters.
  "claim_materials",
  // What a word means (起付线是啥意思): the word in plain words, then the national rule it belongs to.
  "term_deductible",
  "term_catalog",
  "term_cap",
  "term_ratio",
  "term_direct",
  "term_places",
  // Not ours to answer: where to ask instead (no source: it states no rule).
  "tax",
  // Asked in words the intents read as a flow, answered here first (issue 10 item 6).
  "kinds_compare",
  "claim_payout",
  "two_places",
  "wrong_place",
  // A city's own 起付线 / 比例 / 封顶线 (local-figures.ts).
  "local_figures",
  "local_figures@deductible",
  "local_figures@ratio",
  "local_figures@cap",
  // 那打哪个 after the hotline answer: the insured place's own number.
  "hotline_which",
  "expired_in_hospital",
  "renew",
  "stay_not_claim",
  "care_at_home",
  "check_record",
  "e_voucher",
  "pharmacy",
  // No national rule on it in the data: said so, and where to ask.
  "personal_account",
  "referral_paper",
  "proxy",
  "offline_channel",
  "complaint",
  "area_not_hospital",
  "id_needed",
  "start_date",
  "card_lost",
  // Follow-ups that take the previous answer's topic (src/language/follow-ups.ts): 具体步骤呢 after
  // where to register, 在哪交 after the claim's materials, 临时的呢 after a long-term answer.
  "registration_steps",
  "claim_where",
  "validity@long",
  "validity@temporary",
  "cancel_change@long",
  "cancel_change@temporary",
  "registration_materials@long",
  "registration_materials@temporary",
  // 备案好了 去医院要带啥: registered already, so the card or the e-voucher first, no unregistered lines.
  "at_hospital@registered",
  "ratio_change@long",
  "ratio_change@temporary",
] as const;
export type GeneralTopic = (typeof GENERAL_TOPICS)[number];

export function isGeneralTopic(topic: string): topic is GeneralTopic {
  return (GENERAL_TOPICS as readonly string[]).includes(topic) || isPair(topic);
}

/** Two questions asked in one message (src/language/two-questions.ts): "validity+ratio_change". */
function isPair(topic: string): boolean {
  return topic.includes("+");
}

/** The kind of registration the person's answers point to, if they point to one. */
function termOf(a: Answers): "long" | "temporary" | undefined {
  const visitor = a.category ? visitorOf(a.category) : a.visitor;
  if (!visitor || visitor === "unregistered") return undefined;
  return visitor === "long_term" ? "long" : "temporary";
}

/** Each question answered in turn, as it would be alone; their sources listed once. */
function pairAnswer(topic: string, a: Answers, now: Date): Fact | undefined {
  const parts = topic
    .split("+")
    .map((t) => (GENERAL_TOPICS as readonly string[]).includes(t) ? generalAnswer(t as GeneralTopic, a, now) : ownFact(t, a, now) ?? factFor(t, termOf(a)))
    .filter((f): f is Fact => !!f);
  if (parts.length === 0) return undefined;
  const sources = [...new Set(parts.flatMap((f) => f.source?.split("；") ?? []))];
  // A line both answers say (the claim's deadline) is said once; why the city matters, once, at the end.
  const lines = [...new Set(parts.flatMap((f) => f.text.split("\n")))];
  const whyCity = lines.filter((line) => line.includes(g.askCity));
  const text = [...lines.filter((line) => !line.includes(g.askCity)), ...whyCity.slice(-1)].join("\n");
  return { text, ...(sources.length > 0 ? { source: sources.join("；") } : {}) };
}

const g = m.general;

/** A side topic the insured place has its own rule for (its 比例, its 有效期, its 急诊 rule), as answered alone; undefined where it has none. */
export function ownFact(topic: string, a: Answers, now: Date): Fact | undefined {
  if (topic === "ratio_change") return ratioChangeAnswer(a, now);
  if (topic === "validity") return validityAnswer(a, now, termOf(a));
  if (topic === "emergency") return emergencyLocalAnswer(a.insured, a.scheme, now);
  return undefined;
}

/** A direct answer in words first, then the national facts it rests on (with their sources). */
function led(lead: string, keys: string[]): Fact {
  const rest = facts(keys);
  return { text: [lead, ...(rest ? [rest.text] : [])].join("\n"), ...(rest?.source ? { source: rest.source } : {}) };
}

/** National facts by key, their texts joined and their sources listed once. */
function facts(keys: string[], extra: string[] = [], region?: { insured?: string | undefined; scheme?: Scheme | undefined; now: Date }): Fact | undefined {
  const b = book();
  if (!b) return undefined;
  const texts: string[] = [];
  const sources: string[] = [];
  const local = region && keys.includes("emergency_as_registered") ? emergencyLocalAnswer(region.insured, region.scheme, region.now) : undefined;
  for (const key of keys) {
    if (key === "emergency_as_registered" && local) {
      texts.push(local.text);
      if (local.source && !sources.includes(local.source)) sources.push(local.source);
      continue;
    }
    const f = b.national.facts[key];
    if (!f) continue;
    texts.push(f.text);
    const title = sourceTitle(null, f.source);
    if (title && !sources.includes(title)) sources.push(title);
  }
  if (texts.length === 0) return undefined;
  return { text: [...texts, ...extra].join("\n"), ...(sources.length > 0 ? { source: sources.join("；") } : {}) };
}

/** The insured place's own emergency rule (东莞, 重庆: register before discharge), said where the national 视同已备案 would contradict it. */
export function emergencyLocalAnswer(insured: string | undefined, scheme: Scheme | undefined, now: Date): Fact | undefined {
  const b = book();
  if (!b || !insured) return undefined;
  const own = emergencyRegistrationFor(b, insured, scheme, today(now));
  return own ? { text: m.eligibility.emergencyLocal(regionName(insured), own.withinDays), source: own.source.title } : undefined;
}

function withSources(texts: string[], sourceIds: (string | undefined)[]): Fact {
  const titles = [...new Set(sourceIds.map((id) => sourceTitle(null, id)).filter((t): t is string => !!t))];
  return { text: texts.join("\n"), ...(titles.length > 0 ? { source: titles.join("；") } : {}) };
}

/** A national principle (national.yaml `principles`) as a fact with its source. */
function principle(id: string): { text: string; source?: string } | undefined {
  const p = book()?.national.principles.find((x) => x.id === id);
  return p ? { text: p.text, source: p.source } : undefined;
}

/** The plain-words meaning, then the national rules that say whose rule applies, with their sources. */
function term(topic: GeneralTopic, factKeys: string[], principleIds: string[] = []): Fact | undefined {
  const b = book();
  const meaning = g.terms[topic];
  if (!b || !meaning) return undefined;
  const rules = [...principleIds.map(principle), ...factKeys.map((k) => b.national.facts[k])].filter((x): x is { text: string; source?: string } => !!x);
  return withSources([meaning, ...rules.map((r) => r.text)], rules.map((r) => r.source));
}

/** 长期和临时哪个划算 asked with a bill: the cut that makes the difference, and that the kind is not a choice. */
export function kindsBrief(): Fact | undefined {
  const cut = book()?.national.facts.temporary_ratio_cut;
  return cut ? withSources([cut.text, g.kindsWhich], [cut.source]) : undefined;
}

/** The answer to a general question; `a` is what the person already said (their city, their kind of registration). */
export function generalAnswer(topic: GeneralTopic, a: Answers, now: Date): Fact | undefined {
  const b = book();
  if (!b) return undefined;
  if (isPair(topic)) return pairAnswer(topic, a, now);
  const cats = b.national.categories;
  switch (topic) {
    case "who_can_register": {
      const long = cats.filter((c) => c.term === "long").map((c) => c.name);
      const temporary = cats.filter((c) => c.term === "temporary").map((c) => c.name);
      return withSources([g.who(long, temporary), g.whoNext], cats.map((c) => c.source));
    }
    case "registration_channels": {
      const review = b.national.facts.review_time;
      return withSources([g.channels, ...(review ? [review.text] : []), a.insured ? "" : g.whyCity.channels].filter(Boolean), [b.national.registrationSteps.source, review?.source]);
    }
    case "registration_materials": {
      // Both places known and nothing to register between them (唐山 to 北京): that answer, not
      // a list of papers that tells the person to register.
      const none = a.insured && a.treatment ? notNeededFor(a.insured, a.treatment, a.scheme, now, a.setting) : undefined;
      if (none) return none;
      // The kind of registration already said (异地长期居住) narrows the list to its own lines.
      const own = cats.filter((c) => (a.category ? c.id === a.category : a.visitor && a.visitor !== "unregistered" ? c.visitor === a.visitor : false));
      const shown = own.length > 0 ? own : cats;
      const lines = shown.map((c) => g.materials(c.name, c.materials.join("、")));
      return withSources([own.length > 0 ? g.materialsOwnIntro : g.materialsIntro, ...lines, ...(a.insured ? [] : [g.whyCity.materials])], shown.map((c) => c.source));
    }
    case "claim_materials": {
      const claim = b.national.manualClaim;
      // What the person said already takes off the items that are not theirs (出院小结 for an outpatient bill).
      // (没备案 says nothing of a referral: the referral's item stays, marked.)
      const said = a.category ? visitorOf(a.category) : a.visitor;
      const visitor = said === "unregistered" ? undefined : said;
      const theirs = (claim.materials ?? []).filter((x) => typeof x === "string" || ((!x.settings || !a.setting || x.settings.includes(a.setting)) && (!x.visitors || !visitor || x.visitors.includes(visitor))));
      const items = theirs.map((x) => (typeof x === "string" ? g.claimItem(x) : g.claimItem(x.item, a.setting ? undefined : x.settings?.map((s) => m.labels.setting[s]), !visitor && !!x.visitors?.includes("referral"))));
      return withSources(
        [g.claimIntro, ...items, ...(claim.where ? [g.claimWhere(claim.where)] : []), ...(claim.deadline ? [g.deadlineNational(claim.deadline)] : []), ...(a.insured ? [] : [g.whyCity.claim])],
        [claim.source],
      );
    }
    case "at_hospital":
      // 能直接刷医保卡吗: the condition (a registration, or an emergency) before the card.
      return led(g.cardNeedsRegistration, ["unregistered_pay_first", "emergency_as_registered", "direct_settlement_card", "admission_inside_validity"]);
    case "at_hospital@registered":
      return facts(["direct_settlement_card", "admission_inside_validity"]);
    case "complaint":
      // The rules that make the difference, with their sources: whose policy, and the visitor's cut.
      return led(g.complaint, ["principle", "temporary_ratio_cut"]);
    case "area_not_hospital":
      return facts(["register_to_area_not_hospital", "find_hospital"]);
    case "id_needed": {
      const temporary = cats.filter((c) => c.term === "temporary");
      return withSources([g.idNeeded], temporary.map((c) => c.source));
    }
    case "start_date":
      return facts(["makeup_registration"]);
    case "card_lost":
      return led(g.cardLost, ["direct_settlement_card", "online_needs_verification"]);
    case "expired_in_hospital":
      return facts(["admission_inside_validity"], [g.renew]);
    case "renew":
      return facts(["validity", "admission_inside_validity"], [g.renew]);
    case "care_at_home": {
      const same = principle("same_pool");
      return withSources([g.careAtHome, ...(same ? [same.text] : [])], [same?.source]);
    }
    case "stay_not_claim":
      return led(g.stayLead, ["makeup_registration", "emergency_as_registered", "unregistered_pay_first"]);
    case "check_record":
      return led(g.cannotLookUp, ["check_result"]);
    case "e_voucher":
      return led(g.eVoucher, ["online_needs_verification", "direct_settlement_card"]);
    case "pharmacy":
      return facts(["find_hospital", "outpatient_general"]);
    case "personal_account":
      // No national rule on the personal account in the data: said so; the outpatient rule beside it is the insured place's too.
      return led(g.personalAccount, ["outpatient_general"]);
    case "referral_paper":
      return facts(["referral_needs_hospital"]);
    case "proxy": {
      const review = b.national.facts.review_time;
      return withSources([g.proxy, ...(review ? [review.text] : [])], [review?.source]);
    }
    case "offline_channel": {
      const review = b.national.facts.review_time;
      return withSources([g.offline, ...(review ? [review.text] : [])], [review?.source]);
    }
    case "hotline":
      // What is known (12393, graded C and said to be unverified), then where the local number is found.
      return facts(["hotline_unverified", "hotline"]);
    case "find_hospital":
      return facts(["find_hospital", "register_to_area_not_hospital"]);
    case "hotline_which":
      return facts(["hotline"]);
    case "two_places":
      // What registering means (to a place, not a hospital), how to change it; no rule on two at once was found.
      return facts(["register_to_area_not_hospital", "change_cancel"], [g.twoPlaces]);
    case "wrong_place":
      return facts(["change_cancel", "check_result"], [g.wrongPlace]);
    case "local_figures":
      return localFiguresAnswer(a, now);
    case "local_figures@deductible":
    case "local_figures@ratio":
    case "local_figures@cap":
      return localFiguresAnswer(a, now, topic.slice(topic.indexOf("@") + 1) as "deductible" | "ratio" | "cap");
    case "cancel_change": {
      // A temporary registration said (临时的): its own rule; else both (the long one's comes first).
      const said = a.category ? visitorOf(a.category) : a.visitor;
      if (said && said !== "unregistered" && said !== "long_term") return facts(["change_cancel_temporary"], [g.changeWhere]);
      return facts(["change_cancel"], [g.changeWhere]);
    }
    case "need_register":
      return (a.insured && a.treatment ? needRegisterFor(a.insured, a.treatment, a.scheme, now, a.setting) : undefined)
        ?? facts(["unregistered_pay_first", "emergency_as_registered", "makeup_registration"], [g.needRegister], { insured: a.insured, scheme: a.scheme, now });
    case "term_deductible":
    case "term_catalog":
    case "term_cap":
    case "term_ratio":
      // Whose catalogue and whose deductible, ratio and cap: 就医地目录、参保地政策.
      return term(topic, ["principle"]);
    case "term_direct":
      return term(topic, ["direct_settlement_card", "unregistered_pay_first"]);
    case "term_places":
      return term(topic, ["principle"], ["same_pool"]);
    case "tax":
      return { text: g.tax };
    case "makeup_in_hospital":
      // 沈阳 住院 (免申即享): nothing to make up — the place's own word first.
      return (a.insured && a.treatment && a.setting ? noRegistrationAnswer(a.insured, a.treatment, a.scheme, now, a.setting) : undefined)
        ?? facts(["makeup_registration", "unregistered_pay_first", "emergency_as_registered"], [], { insured: a.insured, scheme: a.scheme, now });
    case "makeup_after_discharge": {
      // What the national rules say (make up the registration, then claim at home), then the deadline
      // that matters now: the insured place's own, or the one article's with where to ask.
      // The direct answer first (能补办, but no direct settlement once discharged), never a list before it.
      const after = b.national.facts.makeup_after_discharge;
      const before = b.national.facts.makeup_registration;
      const deadline = generalAnswer("claim_deadline", a, now);
      const rest = deadline?.text.split("\n").filter((line) => line !== after?.text) ?? [];
      const sources = [...new Set([sourceTitle(null, before?.source), sourceTitle(null, after?.source), ...(deadline?.source?.split("；") ?? [])].filter((t): t is string => !!t))];
      return { text: [g.makeupLead, ...(after ? [after.text] : []), ...rest].join("\n"), ...(sources.length > 0 ? { source: sources.join("；") } : {}) };
    }
    case "kinds_compare": {
      const long = cats.filter((c) => c.term === "long").map((c) => c.name);
      const temporary = cats.filter((c) => c.term === "temporary").map((c) => c.name);
      const validity = b.national.facts.validity;
      const cut = b.national.facts.temporary_ratio_cut;
      return withSources(
        [g.who(long, temporary), ...(validity ? [validity.text] : []), ...(cut ? [cut.text] : []), g.kindsWhich],
        [...cats.map((c) => c.source), validity?.source, cut?.source],
      );
    }
    case "registration_steps": {
      // The national steps in the app (or the mini program), what it needs first, and the counter for those without a phone.
      const rs = b.national.registrationSteps;
      const verify = b.national.facts.online_needs_verification;
      return withSources(
        [g.stepsIntro, ...rs.steps.map((x, i) => `${i + 1}. ${x}`), ...(verify ? [verify.text] : []), g.stepsOffline, ...(a.insured ? [] : [g.whyCity.channels])],
        [rs.source, verify?.source],
      );
    }
    case "claim_where": {
      const claim = b.national.manualClaim;
      return withSources([...(claim.where ? [g.claimWhere(claim.where)] : []), ...(a.insured ? [] : [g.whyCity.payout])], [claim.source]);
    }
    case "validity@long":
    case "validity@temporary":
      return validityAnswer(a, now, kindOf(topic)) ?? factFor("validity", kindOf(topic));
    case "cancel_change@long":
      return facts(["change_cancel"]);
    case "cancel_change@temporary":
      // Cancelled at any time; until then it runs for its validity.
      return facts(["change_cancel_temporary", "validity_temporary"]);
    case "ratio_change@long":
    case "ratio_change@temporary":
      return ratioChangeAnswer({ ...a, visitor: kindOf(topic) === "long" ? "long_term" : "temporary_other" }, now) ?? factFor("ratio_change", kindOf(topic));
    case "registration_materials@long":
    case "registration_materials@temporary": {
      const term = kindOf(topic);
      const own = cats.filter((c) => c.term === term);
      const lines = own.map((c) => g.materials(c.name, c.materials.join("、")));
      return withSources([g.materialsKindIntro(term), ...lines, ...(a.insured ? [] : [g.whyCity.materials])], own.map((c) => c.source));
    }
    case "claim_payout": {
      const claim = b.national.manualClaim;
      return withSources([g.payout, ...(claim.where ? [g.claimWhere(claim.where)] : []), ...(a.insured ? [] : [g.whyCity.payout])], [claim.source]);
    }
    case "claim_deadline": {
      const rv = a.insured ? regionVersion(a.insured, a.scheme, today(now)) : undefined;
      const local = rv?.version.manualClaim;
      if (local?.deadline) {
        const title = sourceTitle(rv!.policy, local.source);
        return { text: g.deadlineLocal(regionName(a.insured), local.deadline), ...(title ? { source: title } : {}) };
      }
      const national = b.national.manualClaim;
      const after = b.national.facts.makeup_after_discharge;
      return withSources(
        [g.deadlineNational(national.deadline ?? ""), ...(after ? [after.text] : []), a.insured ? g.deadlineNoLocal(regionName(a.insured)) : g.whyCity.deadline],
        [national.source, after?.source],
      );
    }
  }
}

/** The kind a follow-up topic names (validity@temporary → temporary). */
function kindOf(topic: string): "long" | "temporary" {
  return topic.endsWith("@long") ? "long" : "temporary";
}

/** The insured place needs no registration for this setting there (成都 普通门诊, 沈阳 临时外出 住院): said with its source. */
function noRegistrationAnswer(insured: string, treatment: string, scheme: Scheme | undefined, now: Date, setting: Setting): Fact | undefined {
  const b = book();
  if (!b) return undefined;
  const d = directSettlement(b, { insured, treatment, scheme, date: today(now), setting });
  if (d.reason !== "no_registration") return undefined;
  const inpatientNeeds = setting !== "inpatient" && directSettlement(b, { insured, treatment, scheme, date: today(now), setting: "inpatient" }).mustRegister;
  return { text: m.eligibility.noRegistration(regionName(insured), regionName(treatment), m.labels.setting[setting] ?? "", inpatientNeeds), ...(d.source ? { source: d.source.title } : {}) };
}

/**
 * 要备案吗 when both places are known: what the data says for them comes first and decides the
 * answer — the same 统筹区 (not 异地 at all), a free zone (免备案: 石家庄 or 天津 to 北京, 苏州 to
 * 上海), a zone for some schemes only, or a registration needed — never the generic "要先备案"
 * beside a "免备案" for the same two places.
 */
function needRegisterFor(insured: string, treatment: string, scheme: Scheme | undefined, now: Date, setting?: Setting): Fact | undefined {
  const b = book();
  if (!b) return undefined;
  const d = directSettlement(b, { insured, treatment, scheme, date: today(now), setting });
  const none = notNeeded(d, insured, treatment, scheme, now, setting);
  if (none) return none;
  const ins = regionName(insured);
  const tre = regionName(treatment);
  const lead = d.zoneSchemes
    ? m.eligibility.freeZoneSchemes(ins, tre, d.zoneSchemes.map((x) => m.labels.scheme[x]).join("、"))
    : g.needRegisterKnown(ins, tre, m.labels.jurisdiction[jurisdictionBetween(insured, treatment)]);
  const rest = facts(["unregistered_pay_first", "emergency_as_registered"], [], { insured, scheme, now });
  return { text: [lead, ...(rest ? [rest.text] : [])].join("\n"), ...(rest?.source ? { source: rest.source } : {}) };
}

/** The answer where nothing is to be registered between the two places — the same 统筹区, a free zone, the place's own rule — else undefined. */
function notNeeded(d: ReturnType<typeof directSettlement>, insured: string, treatment: string, scheme: Scheme | undefined, now: Date, setting?: Setting): Fact | undefined {
  if (d.reason === "same_pool") return { text: m.eligibility.samePool(regionName(insured), regionName(treatment)) };
  if (d.reason === "no_registration" && setting) return noRegistrationAnswer(insured, treatment, scheme, now, setting);
  if (d.reason === "free_zone" && d.zone) {
    return { text: m.eligibility.freeZone(regionName(insured), regionName(treatment), describeVisitorRule(d.zone.rule)), ...(d.zone.source ? { source: d.zone.source.title } : {}) };
  }
  return undefined;
}

/** notNeeded for two places, the settlement looked up once (备案要带什么材料 where none is needed). */
function notNeededFor(insured: string, treatment: string, scheme: Scheme | undefined, now: Date, setting?: Setting): Fact | undefined {
  const b = book();
  return b ? notNeeded(directSettlement(b, { insured, treatment, scheme, date: today(now), setting }), insured, treatment, scheme, now, setting) : undefined;
}
