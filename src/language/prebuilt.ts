/**
 * Tables the parser builds from its data when it loads (the lexicon of place names, the first
 * characters of the intent cues), worked out once by `npm run build` instead of at every start.
 * The build (scripts/prebuild-tables.mjs) loads the compiled parser, which computes each table
 * through `tableOf`, and writes them all to dist/src/language/prebuilt.json; the compiled parser
 * (dist/src/, and the `yidi` bundle made from it) then reads them from that file. In the sources
 * there is no such file and every table is computed as it always was, so a change to the data or
 * the code is never shadowed by an old table; test/build/ checks that the file holds exactly what
 * the sources compute.
 *
 * Tables are plain JSON (strings, numbers, arrays, objects): the file is read with one
 * JSON.parse, which costs far less than running the code that builds them.
 */
// Taken with process.getBuiltinModule rather than imported: see src/cli/write.ts.
const { readFileSync } = process.getBuiltinModule("node:fs");

export type Table = string | number | boolean | null | Table[] | { [key: string]: Table };

function readPrebuilt(): Readonly<Record<string, Table>> {
  try {
    return JSON.parse(readFileSync(new URL("./prebuilt.json", import.meta.url), "utf8")) as Record<string, Table>;
  } catch (error) {
    // No file: the sources, or a build made without it. Anything else is a broken install.
    if ((error as { code?: unknown }).code === "ENOENT") return {};
    throw error;
  }
}

const prebuilt = readPrebuilt();
const computed = new Map<string, Table>();

/** The table called `name`: as the build worked it out, else `compute()` (remembered for the build). */
export function tableOf<T extends Table>(name: string, compute: () => T): T {
  const ready = prebuilt[name];
  if (ready !== undefined) return ready as T;
  const table = compute();
  computed.set(name, table);
  return table;
}

/** Every table this process computed rather than read, by name: what the build writes out. */
export function computedTables(): Record<string, Table> {
  return Object.fromEntries(computed);
}
