/**
 * `yidi policies [--policy FILE] [--json]`: the regions with data, their versions and sources.
 * `--check`: every error of the files (exit 1) and every current figure whose source may be
 * outdated or is undated (listed, exit 0).
 */
import { relative } from "node:path";
import { parseArgs } from "node:util";
import { checkPolicyFiles, type RegionPolicy } from "../conversation/policy-book.ts";
import { policiesCli as text, estimateCli } from "../messages/cli.ts";
import { bookWithExtras } from "./estimate.ts";
import { reportError } from "./io.ts";

function summary(region: RegionPolicy) {
  return Object.entries(region.schemes).map(([scheme, s]) => ({
    scheme,
    versions: (s?.versions ?? []).map((v) => ({ version: v.version, from: v.from, to: v.to })),
  }));
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { policy: { type: "string", multiple: true }, json: { type: "boolean" }, check: { type: "boolean" } } });
  } catch (error) {
    reportError({ code: "bad_arguments", message: estimateCli.badArgs(error instanceof Error ? error.message : String(error)) }, args.includes("--json"));
    return 2;
  }
  const json = parsed.values.json === true;
  if (parsed.values.check) return check(parsed.values.policy ?? [], json);
  const book = bookWithExtras(parsed.values.policy ?? [], json);
  if (!book) return 1;
  const regions = [...book.regions.values()].sort((a, b) => a.code.localeCompare(b.code));
  if (json) {
    const out = regions.map((r) => ({
      code: r.code,
      name: r.name,
      schemes: summary(r),
      sources: Object.entries(r.sources).map(([id, s]) => ({ id, ...s })),
      file: book.files.get(r.code),
    }));
    process.stdout.write(`${JSON.stringify({ regions: out, typical: { basis: book.typical.basis } }, null, 2)}\n`);
    return 0;
  }
  const lines = [text.header];
  for (const r of regions) {
    for (const s of summary(r)) {
      const versions = s.versions.map((v) => `${v.version}（${v.from} 起${v.to ? `至 ${v.to}` : ""}）`).join("、");
      const sources = Object.values(r.sources).map((src) => `${src.title}（${src.published === "unknown" ? "日期不明" : src.published}，${src.grade}）`).join("；");
      lines.push(text.line(r.code, r.name, text.scheme[s.scheme] ?? s.scheme, versions, sources));
    }
  }
  lines.push("", text.typical);
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}

function check(extraFiles: string[], json: boolean): number {
  const report = checkPolicyFiles(extraFiles);
  const show = (file: string) => {
    const rel = relative(process.cwd(), file);
    return rel && !rel.startsWith("..") ? rel : file;
  };
  if (json) {
    const out = {
      ok: report.errors.length === 0,
      files: report.files,
      errors: report.errors.map((e) => ({ ...e, file: show(e.file) })),
      warnings: report.warnings.map((w) => ({ ...w, file: show(w.file) })),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return out.ok ? 0 : 1;
  }
  const t = text.check;
  const lines: string[] = [];
  if (report.errors.length > 0) {
    lines.push(t.errors(report.errors.length));
    for (const e of report.errors) lines.push(t.error(show(e.file), e.problem));
    lines.push("");
  }
  if (report.warnings.length > 0) {
    lines.push(t.warnings(report.warnings.length, report.staleAfterMonths ?? 0));
    for (const w of report.warnings) lines.push(t.warning(w.region, w.source, w.title, w.age === "unknown" ? t.unknown : t.old(w.published), w.usedIn.join("、")));
    lines.push("");
  }
  lines.push(report.errors.length === 0 ? t.clean(report.files) : t.failed(report.errors.length, report.files));
  process.stdout.write(`${lines.join("\n")}\n`);
  return report.errors.length === 0 ? 0 : 1;
}
