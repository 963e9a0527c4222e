/**
 * A 医保 typed on its own between two places ("在深圳 医保 广州 住院"): the spaces do not say
 * which place it belongs to. 在X names where the person is (lives, is treated), so the 医保 is
 * the other place's; otherwise a care word right after the second place (深圳 医保 广州 住院)
 * makes that one the place of care and the first the insured one; with neither, both are left
 * as candidates for the insured place, for the person to choose.
 */
import type { PlaceMention } from "./places.ts";

export interface RoleWeights { insured: number; treatment: number }

const SPACED_SCHEME = /^\s+(的)?(职工|居民|城乡居民)?(医保|社保|参保)\s+$/u;
/** 在深圳, not 医保在深圳 (which names the insured place itself). */
const AT_BEFORE = /(?<!医保|社保|参保|户口)在$/u;
const CARE_RIGHT_AFTER = /^[市省]?\s*(住院|住了|看病|就医|就诊|治疗|手术|做手术|看门诊|门诊|急诊|开药|拿药|生孩子|透析|化疗)/u;

/** Forced role weights for the two places around a spaced 医保, or none when there is none. */
export function spacedSchemeRoles(text: string, all: PlaceMention[]): Map<PlaceMention, RoleWeights> {
  const out = new Map<PlaceMention, RoleWeights>();
  for (let k = 0; k + 1 < all.length; k++) {
    const a = all[k] as PlaceMention;
    const b = all[k + 1] as PlaceMention;
    if (!SPACED_SCHEME.test(text.slice(a.end, b.start))) continue;
    const aAt = AT_BEFORE.test(text.slice(Math.max(0, a.start - 3), a.start));
    const bAt = AT_BEFORE.test(text.slice(Math.max(0, b.start - 3), b.start));
    if (aAt && !bAt) {
      out.set(a, { insured: 0, treatment: 3 });
      out.set(b, { insured: 3.5, treatment: 0 });
    } else if (!aAt && CARE_RIGHT_AFTER.test(text.slice(b.end, b.end + 6))) {
      out.set(a, { insured: 3.5, treatment: 0 });
      out.set(b, { insured: 0, treatment: 3 });
    } else if (!aAt && !bAt) {
      out.set(a, { insured: 2, treatment: 0 });
      out.set(b, { insured: 2, treatment: 0 });
    }
  }
  return out;
}
