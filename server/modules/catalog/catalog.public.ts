import { and, asc, count, desc, eq, inArray, type SQL } from "drizzle-orm";
import { type Actor, assertPermission } from "../../platform/auth.js";
import { errors } from "../../platform/errors.js";
import { inSubtree } from "../../platform/sql.js";
import { licenceUses } from "../licences/index.js";
import { orgDisplayName, orgs, parentOrg } from "../orgs/index.js";
import type { CatalogDeps } from "./catalog.context.js";
import type { ItemContent, ItemSummary, ListItemsQuery } from "./catalog.contract.js";
import { itemFigures } from "./catalog.rules.js";
import { inForce, servedInForce, summaryOf } from "./catalog.search-index.js";
import { items, itemVersions, powers, powerVersions } from "./catalog.tables.js";

export async function summariesWhere(deps: CatalogDeps, condition: SQL): Promise<ItemSummary[]> {
  const { db } = deps;
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
export async function listStandards(deps: CatalogDeps, actor: Actor): Promise<ItemSummary[]> {
  assertPermission(actor, "catalog.manage");
  return summariesWhere(deps, and(inForce(), eq(items.standard, true)) as SQL);
}

/** Public browsing and search: filters combine; a query ranks by relevance, otherwise by org and code. */
export async function listPublished(deps: CatalogDeps, query: ListItemsQuery) {
  let candidates: ItemSummary[];
  if (query.q) {
    const { index, summaries } = await deps.search.current();
    candidates = index.search(query.q, 200).flatMap((hit) => summaries.get(hit.id) ?? []);
  } else {
    candidates = await summariesWhere(deps, servedInForce());
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
export async function orgFigures(deps: CatalogDeps, orgId: string) {
  const { db } = deps;
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
export async function getGuide(deps: CatalogDeps, itemId: string) {
  const { db } = deps;
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
      ? await summariesWhere(deps, and(servedInForce(), eq(items.standardItemId, item.id)) as SQL)
      : [],
    figures: itemFigures(version.content, previous?.content ?? null),
    publishedAt: version.publishedAt?.toISOString() ?? null,
    endDate: version.endDate,
  };
}
