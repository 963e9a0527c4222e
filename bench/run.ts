/**
 * `npm run bench`: runs every bench/*.bench.ts in turn, in this one process (one core: the
 * work is single-threaded JavaScript). Each file exports `run(): Promise<void>` and prints its figures.
 */
import { readdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  console.log(`\n## ${file}`);
  const mod = (await import(`./${file}`)) as { run: () => Promise<void> };
  await mod.run();
}
