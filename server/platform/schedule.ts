import { and, eq, lt } from "drizzle-orm";
import type { Db } from "./db.js";
import { jobRuns } from "./schedule.tables.js";

const CHECK_MS = 60_000;

/**
 * Claims this period's run of a job: one atomic update that only the first of several server processes wins.
 * The claim lives in the database, so a restart neither repeats a run nor skips one that fell due meanwhile.
 */
export async function claimRun(db: Db, name: string, everyMs: number, now = new Date()): Promise<boolean> {
  await db
    .insert(jobRuns)
    .values({ name, lastStartedAt: new Date(0) })
    .onConflictDoNothing();
  const claimed = await db
    .update(jobRuns)
    .set({ lastStartedAt: now })
    .where(and(eq(jobRuns.name, name), lt(jobRuns.lastStartedAt, new Date(now.getTime() - everyMs))))
    .returning({ name: jobRuns.name });
  return claimed.length === 1;
}

/** Runs `job` once per `everyMs` across every process, checking each minute; returns a stop function. */
export function scheduleEvery(
  db: Db,
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void },
  name: string,
  everyMs: number,
  job: () => Promise<object>,
): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      if (await claimRun(db, name, everyMs)) log.info({ job: name, result: await job() }, "定时任务已完成");
    } catch (error) {
      log.error({ err: error, job: name }, "定时任务失败，下个周期重试");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, Math.min(everyMs, CHECK_MS));
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
