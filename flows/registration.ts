/**
 * Registration (备案), guided one step a message: channels, materials, the taps in the app,
 * review time, checking the result, validity and changes. Back, next, or the whole
 * checklist at once.
 */
import { ask, backToLastQuestion, flowSetup, initialContext } from "./common.ts";

export const REGISTRATION_STEPS = ["step1", "step2", "step3", "step4", "step5", "step6"] as const;

function step(prev: string, next: string) {
  return {
    on: {
      // A message that names a place or a category mid-way updates the answers and starts the steps again.
      ANSWER: [{ guard: "isValidAnswer", target: "route", actions: "storeAnswer" }, { actions: "countFailedTry" }],
      INVALID: { actions: "countFailedTry" },
      NEXT: { target: next, actions: "clearProblem" },
      BACK: { target: prev, actions: "clearProblem" },
      ALL: { target: "checklist", actions: "clearProblem" },
    },
  } as const;
}

export const registrationFlow = flowSetup.createMachine({
  id: "registration",
  context: ({ input }) => initialContext(input),
  initial: "route",
  states: {
    route: {
      always: [
        { guard: { type: "isMissing", params: { slot: "insured" } }, target: "askInsured" },
        { guard: { type: "isMissing", params: { slot: "treatment" } }, target: "askTreatment" },
        { guard: "isSamePool", target: "notNeeded" },
        { guard: { type: "isMissing", params: { slot: "category" } }, target: "askCategory" },
        { target: "step1" },
      ],
    },
    askInsured: ask("registration", "insured"),
    askTreatment: ask("registration", "treatment"),
    askCategory: ask("registration", "category"),
    notNeeded: {
      on: {
        ANSWER: [{ guard: "isValidAnswer", target: "route", actions: "storeAnswer" }, { actions: "countFailedTry" }],
        INVALID: { actions: "countFailedTry" },
        BACK: backToLastQuestion("registration"),
      },
    },
    step1: {
      on: {
        ANSWER: [{ guard: "isValidAnswer", target: "route", actions: "storeAnswer" }, { actions: "countFailedTry" }],
        INVALID: { actions: "countFailedTry" },
        NEXT: { target: "step2", actions: "clearProblem" },
        BACK: backToLastQuestion("registration"),
        ALL: { target: "checklist", actions: "clearProblem" },
      },
    },
    step2: step("step1", "step3"),
    step3: step("step2", "step4"),
    step4: step("step3", "step5"),
    step5: step("step4", "step6"),
    step6: step("step5", "done"),
    done: {
      on: {
        ANSWER: [{ guard: "isValidAnswer", target: "route", actions: "storeAnswer" }, { actions: "countFailedTry" }],
        INVALID: { actions: "countFailedTry" },
        BACK: { target: "step6", actions: "clearProblem" },
        ALL: { target: "checklist", actions: "clearProblem" },
      },
    },
    checklist: {
      on: {
        ANSWER: [{ guard: "isValidAnswer", target: "route", actions: "storeAnswer" }, { actions: "countFailedTry" }],
        INVALID: { actions: "countFailedTry" },
        NEXT: { target: "step1", actions: "clearProblem" },
        BACK: { target: "step1", actions: "clearProblem" },
      },
    },
  },
});
