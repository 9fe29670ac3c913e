import {
  boolean,
  date,
  index,
  integer,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import {
  COMPLAINT_FINDINGS,
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  COMPLAINT_TARGETS,
} from "../../../common/vocabulary.js";
import { files } from "../../platform/files.tables.js";
import { users } from "../accounts/index.js";
import { cases } from "../cases/index.js";
import { orgs } from "../orgs/index.js";

/** Numbers complaints in the order they arrive: TS + date + this sequence. */
export const complaintNumbers = pgSequence("complaint_numbers");

/**
 * 投诉举报. An anonymous one has no complainant at all: the tracking code, of which only the SM3 digest is kept,
 * is the only way back to it. `target_key` is the same for every complaint about the same org, case, school or
 * person, which links repeats.
 */
export const complaints = pgTable(
  "complaints",
  {
    id: uuid("id").primaryKey(),
    number: text("number").notNull().unique(),
    kind: text("kind", { enum: COMPLAINT_KINDS }).notNull(),
    targetType: text("target_type", { enum: COMPLAINT_TARGETS }).notNull(),
    targetCaseId: uuid("target_case_id").references(() => cases.id),
    /** The school's or the person's name, as the complainant wrote it. */
    targetName: text("target_name").notNull().default(""),
    targetKey: text("target_key").notNull(),
    /** The org that must investigate: the one complained of, or the one that handles the case. */
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    orgPath: text("org_path").notNull(),
    title: text("title").notNull(),
    content: text("content").notNull(),
    complainantId: uuid("complainant_id").references(() => users.id),
    trackingDigest: text("tracking_digest").notNull().unique(),
    status: text("status", { enum: COMPLAINT_STATUSES }).notNull().default("received"),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** 核查情况: how the org investigated. */
    investigation: text("investigation"),
    finding: text("finding", { enum: COMPLAINT_FINDINGS }),
    measures: text("measures"),
    /** The answer the complainant reads. */
    reply: text("reply"),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    sentBack: text("sent_back"),
    /** Founded ones a supervisor publishes as negative examples, in words written for the public. */
    publishedSummary: text("published_summary"),
    published: boolean("published").notNull().default(false),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("complaints_queue_idx").on(t.status, t.orgPath.op("text_pattern_ops")),
    index("complaints_target_idx").on(t.targetKey),
    index("complaints_complainant_idx").on(t.complainantId),
  ],
);

export const complaintAttachments = pgTable(
  "complaint_attachments",
  {
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.complaintId, t.fileId] })],
);

/** What happened, in words the complainant may read: staff are named by their org, never in person. */
export const complaintEvents = pgTable(
  "complaint_events",
  {
    id: uuid("id").primaryKey(),
    complaintId: uuid("complaint_id")
      .notNull()
      .references(() => complaints.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    note: text("note").notNull(),
  },
  (t) => [index("complaint_events_idx").on(t.complaintId, t.at)],
);

export type ComplaintRow = typeof complaints.$inferSelect;
