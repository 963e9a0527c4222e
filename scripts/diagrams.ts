/**
 * Writes docs/diagrams.md: one Mermaid state diagram per machine, generated from the machine
 * definitions themselves so the pictures cannot drift from the code. `npm run diagrams`;
 * test/flows/diagrams.test.ts fails when the file is out of date.
 */
import { writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AnyStateMachine, StateNode } from "xstate";
import { FLOWS, router } from "../flows/router.ts";

export const DIAGRAMS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), "../docs/diagrams.md");

function describeRef(ref: unknown): string {
  if (!ref) return "";
  if (typeof ref === "string") return ref;
  if (typeof ref === "function") return ref.name || "fn";
  const o = ref as { type?: string; params?: Record<string, unknown> };
  const params = o.params ? Object.values(o.params).map(String).join(", ") : "";
  return params ? `${o.type}(${params})` : String(o.type ?? "");
}

function label(event: string, guard: unknown, actions: readonly unknown[]): string {
  const g = describeRef(guard);
  const a = actions.map(describeRef).filter((x) => x && !x.startsWith("xstate.")).join(", ");
  return `${event}${g ? ` [${g}]` : ""}${a ? ` / ${a}` : ""}`.replace(/:/g, "：");
}

function name(node: StateNode<any, any>): string {
  return node.key;
}

/** One machine as a Mermaid stateDiagram-v2. */
export function mermaid(machine: AnyStateMachine): string {
  const lines = ["stateDiagram-v2"];
  const root = machine.root;
  lines.push(`  [*] --> ${String(root.config.initial)}`);
  const emit = (from: string, node: StateNode<any, any>) => {
    for (const [event, defs] of node.transitions) {
      for (const def of defs) {
        const target = def.target?.[0];
        const to = target ? name(target) : from;
        lines.push(`  ${from} --> ${to} : ${label(event, def.guard, def.actions)}`);
      }
    }
    for (const def of node.always ?? []) {
      const target = def.target?.[0];
      lines.push(`  ${from} --> ${target ? name(target) : from} : ${label("always", def.guard, def.actions)}`);
    }
  };
  if (root.transitions.size > 0) {
    lines.push(`  state "任何状态" as anywhere`);
    emit("anywhere", root);
  }
  for (const node of Object.values(root.states)) emit(name(node), node);
  return lines.join("\n");
}

export function diagramsMarkdown(): string {
  const machines: [string, AnyStateMachine][] = [["router", router], ...Object.entries(FLOWS)];
  const parts = [
    "# Conversation flows as state charts",
    "",
    "Generated from the machine definitions by `npm run diagrams` (scripts/diagrams.ts); do not edit by hand.",
    "Labels read `EVENT [guard] / action`; `always` transitions are taken as soon as their guard holds.",
    "",
  ];
  for (const [title, machine] of machines) parts.push(`## ${title}`, "", "```mermaid", mermaid(machine), "```", "");
  return parts.join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(DIAGRAMS_FILE, diagramsMarkdown());
  process.stdout.write(`wrote ${DIAGRAMS_FILE}\n`);
}
