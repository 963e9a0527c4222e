/**
 * "How much will I pay": collects the evaluator's scenario fields, asking only for what is
 * still missing, then shows the result (rendered from the evaluator, never computed here).
 * A one-message question with places, setting and amount goes straight to the result with
 * the rest assumed and said.
 */
import { ask, backToLastQuestion, flowSetup, initialContext } from "./common.ts";

export const estimateFlow = flowSetup.createMachine({
  id: "estimate",
  context: ({ input }) => initialContext(input),
  initial: "route",
  states: {
    route: {
      always: [
        // Back through the route: what could not be assumed (a level said not to be the default) is asked.
        { guard: "canAssumeRest", target: "route", reenter: true, actions: "assumeRest" },
        { guard: { type: "isMissing", params: { slot: "insured" } }, target: "askInsured" },
        // 灵活就业: 职工医保 assumed, said with the estimate, rather than asked.
        { guard: "flexibleNeedsScheme", target: "route", reenter: true, actions: "assumeFlexibleScheme" },
        { guard: { type: "isMissing", params: { slot: "scheme" } }, target: "askScheme" },
        { guard: { type: "isMissing", params: { slot: "treatment" } }, target: "askTreatment" },
        { guard: { type: "isMissing", params: { slot: "setting" } }, target: "askSetting" },
        { guard: { type: "isMissing", params: { slot: "level" } }, target: "askLevel" },
        { guard: "zoneSettlesAsHome", target: "route", reenter: true, actions: "assumeZoneVisitor" },
        { guard: "needsVisitor", target: "askVisitor" },
        { guard: "needsStatus", target: "askStatus" },
        { guard: { type: "isMissing", params: { slot: "total" } }, target: "askTotal" },
        { guard: { type: "isMissing", params: { slot: "classB" } }, target: "askClassB" },
        { guard: { type: "isMissing", params: { slot: "outOfCatalog" } }, target: "askOutOfCatalog" },
        { target: "result" },
      ],
    },
    askInsured: ask("estimate", "insured"),
    askScheme: ask("estimate", "scheme"),
    askTreatment: ask("estimate", "treatment"),
    askSetting: ask("estimate", "setting"),
    askLevel: ask("estimate", "level"),
    askVisitor: ask("estimate", "visitor"),
    askStatus: ask("estimate", "status"),
    askTotal: ask("estimate", "total"),
    askClassB: ask("estimate", "classB"),
    askOutOfCatalog: ask("estimate", "outOfCatalog"),
    result: {
      on: {
        PICK_CHANGE: { target: "pickChange", actions: "clearProblem" },
        ANSWER: [{ guard: "isValidAnswer", target: "route", actions: "storeAnswer" }, { actions: "countFailedTry" }],
        INVALID: { actions: "countFailedTry" },
        // Shown again with the quoted figure said back and compared.
        TOLD: { target: "result", reenter: true, actions: "storeTold" },
        BACK: backToLastQuestion("estimate"),
      },
    },
    pickChange: {
      on: {
        CHANGE: { target: "route", actions: "forgetChosenAnswer" },
        ANSWER: [{ guard: "isValidAnswer", target: "route", actions: "storeAnswer" }, { actions: "countFailedTry" }],
        INVALID: { actions: "countFailedTry" },
        BACK: { target: "result", actions: "clearProblem" },
      },
    },
  },
});
