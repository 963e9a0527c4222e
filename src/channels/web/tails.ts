/**
 * The newest entries this process wrote to each session's transcript, kept with the version of
 * the conversation written in the same write: a message whose turn is applied to that version
 * finds them here instead of reading the log. The conversation and its transcript lines are
 * written together, so an unchanged version means no message was added since, here or on another
 * instance; a saved summary's line, appended alone, carries no buttons and so changes no label.
 * Only the buttons are kept (a pressed button's label is all a message reads of earlier entries).
 *
 * A session whose id this process has just made (a new visitor's page) is kept too, as one with
 * nothing written and no conversation (version null): its first message needs no read to know
 * that it answers the greeting. The id is new and random, so only a turn can have written to it
 * since, and a turn writes the conversation too, which is then no longer at version null.
 */
import type { Choice } from "../../conversation/index.ts";
import type { Entry } from "./transcript.ts";
import { BoundedMap } from "../../util/bounded-map.ts";

export interface Tail {
  /** The newest entries' buttons, oldest first, at most `RECENT` of them. */
  choices: (Choice[] | undefined)[];
  /** Whether these are all of the newest `RECENT` entries (else older ones were not read). */
  whole: boolean;
  /** Nothing at all is written yet (a session made here, before its first message). */
  empty?: boolean;
}

const KEPT = 4096;

export class Tails {
  /** The session written longest ago goes first. */
  private readonly kept = new BoundedMap<string, { version: number | null; tail: Tail }>(KEPT);
  constructor(private readonly recent: number) {}

  /** The tail written with `version`, if that is what this process wrote last. */
  at(session: string, version: number | null): Tail | undefined {
    const known = this.kept.get(session);
    return known !== undefined && known.version === version ? known.tail : undefined;
  }

  /** A session made here just now: nothing written under it, no conversation. */
  fresh(session: string): void {
    this.keep(session, null, { choices: [], whole: true, empty: true });
  }

  /** After a write: `added` went after `before` (null: what was before is not known here), under `version`. */
  wrote(session: string, version: number, before: Tail | null, added: Entry[]): void {
    const choices = [...(before?.choices ?? []), ...added.map((e) => e.choices)].slice(-this.recent);
    const whole = before ? before.whole || before.choices.length + added.length >= this.recent : added.length >= this.recent;
    this.keep(session, version, { choices, whole });
  }

  private keep(session: string, version: number | null, tail: Tail): void {
    this.kept.refresh(session, { version, tail });
  }

  drop(session: string): void {
    this.kept.delete(session);
  }
}
