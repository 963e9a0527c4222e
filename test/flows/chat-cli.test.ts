/**
 * `yidi chat` as a process: the script mode prints one JSON line per message and never
 * touches the saved terminal chat; the interactive mode works without a TTY and resumes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Each case starts `yidi` (through tsx) once or more: seconds apiece on a busy machine. */
const PROCESS_TIMEOUT = 300_000;

const BIN = join(import.meta.dirname, "../../bin/yidi.mjs");

function yidi(args: string[], home: string, input = "") {
  return spawnSync(process.execPath, [BIN, "chat", ...args], { input, env: { ...process.env, YIDI_HOME: home }, encoding: "utf8", timeout: 120_000 });
}

describe("yidi chat", { timeout: PROCESS_TIMEOUT }, () => {
  it("--script --json: one JSON line per message, fresh, saved chat untouched", () => {
    const home = mkdtempSync(join(tmpdir(), "yidi-"));
    const script = join(home, "script.txt");
    writeFileSync(script, "我在苏州交的职工医保，在上海三甲医院住院花了3万，能报多少\n改一个答案\n");
    const r = yidi(["--script", script, "--json", "--date", "2025-08-01"], home);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { user: string; replies: { text: string; choices?: string[] }[] });
    expect(lines).toHaveLength(2);
    expect(lines[0]!.user).toContain("苏州");
    expect(lines[0]!.replies[0]!.text).toContain("总费用");
    expect(lines[0]!.replies.at(-1)!.choices).toContain("改一个答案");
    expect(lines[1]!.replies[0]!.text).toContain("想改哪一项");
    expect(existsSync(join(home, "terminal.json"))).toBe(false);
  });

  it("interactive without a TTY reads stdin, saves the chat and resumes it", () => {
    const home = mkdtempSync(join(tmpdir(), "yidi-"));
    const first = yidi([], home, "3\n苏州\n");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("回复 1、2、3 或 4");
    expect(first.stdout).toContain("职工医保还是居民医保");
    const saved = readFileSync(join(home, "terminal.json"), "utf8");
    expect(saved.length).toBeLessThan(2048);
    const again = yidi([], home, "");
    expect(again.stdout).toContain("欢迎回来");
    expect(again.stdout).toContain("职工医保还是居民医保");
  });

  it("refuses an unknown argument and a missing script with a short message", () => {
    const home = mkdtempSync(join(tmpdir(), "yidi-"));
    expect(yidi(["--nope"], home).status).toBe(2);
    const r = yidi(["--script", join(home, "missing.txt")], home);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("无法读取");
  });
  it("--date refuses a day that does not exist (2026-02-31 is not rolled over to 03-03) and takes a leap day", () => {
    const home = mkdtempSync(join(tmpdir(), "yidi-"));
    const script = join(home, "script.txt");
    writeFileSync(script, "你好\n");
    for (const bad of ["2026-02-31", "2025-02-29", "2026-13-01"]) {
      const r = yidi(["--script", script, "--json", "--date", bad], home);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("YYYY-MM-DD");
      expect(r.stdout).toBe("");
    }
    expect(yidi(["--script", script, "--json", "--date", "2028-02-29"], home).status).toBe(0);
  });
});
