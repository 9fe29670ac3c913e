import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { ITEM_FIELD_LABELS } from "../../../common/vocabulary.js";
import { type Actor, assertPermission, auditActorOf, isWithinScope, withinScope } from "../../platform/auth.js";
import { canonicalJson } from "../../platform/canonical-json.js";
import { AppError } from "../../platform/errors.js";
import { type OrgRow, orgDisplayName, orgs, parentOrg } from "../orgs/index.js";
import type { CatalogDeps } from "./catalog.context.js";
import { type ItemContent, itemContent } from "./catalog.contract.js";
import { type ExcelRow, type RowError, readCatalogWorkbook, writeCatalogWorkbook } from "./catalog.excel.js";
import { insertItem, saveDraft, startDraft, versionsOf } from "./catalog.items.js";
import { items, itemVersions, powers } from "./catalog.tables.js";

/** The items of the actor's subtree as they now stand (the draft where there is one) for the Excel export. */
export async function exportRows(deps: CatalogDeps, actor: Actor): Promise<ExcelRow[]> {
  const { db } = deps;
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

export async function exportWorkbook(deps: CatalogDeps, actor: Actor): Promise<Buffer> {
  return writeCatalogWorkbook(await exportRows(deps, actor));
}

/**
 * Checks every row first; if any is bad, answers with every bad row and its reason and imports nothing.
 * Otherwise creates new items as drafts and puts changed ones into drafts; unchanged rows are left alone.
 */
export async function importWorkbook(deps: CatalogDeps, actor: Actor, data: Buffer) {
  const { db } = deps;
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
      await insertItem(deps, auditActorOf(actor), entry.org, {
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
    const opened = await startDraft(deps, actor, existing.id);
    await saveDraft(deps, actor, existing.id, entry.content, opened.draft?.revision ?? 1);
    counts.updated++;
  }
  return counts;
}
