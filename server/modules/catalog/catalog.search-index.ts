import { and, eq, gt, isNull, max, or, type SQL, sql } from "drizzle-orm";
import { todayInChina } from "../../platform/calendar.js";
import type { Db } from "../../platform/db.js";
import { SearchIndex } from "../../platform/search.js";
import { orgDisplayName, orgs, parentOrg } from "../orgs/index.js";
import type { ItemSummary } from "./catalog.contract.js";
import { type ItemRow, type ItemVersionRow, items, itemVersions } from "./catalog.tables.js";

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

/** Published and not yet past its end date. */
export const inForce = (): SQL =>
  and(
    eq(itemVersions.status, "published"),
    or(isNull(itemVersions.endDate), gt(itemVersions.endDate, todayInChina())),
  ) as SQL;
/** In force and applied for at an org: what the public lists, searches and counts (standards are templates). */
export const servedInForce = (): SQL => and(inForce(), eq(items.standard, false)) as SQL;

/** An item in force as lists and search results show it. */
export function summaryOf(item: ItemRow, version: ItemVersionRow, orgName: string): ItemSummary {
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

/**
 * The search index over every item in force, held per process: rebuilt when this process publishes (`markStale`) or
 * when another one did (a changed count or newest publication time, checked at most every INDEX_CHECK_MS).
 */
export function createCatalogSearch(db: Db) {
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

  return {
    current: currentIndex,
    markStale: () => {
      searchIndexStale = true;
    },
  };
}

export type CatalogSearch = ReturnType<typeof createCatalogSearch>;
