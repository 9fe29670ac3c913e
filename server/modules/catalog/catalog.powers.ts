import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import { type Actor, assertPermission, assertWithinScope, auditActorOf, isWithinScope } from "../../platform/auth.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import type { OrgRow } from "../orgs/index.js";
import type { CatalogDeps } from "./catalog.context.js";
import type { CreatePowerInput, UpdatePowerInput } from "./catalog.contract.js";
import { type PowerRow, type PowerVersionRow, powers, powerVersions } from "./catalog.tables.js";

export function powerView(power: PowerRow, version: PowerVersionRow, org: Pick<OrgRow, "name">) {
  return {
    id: power.id,
    orgId: power.orgId,
    orgName: org.name,
    code: power.code,
    versionNo: version.versionNo,
    status: version.status,
    name: version.name,
    kind: version.kind,
    basis: version.basis,
    responsibility: version.responsibility,
    revision: version.revision,
    publishedAt: version.publishedAt?.toISOString() ?? null,
  };
}

export async function createPower(deps: CatalogDeps, actor: Actor, input: CreatePowerInput) {
  assertPermission(actor, "catalog.manage");
  const org = await deps.orgs.getById(input.orgId);
  assertWithinScope(actor, org.path);
  return insertPower(deps, auditActorOf(actor), org, input);
}

/** Inserts a power with its first draft; `createPower` checks the caller, seeding calls this directly. */
export async function insertPower(
  deps: CatalogDeps,
  by: AuditActor,
  org: OrgRow,
  input: CreatePowerInput,
  options = { publish: false },
) {
  const { db } = deps;
  const created = await db.transaction(async (tx) => {
    const [power] = await tx
      .insert(powers)
      .values({ id: uuidv7(), orgId: org.id, code: input.code })
      .onConflictDoNothing()
      .returning();
    if (!power) throw new AppError("POWER_CODE_TAKEN", `本单位已有编码为 ${input.code} 的权力事项`);
    const [version] = await tx
      .insert(powerVersions)
      .values({ id: uuidv7(), powerId: power.id, versionNo: 1, status: "draft", createdBy: by.id, ...pick(input) })
      .returning();
    if (!version) throw new Error("insert returned no row");
    await appendAudit(tx, by, {
      action: "power.create",
      targetType: "power",
      targetId: power.id,
      summary: `新建权力事项 ${power.code} ${version.name}（草稿）`,
      orgId: org.id,
      after: version,
    });
    return { power, view: powerView(power, version, org) };
  });
  return options.publish ? publishPowerDraft(deps, by, created.power, org) : created.view;
}

export const pick = ({ name, kind, basis, responsibility }: UpdatePowerInput | CreatePowerInput) => ({
  name,
  kind,
  basis,
  responsibility,
});

export async function loadPowerInScope(deps: CatalogDeps, actor: Actor, powerId: string) {
  const { db } = deps;
  assertPermission(actor, "catalog.manage");
  const [power] = await db.select().from(powers).where(eq(powers.id, powerId));
  if (!power) throw errors.notFound("权力事项");
  const org = await deps.orgs.getById(power.orgId);
  assertWithinScope(actor, org.path);
  return { power, org };
}

export async function savePowerDraft(deps: CatalogDeps, actor: Actor, powerId: string, input: UpdatePowerInput) {
  const { db } = deps;
  const { power, org } = await loadPowerInScope(deps, actor, powerId);
  return db.transaction(async (tx) => {
    const draft = await ensurePowerDraft(tx, power.id, actor.userId);
    const [saved] = await tx
      .update(powerVersions)
      .set({ ...pick(input), revision: draft.revision + 1 })
      .where(and(eq(powerVersions.id, draft.id), eq(powerVersions.revision, input.revision)))
      .returning();
    if (!saved) throw errors.staleVersion();
    await appendAudit(tx, auditActorOf(actor), {
      action: "power.save_draft",
      targetType: "power",
      targetId: power.id,
      summary: `修改权力事项 ${power.code} 草稿`,
      orgId: org.id,
      after: saved,
      before: draft,
    });
    return powerView(power, saved, org);
  });
}

/** The power's draft, started from its published version when there is none. */
export async function ensurePowerDraft(tx: Db, powerId: string, by: string): Promise<PowerVersionRow> {
  const versions = await tx
    .select()
    .from(powerVersions)
    .where(eq(powerVersions.powerId, powerId))
    .orderBy(desc(powerVersions.versionNo));
  const draft = versions.find((v) => v.status === "draft");
  if (draft) return draft;
  const base = versions.find((v) => v.status === "published") ?? versions[0];
  if (!base) throw errors.notFound("权力事项");
  const [created] = await tx
    .insert(powerVersions)
    .values({
      ...base,
      id: uuidv7(),
      versionNo: (versions[0]?.versionNo ?? 0) + 1,
      status: "draft",
      revision: 1,
      createdBy: by,
      createdAt: new Date(),
      publishedAt: null,
      endDate: null,
    })
    .returning();
  if (!created) throw new Error("insert returned no row");
  return created;
}

export async function publishPower(deps: CatalogDeps, actor: Actor, powerId: string) {
  const { power, org } = await loadPowerInScope(deps, actor, powerId);
  return publishPowerDraft(deps, auditActorOf(actor), power, org);
}

export async function publishPowerDraft(deps: CatalogDeps, by: AuditActor, power: PowerRow, org: OrgRow) {
  const { db } = deps;
  return db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(powerVersions)
      .where(and(eq(powerVersions.powerId, power.id), eq(powerVersions.status, "draft")));
    if (!draft) throw new AppError("NO_DRAFT");
    await tx
      .update(powerVersions)
      .set({ status: "superseded" })
      .where(and(eq(powerVersions.powerId, power.id), eq(powerVersions.status, "published")));
    const [published] = await tx
      .update(powerVersions)
      .set({ status: "published", publishedAt: new Date() })
      .where(eq(powerVersions.id, draft.id))
      .returning();
    if (!published) throw new Error("update returned no row");
    await appendAudit(tx, by, {
      action: "power.publish",
      targetType: "power",
      targetId: power.id,
      summary: `发布权力事项 ${power.code} ${published.name}（第 ${published.versionNo} 版）`,
      orgId: org.id,
      after: published,
    });
    return powerView(power, published, org);
  });
}

/** An org's power list as published; with `includeDrafts`, also what its administrators are editing. */
export async function listPowers(deps: CatalogDeps, orgId: string, options: { actor?: Actor } = {}) {
  const { db } = deps;
  const org = await deps.orgs.getById(orgId);
  const actor = options.actor;
  const admin = actor?.permissions.has("catalog.manage") && isWithinScope(actor, org.path);
  const statuses = admin ? (["published", "draft"] as const) : (["published"] as const);
  const rows = await db
    .select({ power: powers, version: powerVersions })
    .from(powers)
    .innerJoin(powerVersions, eq(powerVersions.powerId, powers.id))
    .where(and(eq(powers.orgId, org.id), inArray(powerVersions.status, [...statuses])))
    .orderBy(asc(powers.code), asc(powerVersions.versionNo));
  return rows.map((r) => powerView(r.power, r.version, org));
}
