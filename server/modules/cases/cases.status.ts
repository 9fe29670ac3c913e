import { and, eq } from "drizzle-orm";
import { CASE_STATUS_LABELS } from "../../../common/vocabulary.js";
import type { PersonalDataCipher } from "../../platform/crypto.js";
import type { Db } from "../../platform/db.js";
import { AppError } from "../../platform/errors.js";
import { users } from "../accounts/index.js";
import { itemVersions } from "../catalog/index.js";
import { cases } from "./cases.tables.js";

/**
 * A case's progress for its own applicant, asked by case number + ID number (the partner app has checked who its
 * user is). A wrong pair and an unknown number get the same answer.
 */
export function createCaseStatusLookup(db: Db, cipher: PersonalDataCipher) {
  return async (caseNumber: string, idNumber: string) => {
    const [row] = await db
      .select({
        number: cases.number,
        itemName: itemVersions.name,
        status: cases.status,
        submittedAt: cases.submittedAt,
        promisedDue: cases.promisedDue,
        completedAt: cases.completedAt,
        updatedAt: cases.updatedAt,
      })
      .from(cases)
      .innerJoin(users, eq(users.id, cases.applicantId))
      .innerJoin(itemVersions, eq(itemVersions.id, cases.itemVersionId))
      .where(and(eq(cases.number, caseNumber), eq(users.idNumberIndex, cipher.blindIndex(idNumber))));
    if (!row?.number) throw new AppError("CASE_NO_MATCH");
    return {
      number: row.number,
      itemName: row.itemName,
      status: row.status,
      statusLabel: CASE_STATUS_LABELS[row.status],
      submittedAt: row.submittedAt?.toISOString() ?? null,
      promisedDue: row.promisedDue,
      completedAt: row.completedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
    };
  };
}
