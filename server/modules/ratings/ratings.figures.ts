import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Actor, assertPermission } from "../../platform/auth.js";
import { todayInChina } from "../../platform/calendar.js";
import type { Db } from "../../platform/db.js";
import { users } from "../accounts/index.js";
import { orgDisplayName, orgs, parentOrg, withinActorSubtree } from "../orgs/index.js";
import { ratings, rectifications } from "./ratings.tables.js";

export type FiguresQuery = { by: "org" | "item" | "staff"; from?: string; to?: string };

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/**
 * 好差评 figures by org, item or staff over a period. Ratings taken out by an upheld appeal are not counted.
 * One grouped pass over the ratings and their rectifications.
 */
export function createRatingFigures(db: Db) {
  /** Days are counted in Asia/Shanghai, whatever the database's time zone. */
  function period(query: FiguresQuery): SQL[] {
    const bounds: SQL[] = [];
    if (query.from)
      bounds.push(sql`${ratings.createdAt} >= (${query.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
    if (query.to)
      bounds.push(sql`${ratings.createdAt} < (${query.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
    return bounds;
  }

  async function compute(query: FiguresQuery, scope: SQL | undefined) {
    const groups = {
      org: { key: ratings.orgId, name: orgDisplayName, orgName: sql<string | null>`null` },
      item: { key: ratings.itemId, name: sql<string>`max(${ratings.itemName})`, orgName: orgDisplayName },
      staff: {
        key: ratings.staffId,
        name: sql<string>`coalesce(max(${users.name}), '（未记录）')`,
        orgName: orgDisplayName,
      },
    }[query.by];
    const rows = await db
      .select({
        key: groups.key,
        name: groups.name,
        orgName: groups.orgName,
        total: sql<number>`count(*)::int`,
        l5: sql<number>`(count(*) filter (where ${ratings.level} = 5))::int`,
        l4: sql<number>`(count(*) filter (where ${ratings.level} = 4))::int`,
        l3: sql<number>`(count(*) filter (where ${ratings.level} = 3))::int`,
        l2: sql<number>`(count(*) filter (where ${ratings.level} = 2))::int`,
        l1: sql<number>`(count(*) filter (where ${ratings.level} = 1))::int`,
        levelSum: sql<number>`sum(${ratings.level})::int`,
        rectified: sql<number>`(count(*) filter (where ${rectifications.status} = 'closed'))::int`,
        calledBack: sql<number>`(count(*) filter (where ${rectifications.callBack} is not null))::int`,
      })
      .from(ratings)
      .innerJoin(orgs, eq(orgs.id, ratings.orgId))
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .leftJoin(rectifications, eq(rectifications.ratingId, ratings.id))
      .leftJoin(users, eq(users.id, ratings.staffId))
      .where(and(eq(ratings.excluded, false), scope, ...period(query)))
      .groupBy(groups.key, orgs.id, orgs.name, orgs.kind, parentOrg.name)
      .orderBy(desc(sql`count(*)`));
    return rows.map((r) => {
      const bad = r.l2 + r.l1;
      return {
        key: r.key ?? "",
        name: r.name,
        orgName: r.orgName,
        total: r.total,
        levels: { 5: r.l5, 4: r.l4, 3: r.l3, 2: r.l2, 1: r.l1 },
        score: r.total === 0 ? null : Math.round((r.levelSum / r.total) * 200) / 10,
        satisfiedRate: rate(r.l5 + r.l4 + r.l3, r.total),
        badRate: rate(bad, r.total),
        bad,
        rectifiedRate: rate(r.rectified, bad),
        calledBackRate: rate(r.calledBack, bad),
      };
    });
  }

  /** For those who answer for the ratings: their subtree, also by staff member. */
  async function forStaff(actor: Actor, query: FiguresQuery) {
    if (!actor.permissions.has("feedback.handle")) assertPermission(actor, "supervision.view");
    return compute(query, withinActorSubtree(actor, ratings.orgPath));
  }

  /** The public page: by org and by item only, never by person. */
  async function forPublic(query: FiguresQuery & { by: "org" | "item" }) {
    return compute(query, undefined);
  }

  /** Rectifications done, for publication: what was wrong and what the org did, never who rated. */
  async function publishedRectifications() {
    const rows = await db
      .select({
        orgName: orgDisplayName,
        itemName: ratings.itemName,
        stage: ratings.stage,
        level: ratings.level,
        ratedAt: ratings.createdAt,
        outcome: rectifications.outcome,
        measures: rectifications.measures,
        closedAt: rectifications.closedAt,
      })
      .from(rectifications)
      .innerJoin(ratings, eq(ratings.id, rectifications.ratingId))
      .innerJoin(orgs, eq(orgs.id, rectifications.orgId))
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .where(and(eq(rectifications.status, "closed"), inArray(rectifications.outcome, ["fixed", "explained"])))
      .orderBy(desc(rectifications.closedAt))
      .limit(50);
    const day = (d: Date | null) => (d ? todayInChina(d) : "");
    return rows.map((r) => ({
      orgName: r.orgName,
      itemName: r.itemName,
      stage: r.stage,
      level: r.level,
      ratedOn: day(r.ratedAt),
      outcome: r.outcome ?? "fixed",
      measures: r.measures ?? "",
      closedOn: day(r.closedAt),
    }));
  }

  return { forStaff, forPublic, publishedRectifications };
}
