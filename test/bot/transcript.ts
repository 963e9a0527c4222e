/**
 * Reads a chat's transcript after faults against what a run without faults sends, for the
 * kill test. A turn counts as answered by its reply, or, when the process died after storing
 * the turn and before sending all of it, by the part that went out followed by the restated
 * question the redelivery sends. Nothing else may stand in between.
 *
 * The reader never searches ahead: the test's script repeats itself every cycle, so the reply
 * of a turn whose answer was restated is found again, word for word, one cycle later. Searching
 * for it there skipped a whole cycle and reported the chat's last ten replies as lost, which is
 * what made the kill test look flaky under load (the window between storing a turn and sending
 * its reply is hit more often on a slow machine).
 */
import { handleMessage, type UserInput } from "../../src/conversation/index.ts";
import { renderReply } from "../../src/channels/telegram/render.ts";

export interface Expected {
  /** What a run without faults sends for each message. */
  bodies: string[][];
  /** What restates the conversation after each message (sent instead when that reply was lost). */
  restated: string[][];
  /** The stored string the conversation ends in. */
  stored: string;
}

function inputOf(text: string): UserInput {
  return text.startsWith("/") ? { type: "command", name: text.slice(1) } : { type: "text", text };
}

/** The replies a run without faults gives to `script`, turn by turn. */
export function reference(script: string[]): Expected {
  let stored: string | null = null;
  const bodies: string[][] = [];
  const restated: string[][] = [];
  for (const text of script) {
    const out = handleMessage(stored, inputOf(text));
    stored = out.stored;
    bodies.push(out.replies.flatMap(renderReply));
    restated.push(handleMessage(stored, { type: "command", name: "resume" }).replies.flatMap(renderReply));
  }
  return { bodies, restated, stored: stored! };
}

const startsAt = (part: string[], actual: string[], at: number) => part.length > 0 && part.every((body, i) => actual[at + i] === body);
const short = (s: string | undefined) => (s === undefined ? "nothing" : JSON.stringify(s.slice(0, 30)));

/**
 * The faults in `actual` (empty when every turn is answered), each saying what was expected
 * and what was found. Besides each turn's answer, only repeats of the previous turn's restated
 * question are allowed (a redelivered latest update is answered with its question again). A
 * fault is a turn without an answer, or a message that is none of these (an apology, an answer
 * to the wrong question).
 *
 * Read as the explanation with the fewest faults, not greedily: the same words can be a
 * restated question, the next turn's reply and a restatement of it, and a greedy reading
 * misattributes them.
 */
export function missing(expected: Expected, actual: string[]): string[] {
  const turns = expected.bodies.length;
  type Step = { cost: number; next?: [number, number]; fault?: string };
  const memo = new Map<number, Step>();
  const best = (i: number, at: number): Step => {
    const key = i * (actual.length + 1) + at;
    const known = memo.get(key);
    if (known) return known;
    const options: Step[] = [];
    const via = (cost: number, next: [number, number], fault?: string) => options.push({ cost: cost + best(...next).cost, next, ...(fault ? { fault } : {}) });
    const before = i > 0 ? expected.restated[i - 1]! : [];
    if (startsAt(before, actual, at)) via(0, [i, at + before.length]);
    if (i === turns) {
      if (at < actual.length) via(1, [i, at + 1], `after the last turn: ${short(actual[at])}`);
      else options.push({ cost: 0 });
    } else {
      const bodies = expected.bodies[i]!;
      const restated = expected.restated[i]!;
      let sent = 0;
      while (sent < bodies.length && actual[at + sent] === bodies[sent]) sent++;
      if (sent === bodies.length) via(0, [i + 1, at + sent]);
      // The process died after storing the turn: what went out of its reply, then the restated question.
      for (let part = 0; part <= sent && part < bodies.length; part++) if (startsAt(restated, actual, at + part)) via(0, [i + 1, at + part + restated.length]);
      via(1, [i + 1, at], `#${i}: expected ${short(bodies[0])}, found ${short(actual[at])}`);
      if (at < actual.length) via(1, [i, at + 1], `#${i}: unexpected ${short(actual[at])}`);
    }
    const step = options.reduce((a, b) => (b.cost < a.cost ? b : a));
    memo.set(key, step);
    return step;
  };
  const faults: string[] = [];
  for (let step = best(0, 0); step.next; step = best(...step.next)) if (step.fault) faults.push(step.fault);
  return faults;
}
