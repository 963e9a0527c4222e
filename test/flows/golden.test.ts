/**
 * Golden transcripts: whole conversations a newcomer would have, compared exactly with the
 * stored JSON lines (the `yidi chat --script --json` format). After an intended change of
 * wording, data or parsing, regenerate and review the diff:
 *   UPDATE_GOLDEN=1 npx vitest run test/flows/golden.test.ts
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runScript } from "../../src/channels/terminal.ts";
import { MemoryStore } from "../../src/store/index.ts";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "../golden");
const NOW = new Date("2025-08-01T12:00:00Z");
const scripts = readdirSync(DIR).filter((f) => f.endsWith(".txt")).sort();

async function transcript(file: string): Promise<string> {
  const lines = readFileSync(join(DIR, file), "utf8").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const out: string[] = [];
  await runScript(lines, (l) => out.push(l), { json: true, now: NOW, store: new MemoryStore() });
  return `${out.join("\n")}\n`;
}

describe("golden transcripts", () => {
  it("has the six conversations", () => {
    expect(scripts.length).toBeGreaterThanOrEqual(6);
  });
  it.each(scripts)("%s matches its transcript", async (file) => {
    const golden = join(DIR, file.replace(/\.txt$/, ".jsonl"));
    const actual = await transcript(file);
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, actual);
    expect(existsSync(golden)).toBe(true);
    expect(actual).toBe(readFileSync(golden, "utf8"));
    // Every message got a reply, and each transcript line is the documented shape.
    for (const line of actual.trim().split("\n")) {
      const parsed = JSON.parse(line) as { user: string; replies: { text: string; choices?: string[] }[] };
      expect(parsed.replies.length).toBeGreaterThan(0);
    }
  });
  it("answers the one-message estimate in the first reply, with its assumptions", async () => {
    const first = JSON.parse((await transcript("one-message-estimate.txt")).split("\n")[0]!) as { replies: { text: string }[] };
    expect(first.replies[0]!.text).toMatch(/总费用|没法估算/);
  });
});
