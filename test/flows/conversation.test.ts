/**
 * The conversation as a channel sees it: handleMessage round trips, the router's states and
 * transitions, persistence through JSON in every state, digressions in every flow, and bad
 * input that must never throw.
 */
import fc from "fast-check";
import { createActor } from "xstate";
import { describe, expect, it } from "vitest";
import { getShortestPaths } from "@xstate/graph";
import { router, FLOW_IDS, type FlowId, type RouterContext, type RouterEvent } from "../../flows/router.ts";
import { handleMessage, STORE_VERSION, type Reply, type UserInput } from "../../src/conversation/index.ts";
import { restore } from "../../src/conversation/store.ts";
import { view } from "../../src/conversation/view.ts";
import { flowMessages as m } from "../../src/messages/flows.ts";
import { pathsOf, SAMPLE_EVENTS } from "./model.ts";

const NOW = new Date("2025-08-01T12:00:00Z");
const text = (t: string): UserInput => ({ type: "text", text: t });
const say = (t: string): UserInput => (/^\/[a-z]+$/.test(t) ? { type: "command", name: t.slice(1) } : text(t));

function chat(inputs: (string | UserInput)[], start: string | null = null) {
  let stored = start;
  let replies: Reply[] = [];
  for (const i of inputs) {
    const r = handleMessage(stored, typeof i === "string" ? say(i) : i, NOW);
    stored = r.stored;
    replies = r.replies;
  }
  return { stored: stored!, replies, all: replies.map((r) => r.text).join("\n"), last: replies[replies.length - 1]! };
}

function routerValue(stored: string): string {
  return String((JSON.parse(stored) as { snapshot: { value: string } }).snapshot.value);
}

describe("router", () => {
  const events: RouterEvent[] = [
    ...FLOW_IDS.map((flow) => ({ type: "START", flow }) as RouterEvent),
    { type: "FLOW", event: { type: "ANSWER", a: { insured: "320500" } } },
    { type: "FLOW", event: { type: "INVALID", why: { k: "unclear" } } },
    { type: "BACK" },
    { type: "CANCEL" },
    { type: "RESTART" },
    { type: "HELP" },
    { type: "GREET" },
    { type: "RESUME" },
    { type: "ASIDE", topic: "validity" },
    { type: "NOISE", why: "unclear" },
    { type: "NOISE", why: "range", n: 4 },
    { type: "NOISE", why: "expired" },
  ];
  const told: Record<string, (t: string) => void> = {
    START: (t) => expect(t).toMatch(/参保|为什么没能/),
    CANCEL: (t) => expect(t).toContain(m.cancelled),
    RESTART: (t) => expect(t).toContain(m.restarted),
    HELP: (t) => expect(t).toContain("返回"),
    GREET: (t) => expect(t).toContain(m.welcome),
    ASIDE: (t) => expect(t.length).toBeGreaterThan(5),
    NOISE: (t) => expect(t).toMatch(/没看懂|没有这个选项|过期/),
  };
  const starts: (FlowId | "menu")[] = ["menu", ...FLOW_IDS];
  it.each(starts.flatMap((s) => events.map((e) => [s, e.type, e] as const)))("from %s, %s tells the person something fitting", (start, _t, event) => {
    const actor = createActor(router).start();
    if (start !== "menu") actor.send({ type: "START", flow: start });
    actor.send(event);
    const s = actor.getSnapshot();
    const replies = view(s.value, s.context, NOW);
    expect(replies.length).toBeGreaterThan(0);
    const all = replies.map((r) => r.text).join("\n");
    told[event.type]?.(all);
    if (event.type === "BACK" && start === "menu") expect(all).toContain(m.atMenu);
    if (event.type === "BACK" && start !== "menu") {
      expect(String(s.value)).toBe("menu");
      expect(all).toContain(m.leftFlow);
    }
    expect(replies[replies.length - 1]!.choices?.length ?? 0).toBeGreaterThanOrEqual(0);
  });
});

describe("router graph", () => {
  it("reaches every router state through @xstate/graph paths and tells the person something in each", () => {
    const events: RouterEvent[] = [
      ...FLOW_IDS.map((flow) => ({ type: "START", flow }) as RouterEvent),
      { type: "CANCEL" },
      { type: "BACK" },
      { type: "ASIDE", topic: "validity" },
    ];
    const paths = getShortestPaths(router, { events: events as never, serializeState: ((s: { value: unknown; context: RouterContext }) => `${String(s.value)}|${s.context.note?.k ?? ""}`) as never });
    const reached = new Set(paths.map((p) => String(p.state.value)));
    expect([...reached].sort()).toEqual(Object.keys(router.root.states).sort());
    for (const p of paths) {
      const replies = view(p.state.value, p.state.context as RouterContext, NOW);
      expect(replies.at(-1)!.text.length).toBeGreaterThan(5);
      if (String(p.state.value) === "menu") expect(replies.at(-1)!.choices!.map((c) => c.id)).toEqual(FLOW_IDS.map((f) => `go:${f}`));
    }
  });
});

describe("persistence", () => {
  it("every reachable state of every flow survives persist → JSON → restore, and behaves the same after", () => {
    let checked = 0;
    for (const id of FLOW_IDS) {
      for (const p of pathsOf(id)) {
        const flowState = { v: String(p.state.value), c: JSON.parse(JSON.stringify(p.state.context)) };
        const direct = createActor(router, { snapshot: router.resolveState({ value: id, context: { flow: flowState } }) }).start();
        const stored = JSON.stringify({ version: STORE_VERSION, snapshot: direct.getPersistedSnapshot(), updatedAt: NOW.toISOString() });
        const back = restore(stored);
        expect(back.problem).toBeUndefined();
        const restored = createActor(router, { snapshot: back.snapshot! }).start();
        expect(restored.getSnapshot().value).toEqual(direct.getSnapshot().value);
        expect(view(restored.getSnapshot().value, restored.getSnapshot().context, NOW)).toEqual(view(direct.getSnapshot().value, direct.getSnapshot().context, NOW));
        for (const e of SAMPLE_EVENTS.slice(0, 4).concat(SAMPLE_EVENTS.slice(14))) {
          const a = createActor(router, { snapshot: back.snapshot! }).start();
          const b = createActor(router, { snapshot: router.resolveState({ value: id, context: { flow: flowState } }) }).start();
          a.send({ type: "FLOW", event: e });
          b.send({ type: "FLOW", event: e });
          expect(JSON.parse(JSON.stringify(a.getPersistedSnapshot()))).toEqual(JSON.parse(JSON.stringify(b.getPersistedSnapshot())));
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it("a damaged or older stored value is reset with an apology, never a crash", () => {
    for (const bad of ["{", "null", "[]", '{"version":0,"snapshot":{},"updatedAt":"x"}', JSON.stringify({ version: STORE_VERSION, snapshot: { status: "active", value: "estimate", context: { flow: { v: "nowhere", c: { a: {}, trail: [], tries: 0 } } } }, updatedAt: "" }), JSON.stringify({ version: STORE_VERSION, snapshot: { status: "active", value: "menu", context: { flow: { v: "askInsured", c: { a: { insured: "abc" }, trail: [], tries: 0 } } } }, updatedAt: "" })]) {
      const r = handleMessage(bad, text("你好"), NOW);
      expect(r.replies[0]!.text).toBe(m.resetApology);
      expect(restore(r.stored).problem).toBeUndefined();
    }
  });

  it("keeps a whole conversation small (< 2 KB)", () => {
    const c = chat(["/estimate", "苏州", "1", "上海", "1", "1", "4", "1", "3万", "1", "1", "1", { type: "choice", id: "c:level" }, "2"]);
    expect(c.stored.length).toBeLessThan(2048);
  });
});

describe("digressions", () => {
  const starts: Record<FlowId, string[]> = {
    eligibility: ["/eligibility"],
    registration: ["/register", "苏州"],
    estimate: ["/estimate", "苏州"],
    claim: ["/claim"],
  };
  it.each(FLOW_IDS)("in %s a side question is answered and the pending question restated", (id) => {
    const before = chat(starts[id]!);
    const pendingText = before.last.text;
    const { stored, replies } = chat([{ type: "choice", id: "help" } as UserInput], before.stored);
    expect(replies[0]!.text).toContain("返回");
    expect(replies[replies.length - 1]!.text).toContain(pendingText);
    // A side question by event (the parser's intent), then the same question again.
    const actor = createActor(router, { snapshot: restore(stored).snapshot! }).start();
    actor.send({ type: "ASIDE", topic: "validity" });
    const s = actor.getSnapshot();
    const r = view(s.value, s.context, NOW);
    expect(r.length).toBe(2);
    expect(r[1]!.text).toContain(m.backTo);
    expect(r[1]!.text).toContain(pendingText);
    expect(String(s.value)).toBe(id);
  });
});

describe("bad input", () => {
  const bad = ["", "   ", "x".repeat(5000), "😀😀😀", "\u0000\u0007\u001b[31m", "12345", "上海", "1e400 元", "-3 元", "99", "/nonsense"];
  const places: string[][] = [["/estimate"], ["/estimate", "苏州", "1", "上海", "1", "1", "4", "1"], ["/register", "苏州", "上海", "1"], ["/claim", "1"], []];
  it.each(places.flatMap((p) => bad.map((b) => [p.join(" "), b, p] as const)))("at [%s], %j gets a short helpful reply", (_l, input, prefix) => {
    const before = chat(prefix);
    const msg: UserInput = input.startsWith("/") ? { type: "command", name: input.slice(1) } : text(input);
    const r = handleMessage(prefix.length ? before.stored : null, msg, NOW);
    expect(r.replies.length).toBeGreaterThan(0);
    const all = r.replies.map((x) => x.text).join("\n");
    expect(all.length).toBeGreaterThan(4);
    expect(all.length).toBeLessThan(1500);
    expect(restore(r.stored).problem).toBeUndefined();
  });

  it("a negative or overflowing amount is refused, not stored", () => {
    const at = chat(["/estimate", "苏州", "1", "上海", "1", "1", "4", "1"]);
    expect(at.last.text).toContain(m.ask.total);
    for (const t of ["-3 元", "1e400 元"]) {
      const r = chat([t], at.stored);
      expect(r.all).toContain(m.ask.total);
      expect(JSON.parse(r.stored).snapshot.context.flow.c.a.total).toBeUndefined();
    }
  });

  it("after two messages not understood at the menu, explains what works", () => {
    const once = chat(["/start", "qwerty zzz"]);
    expect(once.all).not.toContain(m.help);
    const twice = chat(["/start", "qwerty zzz", "asdf jkl"]);
    expect(twice.all).toContain(m.help);
  });

  it("a number out of range is refused politely", () => {
    const r = chat(["/start", "9"]);
    expect(r.all).toContain(m.range(4));
    expect(routerValue(r.stored)).toBe("menu");
  });

  it("arbitrary text never throws and always leaves a valid stored state", () => {
    const states = [null, chat(["/estimate"]).stored, chat(["/register", "苏州", "上海", "1"]).stored, chat(["/claim"]).stored];
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 0, max: states.length - 1 }), (s, i) => {
        const r = handleMessage(states[i]!, text(s), NOW);
        expect(r.replies.length).toBeGreaterThan(0);
        expect(restore(r.stored).problem).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it("unknown or stale buttons are refused as expired", () => {
    const r = handleMessage(chat(["/estimate"]).stored, { type: "choice", id: "c:level" }, NOW);
    expect(r.replies[0]!.text).toBe(m.expired);
  });
});

describe("flows end to end", () => {
  it("back (返回) goes back one question", () => {
    const r = chat(["/estimate", "苏州", "返回"]);
    expect(r.all).toContain(m.ask.insured);
  });
  it("取消 returns to the menu from anywhere, 重新开始 forgets", () => {
    expect(routerValue(chat(["/estimate", "苏州", "取消"]).stored)).toBe("menu");
    const r = chat(["/estimate", "苏州", "重新开始", "/estimate"]);
    expect(r.all).toContain(m.ask.insured);
  });
  it("registration walks six steps with 第 n/6 步, back and the whole checklist", () => {
    const r1 = chat(["/register", "苏州", "上海", "2"]);
    expect(r1.all).toContain("第 1/6 步");
    const r2 = chat(["下一步", "下一步"], r1.stored);
    expect(r2.all).toContain("第 3/6 步");
    const r3 = chat(["上一步"], r2.stored);
    expect(r3.all).toContain("第 2/6 步");
    const r4 = chat(["全部清单"], r3.stored);
    for (const t of m.registration.titles) expect(r4.all).toContain(t);
  });
  it("same 统筹区 needs no registration", () => {
    expect(chat(["/register", "苏州", "苏州"]).all).toContain("不用办异地就医备案");
  });
  it("the one-message estimate is answered in the first reply with its assumptions", () => {
    const r = chat(["我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少"]);
    expect(routerValue(r.stored)).toBe("estimate");
    expect(JSON.parse(r.stored).snapshot.context.flow.v).toBe("result");
    expect(r.last.choices!.map((c) => c.id)).toContain("chg");
  });
});
