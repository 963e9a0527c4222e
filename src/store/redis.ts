/**
 * Redis, for several instances behind one webhook URL. One hash per chat ({v: value,
 * n: version}) with a TTL renewed on every write; the compare-and-set is a Lua script, so
 * check and write are one atomic step on the server. Commands fail fast while Redis is down
 * (no offline queue) and the client keeps reconnecting in the background. A log is a list of
 * "place:line" items beside its counter of places, appended to (and trimmed) by one script.
 */
import { Redis } from "ioredis";
import { firstVersion, guarded, DEFAULT_TTL_MS, StoreUnavailableError, type ConversationStore, type Entry, type Line } from "./types.ts";

const CAS = `
local cur = redis.call('HGET', KEYS[1], 'n')
if (cur or '') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[2], 'n', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

// KEYS: the list, the counter of places; ARGV: keep, ttl, the lines. Returns the first place.
const APPEND = `
local n = #ARGV - 2
local last = redis.call('INCRBY', KEYS[2], n)
for i = 1, n do redis.call('RPUSH', KEYS[1], (last - n + i - 1) .. ':' .. ARGV[i + 2]) end
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return last - n`;

type CasRedis = Redis & {
  yidiCas(key: string, expected: string, value: string, version: string, ttlMs: string): Promise<number>;
  yidiAppend(list: string, counter: string, keep: string, ttlMs: string, ...lines: string[]): Promise<number>;
};

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
    client.defineCommand("yidiAppend", { numberOfKeys: 2, lua: APPEND });
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

  private logKeys(logId: string): [string, string] {
    return [`${this.prefix}log:${logId}`, `${this.prefix}seq:${logId}`];
  }

  append(logId: string, lines: string[], keep: number): Promise<number> {
    return guarded("redis", async () => {
      if (lines.length === 0) return Number((await this.client.get(this.logKeys(logId)[1])) ?? 0);
      const [list, counter] = this.logKeys(logId);
      return Number(await this.client.yidiAppend(list, counter, String(Math.max(1, keep)), String(this.ttlMs), ...lines));
    });
  }

  lines(logId: string, limit?: number): Promise<Line[]> {
    return guarded("redis", async () => {
      if (limit !== undefined && limit <= 0) return [];
      const items = await this.client.lrange(this.logKeys(logId)[0], limit === undefined ? 0 : -limit, -1);
      return items.map((item) => {
        const colon = item.indexOf(":");
        return { seq: Number(item.slice(0, colon)), value: item.slice(colon + 1) };
      });
    });
  }

  delete(chatId: string): Promise<void> {
    return guarded("redis", async () => {
      // These keys hold everything of a chat (no copies elsewhere); confirm they are gone.
      const keys = [this.key(chatId), ...this.logKeys(chatId)];
      await this.client.del(...keys);
      if ((await this.client.exists(...keys)) !== 0) await this.client.del(...keys);
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
