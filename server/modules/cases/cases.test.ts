import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInChina } from "../../platform/calendar.js";
import { claimRun } from "../../platform/schedule.js";
import { actOn, applyFor, harbinCatalog, idempotencyKey, pdfMaterial } from "../../test/case-fixtures.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "../../test/harness.js";
import { registerPartner, signedRequest } from "../../test/open-api.js";
import { pdfPages } from "../../test/pdf-text.js";
import { creditRecords } from "../credit/index.js";
import { DEMO_APPLICANTS } from "../demo/index.js";

let t: TestApp;
let admin: TestClient;
let clerk: TestClient;
let reviewer: TestClient;
let approver: TestClient;
let zhang: TestClient;
let li: TestClient;
const items = {
  licence: "",
  instant: "",
  filing: "",
  abolished: "",
  countersign: "",
  upload: "",
  commitment: "",
};

const FORM = { school: "哈尔滨师范大学" };
const key = idempotencyKey;

beforeAll(async () => {
  t = await startTestApp();
  admin = await staffClient(t, "harbin.admin");
  clerk = await staffClient(t, "harbin.clerk");
  reviewer = await staffClient(t, "harbin.reviewer");
  approver = await staffClient(t, "harbin.approver");
  zhang = new TestClient(t);
  await zhang.signInApplicant("13800000001");
  li = new TestClient(t);
  await li.signInApplicant("13800000002");
  const { publishItem } = await harbinCatalog(t, admin, "XK-901");
  items.licence = await publishItem("0901", { name: "办件测试许可" });
  items.instant = await publishItem("0902", {
    name: "办件测试即办",
    instant: true,
    statutoryLimit: { days: 1, unit: "working" },
    promisedLimit: { days: 0, unit: "working" },
  });
  items.filing = await publishItem("0903", { name: "办件测试备案", reformMode: "filing" });
  items.abolished = await publishItem("0904", { name: "办件测试取消", reformMode: "abolished" });
  items.upload = await publishItem("0906", {
    name: "办件测试上传材料",
    materials: [pdfMaterial("application", "申请书")],
  });
  items.commitment = await publishItem("0907", {
    name: "办件测试告知承诺",
    reformMode: "commitment",
    commitmentText: "本人承诺无犯罪记录，如有不实，愿承担相应法律责任。",
    materials: [
      {
        key: "no_crime",
        name: "无犯罪记录证明",
        requirement: "required",
        form: "original",
        copies: 1,
        medium: "either",
        source: "issuer",
        sourceNote: "公安机关",
        blankFormFileId: null,
        sampleFileId: null,
        notes: "",
        situationKeys: [],
        fileKinds: ["pdf"],
        maxFiles: 1,
        maxSizeMb: 5,
      },
    ],
  });
  items.countersign = await publishItem("0905", {
    name: "办件测试会签",
    review: {
      mode: "countersign",
      stages: [
        { name: "业务处室审查", role: "reviewer", orgId: null },
        { name: "分管领导审核", role: "approver", orgId: null },
      ],
    },
  });
});
afterAll(() => t.close());

const apply = (client: TestClient, itemId: string, extra: object = {}) =>
  applyFor(client, itemId, { form: FORM, ...extra });

async function act(client: TestClient, c: { id: string; revision: number }, path: string, body: object = {}) {
  return client.request("POST", `/api/cases/${c.id}/${path}`, { revision: c.revision, ...body });
}

const ok = actOn;

/** The text of a case notice as a PDF viewer reads it. */
async function notice(client: TestClient, caseId: string, kind: string): Promise<string> {
  const response = await client.request("GET", `/api/cases/${caseId}/notices/${kind}`);
  expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
  expect(response.headers["content-type"]).toBe("application/pdf");
  return (await pdfPages(response.rawPayload)).join("");
}

describe("applying online", () => {
  it("makes one case of a retried submission, numbered by item code and date, pinned to the item version", async () => {
    const body = { itemId: items.licence, idempotencyKey: key(), form: FORM };
    const [first, second] = await Promise.all([
      zhang.request("POST", "/api/cases", body),
      zhang.request("POST", "/api/cases", body),
    ]);
    expect(first.json().id).toBe(second.json().id);
    // The request that lost the race answers with the submitted case, never a half-made draft.
    expect([first.json().status, second.json().status]).toEqual(["submitted", "submitted"]);
    const c = first.json();
    expect(c.status).toBe("submitted");
    expect(c.number).toMatch(new RegExp(`-0901-${todayInChina().replaceAll("-", "")}-\\d{4}$`));
    const guide = (await t.app.inject({ method: "GET", url: `/api/catalog/items/${items.licence}/guide` })).json();
    expect(c.itemVersionId).toBe(guide.item.versionId);
    const mine = (await zhang.request("GET", "/api/my/cases")).json();
    expect(mine.filter((m: { id: string }) => m.id === c.id)).toHaveLength(1);
  });

  it("checks the form against the item and keeps a draft to finish later", async () => {
    const bad = await zhang.request("POST", "/api/cases", { itemId: items.licence, idempotencyKey: key(), form: {} });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: "FORM_INVALID", details: { errors: [{ field: "school" }] } });

    const draft = await apply(zhang, items.licence, { form: {}, submit: false });
    expect(draft).toMatchObject({
      status: "draft",
      number: null,
      nextStepForApplicant: "请上传所需材料，然后提交申请",
    });
    const saved = await zhang.request("PUT", `/api/cases/${draft.id}/draft`, {
      form: FORM,
      situationKeys: [],
      revision: draft.revision,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await ok(zhang, saved.json(), "submit");
    expect(submitted.status).toBe("submitted");
  });

  it("refuses abolished items and province standards, and completes a filing on submission", async () => {
    const abolished = await zhang.request("POST", "/api/cases", {
      itemId: items.abolished,
      idempotencyKey: key(),
      form: FORM,
    });
    expect(abolished.json()).toMatchObject({ code: "ITEM_NOT_APPLICABLE", message: "该审批已直接取消，无需申请" });
    const filed = await apply(zhang, items.filing);
    expect(filed).toMatchObject({ status: "completed", decision: "granted", result: { name: "备案回执" } });
  });

  it("shows a case to its applicant and staff in scope only", async () => {
    const c = await apply(zhang, items.licence);
    expect((await li.request("GET", `/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await (await staffClient(t, "hlju.clerk")).request("GET", `/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await clerk.request("GET", `/api/cases/${c.id}`)).statusCode).toBe(200);
    expect((await act(li, c, "withdraw")).statusCode).toBe(404);
    expect((await act(await staffClient(t, "hlju.clerk"), c, "accept")).json().code).toBe("OUT_OF_SCOPE");
    expect((await act(zhang, c, "accept")).statusCode).toBe(403);
  });

  it("tells a partner app a case's progress only for its own applicant's ID number", async () => {
    const c = await apply(zhang, items.licence);
    const partner = await registerPartner(t, ["cases.status"]);
    const ask = (idNumber: string, caseNumber = c.number) =>
      signedRequest(t, partner, "POST", "/api/open/v1/cases/status", { caseNumber, idNumber });
    const own = await ask(DEMO_APPLICANTS[0]?.signUp.idNumber ?? "");
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ number: c.number, status: c.status, statusLabel: expect.any(String) });
    const other = await ask(DEMO_APPLICANTS[1]?.signUp.idNumber ?? "");
    const unknown = await ask(DEMO_APPLICANTS[0]?.signUp.idNumber ?? "", "NO-SUCH-CASE");
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(unknown.body);
    expect(other.json().code).toBe("CASE_NO_MATCH");
  });
});

describe("materials", () => {
  const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  const upload = (client: TestClient, caseId: string, name: string, type: string, data: Buffer, key = "application") =>
    client.upload(`/api/cases/${caseId}/materials/${key}`, name, type, data);

  it("must be uploaded online before submission, checked by content, count and size", async () => {
    const missing = await zhang.request("POST", "/api/cases", {
      itemId: items.upload,
      idempotencyKey: key(),
      form: FORM,
    });
    expect(missing.json()).toMatchObject({
      code: "FORM_INVALID",
      details: { errors: [{ field: "materials.application", message: "请上传“申请书”" }] },
    });
    const draft = await apply(zhang, items.upload, { submit: false });
    const fake = await upload(zhang, draft.id, "申请书.pdf", "application/pdf", Buffer.from("这不是 PDF 文件"));
    expect(fake.statusCode).toBe(415);
    expect(fake.json()).toMatchObject({ code: "FILE_TYPE_NOT_ALLOWED", message: expect.stringContaining("PDF") });
    const big = await upload(
      zhang,
      draft.id,
      "申请书.pdf",
      "application/pdf",
      Buffer.concat([PDF, Buffer.alloc(1_100_000)]),
    );
    expect(big.json().code).toBe("FILE_TOO_LARGE");
    expect((await upload(zhang, draft.id, "申请书.pdf", "application/pdf", PDF, "nothing")).statusCode).toBe(400);

    const stored = await upload(zhang, draft.id, "申请书.pdf", "application/pdf", PDF);
    expect(stored.statusCode, stored.body).toBe(201);
    const [file] = stored.json().materials;
    expect(file).toMatchObject({ key: "application", mimeType: "application/pdf", name: "申请书.pdf" });
    expect((await upload(zhang, draft.id, "第二份.pdf", "application/pdf", PDF)).json().code).toBe("TOO_MANY_FILES");

    const submitted = await ok(zhang, stored.json(), "submit");
    expect(submitted.status).toBe("submitted");
    expect((await upload(zhang, draft.id, "补充.pdf", "application/pdf", PDF)).json().code).toBe(
      "CASE_MATERIALS_LOCKED",
    );

    const url = `/api/cases/${draft.id}/materials/files/${file.fileId}`;
    const own = await zhang.request("GET", url);
    expect(own.statusCode).toBe(200);
    expect(own.headers["content-type"]).toBe("application/pdf");
    expect((await clerk.request("GET", url)).statusCode).toBe(200);
    expect((await li.request("GET", url)).statusCode).toBe(404);
    expect((await (await staffClient(t, "hlju.clerk")).request("GET", url)).statusCode).toBe(404);
    expect((await new TestClient(t).request("GET", url)).statusCode).toBe(401);
  });
});

describe("the lifecycle", () => {
  it("goes from pre-check through supplement, review, decision and delivery to completion", async () => {
    expect((await zhang.request("PUT", "/api/me/email", { email: "不是邮箱" })).json().message).toContain(
      "电子邮箱格式不正确",
    );
    expect((await zhang.request("PUT", "/api/me/email", { email: "zhang.ming@example.com" })).statusCode).toBe(200);
    expect((await zhang.request("GET", "/api/auth/session")).json().user.email).toBe("z***@example.com");
    let c = await apply(zhang, items.licence);
    c = await ok(clerk, c, "precheck");
    expect(c.status).toBe("prechecked");
    c = await ok(clerk, c, "accept");
    expect(c).toMatchObject({ status: "reviewing", clockPaused: false });
    expect(c.promisedDue).not.toBeNull();

    const acceptance = await notice(zhang, c.id, "acceptance");
    expect(acceptance).toContain("受理通知书");
    expect(acceptance).toContain("决定予以受理");
    expect(acceptance).toContain(c.number);
    expect((await clerk.request("GET", `/api/cases/${c.id}/notices/refusal`)).json().code).toBe("NOTICE_NOT_AVAILABLE");
    expect((await li.request("GET", `/api/cases/${c.id}/notices/acceptance`)).statusCode).toBe(404);

    c = await ok(reviewer, c, "supplement", { items: ["学历证书原件扫描件不清晰，请重新上传"] });
    expect(await notice(clerk, c.id, "supplement")).toContain("学历证书原件扫描件不清晰，请重新上传");
    expect(c).toMatchObject({
      status: "supplement",
      clockPaused: true,
      nextStepForApplicant: expect.stringContaining("学历证书"),
    });
    expect((await act(reviewer, c, "review", { opinion: "同意" })).json().code).toBe("CASE_ACTION_NOT_ALLOWED");
    c = await ok(zhang, c, "resubmit");
    expect(c).toMatchObject({ status: "reviewing", clockPaused: false, supplement: null });

    c = await ok(reviewer, c, "special/start", { kind: "expert_review", reason: "需组织专家评审" });
    expect(c).toMatchObject({ status: "special", clockPaused: true });
    c = await ok(reviewer, c, "special/end");
    expect(c.status).toBe("reviewing");

    c = await ok(reviewer, c, "review", { opinion: "材料齐全，符合条件" });
    expect(c.status).toBe("deciding");
    const before = c.promisedDue;
    c = await ok(approver, c, "extend", { days: 5, reason: "需补充核查学历" });
    expect(c.extendedDays).toBe(5);
    expect(c.promisedDue > before).toBe(true);
    c = await ok(approver, c, "decide", { decision: "granted", reason: "符合条件，准予许可" });
    expect(c.status).toBe("issuing");
    c = await ok(reviewer, c, "issue", { resultNumber: "HRB-2026-001" });
    expect(c).toMatchObject({ status: "delivering", result: { number: "HRB-2026-001" } });
    c = await ok(clerk, c, "deliver", { method: "express", carrier: "中国邮政EMS", trackingNumber: "EA123456789CN" });
    expect(c.status).toBe("completed");

    const actions = c.timeline.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      "submit",
      "precheck",
      "accept",
      "request_supplement",
      "resubmit",
      "start_special",
      "end_special",
      "review",
      "extend",
      "decide",
      "issue",
      "deliver",
    ]);
    const inbox = (await zhang.request("GET", "/api/my/notifications")).json();
    expect(inbox.some((n: { text: string }) => n.text.includes("已受理"))).toBe(true);
    // The completion notice; the invitation to rate the case (ratings module) may arrive just before or after it.
    expect(t.devSms?.inbox().some((m) => m.phone === "138****0001" && m.text.includes("已办结"))).toBe(true);
    expect(t.devMail?.latestTo("zhang.ming@example.com")).toMatchObject({
      subject: `办件通知 ${c.number}`,
      text: expect.stringContaining("已办结"),
    });
  });

  it("refuses with a reason and where to apply instead", async () => {
    const c = await apply(zhang, items.licence);
    const refused = await ok(clerk, c, "refuse", { reason: "不属于本机关职权范围", whereToApply: "南岗区教育局" });
    expect(refused).toMatchObject({ status: "refused", refusal: { whereToApply: "南岗区教育局" } });
    const letter = await notice(clerk, c.id, "refusal");
    expect(letter).toContain("不予受理决定书");
    expect(letter).toContain("请向南岗区教育局申请");
    expect((await act(clerk, refused, "accept")).json()).toMatchObject({
      code: "CASE_ACTION_NOT_ALLOWED",
      message: "办件当前状态为“不予受理”，不能“受理”",
    });
  });

  it("completes an instant item on acceptance, and lets the applicant withdraw before the decision only", async () => {
    const instant = await ok(clerk, await apply(zhang, items.instant), "accept");
    expect(instant).toMatchObject({ status: "completed", decision: "granted" });

    let c = await ok(clerk, await apply(zhang, items.licence), "accept");
    c = await ok(zhang, c, "withdraw", { reason: "已在他处办理" });
    expect(c.status).toBe("withdrawn");

    let decided = await ok(clerk, await apply(zhang, items.licence), "accept");
    decided = await ok(reviewer, decided, "review", { opinion: "同意" });
    decided = await ok(approver, decided, "decide", { decision: "denied", reason: "不符合条件" });
    expect(decided.status).toBe("delivering");
    expect((await act(zhang, decided, "withdraw")).json().code).toBe("CASE_ACTION_NOT_ALLOWED");
  });

  it("needs every stage of a countersign, each by its own role", async () => {
    let c = await ok(clerk, await apply(zhang, items.countersign), "accept");
    c = await ok(approver, c, "review", { opinion: "同意（分管领导）" });
    expect(c.status).toBe("reviewing");
    expect((await act(approver, c, "review", { opinion: "再签一次" })).json().code).toBe("FORBIDDEN");
    c = await ok(reviewer, c, "review", { opinion: "同意（业务处室）" });
    expect(c.status).toBe("deciding");
    expect(c.reviews.map((r: { name: string }) => r.name).sort()).toEqual(["业务处室审查", "分管领导审核"].sort());
  });

  it("lets one of two simultaneous actions win and tells the other, losing nothing", async () => {
    const c = await apply(zhang, items.licence);
    const other = await staffClient(t, "harbin.clerk");
    const [a, b] = await Promise.all([act(clerk, c, "accept"), act(other, c, "refuse", { reason: "材料不全" })]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe("CASE_CHANGED");
    const now = (await clerk.request("GET", `/api/cases/${c.id}`)).json();
    expect(now.timeline).toHaveLength(2);
  });
});

describe("commitments (告知承诺)", () => {
  async function grant(c: { id: string; revision: number }) {
    let x = await ok(clerk, c, "accept");
    x = await ok(reviewer, x, "review", { opinion: "承诺制审批，材料齐全" });
    return ok(approver, x, "decide", { decision: "granted", reason: "准予许可（告知承诺）" });
  }
  const checkOf = async (caseId: string) =>
    (await reviewer.request("GET", "/api/workbench/commitment-checks"))
      .json()
      .find((k: { caseId: string }) => k.caseId === caseId);

  it("stand in for the proofs other bodies issue, and only on commitment-mode items", async () => {
    const without = await li.request("POST", "/api/cases", {
      itemId: items.commitment,
      idempotencyKey: key(),
      form: FORM,
    });
    expect(without.json().details.errors).toEqual([{ field: "materials.no_crime", message: "请上传“无犯罪记录证明”" }]);
    const elsewhere = await li.request("POST", "/api/cases", {
      itemId: items.licence,
      idempotencyKey: key(),
      form: FORM,
      commitment: true,
    });
    expect(elsewhere.json()).toMatchObject({ code: "VALIDATION_FAILED", message: "该事项不实行告知承诺" });
    const signed = await apply(zhang, items.commitment, { commitment: true });
    expect(signed).toMatchObject({ status: "submitted", commitment: { text: expect.stringContaining("无犯罪记录") } });

    const granted = await grant(signed);
    const check = await checkOf(signed.id);
    expect(check).toMatchObject({ status: "open", caseNumber: signed.number });
    expect(check.dueOn > todayInChina()).toBe(true);
    const confirmed = await reviewer.request("POST", `/api/commitment-checks/${check.id}/resolve`, {
      outcome: "confirmed",
      finding: "经公安机关核查，无犯罪记录",
    });
    expect(confirmed.statusCode).toBe(200);
    expect((await clerk.request("GET", `/api/cases/${granted.id}`)).json().status).toBe("issuing");
  });

  it("found false revoke the grant, write the credit record and bar further commitments", async () => {
    const signed = await apply(li, items.commitment, { commitment: true });
    await grant(signed);
    const check = await checkOf(signed.id);
    expect(
      (await clerk.request("POST", `/api/commitment-checks/${check.id}/resolve`, { outcome: "false", finding: "x" }))
        .statusCode,
    ).toBe(403);
    const found = await reviewer.request("POST", `/api/commitment-checks/${check.id}/resolve`, {
      outcome: "false",
      finding: "经核查，申请人有犯罪记录，承诺不实",
    });
    expect(found.statusCode, found.body).toBe(200);
    const revoked = (await li.request("GET", `/api/cases/${signed.id}`)).json();
    expect(revoked.status).toBe("revoked");
    expect(revoked.timeline.at(-1).note).toContain("撤销准予决定");
    const again = await reviewer.request("POST", `/api/commitment-checks/${check.id}/resolve`, {
      outcome: "confirmed",
      finding: "再次核查",
    });
    expect(again.json().code).toBe("CHECK_CLOSED");
    const barred = await li.request("POST", "/api/cases", {
      itemId: items.commitment,
      idempotencyKey: key(),
      form: FORM,
      commitment: true,
    });
    expect(barred.json()).toMatchObject({ code: "COMMITMENT_NOT_ALLOWED" });
    const records = await t.database.db.select().from(creditRecords).where(eq(creditRecords.caseId, signed.id));
    expect(records).toMatchObject([{ kind: "false_commitment", subjectId: expect.any(String) }]);
  });
});

describe("window intake (一窗受理)", () => {
  it("takes an application for an applicant, who then sees it online", async () => {
    const applicants = (await clerk.request("GET", "/api/applicants?q=13800000002")).json();
    const liId = applicants.items?.[0]?.id;
    expect(liId).toBeTruthy();
    const response = await clerk.request("POST", "/api/workbench/intake", {
      applicantId: liId,
      itemId: items.licence,
      idempotencyKey: key(),
      form: FORM,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ channel: "window", status: "submitted", applicantName: "李华" });
    const mine = (await li.request("GET", "/api/my/cases")).json();
    expect(mine.map((m: { id: string }) => m.id)).toContain(response.json().id);
  });
});

describe("workbench queues and warnings", () => {
  it("counts each queue within the staff's subtree", async () => {
    await apply(zhang, items.licence);
    const counts = (await clerk.request("GET", "/api/workbench/queues")).json();
    expect(counts.precheck).toBeGreaterThan(0);
    const queue = (await clerk.request("GET", "/api/workbench/cases?queue=precheck")).json();
    expect(queue.total).toBe(counts.precheck);
    const mine = queue.items[0];
    const byNumber = (
      await clerk.request("GET", `/api/workbench/cases?queue=precheck&number=${mine.number.slice(3).toLowerCase()}`)
    ).json();
    expect(byNumber.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    const byItem = (await clerk.request("GET", `/api/workbench/cases?queue=precheck&itemId=${items.instant}`)).json();
    expect(byItem.items.every((i: { itemId: string }) => i.itemId === items.instant)).toBe(true);
    const hlju = (await (await staffClient(t, "hlju.clerk")).request("GET", "/api/workbench/queues")).json();
    expect(hlju.precheck).toBe(0);
    expect((await zhang.request("GET", "/api/workbench/queues")).statusCode).toBe(403);
  });

  it("turns a running case yellow near its promised date and red after it, and not while it waits", async () => {
    let c = await ok(clerk, await apply(zhang, items.licence), "accept");
    const sweepOn = async (date: string) => {
      await t.services.cases.sweepWarnings(date);
      return (await clerk.request("GET", `/api/cases/${c.id}`)).json();
    };
    expect((await sweepOn(todayInChina())).warning).toBe("none");
    expect((await sweepOn(c.promisedDue)).warning).toBe("yellow");
    c = await sweepOn("2099-01-01");
    expect(c.warning).toBe("red");
    const overdue = (await clerk.request("GET", "/api/workbench/cases?queue=overdue")).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(c.id);
    c = await ok(reviewer, c, "supplement", { items: ["补充身份证明"] });
    expect((await sweepOn("2099-01-01")).warning).toBe("none");
    await t.services.cases.sweepWarnings();
  });

  it("runs a scheduled job once per period across processes", async () => {
    const at = new Date("2030-01-01T00:00:00Z");
    const claims = await Promise.all([1, 2, 3].map(() => claimRun(t.database.db, "test-job", 600_000, at)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimRun(t.database.db, "test-job", 600_000, new Date(at.getTime() + 60_000))).toBe(false);
    expect(await claimRun(t.database.db, "test-job", 600_000, new Date(at.getTime() + 601_000))).toBe(true);
  });
});
