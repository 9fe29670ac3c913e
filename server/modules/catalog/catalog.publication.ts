import { and, eq } from "drizzle-orm";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import { type Actor, auditActorOf } from "../../platform/auth.js";
import { AppError, errors } from "../../platform/errors.js";
import type { CatalogDeps } from "./catalog.context.js";
import { getForAdmin, loadItemInScope, violationsOf } from "./catalog.items.js";
import { type ItemRow, itemVersions } from "./catalog.tables.js";

/** Publishes the draft if it passes every rule; otherwise answers with every violation and publishes nothing. */
export async function publish(deps: CatalogDeps, actor: Actor, itemId: string) {
  const { item } = await loadItemInScope(deps, actor, itemId);
  await publishDraft(deps, auditActorOf(actor), item);
  return getForAdmin(deps, actor, itemId);
}

export async function publishDraft(deps: CatalogDeps, by: AuditActor, item: ItemRow): Promise<void> {
  const { db } = deps;
  const [draft] = await db
    .select()
    .from(itemVersions)
    .where(and(eq(itemVersions.itemId, item.id), eq(itemVersions.status, "draft")));
  if (!draft) throw new AppError("NO_DRAFT");
  const violations = await violationsOf(deps, item, draft.content);
  if (violations.length > 0) {
    throw new AppError("PUBLICATION_RULES_FAILED", `未通过发布检查：共 ${violations.length} 项问题，请逐项修改`, {
      violations,
    });
  }
  await db.transaction(async (tx) => {
    await tx
      .update(itemVersions)
      .set({ status: "superseded" })
      .where(and(eq(itemVersions.itemId, item.id), eq(itemVersions.status, "published")));
    const [published] = await tx
      .update(itemVersions)
      .set({ status: "published", publishedAt: new Date() })
      .where(and(eq(itemVersions.id, draft.id), eq(itemVersions.revision, draft.revision)))
      .returning();
    if (!published) throw errors.staleVersion();
    await appendAudit(tx, by, {
      action: "item.publish",
      targetType: "item",
      targetId: item.id,
      summary: `发布事项 ${item.code} ${published.name}（第 ${published.versionNo} 版）`,
      orgId: item.orgId,
      after: published.content,
    });
  });
  deps.search.markStale();
}

export async function retire(deps: CatalogDeps, actor: Actor, itemId: string, endDate: string, reason: string) {
  const { db } = deps;
  const { item } = await loadItemInScope(deps, actor, itemId);
  await db.transaction(async (tx) => {
    const [published] = await tx
      .update(itemVersions)
      .set({ endDate })
      .where(and(eq(itemVersions.itemId, item.id), eq(itemVersions.status, "published")))
      .returning();
    if (!published) throw new AppError("NOT_PUBLISHED");
    await appendAudit(tx, auditActorOf(actor), {
      action: "item.retire",
      targetType: "item",
      targetId: item.id,
      summary: `事项 ${item.code} ${published.name} 自 ${endDate} 起取消：${reason}`,
      orgId: item.orgId,
    });
  });
  deps.search.markStale();
  return getForAdmin(deps, actor, itemId);
}
