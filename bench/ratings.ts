import { sql } from "drizzle-orm";
import { resultRows } from "../server/platform/db.js";
import { staffClient, startTestApp } from "../server/test/harness.js";
import { seedCases } from "./seed-cases.js";
import { actorOf, latency, timed } from "./support.js";

/**
 * 好差评 figures at scale on PostgreSQL: BENCH_ROWS cases seeded set-based (as the cases benchmark does), a rating for
 * each accepted one and a second for each completed one, about one in twelve bad with its rectification. Then the
 * figures as the public page and a province supervisor ask for them, against a count(*) and a bare group by org over
 * the same ratings, measured in the same run.
 * `node --import tsx bench/ratings.ts`; environment: DATABASE_URL (default the local server), BENCH_ROWS (300,000),
 * BENCH_RUNS (30).
 */

const ROWS = Number(process.env.BENCH_ROWS ?? 300_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const GOAL_PUBLIC_P95_MS = 1000;
process.env.DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";

const t = await startTestApp();
try {
  const db = t.database.db;
  const supervisor = await actorOf(t, await staffClient(t, "province.supervisor"));
  const today = new Date().toISOString().slice(0, 10);
  const [, seedMs] = await timed(async () => {
    await seedCases(db, ROWS, today);
    // Levels skewed as real ones are: most 非常满意, a few bad; the staff member is any of the demo staff.
    await db.execute(sql`
      with s as materialized (select array_agg(id order by id) ids from users where kind = 'staff')
      insert into ratings (id, case_id, stage, org_id, org_path, item_id, item_name, staff_id, rater_id, level, scores,
        channel, created_at)
      select gen_random_uuid(), c.id, st.stage, c.org_id, c.org_path, c.item_id, v.name,
        s.ids[1 + floor(random() * cardinality(s.ids))::int], c.applicant_id, lv.level,
        jsonb_build_object('overall', lv.level), (array['web', 'mobile', 'window', 'kiosk', 'sms'])[1 + floor(random() * 5)::int],
        coalesce(c.completed_at, c.accepted_at, now())
      from cases c
      join item_versions v on v.id = c.item_version_id
      cross join s
      cross join lateral (values ('acceptance'), ('completion')) st(stage)
      cross join lateral (select case when r < 0.70 then 5 when r < 0.86 then 4 when r < 0.92 then 3
        when r < 0.96 then 2 else 1 end level from (select random() r) x) lv
      where c.number like 'BENCH-%' and (c.accepted_at is not null or c.status = 'refused')
        and (st.stage = 'acceptance' or c.status = 'completed')`);
    await db.execute(sql`
      insert into rectifications (id, rating_id, org_id, org_path, status, due_on, call_back)
      select gen_random_uuid(), r.id, r.org_id, r.org_path,
        case when random() < 0.9 then 'closed' else 'open' end, ${today}::date,
        case when random() < 0.95 then '{"reached": true}'::jsonb end
      from ratings r where r.level <= 2`);
    await db.execute(sql`vacuum analyze ratings`);
    await db.execute(sql`vacuum analyze rectifications`);
  });
  const [counted] = resultRows<{ n: number }>(await db.execute(sql`select count(*)::int n from ratings`));

  const run = async (work: () => Promise<unknown>) => {
    const timings: number[] = [];
    for (let i = 0; i < RUNS; i++) timings.push((await timed(work))[1]);
    return timings;
  };
  const countAll = await run(() => db.execute(sql`select count(*) from ratings where not excluded`));
  const groupByOrg = await run(() =>
    db.execute(sql`select org_id, count(*), sum(level) from ratings where not excluded group by org_id`),
  );
  const figures = t.services.ratingFigures;
  // Each public figure is computed afresh (the page's one-minute cache dropped first), then once read from the cache.
  const fresh = (query: Parameters<typeof figures.forPublic>[0]) => () => {
    figures.forget();
    return figures.forPublic(query);
  };
  const publicByOrg = await run(fresh({ by: "org" }));
  const publicByItem = await run(fresh({ by: "item" }));
  await figures.forPublic({ by: "org" });
  const publicCached = await run(() => figures.forPublic({ by: "org" }));
  const supervisorByStaff = await run(() => figures.forStaff(supervisor, { by: "staff" }));
  const lastMonth = await run(fresh({ by: "org", from: `${today.slice(0, 8)}01`, to: today }));
  const rectifications = await run(() => figures.publishedRectifications());

  console.log(
    `好差评 figures on PostgreSQL, ${counted?.n.toLocaleString("en")} ratings of ${ROWS.toLocaleString("en")} cases (seeded in ${(seedMs / 1000).toFixed(1)} s), ${RUNS} runs each`,
  );
  console.log(latency("count(*) of the ratings counted (reference)", countAll));
  console.log(latency("bare group by org: count and sum (reference)", groupByOrg));
  console.log(latency("public page, by org", publicByOrg, GOAL_PUBLIC_P95_MS));
  console.log(latency("public page, by item", publicByItem, GOAL_PUBLIC_P95_MS));
  console.log(latency("public page, by org, this month", lastMonth, GOAL_PUBLIC_P95_MS));
  console.log(latency("public page, by org, within the minute (cached)", publicCached, GOAL_PUBLIC_P95_MS));
  console.log(latency("province supervisor, by staff", supervisorByStaff));
  console.log(latency("public list of rectifications done (50 newest)", rectifications, GOAL_PUBLIC_P95_MS));
} finally {
  await t.close();
}
