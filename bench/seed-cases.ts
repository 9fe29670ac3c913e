import { sql } from "drizzle-orm";
import type { Db } from "../server/platform/db.js";

/**
 * Inserts `count` cases in one set-based statement: orgs drawn from the whole province tree, items and applicants from
 * the demo data, statuses in proportions of a platform that has run for a year (most cases finished, a tenth in the
 * queues), promised dates of running cases from 6 days ago to 29 days ahead. Warnings start at none. Rows go in in the
 * order they were submitted, as a year of use lays them out (the open cases, being recent, near the end of the heap);
 * `scattered` (BENCH_LAYOUT=scattered) spreads them at random over the table instead, the worst case for the queues' heap reads.
 */
export async function seedCases(db: Db, count: number, today: string, scattered = false): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select setseed(0.42)`);
    await tx.execute(sql`
      with o as materialized (select array_agg(id order by path) ids, array_agg(path order by path) paths from orgs),
      v as materialized (
        select array_agg(v.id order by v.id) vids, array_agg(v.item_id order by v.id) iids
        from item_versions v join items i on i.id = v.item_id
        where v.status = 'published' and not i.standard
      ),
      a as materialized (select array_agg(id order by id) ids from users where kind <> 'staff'),
      r as materialized (
        select g,
          1 + floor(random() * cardinality(o.ids))::int oi,
          1 + floor(random() * cardinality(v.vids))::int vi,
          1 + floor(random() * cardinality(a.ids))::int ai,
          random() s,
          floor(random() * 36)::int - 6 due_in,
          floor(random() * 365)::int age
        from generate_series(1, ${count}::int) g, o, v, a
      ),
      x as (
        select r.*,
          case
            when s < 0.010 then 'draft' when s < 0.025 then 'submitted' when s < 0.035 then 'prechecked'
            when s < 0.045 then 'supplement' when s < 0.095 then 'reviewing' when s < 0.100 then 'special'
            when s < 0.120 then 'deciding' when s < 0.130 then 'issuing' when s < 0.140 then 'delivering'
            when s < 0.170 then 'refused' when s < 0.200 then 'withdrawn' else 'completed'
          end status
        from r
      ),
      d as (
        select x.*,
          case
            when status in ('draft', 'submitted', 'prechecked') then ${today}::date - age % 5
            when status in ('refused', 'withdrawn', 'completed') then ${today}::date - age - 15
            else ${today}::date + due_in - 15
          end since,
          case
            when status in ('supplement', 'reviewing', 'special', 'deciding', 'issuing', 'delivering')
              then ${today}::date + due_in
            when status = 'completed' then ${today}::date - age
          end due
        from x
      )
      insert into cases (id, number, item_id, item_version_id, org_id, org_path, applicant_id, channel, status,
        form, idempotency_key, clock, statutory_due, promised_due, decision, submitted_at, accepted_at, decided_at,
        completed_at, revision, created_at, updated_at)
      select gen_random_uuid(),
        case when status <> 'draft' then 'BENCH-' || lpad(g::text, 7, '0') end,
        v.iids[vi], v.vids[vi], o.ids[oi], o.paths[oi], a.ids[ai],
        case when g % 4 = 0 then 'window' else 'online' end,
        status,
        '{"school": "哈尔滨师范大学"}'::jsonb,
        'bench-' || g,
        case when due is not null then jsonb_build_object(
          'unit', 'working', 'acceptedOn', (since + 1)::text, 'statutoryDays', 20, 'promisedDays', 10,
          'pausedDays', 0, 'extendedDays', 0,
          'pausedOn', case when status in ('supplement', 'special') then ${today}::text end
        ) end,
        due + 14,
        due,
        case when status in ('issuing', 'delivering', 'completed') then 'granted' end,
        case when status <> 'draft' then since + time '09:00' + (g % 480) * interval '1 minute' end,
        case when due is not null then since + 1 + time '10:00' end,
        case when status in ('issuing', 'delivering', 'completed') then since + 10 + time '15:00' end,
        case when status in ('refused', 'withdrawn', 'completed') then since + 12 + time '16:00' end,
        case when status in ('draft', 'submitted') then 1 when due is null then 3 else 6 end,
        since + time '08:30',
        since + time '16:30'
      from d, o, v, a
      order by ${scattered ? sql`g` : sql`since, g`}
    `);
  });
}
