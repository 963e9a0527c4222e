/**
 * The access token for the platform's APIs (cgi-bin/token), fetched when needed and kept until
 * shortly before it expires. Only one refresh runs at a time: in process one shared promise, and
 * across instances a Redis lock (SET NX) while the others wait for the token to appear — every
 * refresh invalidates the token before it, so a storm of them would break everyone's sends.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

export interface FetchedToken {
  token: string;
  expiresInSeconds: number;
}

/** Kept this long less than the platform says: a token is never used in its last minutes. */
export function keepMs(expiresInSeconds: number): number {
  const margin = Math.min(300, expiresInSeconds / 2);
  return Math.max(1000, Math.floor((expiresInSeconds - margin) * 1000));
}

export interface AccessTokens {
  get(): Promise<string>;
  /** The platform refused this token (40001, 42001): drop it, unless someone already replaced it. */
  invalidate(token: string): Promise<void>;
}

/** One instance: the token in memory. */
export class LocalTokens implements AccessTokens {
  private current?: { token: string; until: number };
  private refreshing?: Promise<string>;
  constructor(private fetchToken: () => Promise<FetchedToken>, private clock: () => number = Date.now) {}

  async get(): Promise<string> {
    if (this.current && this.current.until > this.clock()) return this.current.token;
    return (this.refreshing ??= this.fetchToken()
      .then((t) => {
        this.current = { token: t.token, until: this.clock() + keepMs(t.expiresInSeconds) };
        return t.token;
      })
      .finally(() => {
        this.refreshing = undefined;
      }));
  }

  async invalidate(token: string): Promise<void> {
    if (this.current?.token === token) this.current = undefined;
  }
}

const DELETE_IF = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Several instances: the token in Redis, one refresh at a time under a lock. */
export class SharedTokens implements AccessTokens {
  private local: LocalTokens;
  private tokenKey: string;
  private lockKey: string;

  constructor(
    private client: Redis,
    prefix: string,
    private fetchToken: () => Promise<FetchedToken>,
    private options: { lockMs?: number; pollMs?: number; waitMs?: number } = {},
  ) {
    this.tokenKey = `${prefix}token`;
    this.lockKey = `${prefix}token-lock`;
    // The in-process layer keeps one request per refresh inside an instance too.
    this.local = new LocalTokens(() => this.shared());
  }

  get(): Promise<string> {
    return this.local.get();
  }

  async invalidate(token: string): Promise<void> {
    await this.local.invalidate(token);
    await this.client.eval(DELETE_IF, 1, this.tokenKey, token);
  }

  /** The token in Redis (with its remaining life), else a refresh by whoever gets the lock. */
  private async shared(): Promise<FetchedToken> {
    const lockMs = this.options.lockMs ?? 15_000;
    const pollMs = this.options.pollMs ?? 50;
    const deadline = Date.now() + (this.options.waitMs ?? 30_000);
    for (;;) {
      const [[, token], [, ttl]] = (await this.client.multi().get(this.tokenKey).pttl(this.tokenKey).exec()) as [[null, string | null], [null, number]];
      // Its remaining life, with the margin already taken when it was stored.
      if (token && ttl > 1000) return { token, expiresInSeconds: ttl / 1000 + Math.min(300, ttl / 1000) };
      const owner = randomUUID();
      if ((await this.client.set(this.lockKey, owner, "PX", lockMs, "NX")) === "OK") {
        try {
          const fresh = await this.fetchToken();
          await this.client.set(this.tokenKey, fresh.token, "PX", keepMs(fresh.expiresInSeconds));
          return fresh;
        } finally {
          await this.client.eval(DELETE_IF, 1, this.lockKey, owner).catch(() => {});
        }
      }
      if (Date.now() > deadline) throw new Error("access token: waited too long for another instance's refresh");
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
}
