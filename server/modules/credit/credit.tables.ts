import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/index.js";

/**
 * 信用记录: what bars a person or legal person from the commitment system (告知承诺) — a false commitment found on
 * verification, or a place on a black list. Minimal on purpose: the supervision capabilities will extend it.
 */
export const creditRecords = pgTable(
  "credit_records",
  {
    id: uuid("id").primaryKey(),
    subjectId: uuid("subject_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ["false_commitment", "blacklist"] }).notNull(),
    reason: text("reason").notNull(),
    caseId: uuid("case_id"),
    recordedBy: uuid("recorded_by"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    /** Null: in force until lifted. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [index("credit_records_subject_idx").on(t.subjectId)],
);

export type CreditRecordRow = typeof creditRecords.$inferSelect;
