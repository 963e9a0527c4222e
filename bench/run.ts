/**
 * `npm run bench`: runs every bench/*.bench.ts in turn (one core: the work is single-threaded
 * JavaScript), each in a fresh process of its own, so that no bench is measured on the heap and the
 * compiled code another one left behind. Each file exports `run(): Promise<void>` and prints its figures.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);
const here = dirname(self);
const args = process.argv.slice(2);

if (args[0] === "--one") {
  const mod = (await import(`./${args[1]}`)) as { run: () => Promise<void> };
  await mod.run();
} else {
  const files = readdirSync(here)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => args.length === 0 || args.some((o) => f.includes(o)))
    .sort();
  for (const file of files) {
    console.log(`\n## ${file}`);
    const child = spawnSync(process.execPath, [...process.execArgv, join(here, "run.ts"), "--one", file], { stdio: "inherit" });
    if (child.status !== 0) {
      process.exitCode = 1;
      console.error(`${file} failed (${child.signal ?? `exit ${child.status}`})`);
    }
  }
}
