/**
 * What the CLI reads is bounded: a device (/dev/zero), a FIFO nobody writes to, an oversized
 * file or an endless stdin each end at once with a clear message, never a hang or a full
 * memory; and with --json, stdout is JSON and nothing else (YAML warnings go to stderr).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(new URL(".", import.meta.url).pathname, "../..");
const bin = join(root, "bin/yidi.mjs");
const dir = mkdtempSync(join(tmpdir(), "yidi-limits-"));
const fifo = join(dir, "fifo");
execFileSync("mkfifo", [fifo]);
const scenario = readFileSync(join(root, "examples/worked-check/scenario.json"), "utf8");
const policy = readFileSync(join(root, "examples/worked-check/policy.yaml"), "utf8");

/** Runs yidi; stdin is `input`, or the file `stdinFile` (e.g. /dev/zero). A hang is killed after 60 s and fails. */
function yidi(args: string[], o: { input?: string; stdinFile?: string } = {}) {
  const fd = o.stdinFile ? openSync(o.stdinFile, "r") : undefined;
  try {
    const r = spawnSync(process.execPath, [bin, ...args], {
      cwd: root,
      input: fd === undefined ? (o.input ?? "") : undefined,
      stdio: [fd ?? "pipe", "pipe", "pipe"],
      encoding: "utf8",
      timeout: 60_000,
      maxBuffer: 4 * 1024 * 1024,
    });
    return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Each case starts a process or two; a loaded machine takes seconds for each. */
const LONG = 240_000;

const jsonError = (out: string) => (JSON.parse(out) as { error: { code: string; message: string; errors?: { message: string }[] } }).error;

describe("yidi estimate: scenario input is bounded", { timeout: LONG }, () => {
  it.each([
    ["/dev/zero", "/dev/zero", "not_a_file"],
    ["a FIFO nobody writes to", fifo, "not_a_file"],
    ["a directory", dir, "not_a_file"],
  ])("%s: refused at once, with a clear JSON error", (_name, file, code) => {
    const r = yidi(["estimate", "--json", file]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(1);
    const error = jsonError(r.out);
    expect(error.code).toBe(code);
    expect(error.message).toContain("不是普通文件");
    expect(r.err).toBe("");
  });

  it("a file over 64 KB is refused as too large (in plain text on stderr without --json)", () => {
    const big = join(dir, "big.json");
    writeFileSync(big, scenario.replace("{", `{${" ".repeat(70 * 1024)}`));
    const r = yidi(["estimate", big]);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toContain("太大（超过 64 KB）");
  });

  it("stdin: /dev/zero and 10 MB of input end with 'too large', not with the memory full", () => {
    for (const r of [yidi(["estimate", "--json", "-"], { stdinFile: "/dev/zero" }), yidi(["estimate", "--json", "-"], { input: " ".repeat(10 * 1024 * 1024) })]) {
      expect(r.signal).toBeNull();
      expect(r.code).toBe(1);
      expect(jsonError(r.out).code).toBe("too_large");
    }
  });

  it("a scenario just under the limit is still read", () => {
    const padded = join(dir, "padded.json");
    writeFileSync(padded, scenario.replace("{", `{${" ".repeat(60 * 1024)}`));
    const r = yidi(["estimate", "--json", "--policy", "examples/worked-check/policy.yaml", padded]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).youPay).toBe("7900.00");
  });
});

describe("yidi estimate / policies: --policy files are bounded", { timeout: LONG }, () => {
  it.each([
    ["/dev/zero", "/dev/zero", "不是普通文件"],
    ["a FIFO nobody writes to", fifo, "不是普通文件"],
    ["a file over 1 MB", "big-policy", "文件太大"],
  ])("%s: refused with the file named", (_name, file, message) => {
    let path = file;
    if (file === "big-policy") writeFileSync((path = join(dir, "big.yaml")), `${policy}\n${"# padding\n".repeat(120_000)}`);
    // estimate for the devices, policies for the big file: both load --policy files the same way.
    {
      const r = file === "big-policy" ? yidi(["policies", "--json", "--policy", path]) : yidi(["estimate", "--json", "--policy", path, "-"], { input: scenario });
      expect(r.signal).toBeNull();
      expect(r.code).toBe(1);
      const error = jsonError(r.out);
      expect(error.code).toBe("bad_policy_file");
      expect(error.errors?.[0]?.message).toContain(message);
    }
  });
});

describe("yidi chat --script: script files are bounded", { timeout: LONG }, () => {
  it.each([
    ["/dev/zero", "/dev/zero", "不是普通文件"],
    ["a FIFO nobody writes to", fifo, "不是普通文件"],
    ["a file over 1 MB", "big-script", "太大（超过 1 MB）"],
  ])("%s: refused with a message, exit 2", (_name, file, message) => {
    let path = file;
    if (file === "big-script") writeFileSync((path = join(dir, "big.txt")), "你好\n".repeat(200_000));
    const r = yidi(["chat", "--script", path, "--json"]);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain(message);
  });

  it("--script - reading /dev/zero ends with 'too large'", () => {
    const r = yidi(["chat", "--script", "-", "--json"], { stdinFile: "/dev/zero" });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.err).toContain("太大");
  });
});

describe("--json output is machine-clean", { timeout: LONG }, () => {
  it("a policy file with an unknown YAML tag: stdout parses as JSON, the warning is one line on stderr", () => {
    const tagged = join(dir, "tagged.yaml");
    writeFileSync(tagged, policy.replace("name: 示例市", "name: !city 示例市"));
    expect(readFileSync(tagged, "utf8")).toContain("!city");
    const r = yidi(["estimate", "--json", "--policy", tagged, "-"], { input: scenario });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).youPay).toBe("7900.00");
    expect(r.err).toMatch(/^注意：政策文件 .*tagged\.yaml（第 \d+ 行）：未识别的标签/);
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  it("a YAML construct the library warns about (a collection as a key) writes no Node warning", () => {
    const keyed = join(dir, "keyed.yaml");
    writeFileSync(keyed, `${policy}\n? [a, b]\n: c\n`);
    const r = yidi(["policies", "--json", "--policy", keyed]);
    // Refused (an unknown field) or not, stdout is JSON and stderr holds no "(node:…) Warning".
    expect(() => JSON.parse(r.out)).not.toThrow();
    expect(r.err).not.toMatch(/Warning|\(node:/);
  });
});
