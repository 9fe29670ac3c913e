import { and, eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { CASE_STATUS_LABELS } from "../../../common/vocabulary.js";
import type { Actor } from "../../platform/auth.js";
import { AppError, errors } from "../../platform/errors.js";
import { licenceUses } from "../licences/index.js";
import type { CasesDeps } from "./cases.context.js";
import { contentOf, findCase } from "./cases.loading.js";
import { caseFacts, handlesMaterials, mayChangeMaterials } from "./cases.machine.js";
import { mayRead } from "./cases.queries.js";
import { type CaseRow, caseMaterials } from "./cases.tables.js";

/** The materials a case has: uploaded, or stood in for by an e-licence. */
export async function uploadedKeys(deps: CasesDeps, caseId: string): Promise<Set<string>> {
  const { db } = deps;
  const [uploaded, licensed] = await Promise.all([
    db.select({ key: caseMaterials.materialKey }).from(caseMaterials).where(eq(caseMaterials.caseId, caseId)),
    db.select({ key: licenceUses.materialKey }).from(licenceUses).where(eq(licenceUses.caseId, caseId)),
  ]);
  return new Set([...uploaded, ...licensed].map((r) => r.key));
}

/** An e-licence the case issued or used, for the applicant and the staff who may read the case. */
export async function openLicence(deps: CasesDeps, actor: Actor, caseId: string, licenceId: string) {
  const row = await findCase(deps, caseId);
  if (!row || !mayRead(actor, row)) throw errors.notFound("办件");
  return deps.licences.openForCase(row.id, licenceId);
}

/** Materials change before submission and during 补正 (the applicant), or until acceptance at the window (the clerk). */
export async function loadForMaterials(deps: CasesDeps, actor: Actor, caseId: string): Promise<CaseRow> {
  const row = await findCase(deps, caseId);
  if (!row || !mayRead(actor, row)) throw errors.notFound("办件");
  const facts = caseFacts(row);
  if (!handlesMaterials(actor, facts)) throw errors.forbidden();
  if (!mayChangeMaterials(actor, facts)) {
    throw new AppError("CASE_MATERIALS_LOCKED", `办件当前为“${CASE_STATUS_LABELS[row.status]}”，不能更改材料`);
  }
  return row;
}

export async function addMaterial(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  materialKey: string,
  file: { name: string; mimeType: string; data: Buffer },
) {
  const { db } = deps;
  const row = await loadForMaterials(deps, actor, caseId);
  const spec = (await contentOf(deps, row)).materials.find((m) => m.key === materialKey);
  if (!spec) throw errors.validation(`本事项没有“${materialKey}”这项材料`);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseMaterials)
    .where(and(eq(caseMaterials.caseId, row.id), eq(caseMaterials.materialKey, materialKey)));
  if ((count?.n ?? 0) >= spec.maxFiles) {
    throw new AppError("TOO_MANY_FILES", `“${spec.name}”最多上传 ${spec.maxFiles} 个文件`);
  }
  const stored = await deps.files.save({
    ...file,
    visibility: "private",
    uploadedBy: actor.userId,
    kinds: spec.fileKinds,
    maxBytes: spec.maxSizeMb * 1024 * 1024,
  });
  await db
    .insert(caseMaterials)
    .values({ id: uuidv7(), caseId: row.id, materialKey, fileId: stored.id, uploadedBy: actor.userId });
}

export async function removeMaterial(deps: CasesDeps, actor: Actor, caseId: string, fileId: string) {
  const { db } = deps;
  const row = await loadForMaterials(deps, actor, caseId);
  const removed = await db
    .delete(caseMaterials)
    .where(and(eq(caseMaterials.caseId, row.id), eq(caseMaterials.fileId, fileId)))
    .returning();
  if (removed.length === 0) throw errors.notFound("材料");
}

/** A material's file, for the applicant and staff who may read the case; anyone else learns nothing. */
export async function openMaterial(deps: CasesDeps, actor: Actor, caseId: string, fileId: string) {
  const { db } = deps;
  const row = await findCase(deps, caseId);
  if (!row || !mayRead(actor, row)) throw errors.notFound("办件");
  const [attached] = await db
    .select({ fileId: caseMaterials.fileId })
    .from(caseMaterials)
    .where(and(eq(caseMaterials.caseId, row.id), eq(caseMaterials.fileId, fileId)));
  const file = attached && (await deps.files.find(attached.fileId));
  if (!file) throw errors.notFound("材料");
  return { file, stream: await deps.files.open(file) };
}
