import { appendAudit } from "../../platform/audit.js";
import { assertMay, type Caller } from "../../platform/auth.js";
import type { Db } from "../../platform/db.js";
import { errors } from "../../platform/errors.js";
import type { Jobs } from "../../platform/jobs.js";

/** 任务与投递: the jobs that ran out of retries (a delivery to an outside system that stayed down, an SMS gateway). */
export function createJobsAdmin(deps: { db: Db; jobs: Jobs }) {
  async function listFailed(caller: Caller) {
    assertMay(caller, "jobs.manage");
    return (await deps.jobs.failed()).map((job) => ({
      id: job.id,
      queue: job.queue,
      data: JSON.stringify(job.data),
      error: job.error,
      attempts: job.attempts,
      createdAt: job.createdAt.toISOString(),
      failedAt: job.failedAt?.toISOString() ?? null,
    }));
  }

  /** Sends a failed job back for a fresh round of attempts, and says who did. */
  async function retry(caller: Caller, id: string) {
    const actor = assertMay(caller, "jobs.manage");
    const job = await deps.jobs.failedById(id);
    if (!job) throw errors.notFound("失败任务");
    await deps.jobs.retry(job.queue, job.id);
    await appendAudit(deps.db, actor, {
      action: "jobs.retry",
      targetType: "job",
      targetId: job.id,
      summary: `重试失败任务 ${job.queue}（已尝试 ${job.attempts} 次）`,
    });
  }

  return { listFailed, retry };
}

export type JobsAdmin = ReturnType<typeof createJobsAdmin>;
