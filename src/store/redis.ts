/**
 * Redis, for several instances behind one webhook URL. One hash per chat ({v: value,
 * n: version}) with a TTL renewed on every write; the compare-and-set is a Lua script, so
 * check and write are one atomic step on the server. Commands fail fast while Redis is down
 * (no offline queue) and the client keeps reconnecting in the background.
 */
import { Redis } from "ioredis";
import { firstVersion, guarded, DEFAULT_TTL_MS, StoreUnavailableError, type ConversationStore, type Entry } from "./types.ts";

const CAS = `
local cur = redis.call('HGET', KEYS[1], 'n')
if (cur or '') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'n', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

type CasRedis = Redis & { yidiCas(key: string, expected: string, value: string, version: string, ttlMs: string): Promise<number> };

export interface RedisStoreOptions {
  ttlMs?: number;
  prefix?: string;
  /** Per-command deadline: a hung server must not hang a chat. */
  commandTimeoutMs?: number;
}

export class RedisStore implements ConversationStore {
  readonly kind = "redis" as const;
  readonly ttlMs: number;
  private prefix: string;
  private client: CasRedis;

  private constructor(client: CasRedis, options: RedisStoreOptions) {
    this.client = client;
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.prefix = options.prefix ?? "yidi:conv:";
  }

  /** Connects first so that a wrong URL is reported at start-up, not on the first message. */
  static async connect(url: string, options: RedisStoreOptions = {}): Promise<RedisStore> {
    const client = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: options.commandTimeoutMs ?? 2000,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 100, 1000),
    }) as CasRedis;
    // ioredis emits connection errors as events; without a listener node would crash the process.
    client.on("error", () => {});
    client.defineCommand("yidiCas", { numberOfKeys: 1, lua: CAS });
    try {
      await client.connect();
    } catch (error) {
      client.disconnect();
      throw new StoreUnavailableError("redis", error);
    }
    return new RedisStore(client, options);
  }

  private key(chatId: string): string {
    return this.prefix + chatId;
  }

  get(chatId: string): Promise<Entry | null> {
    return guarded("redis", async () => {
      const [value, n] = await this.client.hmget(this.key(chatId), "v", "n");
      if (value == null || n == null) return null;
      return { value, version: Number(n) };
    });
  }

  set(chatId: string, value: string, expected: number | null): Promise<number | null> {
    return guarded("redis", async () => {
      const version = expected === null ? firstVersion() : expected + 1;
      const ok = await this.client.yidiCas(this.key(chatId), expected === null ? "" : String(expected), value, String(version), String(this.ttlMs));
      return ok === 1 ? version : null;
    });
  }

  delete(chatId: string): Promise<void> {
    return guarded("redis", async () => {
      // One key holds everything of a chat (no copies elsewhere); confirm it is gone.
      await this.client.del(this.key(chatId));
      if ((await this.client.exists(this.key(chatId))) !== 0) await this.client.del(this.key(chatId));
    });
  }

  ping(): Promise<void> {
    return guarded("redis", async () => {
      await this.client.ping();
    });
  }

  async close(): Promise<void> {
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
