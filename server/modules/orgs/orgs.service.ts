import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { uuidv7 } from "uuidv7";
import { ORG_CHILD_KINDS, ORG_KIND_LABELS } from "../../../common/vocabulary.js";
import { type AuditActor, appendAudit, systemActor } from "../../platform/audit.js";
import { type Actor, assertPermission, assertWithinScope, auditActorOf } from "../../platform/auth.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import type { CreateOrgInput, UpdateOrgInput } from "./orgs.contract.js";
import { type OrgRow, orgs } from "./orgs.tables.js";
import { type OrgSeed, PROVINCE_ORG_TREE } from "./province-tree.js";

/** A condition on `orgs.path` that holds for the actor's org and every org below it. */
export const parentOrg = alias(orgs, "parent_org");
/** 黑龙江大学教务处, not just 教务处: a university office is named with its university. Join `parentOrg` on the parent. */
export const orgDisplayName = sql<string>`case when ${orgs.kind} = 'office' then ${parentOrg.name} || ${orgs.name} else ${orgs.name} end`;

export function createOrgService(db: Db) {
  async function findById(id: string): Promise<OrgRow | undefined> {
    const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
    return row;
  }

  async function getById(id: string): Promise<OrgRow> {
    const row = await findById(id);
    if (!row) throw errors.notFound("单位");
    return row;
  }

  /** Each org's name as people read it (an office with its university), for rows that only carry the org's id. */
  async function displayNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .select({ id: orgs.id, name: orgDisplayName })
      .from(orgs)
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .where(inArray(orgs.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async function displayName(id: string): Promise<string> {
    return (await displayNames([id])).get(id) ?? "";
  }

  /** The whole tree, in display order; org names are public. */
  async function list(): Promise<OrgRow[]> {
    return db.select().from(orgs).orderBy(asc(orgs.sortOrder), asc(orgs.name));
  }

  /** Inserts an org under a parent (or as the root); used by seeding and by `create`. */
  async function insert(tx: Db, parent: OrgRow | null, input: Omit<CreateOrgInput, "parentId">): Promise<OrgRow> {
    const id = uuidv7();
    const [row] = await tx
      .insert(orgs)
      .values({
        id,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? ""}/${id}`,
        name: input.name,
        kind: input.kind,
        creditCode: input.creditCode ?? null,
        sortOrder: input.sortOrder,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    return row;
  }

  async function create(actor: Actor, input: CreateOrgInput): Promise<OrgRow> {
    assertPermission(actor, "org.manage");
    assertWithinScope(actor, (await getById(input.parentId)).path);
    return createAs(auditActorOf(actor), input);
  }

  /** A new org under its parent, by whoever the caller has already allowed (an administrator, the demo seed). */
  async function createAs(by: AuditActor, input: CreateOrgInput): Promise<OrgRow> {
    const parent = await getById(input.parentId);
    if (!ORG_CHILD_KINDS[parent.kind].includes(input.kind)) {
      throw errors.validation(`“${ORG_KIND_LABELS[parent.kind]}”下不能设立“${ORG_KIND_LABELS[input.kind]}”`);
    }
    await assertNameFree(parent.id, input.name);
    return db.transaction(async (tx) => {
      const row = await insert(tx, parent, input);
      await appendAudit(tx, by, {
        action: "org.create",
        targetType: "org",
        targetId: row.id,
        summary: `新建单位“${row.name}”（上级：${parent.name}）`,
        after: row,
        orgId: row.id,
      });
      return row;
    });
  }

  async function update(actor: Actor, id: string, input: UpdateOrgInput): Promise<OrgRow> {
    assertPermission(actor, "org.manage");
    const before = await getById(id);
    assertWithinScope(actor, before.path);
    if (input.name && input.name !== before.name && before.parentId) await assertNameFree(before.parentId, input.name);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(orgs)
        .set({
          name: input.name ?? before.name,
          creditCode: input.creditCode === undefined ? before.creditCode : input.creditCode,
          sortOrder: input.sortOrder ?? before.sortOrder,
          version: before.version + 1,
          updatedAt: new Date(),
        })
        .where(and(eq(orgs.id, id), eq(orgs.version, input.version)))
        .returning();
      if (!row) throw errors.staleVersion();
      await appendAudit(tx, auditActorOf(actor), {
        action: "org.update",
        targetType: "org",
        targetId: id,
        summary: `修改单位“${row.name}”`,
        before,
        after: row,
        orgId: id,
      });
      return row;
    });
  }

  async function assertNameFree(parentId: string, name: string): Promise<void> {
    const [clash] = await db
      .select({ id: orgs.id })
      .from(orgs)
      .where(and(eq(orgs.parentId, parentId), eq(orgs.name, name)));
    if (clash) throw new AppError("ORG_NAME_TAKEN", `同一上级单位下已有名为“${name}”的单位`);
  }

  /** On first start, lays down the province's org tree in one transaction; later starts find the root and do nothing. */
  async function seedProvinceTree(): Promise<boolean> {
    const [root] = await db.select({ id: orgs.id }).from(orgs).where(isNull(orgs.parentId)).limit(1);
    if (root) return false;
    await db.transaction(async (tx) => {
      const insertSubtree = async (parent: OrgRow | null, seed: OrgSeed, sortOrder: number) => {
        const row = await insert(tx, parent, { name: seed.name, kind: seed.kind, sortOrder });
        for (const [i, child] of (seed.children ?? []).entries()) await insertSubtree(row, child, i);
      };
      await insertSubtree(null, PROVINCE_ORG_TREE, 0);
      await appendAudit(tx, systemActor, {
        action: "org.seed",
        targetType: "org",
        targetId: "tree",
        summary: "初始化全省教育系统单位树",
      });
    });
    return true;
  }

  /** Finds an org by its names from the root down, e.g. ["黑龙江省教育厅", "哈尔滨市教育局"]. */
  async function findByNamePath(names: string[]): Promise<OrgRow | undefined> {
    let parent: OrgRow | undefined;
    for (const name of names) {
      const [row] = await db
        .select()
        .from(orgs)
        .where(and(parent ? eq(orgs.parentId, parent.id) : isNull(orgs.parentId), eq(orgs.name, name)));
      if (!row) return undefined;
      parent = row;
    }
    return parent;
  }

  return {
    findById,
    getById,
    displayName,
    displayNames,
    list,
    insert,
    create,
    createAs,
    update,
    seedProvinceTree,
    findByNamePath,
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
