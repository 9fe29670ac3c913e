import { sql } from "drizzle-orm";
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ITEM_KINDS, POWER_KINDS, TOPICS } from "../../../common/vocabulary.js";
import { orgs } from "../orgs/index.js";
import type { ItemContent } from "./catalog.contract.js";

/** draft: being edited; published: the one in force; superseded: an older published one; retired: withdrawn on end_date. */
export const VERSION_STATUSES = ["draft", "published", "superseded", "retired"] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** 权责清单: one row per power of an org; its text lives in versions. */
export const powers = pgTable(
  "powers",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    code: text("code").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("powers_org_code_idx").on(t.orgId, t.code)],
);

export const powerVersions = pgTable(
  "power_versions",
  {
    id: uuid("id").primaryKey(),
    powerId: uuid("power_id")
      .notNull()
      .references(() => powers.id),
    versionNo: integer("version_no").notNull(),
    status: text("status", { enum: VERSION_STATUSES }).notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: POWER_KINDS }).notNull(),
    basis: text("basis").notNull(),
    responsibility: text("responsibility").notNull(),
    /** Optimistic lock for draft edits. */
    revision: integer("revision").notNull().default(1),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    endDate: date("end_date", { mode: "string" }),
  },
  (t) => [
    uniqueIndex("power_versions_no_idx").on(t.powerId, t.versionNo),
    uniqueIndex("power_versions_one_draft_idx").on(t.powerId).where(sql`status = 'draft'`),
    uniqueIndex("power_versions_one_published_idx").on(t.powerId).where(sql`status = 'published'`),
  ],
);

/** 事项: the identity of a service item; everything users read is in its versions. */
export const items = pgTable(
  "items",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    basicCode: text("basic_code").notNull(),
    code: text("code").notNull().unique(),
    /**
     * 同事同标: a province standard item (基本目录) is a template local orgs publish their own copies of; it is read
     * by admins and shown with its local copies, but never listed, searched or applied for itself.
     */
    standard: boolean("standard").notNull().default(false),
    /** The province standard item this local item follows, if any. */
    standardItemId: uuid("standard_item_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("items_org_basic_code_idx").on(t.orgId, t.basicCode),
    index("items_standard_idx").on(t.standardItemId),
  ],
);

export const itemVersions = pgTable(
  "item_versions",
  {
    id: uuid("id").primaryKey(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => items.id),
    versionNo: integer("version_no").notNull(),
    status: text("status", { enum: VERSION_STATUSES }).notNull(),
    content: jsonb("content").$type<ItemContent>().notNull(),
    // Copied out of content for filtering and listing without reading the whole guide.
    name: text("name").notNull(),
    kind: text("kind", { enum: ITEM_KINDS }).notNull(),
    topic: text("topic", { enum: TOPICS }).notNull(),
    revision: integer("revision").notNull().default(1),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    endDate: date("end_date", { mode: "string" }),
  },
  (t) => [
    uniqueIndex("item_versions_no_idx").on(t.itemId, t.versionNo),
    uniqueIndex("item_versions_one_draft_idx").on(t.itemId).where(sql`status = 'draft'`),
    uniqueIndex("item_versions_one_published_idx").on(t.itemId).where(sql`status = 'published'`),
    index("item_versions_status_idx").on(t.status),
  ],
);

export type ItemRow = typeof items.$inferSelect;
export type ItemVersionRow = typeof itemVersions.$inferSelect;
export type PowerRow = typeof powers.$inferSelect;
export type PowerVersionRow = typeof powerVersions.$inferSelect;
