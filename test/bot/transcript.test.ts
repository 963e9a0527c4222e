/** The kill test's transcript reader: a restated turn is an answer, a lost or wrong one is not, whatever repeats later. */
import { describe, expect, it } from "vitest";
import { missing, reference } from "./transcript.ts";

// Two cycles of the kill test's script: every reply of the first comes again, word for word, in the second.
const CYCLE = ["/estimate", "苏州", "职工医保", "上海", "退休", "住院", "三级", "3万", "/cancel", "/register"];
const expected = reference([...CYCLE, ...CYCLE]);
const clean = expected.bodies.flat();
/** The transcript with turn `k`'s messages replaced. */
const withTurn = (k: number, instead: string[]) => expected.bodies.flatMap((b, i) => (i === k ? instead : b));
// Turns whose reply differs from their restated question (an acknowledgement before it, or a different wording).
const restatedDiffers = expected.bodies.map((b, i) => i).filter((i) => expected.bodies[i]!.join("\n") !== expected.restated[i]!.join("\n"));

describe("kill test transcript reader", () => {
  it("the script has turns whose restated question differs from their reply (else the cases below test nothing)", () => {
    expect(restatedDiffers.filter((i) => i < CYCLE.length).length).toBeGreaterThan(0);
  });

  it("accepts the transcript of a run without faults", () => {
    expect(missing(expected, clean)).toEqual([]);
  });

  it("accepts a reply sent as its restated question, in the first cycle as in the last", () => {
    for (const k of restatedDiffers) expect(missing(expected, withTurn(k, expected.restated[k]!)), `turn ${k}`).toEqual([]);
  });

  it("accepts a reply cut short by the crash and completed by the restated question", () => {
    const k = restatedDiffers.find((i) => expected.bodies[i]!.length > 1)!;
    expect(k).toBeDefined();
    expect(missing(expected, withTurn(k, [expected.bodies[k]![0]!, ...expected.restated[k]!]))).toEqual([]);
  });

  it("accepts the restated question again after a turn (a redelivered latest update)", () => {
    for (const k of [0, 4, 13]) expect(missing(expected, withTurn(k, [...expected.bodies[k]!, ...expected.restated[k]!, ...expected.restated[k]!]))).toEqual([]);
  });

  it("counts a lost reply once, wherever it is", () => {
    for (let k = 0; k < expected.bodies.length; k++) {
      const lost = missing(expected, withTurn(k, []));
      expect(lost, `turn ${k}`).toHaveLength(1);
      // Turns with the same reply cannot be told apart: either may be named.
      const named = Number(/^#(\d+): /.exec(lost[0]!)?.[1]);
      expect(expected.bodies[named], `turn ${k}`).toEqual(expected.bodies[k]);
      expect(Math.abs(named - k), `turn ${k}`).toBeLessThanOrEqual(1);
    }
  });

  it("does not accept an apology in a reply's place, nor a message after the last turn", () => {
    expect(missing(expected, withTurn(3, ["抱歉，刚才出了点问题。"]))).not.toEqual([]);
    expect(missing(expected, [...clean, "抱歉，刚才出了点问题。"])).toEqual([expect.stringMatching(/^after the last turn/)]);
  });

  it("does not accept a reply that answers the wrong question (a lost update shifts the answers)", () => {
    const shifted = expected.bodies.filter((_, i) => i !== 2).flat();
    expect(missing(expected, shifted).length).toBeGreaterThan(0);
  });
});
