/** `yidi estimate [--policy FILE] [--json] [FILE|-]`: a scenario in, an explained estimate out. */
import { parseArgs } from "node:util";
import { estimateCli as text } from "../messages/cli.ts";
import { formatEstimate } from "../messages/estimate.ts";
import { evaluate, getPolicyBook, PolicyFileError, type PolicyBook } from "../conversation/policy-book.ts";
import { readInput, reportError, sizeText } from "./io.ts";

/** A scenario is a few hundred bytes; the HTTP API takes at most this much too. */
export const MAX_SCENARIO_BYTES = 64 * 1024;

/** Loads the policy book with the user's --policy files; a bad file becomes a reported error. */
export function bookWithExtras(files: string[], json: boolean): PolicyBook | null {
  try {
    const book = getPolicyBook(files);
    // On stderr in both modes: with --json, stdout carries the JSON and nothing else.
    for (const warning of book.warnings ?? []) process.stderr.write(`${text.policyWarning(warning)}\n`);
    return book;
  } catch (error) {
    if (error instanceof PolicyFileError) {
      reportError({ code: "bad_policy_file", message: error.message.split("\n")[0] ?? "", errors: error.problems.map((p) => ({ field: error.file, message: p })) }, json);
      return null;
    }
    throw error;
  }
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { policy: { type: "string", multiple: true }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    const json = args.includes("--json");
    reportError({ code: "bad_arguments", message: text.badArgs(error instanceof Error ? error.message : String(error)) }, json);
    return 2;
  }
  const json = parsed.values.json === true;
  if (parsed.values.help) {
    process.stdout.write(text.usage);
    return 0;
  }
  if (parsed.positionals.length > 1) {
    reportError({ code: "bad_arguments", message: text.usage.trim() }, json);
    return 2;
  }
  const book = bookWithExtras(parsed.values.policy ?? [], json);
  if (!book) return 1;

  const file = parsed.positionals[0];
  const read = await readInput(file, MAX_SCENARIO_BYTES);
  if (!read.ok) {
    const name = file ?? "-";
    if (read.reason === "too_large") reportError({ code: "too_large", message: text.tooLarge(name, sizeText(MAX_SCENARIO_BYTES)) }, json);
    else if (read.reason === "not_a_file") reportError({ code: "not_a_file", message: text.notAFile(name) }, json);
    else reportError({ code: "cannot_read", message: text.cannotRead(name) }, json);
    return 1;
  }
  const raw = read.text;
  if (raw.trim() === "") {
    reportError({ code: "empty_input", message: text.emptyInput }, json);
    return 1;
  }
  let scenario: unknown;
  try {
    scenario = JSON.parse(raw);
  } catch (error) {
    reportError({ code: "bad_json", message: text.badJson(error instanceof Error ? error.message : "") }, json);
    return 1;
  }
  const result = evaluate(scenario, book);
  if (!result.ok) {
    reportError({ code: "invalid_scenario", message: text.invalid, errors: result.errors }, json);
    return 1;
  }
  process.stdout.write(json ? `${JSON.stringify(result.estimate, null, 2)}\n` : `${formatEstimate(result.estimate)}\n`);
  return 0;
}
