/**
 * Reads and validates the policy files. Parsing happens once; a bad file fails loudly with
 * the file and the field named, in Chinese, never with a stack trace.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { NationalRules, RegionPolicy, TypicalPolicy } from "./schema.ts";

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

function readStructured(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new PolicyFileError(file, ["无法读取文件"]);
  }
  try {
    return file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : "格式错误";
    throw new PolicyFileError(file, [`不是有效的 YAML/JSON：${reason}`]);
  }
}

function parseWith<T extends z.ZodType>(schema: T, file: string): z.output<T> {
  const result = schema.safeParse(readStructured(file), { reportInput: true });
  if (!result.success) throw new PolicyFileError(file, describeIssues(result.error.issues));
  return result.data;
}

export function loadRegionFile(file: string): RegionPolicy {
  return parseWith(RegionPolicy, file);
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
  const national = parseWith(NationalRules, join(dir, "national.yaml"));
  const typical = parseWith(TypicalPolicy, join(dir, "typical.yaml"));
  const regionDir = join(dir, "regions");
  const files = new Map<string, string>();
  const byCode = new Map<string, RegionPolicy>();
  const regionFiles = readdirSync(regionDir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(regionDir, f));
  const provinces: RegionPolicy[] = [];
  for (const file of policyFilesIn(join(dir, "provinces"))) {
    const province = loadRegionFile(file);
    if (!/^\d{2}0000$/.test(province.code)) throw new PolicyFileError(file, ["code：省级规则文件的代码应为 NN0000"]);
    provinces.push(province);
    files.set(`province:${province.code}`, file);
  }
  for (const file of [...regionFiles, ...extraFiles]) {
    const region = loadRegionFile(file);
    // A later file (a user's --policy) overrides a region or adds one.
    byCode.set(region.code, region);
    files.set(region.code, file);
  }
  return { national, typical, regions: [...byCode.values()], provinces, files };
}
