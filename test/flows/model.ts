/**
 * Shared model for the flow tests: sample events for every event type, a state key that
 * keeps the graph finite, and every reachable state of every flow (via @xstate/graph).
 */
import { getShortestPaths } from "@xstate/graph";
import type { AnyStateMachine } from "xstate";
import type { FlowEvent } from "../../flows/common.ts";
import { FLOWS, type FlowId } from "../../flows/router.ts";

export const SAMPLE_EVENTS: FlowEvent[] = [
  { type: "ANSWER", a: { insured: "320500" } },
  { type: "ANSWER", a: { treatment: "310000" } },
  { type: "ANSWER", a: { treatment: "320500" } },
  { type: "ANSWER", a: { scheme: "employee" } },
  { type: "ANSWER", a: { status: "retired" } },
  { type: "ANSWER", a: { setting: "inpatient" } },
  { type: "ANSWER", a: { level: 3 } },
  { type: "ANSWER", a: { visitor: "temporary_other" } },
  { type: "ANSWER", a: { category: "retiree_relocated" } },
  { type: "ANSWER", a: { total: "30000" } },
  { type: "ANSWER", a: { classB: null } },
  { type: "ANSWER", a: { outOfCatalog: "2000" } },
  { type: "ANSWER", a: { why: "unregistered" } },
  { type: "ANSWER", a: { insured: "999999" } },
  { type: "INVALID", why: { k: "unclear" } },
  { type: "BACK" },
  { type: "NEXT" },
  { type: "ALL" },
  { type: "PICK_CHANGE" },
  { type: "CHANGE", slot: "level" },
];

/** State value and how many failed tries (0, 1, 2+): a small, finite key that still tells every state apart. */
export function stateKey(s: { value: unknown; context: { tries: number } }): string {
  return `${String(s.value)}|${Math.min(s.context.tries, 2)}`;
}

export function pathsOf(id: FlowId) {
  const machine = FLOWS[id] as AnyStateMachine;
  return getShortestPaths(machine, {
    input: {},
    events: SAMPLE_EVENTS as never,
    serializeState: stateKey as never,
  });
}

/** All state node names of a machine (atomic children of the root). */
export function stateNames(id: FlowId): string[] {
  return Object.keys((FLOWS[id] as AnyStateMachine).root.states);
}
