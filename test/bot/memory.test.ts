/**
 * Memory cannot be pinned from outside: 10,000 estimate requests with unique oversized regions
 * (each from its own address, so the rate limit lets them through) leave the heap less than
 * 50 MB larger once garbage is collected. The probe runs in a child process with --expose-gc.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const MB = 1024 * 1024;

describe("memory under oversized input", () => {
  it("10,000 requests with unique oversized regions: heap growth under 50 MB, every one answered", { timeout: 300_000 }, async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ["--expose-gc", "--import", "tsx", "test/bot/memory-probe.ts"], {
      cwd: root,
      env: { ...process.env, REQUESTS: "10000" },
      maxBuffer: 1024 * 1024,
    });
    const { before, after, statuses } = JSON.parse(stdout.trim().split("\n").at(-1)!) as { before: number; after: number; statuses: Record<string, number> };
    console.log(`heap ${(before / MB).toFixed(1)} MB → ${(after / MB).toFixed(1)} MB`, statuses);
    // Every request reached the evaluator and was answered (refused as input, or estimated).
    expect(Object.values(statuses).reduce((a, b) => a + b, 0)).toBe(10_200);
    expect(Object.keys(statuses).every((s) => s === "200" || s === "400")).toBe(true);
    expect((after - before) / MB).toBeLessThan(50);
  });
});
