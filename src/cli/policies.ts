/** `yidi policies [--policy FILE] [--json]`: the regions with data, their versions and sources. */
import { parseArgs } from "node:util";
import { policiesCli as text, estimateCli } from "../messages/cli.ts";
import type { RegionPolicy } from "../policy/index.ts";
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
    parsed = parseArgs({ args, options: { policy: { type: "string", multiple: true }, json: { type: "boolean" } } });
  } catch (error) {
    reportError({ code: "bad_arguments", message: estimateCli.badArgs(error instanceof Error ? error.message : String(error)) }, args.includes("--json"));
    return 2;
  }
  const json = parsed.values.json === true;
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
      const sources = Object.values(r.sources).map((src) => `${src.title}（${src.year}，${src.grade}）`).join("；");
      lines.push(text.line(r.code, r.name, text.scheme[s.scheme] ?? s.scheme, versions, sources));
    }
  }
  lines.push("", text.typical);
  process.stdout.write(`${lines.join("\n")}\n`);
  return 0;
}
