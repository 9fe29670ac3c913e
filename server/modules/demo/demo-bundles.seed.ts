import { systemActor } from "../../platform/audit.js";
import type { FileStore } from "../../platform/files.js";
import { renderPdf } from "../../platform/pdf.js";
import type { UsersService } from "../accounts/index.js";
import { type BundlesService, bundleDefinition } from "../bundles/index.js";
import { type CatalogService, itemContent } from "../catalog/index.js";
import type { OrgService } from "../orgs/index.js";
import { DEMO_BUNDLE_ITEMS, DEMO_BUNDLE_POWERS, DEMO_BUNDLE_STAFF, DEMO_BUNDLES, MARKET_ORG } from "./data/bundles.js";
import { DEMO_PASSWORD } from "./demo.seed.js";

/**
 * The demo bundles (办好一件事): the external market regulator and its staff, the items the bundles need beyond the
 * demo catalog, and the four bundles, each saved through the bundle rules like an administrator's.
 */
export async function seedDemoBundles(deps: {
  orgs: OrgService;
  users: UsersService;
  catalog: CatalogService;
  files: FileStore;
  bundles: BundlesService;
}) {
  const province = await deps.orgs.findByNamePath(["黑龙江省教育厅"]);
  if (!province) throw new Error("demo org missing: 黑龙江省教育厅");
  const market =
    (await deps.orgs.findByNamePath(["黑龙江省教育厅", MARKET_ORG.name])) ??
    (await deps.orgs.createAs(systemActor, {
      parentId: province.id,
      name: MARKET_ORG.name,
      kind: "external",
      sortOrder: 90,
    }));
  for (const staff of DEMO_BUNDLE_STAFF) {
    await deps.users.insertStaff(
      systemActor,
      { username: staff.username, name: staff.name, orgId: market.id, roles: staff.roles, password: DEMO_PASSWORD },
      { mustChangePassword: false },
    );
  }
  const orgByPath = async (names: string[]) => {
    const org = await deps.orgs.findByNamePath(names);
    if (!org) throw new Error(`demo org missing: ${names.join(" / ")}`);
    return org;
  };
  for (const power of DEMO_BUNDLE_POWERS) {
    const org = await orgByPath(power.org);
    await deps.catalog.insertPower(systemActor, org, { ...power, orgId: org.id }, { publish: true });
  }
  const itemIds = new Map<string, string>();
  for (const demo of DEMO_BUNDLE_ITEMS) {
    const org = await orgByPath(demo.org);
    const powerId = (await deps.catalog.listPowers(org.id)).find((p) => p.code === demo.powerCode)?.id;
    if (!powerId) throw new Error(`demo power missing: ${demo.org.join("/")} ${demo.powerCode}`);
    const sample = await deps.files.save({
      name: `${demo.content.resultName}（样本）.pdf`,
      mimeType: "application/pdf",
      data: Buffer.from(await resultSample(demo.content.resultName ?? "办理结果", org.name)),
      visibility: "public",
      uploadedBy: null,
    });
    const item = await deps.catalog.insertItem(systemActor, org, {
      orgId: org.id,
      basicCode: demo.basicCode,
      standard: false,
      standardItemId: null,
      content: itemContent.parse({ ...demo.content, powerId, resultSampleFileId: sample.id }),
    });
    await deps.catalog.publishDraft(systemActor, item);
    itemIds.set(demo.ref, item.id);
  }
  for (const demo of DEMO_BUNDLES) {
    const org = await orgByPath(demo.org);
    const definition = bundleDefinition.parse({
      ...demo.definition,
      items: demo.definition.items.map(({ ref, ...item }) => ({ ...item, itemId: itemIds.get(ref) })),
    });
    await deps.bundles.insert(systemActor, org.id, { code: demo.code, name: demo.name, definition }, { publish: true });
  }
}

function resultSample(resultName: string, orgName: string) {
  return renderPdf({
    title: `${resultName}（样本）`,
    footer: "样本 · 仅供参考",
    blocks: [
      { kind: "title", text: resultName },
      { kind: "subtitle", text: "样 本" },
      {
        kind: "fields",
        rows: [
          ["编号", "（核发时生成）"],
          ["申请人", "张某某"],
          ["核发机关", orgName],
          ["核发日期", "××××年××月××日"],
        ],
      },
      { kind: "paragraph", text: "本样本仅用于展示办理结果的样式和主要内容，不具有法律效力。" },
    ],
  });
}
