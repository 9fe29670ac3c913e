import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { BUNDLE_CASE_STATUSES, BUNDLE_STATUSES } from "../../../common/vocabulary.js";
import { files } from "../../platform/files.tables.js";
import { EMPTY_SEALED_FORM, type SealedForm } from "../../platform/sealed-form.js";
import { users } from "../accounts/index.js";
import { cases } from "../cases/index.js";
import { orgs } from "../orgs/index.js";
import type { BundleDefinition } from "./bundles.contract.js";

/**
 * 办好一件事: a bundle of several items, possibly of different orgs, applied for once. The org that defines it (and
 * its subtree's catalog managers) maintains it; what applicants read and apply for lives in `definition`.
 */
export const bundles = pgTable(
  "bundles",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    orgPath: text("org_path").notNull(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    status: text("status", { enum: BUNDLE_STATUSES }).notNull().default("draft"),
    definition: jsonb("definition").$type<BundleDefinition>().notNull(),
    version: integer("version").notNull().default(1),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("bundles_org_idx").on(t.orgPath.op("text_pattern_ops"))],
);

/**
 * One application for a bundle: one number, one status, one form; its parts are ordinary cases (`cases.bundle_case_id`)
 * in each org's queues. The definition is copied in, so later edits of the bundle never change a case filed under it.
 */
export const bundleCases = pgTable(
  "bundle_cases",
  {
    id: uuid("id").primaryKey(),
    /** YJS-YYYYMMDD-NNNN. */
    number: text("number").notNull().unique(),
    bundleId: uuid("bundle_id")
      .notNull()
      .references(() => bundles.id),
    definition: jsonb("definition").$type<BundleDefinition>().notNull(),
    applicantId: uuid("applicant_id")
      .notNull()
      .references(() => users.id),
    idempotencyKey: text("idempotency_key").notNull(),
    status: text("status", { enum: BUNDLE_CASE_STATUSES }).notNull().default("draft"),
    /** The merged form's answers, personal values sealed (`platform/sealed-form.ts`). */
    form: jsonb("form").$type<SealedForm>().notNull().default(EMPTY_SEALED_FORM),
    revision: integer("revision").notNull().default(1),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** When the whole bundle first ended (completed, partly completed or stopped); the applicant is told once. */
    endedAt: timestamp("ended_at", { withTimezone: true }),
    ratedAt: timestamp("rated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("bundle_cases_idempotency_idx").on(t.applicantId, t.idempotencyKey),
    index("bundle_cases_applicant_idx").on(t.applicantId, t.createdAt),
    index("bundle_cases_running_idx").on(t.status).where(sql`status = 'processing'`),
  ],
);

/** Which case is which part (item key of the definition) of a bundle case. */
export const bundleParts = pgTable(
  "bundle_parts",
  {
    bundleCaseId: uuid("bundle_case_id")
      .notNull()
      .references(() => bundleCases.id),
    key: text("key").notNull(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id)
      .unique(),
  },
  (t) => [primaryKey({ columns: [t.bundleCaseId, t.key] })],
);

/** A bundle material uploaded once; the same file is attached to every mapped part's `case_materials`. */
export const bundleFiles = pgTable(
  "bundle_files",
  {
    id: uuid("id").primaryKey(),
    bundleCaseId: uuid("bundle_case_id")
      .notNull()
      .references(() => bundleCases.id),
    materialKey: text("material_key").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    uploadedBy: uuid("uploaded_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("bundle_files_case_idx").on(t.bundleCaseId, t.materialKey)],
);

/** Daily sequence for bundle case numbers. */
export const bundleCounters = pgTable("bundle_counters", {
  prefix: text("prefix").primaryKey(),
  last: integer("last").notNull(),
});

export type BundleRow = typeof bundles.$inferSelect;
export type BundleCaseRow = typeof bundleCases.$inferSelect;
