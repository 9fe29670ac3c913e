import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import { type Actor, assertPermission, auditActorOf, isWithinScope, withinScope } from "../../platform/auth.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import { maskName } from "../../platform/masking.js";
import { groupedCode, type LicencesDeps, statusOf } from "./licences.context.js";
import { licenceLifecycle } from "./licences.machine.js";
import { type LicenceRow, licences, licenceUses } from "./licences.tables.js";
import { fileOf } from "./licences.wallet.js";

/** The licences a case issued. */
export async function issuedByCase(deps: LicencesDeps, caseId: string) {
  const { db } = deps;
  const rows = await db.select().from(licences).where(eq(licences.caseId, caseId));
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    number: row.number,
    code: groupedCode(row.code),
    status: statusOf(row),
    issuedOn: row.issuedOn,
  }));
}

/** A licence's PDF for a reader of the case that issued it or used it; the caller has checked the case. */
export async function openForCase(deps: LicencesDeps, caseId: string, licenceId: string) {
  const { db } = deps;
  const [row] = await db.select().from(licences).where(eq(licences.id, licenceId));
  if (!row) throw errors.notFound("电子证照");
  if (row.caseId !== caseId) {
    const [used] = await db
      .select({ id: licenceUses.id })
      .from(licenceUses)
      .where(and(eq(licenceUses.caseId, caseId), eq(licenceUses.licenceId, licenceId)));
    if (!used) throw errors.notFound("电子证照");
  }
  return fileOf(deps, row);
}

export async function listForStaff(
  deps: LicencesDeps,
  actor: Actor,
  query: { q?: string; page: number; pageSize: number },
) {
  const { db } = deps;
  assertPermission(actor, "case.review");
  const where = and(
    withinScope(actor, licences.orgPath),
    query.q
      ? sql`(${licences.number} = ${query.q} or ${licences.code} = ${query.q.replace(/[\s-]/g, "").toUpperCase()})`
      : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(licences)
      .where(where)
      .orderBy(desc(licences.createdAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(licences).where(where),
  ]);
  const names = await deps.orgs.displayNames([...new Set(rows.map((r) => r.orgId))]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      type: row.type,
      number: row.number,
      code: groupedCode(row.code),
      status: statusOf(row),
      holderName: maskName(row.holderName),
      issuer: names.get(row.orgId) ?? "",
      issuedOn: row.issuedOn,
      expiresOn: row.expiresOn,
      caseId: row.caseId,
      revokedReason: row.revokedReason,
      actions: licenceLifecycle.actionsFor(actor, { status: statusOf(row), orgPath: row.orgPath }),
    })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function markRevoked(tx: Db, by: AuditActor, row: LicenceRow, reason: string): Promise<void> {
  const [revoked] = await tx
    .update(licences)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(licences.id, row.id), isNull(licences.revokedAt)))
    .returning();
  if (!revoked) throw new AppError("LICENCE_REVOKED");
  await appendAudit(tx, by, {
    action: "licence.revoke",
    targetType: "licence",
    targetId: row.id,
    summary: `撤销电子证照 ${row.type}（编号 ${row.number}）：${reason}`,
    orgId: row.orgId,
  });
}

/** Revocation by staff of the issuing org or above; verification shows it from this moment. */
export async function revoke(deps: LicencesDeps, actor: Actor, licenceId: string, reason: string) {
  const { db } = deps;
  licenceLifecycle.assertHoldsPermission(actor, "revoke");
  const [row] = await db.select().from(licences).where(eq(licences.id, licenceId));
  if (!row || !isWithinScope(actor, row.orgPath)) throw errors.notFound("电子证照");
  licenceLifecycle.assertStaffMayTake(actor, "revoke", { status: statusOf(row), orgPath: row.orgPath });
  await db.transaction((tx) => markRevoked(tx, auditActorOf(actor), row, reason));
}

/** When the grant behind a case is revoked (a false commitment), its licences go with it, in the same transaction. */
export async function revokeForCase(
  _deps: LicencesDeps,
  tx: Db,
  by: AuditActor,
  caseId: string,
  reason: string,
): Promise<void> {
  const rows = await tx
    .select()
    .from(licences)
    .where(and(eq(licences.caseId, caseId), isNull(licences.revokedAt)));
  for (const row of rows) await markRevoked(tx, by, row, reason);
}
