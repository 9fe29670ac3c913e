import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { errors } from "./errors.js";

/**
 * Counting limits on any key (a client address, an exam number, a partner app), kept in Redis when configured so
 * that every server process counts together, in memory otherwise. A Redis outage falls back to per-process counts.
 * Several limits can guard one route, unlike the per-route plugin limit used for sign-in.
 */
export type Limit = (key: string) => Promise<void>;

function limiterOf(redis: Redis | null, options: { keyPrefix: string; points: number; duration: number }) {
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
    : new RateLimiterMemory(options);
  return limiter;
}

export function createLimits(redis: Redis | null) {
  return (name: string, points: number, durationSeconds: number): Limit => {
    const limiter = limiterOf(redis, { keyPrefix: `banshi-limit-${name}`, points, duration: durationSeconds });
    return async (key) => {
      try {
        await limiter.consume(key);
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) throw errors.tooManyRequests("请求过于频繁，请稍后再试");
        throw rejection;
      }
    };
  };
}

export type Limits = ReturnType<typeof createLimits>;

/**
 * Counts of events on a key within a window (wrong lookups of an exam number), read before they are added to: a
 * count decides what to ask of the next caller, never whether they are answered.
 */
export type Counter = { count(key: string): Promise<number>; add(key: string): Promise<void> };

export function createCounters(redis: Redis | null) {
  return (name: string, durationSeconds: number): Counter => {
    const options = { keyPrefix: `banshi-count-${name}`, points: Number.MAX_SAFE_INTEGER, duration: durationSeconds };
    const limiter = limiterOf(redis, options);
    return {
      async count(key) {
        return (await limiter.get(key))?.consumedPoints ?? 0;
      },
      async add(key) {
        await limiter.consume(key);
      },
    };
  };
}
