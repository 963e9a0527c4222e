/**
 * Manual claim (手工报销): why the bill was not settled directly, the setting and the 参保地,
 * then the documents, where to hand them in, the deadline and what to keep.
 */
import { ask, backToLastQuestion, flowSetup, initialContext } from "./common.ts";

export const claimFlow = flowSetup.createMachine({
  id: "claim",
  context: ({ input }) => initialContext(input),
  initial: "route",
  states: {
    route: {
      always: [
        { guard: "knowsWhyFromAnswers", target: "route", actions: "takeWhyFromAnswers" },
        { guard: { type: "isMissing", params: { slot: "why" } }, target: "askWhy" },
        { guard: { type: "isMissing", params: { slot: "setting" } }, target: "askSetting" },
        { guard: { type: "isMissing", params: { slot: "insured" } }, target: "askInsured" },
        { target: "result" },
      ],
    },
    askWhy: ask("claim", "why"),
    askSetting: ask("claim", "setting"),
    askInsured: ask("claim", "insured"),
    result: {
      on: {
        ANSWER: [{ guard: "isValidAnswer", target: "route", actions: "storeAnswer" }, { actions: "countFailedTry" }],
        INVALID: { actions: "countFailedTry" },
        BACK: backToLastQuestion("claim"),
      },
    },
  },
});
