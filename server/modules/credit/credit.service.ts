import { and, eq, gt, isNull, or } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db.js";
import { type CreditRecordRow, creditRecords } from "./credit.tables.js";

export function createCreditService(db: Db) {
  /** The records in force against a subject: any one of them bars the commitment system. */
  async function recordsInForce(subjectId: string, now = new Date()): Promise<CreditRecordRow[]> {
    return db
      .select()
      .from(creditRecords)
      .where(
        and(
          eq(creditRecords.subjectId, subjectId),
          or(isNull(creditRecords.expiresAt), gt(creditRecords.expiresAt, now)),
        ),
      );
  }

  /** Writes a record in the caller's transaction, with its audit entry. */
  async function record(
    tx: Db,
    by: AuditActor,
    entry: { subjectId: string; kind: CreditRecordRow["kind"]; reason: string; caseId?: string },
  ): Promise<void> {
    const id = uuidv7();
    await tx.insert(creditRecords).values({ id, ...entry, recordedBy: by.id });
    await appendAudit(tx, by, {
      action: "credit.record",
      targetType: "user",
      targetId: entry.subjectId,
      summary: `记入信用记录（${entry.kind === "false_commitment" ? "虚假承诺" : "失信名单"}）：${entry.reason}`,
      after: entry,
    });
  }

  return { recordsInForce, record };
}

export type CreditService = ReturnType<typeof createCreditService>;
