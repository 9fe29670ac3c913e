import type { Redis } from "ioredis";
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { errors } from "./errors.js";

/**
 * Counting limits on any key (a client address, an exam number, a partner app), kept in Redis when configured so
 * that every server process counts together, in memory otherwise. A Redis outage falls back to per-process counts.
 * Several limits can guard one route, unlike the per-route plugin limit used for sign-in.
 */
export type Limit = (key: string) => Promise<void>;

export function createLimits(redis: Redis | null) {
  return (name: string, points: number, durationSeconds: number): Limit => {
    const options = { keyPrefix: `banshi-limit-${name}`, points, duration: durationSeconds };
    const limiter: RateLimiterAbstract = redis
      ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options);
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
