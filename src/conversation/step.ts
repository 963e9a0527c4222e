/**
 * One input applied to a stored conversation, without I/O: restore → interpret → flows → view
 * → persist. `handle` (handle.ts) wraps it in the store's compare-and-set for every channel.
 */
import { nextSnapshot } from "../../flows/pure.ts";
import { activeFlow, router } from "../../flows/router.ts";
import { flowMessages as m } from "../messages/flows.ts";
import { interpret, MAX_TEXT } from "./interpret.ts";
import type { Reply, UserInput } from "./reply.ts";
import type { StepResult } from "./turn.ts";
import { initialRouter, persist, resume, type RouterSnapshot } from "./store.ts";
import { currentChoices, view } from "./view.ts";

/** A pause after which a returning person is told the conversation carries on where it was. */
const IDLE_MS = 12 * 60 * 60 * 1000;

/** A machine failed while applying a message: the turn is refused and the stored state kept. */
class TurnFailed extends Error {
  override readonly name = "TurnFailed";
  constructor(readonly pending: Reply[]) {
    super("the flows could not apply the message");
  }
}

function run(stored: string | null, input: UserInput, now: Date, replacing: string | null = stored): StepResult {
  const restored = resume(stored);
  const before = restored.snapshot ?? initialRouter();
  // Failing at start means the stored snapshot itself is unusable: the caller starts afresh.
  if (before.status !== "active") throw new Error("restored conversation failed to start");
  const event = interpret(input, {
    value: String(before.value),
    ctx: before.context,
    choices: currentChoices(before.value, before.context, now),
  });
  let after: RouterSnapshot | undefined;
  try {
    after = nextSnapshot(router, before, event);
  } catch {
    // A guard or an action threw (a forged answer, a bug): caught here, it is a failed turn,
    // never an exception that outlives the turn.
  }
  if (!after || after.status !== "active") {
    // The message could not be applied: the person keeps the state as it was, and is asked the
    // pending question again.
    const calm = { ...before.context, note: undefined };
    throw new TurnFailed(view(before.value, calm, now));
  }
  const replies = view(after.value, after.context, now);
  // Back after a long pause in the middle of a flow: say where we are instead of silently going on.
  const since = restored.updatedAt ? now.getTime() - Date.parse(restored.updatedAt) : 0;
  const away = restored.inFlow && since > IDLE_MS && activeFlow(after.value) !== undefined;
  const prefix: Reply[] = restored.problem ? [{ text: m.resetApology }] : away ? [{ text: m.welcomeBackFlow }] : [];
  if (input.type === "text" && typeof input.text === "string" && input.text.length > MAX_TEXT) prefix.push({ text: m.tooLong(MAX_TEXT) });
  const { stored: next, kept } = persist(after, now, replacing);
  return { replies: [...prefix, ...replies], stored: next, kept };
}

/** One message, the full round trip a stateless server does. Never throws; a damaged/old stored value is reset with an apology reply. */
export function handleMessage(stored: string | null, input: UserInput, now: Date = new Date()): StepResult {
  try {
    return run(stored, input, now);
  } catch (error) {
    if (error instanceof TurnFailed && stored !== null) {
      const [first, ...rest] = error.pending;
      const again: Reply[] = first ? [{ ...first, text: `${m.turnFailed}\n${first.text}` }, ...rest] : [{ text: m.turnFailed }];
      return { replies: again, stored };
    }
    // Last line of defence: whatever went wrong, the person gets a fresh start and a reply.
    try {
      const fresh = run(null, { type: "command", name: "start" }, now, stored);
      return { replies: [{ text: m.resetApology }, ...fresh.replies], stored: fresh.stored, kept: fresh.kept };
    } catch {
      return { replies: [{ text: m.resetApology }], stored: "" };
    }
  }
}

let opening: Reply[] | undefined;
/** What a new person sees first (the conversation's own start), for channels that show it before anything is stored. */
export function greeting(): Reply[] {
  return (opening ??= handleMessage(null, { type: "command", name: "start" }).replies);
}
