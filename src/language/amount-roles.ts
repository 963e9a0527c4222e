/**
 * Every amount in its role. One message may carry the total bill, its 乙类 and 自费/目录外
 * shares, a deposit (押金/预交金, never the total), money already spent or reimbursed this
 * year, a 起付线 the person quotes, and money already reimbursed for this bill. Each figure's
 * role comes from the words right before it (乙类大概五千, 押金交了两万) or right after it
 * (3万5的总费用, 交了3万押金); figures with no role word are the total when there is one of
 * them. Two figures that cannot be told apart, two totals, or a share larger than the total
 * become an ambiguity for the person to settle: a figure is never dropped or guessed.
 * One exception: a later figure that restates an earlier one — after 准确说/其实是/不对是, or
 * more precisely inside a rough one (6万多 … 大概6万2, 5万左右 … 5万3) — replaces it.
 */
import { Decimal } from "decimal.js";
import type { AmountFound } from "./amounts.ts";
import type { Ambiguity, Slots } from "./types.ts";

export type AmountRole = "denied" | "total" | "classB" | "outOfCatalog" | "deposit" | "yearToDate" | "quotedDeductible" | "reimbursed" | "ownShare" | "accountPaid" | "plain" | "added";

/**
 * 另外还有5000的药, 加上住院费1万2, 再加1万的检查费: a figure said to come on top of another.
 * Whether it is inside the bill or on top of it only the person knows: asked, never dropped.
 */
const ADDED = /(另外|另还|此外|还有|加上|再加上?|外加|又(花|买|拿|交|付)了?|还(花|买|拿|交|付)了)[^\s,，。;；]{0,10}$/u;

/** Filler between a role word and its figure: 乙类的大概有 五千, 押金交了 两万, 起付线说是 1500. */
const FILL = "(?:改成|改为|换成|的话|的|药|费用?|部分|项目|那部分|那块|占了?|差不多|大概|大约|约|估计|左右|有|是|为|算|说是|听说是?|据说是?|好像|应该|可能|要|交了?|付了?|:|：|\\s)*";
const ONLY_FILL = new RegExp(`^${FILL}$`, "u");

const BEFORE: [RegExp, AmountRole][] = [
  // 金额是3万5不是3万: the figure after 不是 is the one being corrected away.
  // (起付线是不是1000 asks; it denies nothing.)
  [/(?<!是)(不是|而不是|并非)\s?$/u, "denied"],
  [new RegExp(`(起付线|起付标准|门槛费?|起付)${FILL}$`, "u"), "quotedDeductible"],
  [new RegExp(`(押金|预交金|预缴金|预交款|预缴款|预交|预缴|先交|先付)${FILL}$`, "u"), "deposit"],
  [new RegExp(`(乙类|乙类药|乙类项目)${FILL}$`, "u"), "classB"],
  // 医保卡里扣了三千, 个人账户付了2000: paid from the personal account — the person's money, not the fund's.
  [new RegExp(`((医保卡|社保卡)(里|上)?(面|头)?(扣|划|扣掉|划走|扣除)了?|(个人账户|个账)(里|上)?(面)?(扣|付|支付|出|划|扣掉)了?)${FILL}$`, "u"), "accountPaid"],
  // 自己出了4万, 个人承担了1万2: the person's own share of the bill, beside what the fund paid.
  // (个人自付 is not one: on a settlement it is the 乙类 first-pay column; asked about, as before.)
  // 现金付了6000 (beside what the card paid): the cash part of the person's own share.
  [new RegExp(`(自己|个人|自个儿?)(出|承担|负担)了?${FILL}$|现金(付|支付|交|出|掏)了?${FILL}$`, "u"), "ownShare"],
  // 全自费 / 自费了3万 / 自己掏了: the whole bill was paid out of pocket — the total, not a share.
  [new RegExp(`(全自费|全部自费|全是自费|都是自费|自费了|自己(掏|付|垫)了?)${FILL}$`, "u"), "total"],
  [new RegExp(`(自费|目录外|丙类|不在目录|医保外|不能报的?|报不了的?|不报的|全自付|自付部分)${FILL}$`, "u"), "outOfCatalog"],
  // Not 今年又在北京住院花了5万: 又/这次 make it this bill.
  [new RegExp(`(今年|年内|这一年|本年度?)(已经|已|之前|前面|在老家|在本地|门诊)*(?:(?!又|这次|这回|本次).){0,6}(报过|报了|报销过|报销了|花过|花了|用了|看了|住院花了|累计)${FILL}$|(累计|之前已经|已经报销?过|已经报了)${FILL}$`, "u"), "yearToDate"],
  // 医院说医保只能报一万二, 医保才给报了8千: what the fund pays of this bill, as told.
  [new RegExp(`(报了|报销了|医保(只能|只|才|就|最多|能)?(给|给我|给他|给她)?(报|报销|付|支付|出)了?|统筹(报|付|支付)了?|拿回|返了|退了|已经报)${FILL}$`, "u"), "reimbursed"],
  [new RegExp(`(总费用|总花费|总共|一共|合计|总计|共计|总额|全部|花费|花了|费用|医药费|住院费|治疗费|手术费|结账|结算|账单|总共花了)${FILL}$`, "u"), "total"],
];

const AFTER: [RegExp, AmountRole][] = [
  [/^(?!\s)(元|块钱?)?(的)?\s?(押金|预交金|预缴金|预交款|预缴)/u, "deposit"],
  [/^(?!\s)(元|块钱?)?(的)?\s?(是|为|属于|算)?\s?(乙类)/u, "classB"],
  [/^(?!\s)(元|块钱?)?(的)?\s?(是|为|属于|算)?\s?(自费|目录外|丙类)/u, "outOfCatalog"],
  [/^(?!\s)(元|块钱?)?(的)?\s?(起付线|起付标准)/u, "quotedDeductible"],
  [/^(?!\s)(元|块钱?)?(的)?\s?(总费用|总共|费用|医药费|住院费)/u, "total"],
];

/** Words that ask about a role (起付线是多少, 自费的有多少) rather than name a figure's. */
const ASKED = /^(是|有|要|大概|一般|得|会)?(多少|几|啥|什么|怎么|咋|呢)/u;
/** An earlier stay or claim this year: what was reimbursed then counts towards this year's total. */
const EARLIER = /今年|年内|本年|之前|以前|上次|上回|前面|年初|前几个月|上半年/u;
const THIS_TIME = /这次|这回|本次|这一次/u;

/** A bill comes as "花了X 其中/里面 乙类Y": the clause after 其中 is about parts of X. */
function roleOf(text: string, a: AmountFound, previousEnd: number, nextStart: number): AmountRole {
  const role = shareRoleOf(text, a, previousEnd, nextStart);
  // Only a figure that is not named as a part: 另外押金交了1万 is the deposit.
  // With no figure before it (另外还有5000的药费, after an estimate), it comes on top of the bill already known.
  if ((role === "plain" || role === "total") && ADDED.test(wordsBefore(text, a, previousEnd))) return "added";
  return role;
}

function shareRoleOf(text: string, a: AmountFound, previousEnd: number, nextStart: number): AmountRole {
  const before = wordsBefore(text, a, previousEnd);
  const after = text.slice(a.end, Math.min(nextStart, a.end + 8));
  for (const [pattern, role] of AFTER) {
    const m = pattern.exec(after);
    if (!m) continue;
    // "三万块 起付线是多少": the role word starts a question about it, it does not name this figure.
    if (ASKED.test(text.slice(a.end + m[0].length, a.end + m[0].length + 6))) continue;
    // "2万 自费5千", "八万块钱 乙类的大概有一万五": a role word that leads straight into the next figure is that figure's
    // (with no next figure, 先交了1万押金 and 有4千是自费的 name this one).
    const leadsOn = nextStart < text.length && nextStart <= a.end + 16 && ONLY_FILL.test(text.slice(a.end + m[0].length, nextStart));
    // 3万是乙类 2万是自费: said with 是/为/属于, the role word names the figure before it.
    if (!leadsOn || /是|为|属于|算/u.test(m[0])) return role;
  }
  return roleFromBefore(text, a, before);
}

/** Only the words since the last figure (or a clause break) name a figure's role. */
function wordsBefore(text: string, a: AmountFound, previousEnd: number): string {
  const before = text.slice(Math.max(previousEnd, a.start - 14), a.start);
  const cut = Math.max(before.lastIndexOf("，"), before.lastIndexOf(","), before.lastIndexOf("。"), before.lastIndexOf(";"), before.lastIndexOf("；"));
  return cut >= 0 && cut < before.length - 1 ? before.slice(cut + 1) : before;
}

/** 医保报了2万: the fund's part of this bill said in the message. */
const FUND_PAID_WORDS = /医保(给|给我|给他|给她)?(报|报销|付|支付|出)了|统筹(报|付|支付)了|报销了|报了/u;
/** 自己付了1万, 自己掏了1万: paid out of pocket — beside what the fund paid, the person's share. */
const OUT_OF_POCKET = /自己(掏|付)了?/u;
/** Words that name the whole bill (not 花了, which 自己花了 shares). */
const WHOLE_BILL = /总费用|总花费|总共|一共|合计|总计|共计|总额/u;
/** A question about the figures (这样对吗, 对不对): 自己付了 X then is what to check, not the bill. */
const CHECKING = /对吗|对不对|对不|是不是对|准不准|算得对|算对了|没算错|有没有错|合理吗|正常吗|多收|是不是少|少了吗|少了吧|算错|太少|这么少|才这么点/u;
/** Paid all of it (全自费, 垫付): what the person paid is the bill. */
const PAID_ALL = /全自费|全部自费|全是自费|都是自费|全额|垫/u;

function roleFromBefore(text: string, a: AmountFound, before: string): AmountRole {
  for (const [pattern, role] of BEFORE) {
    if (!pattern.test(before)) continue;
    // 医保报销了8000 自己付了4000: with the fund's part said, what the person paid is their share, not the bill
    // (自己垫了 is paying all of it first, the bill either way).
    // So is it beside a figure named as the whole bill (总共花了2万 自己掏了八千), or when the person
    // asks whether it is right (自己付了两万出头 对吗).
    if (role === "total" && OUT_OF_POCKET.test(before) && !PAID_ALL.test(before)) {
      const elsewhere = text.slice(0, a.start - before.length) + text.slice(a.end);
      if (FUND_PAID_WORDS.test(text) || WHOLE_BILL.test(elsewhere) || (CHECKING.test(text) && !PAID_ALL.test(text))) return "ownShare";
    }
    // 今年在老家已经住过一次院 报了5000: reimbursed earlier this year, not this bill.
    if (role === "reimbursed" && EARLIER.test(text.slice(Math.max(0, a.start - 30), a.start).split(THIS_TIME).pop() ?? "")) return "yearToDate";
    // 医保已经报了3万 对吗, 这次医保已经报了1万: with no earlier time said, what the fund paid of
    // this bill (to check against the estimate), not of the year.
    if (role === "yearToDate") {
      const window = text.slice(Math.max(0, a.start - 30), a.start);
      const since = window.split(THIS_TIME).pop() ?? "";
      if (!EARLIER.test(since) && !/累计/u.test(since) && (since !== window || CHECKING.test(text))) return "reimbursed";
    }
    return role;
  }
  // The cue may sit further back in the same clause (乙类的话大概是五千左右): look at the clause.
  const clause = before.split(/[\s，,。;；]/u).filter((x) => x !== "").pop() ?? "";
  if (/乙类/u.test(clause)) return "classB";
  if (/押金|预交|预缴/u.test(clause)) return "deposit";
  if (/目录外|丙类/u.test(clause) || (/自费/u.test(clause) && !/全自费|自费了/u.test(clause))) return "outOfCatalog";
  if (/起付/u.test(clause)) return "quotedDeductible";
  return a.total ? "total" : "plain";
}

/** Words that put a figure right: 准确说是5万3, 其实是3万5, 不对是4万, 应该是, 说错了. */
const RESTATE_CUE = /(准确|确切|精确|具体|详细|仔细算)(地|的|点|一点|来)?(说|讲|讲的话|说的话|是|算)?|其实|实际(上)?|不对|应该是|更正|纠正|说错了|记错了|打错了|写错了|搞错了|哦不|噢不|不不|算下来|一算|最后算|结下来|结算下来|精确到/u;
/** A rough figure: 6万多, 5万左右, 大概6万, 差不多3万, 快5万. */
const ROUGH_AFTER = /^(多|余|来|出头|左右|上下|的样子|不到)/u;
const ROUGH_BEFORE = /(大概|大约|约|差不多|估计|将近|接近|快|近|小|大几|好像|可能)(是|有|花了?|要)?\s?$/u;

function significant(value: string): number {
  const digits = value.replace(/\.?0+$/u, "").replace(/\./u, "").replace(/^0+/u, "");
  return digits.length;
}

/** The range a rough figure covers: 6万多 = 60000…70000, 5万左右 = ±20%. */
function roughRange(text: string, a: AmountFound): [Decimal, Decimal] | undefined {
  if (a.value === undefined) return undefined;
  const v = new Decimal(a.value);
  const after = text.slice(a.end, a.end + 3);
  const before = text.slice(Math.max(0, a.start - 6), a.start);
  if (/^(多|余|来|出头)/u.test(after)) {
    const place = new Decimal(10).pow(Math.max(0, a.value.replace(/\..*$/u, "").length - significant(a.value)));
    return [v, v.plus(place)];
  }
  if (/^不到/u.test(after) || /(将近|接近|快|近)\s?$/u.test(before)) return [v.times(0.8), v];
  if (ROUGH_AFTER.test(after) || ROUGH_BEFORE.test(before)) return [v.times(0.8), v.times(1.2)];
  return undefined;
}

/** `b` (said after `a`) restates `a`: a correcting word between them, or a sharper figure inside a rough one. */
function restates(text: string, a: AmountFound, b: AmountFound): boolean {
  if (a.value === undefined || b.value === undefined || a.value === b.value) return false;
  const between = text.slice(a.end, b.start);
  if (between.length > 16) return false;
  if (RESTATE_CUE.test(between)) return true;
  const range = roughRange(text, a);
  if (!range) return false;
  const v = new Decimal(b.value);
  return v.greaterThanOrEqualTo(range[0]) && v.lessThanOrEqualTo(range[1]) && significant(b.value) > significant(a.value);
}

const TOTAL_LIKE: readonly AmountRole[] = ["total", "plain"];

export interface AmountReading {
  slots: Partial<Pick<Slots, "amount" | "classB" | "outOfCatalog" | "deposit" | "yearToDate" | "quotedDeductible" | "reimbursed" | "ownShare" | "accountPaid">>;
  ambiguity?: Ambiguity;
  /** the total was named as such (总共, 花了, 费用…), not only a figure without a role */
  namedTotal?: boolean;
  /** the figure to ask about again politely (negative, too large…) when nothing usable was read */
  rejected?: AmountFound;
}

const SHARE: Record<string, keyof AmountReading["slots"]> = {
  classB: "classB",
  outOfCatalog: "outOfCatalog",
  deposit: "deposit",
  yearToDate: "yearToDate",
  quotedDeductible: "quotedDeductible",
  reimbursed: "reimbursed",
  ownShare: "ownShare",
  accountPaid: "accountPaid",
};

function distinct(list: AmountFound[]): AmountFound[] {
  const seen = new Set<string>();
  return list.filter((a) => (a.value === undefined || seen.has(a.value) ? false : (seen.add(a.value), true)));
}

export function readAmounts(text: string, found: AmountFound[]): AmountReading {
  const out: AmountReading = { slots: {} };
  const usable = found.filter((f) => f.value !== undefined);
  if (usable.length === 0) {
    const rejected = found.find((f) => f.rejected);
    if (rejected) out.rejected = rejected;
    return out;
  }
  const byRole = new Map<AmountRole, AmountFound[]>();
  let previousEnd = 0;
  const roles: AmountRole[] = [];
  for (const [k, a] of usable.entries()) {
    roles.push(roleOf(text, a, previousEnd, usable[k + 1]?.start ?? text.length));
    previousEnd = a.end;
  }
  // 押金不是5万 是3万: the figure that replaces a denied one has the role the denied one was named with.
  for (let k = 0; k + 1 < usable.length; k++) {
    if (roles[k] !== "denied" || roles[k + 1] !== "plain") continue;
    const a = usable[k] as AmountFound;
    const named = roleFromBefore(text, a, wordsBefore(text, a, k > 0 ? (usable[k - 1] as AmountFound).end : 0).replace(/(不是|而不是|并非)\s?$/u, ""));
    if (named !== "plain" && named !== "denied") roles[k + 1] = named;
  }
  // A restatement takes the place (and the role) of the figure it puts right.
  const dropped = new Set<number>();
  for (let k = 1; k < usable.length; k++) {
    const [ra, rb] = [roles[k - 1] as AmountRole, roles[k] as AmountRole];
    if (ra === "denied" || rb === "denied") continue;
    const sameKind = ra === rb || rb === "plain" || (TOTAL_LIKE.includes(ra) && TOTAL_LIKE.includes(rb));
    if (!sameKind || !restates(text, usable[k - 1] as AmountFound, usable[k] as AmountFound)) continue;
    dropped.add(k - 1);
    roles[k] = rb === "plain" ? ra : rb;
  }
  for (const [k, a] of usable.entries()) {
    if (dropped.has(k)) continue;
    const role = roles[k] as AmountRole;
    byRole.set(role, [...(byRole.get(role) ?? []), a]);
  }
  const texts = (list: AmountFound[]) => list.map((a) => a.text).join("、");
  const ask = (list: AmountFound[]) => {
    const values = distinct(list);
    out.ambiguity = { slot: "amount", candidates: values.map((a) => a.value as string), text: texts(values) };
  };

  for (const [role, slot] of Object.entries(SHARE)) {
    const list = distinct(byRole.get(role as AmountRole) ?? []);
    if (list.length === 1) out.slots[slot] = (list[0] as AmountFound).value;
    else if (list.length > 1 && !out.ambiguity) ask(list);
  }

  let added = distinct(byRole.get("added") ?? []);
  let totals = distinct(byRole.get("total") ?? []);
  const plain = distinct(byRole.get("plain") ?? []);
  // 今年已经报过2万 这次又花了5万: on top of a part of the bill, not of a bill — it is the bill.
  if (added.length > 0 && totals.length === 0 && plain.length === 0 && usable.length > added.length) {
    totals = added;
    added = [];
  }
  if (added.length > 0) {
    const base = [...totals, ...plain];
    const sum = added.reduce((acc, x) => acc.plus(x.value as string), new Decimal(0));
    // 花了四万 加上门诊的五千 一共四万五: the person added them up; the sum said is the bill.
    const summed = base.find((t) => base.some((b) => b !== t && new Decimal(b.value as string).plus(sum).equals(t.value as string)));
    if (summed) totals = [summed];
    else if (!out.ambiguity) {
      // Which of them is the bill: the first figure, or both together (the conversation offers the sum).
      const values = distinct([...base, ...added]);
      out.ambiguity = { slot: "amount", candidates: values.map((x) => x.value as string), text: texts(values), added: added.map((x) => x.value as string) };
      return finish(out);
    }
  }
  if (totals.length === 1) {
    out.slots.amount = (totals[0] as AmountFound).value;
    out.namedTotal = true;
  } else if (totals.length > 1) {
    // 花了3万 … 总共4万: two totals — which one is the bill?
    if (!out.ambiguity) ask(totals);
  } else if (plain.length === 1 && !(added.length > 0 && totals.length === 1)) {
    out.slots.amount = (plain[0] as AmountFound).value;
  } else if (plain.length > 1) {
    // Figures with no role word: a clearly stronger one (3万 beside a bare 200) is the bill;
    // equals cannot be told apart.
    const sorted = [...plain].sort((a, b) => b.strength - a.strength);
    const [top, second] = sorted as [AmountFound, AmountFound];
    if (top.strength >= 3 && second.strength <= 1) out.slots.amount = top.value;
    else if (!out.ambiguity) ask(plain);
  }
  if (totals.length === 1 && plain.length > 0 && !out.ambiguity && added.length === 0) {
    // 总费用10万 … 2万: a figure with no role beside a named total is asked about, not dropped.
    const others = plain.filter((p) => p.value !== out.slots.amount);
    if (others.length > 0) {
      ask([totals[0] as AmountFound, ...others]);
      // Which one is the bill is the question: neither is used until it is answered.
      delete out.slots.amount;
    }
  }

  return finish(out);
}

function finish(out: AmountReading): AmountReading {
  // A share cannot exceed the bill; shares together cannot either.
  const total = out.slots.amount !== undefined ? new Decimal(out.slots.amount) : undefined;
  if (total) {
    const parts = (["classB", "outOfCatalog"] as const).filter((k) => out.slots[k] !== undefined);
    const sum = parts.reduce((acc, k) => acc.plus(out.slots[k] as string), new Decimal(0));
    if (parts.length > 0 && sum.greaterThan(total)) {
      const values = [out.slots.amount as string, ...parts.map((k) => out.slots[k] as string)];
      out.ambiguity = { slot: "amount", candidates: [...new Set(values)], text: values.join("、"), partOverTotal: true };
      delete out.slots.amount;
      for (const k of parts) delete out.slots[k];
    }
  }
  return out;
}
