#!/usr/bin/env node
// The `yidi` command. TypeScript runs through tsx, so `npx yidi` works right after `npm ci`
// with no build step to remember.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
