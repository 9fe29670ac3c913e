import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWorkingDays, todayInChina } from "../../platform/calendar.js";
import { resultRows } from "../../platform/db.js";
import { actOn, pdfMaterial } from "../../test/case-fixtures.js";
import { completeContent } from "../../test/catalog-fixtures.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "../../test/harness.js";

let t: TestApp;
let harbinAdmin: TestClient;
let harbinClerk: TestClient;
let harbinReviewer: TestClient;
let harbinApprover: TestClient;
let hljuAdmin: TestClient;
let hljuClerk: TestClient;
let hljuReviewer: TestClient;
let zhang: TestClient;
let li: TestClient;
const orgIds = { harbin: "", hlju: "" };
const itemIds = { a: "", b: "" };
const bundleIds = { parallel: "", stop: "", chain: "" };

const PDF = Buffer.from("%PDF-1.4\n%%EOF\n");
const ONLINE = (overall: number) => ({ overall, efficiency: 2, guide_accuracy: 3, convenience: 2, usability: 3 });
let keys = 0;
const key = () => `bundle-test-${++keys}-${Date.now()}`;

/** Publishes, as an org's administrator, a power and an item of that org. */
async function publishItem(admin: TestClient, orgId: string, powerCode: string, basicCode: string, overrides: object) {
  const power = await admin.request("POST", "/api/admin/catalog/powers", {
    orgId,
    code: powerCode,
    name: "一件事测试许可",
    kind: "licensing",
    basis: "《教师资格条例》",
    responsibility: "受理、审查、决定、送达责任",
  });
  expect(power.statusCode, power.body).toBe(201);
  await admin.request("POST", `/api/admin/catalog/powers/${power.json().id}/publish`);
  const sampleId = (await admin.upload("/api/files", "样本.pdf", "application/pdf", PDF)).json().id;
  const created = await admin.request("POST", "/api/admin/catalog/items", {
    orgId,
    basicCode,
    content: completeContent({ powerId: power.json().id, resultSampleFileId: sampleId, ...overrides }),
  });
  expect(created.statusCode, created.body).toBe(201);
  const published = await admin.request("POST", `/api/admin/catalog/items/${created.json().id}/publish`);
  expect(published.statusCode, published.body).toBe(200);
  return created.json().id as string;
}

/** Item a (哈尔滨市教育局) and item b (黑龙江大学教务处): the applicant's name is asked by both, one application form serves both. */
function definition(items: { key: string; itemId: string; after: string | null }[], onDenial: "continue" | "stop") {
  return {
    description: "测试用一件事",
    audience: "测试申请人",
    onDenial,
    items: items.map((i) => ({ ...i, label: i.key === "a" ? "市局许可" : "学校证明" })),
    fields: [
      {
        key: "person_name",
        label: "申请人姓名",
        type: "text",
        required: true,
        maps: [
          { itemKey: "a", fieldKey: "name" },
          { itemKey: "b", fieldKey: "full_name" },
        ],
      },
      { key: "school", label: "毕业学校", type: "text", required: true, maps: [{ itemKey: "a", fieldKey: "school" }] },
    ],
    materials: [
      {
        key: "application",
        name: "申请书",
        maps: [
          { itemKey: "a", materialKey: "application" },
          { itemKey: "b", materialKey: "app_form" },
        ],
      },
    ],
  };
}

async function defineBundle(code: string, def: ReturnType<typeof definition>) {
  const created = await harbinAdmin.request("POST", "/api/admin/bundles", {
    orgId: orgIds.harbin,
    code,
    name: `测试一件事 ${code}`,
    definition: def,
  });
  expect(created.statusCode, created.body).toBe(201);
  const published = await harbinAdmin.request("POST", `/api/admin/bundles/${created.json().id}/publish`, {
    version: created.json().version,
  });
  expect(published.statusCode, published.body).toBe(200);
  return created.json().id as string;
}

beforeAll(async () => {
  t = await startTestApp();
  harbinAdmin = await staffClient(t, "harbin.admin");
  harbinClerk = await staffClient(t, "harbin.clerk");
  harbinReviewer = await staffClient(t, "harbin.reviewer");
  harbinApprover = await staffClient(t, "harbin.approver");
  hljuAdmin = await staffClient(t, "hlju.admin");
  hljuClerk = await staffClient(t, "hlju.clerk");
  hljuReviewer = await staffClient(t, "hlju.reviewer");
  zhang = new TestClient(t);
  await zhang.signInApplicant("13800000001");
  li = new TestClient(t);
  await li.signInApplicant("13800000002");
  const all = (await t.app.inject({ method: "GET", url: "/api/orgs" })).json() as {
    id: string;
    name: string;
    parentId: string | null;
  }[];
  orgIds.harbin = all.find((o) => o.name === "哈尔滨市教育局")?.id ?? "";
  const hlju = all.find((o) => o.name === "黑龙江大学")?.id;
  orgIds.hlju = all.find((o) => o.name === "教务处" && o.parentId === hlju)?.id ?? "";
  itemIds.a = await publishItem(harbinAdmin, orgIds.harbin, "YJS-T01", "0951", {
    name: "一件事测试市局许可",
    form: [
      { key: "name", label: "姓名", type: "text", required: true, options: [], maxLength: 30, help: "" },
      { key: "school", label: "毕业学校", type: "text", required: true, options: [], maxLength: null, help: "" },
    ],
    materials: [pdfMaterial("application", "申请书", 2)],
  } as object);
  itemIds.b = await publishItem(hljuAdmin, orgIds.hlju, "YJS-T02", "0952", {
    name: "一件事测试学校证明",
    statutoryLimit: { days: 10, unit: "working" },
    promisedLimit: { days: 5, unit: "working" },
    form: [
      { key: "full_name", label: "学生姓名", type: "text", required: true, options: [], maxLength: 30, help: "" },
      { key: "note", label: "备注", type: "text", required: false, options: [], maxLength: null, help: "" },
    ],
    materials: [pdfMaterial("app_form", "申请表", 2)],
  } as object);
  const ab = (after: string | null) => [
    { key: "a", itemId: itemIds.a, after: null },
    { key: "b", itemId: itemIds.b, after },
  ];
  bundleIds.parallel = await defineBundle("T-PARALLEL", definition(ab(null), "continue"));
  bundleIds.stop = await defineBundle("T-STOP", definition(ab(null), "stop"));
  bundleIds.chain = await defineBundle("T-CHAIN", definition(ab("a"), "continue"));
});
afterAll(() => t.close());

/** Applies, uploads the one shared material and submits; returns the bundle case as the applicant sees it. */
async function applyAndSubmit(bundleId: string, client = zhang) {
  const applied = await client.request("POST", `/api/bundles/${bundleId}/apply`, {
    idempotencyKey: key(),
    form: { person_name: "张明", school: "哈尔滨师范大学" },
  });
  expect(applied.statusCode, applied.body).toBe(201);
  const uploaded = await client.upload(
    `/api/my/bundle-cases/${applied.json().id}/materials/application`,
    "申请书.pdf",
    "application/pdf",
    PDF,
  );
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const submitted = await client.request("POST", `/api/my/bundle-cases/${applied.json().id}/submit`, {
    revision: uploaded.json().revision,
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  return submitted.json();
}

const partOf = (view: { parts: { key: string; caseId: string }[] }, partKey: string) =>
  view.parts.find((p) => p.key === partKey) as { caseId: string } & Record<string, unknown>;
const caseOf = async (client: TestClient, caseId: string) =>
  (await client.request("GET", `/api/cases/${caseId}`)).json();
const bundleCase = async (id: string, client = zhang) =>
  (await client.request("GET", `/api/my/bundle-cases/${id}`)).json();

/** Drives a case through acceptance, review and decision in its org. */
async function decide(org: "harbin" | "hlju", caseId: string, decision: "granted" | "denied") {
  const clerk = org === "harbin" ? harbinClerk : hljuClerk;
  const reviewer = org === "harbin" ? harbinReviewer : hljuReviewer;
  const approver = org === "harbin" ? harbinApprover : hljuReviewer;
  let c = await actOn(clerk, await caseOf(clerk, caseId), "accept");
  c = await actOn(reviewer, c, "review", { opinion: "材料齐全，符合条件" });
  return actOn(approver, c, "decide", { decision, reason: decision === "granted" ? "准予" : "不符合条件" });
}

/** Then issues (when granted) and delivers: the case is completed. */
async function complete(org: "harbin" | "hlju", caseId: string, decision: "granted" | "denied" = "granted") {
  const clerk = org === "harbin" ? harbinClerk : hljuClerk;
  const reviewer = org === "harbin" ? harbinReviewer : hljuReviewer;
  let c = await decide(org, caseId, decision);
  if (decision === "granted") c = await actOn(reviewer, c, "issue", { resultNumber: `R-${caseId.slice(-6)}` });
  return actOn(clerk, c, "deliver", { method: "online" });
}

describe("bundle definitions", () => {
  const ab = () => [
    { key: "a", itemId: itemIds.a, after: null as string | null },
    { key: "b", itemId: itemIds.b, after: null as string | null },
  ];
  const save = (def: object, client = harbinAdmin, orgId = orgIds.harbin) =>
    client.request("POST", "/api/admin/bundles", {
      orgId,
      code: `T-BAD-${++keys}`,
      name: "有问题的一件事",
      definition: def,
    });

  it("refuses a cycle, an unknown field and an uncovered required field, saying which in Chinese", async () => {
    const cycle = ab();
    cycle[0] = { ...cycle[0], after: "b" } as (typeof cycle)[0];
    cycle[1] = { ...cycle[1], after: "a" } as (typeof cycle)[1];
    const cyclic = await save(definition(cycle, "stop"));
    expect(cyclic.statusCode).toBe(422);
    expect(cyclic.json()).toMatchObject({ code: "BUNDLE_INVALID" });
    expect(cyclic.json().message).toContain("循环");

    const unknown = definition(ab(), "stop");
    unknown.fields[1] = {
      ...unknown.fields[1],
      maps: [{ itemKey: "a", fieldKey: "nope" }],
    } as (typeof unknown.fields)[1];
    const unknownField = await save(unknown);
    expect(unknownField.statusCode).toBe(422);
    expect(unknownField.json().message).toContain("申请表中没有字段“nope”");

    const uncovered = definition(ab(), "stop");
    uncovered.fields = uncovered.fields.slice(0, 1);
    const missing = await save(uncovered);
    expect(missing.statusCode).toBe(422);
    expect(missing.json().message).toContain("必填项“毕业学校”");
    expect(
      missing
        .json()
        .details.errors.map((e: { message: string }) => e.message)
        .join(),
    ).toContain("没有对应的一件事字段");

    const unknownItem = definition([...ab(), { key: "c", itemId: orgIds.harbin, after: null }], "stop");
    expect((await save(unknownItem)).json().message).toContain("不是已发布的可申请事项");
    // Another org's administrator defines bundles only for their own subtree.
    expect((await save(definition(ab(), "stop"), hljuAdmin)).statusCode).toBe(403);
    expect((await hljuAdmin.request("GET", `/api/admin/bundles/${bundleIds.chain}`)).statusCode).toBe(404);
  });

  it("publishes a guide with each item's org and the combined limit along the longest chain", async () => {
    const guide = (await t.app.inject({ method: "GET", url: `/api/bundles/${bundleIds.chain}` })).json();
    expect(guide.items.map((i: { orgName: string }) => i.orgName)).toEqual(["哈尔滨市教育局", "黑龙江大学教务处"]);
    expect(guide.combinedLimit).toMatchObject({ days: 15, unit: "working", text: "15个工作日" });
    expect(guide.fields.find((f: { key: string }) => f.key === "person_name").usedBy).toEqual(["市局许可", "学校证明"]);
    const parallel = (await t.app.inject({ method: "GET", url: `/api/bundles/${bundleIds.parallel}` })).json();
    expect(parallel.combinedLimit.days).toBe(10);
    const list = (await t.app.inject({ method: "GET", url: "/api/bundles" })).json();
    expect(list.map((b: { name: string }) => b.name)).toEqual(
      expect.arrayContaining(["新生入学一件事", "毕业离校一件事", "教师入职一件事", "开办营利性民办学校一件事"]),
    );
  });
});

describe("applying for a bundle", () => {
  it("routes each part to its own org, asks a common field once and attaches one upload to both parts", async () => {
    const body = { idempotencyKey: key(), form: { person_name: "张明", school: "哈尔滨师范大学" } };
    const [first, again] = await Promise.all([
      zhang.request("POST", `/api/bundles/${bundleIds.parallel}/apply`, body),
      zhang.request("POST", `/api/bundles/${bundleIds.parallel}/apply`, body),
    ]);
    expect(first.statusCode, first.body).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    const applied = first.json();
    expect(applied.number).toMatch(new RegExp(`^YJS-${todayInChina().replaceAll("-", "")}-\\d{4}$`));
    expect(applied.status).toBe("draft");
    const a = partOf(applied, "a").caseId;
    const b = partOf(applied, "b").caseId;
    expect((await caseOf(zhang, a)).form).toEqual({ name: "张明", school: "哈尔滨师范大学" });
    expect((await caseOf(zhang, b)).form).toEqual({ full_name: "张明" });

    // Submitting without the material names it once.
    const early = await zhang.request("POST", `/api/my/bundle-cases/${applied.id}/submit`, {
      revision: applied.revision,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().details.errors).toEqual([{ field: "materials.application", message: "请上传“申请书”" }]);
    // A part is filled and submitted through its bundle only.
    expect((await zhang.request("POST", `/api/cases/${a}/submit`, { revision: 1 })).json().code).toBe("BUNDLE_PART");

    const uploaded = await zhang.upload(
      `/api/my/bundle-cases/${applied.id}/materials/application`,
      "申请书.pdf",
      "application/pdf",
      PDF,
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const fileId = uploaded.json().materials[0].files[0].fileId;
    const attached = resultRows<{ case_id: string; material_key: string }>(
      await t.database.db.execute(sql`select case_id, material_key from case_materials where file_id = ${fileId}`),
    );
    expect(attached.map((r) => `${r.case_id}:${r.material_key}`).sort()).toEqual(
      [`${a}:application`, `${b}:app_form`].sort(),
    );

    const submitted = await zhang.request("POST", `/api/my/bundle-cases/${applied.id}/submit`, {
      revision: uploaded.json().revision,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe("processing");
    expect(submitted.json().parts.map((p: { status: string }) => p.status)).toEqual(["submitted", "submitted"]);

    // Each org sees its own part in its queue, and not the other's.
    const harbinQueue = (await harbinClerk.request("GET", "/api/workbench/cases?queue=precheck")).json();
    const hljuQueue = (await hljuClerk.request("GET", "/api/workbench/cases?queue=precheck")).json();
    const ids = (page: { items: { id: string }[] }) => page.items.map((c) => c.id);
    expect(ids(harbinQueue)).toContain(a);
    expect(ids(harbinQueue)).not.toContain(b);
    expect(ids(hljuQueue)).toContain(b);
    expect(ids(hljuQueue)).not.toContain(a);
    expect((await harbinClerk.request("GET", `/api/cases/${b}`)).statusCode).toBe(404);
    expect((await hljuClerk.request("GET", `/api/cases/${a}`)).statusCode).toBe(404);
    expect((await (await staffClient(t, "harbin.market")).request("GET", `/api/cases/${a}`)).statusCode).toBe(404);

    // Another applicant learns nothing of it.
    expect((await li.request("GET", `/api/my/bundle-cases/${applied.id}`)).statusCode).toBe(404);
    expect((await li.request("POST", `/api/my/bundle-cases/${applied.id}/submit`, { revision: 1 })).statusCode).toBe(
      404,
    );
    expect((await li.request("GET", "/api/my/bundle-cases")).json()).toEqual([]);
    expect((await zhang.request("GET", "/api/my/bundle-cases")).json().map((c: { id: string }) => c.id)).toContain(
      applied.id,
    );

    // 继续办理: b is denied, a goes on; the bundle ends partly done with a's result.
    await complete("hlju", b, "denied");
    let view = await bundleCase(applied.id);
    expect(view.status).toBe("processing");
    expect(view.parts.find((p: { key: string }) => p.key === "a").status).toBe("submitted");
    await complete("harbin", a);
    view = await bundleCase(applied.id);
    expect(view.status).toBe("partial");
    expect(view.statusLabel).toBe("部分办结");
    expect(view.dueDate).toBeNull();
    expect(view.results).toEqual([expect.objectContaining({ key: "a", caseId: a, name: "教师资格证书" })]);
  });

  it("stops the whole bundle when one part is refused: the undecided others are withdrawn, saying why", async () => {
    const submitted = await applyAndSubmit(bundleIds.stop);
    const a = partOf(submitted, "a").caseId;
    const b = partOf(submitted, "b").caseId;
    const refused = await actOn(harbinClerk, await caseOf(harbinClerk, a), "refuse", {
      reason: "不属于本机关职权范围",
      whereToApply: "",
    });
    expect(refused.status).toBe("refused");
    const view = await bundleCase(submitted.id);
    expect(view.status).toBe("stopped");
    const other = await caseOf(zhang, b);
    expect(other.status).toBe("withdrawn");
    expect(other.timeline.at(-1).note).toBe("因同一件事中“市局许可”不予受理，本事项随之终止");
    const notes = (await zhang.request("GET", "/api/my/notifications")).json();
    expect(JSON.stringify(notes)).toContain(`（${submitted.number}）已终止办理`);
  });

  it("is withdrawn as a whole by its applicant: undecided parts end with the reason, a decided one stands", async () => {
    const submitted = await applyAndSubmit(bundleIds.parallel);
    const a = partOf(submitted, "a").caseId;
    const b = partOf(submitted, "b").caseId;
    await decide("hlju", b, "granted");
    const body = { revision: submitted.revision, reason: "已被其他学校录取，不再申请" };
    expect((await li.request("POST", `/api/my/bundle-cases/${submitted.id}/withdraw`, body)).statusCode).toBe(404);
    const stale = await zhang.request("POST", `/api/my/bundle-cases/${submitted.id}/withdraw`, {
      ...body,
      revision: submitted.revision + 5,
    });
    expect(stale.json().code).toBe("BUNDLE_CASE_CHANGED");
    const withdrawn = await zhang.request("POST", `/api/my/bundle-cases/${submitted.id}/withdraw`, body);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const first = await caseOf(harbinClerk, a);
    expect(first.status).toBe("withdrawn");
    expect(first.timeline.at(-1).note).toBe("申请人撤回整件事申请：已被其他学校录取，不再申请");
    // b was decided before the withdrawal: it stands, and is delivered as usual.
    expect((await caseOf(zhang, b)).status).toBe("issuing");
    const again = await zhang.request("POST", `/api/my/bundle-cases/${submitted.id}/withdraw`, {
      ...body,
      revision: withdrawn.json().revision,
    });
    expect(again.statusCode).toBe(409);
  });
});

describe("dependencies", () => {
  it("keeps b waiting until a is granted and completed, then submits it once, and rates the bundle as one", async () => {
    const submitted = await applyAndSubmit(bundleIds.chain);
    const a = partOf(submitted, "a").caseId;
    const b = partOf(submitted, "b").caseId;
    expect(submitted.parts.map((p: { status: string }) => p.status)).toEqual(["submitted", "draft"]);
    expect(partOf(submitted, "b").statusLabel).toBe("等待前序事项办结（市局许可）");

    // One due date: a's promised limit, then b's after it, on the official calendar.
    const calendar = await t.services.calendar.workingCalendar();
    const aDue = addWorkingDays(todayInChina(), 10, calendar).date;
    expect(partOf(submitted, "a").dueDate).toBe(aDue);
    expect(submitted.dueDate).toBe(addWorkingDays(aDue, 5, calendar).date);
    expect(submitted.dueEstimated).toBe(true);

    // Granted is not enough: b waits for a to be completed.
    const decided = await decide("harbin", a, "granted");
    expect((await caseOf(zhang, b)).status).toBe("draft");
    let c = await actOn(harbinReviewer, decided, "issue", { resultNumber: "HRB-YJS-001" });
    c = await actOn(harbinClerk, c, "deliver", { method: "online" });
    expect(c.status).toBe("completed");
    const started = await caseOf(zhang, b);
    expect(started.status).toBe("submitted");
    expect(started.number).toBeTruthy();

    // Reconciling again, even twice at once, starts nothing twice.
    await Promise.all([t.services.bundles.reconcile(submitted.id), t.services.bundles.reconcile(submitted.id)]);
    const again = await caseOf(zhang, b);
    expect(again.revision).toBe(started.revision);
    expect(again.timeline.filter((e: { action: string }) => e.action === "submit")).toHaveLength(1);

    // A part of a bundle is not rated on its own, and the bundle only once it has ended.
    const direct = await zhang.request("POST", `/api/my/cases/${a}/ratings`, {
      stage: "completion",
      channel: "web",
      scores: ONLINE(5),
    });
    expect(direct.statusCode).toBe(409);
    expect(direct.json().code).toBe("BUNDLE_RATED_AS_WHOLE");
    const early = await zhang.request("POST", `/api/my/bundle-cases/${submitted.id}/rating`, {
      channel: "web",
      scores: ONLINE(1),
    });
    expect(early.json().code).toBe("RATING_NOT_OPEN");

    await complete("hlju", b);
    const done = await bundleCase(submitted.id);
    expect(done.status).toBe("completed");
    expect(done.results.map((r: { caseId: string }) => r.caseId)).toEqual([a, b]);
    expect(done.rating).toEqual({ open: true, ratedAt: null });
    expect(JSON.stringify((await zhang.request("GET", "/api/my/notifications")).json())).toContain(
      `（${submitted.number}）已全部办结`,
    );

    // One (bad) rating counts for both orgs and opens each one's rectification.
    const rated = await zhang.request("POST", `/api/my/bundle-cases/${submitted.id}/rating`, {
      channel: "web",
      scores: ONLINE(1),
      comment: "两个部门都让我等了很久",
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().rating.open).toBe(false);
    const ratings = resultRows<{ case_id: string; level: number; comment: string; rectified: string | null }>(
      await t.database.db.execute(
        sql`select r.case_id, r.level, r.comment, x.id as rectified from ratings r left join rectifications x on x.rating_id = r.id where r.case_id in (${a}, ${b})`,
      ),
    );
    expect(ratings).toHaveLength(2);
    expect(ratings.every((r) => r.level === 1 && r.comment === "两个部门都让我等了很久" && r.rectified)).toBe(true);
    const harbinRectifications = (await harbinAdmin.request("GET", "/api/rectifications")).json();
    const hljuRectifications = (await hljuAdmin.request("GET", "/api/rectifications")).json();
    expect(harbinRectifications.some((r: { itemName: string }) => r.itemName === "一件事测试市局许可")).toBe(true);
    expect(hljuRectifications.some((r: { itemName: string }) => r.itemName === "一件事测试学校证明")).toBe(true);
    const twice = await zhang.request("POST", `/api/my/bundle-cases/${submitted.id}/rating`, {
      channel: "web",
      scores: ONLINE(5),
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe("RATING_EXISTS");
  });

  it("never starts b when a is denied: b ends without a number and the bundle stops", async () => {
    const submitted = await applyAndSubmit(bundleIds.chain);
    const a = partOf(submitted, "a").caseId;
    const b = partOf(submitted, "b").caseId;
    await decide("harbin", a, "denied");
    const waiting = await caseOf(zhang, b);
    expect(waiting.status).toBe("withdrawn");
    expect(waiting.number).toBeNull();
    expect(waiting.timeline.at(-1).note).toBe("因同一件事中的前序事项“市局许可”未获准予，本事项不再办理");
    // a is still to be delivered (its denial decision), so the bundle goes on until then.
    expect((await bundleCase(submitted.id)).status).toBe("processing");
    await actOn(harbinClerk, await caseOf(harbinClerk, a), "deliver", { method: "online" });
    expect((await bundleCase(submitted.id)).status).toBe("stopped");
  });
});

describe("demo bundles", () => {
  it("lets the market regulator work its part of opening a school in its own workbench", async () => {
    const list = (await t.app.inject({ method: "GET", url: "/api/bundles" })).json();
    const school = list.find((b: { name: string }) => b.name === "开办营利性民办学校一件事");
    expect(school.orgNames).toEqual(["哈尔滨市教育局", "哈尔滨市市场监督管理局"]);
    const guide = (await t.app.inject({ method: "GET", url: `/api/bundles/${school.id}` })).json();
    expect(guide.items.map((i: { after: string | null }) => i.after)).toEqual([null, "approval"]);
    const market = await staffClient(t, "harbin.market");

    const applied = await zhang.request("POST", `/api/bundles/${school.id}/apply`, {
      idempotencyKey: key(),
      form: {
        sponsor_name: "哈尔滨启明教育科技有限公司",
        credit_code: "91230103MA1BX2K7Q0",
        legal_rep: "张明",
        contact_mobile: "13800000001",
        school_name: "哈尔滨启明高级中学有限公司",
        school_level: "普通高中",
        school_address: "哈尔滨市南岗区学府路100号",
        capital: 3000,
      },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    let view = applied.json();
    for (const material of view.materials) {
      const uploaded = await zhang.upload(
        `/api/my/bundle-cases/${view.id}/materials/${material.key}`,
        `${material.name}.pdf`,
        "application/pdf",
        PDF,
      );
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      view = uploaded.json();
    }
    const submitted = await zhang.request("POST", `/api/my/bundle-cases/${view.id}/submit`, {
      revision: view.revision,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approval = partOf(submitted.json(), "approval").caseId;
    const registration = partOf(submitted.json(), "registration").caseId;
    expect((await caseOf(zhang, registration)).form).toMatchObject({
      investor: "哈尔滨启明教育科技有限公司",
      address: "哈尔滨市南岗区学府路100号",
      capital: 3000,
    });
    // The market regulator sees nothing until the education approval is granted and completed.
    expect((await market.request("GET", `/api/cases/${approval}`)).statusCode).toBe(404);
    await complete("harbin", approval);
    let c = await caseOf(market, registration);
    expect(c.status).toBe("submitted");
    c = await actOn(market, c, "accept");
    c = await actOn(market, c, "review", { opinion: "名称、住所、章程符合规定" });
    c = await actOn(market, c, "decide", { decision: "granted", reason: "准予登记" });
    c = await actOn(market, c, "issue", { resultNumber: "91230103MA1CK8XX2P" });
    c = await actOn(market, c, "deliver", { method: "online" });
    const done = await bundleCase(view.id);
    expect(done.status).toBe("completed");
    expect(done.results.map((r: { name: string }) => r.name)).toEqual(["民办学校办学许可证", "营业执照"]);
    expect(done.parts.map((p: { orgName: string }) => p.orgName)).toEqual(["哈尔滨市教育局", "哈尔滨市市场监督管理局"]);
  });
});

describe("bad input", () => {
  it("answers every malformed request with a coded Chinese message, never a 500", async () => {
    const applied = await zhang.request("POST", `/api/bundles/${bundleIds.parallel}/apply`, {
      idempotencyKey: key(),
      form: { person_name: "张明" },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const id = applied.json().id;
    const attempts: [TestClient, "GET" | "POST" | "PUT" | "DELETE", string, unknown][] = [
      [zhang, "POST", `/api/bundles/${bundleIds.parallel}/apply`, { idempotencyKey: key(), form: { person_name: 12 } }],
      [zhang, "POST", `/api/bundles/${bundleIds.parallel}/apply`, { idempotencyKey: key(), form: { nope: "x" } }],
      [zhang, "POST", `/api/bundles/${bundleIds.parallel}/apply`, { idempotencyKey: "x", form: [] }],
      [zhang, "POST", `/api/bundles/${orgIds.harbin}/apply`, { idempotencyKey: key(), form: {} }],
      [zhang, "PUT", `/api/my/bundle-cases/${id}/form`, { revision: 99, form: {} }],
      [zhang, "PUT", `/api/my/bundle-cases/${id}/form`, { revision: "x", form: "x" }],
      [zhang, "POST", `/api/my/bundle-cases/${id}/materials/nope`, undefined],
      [zhang, "DELETE", `/api/my/bundle-cases/${id}/materials/files/${orgIds.harbin}`, undefined],
      [zhang, "POST", `/api/my/bundle-cases/${id}/rating`, { channel: "sms", scores: {} }],
      [zhang, "POST", `/api/my/bundle-cases/${id}/rating`, { channel: "web", scores: ONLINE(3) }],
      [harbinAdmin, "POST", "/api/admin/bundles", { orgId: orgIds.harbin, code: "x", name: "", definition: {} }],
      [
        harbinAdmin,
        "PUT",
        `/api/admin/bundles/${bundleIds.chain}`,
        { version: 1, code: "T-X", name: "x", definition: [] },
      ],
      [harbinAdmin, "POST", `/api/admin/bundles/${bundleIds.chain}/publish`, { version: 1 }],
      [zhang, "POST", "/api/admin/bundles", {}],
    ];
    for (const [client, method, url, body] of attempts) {
      const response = await client.request(method, url, body);
      const what = `${method} ${url} ${JSON.stringify(body)}`;
      expect(response.statusCode, what).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, what).toBeLessThan(500);
      expect(response.json().message, what).toMatch(/[\u4e00-\u9fff]/);
    }
    // A draft is saved incomplete, spread to each part, and its shared file removed from both parts at once.
    const saved = await zhang.request("PUT", `/api/my/bundle-cases/${id}/form`, {
      revision: applied.json().revision,
      form: { person_name: "张明明" },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await caseOf(zhang, partOf(saved.json(), "b").caseId)).form).toEqual({ full_name: "张明明" });
    const uploaded = await zhang.upload(
      `/api/my/bundle-cases/${id}/materials/application`,
      "a.pdf",
      "application/pdf",
      PDF,
    );
    const fileId = uploaded.json().materials[0].files[0].fileId;
    const wrongKind = await zhang.upload(
      `/api/my/bundle-cases/${id}/materials/application`,
      "a.txt",
      "text/plain",
      Buffer.from("hello"),
    );
    expect(wrongKind.statusCode).toBe(415);
    const removed = await zhang.request("DELETE", `/api/my/bundle-cases/${id}/materials/files/${fileId}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().materials[0].files).toEqual([]);
    expect((await caseOf(zhang, partOf(saved.json(), "a").caseId)).materials).toEqual([]);
  });
});
