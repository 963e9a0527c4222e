/**
 * Reads and validates the policy files. Parsing happens once; a bad file fails loudly with
 * the file and the field named, in Chinese, never with a stack trace.
 */
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { LineCounter, parseDocument, isCollection } from "yaml";
import type { z } from "zod";
import { nationalProblems, policyProblems, type IntegrityProblem, type Path } from "./integrity.ts";
import { readFileCapped } from "./read-file.ts";
import { NationalRules, RegionPolicy, TypicalPolicy } from "./schema.ts";
import { templateProblems } from "./template.ts";

/** The largest policy file read (the largest shipped is about 32 KB). */
export const MAX_POLICY_BYTES = 1024 * 1024;

/** Where the policy files live; YIDI_POLICY_DIR points elsewhere (tests, a private data set). */
export const POLICY_DIR = process.env.YIDI_POLICY_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), "../../policies");

/** A policy file that could not be read or does not match the schema. */
export class PolicyFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`政策文件 ${file} 有误：\n  ${problems.join("\n  ")}`);
    this.name = "PolicyFileError";
  }
}

const TYPE_NAMES: Record<string, string> = { object: "对象（{…}）", array: "列表（[…]）", string: "文字", number: "数字", boolean: "true 或 false" };

/** One zod issue as a field path and a short Chinese message (parse with reportInput, so that missing and wrong differ). */
export function describeIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = issue.path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join("");
  const message =
    issue.code === "unrecognized_keys"
      ? `未知字段 ${issue.keys.join("、")}`
      : issue.code === "invalid_type" && issue.input === undefined
        ? "缺少此字段"
        : issue.code === "invalid_type"
          ? `类型不对（应为${TYPE_NAMES[issue.expected] ?? ` ${issue.expected}`}）`
          : issue.code === "invalid_value"
            ? `取值不对（可选：${issue.values.map(String).join("、")}）`
            : issue.message;
  return { field, message };
}

/** Zod issues as short Chinese lines that name the field: "schemes.employee.versions[0].from：日期应为 YYYY-MM-DD". */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const { field, message } = describeIssue(issue);
    return `${field || "（顶层）"}：${message}`;
  });
}

interface Structured {
  data: unknown;
  /** The line (1-based) of the value at `path`, or of its nearest ancestor that has one. */
  lineOf(path: Path): number | undefined;
}

/**
 * `warnings` collects what YAML accepts but may not mean what it says (an unknown tag is read as
 * plain text); the library's own warnings are switched off, so that nothing is written to the
 * output of a command (`--json` must stay clean) and the caller decides where they go.
 */
function readStructured(file: string, warnings?: string[]): Structured {
  const read = readFileCapped(file, MAX_POLICY_BYTES);
  if (!read.ok) {
    throw new PolicyFileError(file, [
      read.reason === "not_a_file" ? "不是普通文件（设备、管道或目录），不能作为政策文件读取" : read.reason === "too_large" ? `文件太大（超过 ${MAX_POLICY_BYTES / 1024 / 1024} MB）` : "无法读取文件",
    ]);
  }
  const text = read.text;
  if (file.endsWith(".json")) {
    try {
      return { data: JSON.parse(text), lineOf: () => undefined };
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : "格式错误";
      throw new PolicyFileError(file, [`不是有效的 YAML/JSON：${reason}`]);
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, logLevel: "error" });
  if (doc.errors.length > 0) {
    const reason = doc.errors[0]!.message.split("\n")[0];
    throw new PolicyFileError(file, [`不是有效的 YAML/JSON：${reason}`]);
  }
  for (const w of doc.warnings) {
    const line = w.linePos?.[0]?.line;
    const what = w.code === "TAG_RESOLVE_FAILED" ? "未识别的标签，其值按普通文字读取" : w.message.split("\n")[0]!;
    warnings?.push(`${file}${line ? `（第 ${line} 行）` : ""}：${what}`);
  }
  return {
    data: doc.toJS({ maxAliasCount: 1000 }),
    lineOf(path) {
      // Walk down as far as the nodes go (an alias ends the walk: its value sits elsewhere).
      let node: unknown = doc.contents;
      let line: number | undefined;
      const lineAt = (n: unknown) => {
        const range = (n as { range?: [number, number, number] } | null)?.range;
        return range ? lines.linePos(range[0]).line : undefined;
      };
      line = lineAt(node);
      for (const key of path) {
        if (!isCollection(node)) break;
        const next = node.get(key, true);
        if (next === undefined) break;
        node = next;
        line = lineAt(node) ?? line;
      }
      return line;
    },
  };
}

function located(field: string, line: number | undefined): string {
  return `${field || "（顶层）"}${line ? `（第 ${line} 行）` : ""}`;
}

function parseWith<T extends z.ZodType>(schema: T, file: string, structured = readStructured(file)): z.output<T> {
  const result = schema.safeParse(structured.data, { reportInput: true });
  if (!result.success) {
    throw new PolicyFileError(
      file,
      result.error.issues.map((issue) => {
        const { field, message } = describeIssue(issue);
        return `${located(field, structured.lineOf(issue.path as Path))}：${message}`;
      }),
    );
  }
  return result.data;
}

function fieldOf(path: Path): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

function integrityLines(problems: readonly IntegrityProblem[], structured: Structured): string[] {
  return problems.map((p) => `${located(fieldOf(p.path), structured.lineOf(p.path))}：${p.message}`);
}

/**
 * A region file, parsed and checked: overlapping or gapped versions, undeclared sources and
 * grades that contradict confidence are refused with the field and line named.
 * `national` resolves the national source ids a file may cite without copying.
 */
export function loadRegionFile(file: string, national: Pick<NationalRules, "sources"> | null = null, warnings?: string[]): RegionPolicy {
  const structured = readStructured(file, warnings);
  const region = parseWith(RegionPolicy, file, structured);
  const problems = policyProblems(region, national);
  if (problems.length > 0) throw new PolicyFileError(file, integrityLines(problems, structured));
  return region;
}

export function loadNational(file: string, warnings?: string[]): NationalRules {
  const structured = readStructured(file, warnings);
  const national = parseWith(NationalRules, file, structured);
  const problems = nationalProblems(national);
  if (problems.length > 0) throw new PolicyFileError(file, integrityLines(problems, structured));
  return national;
}

export function loadTypical(file: string, national: NationalRules, warnings?: string[]): TypicalPolicy {
  const structured = readStructured(file, warnings);
  const typical = parseWith(TypicalPolicy, file, structured);
  const problems = policyProblems(typical, national);
  if (problems.length > 0) throw new PolicyFileError(file, integrityLines(problems, structured));
  return typical;
}

export interface PolicyFiles {
  national: NationalRules;
  typical: TypicalPolicy;
  regions: RegionPolicy[];
  /**
   * Province-wide rules (policies/provinces/, code NN0000): used by every 统筹区 of that
   * province for what its own file does not say (吉林's visitor cuts, 湖南's unified tables).
   */
  provinces: RegionPolicy[];
  /** Which file each region came from, for error messages and `yidi policies`. */
  files: Map<string, string>;
  /** What the files say that may not be meant (an unknown YAML tag), one line each: for stderr. */
  warnings?: string[];
}

function policyFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Loads national.yaml, typical.yaml and every file under regions/, then any extra files (--policy). */
export function loadPolicyFiles(extraFiles: readonly string[] = [], dir = POLICY_DIR): PolicyFiles {
  const warnings: string[] = [];
  const national = loadNational(join(dir, "national.yaml"), warnings);
  const typical = loadTypical(join(dir, "typical.yaml"), national, warnings);
  const regionDir = join(dir, "regions");
  const files = new Map<string, string>();
  const byCode = new Map<string, RegionPolicy>();
  const regionFiles = readdirSync(regionDir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(regionDir, f));
  const provinces: RegionPolicy[] = [];
  for (const file of policyFilesIn(join(dir, "provinces"))) {
    const province = loadRegionFile(file, national, warnings);
    if (!/^\d{2}0000$/.test(province.code)) throw new PolicyFileError(file, ["code：省级规则文件的代码应为 NN0000"]);
    provinces.push(province);
    files.set(`province:${province.code}`, file);
  }
  const own: RegionPolicy[] = [];
  for (const file of regionFiles) own.push(loadRegionFile(file, national, warnings));
  // The template rests on the repository's regions (a user's --policy file does not move it):
  // a figure with fewer independent sources than its basis promises is refused.
  const typicalFile = join(dir, "typical.yaml");
  const problems = templateProblems(typical, [...own, ...provinces], national);
  if (problems.length > 0) throw new PolicyFileError(typicalFile, integrityLines(problems, readStructured(typicalFile)));
  for (const [file, loaded] of [...regionFiles.map((f, i) => [f, own[i]] as const), ...extraFiles.map((f) => [f, undefined] as const)]) {
    const region = loaded ?? loadRegionFile(file, national, warnings);
    // A later file (a user's --policy) overrides a region or adds one.
    byCode.set(region.code, region);
    files.set(region.code, file);
  }
  return { national, typical, regions: [...byCode.values()], provinces, files, warnings };
}
