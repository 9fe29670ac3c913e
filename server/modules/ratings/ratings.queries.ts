import { and, desc, eq, sql } from "drizzle-orm";
import { type Actor, assertPermission, withinScope } from "../../platform/auth.js";
import type { Db } from "../../platform/db.js";
import { maskPersonalDataInText } from "../../platform/masking.js";
import { orgDisplayName, orgs, parentOrg } from "../orgs/index.js";
import { type RatingRow, ratings, rectifications } from "./ratings.tables.js";

export type RatingJoined = {
  rating: RatingRow;
  orgName: string;
  rectificationId: string | null;
  appealStatus: "pending" | "upheld" | "rejected" | null;
};

/**
 * A phone or ID number the rater wrote in a comment is taken out, not masked: masked, it is still the very string
 * (138****0001) that the case page shows the clerk as the applicant's number, and so names the rater. The handler
 * reaches the rater through the rectification's contact instead.
 */
export function withoutNumbers(text: string): string {
  return maskPersonalDataInText(text).replace(/[0-9]{3}\*{4}[0-9]{4}|[0-9]{4}\*{10}[0-9]{3}[0-9Xx]/g, "（号码已隐去）");
}

/** Those who answer for the ratings: the org's handlers, and supervisors over it. */
export function assertAnswersFor(actor: Actor): void {
  if (!actor.permissions.has("feedback.handle")) assertPermission(actor, "supervision.view");
}

/** The read side of ratings: a rating as staff see it, the org's list, and what was said of one's own work. */
export function createRatingQueries(db: Db) {
  const ratingColumns = {
    rating: ratings,
    orgName: orgDisplayName,
    rectificationId: rectifications.id,
    appealStatus: sql<"pending" | "upheld" | "rejected" | null>`(
      select status from rating_appeals a where a.rating_id = ${ratings.id} order by a.created_at desc limit 1)`,
  };

  function ratingsFrom() {
    return db
      .select(ratingColumns)
      .from(ratings)
      .innerJoin(orgs, eq(orgs.id, ratings.orgId))
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .leftJoin(rectifications, eq(rectifications.ratingId, ratings.id));
  }

  /** Without the rater and without the case; a number the rater wrote in the comment is removed (see below). */
  function ratingView(r: RatingJoined) {
    return {
      id: r.rating.id,
      orgName: r.orgName,
      itemName: r.rating.itemName,
      stage: r.rating.stage,
      level: r.rating.level,
      scores: r.rating.scores,
      comment: withoutNumbers(r.rating.comment),
      channel: r.rating.channel,
      excluded: r.rating.excluded,
      createdAt: r.rating.createdAt.toISOString(),
      rectificationId: r.rectificationId,
      appealStatus: r.appealStatus,
    };
  }

  /** Ratings of the org's subtree, for those who answer for them. */
  async function list(actor: Actor, query: { bad?: "true" | "false"; page: number; pageSize: number }) {
    assertAnswersFor(actor);
    const where = and(
      withinScope(actor, ratings.orgPath),
      query.bad === "true" ? sql`${ratings.level} <= 2` : undefined,
      query.bad === "false" ? sql`${ratings.level} > 2` : undefined,
    );
    const rows = await ratingsFrom()
      .where(where)
      .orderBy(desc(ratings.createdAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize);
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(ratings).where(where);
    // A handler who was rated sees their own ratings here as in 我的评价: not their rectification or appeal.
    const items = rows.map((r) =>
      r.rating.staffId === actor.userId
        ? { ...ratingView(r), rectificationId: null, appealStatus: null }
        : ratingView(r),
    );
    return { items, total: count?.n ?? 0, page: query.page, pageSize: query.pageSize };
  }

  /** 我的评价: what applicants said of the signed-in staff member's own work, with neither rater nor case. */
  async function listMine(actor: Actor) {
    const rows = await ratingsFrom()
      .where(eq(ratings.staffId, actor.userId))
      .orderBy(desc(ratings.createdAt))
      .limit(100);
    return rows.map((r) => ({ ...ratingView(r), rectificationId: null }));
  }

  return { ratingsFrom, ratingView, list, listMine };
}

export type RatingQueries = ReturnType<typeof createRatingQueries>;
