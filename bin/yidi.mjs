#!/usr/bin/env node
// The `yidi` command. It runs the compiled JavaScript in dist/, which `npm ci` builds (the
// `prepare` script), so no TypeScript loader is started: the bundle in dist/cli/ (a few files
// for the whole command, see scripts/bundle-cli.mjs), else the compiled modules in dist/src/.
// `yidi nlu` runs a bundle of its own, one script (dist/cli/nlu-main.js), when the build made it.
// A checkout that was not built, or YIDI_SOURCE=1 (the tests set it, so they always run the
// sources as they are), runs the TypeScript through tsx instead, a development dependency.
//
// Node's modules are taken with process.getBuiltinModule, not `import`: importing node:fs as an
// ES module builds its full export list, and with it Node's stream classes, which `yidi nlu`
// never uses (a measurable part of its start-up).
const { existsSync, readFileSync, statSync } = process.getBuiltinModule("node:fs");
const module = process.getBuiltinModule("node:module");

const built = (path) => {
  const url = new URL(path, import.meta.url);
  return process.env.YIDI_SOURCE !== "1" && existsSync(url) ? url : undefined;
};

/**
 * `yidi nlu`'s bundle, compiled as a script with the code cache the build wrote for this Node
 * (V8 checks it and compiles afresh if it does not fit); NODE_DISABLE_COMPILE_CACHE=1 leaves it
 * unread, as it turns off Node's own. V8 checks the Node and the source's length only, so a cache
 * older than the bundle (a bundle changed by hand after the build) is not read either.
 */
function nluBundle(url) {
  const { Script } = process.getBuiltinModule("node:vm");
  const file = process.getBuiltinModule("node:url").fileURLToPath(url);
  const cache = `${file}.${process.version}-${process.arch}.cache`;
  let cachedData;
  if (!process.env.NODE_DISABLE_COMPILE_CACHE) {
    try {
      if (statSync(cache).mtimeMs >= statSync(file).mtimeMs) cachedData = readFileSync(cache);
    } catch {
      // No cache for this Node: compiled as any script.
    }
  }
  const script = new Script(readFileSync(file, "utf8"), { filename: file, cachedData });
  const bundle = { exports: {} };
  script.runInThisContext()(bundle.exports, module.createRequire(url), bundle, url.href);
  return bundle.exports;
}

const nlu = process.argv[2] === "nlu" ? built("../dist/cli/nlu-main.js") : undefined;
const compiled = built("../dist/cli/cli.js") ?? built("../dist/src/cli.js");
if (nlu) {
  nluBundle(nlu).start(process.argv.slice(3));
} else if (compiled) {
  // V8's compiled code for the modules kept between runs (Node ≥ 22.1), in the system's temporary
  // folder unless NODE_COMPILE_CACHE names another; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
  module.enableCompileCache?.();
  await import(compiled.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli.ts");
}
