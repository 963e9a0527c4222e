/**
 * An emergency away from home (急诊抢救): nationally it counts as registered (视同已备案), but
 * some insured places still ask for a registration before discharge (东莞 within 10 days of
 * admission, 重庆 最迟在出院前). Looked up once here for the direct-settlement decision, the
 * eligibility answer and the side answer, so none of them says "不用另交材料" where the insured
 * place says otherwise.
 */
import type { PolicyBook } from "./book.ts";
import type { SourceRef } from "./scenario.ts";
import { Scheme } from "./terms.ts";

export interface EmergencyRegistration {
  /** Days from admission within which the registration must be made, where the source gives them. */
  withinDays?: number;
  source: SourceRef;
}

/** The insured place's own emergency rule (its file, else its province's) for the scheme, or the first scheme with data. */
export function emergencyRegistrationFor(book: PolicyBook, insured: string, scheme: Scheme | undefined, date: string): EmergencyRegistration | undefined {
  const schemes = scheme ? [scheme] : Scheme.options;
  for (const s of schemes) {
    const found = book.versionFor(insured, s, date);
    if ("error" in found || found.typical) continue;
    const province = found.province ? undefined : book.provinceVersionFor(insured, s, date);
    const held = found.version.emergencyRegistration
      ? { rule: found.version.emergencyRegistration, policy: found.policy }
      : province?.version.emergencyRegistration
        ? { rule: province.version.emergencyRegistration, policy: province.policy }
        : undefined;
    if (!held) {
      if (scheme) return undefined;
      continue;
    }
    return {
      ...(held.rule.withinDaysOfAdmission ? { withinDays: held.rule.withinDaysOfAdmission } : {}),
      source: book.sourceRef(held.policy, held.rule.source, held.rule.quote),
    };
  }
  return undefined;
}
