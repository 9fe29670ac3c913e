import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeContent } from "../../test/catalog-fixtures.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "../../test/harness.js";
import { pdfPages } from "../../test/pdf-text.js";
import type { ItemContent } from "./catalog.contract.js";

let t: TestApp;
let admin: TestClient;
let harbinId: string;
let powerId: string;
let sampleId: string;

const MINIMAL_PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

beforeAll(async () => {
  t = await startTestApp();
  admin = await staffClient(t, "harbin.admin");
  const all = (await t.app.inject({ method: "GET", url: "/api/orgs" })).json() as { id: string; name: string }[];
  harbinId = all.find((o) => o.name === "哈尔滨市教育局")?.id ?? "";
  const power = await admin.request("POST", "/api/admin/catalog/powers", {
    orgId: harbinId,
    code: "XK-101",
    name: "教师资格认定",
    kind: "licensing",
    basis: "《教师资格条例》",
    responsibility: "受理、审查、决定、送达责任",
  });
  powerId = power.json().id;
  await admin.request("POST", `/api/admin/catalog/powers/${powerId}/publish`);
  sampleId = (await admin.upload("/api/files", "教师资格证书样本.pdf", "application/pdf", MINIMAL_PDF)).json().id;
});
afterAll(() => t.close());

const content = (overrides: Partial<ItemContent> = {}) =>
  completeContent({
    powerId,
    resultSampleFileId: sampleId,
    name: "测试用资格认定（初级中学）",
    keywords: ["测试专用说法"],
    ...overrides,
  });

async function createItem(basicCode: string, overrides: Partial<ItemContent> = {}) {
  const response = await admin.request("POST", "/api/admin/catalog/items", {
    orgId: harbinId,
    basicCode,
    content: content(overrides),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe("power list", () => {
  it("is public once published", async () => {
    const list = (await t.app.inject({ method: "GET", url: `/api/orgs/${harbinId}/powers` })).json();
    expect(list).toContainEqual(expect.objectContaining({ code: "XK-101", status: "published", name: "教师资格认定" }));
  });
});

describe("editing a power", () => {
  it("puts a change into a new draft, shown to administrators only, and publishes it as the next version", async () => {
    const edited = await admin.request("PUT", `/api/admin/catalog/powers/${powerId}/draft`, {
      name: "教师资格认定（修订）",
      kind: "licensing",
      basis: "《教师资格条例》《〈教师资格条例〉实施办法》",
      responsibility: "受理、审查、决定、送达、事后监管责任",
      revision: 1,
    });
    expect(edited.json()).toMatchObject({ status: "draft", versionNo: 2 });
    const ofPower = (list: { id: string }[]) => list.filter((p) => p.id === powerId);
    const publicList = (await t.app.inject({ method: "GET", url: `/api/orgs/${harbinId}/powers` })).json();
    expect(ofPower(publicList)).toEqual([expect.objectContaining({ status: "published", versionNo: 1 })]);
    const adminList = (await admin.request("GET", `/api/orgs/${harbinId}/powers`)).json();
    expect(ofPower(adminList)).toHaveLength(2);
    const published = await admin.request("POST", `/api/admin/catalog/powers/${powerId}/publish`);
    expect(published.json()).toMatchObject({ status: "published", versionNo: 2, name: "教师资格认定（修订）" });
  });
});

describe("editing and publishing an item", () => {
  it("lists every violation and publishes nothing until they are fixed", async () => {
    const item = await createItem("0101", {
      complaintPhone: "0451-82345678",
      resultSampleFileId: null,
      visitsRequired: 2,
    });
    expect(item.violations.map((v: { field: string }) => v.field).sort()).toEqual(
      ["complaintPhone", "resultSampleFileId", "visitsReason", "visitsRequired"].sort(),
    );
    const refused = await admin.request("POST", `/api/admin/catalog/items/${item.id}/publish`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: "PUBLICATION_RULES_FAILED",
      message: expect.stringContaining("共 4 项问题"),
    });
    expect(refused.json().details.violations).toHaveLength(4);
    expect((await t.app.inject({ method: "GET", url: `/api/catalog/items/${item.id}/guide` })).statusCode).toBe(404);

    const fixed = await admin.request("PUT", `/api/admin/catalog/items/${item.id}/draft`, {
      content: content(),
      revision: item.draft.revision,
    });
    expect(fixed.json().violations).toEqual([]);
    const published = await admin.request("POST", `/api/admin/catalog/items/${item.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ draft: null, published: { versionNo: 1, status: "published" } });

    const guide = (await t.app.inject({ method: "GET", url: `/api/catalog/items/${item.id}/guide` })).json();
    expect(guide).toMatchObject({
      item: { name: "测试用资格认定（初级中学）", orgName: "哈尔滨市教育局", versionNo: 1 },
      power: { code: "XK-101" },
      figures: { daysCut: 10, visitsRequired: 0 },
    });
  });

  it("downloads the guide as a Chinese PDF with every section, and only once it is published", async () => {
    const item = await createItem("0110", {
      name: "教师资格认定（幼儿园）",
      legalBasis: "《教师资格条例》第十三条：受理申请的机关应当自受理申请之日起30日内作出决定。".repeat(30),
      situations: [{ key: "first", name: "首次申请", description: "" }],
      materials: [
        ...content().materials,
        {
          key: "photo",
          name: "近期免冠证件照",
          requirement: "required",
          form: "original",
          copies: 2,
          medium: "paper",
          source: "applicant",
          sourceNote: "",
          blankFormFileId: null,
          sampleFileId: null,
          notes: "白底，二寸",
          situationKeys: ["first"],
          fileKinds: ["image"],
          maxFiles: 2,
          maxSizeMb: 5,
        },
      ],
    });
    const url = `/api/catalog/items/${item.id}/guide.pdf`;
    expect((await t.app.inject({ method: "GET", url })).json()).toMatchObject({ code: "NOT_FOUND" });
    await admin.request("POST", `/api/admin/catalog/items/${item.id}/publish`);

    const response = await t.app.inject({ method: "GET", url });
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent("教师资格认定（幼儿园）办事指南.pdf")}`,
    );
    const pages = await pdfPages(response.rawPayload);
    expect(pages.length).toBeGreaterThan(1);
    const text = pages.join("");
    for (const expected of [
      "教师资格认定（幼儿园）",
      "哈尔滨市教育局",
      "（XK-101）",
      "10个工作日",
      "居民身份证",
      "近期免冠证件照",
      "（适用情形：首次申请）",
      "毕业学校",
      "制证",
      "0451-82345678",
      `第 ${pages.length} 页 共 ${pages.length} 页`,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("keeps the published version in force while a new draft is edited, and diffs the two", async () => {
    const item = await createItem("0102", { name: "教师资格认定（高级中学）" });
    await admin.request("POST", `/api/admin/catalog/items/${item.id}/publish`);
    const draft = (await admin.request("POST", `/api/admin/catalog/items/${item.id}/draft`)).json();
    expect(draft.draft.versionNo).toBe(2);
    const saved = await admin.request("PUT", `/api/admin/catalog/items/${item.id}/draft`, {
      content: content({ name: "教师资格认定（高级中学）", promisedLimit: { days: 5, unit: "working" } }),
      revision: draft.draft.revision,
    });
    expect(saved.statusCode).toBe(200);
    const guide = (await t.app.inject({ method: "GET", url: `/api/catalog/items/${item.id}/guide` })).json();
    expect(guide.content.promisedLimit.days).toBe(10);
    const diff = (await admin.request("GET", `/api/admin/catalog/items/${item.id}/diff?from=1&to=2`)).json();
    expect(diff).toEqual([
      {
        field: "promisedLimit",
        label: "承诺办结时限",
        before: { days: 10, unit: "working" },
        after: { days: 5, unit: "working" },
      },
    ]);
  });

  it("lets one of two simultaneous saves win and tells the other", async () => {
    const item = await createItem("0103", { name: "教师资格认定（中职）" });
    const body = (name: string) => ({ content: content({ name }), revision: item.draft.revision });
    const results = await Promise.all([
      admin.request("PUT", `/api/admin/catalog/items/${item.id}/draft`, body("甲")),
      admin.request("PUT", `/api/admin/catalog/items/${item.id}/draft`, body("乙")),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it("refuses an item citing another org's power", async () => {
    const other = await staffClient(t, "sysadmin");
    const province = (
      (await t.app.inject({ method: "GET", url: "/api/orgs" })).json() as { id: string; parentId: string | null }[]
    ).find((o) => o.parentId === null);
    const created = await other.request("POST", "/api/admin/catalog/items", {
      orgId: province?.id,
      basicCode: "0901",
      content: content(),
    });
    expect(created.json().violations).toContainEqual({ field: "powerId", message: "所对应的权力事项不属于本单位" });
  });

  it("is edited only by administrators of the item's subtree", async () => {
    const item = await createItem("0104", { name: "教师资格认定（幼儿园）" });
    const hlju = await staffClient(t, "hlju.admin");
    expect((await hlju.request("GET", `/api/admin/catalog/items/${item.id}`)).statusCode).toBe(403);
    const clerk = await staffClient(t, "harbin.clerk");
    expect((await clerk.request("GET", `/api/admin/catalog/items/${item.id}`)).statusCode).toBe(403);
    expect((await new TestClient(t).request("POST", `/api/admin/catalog/items/${item.id}/publish`)).statusCode).toBe(
      401,
    );
  });

  it("takes a retired item out of the public catalog on its end date", async () => {
    const item = await createItem("0105", { name: "即将取消的测试事项" });
    await admin.request("POST", `/api/admin/catalog/items/${item.id}/publish`);
    const retired = await admin.request("POST", `/api/admin/catalog/items/${item.id}/retire`, {
      endDate: "2000-01-01",
      reason: "测试取消",
    });
    expect(retired.statusCode).toBe(200);
    expect((await t.app.inject({ method: "GET", url: `/api/catalog/items/${item.id}/guide` })).statusCode).toBe(404);
  });
});

describe("province standards (同事同标)", () => {
  it("are templates: listed for admins, not for the public, and copied by local items that may change only their desk", async () => {
    const province = await staffClient(t, "province.admin");
    const all = (await t.app.inject({ method: "GET", url: "/api/orgs" })).json() as {
      id: string;
      parentId: string | null;
    }[];
    const provinceId = all.find((o) => o.parentId === null)?.id;
    const created = await province.request("POST", "/api/admin/catalog/items", {
      orgId: provinceId,
      basicCode: "9101",
      standard: true,
      content: content({ name: "测试标准事项（资格认定）", powerId: null }),
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().violations).toEqual([]);
    const standardId = created.json().id;
    expect((await province.request("POST", `/api/admin/catalog/items/${standardId}/publish`)).statusCode).toBe(200);

    const search = await t.app.inject({
      method: "GET",
      url: `/api/catalog/items?q=${encodeURIComponent("测试标准事项")}`,
    });
    expect(search.json().items.map((i: { id: string }) => i.id)).not.toContain(standardId);
    const standards = (await admin.request("GET", "/api/admin/catalog/standards")).json();
    expect(standards).toContainEqual(expect.objectContaining({ id: standardId, standard: true }));

    const copy = await createItemFollowing(standardId, "0120", {
      place: "哈尔滨市政务服务中心三楼",
      windowStaff: "王芳",
    });
    expect(copy.violations).toEqual([]);
    expect((await admin.request("POST", `/api/admin/catalog/items/${copy.id}/publish`)).statusCode).toBe(200);
    const guide = (await t.app.inject({ method: "GET", url: `/api/catalog/items/${standardId}/guide` })).json();
    expect(guide.item.standard).toBe(true);
    expect(guide.localCopies).toEqual([expect.objectContaining({ id: copy.id, orgName: "哈尔滨市教育局" })]);

    const drifted = await createItemFollowing(standardId, "0121", { promisedLimit: { days: 15, unit: "working" } });
    expect(drifted.violations).toEqual([
      { field: "promisedLimit", message: expect.stringContaining("须与省级标准一致") },
    ]);
  });

  it("are made only by the province and only items marked standard can be followed", async () => {
    const notProvince = await admin.request("POST", "/api/admin/catalog/items", {
      orgId: harbinId,
      basicCode: "0122",
      standard: true,
      content: content(),
    });
    expect(notProvince.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: "只有省教育厅可以制定省级标准事项",
    });
    const ordinary = await createItem("0123", { name: "普通测试事项" });
    const following = await admin.request("POST", "/api/admin/catalog/items", {
      orgId: harbinId,
      basicCode: "0124",
      standardItemId: ordinary.id,
      content: content(),
    });
    expect(following.json()).toMatchObject({ code: "VALIDATION_FAILED", message: "所引用的事项不是省级标准事项" });
  });
});

async function createItemFollowing(standardItemId: string, basicCode: string, overrides: Partial<ItemContent>) {
  const response = await admin.request("POST", "/api/admin/catalog/items", {
    orgId: harbinId,
    basicCode,
    standardItemId,
    content: content({ name: "测试标准事项（资格认定）", ...overrides }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe("figures (减时限、减跑动、减材料)", () => {
  it("sum the cuts of an org's items and count materials cut since the previous version", async () => {
    const figures = async () => (await t.app.inject({ method: "GET", url: `/api/orgs/${harbinId}/figures` })).json();
    const before = await figures();
    const twoMaterials = [
      ...content().materials,
      { ...content().materials[0], key: "diploma", name: "学历证书" },
    ] as ItemContent["materials"];
    const item = await createItem("0106", { name: "减材料测试事项", materials: twoMaterials });
    await admin.request("POST", `/api/admin/catalog/items/${item.id}/publish`);
    const afterFirst = await figures();
    expect(afterFirst.items).toBe(before.items + 1);
    expect(afterFirst.daysCut).toBe(before.daysCut + 10);
    expect(afterFirst.zeroVisitItems).toBe(before.zeroVisitItems + 1);

    const draft = (await admin.request("POST", `/api/admin/catalog/items/${item.id}/draft`)).json();
    await admin.request("PUT", `/api/admin/catalog/items/${item.id}/draft`, {
      content: content({ name: "减材料测试事项" }),
      revision: draft.draft.revision,
    });
    await admin.request("POST", `/api/admin/catalog/items/${item.id}/publish`);
    const afterSecond = await figures();
    expect(afterSecond.materialsCut).toBe(before.materialsCut + 1);
    const guide = (await t.app.inject({ method: "GET", url: `/api/catalog/items/${item.id}/guide` })).json();
    expect(guide.figures).toEqual({ daysCut: 10, visitsRequired: 0, requiredMaterials: 1, materialsCut: 1 });
  });
});

describe("public catalog", () => {
  it("finds published items by colloquial Chinese and filters by topic", async () => {
    const search = async (q: string) =>
      (await t.app.inject({ method: "GET", url: `/api/catalog/items?q=${encodeURIComponent(q)}` }))
        .json()
        .items.map((i: { name: string }) => i.name);
    expect((await search("测试专用说法"))[0]).toMatch(/^测试用资格认定/);
    expect(await search("测试用资格认定")).toContain("测试用资格认定（初级中学）");
    expect(await search("完全无关的词语")).toEqual([]);
    const byTopic = (await t.app.inject({ method: "GET", url: "/api/catalog/items?topic=教师" })).json();
    expect(byTopic.total).toBeGreaterThanOrEqual(2);
  });

  it("serves uploaded public files with their SM3 digest", async () => {
    const response = await t.app.inject({ method: "GET", url: `/api/files/${sampleId}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.rawPayload.equals(MINIMAL_PDF)).toBe(true);
  });

  it("refuses to store files of other types", async () => {
    const response = await admin.upload("/api/files", "run.sh", "application/x-sh", Buffer.from("rm -rf /"));
    expect(response.statusCode).toBe(415);
    expect(response.json().message).toContain("只能上传");
  });
});
