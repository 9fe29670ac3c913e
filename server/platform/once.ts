import type { Redis } from "ioredis";

/**
 * Keys that may be used only once within a time: a captcha answered, a signed request's nonce. Kept in Redis when
 * configured, so a key used on one server process is refused on every other; in memory otherwise.
 */
export type OnceStore = {
  /** True the first time `key` is claimed within `ttlMs`, false on every later claim. */
  claim(key: string, ttlMs: number): Promise<boolean>;
};

const PRUNE_EVERY = 10_000;

export function memoryOnceStore(): OnceStore {
  const expiries = new Map<string, number>();
  let claimsSincePrune = 0;
  return {
    async claim(key, ttlMs) {
      const now = Date.now();
      if (++claimsSincePrune >= PRUNE_EVERY) {
        claimsSincePrune = 0;
        for (const [stored, expiresAt] of expiries) if (expiresAt <= now) expiries.delete(stored);
      }
      const expiresAt = expiries.get(key);
      if (expiresAt !== undefined && expiresAt > now) return false;
      expiries.set(key, now + ttlMs);
      return true;
    },
  };
}

/** SET NX in Redis. While Redis is unreachable, this process's own memory still refuses what it has seen. */
export function redisOnceStore(redis: Redis, log: { warn(obj: object, msg: string): void }): OnceStore {
  const fallback = memoryOnceStore();
  return {
    async claim(key, ttlMs) {
      try {
        return (await redis.set(`banshi-once-${key}`, "1", "PX", ttlMs, "NX")) === "OK";
      } catch (error) {
        log.warn({ err: error }, "Redis 不可用，一次性校验暂由本进程内存承担");
        return fallback.claim(key, ttlMs);
      }
    },
  };
}
