import { and, asc, count, desc, eq, gt, inArray, isNull, max, or, type SQL, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { ITEM_FIELD_LABELS } from "../../../common/vocabulary.js";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import {
  type Actor,
  assertPermission,
  assertWithinScope,
  auditActorOf,
  isWithinScope,
  withinScope,
} from "../../platform/auth.js";
import { todayInChina } from "../../platform/calendar.js";
import { canonicalJson } from "../../platform/canonical-json.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import { SearchIndex } from "../../platform/search.js";
import { inSubtree } from "../../platform/sql.js";
import { licenceUses } from "../licences/index.js";
import { type OrgRow, type OrgService, orgDisplayName, orgs, parentOrg } from "../orgs/index.js";
import {
  type AdminItemRow,
  type CreateItemInput,
  type CreatePowerInput,
  type ItemContent,
  type ItemSummary,
  itemContent,
  type ListItemsQuery,
  type UpdatePowerInput,
} from "./catalog.contract.js";
import { type ExcelRow, type RowError, readCatalogWorkbook, writeCatalogWorkbook } from "./catalog.excel.js";
import { checkPublication, differingFields, itemFigures, type Violation } from "./catalog.rules.js";
import {
  type ItemRow,
  type ItemVersionRow,
  items,
  itemVersions,
  type PowerRow,
  type PowerVersionRow,
  powers,
  powerVersions,
} from "./catalog.tables.js";

/** Colloquial words and the words the catalog uses for them. */
const SEARCH_SYNONYMS = new Map<string, string[]>([
  ["开", ["开具", "出具", "证明"]],
  ["丢", ["遗失", "补发", "补办"]],
  ["丢了", ["遗失", "补发", "补办"]],
  ["丢失", ["遗失", "补发", "补办"]],
  ["掉", ["遗失", "补发", "补办"]],
  ["换", ["换发"]],
  ["证", ["证书", "证明"]],
  ["贷款", ["助学贷款"]],
  ["补助", ["资助", "助学金"]],
  ["开学校", ["设立", "办学"]],
  ["办学校", ["设立", "办学"]],
  ["培训班", ["培训机构", "校外培训"]],
]);

// Another process may publish; its changes reach this process's search index within this time.
const INDEX_CHECK_MS = 5_000;

export function createCatalogService(deps: { db: Db; orgs: OrgService }) {
  const { db } = deps;

  // ---------- powers (权责清单) ----------

  function powerView(power: PowerRow, version: PowerVersionRow, org: Pick<OrgRow, "name">) {
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

  async function createPower(actor: Actor, input: CreatePowerInput) {
    assertPermission(actor, "catalog.manage");
    const org = await deps.orgs.getById(input.orgId);
    assertWithinScope(actor, org.path);
    return insertPower(auditActorOf(actor), org, input);
  }

  /** Inserts a power with its first draft; `createPower` checks the caller, seeding calls this directly. */
  async function insertPower(by: AuditActor, org: OrgRow, input: CreatePowerInput, options = { publish: false }) {
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
      await audit(
        tx,
        by,
        "power.create",
        "power",
        power.id,
        `新建权力事项 ${power.code} ${version.name}（草稿）`,
        org.id,
        version,
      );
      return { power, view: powerView(power, version, org) };
    });
    return options.publish ? publishPowerDraft(by, created.power, org) : created.view;
  }

  const pick = ({ name, kind, basis, responsibility }: UpdatePowerInput | CreatePowerInput) => ({
    name,
    kind,
    basis,
    responsibility,
  });

  async function loadPowerInScope(actor: Actor, powerId: string) {
    assertPermission(actor, "catalog.manage");
    const [power] = await db.select().from(powers).where(eq(powers.id, powerId));
    if (!power) throw errors.notFound("权力事项");
    const org = await deps.orgs.getById(power.orgId);
    assertWithinScope(actor, org.path);
    return { power, org };
  }

  async function savePowerDraft(actor: Actor, powerId: string, input: UpdatePowerInput) {
    const { power, org } = await loadPowerInScope(actor, powerId);
    return db.transaction(async (tx) => {
      const draft = await ensurePowerDraft(tx, power.id, actor.userId);
      const [saved] = await tx
        .update(powerVersions)
        .set({ ...pick(input), revision: draft.revision + 1 })
        .where(and(eq(powerVersions.id, draft.id), eq(powerVersions.revision, input.revision)))
        .returning();
      if (!saved) throw errors.staleVersion();
      await audit(
        tx,
        auditActorOf(actor),
        "power.save_draft",
        "power",
        power.id,
        `修改权力事项 ${power.code} 草稿`,
        org.id,
        saved,
        draft,
      );
      return powerView(power, saved, org);
    });
  }

  /** The power's draft, started from its published version when there is none. */
  async function ensurePowerDraft(tx: Db, powerId: string, by: string): Promise<PowerVersionRow> {
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

  async function publishPower(actor: Actor, powerId: string) {
    const { power, org } = await loadPowerInScope(actor, powerId);
    return publishPowerDraft(auditActorOf(actor), power, org);
  }

  async function publishPowerDraft(by: AuditActor, power: PowerRow, org: OrgRow) {
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
      await audit(
        tx,
        by,
        "power.publish",
        "power",
        power.id,
        `发布权力事项 ${power.code} ${published.name}（第 ${published.versionNo} 版）`,
        org.id,
        published,
      );
      return powerView(power, published, org);
    });
  }

  /** An org's power list as published; with `includeDrafts`, also what its administrators are editing. */
  async function listPowers(orgId: string, options: { actor?: Actor } = {}) {
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

  // ---------- items (事项) ----------

  function versionView(v: ItemVersionRow) {
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

  const denormalised = (content: ItemContent) => ({ name: content.name, kind: content.kind, topic: content.topic });

  async function createItem(actor: Actor, input: CreateItemInput) {
    assertPermission(actor, "catalog.manage");
    const org = await deps.orgs.getById(input.orgId);
    assertWithinScope(actor, org.path);
    return insertItem(auditActorOf(actor), org, input);
  }

  /** Inserts an item with its first draft; `createItem` checks the caller, seeding calls this directly. */
  async function insertItem(by: AuditActor, org: OrgRow, input: CreateItemInput) {
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
      await audit(
        tx,
        by,
        "item.create",
        "item",
        item.id,
        `新建事项 ${item.code} ${input.content.name}（草稿）`,
        org.id,
        draft.content,
      );
      return item;
    });
  }

  async function loadItemInScope(actor: Actor, itemId: string) {
    assertPermission(actor, "catalog.manage");
    const [item] = await db.select().from(items).where(eq(items.id, itemId));
    if (!item) throw errors.notFound("事项");
    const org = await deps.orgs.getById(item.orgId);
    assertWithinScope(actor, org.path);
    return { item, org };
  }

  async function versionsOf(tx: Db, itemId: string) {
    return tx.select().from(itemVersions).where(eq(itemVersions.itemId, itemId)).orderBy(desc(itemVersions.versionNo));
  }

  async function getForAdmin(actor: Actor, itemId: string) {
    const { item, org } = await loadItemInScope(actor, itemId);
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
      violations: draft ? await violationsOf(item, draft.content) : [],
    };
  }

  /** Starts a draft from the published version (or returns the one already open). */
  async function startDraft(actor: Actor, itemId: string) {
    const { item } = await loadItemInScope(actor, itemId);
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
      await audit(
        tx,
        auditActorOf(actor),
        "item.start_draft",
        "item",
        item.id,
        `为事项 ${item.code} 新建第 ${draft?.versionNo} 版草稿`,
        item.orgId,
      );
    });
    return getForAdmin(actor, itemId);
  }

  async function saveDraft(actor: Actor, itemId: string, content: ItemContent, revision: number) {
    const { item } = await loadItemInScope(actor, itemId);
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
      await audit(
        tx,
        auditActorOf(actor),
        "item.save_draft",
        "item",
        item.id,
        `修改事项 ${item.code} 草稿：${changed || "无变化"}`,
        item.orgId,
        content,
        draft.content,
      );
    });
    return getForAdmin(actor, itemId);
  }

  async function violationsOf(item: ItemRow, content: ItemContent): Promise<Violation[]> {
    const citedPower = content.powerId ? await publishedPower(content.powerId) : null;
    const standard = item.standardItemId ? ((await publishedVersion(item.standardItemId))?.content ?? null) : null;
    return checkPublication(content, { citedPower, itemOrgId: item.orgId, isStandard: item.standard, standard });
  }

  async function publishedPower(powerId: string) {
    const [row] = await db
      .select({ kind: powerVersions.kind, orgId: powers.orgId })
      .from(powers)
      .innerJoin(powerVersions, and(eq(powerVersions.powerId, powers.id), eq(powerVersions.status, "published")))
      .where(eq(powers.id, powerId));
    return row ?? null;
  }

  async function publishedVersion(itemId: string) {
    const [row] = await db
      .select()
      .from(itemVersions)
      .where(and(eq(itemVersions.itemId, itemId), eq(itemVersions.status, "published")));
    return row;
  }

  /** Publishes the draft if it passes every rule; otherwise answers with every violation and publishes nothing. */
  async function publish(actor: Actor, itemId: string) {
    const { item } = await loadItemInScope(actor, itemId);
    await publishDraft(auditActorOf(actor), item);
    return getForAdmin(actor, itemId);
  }

  async function publishDraft(by: AuditActor, item: ItemRow): Promise<void> {
    const [draft] = await db
      .select()
      .from(itemVersions)
      .where(and(eq(itemVersions.itemId, item.id), eq(itemVersions.status, "draft")));
    if (!draft) throw new AppError("NO_DRAFT");
    const violations = await violationsOf(item, draft.content);
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
      await audit(
        tx,
        by,
        "item.publish",
        "item",
        item.id,
        `发布事项 ${item.code} ${published.name}（第 ${published.versionNo} 版）`,
        item.orgId,
        published.content,
      );
    });
    searchIndexStale = true;
  }

  async function retire(actor: Actor, itemId: string, endDate: string, reason: string) {
    const { item } = await loadItemInScope(actor, itemId);
    await db.transaction(async (tx) => {
      const [published] = await tx
        .update(itemVersions)
        .set({ endDate })
        .where(and(eq(itemVersions.itemId, item.id), eq(itemVersions.status, "published")))
        .returning();
      if (!published) throw new AppError("NOT_PUBLISHED");
      await audit(
        tx,
        auditActorOf(actor),
        "item.retire",
        "item",
        item.id,
        `事项 ${item.code} ${published.name} 自 ${endDate} 起取消：${reason}`,
        item.orgId,
      );
    });
    searchIndexStale = true;
    return getForAdmin(actor, itemId);
  }

  /** Element-by-element differences between two versions of an item. */
  async function diff(actor: Actor, itemId: string, fromNo: number, toNo: number) {
    const { item } = await loadItemInScope(actor, itemId);
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
  async function listForAdmin(actor: Actor) {
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

  // ---------- Excel (事项导入导出) ----------

  /** The items of the actor's subtree as they now stand (the draft where there is one) for the Excel export. */
  async function exportRows(actor: Actor): Promise<ExcelRow[]> {
    assertPermission(actor, "catalog.manage");
    const rows = await db
      .select({ item: items, version: itemVersions, orgName: orgDisplayName, powerCode: powers.code })
      .from(items)
      .innerJoin(orgs, eq(orgs.id, items.orgId))
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .innerJoin(
        itemVersions,
        and(eq(itemVersions.itemId, items.id), inArray(itemVersions.status, ["draft", "published"])),
      )
      .leftJoin(powers, sql`${powers.id}::text = ${itemVersions.content}->>'powerId'`)
      .where(withinScope(actor, orgs.path))
      .orderBy(asc(orgs.path), asc(items.basicCode), desc(itemVersions.versionNo));
    const seen = new Set<string>();
    return rows.flatMap(({ item, version, orgName, powerCode }) => {
      if (seen.has(item.id)) return []; // the draft (higher version) came first
      seen.add(item.id);
      return [
        { orgId: item.orgId, orgName, basicCode: item.basicCode, powerCode: powerCode ?? "", content: version.content },
      ];
    });
  }

  async function exportWorkbook(actor: Actor): Promise<Buffer> {
    return writeCatalogWorkbook(await exportRows(actor));
  }

  /**
   * Checks every row first; if any is bad, answers with every bad row and its reason and imports nothing.
   * Otherwise creates new items as drafts and puts changed ones into drafts; unchanged rows are left alone.
   */
  async function importWorkbook(actor: Actor, data: Buffer) {
    assertPermission(actor, "catalog.manage");
    const { rows, errors: rowErrors } = await readCatalogWorkbook(data);
    const problems: RowError[] = [...rowErrors];
    const unreadable = new Set(rowErrors.map((e) => e.row));
    const orgList = new Map((await deps.orgs.list()).map((o) => [o.id, o]));
    const seen = new Set<string>();
    const ready: { row: number; org: OrgRow; basicCode: string; content: ItemContent }[] = [];
    for (const row of rows) {
      const before = problems.length;
      const org = orgList.get(row.orgId);
      if (!org) problems.push({ row: row.row, message: "单位编号不存在" });
      else if (!isWithinScope(actor, org.path)) {
        problems.push({ row: row.row, message: `“${org.name}”不在您的管辖范围内` });
      }
      if (!/^\d{4}$/.test(row.basicCode)) problems.push({ row: row.row, message: "基本编码应为 4 位数字" });
      const key = `${row.orgId}:${row.basicCode}`;
      if (seen.has(key)) problems.push({ row: row.row, message: "同一单位的基本编码在文件中重复" });
      seen.add(key);
      let powerId: string | null = null;
      if (org && row.powerCode) {
        const [power] = await db
          .select({ id: powers.id })
          .from(powers)
          .where(and(eq(powers.orgId, org.id), eq(powers.code, row.powerCode)));
        if (!power) problems.push({ row: row.row, message: `本单位没有编码为 ${row.powerCode} 的权力事项` });
        powerId = power?.id ?? null;
      }
      // A cell that could not be read is already reported; checking the whole row again would only repeat it.
      if (unreadable.has(row.row)) continue;
      const parsed = itemContent.safeParse({ ...row.content, powerId });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = ITEM_FIELD_LABELS[String(issue.path[0])] ?? issue.path.join(".");
          problems.push({ row: row.row, message: `${field}：${issue.message}` });
        }
      }
      if (problems.length === before && org && parsed.success)
        ready.push({ row: row.row, org, basicCode: row.basicCode, content: parsed.data });
    }
    if (rows.length === 0 && problems.length === 0) problems.push({ row: 0, message: "文件中没有事项" });
    if (problems.length > 0) {
      problems.sort((a, b) => a.row - b.row);
      throw new AppError(
        "IMPORT_REJECTED",
        `导入未执行：${new Set(problems.map((p) => p.row)).size} 行有问题，请修改后重新导入`,
        { errors: problems },
      );
    }
    const counts = { created: 0, updated: 0, unchanged: 0 };
    for (const entry of ready) {
      const [existing] = await db
        .select()
        .from(items)
        .where(and(eq(items.orgId, entry.org.id), eq(items.basicCode, entry.basicCode)));
      if (!existing) {
        await insertItem(auditActorOf(actor), entry.org, {
          orgId: entry.org.id,
          basicCode: entry.basicCode,
          standard: false,
          standardItemId: null,
          content: entry.content,
        });
        counts.created++;
        continue;
      }
      const versions = await versionsOf(db, existing.id);
      const current = versions.find((v) => v.status === "draft") ?? versions.find((v) => v.status === "published");
      if (current && canonicalJson(current.content) === canonicalJson(entry.content)) {
        counts.unchanged++;
        continue;
      }
      const opened = await startDraft(actor, existing.id);
      await saveDraft(actor, existing.id, entry.content, opened.draft?.revision ?? 1);
      counts.updated++;
    }
    return counts;
  }

  // ---------- the public catalog ----------

  /** Published and not yet past its end date. */
  const inForce = (): SQL =>
    and(
      eq(itemVersions.status, "published"),
      or(isNull(itemVersions.endDate), gt(itemVersions.endDate, todayInChina())),
    ) as SQL;
  /** In force and applied for at an org: what the public lists, searches and counts (standards are templates). */
  const servedInForce = (): SQL => and(inForce(), eq(items.standard, false)) as SQL;

  function summaryOf(item: ItemRow, version: ItemVersionRow, orgName: string): ItemSummary {
    const c = version.content;
    return {
      id: item.id,
      code: item.code,
      name: c.name,
      kind: c.kind,
      topic: c.topic,
      orgId: item.orgId,
      orgName,
      audiences: c.audiences,
      selfService: c.selfService,
      onlineDepth: c.onlineDepth,
      visitsRequired: c.visitsRequired,
      promisedLimit: c.promisedLimit,
      reformMode: c.reformMode,
      versionId: version.id,
      versionNo: version.versionNo,
      standard: item.standard,
    };
  }

  async function summariesWhere(condition: SQL): Promise<ItemSummary[]> {
    const rows = await db
      .select({ item: items, version: itemVersions, orgName: orgDisplayName })
      .from(items)
      .innerJoin(itemVersions, eq(itemVersions.itemId, items.id))
      .innerJoin(orgs, eq(orgs.id, items.orgId))
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .where(condition)
      .orderBy(asc(orgs.path), asc(items.basicCode));
    return rows.map((r) => summaryOf(r.item, r.version, r.orgName));
  }

  /** The province standards in force (同事同标), for an admin creating a local copy of one. */
  async function listStandards(actor: Actor): Promise<ItemSummary[]> {
    assertPermission(actor, "catalog.manage");
    return summariesWhere(and(inForce(), eq(items.standard, true)) as SQL);
  }

  // The search index over every item in force, rebuilt when this process publishes or another one did.
  let searchIndex: { index: SearchIndex; summaries: Map<string, ItemSummary>; signature: string } | null = null;
  let searchIndexStale = true;
  let lastCheck = 0;

  async function catalogSignature(): Promise<string> {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int`, latest: max(itemVersions.publishedAt) })
      .from(itemVersions)
      .innerJoin(items, eq(items.id, itemVersions.itemId))
      .where(servedInForce());
    return `${row?.n}:${row?.latest ? new Date(row.latest).getTime() : 0}:${todayInChina()}`;
  }

  async function currentIndex() {
    const now = Date.now();
    if (searchIndex && !searchIndexStale && now - lastCheck < INDEX_CHECK_MS) return searchIndex;
    lastCheck = now;
    const signature = await catalogSignature();
    if (searchIndex && !searchIndexStale && signature === searchIndex.signature) return searchIndex;
    searchIndexStale = false;
    const rows = await db
      .select({ item: items, version: itemVersions, orgName: orgDisplayName })
      .from(items)
      .innerJoin(itemVersions, eq(itemVersions.itemId, items.id))
      .innerJoin(orgs, eq(orgs.id, items.orgId))
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .where(servedInForce());
    const index = new SearchIndex(SEARCH_SYNONYMS);
    const summaries = new Map<string, ItemSummary>();
    for (const { item, version, orgName } of rows) {
      const c = version.content;
      summaries.set(item.id, summaryOf(item, version, orgName));
      index.add(
        item.id,
        `${c.name} ${c.keywords.join(" ")}`,
        [
          { text: c.name, weight: 4, short: true },
          { text: c.keywords.join(" "), weight: 3, short: true },
          { text: `${c.topic} ${c.resultName}`, weight: 1.5, short: true },
          { text: c.situations.map((s) => s.name).join(" "), weight: 1 },
          { text: orgName, weight: 0.5 },
          { text: c.conditions, weight: 0.2 },
        ],
        [c.name, ...c.keywords],
      );
    }
    searchIndex = { index, summaries, signature };
    return searchIndex;
  }

  /** Public browsing and search: filters combine; a query ranks by relevance, otherwise by org and code. */
  async function listPublished(query: ListItemsQuery) {
    let candidates: ItemSummary[];
    if (query.q) {
      const { index, summaries } = await currentIndex();
      candidates = index.search(query.q, 200).flatMap((hit) => summaries.get(hit.id) ?? []);
    } else {
      candidates = await summariesWhere(servedInForce());
    }
    const orgPath = query.orgId ? (await deps.orgs.getById(query.orgId)).path : null;
    const orgPaths = orgPath ? new Map((await deps.orgs.list()).map((o) => [o.id, o.path])) : null;
    const filtered = candidates.filter(
      (s) =>
        (!query.audience || s.audiences.includes(query.audience)) &&
        (!query.topic || s.topic === query.topic) &&
        (!query.kind || s.kind === query.kind) &&
        (!query.selfService || s.selfService === (query.selfService === "true")) &&
        (!orgPath || orgPaths?.get(s.orgId)?.startsWith(orgPath)),
    );
    const start = (query.page - 1) * query.pageSize;
    return {
      items: filtered.slice(start, start + query.pageSize),
      total: filtered.length,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /**
   * 减时限、减跑动、减材料 for an org and everything below it: what its items in force promise against the
   * statutory baseline, and the required materials cut since each item's previous version.
   */
  async function orgFigures(orgId: string) {
    const org = await deps.orgs.getById(orgId);
    const subtree = inSubtree(orgs.path, org.path);
    const current = await db
      .select({ itemId: items.id, content: itemVersions.content })
      .from(items)
      .innerJoin(orgs, eq(orgs.id, items.orgId))
      .innerJoin(itemVersions, eq(itemVersions.itemId, items.id))
      .where(and(subtree, servedInForce()));
    const previous = new Map<string, ItemContent>();
    if (current.length > 0) {
      const older = await db
        .select({ itemId: itemVersions.itemId, content: itemVersions.content, versionNo: itemVersions.versionNo })
        .from(itemVersions)
        .where(
          and(
            inArray(
              itemVersions.itemId,
              current.map((c) => c.itemId),
            ),
            eq(itemVersions.status, "superseded"),
          ),
        )
        .orderBy(asc(itemVersions.versionNo));
      for (const row of older) previous.set(row.itemId, row.content); // the latest superseded version wins
    }
    const [saved] = await db
      .select({ n: count() })
      .from(licenceUses)
      .innerJoin(orgs, eq(orgs.id, licenceUses.orgId))
      .where(subtree);
    const sameUnit = current.filter((c) => c.content.statutoryLimit.unit === c.content.promisedLimit.unit);
    const statutoryDays = sameUnit.reduce((sum, c) => sum + c.content.statutoryLimit.days, 0);
    const figures = current.map((c) => itemFigures(c.content, previous.get(c.itemId) ?? null));
    return {
      orgId: org.id,
      orgName: org.name,
      items: current.length,
      zeroVisitItems: current.filter((c) => c.content.visitsRequired === 0).length,
      fullyOnlineItems: current.filter((c) => c.content.onlineDepth === 4).length,
      selfServiceItems: current.filter((c) => c.content.selfService).length,
      statutoryDays,
      daysCut: figures.reduce((sum, f) => sum + f.daysCut, 0),
      daysCutRatio: statutoryDays === 0 ? 0 : figures.reduce((sum, f) => sum + f.daysCut, 0) / statutoryDays,
      requiredMaterials: figures.reduce((sum, f) => sum + f.requiredMaterials, 0),
      materialsCut: figures.reduce((sum, f) => sum + f.materialsCut, 0),
      materialsSavedByLicences: saved?.n ?? 0,
    };
  }

  /** The public guide of an item as in force: every element, its power and its figures. */
  async function getGuide(itemId: string) {
    const [row] = await db
      .select({ item: items, version: itemVersions, orgName: orgDisplayName })
      .from(items)
      .innerJoin(itemVersions, eq(itemVersions.itemId, items.id))
      .innerJoin(orgs, eq(orgs.id, items.orgId))
      .leftJoin(parentOrg, eq(parentOrg.id, orgs.parentId))
      .where(and(eq(items.id, itemId), inForce()));
    if (!row) throw errors.notFound("事项");
    const { item, version, orgName } = row;
    const [previous] = await db
      .select({ content: itemVersions.content })
      .from(itemVersions)
      .where(and(eq(itemVersions.itemId, item.id), eq(itemVersions.status, "superseded")))
      .orderBy(desc(itemVersions.versionNo))
      .limit(1);
    const power = version.content.powerId
      ? await db
          .select({ id: powers.id, code: powers.code, name: powerVersions.name })
          .from(powers)
          .innerJoin(powerVersions, and(eq(powerVersions.powerId, powers.id), eq(powerVersions.status, "published")))
          .where(eq(powers.id, version.content.powerId))
          .then((r) => r[0] ?? null)
      : null;
    return {
      item: summaryOf(item, version, orgName),
      content: version.content,
      power,
      standardItemId: item.standardItemId,
      localCopies: item.standard
        ? await summariesWhere(and(servedInForce(), eq(items.standardItemId, item.id)) as SQL)
        : [],
      figures: itemFigures(version.content, previous?.content ?? null),
      publishedAt: version.publishedAt?.toISOString() ?? null,
      endDate: version.endDate,
    };
  }

  async function audit(
    tx: Db,
    by: AuditActor,
    action: string,
    targetType: string,
    targetId: string,
    summary: string,
    orgId: string,
    after?: unknown,
    before?: unknown,
  ) {
    await appendAudit(tx, by, { action, targetType, targetId, summary, orgId, after, before });
  }

  return {
    createPower,
    insertPower,
    savePowerDraft,
    publishPower,
    publishPowerDraft,
    listPowers,
    createItem,
    insertItem,
    getForAdmin,
    startDraft,
    saveDraft,
    publish,
    publishDraft,
    retire,
    diff,
    listForAdmin,
    exportWorkbook,
    importWorkbook,
    listPublished,
    listStandards,
    orgFigures,
    getGuide,
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
