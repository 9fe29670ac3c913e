import { SESSION_COOKIE } from "../server/modules/accounts/index.js";
import type { Actor } from "../server/platform/auth.js";
import type { TestApp, TestClient } from "../server/test/harness.js";

/** What the database benchmarks share: timing, percentiles, and the actor behind a signed-in client. */

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;

export function latency(name: string, timings: number[], goal?: number) {
  const sorted = [...timings].sort((a, b) => a - b);
  const p95 = percentile(sorted, 0.95);
  const verdict = goal === undefined ? "" : `   goal p95 < ${goal} ms: ${p95 < goal ? "met" : "MISSED"}`;
  return `  ${name.padEnd(56)} p50 ${percentile(sorted, 0.5).toFixed(2).padStart(8)} ms   p95 ${p95.toFixed(2).padStart(8)} ms${verdict}`;
}

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const began = performance.now();
  const result = await work();
  return [result, performance.now() - began];
}

/** The actor behind a signed-in client, resolved from its session as the access guard does for every request. */
export async function actorOf(t: TestApp, client: TestClient): Promise<Actor> {
  const token = client.cookie(SESSION_COOKIE);
  const actor = token ? await t.services.accounts.resolveSession(token) : null;
  if (!actor || actor === "expired") throw new Error("the bench client has no session");
  return actor;
}
