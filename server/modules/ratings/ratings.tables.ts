import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  APPEAL_REASONS,
  APPEAL_STATUSES,
  RATING_CHANNELS,
  RATING_STAGES,
  RECTIFICATION_OUTCOMES,
  RECTIFICATION_STATUSES,
} from "../../../common/vocabulary.js";
import { files } from "../../platform/files.tables.js";
import { users } from "../accounts/index.js";
import { cases } from "../cases/index.js";
import { items } from "../catalog/index.js";
import { orgs } from "../orgs/index.js";

/**
 * 好差评: one rating per case per stage (the unique index makes a second one impossible, whoever sends it). Nothing
 * updates `level`, `scores` or `comment` after the insert. `rater_id` never leaves the module except to send the rater
 * the answer; `staff_id` is the staff member whose work was rated, who sees their ratings without the case.
 */
export const ratings = pgTable(
  "ratings",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    stage: text("stage", { enum: RATING_STAGES }).notNull(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    orgPath: text("org_path").notNull(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => items.id),
    /** The item's name in the version the case was filed under. */
    itemName: text("item_name").notNull(),
    staffId: uuid("staff_id").references(() => users.id),
    raterId: uuid("rater_id")
      .notNull()
      .references(() => users.id),
    level: integer("level").notNull(),
    /** Indicator → level, the channel's standard set. */
    scores: jsonb("scores").$type<Record<string, number>>().notNull(),
    comment: text("comment").notNull().default(""),
    channel: text("channel", { enum: RATING_CHANNELS }).notNull(),
    /** An upheld appeal takes the rating out of every figure; the rating itself stays on record. */
    excluded: boolean("excluded").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("ratings_case_stage_idx").on(t.caseId, t.stage),
    index("ratings_org_idx").on(t.orgPath.op("text_pattern_ops"), t.createdAt),
  ],
);

/** 短信评价链接: a one-time link sent to the applicant; only the SM3 digest of its token is stored. */
export const ratingLinks = pgTable("rating_links", {
  tokenDigest: text("token_digest").primaryKey(),
  caseId: uuid("case_id")
    .notNull()
    .references(() => cases.id),
  stage: text("stage", { enum: RATING_STAGES }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

export type CallBack = { at: string; by: string; reached: boolean; satisfied: boolean | null; note: string };

/** 差评整改: opened by every bad rating, for the rated org, due in a number of working days. */
export const rectifications = pgTable(
  "rectifications",
  {
    id: uuid("id").primaryKey(),
    ratingId: uuid("rating_id")
      .notNull()
      .references(() => ratings.id)
      .unique(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    orgPath: text("org_path").notNull(),
    status: text("status", { enum: RECTIFICATION_STATUSES }).notNull().default("open"),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** 核实情况: what the org found when it looked into the rating. */
    finding: text("finding"),
    outcome: text("outcome", { enum: RECTIFICATION_OUTCOMES }),
    /** 整改措施或解释说明, published once closed. */
    measures: text("measures"),
    /** The answer sent to the rater. */
    reply: text("reply"),
    callBack: jsonb("call_back").$type<CallBack>(),
    /** Why a supervisor sent it back, the last time. */
    sentBack: text("sent_back"),
    closedBy: uuid("closed_by"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("rectifications_queue_idx").on(t.status, t.orgPath.op("text_pattern_ops"))],
);

/** 申诉复核: an org contests a rating; a supervisor of a level above decides. */
export const ratingAppeals = pgTable(
  "rating_appeals",
  {
    id: uuid("id").primaryKey(),
    ratingId: uuid("rating_id")
      .notNull()
      .references(() => ratings.id),
    orgPath: text("org_path").notNull(),
    reason: text("reason", { enum: APPEAL_REASONS }).notNull(),
    statement: text("statement").notNull(),
    evidenceFileId: uuid("evidence_file_id").references(() => files.id),
    status: text("status", { enum: APPEAL_STATUSES }).notNull().default("pending"),
    filedBy: uuid("filed_by").notNull(),
    decidedBy: uuid("decided_by"),
    decisionNote: text("decision_note"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // At most one appeal waiting per rating.
    uniqueIndex("rating_appeals_pending_idx").on(t.ratingId).where(sql`status = 'pending'`),
    index("rating_appeals_org_idx").on(t.status, t.orgPath.op("text_pattern_ops")),
  ],
);

export type RatingRow = typeof ratings.$inferSelect;
export type RectificationRow = typeof rectifications.$inferSelect;
