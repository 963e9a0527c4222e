/**
 * Model-based tests: every reachable state of every flow (shortest paths from @xstate/graph),
 * and from each of them every sample event, i.e. every transition. Each path checks what the
 * person is told at its end, not only that it ran.
 */
import { transition, type AnyStateMachine } from "xstate";
import { describe, expect, it } from "vitest";
import { slotOfState, type FlowContext } from "../../flows/common.ts";
import { FLOW_IDS, FLOWS, type FlowId } from "../../flows/router.ts";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { flowView } from "../../src/conversation/view.ts";
import { pathsOf, SAMPLE_EVENTS, stateKey, stateNames } from "./model.ts";

const NOW = new Date("2025-08-01T12:00:00Z");

/** What the person must be told in a state, from the message catalogue. */
function expectTold(id: FlowId, value: string, ctx: FlowContext): void {
  const replies = flowView(id, { v: value, c: ctx }, NOW);
  expect(replies.length).toBeGreaterThan(0);
  const text = replies.map((r) => r.text).join("\n");
  for (const r of replies) expect(r.text.trim().length).toBeGreaterThan(0);
  const slot = slotOfState(value);
  if (slot) {
    if (ctx.err?.k === "ambiguous") expect(text).toContain(m.problems.ambiguous);
    else expect(text).toContain(m.ask[slot as keyof typeof m.ask]);
    if (ctx.tries >= 2 && ctx.err?.k !== "ambiguous") expect(text.length).toBeGreaterThan(m.ask[slot as keyof typeof m.ask].length + 10);
    return;
  }
  const last = replies[replies.length - 1]!;
  expect(last.choices?.length ?? 0).toBeGreaterThan(0);
  if (ctx.err) {
    // An unusable message at a result: said once, then only the closing question again.
    expect(replies[0]!.text).toMatch(new RegExp(`${m.problems.unclear}|${m.problems.invalid}`));
    expect(replies.length).toBe(2);
    return;
  }
  switch (`${id}.${value}`) {
    case "estimate.result":
      expect(text).toMatch(/总费用|没法估算/);
      expect(last.choices!.map((c) => c.id)).toContain("chg");
      break;
    case "estimate.pickChange":
      expect(text).toContain(m.estimate.pickChange);
      expect(last.choices!.some((c) => c.id.startsWith("c:"))).toBe(true);
      break;
    case "eligibility.result":
      expect(text).toMatch(/统筹区|异地就医/);
      break;
    case "claim.result":
      expect(text).toContain("手工报销");
      expect(text).toMatch(/期限/);
      break;
    case "registration.notNeeded":
      expect(text).toContain("不用办异地就医备案");
      break;
    case "registration.checklist":
      expect(text).toContain(m.registration.checklist);
      for (const t of m.registration.titles) expect(text).toContain(t);
      break;
    case "registration.done":
      expect(text).toContain(m.registration.done);
      break;
    default: {
      const n = Number(value.replace("step", ""));
      expect(value).toMatch(/^step[1-6]$/);
      expect(text).toContain(`第 ${n}/6 步`);
      expect(text).toContain(m.registration.titles[n - 1]!);
    }
  }
}

describe.each(FLOW_IDS)("flow %s", (id) => {
  const paths = pathsOf(id);
  const machine = FLOWS[id] as AnyStateMachine;

  it("reaches every state of the machine", () => {
    const reached = new Set(paths.map((p) => String(p.state.value)));
    const expected = stateNames(id).filter((s) => s !== "route");
    expect([...reached].sort()).toEqual(expected.sort());
  });

  it.each(paths.map((p) => [stateKey(p.state as never), p] as const))("path to %s tells the person the right thing", (_key, path) => {
    const s = path.state as unknown as { value: string; context: FlowContext };
    expectTold(id, String(s.value), s.context);
  });

  it("every event from every reached state gives a valid state and a reply", () => {
    let transitions = 0;
    for (const p of paths) {
      for (const event of SAMPLE_EVENTS) {
        const [next] = transition(machine, p.state as never, event as never);
        const s = next as unknown as { value: string; context: FlowContext; status: string };
        expect(s.status).toBe("active");
        expect(stateNames(id)).toContain(String(s.value));
        expectTold(id, String(s.value), s.context);
        transitions++;
      }
    }
    expect(transitions).toBe(paths.length * SAMPLE_EVENTS.length);
  });
});
