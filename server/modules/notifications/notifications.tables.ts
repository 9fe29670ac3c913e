import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/index.js";

/**
 * 站内消息: what the platform told a person, also sent by SMS (and e-mail where they gave an address) by a job. `case_id`
 * names the case a message is about, without a foreign key: this module serves every other and depends on none.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    caseId: uuid("case_id"),
    text: text("text").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** When the SMS and e-mail went out: a redelivered job finds it set and sends nothing twice. */
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);
