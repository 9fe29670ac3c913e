import { systemActor } from "../../platform/audit.js";
import type { FileStore } from "../../platform/files.js";
import { renderPdf } from "../../platform/pdf.js";
import { type CatalogService, itemContent } from "../catalog/index.js";
import type { OrgService } from "../orgs/index.js";
import { DEMO_ITEMS, DEMO_POWERS } from "./data/catalog.js";

/**
 * A result sample (证书、证明、批复样本) as an org would upload it: the result's layout with placeholder
 * values, marked as a sample. Orgs replace it with a scan of the real document in the editor.
 */
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
          ["证件号码", "230103********0000"],
          ["核发机关", orgName],
          ["核发日期", "××××年××月××日"],
        ],
      },
      {
        kind: "paragraph",
        text: "本样本仅用于展示办理结果的样式和主要内容，不具有法律效力；实际内容以核发机关出具的结果为准。",
      },
    ],
  });
}

/** Publishes the demo power lists and the demo catalog; every item passes the publication rules. */
export async function seedDemoCatalog(deps: { orgs: OrgService; catalog: CatalogService; files: FileStore }) {
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
  const standards = new Map<string, { id: string; sampleId: string | null }>();
  for (const demo of DEMO_ITEMS) {
    const org = await orgByPath(demo.org);
    const powerId = demo.powerCode ? powerIds.get(`${org.id}:${demo.powerCode}`) : null;
    if (powerId === undefined) throw new Error(`demo power missing: ${demo.org.join("/")} ${demo.powerCode}`);
    const standard = demo.follows ? standards.get(demo.follows) : undefined;
    const resultName = demo.content.resultName ?? "";
    // A copy of a standard shows the standard's sample: 同事同标 leaves only the desk local.
    const sampleId =
      standard?.sampleId ??
      (resultName
        ? (
            await deps.files.save({
              name: `${resultName}（样本）.pdf`,
              mimeType: "application/pdf",
              data: Buffer.from(await resultSample(resultName, demo.standard ? "各县（市、区）教育局" : org.name)),
              visibility: "public",
              uploadedBy: null,
            })
          ).id
        : null);
    const item = await deps.catalog.insertItem(systemActor, org, {
      orgId: org.id,
      basicCode: demo.basicCode,
      standard: demo.standard ?? false,
      standardItemId: standard?.id ?? null,
      content: itemContent.parse({ ...demo.content, powerId, resultSampleFileId: sampleId }),
    });
    if (demo.standard) standards.set(demo.basicCode, { id: item.id, sampleId });
    await deps.catalog.publishDraft(systemActor, item);
  }
}
