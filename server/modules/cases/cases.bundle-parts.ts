import { and, eq, inArray, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { CaseStatus } from "../../../common/vocabulary.js";
import type { AuditActor } from "../../platform/audit.js";
import type { Db } from "../../platform/db.js";
import { AppError } from "../../platform/errors.js";
import type { SealedForm } from "../../platform/sealed-form.js";
import { items, itemVersions } from "../catalog/index.js";
import { checkApplication, submitCase } from "./cases.apply.js";
import { type CasesDeps, caseChanged } from "./cases.context.js";
import { contentOf, publishedVersionOf } from "./cases.loading.js";
import { caseLifecycle } from "./cases.machine.js";
import { uploadedKeys } from "./cases.materials.js";
import { type CaseRow, caseMaterials, cases } from "./cases.tables.js";
import { transition } from "./cases.transition.js";

// 办好一件事: the bundles module makes, fills, starts and ends the cases that are the parts of a bundle case.
/** The version in force of an item a bundle part is filed under; read before the bundle's transaction. */
export async function bundlePartVersion(deps: CasesDeps, itemId: string) {
  return publishedVersionOf(deps, itemId);
}

/** A draft part of a bundle case, in the caller's transaction. */
export async function insertBundlePart(
  tx: Db,
  input: {
    applicantId: string;
    bundleCaseId: string;
    target: Awaited<ReturnType<typeof publishedVersionOf>>;
    form: SealedForm;
    idempotencyKey: string;
  },
): Promise<CaseRow> {
  const { item, version, org } = input.target;
  const [created] = await tx
    .insert(cases)
    .values({
      id: uuidv7(),
      itemId: item.id,
      itemVersionId: version.id,
      orgId: org.id,
      orgPath: org.path,
      applicantId: input.applicantId,
      channel: "online",
      status: "draft",
      form: input.form,
      idempotencyKey: input.idempotencyKey,
      bundleCaseId: input.bundleCaseId,
    })
    .returning();
  if (!created) throw new Error("insert returned no row");
  return created;
}

/** New form answers for the draft parts (the bundle's form mapped to each item's fields). */
export async function setBundlePartForms(tx: Db, parts: { caseId: string; form: SealedForm }[]) {
  for (const { caseId, form } of parts) {
    await tx
      .update(cases)
      .set({ form, revision: sql`${cases.revision} + 1`, updatedAt: new Date() })
      .where(and(eq(cases.id, caseId), eq(cases.status, "draft")));
  }
}

/** One stored file serves several parts: a `case_materials` row per part, all pointing at the same file. */
export async function attachBundleFile(
  tx: Db,
  targets: { caseId: string; materialKey: string }[],
  fileId: string,
  uploadedBy: string,
): Promise<void> {
  if (targets.length === 0) return;
  await tx
    .insert(caseMaterials)
    .values(targets.map((t) => ({ id: uuidv7(), caseId: t.caseId, materialKey: t.materialKey, fileId, uploadedBy })));
}

export async function detachBundleFile(tx: Db, caseIds: string[], fileId: string): Promise<void> {
  if (caseIds.length === 0) return;
  await tx.delete(caseMaterials).where(and(inArray(caseMaterials.caseId, caseIds), eq(caseMaterials.fileId, fileId)));
}

/** What stops a draft part from being submitted: the same checks as an online application, listed, not thrown. */
export async function bundlePartProblems(deps: CasesDeps, row: CaseRow): Promise<{ field: string; message: string }[]> {
  const { forms } = deps;
  try {
    checkApplication(
      await contentOf(deps, row),
      forms.open(row.form),
      row.situationKeys,
      await uploadedKeys(deps, row.id),
    );
    return [];
  } catch (error) {
    if (error instanceof AppError && error.code === "FORM_INVALID") {
      return (error.details?.errors as { field: string; message: string }[]) ?? [];
    }
    throw error;
  }
}

/** The system submits a waiting part (its predecessor is done, or the bundle was submitted); a compare-and-set. */
export async function startBundlePart(deps: CasesDeps, by: AuditActor, row: CaseRow, tx: Db): Promise<CaseRow> {
  if (row.status !== "draft") throw caseChanged();
  const [item] = await tx.select({ code: items.code }).from(items).where(eq(items.id, row.itemId));
  const [version] = await tx
    .select({ content: itemVersions.content })
    .from(itemVersions)
    .where(eq(itemVersions.id, row.itemVersionId));
  if (!version) throw new Error(`case ${row.id} lost its item version`);
  return submitCase(deps, by, row, version.content, item?.code ?? "", tx);
}

/** The system ends a part the bundle no longer needs: undecided or never started, with the reason on its timeline. */
export async function endBundlePart(
  deps: CasesDeps,
  by: AuditActor,
  row: CaseRow,
  note: string,
  tx: Db,
): Promise<CaseRow> {
  const undecided: CaseStatus[] = ["draft", ...caseLifecycle.transitions.withdraw.from];
  if (!undecided.includes(row.status)) throw caseChanged();
  return transition(
    deps,
    by,
    row,
    {
      action: "withdraw",
      to: "withdrawn",
      set: { completedAt: new Date(), warning: "none" },
      note,
      notify: row.status === "draft" ? undefined : note,
    },
    tx,
  );
}
