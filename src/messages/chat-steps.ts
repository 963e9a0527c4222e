/**
 * An estimate's steps, assumptions and warnings in the chat's shorter words. The chat reads on a
 * phone and names every source by number, so it leaves out what the reply says elsewhere: the
 * catalogue (the jurisdiction step names it), whose 乙类 share (its source and the assumptions
 * name it), "元" after every figure inside a rule. The CLI and the JSON keep the full wording of
 * src/messages/explain.ts; the figures are the same, taken from the same step data.
 */
import type { Assumption, BandPart, RatioAdjust, StepParams, VisitorCut, Warning } from "../policy/scenario.ts";
import { Decimal } from "decimal.js";
import { stepWords } from "./explain.ts";

type Visitor = "long_term" | "referral" | "emergency" | "temporary_other" | "unregistered";

/** The kind of registration as the chat says it inside a step. */
const VISITOR: Record<Visitor, string> = {
  long_term: "长期备案",
  referral: "转诊",
  emergency: "急诊",
  temporary_other: "临时外出",
  unregistered: "未备案",
};
const LEVEL = { 1: "一级", 2: "二级", 3: "三级" } as const;

/** The national ceiling standing in for a cut the place's data lacks is said as that, never as the place's rule. */
const cut = (visitor: Visitor, c: VisitorCut) => {
  if ("points" in c) return c.ceiling ? `${VISITOR[visitor]}按国家上限降 ${c.points} 个百分点` : `${VISITOR[visitor]}降 ${c.points} 个百分点`;
  if ("factor" in c) return `${VISITOR[visitor]}按正常比例的 ${c.factor} 倍`;
  return `${VISITOR[visitor]}不降比例`;
};

function adjust(a: RatioAdjust): string[] {
  const parts: string[] = [];
  if (a.retiredPoints) parts.push(`退休提高 ${a.retiredPoints} 个百分点`);
  if (a.retiredFactor) parts.push(`退休自付为在职的 ${a.retiredFactor} 倍`);
  if (a.visitor) parts.push(cut(a.visitor.visitor, a.visitor.cut));
  return parts;
}

/** A band's bound as people say it: 50000 → 5万, 89000 → 8.9万; below 10000, or not whole thousands, in 元. */
function inWan(x: string): string | undefined {
  const known = wan.get(x);
  if (known !== undefined) return known === "" ? undefined : known;
  const d = new Decimal(x);
  const said = d.greaterThanOrEqualTo(10000) && d.mod(1000).isZero() ? d.dividedBy(10000).toString() : undefined;
  if (wan.size < WAN_KEPT) wan.set(x, said ?? "");
  return said;
}
/**
 * Bounds already said, by their figure ("" for one said in 元): the policies' band bounds are a few
 * hundred figures, worked out with Decimal for every estimate's steps otherwise.
 */
const wan = new Map<string, string>();
const WAN_KEPT = 2_000;
function bound(x: string): string {
  const wan = inWan(x);
  return wan === undefined ? `${x} 元` : `${wan}万`;
}

/** "2000–8000 元 × 45%" for a band the bill fills, "8000 元以上 357500 × 55%" with the amount in it otherwise. */
function band(b: BandPart): string {
  // "5–10万", "2000–8000 元": the unit once when both bounds share it.
  const range = (lo: string, hi: string) => {
    const [l, h] = [inWan(lo), inWan(hi)];
    if (l !== undefined && h !== undefined) return `${l}–${h}万`;
    if (l === undefined && h === undefined) return `${lo}–${hi} 元`;
    return `${bound(lo)}–${bound(hi)}`;
  };
  const bounds = b.hi === null ? `${bound(b.lo)}以上` : b.lo === "0.00" ? `${bound(b.hi)}以内` : range(b.lo, b.hi);
  const full = b.hi !== null && new Decimal(b.hi).minus(b.lo).equals(b.amount);
  return full ? `${bounds} × ${b.rate}%` : `${bounds} ${b.amount} × ${b.rate}%`;
}

/** What a step computed and the rule it applied, short; an empty rule is left out of the line. */
export function chatStepWords(p: StepParams, options: { deductible?: boolean } = {}): { what: string; rule: string } {
  const above = options.deductible === false ? "政策范围内" : "起付线以上";
  switch (p.kind) {
    case "jurisdiction":
      // The read-back line names both places; "执行" adds nothing to read.
      return { what: "", rule: p.jurisdiction === "cross_province" ? "就医地目录、参保地政策、就医地管理" : `${p.catalogue === "treatment" ? "就医地" : "参保地"}目录、参保地政策` };
    case "out_of_catalog":
      return { what: "目录外（自费）不报", rule: "" };
    case "class_b_first_pay":
      return { what: "乙类先行自付", rule: `${p.classB} × ${p.share}%` };
    case "visitor_first_pay":
      return { what: `${VISITOR[p.visitor]}先行自付`, rule: `政策范围内 ${p.base} × ${p.share}%` };
    case "deductible": {
      const parts = [`${LEVEL[p.level]}医院`, ...(p.retiredTable ? ["退休"] : [])];
      if (!p.perYear) parts.push(`今年第 ${p.nth} 次住院`);
      if (p.schedule) parts.push("异地单独标准");
      if (p.retiredMinus !== undefined) parts.push(`退休少 ${p.retiredMinus} 元`);
      if (p.alreadyPaid !== undefined) parts.push(`已扣今年已付的 ${p.alreadyPaid} 元`);
      return { what: p.perYear ? "年度起付线" : "起付线", rule: parts.join("，") };
    }
    case "ratio":
      return { what: "统筹基金支付", rule: [`${above} ${p.base} × ${p.rate}%`, ...adjust(p.adjust)].join("；") };
    case "band":
      // A bill under the 起付线 fills no band: the rule starts with the adjustment, not a separator.
      return { what: "统筹基金支付", rule: [...p.bands.map(band), ...adjust(p.adjust)].join("；") };
    case "visitor_cut":
      return { what: `${VISITOR[p.visitor]}的比例调整`, rule: cut(p.visitor, p.cut).slice(VISITOR[p.visitor].length) };
    case "cap": {
      const per = p.per === "month" ? "每月" : "年度";
      // The line above is the fund's: "年度封顶：150000 元" says enough when nothing was paid before.
      if (p.capped && (p.used === "0.00" || p.per === "month")) return { what: `${per}封顶`, rule: "" };
      const used = p.used === "0.00" || p.per === "month" ? "" : `今年已付 ${p.used}，本次最多付 ${p.remaining}，`;
      return { what: `统筹基金${per}限额`, rule: `${used}${p.capped ? "已封顶" : "未超过"}` };
    }
    case "supplementary": {
      const [only, ...more] = p.bands;
      const whole = only !== undefined && more.length === 0 && only.lo === "0.00" && only.amount === p.base;
      const what = p.label;
      if (whole) return { what, rule: `政策范围内自付 ${p.base} × ${only.rate}%` };
      // The base is said: the open last band's amount follows from it when the bands before it are full.
      const last = p.bands.at(-1);
      const derivable = last?.hi === null && p.bands.slice(0, -1).every((b) => b.hi !== null && new Decimal(b.hi).minus(b.lo).equals(b.amount));
      const parts = p.bands.map((b) => (derivable && b === last ? `${bound(b.lo)}以上 × ${b.rate}%` : band(b)));
      return { what, rule: `政策范围内自付 ${p.base}：${parts.join("；")}` };
    }
    default:
      return stepWords(p);
  }
}

/** The chat's shorter words for the assumptions that are long in the full wording; undefined keeps that. */
export function chatAssumptionText(a: Assumption, region?: string): string | undefined {
  switch (a.kind) {
    case "visitor_unknown_rule":
      return `参保地降幅无数据，按国家规定的上限（最多降 ${a.points} 个百分点）算，实际可能少降`;
    case "intra_province_catalogue":
      return "参保地没写明省内跨市用哪个目录，按参保地的算";
    case "unregistered_as_temporary":
      return "参保地对未备案无单独规定，按临时外出算";
    case "no_retiree_figures":
      // Said once and plainly beside a read-back that says 退休: the data lacks the retirees' figures, not the person's status.
      return `${region ?? "参保地"}没有退休人员单独的数据，按在职的比例算（退休实际可能报得更多）`;
    default:
      return undefined;
  }
}

/** The chat's shorter words for a warning; undefined keeps the full wording. */
export function chatWarningText(w: Warning): string | undefined {
  switch (w.kind) {
    case "low_confidence":
      return "部分来源可信度低，请向参保地医保部门核实。";
    case "outpatient_check":
      return "异地普通门诊能否直接结算，要看两地是否都已开通，请先在国家医保服务平台查定点机构。";
    default:
      return undefined;
  }
}
