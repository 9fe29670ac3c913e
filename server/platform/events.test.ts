import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../test/harness.js";
import { createEvents, defineEvent } from "./events.js";
import { createJobs } from "./jobs.js";

const somethingHappened = defineEvent<{ n: number }>("test.something-happened");
const silent = { error: () => {} };

let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function setUp(database?: Awaited<ReturnType<typeof openTestDatabase>>) {
  const db = database ?? (await openTestDatabase());
  if (!database) cleanups.push(() => db.dispose());
  const jobs = createJobs(db, silent);
  const events = createEvents(jobs);
  return { db, jobs, events };
}

describe("events through the outbox", () => {
  it("reach every subscriber once, after the commit, and never for a change that rolled back", async () => {
    const { db, jobs, events } = await setUp();
    const seen: Record<string, number[]> = { a: [], b: [] };
    events.subscribe(somethingHappened, "a", async ({ n }) => void seen.a?.push(n));
    events.subscribe(somethingHappened, "b", async ({ n }) => void seen.b?.push(n));
    await jobs.start();
    cleanups.push(() => jobs.stop());

    await db.db.transaction(async (tx) => events.publish(tx, somethingHappened, { n: 1 }));
    await db.db
      .transaction(async (tx) => {
        await events.publish(tx, somethingHappened, { n: 2 });
        throw new Error("the business write failed");
      })
      .catch(() => undefined);
    events.committed(somethingHappened);
    await jobs.settled();
    expect(seen).toEqual({ a: [1], b: [1] });
  });

  it("are written only for the subscribers that want them", async () => {
    const { db, jobs, events } = await setUp();
    const seen: number[] = [];
    events.subscribe(somethingHappened, "big-ones", async ({ n }) => void seen.push(n), { wants: ({ n }) => n > 1 });
    await jobs.start();
    cleanups.push(() => jobs.stop());
    for (const n of [1, 3]) await db.db.transaction(async (tx) => events.publish(tx, somethingHappened, { n }));
    await jobs.settled();
    expect(seen).toEqual([3]);
    const rows = await db.db.execute(
      sql`select count(*)::int as n from jobs.job where name = 'test.something-happened.big-ones'`,
    );
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(1);
  });

  it("retries a failing handler with a growing delay, keeps it as failed when retries run out, and retries it on request", async () => {
    const { jobs, events, db } = await setUp();
    let calls = 0;
    let healthy = false;
    events.subscribe(
      somethingHappened,
      "flaky",
      async () => {
        calls++;
        if (!healthy) throw new Error("对方系统暂时不可用");
      },
      { retryLimit: 2, retryDelaySeconds: 1 },
    );
    await jobs.start();
    cleanups.push(() => jobs.stop());
    await db.db.transaction(async (tx) => events.publish(tx, somethingHappened, { n: 1 }));
    events.committed(somethingHappened);

    await expect.poll(() => jobs.failed(), { timeout: 15_000, interval: 200 }).toHaveLength(1);
    expect(calls).toBe(3);
    const [failed] = await jobs.failed();
    expect(failed).toMatchObject({ queue: "test.something-happened.flaky", data: { n: 1 }, attempts: 3 });
    expect(failed?.error).toBe("对方系统暂时不可用");

    healthy = true;
    await jobs.retry(failed?.queue ?? "", failed?.id ?? "");
    await jobs.settled();
    expect(calls).toBe(4);
    expect(await jobs.failed()).toEqual([]);
  }, 30_000);

  it("keeps an event committed while no worker ran, and delivers it when the platform starts again", async () => {
    const first = await setUp();
    first.events.subscribe(somethingHappened, "later", async () => {
      throw new Error("the first process never gets here");
    });
    // The queue exists (the first start), then the process stops before delivering anything.
    await first.jobs.start();
    await first.jobs.stop();
    await first.db.db.transaction(async (tx) => first.events.publish(tx, somethingHappened, { n: 7 }));

    const second = await setUp(first.db);
    const seen: number[] = [];
    second.events.subscribe(somethingHappened, "later", async ({ n }) => void seen.push(n));
    await second.jobs.start();
    cleanups.push(() => second.jobs.stop());
    await second.jobs.settled();
    expect(seen).toEqual([7]);
    const rows = await first.db.db.execute(
      sql`select state from jobs.job where name = 'test.something-happened.later'`,
    );
    expect((rows as unknown as { rows: { state: string }[] }).rows.map((r) => r.state)).toEqual(["completed"]);
  });
});
