/**
 * Imports point one way: channels → conversation → flows → language / policy → places.
 * This test reads every source file's imports and fails on an arrow pointing back.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(new URL(import.meta.url).pathname), "../..");

function files(dir: string): string[] {
  const abs = join(root, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(abs, f));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)) {
    const spec = m[1] ?? m[2];
    if (!spec) continue;
    found.push(spec.startsWith(".") ? relative(root, resolve(dirname(file), spec)) : spec);
  }
  return found;
}

/** Layer of a project path, or null for a package. */
function layer(path: string): string | null {
  if (path.startsWith("src/places")) return "places";
  if (path.startsWith("src/policy")) return "policy";
  if (path.startsWith("src/language")) return "language";
  if (path.startsWith("src/messages")) return "messages";
  if (path.startsWith("flows")) return "flows";
  if (path.startsWith("src/conversation")) return "conversation";
  if (path.startsWith("src/store")) return "store";
  if (path.startsWith("src/channels") || path === "src/bot.ts" || path.startsWith("src/cli")) return "adapters";
  return null;
}

/** What each layer may import from the project. */
const allowed: Record<string, string[]> = {
  places: ["places"],
  policy: ["policy", "places", "messages"],
  language: ["language", "places", "messages"],
  messages: ["messages", "policy"],
  flows: ["flows", "policy", "language", "places", "messages", "conversation"],
  conversation: ["conversation", "flows", "policy", "language", "places", "messages"],
  store: ["store"],
  adapters: ["adapters", "conversation", "flows", "policy", "language", "places", "messages", "store"],
};

const forbiddenPackages: Record<string, RegExp> = {
  places: /^(grammy|@grammyjs|better-sqlite3|ioredis|xstate)/,
  policy: /^(grammy|@grammyjs|better-sqlite3|ioredis|xstate|pino)/,
  language: /^(grammy|@grammyjs|better-sqlite3|ioredis|xstate|pino)/,
  flows: /^(grammy|@grammyjs|better-sqlite3|ioredis|pino)/,
  messages: /^(grammy|@grammyjs|better-sqlite3|ioredis|xstate)/,
};

describe("imports point one way", () => {
  const all = [...files("src"), ...files("flows")];

  it("finds the source files", () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it("no layer imports one above it, and the pure layers import no channel or store package", () => {
    const violations: string[] = [];
    for (const file of all) {
      const from = layer(relative(root, file));
      if (!from) continue;
      for (const spec of importsOf(file)) {
        const to = layer(spec);
        if (to && !allowed[from]!.includes(to)) violations.push(`${relative(root, file)} → ${spec}`);
        const banned = forbiddenPackages[from];
        if (!to && banned?.test(spec)) violations.push(`${relative(root, file)} → ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
