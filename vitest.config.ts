import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Redis-backed tests need a throw-away redis-server; see test/setup/redis.ts.
    globalSetup: ["test/setup/redis.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
