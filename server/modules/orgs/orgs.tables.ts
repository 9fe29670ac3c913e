import { type AnyPgColumn, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { ORG_KINDS } from "../../../common/vocabulary.js";

export { ORG_KINDS, type OrgKind } from "../../../common/vocabulary.js";

/** The org tree. `path` is the chain of ids from the root (`/root/city/county`), so a subtree is one prefix scan. */
export const orgs = pgTable(
  "orgs",
  {
    id: uuid("id").primaryKey(),
    parentId: uuid("parent_id").references((): AnyPgColumn => orgs.id),
    path: text("path").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ORG_KINDS }).notNull(),
    creditCode: text("credit_code"),
    sortOrder: integer("sort_order").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("orgs_parent_idx").on(t.parentId), index("orgs_path_prefix_idx").on(t.path.op("text_pattern_ops"))],
);

export type OrgRow = typeof orgs.$inferSelect;
