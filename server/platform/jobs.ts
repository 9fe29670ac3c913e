import { type SQL, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Database, Db } from "./db.js";
import { resultRows } from "./db.js";

/**
 * Durable work on the platform's own database, through pg-boss: a job is a row, written in the transaction that
 * asks for it (it exists if and only if that commits), worked by any server process, retried with a growing delay
 * when its handler throws, and kept as failed — for an administrator to see and retry — when the retries run out.
 * A process that dies mid-job leaves it active until it expires; then it runs again. Handlers must therefore be
 * idempotent: doing the same job twice has the effect of doing it once.
 *
 * Why pg-boss: it keeps jobs in PostgreSQL (no broker to run), takes a caller's connection for a transactional send,
 * and runs on embedded PGlite through the same `executeSql` hook, so demo, tests and production share one mechanism.
 * graphile-worker connects through a `pg` pool of its own and waits with LISTEN/NOTIFY, which embedded PGlite has no
 * connection to offer.
 * pg-boss 11 and later need Node 22; this platform still promises Node 20, so it stays on 10 until that floor moves.
 */

export type JobHandler<T> = (data: T, job: { id: string; queue: string }) => Promise<void>;

export type QueueOptions = {
  /** Attempts after the first, each after twice the delay of the one before. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** How long one attempt may run before it is taken for dead (a process that stopped) and tried again. */
  expireInSeconds?: number;
};

/** A job that ran out of retries: what it was, and why it last failed. */
export type FailedJob = {
  id: string;
  queue: string;
  data: unknown;
  error: string;
  attempts: number;
  createdAt: Date;
  failedAt: Date | null;
};

const SCHEMA = "jobs";
const SELECT_FAILED = `select id, name, data, output, retry_count, created_on, completed_on from ${SCHEMA}.job
  where state = 'failed'`;
const POLL_SECONDS = 2;
const DEFAULTS: Required<QueueOptions> = { retryLimit: 5, retryDelaySeconds: 5, expireInSeconds: 15 * 60 };

export type Jobs = ReturnType<typeof createJobs>;

export function createJobs(database: Database, log: { error(obj: object, msg: string): void }) {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.raw(text, values) },
    schema: SCHEMA,
    // Cron schedules are not used: the sweeps claim their periods in job_runs.
    schedule: false,
    // Failed jobs stay where the administrator's view finds them until someone acts.
    archiveFailedAfterSeconds: 365 * 24 * 3600,
  });
  boss.on("error", (error) => log.error({ err: error }, "任务队列出错"));
  const queues = new Map<string, { handler: JobHandler<never>; options: Required<QueueOptions> }>();
  const workers = new Map<string, string>();
  let running = false;
  // For `settled`: whether there may be work since this process last found none (at start: whatever is stored).
  let sentSinceSettled = true;
  let handling = 0;

  return {
    /** Declares a queue and the handler that works it; before `start`, so that every process works the same queues. */
    define<T>(queue: string, handler: JobHandler<T>, options: QueueOptions = {}): void {
      if (running) throw new Error(`queue ${queue} defined after the job queue started`);
      queues.set(queue, { handler: handler as JobHandler<never>, options: { ...DEFAULTS, ...options } });
    },

    /** Enqueues within the caller's transaction: the job exists if and only if the transaction commits. */
    async send(tx: Db, queue: string, data: object): Promise<void> {
      if (!queues.has(queue)) throw new Error(`no queue ${queue}`);
      // pg-boss answers null, not an error, when the queue does not exist: a lost job must not pass in silence.
      const id = await boss.send(queue, data, { db: throughDrizzle(tx) });
      if (!id) throw new Error(`queue ${queue} refused the job`);
      sentSinceSettled = true;
    },

    /** Works the queue now rather than at its next poll: called by a sender after its transaction commits. */
    wake(queue: string): void {
      const worker = workers.get(queue);
      if (worker) boss.notifyWorker(worker);
    },

    async start(): Promise<void> {
      await boss.start();
      running = true;
      for (const [queue, { handler, options }] of queues) {
        await boss.createQueue(queue, {
          name: queue,
          retryLimit: options.retryLimit,
          retryDelay: options.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: options.expireInSeconds,
        });
        const worker = await boss.work<never>(queue, { pollingIntervalSeconds: POLL_SECONDS }, async (jobs) => {
          handling++;
          try {
            for (const job of jobs) await handler(job.data, { id: job.id, queue });
          } finally {
            handling--;
          }
        });
        workers.set(queue, worker);
      }
    },

    async stop(): Promise<void> {
      if (!running) return;
      running = false;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },

    /** The jobs that ran out of retries, newest first. */
    async failed(limit = 200): Promise<FailedJob[]> {
      const result = await database.raw(`${SELECT_FAILED} order by completed_on desc nulls last limit $1`, [limit]);
      return (result.rows as FailedRow[]).map(failedJobOf);
    },

    /** One failed job, however far down the list it is; null when there is none by that id. */
    async failedById(id: string): Promise<FailedJob | null> {
      const result = await database.raw(`${SELECT_FAILED} and id = $1`, [id]);
      const [row] = result.rows as FailedRow[];
      return row ? failedJobOf(row) : null;
    },

    /** Sends a failed job back to its queue, for a fresh round of attempts. */
    async retry(queue: string, id: string): Promise<void> {
      await boss.retry(queue, id);
      sentSinceSettled = true;
      this.wake(queue);
    },

    /**
     * Resolves once no job is waiting or running (retries not yet due aside): tests read the effects after it. It asks
     * the database only when this process sent or is working a job since it last found none.
     */
    async settled(timeoutMs = 10_000): Promise<void> {
      const pending = async () => {
        const result = await database.db.execute(sql`
          select count(*)::int as pending from ${sql.raw(SCHEMA)}.job
          where state in ('created', 'retry', 'active') and start_after <= now()`);
        return resultRows<{ pending: number }>(result)[0]?.pending ?? 0;
      };
      if (!sentSinceSettled && handling === 0) return;
      sentSinceSettled = false;
      if ((await pending()) === 0) return;
      for (const queue of queues.keys()) this.wake(queue);
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        if ((await pending()) === 0) return;
      }
      throw new Error("jobs did not settle");
    },
  };
}

type FailedRow = {
  id: string;
  name: string;
  data: unknown;
  output: { message?: string } | null;
  retry_count: number;
  created_on: Date | string;
  completed_on: Date | string | null;
};

const failedJobOf = (row: FailedRow): FailedJob => ({
  id: row.id,
  queue: row.name,
  data: row.data,
  error: row.output?.message ?? "",
  attempts: row.retry_count + 1,
  createdAt: new Date(row.created_on),
  failedAt: row.completed_on ? new Date(row.completed_on) : null,
});

/** pg-boss's SQL (`$1…$n`, a value may be used twice) through Drizzle, so that it runs inside the caller's transaction. */
function throughDrizzle(tx: Db): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      return { rows: resultRows(await tx.execute(withValues(text, values))) };
    },
  };
}

function withValues(text: string, values: unknown[]): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)), sql`${values[Number(match[1]) - 1] ?? null}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}
