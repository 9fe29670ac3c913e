import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { RatingLevel } from "../../../common/vocabulary.js";
import { type Actor, assertPermission, withinScope } from "../../platform/auth.js";
import { todayInChina } from "../../platform/calendar.js";
import type { Db } from "../../platform/db.js";
import { users } from "../accounts/index.js";
import { itemVersions } from "../catalog/index.js";
import { type OrgService, orgDisplayName, orgs, parentOrg } from "../orgs/index.js";
import { ratings, rectifications } from "./ratings.tables.js";

export type FiguresQuery = { by: "org" | "item" | "staff"; from?: string; to?: string };

const PUBLIC_CACHE_MS = 60_000;
/** Periods people pick are few; a flood of odd ones must not grow the cache without bound. */
const PUBLIC_CACHE_ENTRIES = 200;

type FigureRow = Awaited<ReturnType<ReturnType<typeof createRatingFigures>["forStaff"]>>[number];

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/**
 * 好差评 figures by org, item or staff over a period. Ratings taken out by an upheld appeal are not counted.
 * The public page's figures are kept for a minute: they move slowly, and the page is open to anyone.
 */
export function createRatingFigures(db: Db, orgService: OrgService) {
  /** Days are counted in Asia/Shanghai, whatever the database's time zone. */
  function period(query: FiguresQuery): SQL[] {
    const bounds: SQL[] = [];
    if (query.from)
      bounds.push(sql`${ratings.createdAt} >= (${query.from}::date)::timestamp at time zone 'Asia/Shanghai'`);
    if (query.to)
      bounds.push(sql`${ratings.createdAt} < (${query.to}::date + 1)::timestamp at time zone 'Asia/Shanghai'`);
    return bounds;
  }

  const keyColumn = { org: ratings.orgId, item: ratings.itemId, staff: ratings.staffId };

  /**
   * Counts first, names after: the aggregate reads the ratings alone (and the bad ones' rectifications), so its cost
   * is one pass over the ratings; joining names to every row first made it several times that.
   */
  async function compute(query: FiguresQuery, scope: SQL | undefined) {
    const key = keyColumn[query.by];
    const where = and(eq(ratings.excluded, false), scope, ...period(query));
    const [byLevel, handled] = await Promise.all([
      db
        .select({
          key,
          level: ratings.level,
          orgId: ratings.orgId,
          n: sql<number>`count(*)::int`,
        })
        .from(ratings)
        .where(where)
        .groupBy(key, ratings.orgId, ratings.level),
      db
        .select({
          key,
          rectified: sql<number>`(count(*) filter (where ${rectifications.status} = 'closed'))::int`,
          calledBack: sql<number>`(count(*) filter (where ${rectifications.callBack} is not null))::int`,
        })
        .from(rectifications)
        .innerJoin(ratings, eq(ratings.id, rectifications.ratingId))
        .where(where)
        .groupBy(key),
    ]);
    const counts = new Map<string | null, { orgId: string; levels: Record<RatingLevel, number> }>();
    for (const row of byLevel) {
      const entry = counts.get(row.key) ?? { orgId: row.orgId, levels: { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 } };
      // An item belongs to one org; a staff member rated in two orgs is shown under the first.
      entry.levels[row.level as RatingLevel] += row.n;
      counts.set(row.key, entry);
    }
    const handledBy = new Map(handled.map((h) => [h.key, h]));
    const keys = [...counts.keys()].filter((k): k is string => k !== null);
    const names = await namesOf(query.by, keys);
    const orgNames =
      query.by === "org" ? names : await namesOf("org", [...new Set([...counts.values()].map((c) => c.orgId))]);
    const rows = [...counts].map(([k, { orgId, levels }]) => {
      const total = levels[5] + levels[4] + levels[3] + levels[2] + levels[1];
      const levelSum = 5 * levels[5] + 4 * levels[4] + 3 * levels[3] + 2 * levels[2] + levels[1];
      const bad = levels[2] + levels[1];
      const done = handledBy.get(k);
      return {
        key: k ?? "",
        name: (k && names.get(k)) ?? "（未记录）",
        orgName: query.by === "org" ? null : (orgNames.get(orgId) ?? null),
        total,
        levels,
        score: Math.round((levelSum / total) * 200) / 10,
        satisfiedRate: rate(levels[5] + levels[4] + levels[3], total),
        badRate: rate(bad, total),
        bad,
        rectifiedRate: rate(done?.rectified ?? 0, bad),
        calledBackRate: rate(done?.calledBack ?? 0, bad),
      };
    });
    return rows.sort((a, b) => b.total - a.total);
  }

  /** The display names of the keys: an org's (with its university), an item's latest, a staff member's. */
  async function namesOf(by: FiguresQuery["by"], ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    if (by === "org") return orgService.displayNames(ids);
    const rows =
      by === "item"
        ? await db
            .selectDistinctOn([itemVersions.itemId], { id: itemVersions.itemId, name: itemVersions.name })
            .from(itemVersions)
            .where(inArray(itemVersions.itemId, ids))
            .orderBy(itemVersions.itemId, desc(itemVersions.versionNo))
        : await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** For those who answer for the ratings: their subtree, also by staff member. */
  async function forStaff(actor: Actor, query: FiguresQuery) {
    if (!actor.permissions.has("feedback.handle")) assertPermission(actor, "supervision.view");
    return compute(query, withinScope(actor, ratings.orgPath));
  }

  /** The public page: by org and by item only, never by person. */
  /**
   * The public page's figures, kept for a minute: they move slowly, the page is open to anyone, and each computation
   * reads every rating. A change in this process drops them at once; other processes catch up within the minute.
   */
  const publicCache = new Map<string, { at: number; rows: Promise<FigureRow[]> }>();

  async function forPublic(query: FiguresQuery & { by: "org" | "item" }) {
    const key = `${query.by}|${query.from ?? ""}|${query.to ?? ""}`;
    const cached = publicCache.get(key);
    if (cached && Date.now() - cached.at < PUBLIC_CACHE_MS) return cached.rows;
    if (publicCache.size >= PUBLIC_CACHE_ENTRIES) publicCache.clear();
    const rows = compute(query, undefined);
    publicCache.set(key, { at: Date.now(), rows });
    rows.catch(() => publicCache.delete(key));
    return rows;
  }

  function forget(): void {
    publicCache.clear();
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

  return { forStaff, forPublic, publishedRectifications, forget };
}
