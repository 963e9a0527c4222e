/** The `yidi estimate` and `yidi policies` commands, run as a user runs them. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/** Each case starts `yidi` (through tsx) once or more: seconds apiece on a busy machine. */
const PROCESS_TIMEOUT = 300_000;

const root = resolve(new URL(".", import.meta.url).pathname, "../..");
const bin = join(root, "bin/yidi.mjs");

function yidi(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input: input ?? "", encoding: "utf8", timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const example = ["--policy", "examples/worked-check/policy.yaml"];

describe("yidi estimate", { timeout: PROCESS_TIMEOUT }, () => {
  it("answers the worked check exactly, as JSON", () => {
    const r = yidi(["estimate", ...example, "--json", "examples/worked-check/scenario.json"]);
    expect(r.code).toBe(0);
    const e = JSON.parse(r.out);
    expect([e.total, e.fundPays, e.seriousIllnessPays, e.youPay]).toEqual(["30000.00", "22100.00", "0.00", "7900.00"]);
  });

  it("reads the scenario from stdin and prints a Chinese breakdown", () => {
    const r = yidi(["estimate", ...example, "-"], readFileSync(join(root, "examples/worked-check/scenario.json"), "utf8"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("统筹基金支付：22100.00 元");
    expect(r.out).toContain("来源：");
  });

  const bad: [string, string, string][] = [
    ["bad JSON", "{", "bad_json"],
    ["an unknown region", JSON.stringify({ insured: { region: "火星", scheme: "employee" }, treatment: { region: "上海", setting: "inpatient", hospitalLevel: 3, date: "2026-01-01" }, visitor: "long_term", costs: { total: "100" } }), "invalid_scenario"],
    ["a negative amount", JSON.stringify({ insured: { region: "苏州", scheme: "employee" }, treatment: { region: "上海", setting: "inpatient", hospitalLevel: 3, date: "2026-01-01" }, visitor: "long_term", costs: { total: "-3" } }), "invalid_scenario"],
    ["an unknown field", JSON.stringify({ insured: { region: "苏州", scheme: "employee" }, treatment: { region: "上海", setting: "inpatient", hospitalLevel: 3, date: "2026-01-01" }, visitor: "long_term", costs: { total: "3" }, foo: 1 }), "invalid_scenario"],
  ];
  it.each(bad)("refuses %s with a JSON error and a non-zero exit", (_name, input, code) => {
    const r = yidi(["estimate", "--json", "-"], input);
    expect(r.code).not.toBe(0);
    const body = JSON.parse(r.out);
    expect(body.error.code).toBe(code);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it("refuses a malformed policy file, naming the field, in plain text", () => {
    const dir = mkdtempSync(join(tmpdir(), "yidi-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(file, 'code: "320500"\nname: 苏州市\nsources: {}\nschemes:\n  employee:\n    versions:\n      - version: x\n        from: 2024-13-40\n');
    const r = yidi(["estimate", "--policy", file, "examples/worked-check/scenario.json"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("from");
    expect(r.err).toContain("日期");
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
  });

  it("says what is wrong with its arguments", () => {
    const r = yidi(["estimate", "--nonsense"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("参数有误");
  });
});

describe("yidi policies", { timeout: PROCESS_TIMEOUT }, () => {
  it("lists regions with their sources", () => {
    const r = yidi(["policies", "--json"]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out);
    expect(body.regions.length).toBeGreaterThan(10);
    for (const region of body.regions) expect(region.sources.length).toBeGreaterThan(0);
  });

  it("prints the same list in Chinese", () => {
    const r = yidi(["policies"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("苏州市");
    expect(r.out).toContain("来源");
  });

  it("--check: clean on the repository, listing undated and stale sources of current figures", () => {
    const r = yidi(["policies", "--check", "--json"]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.out);
    expect(body.errors).toEqual([]);
    // 北京 职工 M4 shows no date (policy-facts: 约2021–2024); it is used by the version in force.
    expect(body.warnings).toContainEqual(expect.objectContaining({ region: "110000 北京市", source: "M4", age: "unknown" }));
    // A source only in `rejected` is no current figure.
    expect(body.warnings.some((w: { source: string }) => w.source === "SJZ-JS")).toBe(false);
  });

  it("--check: a --policy file with an overlap and an undeclared source fails, naming file, field and line", () => {
    const dir = mkdtempSync(join(tmpdir(), "yidi-check-"));
    const file = join(dir, "990900-bad.yaml");
    writeFileSync(
      file,
      `code: "990900"
name: 坏文件市
sources:
  X: { title: t, published: "2024", retrieved: "2026-11-23", grade: B, confidence: medium }
schemes:
  employee:
    versions:
      - version: "1"
        from: 2024-01-01
        fromBasis: convention
        inpatient:
          ratio: { source: X, working: { byLevel: { "3": 85 } } }
      - version: "2"
        from: 2025-01-01
        fromBasis: sourced
        inpatient:
          ratio: { source: Y, working: { byLevel: { "3": 80 } } }
`,
    );
    const r = yidi(["policies", "--check", "--policy", file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}：schemes.employee.versions[1].from（第 14 行）：与 versions[0]`);
    expect(r.out).toContain(`${file}：schemes.employee.versions[1].inpatient.ratio.source（第 17 行）：来源 Y 未在 sources 中声明`);
    expect(r.out).toContain("2 处错误");
  });
});

describe("yidi", { timeout: PROCESS_TIMEOUT }, () => {
  it("prints help and refuses unknown commands", () => {
    expect(yidi(["--help"]).out).toContain("用法");
    const r = yidi(["fly"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("未知命令");
  });
});
