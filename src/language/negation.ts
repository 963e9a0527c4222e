/**
 * Negated cues: 没办转诊, 不是三甲, 不是单位派的, 还没退休, 没备案, 没住院. A negated cue never
 * fills the slot it names; it is masked out of the text before the slot rules read it, and
 * where it implies the opposite value it fills that (没备案 → unregistered, 还没退休 → working).
 * "不是转诊是急诊": the negated 转诊 is masked, the affirmed 急诊 after it is read as usual.
 */
import type { Slots } from "./types.ts";

export type NegatedCue = keyof Slots | "stationed";

export interface Negation {
  start: number;
  end: number;
  cue: NegatedCue;
  /** the value the un-negated cue would have filled (referral for 转诊) */
  denied?: string;
  /** the value the negation implies (working for 没退休) */
  implies?: Partial<Slots>;
}

/** A denial said after its cue counts only where it ends the clause (急诊没有 自己去的; not 急诊没有备案). */
const CLAUSE_ENDS = "(?=$|[\\s，,。!！;；的啊呀吧])";

// 没 / 没有 / 未 / 还没 / 并没 / 不是 / 不算 / 非, then an optional verb (办 走 做 开 经过 去 是) and 过/了.
// 没给开转诊, 没帮我办转诊: who would have done it may stand between the negation and the verb.
// 没来得及转诊, 没顾上开转诊, 来不及转诊: no time for it is no referral either.
const NEG = "(?:还没有?|还未|并没有?|从没|没有?|未|不是|不算|并非|非|不用|不需要|来不及|不)(?:来得及|顾上|顾得上|赶上|赶得及)?(?:给我?|帮我?|帮忙|让|叫|同意|允许|肯|批)?(?:办理?|走|做|开|经过?|去|是|进行|搞|弄|打|给)?(?:过|了)?(?:的)?";

/**
 * `needs`: what a pattern cannot match without (any one of them) (the cue said after its denial):
 * tested first, so a message without it never runs the pattern — the parser's speed.
 */
const CUES: { re: RegExp; cue: NegatedCue; denied?: string; implies?: Partial<Slots>; needs?: string[] }[] = [
  // 没办临时备案, 没去办长期的备案, 没弄异地长期备案: the kind named between is denied with it.
  { re: new RegExp(`(?:还没有?|还未|并没有?|从没|没有?|未)(?:去)?(?:办理?|做|弄|搞|去|进行|走|申请)?(?:过|了)?(?:那个|这个|那种|什么|啥|任何)*(?:异地|长期|临时|外出|就医|的){0,4}(?:备案|备过案|备上案)|忘(?:记|了)(?:办)?(?:异地)?备案|没来得及备案|来不及备案`, "u"), cue: "visitorType", implies: { visitorType: "unregistered" } },
  { re: new RegExp(`${NEG}(?:转诊|转院|转诊手续|转诊单|转过来|转出)`, "u"), cue: "visitorType", denied: "referral" },
  // The cue first, its denial after (转诊没办下来, 转院手续没办成, 转诊也没有), ending its clause:
  // 转诊没有备案 denies the registration, not the referral.
  { needs: ["转"], re: new RegExp(`(?:转诊|转院)(?:手续|单|单子|证明)?(?:的)?(?:还|也|都|但|但是|可|可是|就|倒是|倒|根本|是)?(?:没有?|未|没能|不|来不及)(?:来得及|顾上|顾得上)?(?:给开|给办|办|开|批|弄|让)?(?:下来|成|好|出来|了)?${CLAUSE_ENDS}`, "u"), cue: "visitorType", denied: "referral" },
  // 想转诊 后来没转, 本来要转院的 最后没转成: meant, then not done.
  { needs: ["转"], re: /(?:转诊|转院)(?:的)?[^。!！?？]{0,8}?(?:后来|最后|结果|但是?|可是?|不过|就)(?:还是|也)?(?:没有?|未)(?:转|办|成|弄)(?:成|了)?/u, cue: "visitorType", denied: "referral" },
  { re: new RegExp(`(?:不是|不算|并非|非)(?:的)?(?:急诊|抢救|急救)`, "u"), cue: "visitorType", denied: "emergency" },
  // 急诊没有 自己去的, 急诊倒不是 (not 急诊没有备案: the registration is what is denied there).
  { needs: ["急", "救", "抢"], re: new RegExp(`(?:急诊|抢救|急救)(?:的)?(?:也|都|倒是|倒|根本|是)?(?:没有?|不是|算不上|不算)${CLAUSE_ENDS}`, "u"), cue: "visitorType", denied: "emergency" },
  // 单位派的倒不是 自己去的.
  { needs: ["派", "驻"], re: new RegExp(`(?:单位|公司)?(?:派|外派|派驻|常驻)(?:的|过去的|来的)?(?:也|都|倒是|倒|根本|是)?(?:不是|没有?)${CLAUSE_ENDS}`, "u"), cue: "stationed", denied: "stationed_worker" },
  // 居民不是 是职工, 职工倒不是.
  { needs: ["职工"], re: new RegExp(`(?:城镇)?职工(?:医保)?(?:的)?(?:也|都|倒是|倒|根本|是)?(?:不是|没有?)${CLAUSE_ENDS}`, "u"), cue: "scheme", denied: "employee" },
  { needs: ["居民"], re: new RegExp(`(?:城乡)?居民(?:医保)?(?:的)?(?:也|都|倒是|倒|根本|是)?(?:不是|没有?)${CLAUSE_ENDS}`, "u"), cue: "scheme", denied: "resident" },
  // 退休还没, 退休倒还没有: the cue, then its denial ending the clause.
  { needs: ["退休"], re: new RegExp(`退休(?:倒|也|都)?(?:还没有?|还未|没有?)(?:呢|啊)?${CLAUSE_ENDS}`, "u"), cue: "personStatus", denied: "retired", implies: { personStatus: "working" } },
  { re: /(?:还没有?|还未|没有?|未|不是|并没有?)(?:办理?)?(?:了)?退休|还没退|没退(?!费|钱|押金|回)|不是退休(?:人员)?/u, cue: "personStatus", denied: "retired", implies: { personStatus: "working" } },
  // 快退休了, 明年退休, 还有两年退休, 马上要退了, 下个月退: retirement still ahead, so working now.
  { re: /(?<!(?:押金|钱|费|款|卡)[^\s，,。]{0,3})(?:快|快要|就要|马上(?:就)?(?:要)?|即将|准备|打算|眼看(?:就)?(?:要)?)退(?:休|(?=了|$|[\s，,。]))(?!金|工资|年龄|手续)|要退休(?!金|工资|年龄|手续)|(?:明年|后年|下个?月|下半年|年底|过两年|再过.{1,4}(?:年|个月)|还有.{1,4}(?:年|个月))(?:就|才|就要|才能|就能)?(?:要)?退(?:休|(?=了|$|[\s，,。]))(?!金|工资|年龄|手续)/u, cue: "personStatus", denied: "retired", implies: { personStatus: "working" } },
  { re: /(?:不是|并非|没|没有)(?:被)?(?:单位|公司|厂里|领导)?(?:派|外派|派驻|常驻)(?:的|过去|去|来)?|不是常驻/u, cue: "stationed", denied: "stationed_worker" },
  // 是三级医院吗我也不知道, 不清楚是不是三甲: asked or unsure, not stated.
  { re: /(?:不知道|不清楚|不确定)(?:是不是|是否|是)?(?:在)?(?:三甲|三级|三乙)|是(?:三甲|三级|三乙)(?:医院)?吗/u, cue: "hospitalLevel", denied: "3" },
  { re: /(?:不知道|不清楚|不确定)(?:是不是|是否|是)?(?:在)?(?:二甲|二级|二乙)|是(?:二甲|二级|二乙)(?:医院)?吗/u, cue: "hospitalLevel", denied: "2" },
  // Said not to be (不是三甲): the level is not that one, and an estimate must not take it for granted either.
  { re: /(?:不是|并非|非|不算)(?:在)?(?:三甲|三级|三乙)/u, cue: "hospitalLevel", denied: "3", implies: { notLevel: 3 } },
  { needs: ["三"], re: new RegExp(`(?:三甲|三级|三乙)(?:医院)?(?:倒|也|都|肯定)?(?:不是|算不上|不算)${CLAUSE_ENDS}`, "u"), cue: "hospitalLevel", denied: "3", implies: { notLevel: 3 } },
  { needs: ["二"], re: new RegExp(`(?:二甲|二级|二乙)(?:医院)?(?:倒|也|都|肯定)?(?:不是|算不上|不算)${CLAUSE_ENDS}`, "u"), cue: "hospitalLevel", denied: "2", implies: { notLevel: 2 } },
  { re: /(?:不是|并非|非|不算)(?:在)?(?:二甲|二级|二乙)/u, cue: "hospitalLevel", denied: "2", implies: { notLevel: 2 } },
  { re: /(?:不是|并非|非|不算)(?:在)?(?:一级|社区医院|卫生院)/u, cue: "hospitalLevel", denied: "1", implies: { notLevel: 1 } },
  { re: /(?:还没有?|没有?|未|不是|不用|不需要|没到)(?:办)?(?:过|了)?(?:去|到|进|在)?(?:医院)?住(?:院|过院)|不住院/u, cue: "setting", denied: "inpatient" },
  // 住院没有 就看了门诊, 住院倒没住.
  { needs: ["住院"], re: new RegExp(`住院(?:倒|也|都|倒是)?(?:没有?|没住|不用|不需要)${CLAUSE_ENDS}`, "u"), cue: "setting", denied: "inpatient" },
  { re: /(?:不是|不算|并非)(?:看)?(?:的)?门诊/u, cue: "setting", denied: "outpatient" },
  { re: /(?:不是|并非|没有?)(?:参加|交|买)?(?:的)?(?:城镇)?职工(?:医保)?/u, cue: "scheme", denied: "employee" },
  { re: /(?:不是|并非|没有?)(?:参加|交|买)?(?:的)?(?:(?:城乡)?居民(?:医保)?|新农合|农合|(?:农村)?合作医疗)/u, cue: "scheme", denied: "resident" },
  { re: /(?:不是|并非|没有?)(?:长期|异地安置|常住|定居)/u, cue: "visitorType", denied: "long_term_resident" },
  // 不是临时去的 我在苏州住了七八年了: the trip denied, the stay said after it stands.
  { re: /(?:不是|不算|并非|非)(?:去)?(?:临时|旅游|旅行|探亲|出差|度假)/u, cue: "visitorType", denied: "temporary_other" },
  // 备案没办, 备案还没弄: the registration named first, then denied.
  { re: /(?:啥|什么|任何)?备案(?:还|也|都)?(?:没有?|未)(?:办理?|做|弄|搞)?(?:过|呢|了)?/u, cue: "visitorType", implies: { visitorType: "unregistered" } },
  // 备案倒是没有, 备案是没办的: a word between, then the denial ending the clause.
  { needs: ["备案"], re: new RegExp(`备案(?:的)?(?:倒是|倒|是|其实|根本)(?:还)?(?:没有?|未)(?:办理?|做|弄|搞)?(?:过|呢|了)?${CLAUSE_ENDS}`, "u"), cue: "visitorType", implies: { visitorType: "unregistered" } },
  // 想备案但还没弄, 打算备案 还没来得及办, 备案想办的 一直没弄: meant, not done.
  { needs: ["备案"], re: /(?:想|要|打算|准备|本来要?|本想)(?:办|做|弄)?(?:个|一下)?(?:异地)?(?:就医)?备案(?:想办|要办|想弄)?(?:的)?[\s，,]*(?:但是?|可是?|不过|却)?(?:还|也|一直|都)?(?:没有?|未|没来得及)(?:办理?|做|弄|搞|来得及|办成|弄好|办好|办下来)?|备案(?:想|要|打算)(?:办|弄|做)(?:的)?[\s，,]*(?:但是?|可是?|不过)?(?:一直|还|也)?(?:没有?|未)(?:办|弄|做|搞|来得及)?/u, cue: "visitorType", implies: { visitorType: "unregistered" } },
  // 不是在职, 已经不在职了: not working now (退休了 不是在职 is said one way, not two).
  { needs: ["在职"], re: /(?:不是|并非|不再|已经不|不)在职(?:人员|的)?/u, cue: "personStatus", denied: "working" },
  // 不上班了 去年退的: no longer working (retired or not: said elsewhere, if at all).
  { re: /(?:不|没|没有)(?:再)?(?:在)?(?:上班|工作|干活|打工)了/u, cue: "personStatus", denied: "working" },
];

/** 不是, 并不是, 也不是, 并非 right before a denial. */
const DENIED_DENIAL = /(?:不是|并非)\s*$/u;

/** Finds negated cues and returns the text with them masked (same length, so offsets hold). */
const GLOBAL = CUES.map((c) => ({ ...c, global: new RegExp(c.re.source, "gu") }));
/** Every negation holds one of these characters (a retirement still ahead, its 退): most messages are let through at once. */
const NEGATORS = /[没未不非忘来退]/u;

export function findNegations(text: string): { masked: string; negations: Negation[] } {
  const negations: Negation[] = [];
  let masked = text;
  if (!NEGATORS.test(text)) return { masked, negations };
  for (const { global, cue, denied, implies, needs } of GLOBAL) {
    if (needs !== undefined && !needs.some((w) => text.includes(w))) continue;
    global.lastIndex = 0;
    // exec rather than matchAll: no iterator for the many patterns that find nothing. The text is
    // masked in place (same length), so later matches keep their offsets.
    for (let m = global.exec(masked); m !== null; m = global.exec(masked)) {
      const start = m.index;
      const end = start + m[0].length;
      // 要不要转诊, 是不是三甲, 需不需要住院: a question, not a negation.
      if (/^不/u.test(m[0]) && /[要需用是能可行]$/u.test(masked.slice(Math.max(0, start - 1), start))) continue;
      // 不是没备案 (办了临时的): a denied denial says it was done; it is left for the readers of what was done.
      if (implies?.visitorType === "unregistered" && DENIED_DENIAL.test(masked.slice(Math.max(0, start - 3), start))) continue;
      // 没备案 inside 没备案之前 is still 没备案; a question 备案了没 has its 没 after the cue and is not matched.
      negations.push({ start, end, cue, ...(denied ? { denied } : {}), ...(implies ? { implies } : {}) });
      masked = masked.slice(0, start) + "□".repeat(end - start) + masked.slice(end);
    }
  }
  return { masked, negations };
}
