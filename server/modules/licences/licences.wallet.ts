import { count, desc, eq } from "drizzle-orm";
import type { Actor } from "../../platform/auth.js";
import { errors } from "../../platform/errors.js";
import { groupedCode, type LicencesDeps, statusOf } from "./licences.context.js";
import { type LicenceRow, licences, licenceUses } from "./licences.tables.js";

export async function listOwn(deps: LicencesDeps, actor: Actor) {
  const { db } = deps;
  const rows = await db
    .select({ licence: licences, uses: count(licenceUses.id) })
    .from(licences)
    .leftJoin(licenceUses, eq(licenceUses.licenceId, licences.id))
    .where(eq(licences.holderId, actor.userId))
    .groupBy(licences.id)
    .orderBy(desc(licences.createdAt))
    .limit(500);
  const names = await deps.orgs.displayNames([...new Set(rows.map((r) => r.licence.orgId))]);
  return rows.map(({ licence, uses }) => ({
    id: licence.id,
    type: licence.type,
    number: licence.number,
    code: groupedCode(licence.code),
    status: statusOf(licence),
    issuer: names.get(licence.orgId) ?? "",
    issuedOn: licence.issuedOn,
    expiresOn: licence.expiresOn,
    caseId: licence.caseId,
    uses,
  }));
}

export async function ownLicence(deps: LicencesDeps, actor: Actor, licenceId: string): Promise<LicenceRow> {
  const { db } = deps;
  const [row] = await db.select().from(licences).where(eq(licences.id, licenceId));
  if (!row || row.holderId !== actor.userId) throw errors.notFound("电子证照");
  return row;
}

export async function fileOf(deps: LicencesDeps, row: LicenceRow) {
  const file = await deps.files.find(row.fileId);
  if (!file) throw new Error(`licence ${row.id} lost its file`);
  return { file, stream: await deps.files.open(file) };
}

export async function openOwn(deps: LicencesDeps, actor: Actor, licenceId: string) {
  return fileOf(deps, await ownLicence(deps, actor, licenceId));
}

/** 用证记录: where the holder's licences stood in for materials, newest first. */
export async function usesOwn(deps: LicencesDeps, actor: Actor) {
  const { db } = deps;
  const rows = await db
    .select({ use: licenceUses, type: licences.type, number: licences.number })
    .from(licenceUses)
    .innerJoin(licences, eq(licences.id, licenceUses.licenceId))
    .where(eq(licenceUses.holderId, actor.userId))
    .orderBy(desc(licenceUses.consentedAt))
    .limit(500);
  return rows.map(({ use, type, number }) => ({
    id: use.id,
    licenceId: use.licenceId,
    licenceType: type,
    licenceNumber: number,
    caseId: use.caseId,
    caseNumber: use.caseNumber,
    itemName: use.itemName,
    orgName: use.orgName,
    materialName: use.materialName,
    consentedAt: use.consentedAt.toISOString(),
  }));
}
