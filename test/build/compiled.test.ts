/**
 * The compiled build that `npm ci` makes (the `prepare` script: dist/): it imports no
 * TypeScript and no loader, and `yidi` runs it and answers as the sources do. Where no build
 * was made (a checkout without `npm ci`), there is nothing to check and the test says so.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const dist = join(root, "dist");
const built = existsSync(join(dist, "src/cli.js"));
const sentence = "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少";

describe.skipIf(!built)("the compiled build (dist/)", () => {
  it("imports no .ts file and no TypeScript loader", () => {
    const files = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js") && !f.startsWith("policies"));
    expect(files.length).toBeGreaterThan(30);
    const bad: string[] = [];
    for (const f of files) {
      const text = readFileSync(join(dist, f), "utf8");
      for (const m of text.matchAll(/(?:from\s+|import\()\s*["']([^"']+)["']/g)) if (/\.ts$|^tsx/.test(m[1]!)) bad.push(`${f} → ${m[1]}`);
    }
    expect(bad).toEqual([]);
  });

  it("yidi runs the build (no loader) and answers as the sources do", () => {
    const env = { PATH: process.env.PATH ?? "" };
    const compiled = spawnSync(process.execPath, [join(root, "bin/yidi.mjs"), "nlu", sentence], { env, encoding: "utf8", timeout: 60_000 });
    const source = spawnSync(process.execPath, [join(root, "bin/yidi.mjs"), "nlu", sentence], { env: { ...env, YIDI_SOURCE: "1" }, encoding: "utf8", timeout: 60_000 });
    expect(compiled.status).toBe(0);
    expect(JSON.parse(compiled.stdout)).toEqual(JSON.parse(source.stdout));
    // Run straight from dist/, with tsx unreachable: it still answers.
    const direct = spawnSync(process.execPath, [join(dist, "src/cli.js"), "nlu", sentence], { env: { ...env, NODE_PATH: "/nonexistent" }, cwd: "/", encoding: "utf8", timeout: 60_000 });
    expect(direct.status).toBe(0);
    expect(JSON.parse(direct.stdout).intent).toBe("estimate");
  }, 120_000);
});
