#!/usr/bin/env node
// The `yidi` command. It runs the compiled JavaScript in dist/, which `npm ci` builds (the
// `prepare` script), so no TypeScript loader is started. A checkout that was not built, or
// YIDI_SOURCE=1 (the tests set it, so they always run the sources as they are), runs the
// TypeScript through tsx instead, a development dependency.
import { existsSync } from "node:fs";

const compiled = new URL("../dist/src/cli.js", import.meta.url);
if (process.env.YIDI_SOURCE !== "1" && existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli.ts");
}
