import { type SQL, sql } from "drizzle-orm";
import type { CaseQueue } from "../common/vocabulary.js";
import type { CasesService } from "../server/modules/cases/cases.service.js";
import type { Actor } from "../server/platform/auth.js";
import { addWorkingDays, todayInChina } from "../server/platform/calendar.js";
import { type Db, resultRows } from "../server/platform/db.js";
import { completeContent } from "../server/test/catalog-fixtures.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "../server/test/harness.js";
import { seedCases } from "./seed-cases.js";
import { actorOf, latency, percentile, timed } from "./support.js";

/**
 * Cases at scale, each figure beside a reference measured in the same run:
 *   full lifecycles (apply → precheck → accept → review → decide → issue → deliver) per second through the service
 *   layer, on in-memory PGlite and on a PostgreSQL server, against bare transactions of the same count and shape;
 *   on PostgreSQL only, a million cases seeded set-based, then the workbench queue and its counts for a city-level
 *   clerk as the service runs them, and the deadline sweep, against a count(*) over the table, the same queue query
 *   with the indexes switched off, and the queue's total with the subtree written as one index range.
 * Each engine gets a fresh database from the test harness (PostgreSQL: a new database, dropped at the end).
 * `node --import tsx bench/cases.ts`; environment: DATABASE_URL (default the local server), BENCH_CASES (200),
 * BENCH_ROWS (1,000,000), BENCH_QUEUE_RUNS (210), BENCH_LAYOUT=scattered (see seedCases), BENCH_EXPLAIN=1 to print
 * the plans of the queue queries.
 */

const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const CASES = Number(process.env.BENCH_CASES ?? 200);
const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const QUEUE_RUNS = Number(process.env.BENCH_QUEUE_RUNS ?? 210);
const EXPLAIN = process.env.BENCH_EXPLAIN === "1";
const SCATTERED = process.env.BENCH_LAYOUT === "scattered";
const IN_FLIGHT = 8;
const STEPS = 7;
const GOAL_QUEUE_P95_MS = 50;
const GOAL_SWEEP_MS = 2000;

const QUEUES: CaseQueue[] = ["precheck", "acceptance", "review", "decision", "delivery", "due_soon", "overdue"];

type Actors = { applicant: Actor; clerk: Actor; reviewer: Actor; approver: Actor; supervisor: Actor };

/** A licence item of the Harbin bureau with the default single review, published the way an org admin does it. */
async function publishBenchItem(t: TestApp): Promise<string> {
  const admin = await staffClient(t, "harbin.admin");
  const all = (await t.app.inject({ method: "GET", url: "/api/orgs" })).json() as { id: string; name: string }[];
  const harbinId = all.find((o) => o.name === "哈尔滨市教育局")?.id;
  const power = await admin.request("POST", "/api/admin/catalog/powers", {
    orgId: harbinId,
    code: "XK-990",
    name: "基准测试用许可",
    kind: "licensing",
    basis: "《教师资格条例》",
    responsibility: "受理、审查、决定、送达责任",
  });
  await admin.request("POST", `/api/admin/catalog/powers/${power.json().id}/publish`);
  const pdf = Buffer.from("%PDF-1.4\n%%EOF\n");
  const sample = (await admin.upload("/api/files", "样本.pdf", "application/pdf", pdf)).json().id;
  const created = await admin.request("POST", "/api/admin/catalog/items", {
    orgId: harbinId,
    basicCode: "0990",
    content: completeContent({ name: "基准测试许可", powerId: power.json().id, resultSampleFileId: sample }),
  });
  if (created.statusCode !== 201) throw new Error(`bench item: ${created.body}`);
  const published = await admin.request("POST", `/api/admin/catalog/items/${created.json().id}/publish`);
  if (published.statusCode !== 200) throw new Error(`bench item publish: ${published.body}`);
  return created.json().id;
}

async function signInActors(t: TestApp): Promise<Actors> {
  const zhang = new TestClient(t);
  await zhang.signInApplicant("13800000001");
  return {
    applicant: await actorOf(t, zhang),
    clerk: await actorOf(t, await staffClient(t, "harbin.clerk")),
    reviewer: await actorOf(t, await staffClient(t, "harbin.reviewer")),
    approver: await actorOf(t, await staffClient(t, "harbin.approver")),
    supervisor: await actorOf(t, await staffClient(t, "province.supervisor")),
  };
}

let applications = 0;

/** One case from the online application to delivery, each step by the staff member whose permission it needs. */
async function lifecycle(cases: CasesService, a: Actors, itemId: string): Promise<string> {
  const n = ++applications;
  let c = await cases.apply(a.applicant, {
    itemId,
    idempotencyKey: `bench-${process.pid}-${n}`,
    form: { school: "哈尔滨师范大学" },
    situationKeys: [],
    submit: true,
    commitment: false,
  });
  c = await cases.precheck(a.clerk, c.id, c.revision);
  c = await cases.accept(a.clerk, c.id, c.revision);
  c = await cases.review(a.reviewer, c.id, { revision: c.revision, opinion: "材料齐全，符合条件" });
  c = await cases.decide(a.approver, c.id, { revision: c.revision, decision: "granted", reason: "符合条件，准予许可" });
  c = await cases.issue(a.reviewer, c.id, { revision: c.revision, resultNumber: `HRB-BENCH-${n}` });
  c = await cases.deliver(a.clerk, c.id, { revision: c.revision, method: "pickup" });
  if (c.status !== "completed") throw new Error(`case ${c.id} ended ${c.status}`);
  return c.id;
}

/** The floor under one lifecycle: seven transactions that each update the case row and add one timeline row. */
async function bareLifecycle(db: Db, caseId: string): Promise<void> {
  for (let step = 0; step < STEPS; step++) {
    await db.transaction(async (tx) => {
      await tx.execute(sql`update cases set revision = revision + 1, updated_at = now() where id = ${caseId}`);
      await tx.execute(
        sql`insert into case_events (id, case_id, action, actor_name, to_status, note)
            values (gen_random_uuid(), ${caseId}, 'bench', '基准', 'completed', '基准测试')`,
      );
    });
  }
}

async function perSecond(count: number, inFlight: number, one: () => Promise<unknown>): Promise<number> {
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        next++;
        await one();
      }
    }),
  );
  return count / ((performance.now() - began) / 1000);
}

type Lifecycles = { label: string; bare: number; sequential: number; concurrent: number };

async function benchLifecycles(t: TestApp, label: string): Promise<{ actors: Actors; figures: Lifecycles }> {
  const itemId = await publishBenchItem(t);
  const actors = await signInActors(t);
  const cases = t.services.cases;
  let lastId = "";
  for (let i = 0; i < 20; i++) lastId = await lifecycle(cases, actors, itemId); // warm-up: JIT, caches, plans
  for (let i = 0; i < 20; i++) await bareLifecycle(t.database.db, lastId);
  const bare = await perSecond(CASES, 1, () => bareLifecycle(t.database.db, lastId));
  const sequential = await perSecond(CASES, 1, () => lifecycle(cases, actors, itemId));
  const concurrent = await perSecond(CASES, IN_FLIGHT, () => lifecycle(cases, actors, itemId));
  return { actors, figures: { label, bare, sequential, concurrent } };
}

function printLifecycles(all: Lifecycles[]): void {
  console.log(
    `\ncase lifecycles (apply → precheck → accept → review → decide → issue → deliver), ${CASES} cases each, service layer`,
  );
  for (const f of all) {
    const row = (name: string, value: number) => `  ${name.padEnd(62)} ${value.toFixed(1).padStart(8)} /s`;
    console.log(row(`${f.label}: ${STEPS} bare update+insert transactions (reference)`, f.bare));
    console.log(row(`${f.label}: lifecycles, one at a time`, f.sequential));
    console.log(row(`${f.label}: lifecycles, ${IN_FLIGHT} in flight`, f.concurrent));
    console.log(`  ${f.label}: one lifecycle costs ${(f.bare / f.sequential).toFixed(1)}× its bare transactions`);
  }
}

// ---- a million cases on PostgreSQL ----

/** The workbench queue query as listQueue builds it, in SQL, for the plans and the index-off reference. */
function queueSql(queue: "review" | "precheck", orgPath: string) {
  const status = queue === "review" ? "reviewing" : "submitted";
  const where = sql`cases.status in (${status}) and cases.org_path like ${`${orgPath}%`}`;
  return {
    page: sql`select cases.*, item_versions.name, orgs.name, applicant.name from cases
      inner join item_versions on item_versions.id = cases.item_version_id
      inner join orgs on orgs.id = cases.org_id
      inner join users applicant on applicant.id = cases.applicant_id
      where ${where} order by cases.promised_due asc nulls last, cases.submitted_at asc limit 20 offset 0`,
    count: sql`select count(*)::int from cases where ${where}`,
    /** The shape listQueue had before: org or subtree as two branches, which the planner cannot read as one range. */
    countTwoBranches: sql`select count(*)::int from cases where cases.status in (${status}) and (cases.org_path = ${orgPath} or cases.org_path like ${`${orgPath}/%`})`,
  };
}

async function explain(db: Db, title: string, query: SQL): Promise<void> {
  const plan = resultRows<{ "QUERY PLAN": string }>(await db.execute(sql`explain (analyze, buffers) ${query}`));
  console.log(`\n  EXPLAIN ANALYZE ${title}`);
  for (const line of plan) console.log(`    ${line["QUERY PLAN"]}`);
}

async function benchMillion(t: TestApp, actors: Actors): Promise<void> {
  const { db } = t.database;
  const cases = t.services.cases;
  const today = todayInChina();
  const before = Number(resultRows<{ n: number }>(await db.execute(sql`select count(*)::int n from cases`))[0]?.n);

  const [, seedMs] = await timed(() => seedCases(db, ROWS, today, SCATTERED));
  const [, vacuumMs] = await timed(() => db.execute(sql`vacuum analyze cases`));
  // Start measuring from a clean slate rather than in the middle of the checkpoint the seeding's WAL calls for.
  await db.execute(sql`checkpoint`).catch(() => undefined);
  const [size] = resultRows<{ size: string }>(
    await db.execute(sql`select pg_size_pretty(pg_total_relation_size('cases')) size`),
  );

  const [first, sweepFirstMs] = await timed(() => cases.sweepWarnings());
  const [second, sweepSteadyMs] = await timed(() => cases.sweepWarnings());
  // The first sweep of the next working day: what the scheduled job does every morning.
  const nextDay = addWorkingDays(today, 1, await t.services.calendar.workingCalendar()).date;
  const [daily, sweepDailyMs] = await timed(() => cases.sweepWarnings(nextDay));
  await db.execute(sql`analyze cases`);

  const clerk = actors.clerk;
  const clerkPath = clerk.orgPath ?? "";
  const [scope] = resultRows<{ n: number }>(
    await db.execute(
      sql`select count(*)::int n from cases where org_path = ${clerkPath} or org_path like ${`${clerkPath}/%`}`,
    ),
  );
  const counts = await cases.queueCounts(clerk);

  // References: every row counted, and the review queue's page and total with index scans switched off.
  const countAll: number[] = [];
  for (let i = 0; i < 20; i++) countAll.push((await timed(() => db.execute(sql`select count(*) from cases`)))[1]);
  const noIndex: number[] = [];
  const review = queueSql("review", clerkPath);
  for (let i = 0; i < 20; i++) {
    noIndex.push(
      (
        await timed(() =>
          db.transaction(async (tx) => {
            await tx.execute(sql`set local enable_indexscan = off`);
            await tx.execute(sql`set local enable_bitmapscan = off`);
            await tx.execute(sql`set local enable_indexonlyscan = off`);
            await Promise.all([tx.execute(review.page), tx.execute(review.count)]);
          }),
        )
      )[1],
    );
  }

  // The review queue's total as the service shapes it (the subtree as one prefix range), against the earlier shape.
  const totalAsIs: number[] = [];
  const totalTwoBranches: number[] = [];
  for (let i = 0; i < 50; i++) {
    totalAsIs.push((await timed(() => db.execute(review.count)))[1]);
    totalTwoBranches.push((await timed(() => db.execute(review.countTwoBranches)))[1]);
  }

  // As the workbench calls them: one page of each queue in turn, and the seven counts of the queue tabs.
  for (let i = 0; i < 14; i++)
    await cases.listQueue(clerk, { queue: QUEUES[i % 7] ?? "review", page: 1, pageSize: 20 });
  const list: number[] = [];
  const listByQueue = new Map<CaseQueue, number[]>(QUEUES.map((q) => [q, []]));
  for (let i = 0; i < QUEUE_RUNS; i++) {
    const queue = QUEUES[i % QUEUES.length] ?? "review";
    const [, ms] = await timed(() => cases.listQueue(clerk, { queue, page: 1, pageSize: 20 }));
    list.push(ms);
    listByQueue.get(queue)?.push(ms);
  }
  const slowest = [...listByQueue].map(([q, ms]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return { q, ms, p95: percentile(sorted, 0.95) };
  });
  slowest.sort((a, b) => b.p95 - a.p95);
  const countsRuns: number[] = [];
  for (let i = 0; i < QUEUE_RUNS; i++) countsRuns.push((await timed(() => cases.queueCounts(clerk)))[1]);
  const province: number[] = [];
  for (let i = 0; i < QUEUE_RUNS / 3; i++) {
    const queue = QUEUES[i % QUEUES.length] ?? "review";
    province.push((await timed(() => cases.listQueue(actors.supervisor, { queue, page: 1, pageSize: 20 })))[1]);
  }

  console.log(
    `\nworkbench queue on PostgreSQL, ${(before + ROWS).toLocaleString("en")} cases in ${SCATTERED ? "scattered" : "submission"} order (${size?.size}; seeded in ${(seedMs / 1000).toFixed(1)} s, vacuum analyze ${(vacuumMs / 1000).toFixed(1)} s)`,
  );
  console.log(
    `  harbin.clerk's subtree: ${scope?.n.toLocaleString("en")} cases; queues ${QUEUES.map((q) => `${q} ${counts[q]}`).join(", ")}`,
  );
  console.log(latency("count(*) over every case (reference)", countAll));
  console.log(latency("review queue page + total, index scans off (reference)", noIndex));
  console.log(latency("review queue total as listQueue shapes it", totalAsIs));
  console.log(latency("review queue total, org = p or like 'p/%' (earlier shape)", totalTwoBranches));
  console.log(latency(`listQueue, harbin.clerk, 7 queues in turn × ${QUEUE_RUNS / 7}`, list, GOAL_QUEUE_P95_MS));
  const worst = slowest[0];
  if (worst) console.log(latency(`  of which the slowest queue (${worst.q})`, worst.ms, GOAL_QUEUE_P95_MS));
  console.log(
    `    p95 by queue: ${QUEUES.map((q) => `${q} ${slowest.find((s) => s.q === q)?.p95.toFixed(1)}`).join(", ")} ms`,
  );
  console.log(latency("queueCounts, harbin.clerk (7 counts)", countsRuns, GOAL_QUEUE_P95_MS));
  console.log(latency("listQueue, province.supervisor (whole province)", province));
  const verdict = (ms: number) => (ms < GOAL_SWEEP_MS ? "met" : "MISSED");
  console.log(`\ndeadline sweep over ${(before + ROWS).toLocaleString("en")} cases (goal < ${GOAL_SWEEP_MS} ms)`);
  console.log(
    `  first sweep (every warning to set)   ${sweepFirstMs.toFixed(0).padStart(7)} ms   yellow ${first.yellow}, red ${first.red}, cleared ${first.cleared}   goal: ${verdict(sweepFirstMs)}`,
  );
  console.log(
    `  next sweep (nothing changed)         ${sweepSteadyMs.toFixed(0).padStart(7)} ms   yellow ${second.yellow}, red ${second.red}, cleared ${second.cleared}   goal: ${verdict(sweepSteadyMs)}`,
  );
  console.log(
    `  next working day's first sweep       ${sweepDailyMs.toFixed(0).padStart(7)} ms   yellow ${daily.yellow}, red ${daily.red}, cleared ${daily.cleared}   goal: ${verdict(sweepDailyMs)}`,
  );

  if (EXPLAIN) {
    await explain(db, "review queue page, harbin.clerk", review.page);
    await explain(db, "review queue total, harbin.clerk", review.count);
    await explain(db, "review queue total, earlier two-branch shape", review.countTwoBranches);
    const precheck = queueSql("precheck", clerkPath);
    await explain(db, "precheck queue page, harbin.clerk", precheck.page);
    await explain(
      db,
      "overdue total, harbin.clerk",
      sql`select count(*) from cases where warning = 'red' and (org_path = ${clerkPath} or org_path like ${`${clerkPath}/%`})`,
    );
  }
}

// ---- run ----

const lifecycles: Lifecycles[] = [];

const { DATABASE_URL: _server, ...rest } = process.env;
process.env = rest; // the harness opens in-memory PGlite when no DATABASE_URL is set
const pglite = await startTestApp();
try {
  lifecycles.push((await benchLifecycles(pglite, "PGlite (in memory)")).figures);
} finally {
  await pglite.close();
}

process.env.DATABASE_URL = SERVER_URL; // the harness makes a fresh database on this server and drops it on close
const postgres = await startTestApp();
try {
  const { actors, figures } = await benchLifecycles(postgres, "PostgreSQL");
  lifecycles.push(figures);
  printLifecycles(lifecycles);
  await benchMillion(postgres, actors);
} finally {
  await postgres.close();
}
