import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { Exam, ResultKind } from "../../../common/vocabulary.js";

export type ImportState = "none" | "running" | "succeeded" | "failed";
export type ImportProblem = { row: number; messages: string[] };

/**
 * One release of one exam's results (成绩 or 录取结果). Nothing of a batch can be read before `publishAt`.
 * `version` changes with every successful import, so every server process knows to rebuild its lookup index.
 */
export const resultBatches = pgTable("result_batches", {
  id: uuid("id").primaryKey(),
  exam: text("exam").$type<Exam>().notNull(),
  kind: text("kind").$type<ResultKind>().notNull(),
  year: integer("year").notNull(),
  title: text("title").notNull(),
  /** Score columns in the order of the imported file; empty for admissions. */
  subjects: text("subjects").array().notNull().default([]),
  rowCount: integer("row_count").notNull().default(0),
  version: integer("version").notNull().default(0),
  publishAt: timestamp("publish_at", { withTimezone: true }),
  importState: text("import_state").$type<ImportState>().notNull().default("none"),
  importFileName: text("import_file_name"),
  importProblemCount: integer("import_problem_count").notNull().default(0),
  /** The first bad rows of the last failed import (the count above says how many there were in all). */
  importProblems: jsonb("import_problems").$type<ImportProblem[]>().notNull().default([]),
  importMessage: text("import_message"),
  /** Touched while an import runs; a "running" import untouched for long was cut off (the process stopped). */
  importUpdatedAt: timestamp("import_updated_at", { withTimezone: true }),
  importedAt: timestamp("imported_at", { withTimezone: true }),
  lookupCount: bigint("lookup_count", { mode: "number" }).notNull().default(0),
  matchCount: bigint("match_count", { mode: "number" }).notNull().default(0),
  /** Null when made by the command line. */
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export type ResultBatchRow = typeof resultBatches.$inferSelect;

/**
 * One candidate's line of a batch. Neither the name nor the ID number is stored: `personIndex` is the ID number's
 * keyed blind index (the same as `users.id_number_index`), `verifier` a keyed digest of exam number + ID number + name.
 * Scores are kept in tenths of a point, -1 where the candidate did not sit the subject.
 */
export const resultEntries = pgTable(
  "result_entries",
  {
    batchId: uuid("batch_id")
      .notNull()
      .references(() => resultBatches.id, { onDelete: "cascade" }),
    examNumber: text("exam_number").notNull(),
    personIndex: text("person_index").notNull(),
    verifier: text("verifier").notNull(),
    scores: smallint("scores").array().notNull().default([]),
    total: integer("total"),
    university: text("university"),
    major: text("major"),
    admissionBatch: text("admission_batch"),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.examNumber] }), index("result_entries_person_idx").on(t.personIndex)],
);
