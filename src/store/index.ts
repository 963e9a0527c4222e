/** Picks the backend from configuration; everything else sees only ConversationStore. */
import { FileStore } from "./file.ts";
import { MemoryStore } from "./memory.ts";
import { RedisStore } from "./redis.ts";
import { SqliteStore } from "./sqlite.ts";
import type { ConversationStore } from "./types.ts";

export * from "./types.ts";
export { FileStore, MemoryStore, RedisStore, SqliteStore };

export type StoreOptions =
  | { kind: "memory"; ttlMs?: number }
  | { kind: "sqlite"; path: string; ttlMs?: number }
  | { kind: "redis"; url: string; ttlMs?: number };

export async function openStore(options: StoreOptions): Promise<ConversationStore> {
  switch (options.kind) {
    case "memory":
      return new MemoryStore(options.ttlMs);
    case "sqlite":
      return new SqliteStore(options.path, options.ttlMs);
    case "redis":
      return RedisStore.connect(options.url, { ttlMs: options.ttlMs });
  }
}
