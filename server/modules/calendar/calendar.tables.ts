import { date, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** A year whose official schedule has been loaded; only then is its arithmetic final rather than provisional. */
export const calendarYears = pgTable("calendar_years", {
  year: integer("year").primaryKey(),
  source: text("source").notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
  loadedBy: uuid("loaded_by"),
});

/** Days that break the weekly rhythm: holidays and make-up working days (调休). */
export const calendarDays = pgTable("calendar_days", {
  date: date("date", { mode: "string" }).primaryKey(),
  kind: text("kind", { enum: ["holiday", "workday"] }).notNull(),
  name: text("name").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
