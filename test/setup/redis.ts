/**
 * vitest globalSetup: one throw-away redis-server for the whole run, its URL given to tests
 * as inject("redisUrl"). Never skipped: without redis-server the run fails with one line.
 */
import type { TestProject } from "vitest/node";
import { startRedisServer } from "../../src/store/testing/redis-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startRedisServer();
  project.provide("redisUrl", server.url);
  return () => server.stop();
}
