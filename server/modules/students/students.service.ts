import { and, eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Db } from "../../platform/db.js";
import { inSubtree } from "../../platform/sql.js";
import { users } from "../accounts/index.js";
import { items, itemVersions } from "../catalog/index.js";
import { type OrgService, orgs } from "../orgs/index.js";
import { certificateKindOf } from "./students.certificates.js";
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

export function createStudentsService(deps: { db: Db; orgs: OrgService }) {
  const { db } = deps;

  /** The person's record at the university an item belongs to (the item's org or one of its offices). */
  async function recordFor(idNumberIndex: string, itemOrgPath: string): Promise<StudentRecord | undefined> {
    const [record] = await db
      .select()
      .from(studentRecords)
      .where(
        and(
          eq(studentRecords.idNumberIndex, idNumberIndex),
          sql`starts_with(${itemOrgPath}, ${studentRecords.orgPath})`,
        ),
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

  /** The person's own records, for the kiosk and the portal to offer the certificates of their universities. */
  async function recordsOf(userId: string) {
    const rows = await db
      .select({ record: studentRecords })
      .from(studentRecords)
      .innerJoin(users, eq(users.idNumberIndex, studentRecords.idNumberIndex))
      .where(eq(users.id, userId))
      .then((found) => found.map((f) => f.record));
    const names = await deps.orgs.displayNames(rows.map((r) => r.orgId));
    const certificates = await Promise.all(rows.map((r) => certificatesOf(r.orgPath)));
    return rows.map((r, index) => ({
      certificates: certificates[index] ?? [],
      orgId: r.orgId,
      university: names.get(r.orgId) ?? "",
      studentNo: r.studentNo,
      college: r.college,
      major: r.major,
      level: r.level,
      enrolledOn: r.enrolledOn,
      status: r.status,
    }));
  }

  /** The self-service items in force under a university whose certificates its records can write at once. */
  async function certificatesOf(universityPath: string) {
    const found = await db
      .select({ id: items.id, name: itemVersions.name, content: itemVersions.content })
      .from(items)
      .innerJoin(orgs, eq(orgs.id, items.orgId))
      .innerJoin(itemVersions, and(eq(itemVersions.itemId, items.id), eq(itemVersions.status, "published")))
      .where(and(inSubtree(orgs.path, universityPath), sql`(${itemVersions.content}->>'selfService')::boolean`));
    return found
      .filter((i) => certificateKindOf(i.content.resultName) !== null)
      .map((i) => ({ itemId: i.id, name: i.name }));
  }

  return { recordFor, recordsOf, save };
}

export type StudentsService = ReturnType<typeof createStudentsService>;
