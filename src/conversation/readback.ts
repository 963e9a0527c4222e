/**
 * The one line an estimate opens with: what was read from the person and what was assumed,
 * in plain words ("按：苏州职工医保、在职、上海三级医院住院、其他临时外出备案、总费用 80000 元"),
 * so a misread is visible before the figures and can be corrected in words.
 */
import { jurisdictionOf, MONTHS_A_YEAR, visitorOf, type Answers, type Slot } from "../../flows/answers.ts";
import { flowMessages as m } from "../messages/flows.ts";
import { regionName } from "./policy-data.ts";

const rb = m.readBack;

/** The read-back of an estimate's answers; `assumed` names the slots the estimate filled in itself. */
export function readBack(a: Answers, assumed: readonly Slot[] = []): string {
  const parts: string[] = [];
  const shown: Slot[] = [];
  const put = (slot: Slot | Slot[], text: string) => {
    parts.push(text);
    shown.push(...(Array.isArray(slot) ? slot : [slot]));
  };
  if (a.insured) {
    const retiredResident = a.scheme === "resident" && a.status === "retired" ? rb.retiredResident : "";
    put(["insured", "scheme"], `${regionName(a.insured)}${a.scheme ? m.labels.scheme[a.scheme] : rb.insuredOnly}${retiredResident}`);
  }
  if (a.status && a.scheme !== "resident") put("status", m.labels.status[a.status]);
  if (a.age) put("age", a.age.years !== undefined ? rb.age(a.age.years) : rb.student);
  const where = a.treatment && a.treatment !== a.insured ? regionName(a.treatment) : rb.local;
  const level = a.level ? (rb.level[a.level] ?? "") : "";
  const setting = a.setting ? (rb.setting[a.setting] ?? "") : "";
  put(["treatment", "level", "setting"], `${where}${level}${setting}`);
  if (a.visitor && jurisdictionOf(a) !== "same_pool") put(["visitor", "category"], a.visitor === "long_term" ? longTermText(a) : (rb.visitor[a.visitor] ?? ""));
  if (a.total) {
    const shares = [
      typeof a.classB === "string" ? rb.classB(a.classB) + shareWordsOf(a, "classB") : "",
      typeof a.outOfCatalog === "string" ? rb.outOfCatalog(a.outOfCatalog) + shareWordsOf(a, "outOfCatalog") : "",
    ].filter(Boolean);
    put(["total", "classB", "outOfCatalog"], rb.total(a.total, shares) + (a.totalWords ? rb.totalWords(a.totalWords) : "") + (a.perMonth ? rb.perMonth(a.perMonth, MONTHS_A_YEAR) : ""));
  }
  if (a.admissions !== undefined) put("admissions", rb.nthStay(a.admissions + 1));
  if (a.deductibleMet) put("deductibleMet", rb.deductibleMet);
  if (a.fundPaid !== undefined) put("fundPaid", rb.fundPaid(a.fundPaid));
  if (a.maternity) put("maternity", rb.maternity);
  // Only the assumptions the line shows a value for; 乙类/目录外 "不知道" is said in the assumptions.
  const guessed = assumed.filter((s) => shown.includes(s) && a[s] !== undefined && a[s] !== null);
  const labels = guessed.map((s) => assumedLabel(s, a)).filter(Boolean);
  return rb.line(parts.join("、"), labels);
}

/**
 * 长期备案 with its kind: the one said, else the one taken — 异地安置退休 for a retiree, 异地长期居住
 * otherwise (常驻异地工作 needs the employer's posting). The estimate reads the registration only
 * as long-term (src/policy: the three kinds are one visitor kind), which the line says.
 */
function longTermText(a: Answers): string {
  const kind = a.category && visitorOf(a.category) === "long_term" ? a.category : undefined;
  if (kind) return rb.longTerm(rb.longTermKind[kind] ?? "");
  return rb.longTermAssumed(rb.longTermKind[a.status === "retired" ? "retiree_relocated" : "long_term_resident"] ?? "");
}

/** A part worked out from a share said in words (一半): the words, beside the figure. */
function shareWordsOf(a: Answers, slot: "classB" | "outOfCatalog"): string {
  return a.shareWords && a.shareWords.slot === slot && !a.shareWords.vague ? rb.shareWords(a.shareWords.words) : "";
}

function assumedLabel(slot: Slot, a: Answers): string {
  switch (slot) {
    case "scheme":
      return a.scheme ? m.labels.scheme[a.scheme] : "";
    case "status":
      return a.status ? m.labels.status[a.status] : "";
    case "level":
      return a.level ? (rb.level[a.level] ?? "") : "";
    case "visitor":
      return a.visitor ? (rb.visitor[a.visitor] ?? "") : "";
    default:
      return "";
  }
}
