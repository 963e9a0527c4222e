/**
 * The house conventions the flows fill in answers from: national.yaml's `defaults` block, read
 * from the policy book. The flows take them only from here, so no layer keeps its own copy.
 */
import { getPolicyBook } from "./book.ts";
import type { Defaults } from "./schema.ts";

/** The parts of the defaults a flow needs to fill in answers, without the reasons. */
export interface FlowDefaults {
  assumptions: Omit<Defaults["assumptions"], "reason">;
  retiredMeansEmployee: boolean;
}

/**
 * Only while the policy data cannot be read, when no estimate can be made anyway ("政策数据暂时
 * 无法读取"): the flows still need their answers filled to reach that reply. The values are
 * national.yaml's; test/policies/defaults.test.ts fails when the two differ.
 */
export const UNREADABLE_DEFAULTS: FlowDefaults = {
  assumptions: { scheme: "resident", status: "working", hospitalLevel: 3, visitor: "temporary_other" },
  retiredMeansEmployee: true,
};

/** The defaults as a flow uses them, from national.yaml's own block. */
export function flowDefaultsOf(d: Defaults): FlowDefaults {
  const { reason: _reason, ...assumptions } = d.assumptions;
  return { assumptions, retiredMeansEmployee: d.retiredMeansEmployee.value };
}

let cached: FlowDefaults | undefined;

/** national.yaml's defaults, read once; the stand-in above while the data cannot be read. */
export function flowDefaults(): FlowDefaults {
  if (cached) return cached;
  try {
    cached = flowDefaultsOf(getPolicyBook().national.defaults);
    return cached;
  } catch {
    // Not cached: the data may be readable on the next turn.
    return UNREADABLE_DEFAULTS;
  }
}
