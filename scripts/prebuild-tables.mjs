// After `tsc -p tsconfig.build.json`: the tables the parser builds from its data when it loads
// (src/language/prebuilt.ts) worked out once, here, and written to dist/src/language/prebuilt.json,
// which the compiled parser and the `yidi` bundle read instead of building them at every start.
// They are computed by the compiled parser itself, from the same build, so they cannot differ from
// what it would compute; test/build/ checks them against the sources too.
import { rmSync, writeFileSync } from "node:fs";

const file = new URL("../dist/src/language/prebuilt.json", import.meta.url);
// An old file would be read back instead of computed.
rmSync(file, { force: true });
const { computedTables } = await import("../dist/src/language/prebuilt.js");
const { checkParser } = await import("../dist/src/language/index.js");
// Also proves the compiled parser works before anything is built on it.
checkParser();
writeFileSync(file, JSON.stringify(computedTables()));
