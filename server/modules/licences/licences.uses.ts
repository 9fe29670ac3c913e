import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Actor } from "../../platform/auth.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import { type LicencesDeps, type LicenceUse, statusOf } from "./licences.context.js";
import { licences, licenceUses } from "./licences.tables.js";
import { verificationOf } from "./licences.verification.js";

/** The holder's licences that can stand in for a material asking for `types`. */
export async function usableFor(deps: LicencesDeps, actor: Actor, types: string[]) {
  const { db } = deps;
  if (types.length === 0) return [];
  const rows = await db
    .select()
    .from(licences)
    .where(and(eq(licences.holderId, actor.userId), inArray(licences.type, types), isNull(licences.revokedAt)))
    .orderBy(desc(licences.createdAt))
    .limit(100);
  return rows
    .filter((row) => statusOf(row) === "valid")
    .map((row) => ({
      id: row.id,
      type: row.type,
      number: row.number,
      issuedOn: row.issuedOn,
      expiresOn: row.expiresOn,
    }));
}

/**
 * Records, in the case's transaction, that the holder consented to each licence standing in for a material. Each
 * licence must be the holder's own, of the type the material asks for, and valid today.
 */
export async function recordUses(tx: Db, holderId: string, uses: LicenceUse[]): Promise<void> {
  if (uses.length === 0) return;
  const rows = await tx
    .select()
    .from(licences)
    .where(
      inArray(
        licences.id,
        uses.map((u) => u.licenceId),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const consentedAt = new Date();
  for (const use of uses) {
    const licence = byId.get(use.licenceId);
    if (!licence || licence.holderId !== holderId) throw errors.notFound("电子证照");
    if (!use.licenceTypes.includes(licence.type)) {
      throw errors.validation(
        `“${use.materialName}”可用的电子证照是${use.licenceTypes.join("、")}，所选证照是${licence.type}`,
      );
    }
    if (statusOf(licence) !== "valid") {
      throw new AppError(
        "LICENCE_NOT_VALID",
        `所选电子证照${licence.type}（${licence.number}）已失效，请重新选择或上传材料`,
      );
    }
    await tx.insert(licenceUses).values({
      id: uuidv7(),
      licenceId: licence.id,
      holderId,
      caseId: use.case.id,
      caseNumber: use.case.number,
      itemName: use.case.itemName,
      orgId: use.case.orgId,
      orgName: use.case.orgName,
      materialKey: use.materialKey,
      materialName: use.materialName,
      consentedAt,
    });
  }
}

/** A draft's uses get the case number it is given on submission, so 用证记录 names the case as the holder knows it. */
export async function numberUses(tx: Db, caseId: string, caseNumber: string): Promise<void> {
  await tx.update(licenceUses).set({ caseNumber }).where(eq(licenceUses.caseId, caseId));
}

/** The licences a case used, with their state today, for the applicant and the staff handling it. */
export async function usedByCase(deps: LicencesDeps, caseId: string) {
  const { db } = deps;
  const rows = await db
    .select({ use: licenceUses, licence: licences })
    .from(licenceUses)
    .innerJoin(licences, eq(licences.id, licenceUses.licenceId))
    .where(eq(licenceUses.caseId, caseId));
  const issuers = await deps.orgs.displayNames(rows.map((r) => r.licence.orgId));
  return rows.map(({ use, licence }) => ({
    materialKey: use.materialKey,
    materialName: use.materialName,
    consentedAt: use.consentedAt.toISOString(),
    licenceId: licence.id,
    ...verificationOf(deps, licence, issuers.get(licence.orgId) ?? ""),
  }));
}

/** 少交材料: how many materials licences have stood in for, over all cases. */
export async function materialsSaved(deps: LicencesDeps): Promise<number> {
  const { db } = deps;
  const [row] = await db.select({ n: count() }).from(licenceUses);
  return row?.n ?? 0;
}
