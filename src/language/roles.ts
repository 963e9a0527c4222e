/**
 * Which named place is where the person is insured and which is where they are treated,
 * from the words around each name: 在苏州交的 / 苏州医保 / 医保是苏州的 / 户口在 → insured;
 * 去上海看病 / 在上海住院 / 人在上海 → treatment. Work and residence (在深圳上班, 在北京我这)
 * are weak: they say where the person is, which is where they are treated unless another
 * place is clearly the treatment place, in which case it is where the employer insures them.
 * Anything left unclear is reported, never guessed.
 */
import type { Ambiguity, PlaceSlot } from "./types.ts";
import type { PlaceMention } from "./places.ts";
import { spacedSchemeRoles } from "./spaced-scheme.ts";
import type { Span } from "./writer.ts";

type Role = "insured" | "treatment";

interface Scored { mention: PlaceMention; insured: number; treatment: number; presenceWork: boolean }

const INSURED_AFTER = [
  [/^[市省州]?(的)?(职工|城乡居民|居民|新农合|农合|农村|灵活就业)?(医保|社保|医疗保险|参保|户口|户籍|籍|本地医保)/u, 3],
  // Not "来深圳的 医保在汕头": a 医保 followed by 在/是 names its own place.
  [/^[市省州]?的.{0,4}(医保|社保)(?!卡?(在|是|属于|归))/u, 3],
  // 郑州退休职工 / 郑州在职的职工: the status said between the place and the scheme.
  [/^[市省州]?(的)?\s?((退休|离休|在职)(的)?\s?)?(职工|城乡居民|居民|新农合|农合)/u, 3],
  [/^[市省州]?(上班|工作|打工)?(单位|公司)?给?((交|缴)(的|了|医保|社保|保险)|参保|(买|办)的(医保|社保|保险))/u, 3],
  // 在长沙认定过慢特病: the 慢特病 qualification is granted where one is insured.
  [/^[市省州]?(已经|都|早就)?(认定|做了?(资格)?认定|办了?(慢特病|门慢|门特)(认定|资格)?)/u, 3],
  [/^[市省州]?\s?人(?!在)/u, 1.5],
  // 哈尔滨退休, 南昌退休的: retired from a job there, so insured there (not 退休后 / 退休以后, a time).
  [/^[市省州]?(的)?\s?(退休|退的休|离休)(?!后|以后|之后|了以后)/u, 2.5],
  [/^[市省州]?的(?!医院|人民医院|中心医院|儿童医院)(?=$|[\s,，。!！?？]|农民|人|老人)/u, 1],
] as const;
const INSURED_BEFORE = [
  // 医保其实是在无锡, 参保地改成嘉兴, 医保应该是: a word between the 医保 and the name changes nothing.
  [/(医保|社保|参保地?|医疗保险|户口|户籍|参保人|参保的)(地|所在地)?(其实|实际上?|应该|本来|就|也|还|一直|都|仍然?|还是)?(是在|是|在|属于|归|改成|改为|换成|改到|换到|:|：)?$/u, 3],
  // 社保转到无锡了: the insurance moved there (stronger than the 到 of a trip).
  [/(医保|社保|参保关系?|医保关系)(也|都|已经|现在|后来|今年|去年)?(转到|转回|转入|迁到|迁回|转去)(了)?$/u, 3.5],
  // 医保老家衢州: the 医保 said before 老家 names the place after it.
  [/(医保|社保|参保地?)(是|在)?(老家|家乡|原籍|户口所在地)(是|在)?$/u, 3],
  [/(老家|家乡|原籍|从)(是|在)?$/u, 1.5],
  // Not 要是三亚呢, 如果是北京, 还是上海: a supposition or a choice says nothing of the insurance.
  [/(我是|我们是|他是|她是|都是|(?<!要|若|如果|假如|假设|万一|还|或|就|可|但|那)是)$/u, 1],
] as const;
const TREATMENT_AFTER = [
  // Not across 去/到/来: "我是珠海的 去澳门看病" is care somewhere else.
  [/^[市省州]?(?:(?!去|到|来)[^，。]){0,12}?(住院|看病|就医|就诊|治疗|看门诊|门诊|手术|急诊|抢救|生孩子|分娩|待产|透析|化疗|看了|开药|拿药|医院|附院|协和|华西|湘雅|瑞金|鼓楼|301)/u, 2.5],
  [/^[市省州]?(看|住|治|生)/u, 3],
  // 这次在南京又花了3万: money spent at a place is spent on care there.
  [/^[市省州]?(又|也|一共|总共|前后)?(花了|花费了?|花掉了?)/u, 2],
] as const;
const TREATMENT_BEFORE = [
  [/(去|到|来|赴|回|转|送|跑|飞|进)(了|的|到)?(老家)?$/u, 3],
  [/(人在|人现在在|住在|待在|呆在|常住|长期住在|定居在|定居|现在在|目前在|娘家在|娘家)$/u, 2.5],
  // 长期住杭州的, 我住杭州: where the person lives (the 的 after it is no insured place).
  [/(?<![记抓挡忍站顶])住$/u, 2.5],
  // 医院在广州, 住的院是在广州: where the hospital is, whatever question is pending.
  [/(医院|住的院|看的病)(也|就|都)?(是在|在|是)$/u, 3],
  // 出差在成都急诊: a trip is away from where one is insured.
  [/(出差|旅游|旅行|探亲)(在|到|去)?$/u, 3],
  // 就医地改成苏州, 看病的地方是杭州: the place of care named as such.
  [/(就医地|就医的地方|看病的地方|看病地|治疗的地方|住院的地方|就诊地|就医城市|看病的城市|备案的地方|备案地|备案的城市)(其实|应该)?(是在|是|在|改成|改为|换成|改到|换到|:|：)?$/u, 3],
] as const;
const PRESENCE_AFTER = /^[市省]?\s?(工作|上班|打工|务工|生活|住|居住|玩|旅游|出差|读书|上学|上大学|过冬|养老|带孙|跟|我这|我家|我们这|女儿家|儿子家|摘|买了?房|有房|安家|做生意|经商|开店|做买卖)/u;
/** "重庆的医保在成都…": the 医保 belongs to the place before; this one is where it is used. */
const USED_IN = /^(的)?(职工|居民|城乡居民)?(医保|社保)(卡)?(在|去|到)$/u;
const WORK_AFTER = /^[市省]?\s?(工作|上班|打工|务工)/u;

function score(rules: readonly (readonly [RegExp, number])[], s: string): number {
  let best = 0;
  for (const [pattern, weight] of rules) if (pattern.test(s) && weight > best) best = weight;
  return best;
}

export interface RoleResult {
  insured?: PlaceSlot;
  treatment?: PlaceSlot;
  /** the cue weight behind each role: 3 = a clear word (医保在, 去…看病), lower = inferred */
  insuredWeight?: number;
  treatmentWeight?: number;
  places: PlaceSlot[];
  ambiguities: Ambiguity[];
}

/** 武汉以外的城市: a place named only to be excluded. */
const EXCLUDED_AFTER = /^[市省]?(以外|之外|外的|除外)/u;
/** The end of a clause: the words after a name count up to it. */
const CLAUSE_END = /[，。,.!！?？;；]/u;
/** 老家荆州 住院花了1万: a care word after a space. */
const CARE_AFTER_SPACE = /^\s+(住院|住了|看病|就医|就诊|治疗|手术|做手术|看门诊|门诊|开药|拿药)/u;
const AT_BEFORE = /在$/u;
const FROM_TO = /^\s?(到|去|来)/u;

function roleOf(s: Scored): Role | undefined {
  return s.insured > s.treatment ? "insured" : s.treatment > s.insured ? "treatment" : undefined;
}

/** A province and one of its own cities. */
function inProvince(p: PlaceSlot, city: PlaceSlot): boolean {
  return p.level === "province" && city.level === "city" && city.code.slice(0, 2) === p.code.slice(0, 2);
}

/** The words up to the end of their clause (the first of `split(CLAUSE_END)`, without the array). */
function clauseOf(words: string): string {
  const end = words.search(CLAUSE_END);
  return end < 0 ? words : words.slice(0, end);
}

/**
 * The whole message only places someone (我在三亚, 在三亚, 人现在在三亚呢): where the person is, so
 * where the care is — a clear word, even while the insured place is being asked for.
 */
const PRESENT_ONLY = /^(?:我|我们|他|她|人|病人|老人|我妈|我爸|孩子)?(?:现在|目前|这会儿|正|人)?在□+(?:这边|那边|这儿|那儿|这里|那里)?(?:呢|了|啊|呀)?[。.!！~]*$/u;

/**
 * `writer`: the writer's own clauses when the message is about someone else (writer.ts): a place
 * there is not the patient's job place, and with the patient at home for the care (`patientHome`:
 * 我爸在老家住院 我在上海) it takes no role at all.
 */
export function assignRoles(text: string, all: PlaceMention[], writer: Span[] = [], patientHome = false): RoleResult {
  const byWriter = (m: PlaceMention) => writer.some((w) => m.start >= w.start && m.end <= w.end);
  if (patientHome && writer.length > 0) all = all.filter((m) => !byWriter(m));
  // 武汉以外的城市: a place named only to be excluded takes no role.
  // 不是在杭州 是在宁波住院: a place said only to be denied takes no role either.
  const inherited = replacedRoles(text, all);
  const spaced = spacedSchemeRoles(text, all);
  const mentions = all.filter((m) => !EXCLUDED_AFTER.test(text.slice(m.end, m.end + 3))
    && !DENIED_BEFORE.test(text.slice(Math.max(0, m.start - 5), m.start)) && !changedFrom(text, m) && !replaced(text, m, all));
  const scored: Scored[] = mentions.map((mention, k) => {
    const prevEnd = k > 0 ? (mentions[k - 1] as PlaceMention).end : 0;
    const nextStart = k + 1 < mentions.length ? (mentions[k + 1] as PlaceMention).start : text.length;
    const before = text.slice(Math.max(prevEnd, mention.start - 6), mention.start);
    const after = clauseOf(text.slice(mention.end, Math.min(nextStart, mention.end + 16)));
    const between = k > 0 ? text.slice(prevEnd, mention.start) : "";
    const usedIn = k > 0 && USED_IN.test(between);
    const from = inherited.get(mention);
    let insured = Math.max(score(INSURED_AFTER, after), usedIn ? 0 : score(INSURED_BEFORE, before), from?.insured ?? 0);
    // 老家荆州 住院花了1万: a care word after a space is the next clause's, weaker than a word
    // said right before the name.
    // (回老家看病 after it still points back at it.)
    const careAfter = CARE_AFTER_SPACE.test(after) ? Math.min(score(TREATMENT_AFTER, after), 1.4) : score(TREATMENT_AFTER, after);
    let treatment = Math.max(careAfter, score(TREATMENT_BEFORE, before), usedIn ? 2.5 : 0, from?.treatment ?? 0);
    const presence = AT_BEFORE.test(before) && PRESENCE_AFTER.test(after);
    if (presence && treatment < 2) treatment = 2;
    if (insured === treatment && insured > 0) {
      // 在X交的 beats the generic 在: the verb right after the name decides.
      const a = score(INSURED_AFTER, after);
      const t = score(TREATMENT_AFTER, after);
      if (a > t) treatment = 0;
      else if (t > a) insured = 0;
    }
    if (mentions.length === 1 && text.length <= 16 && PRESENT_ONLY.test(text.slice(0, mention.start).trim() + "□" + text.slice(mention.end).trim())) treatment = Math.max(treatment, 3);
    const forced = spaced.get(mention);
    if (forced) return { mention, ...forced, presenceWork: false };
    // The writer's job (我在北京上班 我妈…) insures the writer, not the patient.
    return { mention, insured, treatment, presenceWork: presence && WORK_AFTER.test(after) && !byWriter(mention) };
  });

  // Working in a city while another city is clearly where care happened: the job insures them there.
  // (Not the same place named again: 我在上海打工…在上海看病 is one place.)
  const sameCode = (a: Scored, b: Scored) => a.mention.candidates.some((x) => b.mention.candidates.some((y) => x.code === y.code));
  const strongTreatmentElsewhere = (s: Scored) => scored.some((o) => o !== s && !sameCode(o, s) && o.treatment >= 3 && roleOf(o) === "treatment");
  const anyInsured = scored.some((s) => roleOf(s) === "insured");
  // 社保在老家那边: the insurance is said to be elsewhere, not where the job is.
  const insuredElsewhere = insuredUnnamed(text, all);
  for (const s of scored) {
    if (insuredElsewhere) break;
    if (s.presenceWork && roleOf(s) === "treatment" && s.insured === 0 && !anyInsured && strongTreatmentElsewhere(s)) {
      s.insured = 3;
      s.treatment = 0;
    }
  }

  const result: RoleResult = { places: [], ambiguities: [] };
  const chosen: Record<Role, { slot: PlaceSlot; weight: number }[]> = { insured: [], treatment: [] };
  const unclear: Scored[] = [];
  for (const s of scored) {
    const role = roleOf(s);
    const candidates = s.mention.candidates;
    if (candidates.length > 1 || s.mention.typo) {
      result.ambiguities.push({ slot: role ? (role === "insured" ? "insuredRegion" : "treatmentRegion") : "place", candidates, text: s.mention.text, ...(s.mention.typo ? { typo: true } : {}) });
      if (role) chosen[role].push({ slot: { code: "?", name: s.mention.text, level: "city" }, weight: -1 });
      continue;
    }
    const slot = candidates[0] as PlaceSlot;
    if (role) chosen[role].push({ slot, weight: Math.max(s.insured, s.treatment) });
    else unclear.push(s);
  }

  // One role known, one place unclear: it takes the other role. Not the insured role when the
  // message says the insurance is somewhere it does not name (医保是老家的): that place is unknown.
  const homeUnnamed = insuredElsewhere;
  for (const role of ["insured", "treatment"] as const) {
    const other: Role = role === "insured" ? "treatment" : "insured";
    if (role === "insured" && homeUnnamed) continue;
    if (chosen[role].length === 0 && chosen[other].length > 0 && unclear.length === 1) {
      const s = unclear.shift() as Scored;
      chosen[role].push({ slot: s.mention.candidates[0] as PlaceSlot, weight: 1 });
    }
  }
  // Two places, no cue at all, joined by 到 (苏州到上海): from → insured, to → treatment.
  if (chosen.insured.length === 0 && chosen.treatment.length === 0 && unclear.length === 2) {
    const [a, b] = unclear as [Scored, Scored];
    if (FROM_TO.test(text.slice(a.mention.end, b.mention.start))) {
      chosen.insured.push({ slot: a.mention.candidates[0] as PlaceSlot, weight: 1 });
      chosen.treatment.push({ slot: b.mention.candidates[0] as PlaceSlot, weight: 1 });
      unclear.length = 0;
    }
  }

  // 去海南过冬 在海口住院, 回湖南老家株洲住院: a province and one of its own cities are one
  // place said twice; the city is the more precise.
  const cities = [...chosen.insured, ...chosen.treatment].map((c) => c.slot).filter((p) => p.level === "city" && p.code !== "?");
  for (const role of ["insured", "treatment"] as const) {
    const list = chosen[role];
    const absorbed = list.filter((c) => list.some((o) => o !== c && inProvince(c.slot, o.slot)));
    if (absorbed.length === 0) continue;
    // The city takes the cue of its province (回湖南老家株洲住院: 回 is said before 湖南).
    chosen[role] = list
      .filter((c) => !absorbed.includes(c))
      .map((c) => ({ ...c, weight: Math.max(c.weight, ...absorbed.filter((p) => inProvince(p.slot, c.slot)).map((p) => p.weight)) }));
  }
  for (let k = unclear.length - 1; k >= 0; k--) {
    const p = (unclear[k] as Scored).mention.candidates[0] as PlaceSlot;
    if (cities.some((c) => inProvince(p, c))) unclear.splice(k, 1);
  }

  for (const role of ["insured", "treatment"] as const) {
    const list = chosen[role];
    const codes = new Set(list.map((c) => c.slot.code));
    const key = role === "insured" ? "insuredRegion" : "treatmentRegion";
    if (codes.size === 1 && !codes.has("?")) {
      result[role] = (list[0] as { slot: PlaceSlot }).slot;
      result[role === "insured" ? "insuredWeight" : "treatmentWeight"] = Math.max(...list.map((c) => c.weight));
    }
    else if (codes.size > 1) {
      // Two different places with the same role: the stronger cue wins; a tie is for the person to settle.
      const sorted = [...list].sort((x, y) => y.weight - x.weight);
      const top = sorted[0] as { slot: PlaceSlot; weight: number };
      const second = sorted.find((c) => c.slot.code !== top.slot.code) as { slot: PlaceSlot; weight: number };
      if (top.weight > second.weight && top.slot.code !== "?") {
        result[role] = top.slot;
        // 我在东莞交的社保，老婆在老家揭阳: a weak "home" cue that lost to a clear insured place
        // is where the care happens, if nothing else is.
        const weak = sorted.filter((c) => c.slot.code !== top.slot.code && c.slot.code !== "?");
        if (role === "insured" && chosen.treatment.length === 0 && weak.length === 1 && (weak[0] as { weight: number }).weight < 3) {
          result.treatment = (weak[0] as { slot: PlaceSlot }).slot;
        }
      }
      else {
        const real = list.map((c) => c.slot).filter((p) => p.code !== "?");
        if (real.length > 1) result.ambiguities.push({ slot: key, candidates: dedupe(real), text: real.map((p) => p.name).join("、") });
      }
    }
  }
  const unclearSlots = unclear.map((s) => s.mention.candidates[0] as PlaceSlot);
  result.places = dedupe(unclearSlots);
  if (result.places.length > 1) result.ambiguities.push({ slot: "place", candidates: result.places, text: unclear.map((s) => s.mention.text).join("、") });
  return result;
}

/** 医保是老家的, 社保在老家那边, 医保是外地的: the insurance is at a place the words do not name. */
const INSURED_AT_UNNAMED = /(医保|社保|参保地?|医疗保险)(卡)?(是|在|交在|都在|也在|还在|还是)?(老家|家乡|原籍|户口所在地|外地|外省|家里|老家那边|户籍地)(的|那边|那里|那儿|交的|买的)?/gu;

/** Whether the insured place is said to be one the message does not name (医保是老家的, not 医保在老家衢州). */
function insuredUnnamed(text: string, all: PlaceMention[]): boolean {
  INSURED_AT_UNNAMED.lastIndex = 0;
  for (let m = INSURED_AT_UNNAMED.exec(text); m !== null; m = INSURED_AT_UNNAMED.exec(text)) {
    const end = m.index + m[0].length;
    if (!all.some((p) => p.start >= end && p.start <= end + 1)) return true;
  }
  return false;
}

const DENIED_BEFORE = /(不是|不在|并非|没在|没去|没有在|没有去)(在|去|到)?$/u;
/** 从上海改成杭州: the place a change starts from. */
const CHANGE_TO = /^[市省]?(的)?\s?(改成|改为|换成|换到|改到|变成)(了)?(在|去|到)?$/u;

/** A place said to be the past one (医保原来在, 以前是) and the one it is now (现在转到, 后来在). */
const PAST_PLACE = /(原来|以前|之前|原先|过去|本来|早先)(是在|在|是)$/u;
const NOW_PLACE = /^[市省]?(的)?[^，。,.!！?？;；]{0,4}[\s,，]*(现在|后来|目前|如今|今年|去年)(已经|都)?(转到|转回|转入|迁到|迁回|转移到|改到|换到|是在|在|是)(了)?$/u;

const CHANGED_TO_AFTER = /^[市省]?(的)?\s?(改成|改为|换成|换到|改到|变成)/u;

function changedFrom(text: string, m: PlaceMention): boolean {
  // Not 从徐州转到南京: a referral goes from where one is insured.
  return text[m.start - 1] === "从" && CHANGED_TO_AFTER.test(text.slice(m.end, m.end + 4));
}

/** 医保原来在盐城 现在转到苏州了: the past place, with the present one right after it. */
function replaced(text: string, m: PlaceMention, all: PlaceMention[]): boolean {
  const next = all[all.indexOf(m) + 1];
  return !!next && PAST_PLACE.test(text.slice(Math.max(0, m.start - 4), m.start)) && NOW_PLACE.test(text.slice(m.end, next.start));
}

/**
 * The place put in place of another takes the role the other was named with: 看病的地方不是上海
 * 是杭州, 不是在天津看的 是北京, 医保不是苏州的 是南通的 (a denied place), 医保从徐州改成连云港,
 * 就医地从南京改成苏州 (a place changed from). The words around the old place, without the
 * 不是 / 从, give the role; the old place itself takes none.
 */
function replacedRoles(text: string, all: PlaceMention[]): Map<PlaceMention, { insured: number; treatment: number }> {
  const out = new Map<PlaceMention, { insured: number; treatment: number }>();
  for (let k = 0; k + 1 < all.length; k++) {
    const old = all[k] as PlaceMention;
    const next = all[k + 1] as PlaceMention;
    const between = text.slice(old.end, next.start);
    const lead = text.slice(Math.max(0, old.start - 12), old.start);
    let before: string | undefined;
    const denied = DENIED_BEFORE.exec(lead);
    const past = PAST_PLACE.exec(lead);
    if (denied && /^[^，。,.!！?？;；]{0,8}?[\s,，]*(而)?(是|在)(在|去|到)?$/u.test(between)) before = lead.slice(0, denied.index);
    else if (changedFrom(text, old) && CHANGE_TO.test(between)) before = lead.slice(0, -1);
    // 医保原来在盐城 现在转到苏州了: the place it is now takes the role; the old one none.
    else if (past && NOW_PLACE.test(between)) before = lead.slice(0, past.index) + (past[2] ?? "");
    if (before === undefined) continue;
    const after = between.replace(/[\s,，]*(而)?(是|在|改成|改为|换成|换到|改到|变成).*$/u, "");
    out.set(next, {
      insured: Math.max(score(INSURED_BEFORE, before), score(INSURED_AFTER, after)),
      treatment: Math.max(score(TREATMENT_BEFORE, before), score(TREATMENT_AFTER, after)),
    });
  }
  return out;
}

function dedupe(list: PlaceSlot[]): PlaceSlot[] {
  const seen = new Set<string>();
  return list.filter((p) => (seen.has(p.code) ? false : (seen.add(p.code), true)));
}
