/**
 * "Which kind of 异地就医 am I?": 参保地, 就医地, then why the person is there. Same 统筹区
 * needs no category; otherwise the result explains the category and offers the next flows.
 */
import { ask, backToLastQuestion, flowSetup, initialContext } from "./common.ts";

export const eligibilityFlow = flowSetup.createMachine({
  id: "eligibility",
  context: ({ input }) => initialContext(input),
  initial: "route",
  states: {
    route: {
      always: [
        { guard: { type: "isMissing", params: { slot: "insured" } }, target: "askInsured" },
        { guard: { type: "isMissing", params: { slot: "treatment" } }, target: "askTreatment" },
        { guard: "isSamePool", target: "result" },
        // 石家庄→北京 (京津冀 免备案): every kind is settled as at home, so the kind is not asked.
        { guard: "zoneSettlesAsHome", target: "result" },
        { guard: { type: "isMissing", params: { slot: "category" } }, target: "askCategory" },
        { target: "result" },
      ],
    },
    askInsured: ask("eligibility", "insured"),
    askTreatment: ask("eligibility", "treatment"),
    askCategory: ask("eligibility", "category"),
    result: {
      on: {
        ANSWER: [{ guard: "isValidAnswer", target: "route", actions: "storeAnswer" }, { actions: "countFailedTry" }],
        INVALID: { actions: "countFailedTry" },
        BACK: backToLastQuestion("eligibility"),
      },
    },
  },
});
