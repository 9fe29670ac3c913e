import { and, asc, eq, sql } from "drizzle-orm";
import { type Actor, assertPermission, auditActorOf, isWithinScope, withinScope } from "../../platform/auth.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import { itemVersions } from "../catalog/index.js";
import { applicant, type CasesDeps } from "./cases.context.js";
import { findCase } from "./cases.loading.js";
import { caseFacts, caseLifecycle } from "./cases.machine.js";
import { type CaseRow, cases, commitmentChecks } from "./cases.tables.js";
import { transition } from "./cases.transition.js";

export async function listChecks(deps: CasesDeps, actor: Actor) {
  const { db } = deps;
  assertPermission(actor, "case.review");
  if (!actor.orgPath) throw errors.outOfScope();
  const rows = await db
    .select({
      check: commitmentChecks,
      number: cases.number,
      itemName: itemVersions.name,
      applicantName: applicant.name,
    })
    .from(commitmentChecks)
    .innerJoin(cases, eq(cases.id, commitmentChecks.caseId))
    .innerJoin(itemVersions, eq(itemVersions.id, cases.itemVersionId))
    .innerJoin(applicant, eq(applicant.id, cases.applicantId))
    .where(withinScope(actor, commitmentChecks.orgPath))
    .orderBy(sql`${commitmentChecks.status} = 'open' desc`, asc(commitmentChecks.dueOn))
    .limit(200);
  return rows.map((r) => ({
    id: r.check.id,
    caseId: r.check.caseId,
    caseNumber: r.number,
    itemName: r.itemName,
    applicantName: r.applicantName,
    dueOn: r.check.dueOn,
    status: r.check.status,
    finding: r.check.finding,
  }));
}

/**
 * Records the verification of a commitment. A false one revokes the grant (the case becomes 已撤销) and writes the
 * applicant's credit record, which bars them from the commitment system.
 */
export async function resolveCheck(
  deps: CasesDeps,
  actor: Actor,
  checkId: string,
  input: { outcome: "confirmed" | "false"; finding: string },
) {
  const { db } = deps;
  assertPermission(actor, "case.review");
  const [check] = await db.select().from(commitmentChecks).where(eq(commitmentChecks.id, checkId));
  if (!check || !isWithinScope(actor, check.orgPath)) throw errors.notFound("核查任务");
  if (check.status !== "open") throw new AppError("CHECK_CLOSED");
  const row = (await findCase(deps, check.caseId)) as CaseRow;
  const by = auditActorOf(actor);
  const close = async (tx: Db) => {
    const [closed] = await tx
      .update(commitmentChecks)
      .set({ status: input.outcome, finding: input.finding, checkedBy: actor.userId, checkedAt: new Date() })
      .where(and(eq(commitmentChecks.id, check.id), eq(commitmentChecks.status, "open")))
      .returning();
    if (!closed) throw new AppError("CHECK_CLOSED");
  };
  if (input.outcome === "confirmed") {
    await db.transaction(close);
    return;
  }
  caseLifecycle.assertAllowed("revoke", caseFacts(row));
  await transition(deps, by, row, {
    action: "revoke",
    to: "revoked",
    set: { warning: "none", completedAt: row.completedAt ?? new Date() },
    note: `经核查承诺不实，撤销准予决定：${input.finding}`,
    notify: `经核查，您在申请中作出的承诺与实际不符，准予决定已撤销，并记入信用记录：${input.finding}`,
    also: async (tx) => {
      await close(tx);
      await deps.credit.record(tx, by, {
        subjectId: row.applicantId,
        kind: "false_commitment",
        reason: `办件 ${row.number}：${input.finding}`,
        caseId: row.id,
      });
      await deps.licences.revokeForCase(tx, by, row.id, `经核查承诺不实，准予决定已撤销：${input.finding}`);
    },
  });
}
