#!/usr/bin/env node
// The `yidi` command. It runs the compiled JavaScript in dist/, which `npm ci` builds (the
// `prepare` script), so no TypeScript loader is started: the bundle in dist/cli/ (a few files
// for the whole command, see scripts/bundle-cli.mjs), else the compiled modules in dist/src/.
// `yidi nlu` runs a bundle of its own, one file (dist/cli/nlu-main.js), when the build made it.
// A checkout that was not built, or YIDI_SOURCE=1 (the tests set it, so they always run the
// sources as they are), runs the TypeScript through tsx instead, a development dependency.
//
// Node's modules are taken with process.getBuiltinModule, not `import`: importing node:fs as an
// ES module builds its full export list, and with it Node's stream classes, which `yidi nlu`
// never uses (a measurable part of its start-up).
const { existsSync } = process.getBuiltinModule("node:fs");
const module = process.getBuiltinModule("node:module");

const built = (path) => {
  const url = new URL(path, import.meta.url);
  return existsSync(url) ? url : undefined;
};
const compiled = process.env.YIDI_SOURCE === "1" ? undefined : (process.argv[2] === "nlu" && built("../dist/cli/nlu-main.js")) || built("../dist/cli/cli.js") || built("../dist/src/cli.js");
if (compiled) {
  // V8's compiled code for the modules kept between runs (Node ≥ 22.1), in the system's temporary
  // folder unless NODE_COMPILE_CACHE names another; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  module.enableCompileCache?.();
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli.ts");
}
