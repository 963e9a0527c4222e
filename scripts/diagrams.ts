/**
 * Writes docs/diagrams.md, and the same diagrams into README.md between its diagram markers:
 * one Mermaid state diagram per machine, generated from the machine definitions themselves so
 * the pictures cannot drift from the code. `npm run diagrams`; test/flows/diagrams.test.ts
 * fails when either file is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AnyStateMachine, StateNode } from "xstate";
import { FLOWS, router } from "../flows/router.ts";

export const DIAGRAMS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), "../docs/diagrams.md");
export const README_FILE = resolve(dirname(fileURLToPath(import.meta.url)), "../README.md");
const START = "<!-- diagrams:start (npm run diagrams writes this part) -->";
const END = "<!-- diagrams:end -->";

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

const MACHINES = (): [string, AnyStateMachine][] => [["router", router], ...Object.entries(FLOWS)];

export function diagramsMarkdown(): string {
  const machines = MACHINES();
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

/** The README with its diagram section (between the markers) made anew; each machine folded. */
export function readmeWithDiagrams(readme: string): string {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from === -1 || to < from) throw new Error(`README.md has no ${START} … ${END} section`);
  const body = MACHINES().map(([title, machine]) =>
    ["<details>", `<summary>${title}</summary>`, "", "```mermaid", mermaid(machine), "```", "", "</details>"].join("\n"),
  );
  return `${readme.slice(0, from + START.length)}\n${body.join("\n\n")}\n${readme.slice(to)}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(DIAGRAMS_FILE, diagramsMarkdown());
  writeFileSync(README_FILE, readmeWithDiagrams(readFileSync(README_FILE, "utf8")));
  process.stdout.write(`wrote ${DIAGRAMS_FILE} and the diagrams in ${README_FILE}\n`);
}
