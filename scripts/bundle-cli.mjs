// After `tsc -p tsconfig.build.json`: the `yidi` command bundled from the compiled modules in
// dist/src/ into a handful of files in dist/cli/, so that `yidi nlu` makes Node resolve and load
// a few modules instead of dozens (module loading was a third of its start-up). Each subcommand
// stays a chunk of its own, loaded only when it runs, and the packages in node_modules stay
// outside the bundle (imported where the chunk that needs them runs).
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

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist/cli`;

/** @type {import("esbuild").Plugin} */
const keepModulePaths = {
  name: "keep-module-paths",
  setup(b) {
    b.onLoad({ filter: /[\\/]dist[\\/]src[\\/].*\.js$/ }, async ({ path }) => {
      const text = await readFile(path, "utf8");
      if (!text.includes("import.meta.url")) return { contents: text, loader: "js" };
      const from = relative(outdir, path).split("\\").join("/");
      const own = `new URL(${JSON.stringify(from)}, import.meta.url).href`;
      return { contents: text.replaceAll("import.meta.url", own), loader: "js" };
    });
    b.onLoad({ filter: /\.json$/ }, async ({ path }) => {
      const text = await readFile(path, "utf8");
      // Parsed once here, so a broken file fails the build rather than the first run.
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(JSON.parse(text)))});`, loader: "js" };
    });
  },
};

// Chunk names carry a hash: chunks of an earlier build would stay beside the new ones.
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: `${root}dist/src/cli.js` },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node22",
  charset: "utf8",
  packages: "external",
  // Chunks beside the entry: the paths written for import.meta.url are relative to this folder.
  chunkNames: "[name]-[hash]",
  plugins: [keepModulePaths],
  logLevel: "warning",
});
