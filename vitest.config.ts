import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Redis-backed tests need a throw-away redis-server; see test/setup/redis.ts.
    globalSetup: ["test/setup/redis.ts"],
    testTimeout: 20_000,
    // bin/yidi.mjs runs the sources (through tsx), not a dist/ build that may be older.
    env: { YIDI_SOURCE: "1" },
    hookTimeout: 60_000,
  },
});
