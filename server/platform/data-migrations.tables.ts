import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Data migrations that need the secret key (so cannot be SQL files), each applied once. */
export const dataMigrations = pgTable("data_migrations", {
  name: text("name").primaryKey(),
  appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
  /** How many rows it changed. */
  changed: integer("changed").notNull(),
});
