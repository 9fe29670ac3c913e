import { systemActor } from "../../platform/audit.js";
import type { FileStore } from "../../platform/files.js";
import { type CatalogService, DEMO_ITEMS, DEMO_POWERS, itemContent } from "../catalog/index.js";
import type { OrgService } from "../orgs/index.js";

/**
 * A one-page PDF standing in for each result sample (证书、证明样本) in the demo catalog. Real samples are
 * the scanned documents an org uploads in the editor.
 */
const PLACEHOLDER_SAMPLE = Buffer.from(
  [
    "%PDF-1.4",
    "1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj",
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj",
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj",
    "4 0 obj<</Length 58>>stream",
    "BT /F1 28 Tf 200 420 Td (SAMPLE / DEMO DATA) Tj ET",
    "endstream endobj",
    "5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj",
    "trailer<</Root 1 0 R>>",
    "%%EOF",
  ].join("\n"),
);

/** Publishes the demo power lists and the demo catalog; every item passes the publication rules. */
export async function seedDemoCatalog(deps: { orgs: OrgService; catalog: CatalogService; files: FileStore }) {
  const sample = await deps.files.save({
    name: "办理结果样本（演示）.pdf",
    mimeType: "application/pdf",
    data: PLACEHOLDER_SAMPLE,
    visibility: "public",
    uploadedBy: null,
  });
  const orgByPath = async (names: string[]) => {
    const org = await deps.orgs.findByNamePath(names);
    if (!org) throw new Error(`demo org missing: ${names.join(" / ")}`);
    return org;
  };
  const powerIds = new Map<string, string>();
  for (const power of DEMO_POWERS) {
    const org = await orgByPath(power.org);
    const created = await deps.catalog.insertPower(systemActor, org, { ...power, orgId: org.id }, { publish: true });
    powerIds.set(`${org.id}:${power.code}`, created.id);
  }
  for (const demo of DEMO_ITEMS) {
    const org = await orgByPath(demo.org);
    const powerId = powerIds.get(`${org.id}:${demo.powerCode}`);
    if (!powerId) throw new Error(`demo power missing: ${demo.org.join("/")} ${demo.powerCode}`);
    const content = { ...demo.content, powerId, resultSampleFileId: demo.content.resultName ? sample.id : null };
    const item = await deps.catalog.insertItem(systemActor, org, {
      orgId: org.id,
      basicCode: demo.basicCode,
      standardItemId: null,
      content: itemContent.parse(content),
    });
    await deps.catalog.publishDraft(systemActor, item);
  }
}
