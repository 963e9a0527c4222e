/**
 * Machines stepped as pure functions, without an actor per step. XState's own `transition()`
 * and `initialTransition()` build a throwaway actor on every call, and an actor's constructor
 * computes the machine's whole initial state (its context and `always` transitions) before
 * anything else: at every turn that was the largest single cost, paid for nothing. Our machines
 * only assign (no children, no delayed or sent events, no effects), so one inert scope per
 * machine serves every call, and the result is the same snapshot the throwaway actor gave.
 *
 * Unlike an actor, these throw what a guard or action throws: the caller decides what a failed
 * step means (the router's turn fails and keeps the stored state, see step.ts).
 */
import { createActor, type AnyActorScope, type AnyStateMachine, type EventFromLogic, type InputFrom, type SnapshotFrom } from "xstate";

const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();

/** The scope XState's `transition()` makes for each call, made once per machine; effects are dropped as there. */
function scopeOf(machine: AnyStateMachine): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    scope = {
      self,
      defer: () => {},
      id: "",
      logger: () => {},
      sessionId: "",
      stopChild: () => {},
      system: self.system,
      emit: () => {},
      actionExecutor: () => {},
    } as AnyActorScope;
    scopes.set(machine, scope);
  }
  return scope;
}

/** The machine's initial snapshot for `input` (a failure gives a snapshot with status "error", as in XState). */
export function initialSnapshot<M extends AnyStateMachine>(machine: M, input?: InputFrom<M>): SnapshotFrom<M> {
  return machine.getInitialSnapshot(scopeOf(machine), input) as SnapshotFrom<M>;
}

/** The snapshot after `event` (the whole macrostep). Throws what the machine's guards and actions throw. */
export function nextSnapshot<M extends AnyStateMachine>(machine: M, snapshot: SnapshotFrom<M>, event: EventFromLogic<M>): SnapshotFrom<M> {
  return machine.transition(snapshot, event, scopeOf(machine)) as SnapshotFrom<M>;
}
