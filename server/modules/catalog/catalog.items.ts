import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { ITEM_FIELD_LABELS } from "../../../common/vocabulary.js";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import { type Actor, assertPermission, assertWithinScope, auditActorOf, withinScope } from "../../platform/auth.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import { type OrgRow, orgDisplayName, orgs, parentOrg } from "../orgs/index.js";
import type { CatalogDeps } from "./catalog.context.js";
import type { AdminItemRow, CreateItemInput, ItemContent } from "./catalog.contract.js";
import { checkPublication, differingFields, type Violation } from "./catalog.rules.js";
import { type ItemRow, type ItemVersionRow, items, itemVersions, powers, powerVersions } from "./catalog.tables.js";

export function versionView(v: ItemVersionRow) {
  return {
    id: v.id,
    versionNo: v.versionNo,
    status: v.status,
    revision: v.revision,
    content: v.content,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    endDate: v.endDate,
    createdAt: v.createdAt.toISOString(),
  };
}

export const denormalised = (content: ItemContent) => ({
  name: content.name,
  kind: content.kind,
  topic: content.topic,
});

export async function createItem(deps: CatalogDeps, actor: Actor, input: CreateItemInput) {
  assertPermission(actor, "catalog.manage");
  const org = await deps.orgs.getById(input.orgId);
  assertWithinScope(actor, org.path);
  return insertItem(deps, auditActorOf(actor), org, input);
}

/** Inserts an item with its first draft; `createItem` checks the caller, seeding calls this directly. */
export async function insertItem(deps: CatalogDeps, by: AuditActor, org: OrgRow, input: CreateItemInput) {
  const { db } = deps;
  if (input.standard && org.parentId !== null) throw errors.validation("只有省教育厅可以制定省级标准事项");
  if (input.standardItemId) {
    if (input.standard) throw errors.validation("省级标准事项不能再引用其他标准");
    const [standard] = await db.select().from(items).where(eq(items.id, input.standardItemId));
    if (!standard?.standard) throw errors.validation("所引用的事项不是省级标准事项");
  }
  // The national code is the implementing org's credit code + the basic code; until the org's code is
  // filled in, a stable stand-in from its id keeps codes unique.
  const code = `${org.creditCode ?? `ORG${org.id.replaceAll("-", "").slice(-10).toUpperCase()}`}-${input.basicCode}`;
  return db.transaction(async (tx) => {
    const [item] = await tx
      .insert(items)
      .values({
        id: uuidv7(),
        orgId: org.id,
        basicCode: input.basicCode,
        code,
        standard: input.standard,
        standardItemId: input.standardItemId,
      })
      .onConflictDoNothing()
      .returning();
    if (!item) throw new AppError("ITEM_CODE_TAKEN", `本单位已有基本编码为 ${input.basicCode} 的事项`);
    const [draft] = await tx
      .insert(itemVersions)
      .values({
        id: uuidv7(),
        itemId: item.id,
        versionNo: 1,
        status: "draft",
        content: input.content,
        createdBy: by.id,
        ...denormalised(input.content),
      })
      .returning();
    if (!draft) throw new Error("insert returned no row");
    await appendAudit(tx, by, {
      action: "item.create",
      targetType: "item",
      targetId: item.id,
      summary: `新建事项 ${item.code} ${input.content.name}（草稿）`,
      orgId: org.id,
      after: draft.content,
    });
    return item;
  });
}

export async function loadItemInScope(deps: CatalogDeps, actor: Actor, itemId: string) {
  const { db } = deps;
  assertPermission(actor, "catalog.manage");
  const [item] = await db.select().from(items).where(eq(items.id, itemId));
  if (!item) throw errors.notFound("事项");
  const org = await deps.orgs.getById(item.orgId);
  assertWithinScope(actor, org.path);
  return { item, org };
}

export async function versionsOf(tx: Db, itemId: string) {
  return tx.select().from(itemVersions).where(eq(itemVersions.itemId, itemId)).orderBy(desc(itemVersions.versionNo));
}

export async function getForAdmin(deps: CatalogDeps, actor: Actor, itemId: string) {
  const { db } = deps;
  const { item, org } = await loadItemInScope(deps, actor, itemId);
  const versions = await versionsOf(db, item.id);
  const draft = versions.find((v) => v.status === "draft") ?? null;
  const published = versions.find((v) => v.status === "published") ?? null;
  return {
    id: item.id,
    code: item.code,
    basicCode: item.basicCode,
    orgId: org.id,
    orgName: org.name,
    standard: item.standard,
    standardItemId: item.standardItemId,
    draft: draft && versionView(draft),
    published: published && versionView(published),
    versions: versions.map(versionView),
    violations: draft ? await violationsOf(deps, item, draft.content) : [],
  };
}

/** Starts a draft from the published version (or returns the one already open). */
export async function startDraft(deps: CatalogDeps, actor: Actor, itemId: string) {
  const { db } = deps;
  const { item } = await loadItemInScope(deps, actor, itemId);
  await db.transaction(async (tx) => {
    const versions = await versionsOf(tx, item.id);
    if (versions.some((v) => v.status === "draft")) return;
    const base = versions.find((v) => v.status === "published") ?? versions[0];
    if (!base) throw errors.notFound("事项");
    const [draft] = await tx
      .insert(itemVersions)
      .values({
        id: uuidv7(),
        itemId: item.id,
        versionNo: (versions[0]?.versionNo ?? 0) + 1,
        status: "draft",
        content: base.content,
        createdBy: actor.userId,
        ...denormalised(base.content),
      })
      .returning();
    await appendAudit(tx, auditActorOf(actor), {
      action: "item.start_draft",
      targetType: "item",
      targetId: item.id,
      summary: `为事项 ${item.code} 新建第 ${draft?.versionNo} 版草稿`,
      orgId: item.orgId,
    });
  });
  return getForAdmin(deps, actor, itemId);
}

export async function saveDraft(
  deps: CatalogDeps,
  actor: Actor,
  itemId: string,
  content: ItemContent,
  revision: number,
) {
  const { db } = deps;
  const { item } = await loadItemInScope(deps, actor, itemId);
  await db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(itemVersions)
      .where(and(eq(itemVersions.itemId, item.id), eq(itemVersions.status, "draft")));
    if (!draft) throw new AppError("NO_DRAFT", "该事项没有草稿，请先新建草稿");
    const [saved] = await tx
      .update(itemVersions)
      .set({ content, revision: draft.revision + 1, ...denormalised(content) })
      .where(and(eq(itemVersions.id, draft.id), eq(itemVersions.revision, revision)))
      .returning();
    if (!saved) throw errors.staleVersion();
    const changed = differingFields(draft.content, content)
      .map((f) => ITEM_FIELD_LABELS[f])
      .join("、");
    await appendAudit(tx, auditActorOf(actor), {
      action: "item.save_draft",
      targetType: "item",
      targetId: item.id,
      summary: `修改事项 ${item.code} 草稿：${changed || "无变化"}`,
      orgId: item.orgId,
      after: content,
      before: draft.content,
    });
  });
  return getForAdmin(deps, actor, itemId);
}

/** Element-by-element differences between two versions of an item. */
export async function diff(deps: CatalogDeps, actor: Actor, itemId: string, fromNo: number, toNo: number) {
  const { db } = deps;
  const { item } = await loadItemInScope(deps, actor, itemId);
  const versions = await versionsOf(db, item.id);
  const from = versions.find((v) => v.versionNo === fromNo);
  const to = versions.find((v) => v.versionNo === toNo);
  if (!from || !to) throw errors.notFound("版本");
  return differingFields(from.content, to.content).map((field) => ({
    field,
    label: ITEM_FIELD_LABELS[field] ?? field,
    before: from.content[field as keyof ItemContent],
    after: to.content[field as keyof ItemContent],
  }));
}

/** Items of the actor's subtree, for the catalog administration list. */
export async function listForAdmin(deps: CatalogDeps, actor: Actor) {
  const { db } = deps;
  assertPermission(actor, "catalog.manage");
  const rows = await db
    .select({ item: items, orgName: orgDisplayName, version: itemVersions })
    .from(items)
    .innerJoin(orgs, eq(orgs.id, items.orgId))
    .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
    .innerJoin(
      itemVersions,
      and(eq(itemVersions.itemId, items.id), inArray(itemVersions.status, ["draft", "published"])),
    )
    .where(withinScope(actor, orgs.path))
    .orderBy(asc(orgs.path), asc(items.basicCode));
  const byItem = new Map<string, AdminItemRow>();
  for (const { item, orgName, version } of rows) {
    const entry = byItem.get(item.id) ?? {
      id: item.id,
      code: item.code,
      name: version.name,
      kind: version.kind,
      orgName,
      standard: item.standard,
      hasDraft: false,
      publishedVersionNo: null,
      endDate: null,
    };
    if (version.status === "draft") {
      entry.hasDraft = true;
      entry.name = version.name;
    } else {
      entry.publishedVersionNo = version.versionNo;
      entry.endDate = version.endDate;
    }
    byItem.set(item.id, entry);
  }
  return [...byItem.values()];
}

export async function violationsOf(deps: CatalogDeps, item: ItemRow, content: ItemContent): Promise<Violation[]> {
  const citedPower = content.powerId ? await publishedPower(deps, content.powerId) : null;
  const standard = item.standardItemId ? ((await publishedVersion(deps, item.standardItemId))?.content ?? null) : null;
  return checkPublication(content, { citedPower, itemOrgId: item.orgId, isStandard: item.standard, standard });
}

export async function publishedPower(deps: CatalogDeps, powerId: string) {
  const { db } = deps;
  const [row] = await db
    .select({ kind: powerVersions.kind, orgId: powers.orgId })
    .from(powers)
    .innerJoin(powerVersions, and(eq(powerVersions.powerId, powers.id), eq(powerVersions.status, "published")))
    .where(eq(powers.id, powerId));
  return row ?? null;
}

export async function publishedVersion(deps: CatalogDeps, itemId: string) {
  const { db } = deps;
  const [row] = await db
    .select()
    .from(itemVersions)
    .where(and(eq(itemVersions.itemId, itemId), eq(itemVersions.status, "published")));
  return row;
}
