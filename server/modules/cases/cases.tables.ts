import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CASE_STATUSES, type SpecialProcedure } from "../../../common/vocabulary.js";
import { files } from "../../platform/files.tables.js";
import { EMPTY_SEALED_FORM, type SealedForm } from "../../platform/sealed-form.js";
import { users } from "../accounts/index.js";
import { items, itemVersions } from "../catalog/index.js";
import { orgs } from "../orgs/index.js";
import type { Clock } from "./cases.clock.js";

export type ReviewSignOff = { stage: number; userId: string; name: string; at: string; opinion: string };
export type SupplementRequest = { items: string[]; note: string; requestedAt: string; by: string };
export type SpecialProcedureRecord = { kind: SpecialProcedure; reason: string; startedOn: string };
export type Delivery =
  | { method: "pickup"; at: string }
  | { method: "express"; carrier: string; trackingNumber: string; at: string }
  | { method: "online"; at: string };

/**
 * 办件: one application for one item, pinned to the item version it was filed under. `org_path` copies the
 * item's org path so a workbench queue is one index range per status; `revision` makes every action a
 * compare-and-set, so two staff acting at once cannot both succeed.
 */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey(),
    /** Item code + date + sequence, given on submission; drafts have none. */
    number: text("number").unique(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => items.id),
    itemVersionId: uuid("item_version_id")
      .notNull()
      .references(() => itemVersions.id),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    orgPath: text("org_path").notNull(),
    applicantId: uuid("applicant_id")
      .notNull()
      .references(() => users.id),
    channel: text("channel", { enum: ["online", "window"] }).notNull(),
    /** The window clerk who took the application in, for 一窗受理. */
    intakeBy: uuid("intake_by"),
    status: text("status", { enum: CASE_STATUSES }).notNull(),
    /** Where a paused case returns when the applicant resubmits or the special procedure ends. */
    resumeStatus: text("resume_status", { enum: CASE_STATUSES }),
    /** The answers, personal values sealed (`platform/sealed-form.ts`). */
    form: jsonb("form").$type<SealedForm>().notNull().default(EMPTY_SEALED_FORM),
    situationKeys: jsonb("situation_keys").$type<string[]>().notNull().default([]),
    idempotencyKey: text("idempotency_key").notNull(),
    clock: jsonb("clock").$type<Clock>(),
    statutoryDue: date("statutory_due"),
    promisedDue: date("promised_due"),
    warning: text("warning", { enum: ["none", "yellow", "red"] })
      .notNull()
      .default("none"),
    reviews: jsonb("reviews").$type<ReviewSignOff[]>().notNull().default([]),
    supplement: jsonb("supplement").$type<SupplementRequest>(),
    special: jsonb("special").$type<SpecialProcedureRecord>(),
    refusal: jsonb("refusal").$type<{ reason: string; whereToApply: string }>(),
    /** 告知承诺: the applicant signed the item's commitment text instead of providing the proofs it covers. */
    commitment: jsonb("commitment").$type<{ text: string; signedAt: string }>(),
    decision: text("decision", { enum: ["granted", "denied"] }),
    decisionReason: text("decision_reason"),
    result: jsonb("result").$type<{ name: string; number: string }>(),
    delivery: jsonb("delivery").$type<Delivery>(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    revision: integer("revision").notNull().default(1),
    /** 办好一件事: the bundle case this case is one part of (no foreign key: the bundles module sits above cases). */
    bundleCaseId: uuid("bundle_case_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cases_bundle_idx").on(t.bundleCaseId).where(sql`bundle_case_id is not null`),
    uniqueIndex("cases_idempotency_idx").on(t.applicantId, t.idempotencyKey),
    index("cases_queue_idx").on(t.status, t.orgPath.op("text_pattern_ops")),
    // A queue page in the order staff work it: a city's or the province's first 20 without reading the whole queue.
    index("cases_queue_due_idx").on(t.status, t.promisedDue, t.submittedAt),
    index("cases_warning_idx").on(t.warning, t.orgPath.op("text_pattern_ops")).where(sql`warning <> 'none'`),
    index("cases_applicant_idx").on(t.applicantId, t.createdAt),
    index("cases_running_idx").on(t.promisedDue).where(sql`clock is not null and completed_at is null`),
  ],
);

/** The timeline of a case: every action, who did it, and what the applicant is told. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    action: text("action").notNull(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name").notNull(),
    fromStatus: text("from_status", { enum: CASE_STATUSES }),
    toStatus: text("to_status", { enum: CASE_STATUSES }).notNull(),
    /** Plain Chinese for the applicant's timeline. */
    note: text("note").notNull(),
  },
  (t) => [index("case_events_case_idx").on(t.caseId, t.at)],
);

/** The files attached to a case, each for one material of the pinned item version. */
export const caseMaterials = pgTable(
  "case_materials",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    materialKey: text("material_key").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    uploadedBy: uuid("uploaded_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_materials_case_idx").on(t.caseId, t.materialKey)],
);

/** 承诺核查: after a commitment-based grant, staff verify the commitment by a deadline; a false one revokes the grant. */
export const commitmentChecks = pgTable(
  "commitment_checks",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id)
      .unique(),
    orgPath: text("org_path").notNull(),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: text("status", { enum: ["open", "confirmed", "false"] })
      .notNull()
      .default("open"),
    finding: text("finding"),
    checkedBy: uuid("checked_by"),
    checkedAt: timestamp("checked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("commitment_checks_open_idx").on(t.status, t.orgPath.op("text_pattern_ops"))],
);

/** Daily sequence per item code for case numbers. */
export const caseCounters = pgTable("case_counters", {
  prefix: text("prefix").primaryKey(),
  last: integer("last").notNull(),
});

export type CaseRow = typeof cases.$inferSelect;
export type CaseEventRow = typeof caseEvents.$inferSelect;
