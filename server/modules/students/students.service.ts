import { and, eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Db } from "../../platform/db.js";
import { type CourseGrade, type StudentRecord, studentRecords } from "./students.tables.js";

export type StudentRecordInput = {
  orgId: string;
  orgPath: string;
  idNumberIndex: string;
  name: string;
  gender: "男" | "女";
  studentNo: string;
  college: string;
  major: string;
  level: StudentRecord["level"];
  enrolledOn: string;
  lengthYears: number;
  status: StudentRecord["status"];
  courses: CourseGrade[];
};

export function createStudentsService(deps: { db: Db }) {
  const { db } = deps;

  /** The person's record at the university an item belongs to (the item's org or one of its offices). */
  async function recordFor(idNumberIndex: string, itemOrgPath: string): Promise<StudentRecord | undefined> {
    const [record] = await db
      .select()
      .from(studentRecords)
      .where(
        and(eq(studentRecords.idNumberIndex, idNumberIndex), sql`${itemOrgPath} like ${studentRecords.orgPath} || '%'`),
      )
      .limit(1);
    return record;
  }

  /** Takes records from a university's student-records system: a record already held is replaced. */
  async function save(records: StudentRecordInput[]): Promise<void> {
    for (const record of records) {
      await db
        .insert(studentRecords)
        .values({ id: uuidv7(), ...record })
        .onConflictDoUpdate({
          target: [studentRecords.idNumberIndex, studentRecords.orgId],
          set: { ...record, updatedAt: new Date() },
        });
    }
  }

  return { recordFor, save };
}

export type StudentsService = ReturnType<typeof createStudentsService>;
