import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sm3 } from "../../platform/crypto.js";
import { actOn, applyFor, harbinCatalog, idempotencyKey } from "../../test/case-fixtures.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "../../test/harness.js";
import { pdfPages } from "../../test/pdf-text.js";
import { DEMO_APPLICANTS } from "../demo/index.js";

let t: TestApp;
let li: TestClient;
let zhang: TestClient;
let anyone: TestClient;
const hljuItems: Record<string, string> = {};
let loanItem = "";

type Found = { items: { id: string; name: string; orgName: string }[] };

async function itemOf(name: string, orgName: string): Promise<string> {
  const found = (
    await anyone.request("GET", `/api/catalog/items?q=${encodeURIComponent(name)}&pageSize=50`)
  ).json() as Found;
  const item = found.items.find((i) => i.name === name && i.orgName === orgName);
  if (!item) throw new Error(`demo item missing: ${orgName} ${name}`);
  return item.id;
}

/** A self-service certificate, asked for online: it comes back completed, with its licence. */
async function certificate(client: TestClient, name: string) {
  const response = await client.request("POST", "/api/cases", {
    itemId: hljuItems[name],
    idempotencyKey: idempotencyKey(),
    form:
      name === "成绩单"
        ? { language: "中文", scope: "全部学期", copies: 1 }
        : { language: "中文", purpose: "申领补贴", copies: 1 },
  });
  expect(response.statusCode, response.body).toBe(201);
  const c = response.json();
  const view = (await client.request("GET", `/api/cases/${c.id}`)).json();
  return { case: c, licence: view.licences[0] as { id: string; code: string; number: string; status: string } };
}

async function pdfOf(client: TestClient, licenceId: string): Promise<Buffer> {
  const response = await client.request("GET", `/api/my/licences/${licenceId}/file`);
  expect(response.statusCode).toBe(200);
  expect(response.headers["content-type"]).toBe("application/pdf");
  return response.rawPayload;
}

const verify = async (code: string) => anyone.request("GET", `/api/licence-verification/${code}`);

beforeAll(async () => {
  t = await startTestApp();
  li = new TestClient(t);
  await li.signInApplicant("13800000002");
  zhang = new TestClient(t);
  await zhang.signInApplicant("13800000001");
  anyone = new TestClient(t);
  for (const name of ["在读证明", "成绩单", "学籍证明"]) hljuItems[name] = await itemOf(name, "黑龙江大学教务处");
  loanItem = await itemOf("生源地信用助学贷款", "南岗区教育局");
});
afterAll(() => t.close());

describe("self-service certificates", () => {
  it("are issued at once from the university's records, as a licence anyone can verify", async () => {
    const { case: c, licence } = await certificate(li, "在读证明");
    expect(c).toMatchObject({ status: "completed", result: { name: "在读证明" } });
    expect(licence).toMatchObject({ status: "valid", number: c.number });

    const pdf = await pdfOf(li, licence.id);
    const text = (await pdfPages(pdf)).join("");
    for (const expected of ["在读证明", "李华", "20230512", "计算机科学与技术", "黑龙江大学教务处", licence.code]) {
      expect(text).toContain(expected);
    }

    const checked = (await verify(licence.code.toLowerCase())).json();
    expect(checked).toMatchObject({
      type: "在读证明",
      status: "valid",
      holderName: "李*",
      holderId: expect.stringMatching(/^2301\*+\d{3}[\dX]$/),
      issuer: "黑龙江大学教务处",
      digest: sm3(pdf),
    });
    expect(JSON.stringify(checked)).not.toContain("李华");
    expect(checked.expiresOn > checked.issuedOn).toBe(true);

    const same = await anyone.upload(
      `/api/licence-verification/${licence.code}/file-check`,
      "a.pdf",
      "application/pdf",
      pdf,
    );
    expect(same.json()).toMatchObject({ matches: true });
    const edited = Buffer.concat([pdf, Buffer.from("\n% edited")]);
    const changed = await anyone.upload(
      `/api/licence-verification/${licence.code}/file-check`,
      "a.pdf",
      "application/pdf",
      edited,
    );
    expect(changed.json()).toMatchObject({ matches: false, issuedDigest: sm3(pdf) });
    expect((await verify("ZZZZ-ZZZZ-ZZZZ-ZZZZ")).json()).toMatchObject({ code: "LICENCE_NOT_FOUND" });

    const wallet = (await li.request("GET", "/api/my/licences")).json();
    expect(wallet.map((l: { id: string }) => l.id)).toContain(licence.id);
    expect((await zhang.request("GET", `/api/my/licences/${licence.id}/file`)).statusCode).toBe(404);
  });

  it("write the transcript's courses and the status certificate's facts", async () => {
    const transcript = await certificate(li, "成绩单");
    const text = (await pdfPages(await pdfOf(li, transcript.licence.id))).join("");
    expect(text).toContain("数据结构");
    expect(text).toContain("11 门课程");
    expect((await verify(transcript.licence.code)).json().expiresOn).toBeNull();
    const status = await certificate(zhang, "学籍证明");
    expect((await pdfPages(await pdfOf(zhang, status.licence.id))).join("")).toContain("硕士研究生");
  });

  it("are refused, and nothing saved, for a person the university has no record of", async () => {
    const stranger = new TestClient(t);
    await stranger.signInApplicant("13900000077", { kind: "person", name: "周新", idNumber: "110101199003074514" });
    const response = await stranger.request("POST", "/api/cases", {
      itemId: hljuItems.在读证明,
      idempotencyKey: idempotencyKey(),
      form: { language: "中文", purpose: "其他", copies: 1 },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: "STUDENT_RECORD_NOT_FOUND",
      message: expect.stringContaining("学籍"),
    });
    expect((await stranger.request("GET", "/api/my/cases")).json()).toEqual([]);
    expect((await stranger.request("GET", "/api/my/licences")).json()).toEqual([]);
  });
});

describe("a licence instead of an upload (用证)", () => {
  const LOAN_FORM = {
    applicant_name: "李华",
    id_number: DEMO_APPLICANTS[1]?.signUp.kind === "person" ? DEMO_APPLICANTS[1].signUp.idNumber : "",
    mobile: "13800000002",
    level: "本科",
    amount: 12000,
    co_borrower: "李建国",
  };

  async function loanDraft(client: TestClient, licenceUses: object[]) {
    const orgs = (await anyone.request("GET", "/api/orgs")).json() as { id: string; name: string }[];
    return client.request("POST", "/api/cases", {
      itemId: loanItem,
      idempotencyKey: idempotencyKey(),
      form: { ...LOAN_FORM, university: orgs.find((o) => o.name === "黑龙江大学")?.id },
      situationKeys: ["first"],
      submit: false,
      licenceUses,
    });
  }

  it("counts as the material, logs the holder's consent, and shows staff the verified licence", async () => {
    const { licence } = await certificate(li, "在读证明");
    const draft = await loanDraft(li, [{ materialKey: "admission_notice", licenceId: licence.id }]);
    expect(draft.statusCode, draft.body).toBe(201);
    const upload = await li.upload(
      `/api/cases/${draft.json().id}/materials/loan_application`,
      "申请表.pdf",
      "application/pdf",
      Buffer.from("%PDF-1.4\n%%EOF\n"),
    );
    expect(upload.statusCode, upload.body).toBeLessThan(300);
    const before = (await li.request("GET", `/api/cases/${draft.json().id}`)).json();
    const submitted = await actOn(li, before, "submit");
    expect(submitted.status).toBe("submitted");

    const clerk = await staffClient(t, "nangang.clerk");
    const seen = (await clerk.request("GET", `/api/cases/${submitted.id}`)).json();
    expect(seen.licenceUses).toMatchObject([
      { materialKey: "admission_notice", type: "在读证明", status: "valid", issuer: "黑龙江大学教务处" },
    ]);
    const file = await clerk.request("GET", `/api/cases/${submitted.id}/licences/${licence.id}`);
    expect(file.statusCode).toBe(200);
    const hlju = await staffClient(t, "hlju.clerk");
    expect((await hlju.request("GET", `/api/cases/${submitted.id}/licences/${licence.id}`)).statusCode).toBe(404);

    const uses = (await li.request("GET", "/api/my/licence-uses")).json();
    expect(uses[0]).toMatchObject({
      licenceId: licence.id,
      caseId: submitted.id,
      caseNumber: submitted.number,
      itemName: "生源地信用助学贷款",
      orgName: "南岗区教育局",
      materialName: "录取通知书、学生证或者在读证明",
    });
    const orgs = (await anyone.request("GET", "/api/orgs")).json() as { id: string; name: string }[];
    const nangangId = orgs.find((o) => o.name === "南岗区教育局")?.id;
    const figures = (await anyone.request("GET", `/api/orgs/${nangangId}/figures`)).json();
    expect(figures.materialsSavedByLicences).toBeGreaterThanOrEqual(1);
  });

  it("is refused for another person's licence, a material that takes none, or a revoked licence", async () => {
    const { licence } = await certificate(li, "在读证明");
    expect((await loanDraft(zhang, [{ materialKey: "admission_notice", licenceId: licence.id }])).statusCode).toBe(404);
    const wrong = await loanDraft(li, [{ materialKey: "loan_application", licenceId: licence.id }]);
    expect(wrong.json()).toMatchObject({ code: "VALIDATION_FAILED" });

    const reviewer = await staffClient(t, "hlju.reviewer");
    const nangang = await staffClient(t, "nangang.reviewer");
    const outside = await nangang.request("POST", `/api/workbench/licences/${licence.id}/revoke`, { reason: "测试" });
    expect(outside.statusCode).toBe(404);
    // The list offers 撤销 from the licence lifecycle: while the licence stands, and only to who may revoke it.
    const offered = async (client: TestClient) =>
      (
        (await client.request("GET", `/api/workbench/licences?q=${licence.number}`)).json().items as {
          actions: { action: string }[];
        }[]
      ).flatMap((l) => l.actions.map((a) => a.action));
    expect(await offered(reviewer)).toEqual(["revoke"]);
    const revoked = await reviewer.request("POST", `/api/workbench/licences/${licence.id}/revoke`, {
      reason: "学籍信息有误，已重新出具",
    });
    expect(revoked.statusCode, revoked.body).toBe(204);
    expect((await verify(licence.code)).json()).toMatchObject({
      status: "revoked",
      revokedReason: "学籍信息有误，已重新出具",
    });
    const again = await reviewer.request("POST", `/api/workbench/licences/${licence.id}/revoke`, { reason: "再次" });
    expect(again.json().code).toBe("LICENCE_REVOKED");
    expect(await offered(reviewer)).toEqual([]);
    expect((await loanDraft(li, [{ materialKey: "admission_notice", licenceId: licence.id }])).json().code).toBe(
      "LICENCE_NOT_VALID",
    );
    const usable = (await li.request("GET", "/api/my/licences/usable?types=在读证明")).json();
    expect(usable.map((l: { id: string }) => l.id)).not.toContain(licence.id);
  });
});

describe("results issued by staff", () => {
  it("are licences, revoked with the grant when the commitment behind it proves false", async () => {
    const admin = await staffClient(t, "harbin.admin");
    const clerk = await staffClient(t, "harbin.clerk");
    const reviewer = await staffClient(t, "harbin.reviewer");
    const approver = await staffClient(t, "harbin.approver");
    const { publishItem } = await harbinCatalog(t, admin, "XK-951");
    const itemId = await publishItem("0951", {
      name: "证照测试告知承诺",
      resultName: "证照测试许可证",
      reformMode: "commitment",
      commitmentText: "本人承诺所填信息真实。",
    });
    let c = await applyFor(zhang, itemId, { commitment: true });
    c = await actOn(clerk, c, "accept");
    c = await actOn(reviewer, c, "review", { opinion: "符合条件" });
    c = await actOn(approver, c, "decide", { decision: "granted", reason: "准予许可" });
    c = await actOn(reviewer, c, "issue", { resultNumber: "HRB-ZZ-2026-0099" });
    const [licence] = (await zhang.request("GET", `/api/cases/${c.id}`)).json().licences;
    expect(licence).toMatchObject({ type: "证照测试许可证", number: "HRB-ZZ-2026-0099", status: "valid" });

    const checks = (await reviewer.request("GET", "/api/workbench/commitment-checks")).json();
    const check = checks.find((k: { caseId: string }) => k.caseId === c.id);
    const found = await reviewer.request("POST", `/api/commitment-checks/${check.id}/resolve`, {
      outcome: "false",
      finding: "承诺内容与事实不符",
    });
    expect(found.statusCode, found.body).toBe(200);
    expect((await verify(licence.code)).json()).toMatchObject({
      status: "revoked",
      revokedReason: expect.stringContaining("承诺内容与事实不符"),
    });
  });
});
