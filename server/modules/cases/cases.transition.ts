import { and, eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { RatingStage } from "../../../common/vocabulary.js";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import { todayInChina } from "../../platform/calendar.js";
import type { Db } from "../../platform/db.js";
import { type CasesDeps, type Change, caseChanged } from "./cases.context.js";
import { caseStatusChanged } from "./cases.events.js";
import { type CaseRow, caseCounters, caseEvents, cases } from "./cases.tables.js";

/**
 * Writes one change of a case: compare-and-set on the revision (of two people acting at once, one wins and the other
 * is told), the timeline entry, the notice, the status event and the audit entry, in one transaction — the caller's
 * (`within`) when the change must commit together with the caller's own writes.
 */
export async function transition(
  deps: CasesDeps,
  by: AuditActor,
  row: CaseRow,
  change: Change,
  within?: Db,
): Promise<CaseRow> {
  const { db } = deps;
  const write = async (tx: Db) => {
    const [next] = await tx
      .update(cases)
      .set({ ...change.set, status: change.to, revision: row.revision + 1, updatedAt: new Date() })
      .where(and(eq(cases.id, row.id), eq(cases.revision, row.revision)))
      .returning();
    if (!next) throw caseChanged();
    await tx.insert(caseEvents).values({
      id: uuidv7(),
      caseId: row.id,
      action: change.action,
      actorId: by.id,
      actorName: by.name,
      fromStatus: row.status,
      toStatus: change.to,
      note: change.note,
    });
    if (change.notify) {
      await deps.notifications.record(tx, {
        userId: row.applicantId,
        caseId: row.id,
        text: change.notify,
        subject: `办件通知 ${next.number ?? ""}`.trim(),
      });
    }
    await change.also?.(tx, next);
    if (row.status !== next.status) {
      await deps.events.publish(tx, caseStatusChanged, {
        caseId: row.id,
        from: row.status,
        to: next.status,
        stage: stageReached(row, next),
        bundleCaseId: row.bundleCaseId,
      });
    }
    await appendAudit(tx, by, {
      action: `case.${change.action}`,
      targetType: "case",
      targetId: row.id,
      summary: `办件 ${next.number ?? "（草稿）"}：${change.note}`,
      orgId: row.orgId,
    });
    return next;
  };
  const updated = within ? await write(within) : await db.transaction(write);
  // Within a caller's transaction nothing is committed yet: the subscribers find the event at their next poll.
  if (!within) deps.events.committed(caseStatusChanged);
  return updated;
}

/**
 * 一事一评: a case can be rated once it is accepted (or refused) and again once it is completed. An instant case
 * passes both at once; the applicant is invited once, to rate its completion.
 */
export function stageReached(before: CaseRow, after: CaseRow): RatingStage | null {
  if (after.status === "completed" && before.status !== "completed") return "completion";
  if (after.status === "refused" || (before.acceptedAt === null && after.acceptedAt !== null)) return "acceptance";
  return null;
}

/** 事项编码-YYYYMMDD-NNNN, the sequence counted per item and day. */
export async function nextNumber(tx: Db, itemCode: string): Promise<string> {
  const prefix = `${itemCode}-${todayInChina().replaceAll("-", "")}`;
  const [counter] = await tx
    .insert(caseCounters)
    .values({ prefix, last: 1 })
    .onConflictDoUpdate({ target: caseCounters.prefix, set: { last: sql`${caseCounters.last} + 1` } })
    .returning();
  return `${prefix}-${String(counter?.last ?? 1).padStart(4, "0")}`;
}
