import { eq } from "drizzle-orm";
import type { Actor } from "../../platform/auth.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import { type CaseRow, cases } from "../cases/index.js";
import { itemVersions } from "../catalog/index.js";
import { type BundleCaseDeps, bundleCaseChanged, ENDED, type Part } from "./bundles.context.js";
import { type BundleCaseRow, bundleCases, bundleParts } from "./bundles.tables.js";

export async function loadOwn(deps: BundleCaseDeps, actor: Actor, id: string): Promise<BundleCaseRow> {
  const { db } = deps;
  const [row] = await db.select().from(bundleCases).where(eq(bundleCases.id, id));
  if (!row || row.applicantId !== actor.userId) throw errors.notFound("一件事申请");
  return row;
}

export async function loadOwnDraft(
  deps: BundleCaseDeps,
  actor: Actor,
  id: string,
  revision?: number,
): Promise<BundleCaseRow> {
  const row = await loadOwn(deps, actor, id);
  if (row.status !== "draft") {
    throw new AppError("BUNDLE_CASE_SUBMITTED");
  }
  if (revision !== undefined && row.revision !== revision) throw bundleCaseChanged();
  return row;
}

export async function partsOf(deps: BundleCaseDeps, bundleCaseId: string, tx: Db = deps.db): Promise<Part[]> {
  const rows = await tx
    .select({ key: bundleParts.key, row: cases, content: itemVersions.content })
    .from(bundleParts)
    .innerJoin(cases, eq(cases.id, bundleParts.caseId))
    .innerJoin(itemVersions, eq(itemVersions.id, cases.itemVersionId))
    .where(eq(bundleParts.bundleCaseId, bundleCaseId));
  return rows;
}

export const undecided = (row: CaseRow) =>
  row.status === "draft" || (!ENDED.includes(row.status) && row.decision === null);
