import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { CONSULTATION_STATUSES } from "../../../common/vocabulary.js";
import { users } from "../accounts/index.js";
import { items } from "../catalog/index.js";
import { orgs } from "../orgs/index.js";

/** 事项责任人: the window staff member who answers for an item online; named on its guide. */
export const itemDesks = pgTable("item_desks", {
  itemId: uuid("item_id")
    .primaryKey()
    .references(() => items.id),
  staffId: uuid("staff_id")
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** 咨询: a question to an org, or about one of its items; a good answer becomes a public FAQ in edited words. */
export const consultations = pgTable(
  "consultations",
  {
    id: uuid("id").primaryKey(),
    askerId: uuid("asker_id")
      .notNull()
      .references(() => users.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    orgPath: text("org_path").notNull(),
    itemId: uuid("item_id").references(() => items.id),
    itemName: text("item_name"),
    /** The item's responsible staff when the question was asked: it lands in their list first. */
    assigneeId: uuid("assignee_id").references(() => users.id),
    question: text("question").notNull(),
    status: text("status", { enum: CONSULTATION_STATUSES }).notNull().default("open"),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    answer: text("answer"),
    answeredBy: uuid("answered_by"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    faq: boolean("faq").notNull().default(false),
    faqQuestion: text("faq_question"),
    faqAnswer: text("faq_answer"),
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("consultations_queue_idx").on(t.status, t.orgPath.op("text_pattern_ops")),
    index("consultations_asker_idx").on(t.askerId, t.createdAt),
    index("consultations_faq_idx").on(t.itemId).where(sql`faq`),
  ],
);

export type ConsultationRow = typeof consultations.$inferSelect;
