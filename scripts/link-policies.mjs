// After `tsc -p tsconfig.build.json`: the compiled code finds the policy files where the
// sources do (src/policy/load.ts looks two folders up from itself), so dist/ gets a link to them.
import { existsSync, lstatSync, rmSync, symlinkSync } from "node:fs";

const link = new URL("../dist/policies", import.meta.url);
if (existsSync(link) || lstatSync(link, { throwIfNoEntry: false })) rmSync(link, { recursive: true, force: true });
symlinkSync("../policies", link, "dir");
