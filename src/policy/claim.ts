/**
 * What to bring for a manual claim (手工报销), where to hand it in and by when: the insured
 * region's own list where it has one, else the national one, chosen for the person's setting and
 * visitor kind. Returns cited data; the conversation words it (src/messages).
 */
import type { PolicyBook } from "./book.ts";
import { ownVersion } from "./own-version.ts";
import { nationalFact, type CitedText } from "./facts.ts";
import type { SourceRef } from "./scenario.ts";
import type { ClaimMaterial } from "./schema.ts";
import type { ClaimReason, Scheme, Setting, Visitor } from "./terms.ts";

export interface ClaimChecklist {
  /** The items that apply, in the source's order. */
  materials: string[];
  /** Whose list: the region's (with the scheme it is for) or the national one. */
  materialsFrom: { source: SourceRef; region: boolean };
  /** Some item proves who the person is (身份证, 社保卡…): only the bank account is still to add. */
  hasIdentity: boolean;
  /** A referral whose list names no referral proof: the proof must be added. */
  addReferralProof: boolean;
  /** Where to hand it in; `hedge`: the text does not say the insured place's rules decide, the answer must. */
  where?: { text: string; source: SourceRef; region: boolean; hedge: boolean };
  /**
   * By when. "outpatient_unknown": the only figure is counted from discharge, so it says nothing
   * about an outpatient bill.
   */
  deadline?: { text: string; source: SourceRef; region: boolean; hedge: boolean } | "outpatient_unknown";
  /** The scheme whose regional rules are shown, when the person did not say theirs. */
  schemeShown?: Scheme;
  /** National facts for the reason the bill was not settled directly. */
  facts: CitedText[];
}

export interface ClaimQuery {
  insured?: string | undefined;
  scheme?: Scheme | undefined;
  setting?: Setting | undefined;
  visitor?: Visitor | undefined;
  why?: ClaimReason | undefined;
  date: string;
}

/** Whether an item is on the list for this setting and visitor: a plain string always is. */
function applies(m: ClaimMaterial, setting: Setting | undefined, visitor: Visitor | undefined): boolean {
  if (typeof m === "string") return true;
  if (m.settings && setting && !m.settings.includes(setting)) return false;
  if (m.visitors && !(visitor && m.visitors.includes(visitor))) return false;
  return true;
}

const itemText = (m: ClaimMaterial) => (typeof m === "string" ? m : m.item);
const proves = (m: ClaimMaterial, what: "identity" | "referral") => typeof m !== "string" && m.proves === what;

export function claimChecklist(book: PolicyBook, q: ClaimQuery): ClaimChecklist {
  const rv = ownVersion(book, q.insured, q.scheme, q.date);
  const local = rv?.version.manualClaim;
  const national = book.national.manualClaim;
  const referred = q.visitor === "referral";
  const fromRegion = !!local?.materials?.length;
  const list = (fromRegion ? local!.materials! : (national.materials ?? [])).filter((m) => applies(m, q.setting, q.visitor));
  const out: ClaimChecklist = {
    materials: list.map(itemText),
    materialsFrom: fromRegion ? { source: book.sourceRef(rv!.policy, local!.source, local!.quote), region: true } : { source: book.sourceRef(null, national.source, national.quote), region: false },
    hasIdentity: list.some((m) => proves(m, "identity")),
    addReferralProof: referred && !list.some((m) => proves(m, "referral")),
    facts: [],
  };
  if (rv && !q.scheme && local) out.schemeShown = rv.scheme;
  if (local?.where) out.where = { text: local.where, source: book.sourceRef(rv!.policy, local.source), region: true, hedge: false };
  else if (national.where) out.where = { text: national.where, source: book.sourceRef(null, national.source), region: false, hedge: !national.saysInsuredRulesDecide.includes("where") };
  const inpatient = q.setting === "inpatient";
  if (local?.deadline) out.deadline = { text: local.deadline, source: book.sourceRef(rv!.policy, local.source), region: true, hedge: false };
  else if (national.deadline && q.setting && !inpatient && (national.deadlineFrom ?? "discharge") === "discharge") out.deadline = "outpatient_unknown";
  else if (national.deadline) out.deadline = { text: national.deadline, source: book.sourceRef(null, national.source), region: false, hedge: !national.saysInsuredRulesDecide.includes("deadline") };
  const add = (key: string) => {
    const f = nationalFact(book, key);
    if (f) out.facts.push(f);
  };
  // 出院后补办备案 is about a discharge: for an outpatient bill only the general advice applies.
  if (q.why === "unregistered" && (inpatient || !q.setting)) add("makeup_after_discharge");
  if (q.why === "not_networked") add("non_networked");
  if (q.why === "maternity") add("maternity");
  return out;
}
