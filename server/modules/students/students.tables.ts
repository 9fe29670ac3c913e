import { date, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { orgs } from "../orgs/index.js";

export type CourseGrade = { term: string; name: string; credits: number; score: string };

export const STUDENT_STATUSES = ["在读", "休学", "保留学籍", "毕业", "结业"] as const;

/**
 * 学籍: what a university holds about its students, from its student-records system. Self-service certificates are
 * written from it, so a student never brings the university a proof of what the university already knows. The ID
 * number is kept only as its blind index, the same as `users.id_number_index`, which is how a signed-in person is
 * matched to their record.
 */
export const studentRecords = pgTable(
  "student_records",
  {
    id: uuid("id").primaryKey(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    orgPath: text("org_path").notNull(),
    idNumberIndex: text("id_number_index").notNull(),
    name: text("name").notNull(),
    gender: text("gender", { enum: ["男", "女"] }).notNull(),
    studentNo: text("student_no").notNull(),
    college: text("college").notNull(),
    major: text("major").notNull(),
    level: text("level", { enum: ["本科", "硕士研究生", "博士研究生"] }).notNull(),
    enrolledOn: date("enrolled_on", { mode: "string" }).notNull(),
    lengthYears: integer("length_years").notNull(),
    status: text("status", { enum: STUDENT_STATUSES }).notNull(),
    courses: jsonb("courses").$type<CourseGrade[]>().notNull().default([]),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("student_records_person_idx").on(t.idNumberIndex, t.orgId),
    uniqueIndex("student_records_number_idx").on(t.orgId, t.studentNo),
  ],
);

export type StudentRecord = typeof studentRecords.$inferSelect;
