import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** When each scheduled job last started, shared by every server process on the database. */
export const jobRuns = pgTable("job_runs", {
  name: text("name").primaryKey(),
  lastStartedAt: timestamp("last_started_at", { withTimezone: true }).notNull(),
});
