import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** The audit chain: each row's hash covers its own fields and the previous row's hash (SM3). */
export const auditLog = pgTable(
  "audit_log",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid("id").notNull().unique(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name").notNull(),
    orgId: uuid("org_id"),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    summary: text("summary").notNull(),
    beforeDigest: text("before_digest"),
    afterDigest: text("after_digest"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [index("audit_log_org_idx").on(t.orgId, t.seq), index("audit_log_target_idx").on(t.targetType, t.targetId)],
);
