import { and, asc, eq } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { limitText } from "../../../common/format.js";
import { BUNDLE_ON_DENIAL_LABELS, type LimitUnit } from "../../../common/vocabulary.js";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import { type Actor, assertPermission, auditActorOf, isWithinScope, withinScope } from "../../platform/auth.js";
import { AppError, errors } from "../../platform/errors.js";
import type { BundlesDeps } from "./bundles.context.js";
import type { BundleBody } from "./bundles.contract.js";

/** Bundle definitions: checked on every save, administered in an org's subtree, published as a public guide. */
import { assertValid, longestChain, materialRequired, targetsOf } from "./bundles.rules.js";
import { type BundleRow, bundles } from "./bundles.tables.js";

export async function loadForAdmin(deps: BundlesDeps, actor: Actor, id: string): Promise<BundleRow> {
  const { db } = deps;
  assertPermission(actor, "catalog.manage");
  const [row] = await db.select().from(bundles).where(eq(bundles.id, id));
  if (!row || !isWithinScope(actor, row.orgPath)) throw errors.notFound("一件事");
  return row;
}

export async function adminView(deps: BundlesDeps, row: BundleRow) {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: await deps.orgs.displayName(row.orgId),
    code: row.code,
    name: row.name,
    status: row.status,
    definition: row.definition,
    version: row.version,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function assertCodeFree(deps: BundlesDeps, code: string, except: string | null) {
  const { db } = deps;
  const [clash] = await db.select({ id: bundles.id }).from(bundles).where(eq(bundles.code, code));
  if (clash && clash.id !== except) throw new AppError("BUNDLE_CODE_TAKEN", `已有编码为 ${code} 的一件事`);
}

/** Inserts a bundle (also used by the demo seed); checked like every save. */
export async function insert(
  deps: BundlesDeps,
  by: AuditActor,
  orgId: string,
  input: BundleBody,
  options = { publish: false },
) {
  const { db } = deps;
  const org = await deps.orgs.getById(orgId);
  await assertValid(deps, input.definition);
  await assertCodeFree(deps, input.code, null);
  return db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .insert(bundles)
      .values({
        id: uuidv7(),
        orgId: org.id,
        orgPath: org.path,
        code: input.code,
        name: input.name,
        definition: input.definition,
        status: options.publish ? "published" : "draft",
        publishedAt: options.publish ? now : null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError("BUNDLE_CODE_TAKEN", `已有编码为 ${input.code} 的一件事`);
    await appendAudit(tx, by, {
      action: options.publish ? "bundle.publish" : "bundle.create",
      targetType: "bundle",
      targetId: row.id,
      summary: `新建一件事 ${row.code} ${row.name}${options.publish ? "并发布" : "（草稿）"}`,
      after: input,
      orgId: org.id,
    });
    return row;
  });
}

export async function create(deps: BundlesDeps, actor: Actor, input: BundleBody & { orgId: string }) {
  assertPermission(actor, "catalog.manage");
  const org = await deps.orgs.getById(input.orgId);
  if (!isWithinScope(actor, org.path)) throw errors.outOfScope();
  return adminView(deps, await insert(deps, auditActorOf(actor), org.id, input));
}

export async function update(deps: BundlesDeps, actor: Actor, id: string, input: BundleBody & { version: number }) {
  const { db } = deps;
  const before = await loadForAdmin(deps, actor, id);
  if (before.version !== input.version) throw errors.staleVersion();
  await assertValid(deps, input.definition);
  await assertCodeFree(deps, input.code, before.id);
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(bundles)
      .set({
        code: input.code,
        name: input.name,
        definition: input.definition,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(bundles.id, id), eq(bundles.version, input.version)))
      .returning();
    if (!row) throw errors.staleVersion();
    await appendAudit(tx, auditActorOf(actor), {
      action: "bundle.update",
      targetType: "bundle",
      targetId: id,
      summary: `修改一件事 ${row.code} ${row.name}${row.status === "published" ? "（已发布，新申请按修改后的办理）" : ""}`,
      before: { code: before.code, name: before.name, definition: before.definition },
      after: input,
      orgId: row.orgId,
    });
    return row;
  });
  return adminView(deps, row);
}

/** Publishing checks the items again: one retired since the last save stops it. */
export async function publish(deps: BundlesDeps, actor: Actor, id: string, version: number) {
  const { db } = deps;
  const before = await loadForAdmin(deps, actor, id);
  if (before.version !== version) throw errors.staleVersion();
  await assertValid(deps, before.definition);
  const row = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(bundles)
      .set({ status: "published", publishedAt: new Date(), version: version + 1, updatedAt: new Date() })
      .where(and(eq(bundles.id, id), eq(bundles.version, version)))
      .returning();
    if (!row) throw errors.staleVersion();
    await appendAudit(tx, auditActorOf(actor), {
      action: "bundle.publish",
      targetType: "bundle",
      targetId: id,
      summary: `发布一件事 ${row.code} ${row.name}`,
      orgId: row.orgId,
    });
    return row;
  });
  return adminView(deps, row);
}

export async function listAdmin(deps: BundlesDeps, actor: Actor) {
  const { db } = deps;
  assertPermission(actor, "catalog.manage");
  const rows = await db.select().from(bundles).where(withinScope(actor, bundles.orgPath)).orderBy(asc(bundles.code));
  return Promise.all(rows.map((row) => adminView(deps, row)));
}

export async function getAdmin(deps: BundlesDeps, actor: Actor, id: string) {
  return adminView(deps, await loadForAdmin(deps, actor, id));
}

export async function publishedBundle(deps: BundlesDeps, id: string): Promise<BundleRow> {
  const { db } = deps;
  const [row] = await db
    .select()
    .from(bundles)
    .where(and(eq(bundles.id, id), eq(bundles.status, "published")));
  if (!row) throw errors.notFound("一件事");
  return row;
}

export async function listPublished(deps: BundlesDeps) {
  const { db } = deps;
  const rows = await db.select().from(bundles).where(eq(bundles.status, "published")).orderBy(asc(bundles.code));
  const targets = await Promise.all(rows.map((r) => targetsOf(deps, r.definition)));
  const orgIds = [
    ...new Set([...rows.map((r) => r.orgId), ...targets.flatMap((t) => [...t.values()].map((x) => x.orgId))]),
  ];
  const names = await deps.orgs.displayNames(orgIds);
  return rows.map((row, i) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.definition.description,
    audience: row.definition.audience,
    orgName: names.get(row.orgId) ?? "",
    itemCount: row.definition.items.length,
    orgNames: [...new Set([...(targets[i]?.values() ?? [])].map((t) => names.get(t.orgId) ?? ""))],
  }));
}

export async function guide(deps: BundlesDeps, id: string) {
  const row = await publishedBundle(deps, id);
  const def = row.definition;
  const targets = await targetsOf(deps, def);
  const names = await deps.orgs.displayNames([row.orgId, ...[...targets.values()].map((t) => t.orgId)]);
  const labels = new Map(def.items.map((i) => [i.key, i.label]));
  const limitOf = (key: string) => targets.get(key)?.content.promisedLimit ?? { days: 0, unit: "working" as const };
  const chain = longestChain(def, limitOf);
  const unit: LimitUnit = chain.units.size === 1 && chain.units.has("calendar") ? "calendar" : "working";
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: def.description,
    audience: def.audience,
    orgName: names.get(row.orgId) ?? "",
    onDenial: def.onDenial,
    onDenialLabel: BUNDLE_ON_DENIAL_LABELS[def.onDenial],
    items: def.items.map((item) => {
      const target = targets.get(item.key);
      return {
        key: item.key,
        label: item.label,
        itemId: item.itemId,
        itemName: target?.content.name ?? "",
        orgName: target ? (names.get(target.orgId) ?? "") : "",
        after: item.after,
        afterLabel: item.after ? (labels.get(item.after) ?? null) : null,
        promisedLimit: target?.content.promisedLimit ?? { days: 0, unit: "working" as const },
        statutoryLimit: target?.content.statutoryLimit ?? { days: 0, unit: "working" as const },
        resultName: target?.content.resultName ?? "",
        visitsRequired: target?.content.visitsRequired ?? 0,
      };
    }),
    fields: def.fields.map(({ maps, ...field }) => ({
      ...field,
      usedBy: maps.map((m) => labels.get(m.itemKey) ?? m.itemKey),
    })),
    materials: def.materials.map((m) => ({
      key: m.key,
      name: m.name,
      notes: m.notes,
      required: materialRequired(m, (key) => targets.get(key)?.content),
      usedBy: m.maps.map((x) => labels.get(x.itemKey) ?? x.itemKey),
    })),
    combinedLimit: {
      days: chain.days,
      unit,
      text: limitText({ days: chain.days, unit }),
      chain: chain.chain.map((k) => labels.get(k) ?? k),
    },
  };
}
