import { boolean, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { PartnerScope } from "../../../common/vocabulary.js";

/** Partner apps (全省事) allowed to call the signed open API; the signing secret is stored SM4-encrypted. */
export const partnerApps = pgTable("partner_apps", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  secretEncrypted: text("secret_encrypted").notNull(),
  scopes: text("scopes").array().$type<PartnerScope[]>().notNull(),
  /** Requests per minute. */
  rateLimit: integer("rate_limit").notNull(),
  enabled: boolean("enabled").notNull().default(true),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type PartnerAppRow = typeof partnerApps.$inferSelect;
