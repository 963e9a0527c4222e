#!/usr/bin/env node
// The `yidi` command. It runs the compiled JavaScript in dist/, which `npm ci` builds (the
// `prepare` script), so no TypeScript loader is started: the bundle in dist/cli/ (a few files
// for the whole command, see scripts/bundle-cli.mjs), else the compiled modules in dist/src/.
// A checkout that was not built, or YIDI_SOURCE=1 (the tests set it, so they always run the
// sources as they are), runs the TypeScript through tsx instead, a development dependency.
//
// Node's modules are taken with process.getBuiltinModule, not `import`: importing node:fs as an
// ES module builds its full export list, and with it Node's stream classes, which `yidi nlu`
// never uses (a measurable part of its start-up).
const { existsSync } = process.getBuiltinModule("node:fs");
const module = process.getBuiltinModule("node:module");

const compiled = [new URL("../dist/cli/cli.js", import.meta.url), new URL("../dist/src/cli.js", import.meta.url)].find((url) => existsSync(url));
if (process.env.YIDI_SOURCE !== "1" && compiled) {
  // V8's compiled code for the modules kept between runs (Node ≥ 22.1), in the system's temporary
  // folder unless NODE_COMPILE_CACHE names another; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  module.enableCompileCache?.();
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli.ts");
}
