/**
 * An exception thrown inside a machine (a guard, an action) is a failed turn: an apology with
 * the pending question, the stored conversation unchanged, and nothing thrown later from a
 * timer (XState reports an unobserved actor error that way, which would end the process).
 */
import { describe, expect, it, vi } from "vitest";

vi.mock("../../flows/answers.ts", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../flows/answers.ts")>();
  return {
    ...real,
    // Stands in for any bug in a guard: this answer makes checkPatch throw.
    checkPatch: (current: unknown, patch: unknown) => {
      if (patch && typeof patch === "object" && Object.values(patch).includes("BOOM")) throw new Error("guard failed");
      return real.checkPatch(current as never, patch);
    },
  };
});

const { handleMessage } = await import("../../src/conversation/index.ts");
const { flowMessages } = await import("../../src/messages/flows.ts");

describe("an exception inside a machine", () => {
  it("is answered with an apology and the pending question; the stored state stays as it was", async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (e: unknown) => uncaught.push(e);
    process.on("uncaughtException", onUncaught);
    try {
      const first = handleMessage(null, { type: "command", name: "estimate" });
      const second = handleMessage(first.stored, { type: "text", text: "苏州" });
      const out = handleMessage(second.stored, { type: "choice", id: "v:scheme:BOOM" });
      expect(out.stored).toBe(second.stored);
      expect(out.replies[0]!.text.startsWith(flowMessages.turnFailed)).toBe(true);
      expect(out.replies[0]!.text).toContain("职工医保还是居民医保");
      expect(out.replies[0]!.choices?.length).toBeGreaterThan(0);
      // The conversation carries on from there.
      const next = handleMessage(out.stored, { type: "text", text: "职工医保" });
      expect(next.replies.map((r) => r.text).join("\n")).not.toContain(flowMessages.turnFailed);
      // XState would rethrow an unobserved error from a timer: give it the chance.
      await new Promise((r) => setTimeout(r, 50));
      expect(uncaught).toEqual([]);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });
});
