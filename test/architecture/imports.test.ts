/**
 * Imports point one way (../shared/architecture.md):
 *   channels → conversation → flows → language / policy → places
 * Every file under src/, flows/ and bench/ has a layer, and may import only the layers listed
 * for it. Channels reach the house only through the conversation; the store is the
 * conversation's, and only the composition roots named below open one and hand it on.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(new URL(import.meta.url).pathname), "../..");

/**
 * The composition roots: processes that open a store and wire the channels to it. Nothing else
 * may import src/store (bench/ builds its own processes too).
 */
const ROOTS = new Set([
  "src/bot.ts", // npm run bot
  "src/web.ts", // npm run web
  "src/serve.ts", // what those two share: settings, stopping on signals
  "src/cli.ts", // the yidi command's dispatcher
  "src/cli/chat.ts", // yidi chat: the terminal's store (a file, or memory for a script)
]);

type Layer = "util" | "places" | "policy" | "language" | "messages" | "flows" | "conversation" | "store" | "infra" | "channels" | "root" | "bench" | "test";

/** Layer of a project path; null when a file has none (which fails the test: give it one). */
export function layer(path: string): Layer | null {
  if (ROOTS.has(path)) return "root";
  if (path.startsWith("src/util/")) return "util";
  if (path.startsWith("src/places/")) return "places";
  if (path.startsWith("src/policy/")) return "policy";
  if (path.startsWith("src/language/")) return "language";
  if (path.startsWith("src/messages/")) return "messages";
  if (path.startsWith("flows/")) return "flows";
  if (path.startsWith("src/conversation/")) return "conversation";
  if (path.startsWith("src/store/")) return "store";
  if (path === "src/log.ts" || path === "src/config.ts") return "infra";
  if (path.startsWith("src/channels/") || path.startsWith("src/cli/")) return "channels";
  if (path.startsWith("bench/")) return "bench";
  if (path.startsWith("test/")) return "test";
  return null;
}

const HOUSE: Layer[] = ["util", "places", "policy", "language", "messages", "flows", "conversation", "store", "infra", "channels", "root"];

/** What each layer may import from the project. The message catalogue is read by every layer. */
const allowed: Record<Layer, Layer[]> = {
  // Small helpers with no knowledge of the house (a bounded map): below everything, usable by all.
  util: ["util"],
  places: ["places", "util"],
  // The rules decide; they never word: an estimate's steps, assumptions and warnings leave the
  // evaluator as data, and src/messages words them (issue 11).
  policy: ["policy", "places", "util"],
  language: ["language", "places", "messages", "util"],
  // The catalogue words policy results (an estimate's steps), so it reads them.
  messages: ["messages", "policy", "places", "util"],
  flows: ["flows", "policy", "language", "places", "messages", "util"],
  conversation: ["conversation", "flows", "policy", "language", "places", "messages", "store", "util"],
  store: ["store", "util"],
  // The logger redacts what it writes.
  infra: ["infra", "language", "messages", "util"],
  channels: ["channels", "conversation", "messages", "infra", "util"],
  root: ["root", "channels", "conversation", "store", "messages", "infra", "util"],
  // Benchmarks build their own processes from the house, never from tests.
  bench: ["bench", ...HOUSE],
  test: ["test", "bench", ...HOUSE],
};

/** The one file of the policy layer the language layer may read: the terms (zod enums, no rules). */
const TERMS = "src/policy/terms.ts";

const forbiddenPackages: Partial<Record<Layer, RegExp>> = {
  util: /^(grammy|@grammyjs|better-sqlite3|ioredis|xstate|pino|fastify|@fastify|zod|decimal)/,
  places: /^(grammy|@grammyjs|better-sqlite3|ioredis|xstate|fastify|@fastify)/,
  policy: /^(grammy|@grammyjs|better-sqlite3|ioredis|xstate|pino|fastify|@fastify)/,
  language: /^(grammy|@grammyjs|better-sqlite3|ioredis|xstate|pino|fastify|@fastify)/,
  flows: /^(grammy|@grammyjs|better-sqlite3|ioredis|pino|fastify|@fastify)/,
  messages: /^(grammy|@grammyjs|better-sqlite3|ioredis|xstate|fastify|@fastify)/,
  conversation: /^(grammy|@grammyjs|better-sqlite3|ioredis|fastify|@fastify)/,
  store: /^(grammy|@grammyjs|xstate|fastify|@fastify)/,
};

export interface SourceFile {
  path: string;
  /** Project paths (relative to the repository) or package names. */
  imports: string[];
}

/** Every arrow that points the wrong way, and every file without a layer. */
export function violations(files: SourceFile[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const from = layer(file.path);
    if (!from) {
      found.push(`${file.path}: no layer`);
      continue;
    }
    for (const spec of file.imports) {
      const isPackage = !/^(src|flows|bench|test)\//.test(spec) && !spec.startsWith("..");
      if (isPackage) {
        if (forbiddenPackages[from]?.test(spec)) found.push(`${file.path} → ${spec} (package)`);
        continue;
      }
      // The parse names schemes, settings and categories in the policy's own terms (one list, issue 11).
      if (from === "language" && spec === TERMS) continue;
      const to = layer(spec);
      if (!to || !allowed[from].includes(to)) found.push(`${file.path} (${from}) → ${spec} (${to ?? "outside"})`);
    }
  }
  return found;
}

function sources(dir: string): string[] {
  const abs = join(root, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|mts|mjs|js)$/.test(f))
    .map((f) => join(abs, f));
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|^import\s+["']([^"']+)["']/gm)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec || spec.startsWith("node:")) continue;
    found.push(spec.startsWith(".") ? relative(root, resolve(dirname(file), spec)) : spec);
  }
  return found;
}

describe("imports point one way", () => {
  const all: SourceFile[] = [...sources("src"), ...sources("flows"), ...sources("bench")].map((file) => ({ path: relative(root, file), imports: importsOf(file) }));

  it("finds the source files, benchmarks and composition roots", () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((f) => f.path.startsWith("bench/")).length).toBeGreaterThan(3);
    for (const r of ROOTS) expect(all.some((f) => f.path === r)).toBe(true);
  });

  it("every file has a layer, and no import points the wrong way", () => {
    expect(violations(all)).toEqual([]);
  });

  it("no channel calls the flows, the rules or the store but through the conversation", () => {
    const channels = all.filter((f) => layer(f.path) === "channels");
    expect(channels.length).toBeGreaterThan(20);
    const reaching = channels.flatMap((f) => f.imports.filter((i) => /^(src\/(policy|language|places|store)|flows)\//.test(i)).map((i) => `${f.path} → ${i}`));
    expect(reaching).toEqual([]);
  });

  it("the policy layer imports nothing from the catalogue, the conversation or the flows", () => {
    const policy = all.filter((f) => layer(f.path) === "policy");
    expect(policy.length).toBeGreaterThan(20);
    const reaching = policy.flatMap((f) => f.imports.filter((i) => /^(src\/(messages|conversation)|flows)\//.test(i)).map((i) => `${f.path} → ${i}`));
    expect(reaching).toEqual([]);
  });

  it("fails on a violation", () => {
    const bad: SourceFile[] = [
      { path: "src/channels/telegram/bot.ts", imports: ["src/store/index.ts"] },
      { path: "src/channels/http/api.ts", imports: ["src/policy/evaluate.ts"] },
      { path: "flows/router.ts", imports: ["src/conversation/index.ts"] },
      { path: "src/policy/evaluate.ts", imports: ["flows/answers.ts"] },
      { path: "src/policy/settle.ts", imports: ["src/messages/policy.ts"] },
      { path: "src/policy/resolve.ts", imports: ["src/conversation/results.ts"] },
      { path: "src/store/redis.ts", imports: ["src/conversation/index.ts"] },
      { path: "bench/bot.ts", imports: ["test/bot/harness.ts"] },
      { path: "src/conversation/handle.ts", imports: ["src/channels/telegram/bot.ts"] },
      { path: "src/language/parse.ts", imports: ["xstate"] },
      { path: "src/language/parse.ts", imports: ["src/policy/evaluate.ts"] },
      { path: "src/somewhere.ts", imports: [] },
      { path: "src/util/bounded-map.ts", imports: ["src/places/index.ts"] },
      { path: "src/util/bounded-map.ts", imports: ["fastify"] },
    ];
    for (const file of bad) expect(violations([file]), file.path).toHaveLength(1);
    // …while what the house does is allowed.
    const good: SourceFile[] = [
      { path: "src/bot.ts", imports: ["src/store/index.ts", "src/channels/telegram/app.ts", "grammy"] },
      { path: "src/channels/web/turn.ts", imports: ["src/conversation/index.ts", "src/messages/web.ts"] },
      { path: "src/conversation/handle.ts", imports: ["src/store/index.ts", "flows/router.ts"] },
      { path: "src/language/types.ts", imports: ["src/policy/terms.ts"] },
      { path: "src/channels/web/tails.ts", imports: ["src/util/bounded-map.ts"] },
      { path: "src/conversation/written.ts", imports: ["src/util/bounded-map.ts"] },
    ];
    expect(violations(good)).toEqual([]);
  });
});
