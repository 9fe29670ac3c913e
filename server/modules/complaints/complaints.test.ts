import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWorkingDays, todayInChina } from "../../platform/calendar.js";
import { actOn, applyFor, harbinCatalog } from "../../test/case-fixtures.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "../../test/harness.js";
import { complaints } from "./complaints.tables.js";

let t: TestApp;
let harbinAdmin: TestClient;
let hljuAdmin: TestClient;
let supervisor: TestClient;
let zhang: TestClient;
const org: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  harbinAdmin = await staffClient(t, "harbin.admin");
  hljuAdmin = await staffClient(t, "hlju.admin");
  supervisor = await staffClient(t, "province.supervisor");
  zhang = new TestClient(t);
  await zhang.signInApplicant("13800000001");
  const all = (await t.app.inject({ method: "GET", url: "/api/orgs" })).json() as { id: string; name: string }[];
  for (const o of all) org[o.name] = o.id;
});
afterAll(() => t.close());

/** A complaint as the form sends it, with a solved captcha. */
function complaint(target: object, more: object = {}) {
  return {
    kind: "complaint",
    target,
    title: "窗口人员态度生硬",
    content: "11 月 20 日上午在南岗区教育局窗口办理转学，工作人员不耐烦，未一次性告知所需材料。",
    anonymous: true,
    captchaToken: t.services.captchas.tokenFor("AB12"),
    captchaAnswer: "ab12",
    ...more,
  };
}

async function submit(client: TestClient, body: object) {
  const response = await client.request("POST", "/api/complaints", body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { number: string; trackingCode: string };
}

async function staffView(client: TestClient, number: string) {
  const list = (await client.request("GET", "/api/complaints")).json() as { id: string; number: string }[];
  const found = list.find((c) => c.number === number);
  if (!found) throw new Error(`${number} not in the list`);
  return (await client.request("GET", `/api/complaints/${found.id}`)).json();
}

describe("an anonymous complaint", () => {
  let code = "";
  let number = "";

  it("is taken from anyone with a captcha, routed to the org complained of, and keeps nothing of its sender", async () => {
    const stranger = new TestClient(t);
    const wrong = await stranger.request(
      "POST",
      "/api/complaints",
      complaint({ type: "org", orgId: org.南岗区教育局 }, { captchaAnswer: "zzzz" }),
    );
    expect(wrong.json().code).toBe("CAPTCHA_INVALID");
    // 张明 is signed in but chooses to stay anonymous: nothing ties the complaint to him.
    ({ number, trackingCode: code } = await submit(zhang, complaint({ type: "org", orgId: org.南岗区教育局 })));
    expect(code).toMatch(/^[0-9A-Z]{16}$/);
    expect(number).toMatch(new RegExp(`^TS${todayInChina().replaceAll("-", "")}\\d{6}$`));

    const [row] = await t.database.db.select().from(complaints).where(eq(complaints.number, number));
    expect(row?.complainantId).toBeNull();
    expect(row?.trackingDigest).not.toContain(code);

    const view = await staffView(harbinAdmin, number);
    expect(view).toMatchObject({ anonymous: true, complainant: null, orgName: "南岗区教育局", status: "received" });
    const calendar = await t.services.calendar.workingCalendar();
    expect(view.dueOn).toBe(addWorkingDays(todayInChina(), 15, calendar).date);
    expect(JSON.stringify(view)).not.toMatch(/张明|13800000001|138\*\*\*\*0001/);
    expect((await zhang.request("GET", "/api/my/complaints")).json()).toEqual([]);

    const audit = await (await staffClient(t, "sysadmin")).request("GET", "/api/audit?action=complaint.submit");
    expect(audit.json().items[0]).toMatchObject({ actorName: "匿名投诉举报人" });
    expect(audit.body).not.toContain("张明");
    expect(t.logLines.join("\n")).not.toContain(code);
  });

  it("is not visible outside the org's line, and is followed by its code to the answer", async () => {
    expect((await hljuAdmin.request("GET", "/api/complaints")).json()).toEqual([]);
    const follower = new TestClient(t);
    const progress = await follower.request("GET", `/api/complaint-tracking/${code.toLowerCase()}`);
    expect(progress.json()).toMatchObject({ number, status: "received", answer: null, attachments: 0 });
    const unknown = await follower.request("GET", "/api/complaint-tracking/0000000000000000");
    expect(unknown.json().code).toBe("TRACKING_CODE_UNKNOWN");

    const photo = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    const attached = await follower.upload(
      `/api/complaint-tracking/${code}/attachments`,
      "现场照片.png",
      "image/png",
      photo,
    );
    expect(attached.json().attachments).toBe(1);

    let view = await staffView(harbinAdmin, number);
    const file = await harbinAdmin.request(
      "GET",
      `/api/complaints/${view.id}/attachments/${view.attachments[0].fileId}`,
    );
    expect(file.rawPayload.equals(photo)).toBe(true);

    const start = { revision: view.revision, investigation: "调取窗口录像，约谈当班人员。" };
    const [a, b] = await Promise.all([
      harbinAdmin.request("POST", `/api/complaints/${view.id}/investigate`, start),
      harbinAdmin.request("POST", `/api/complaints/${view.id}/investigate`, start),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const late = await follower.upload(`/api/complaint-tracking/${code}/attachments`, "补充.png", "image/png", photo);
    expect(late.json().code).toBe("COMPLAINT_IN_HAND");

    view = await staffView(harbinAdmin, number);
    const answered = await harbinAdmin.request("POST", `/api/complaints/${view.id}/answer`, {
      revision: view.revision,
      investigation: "经调取录像，当班人员确有未一次性告知材料的情况。",
      finding: "founded",
      measures: "对当班人员批评教育，全员重新学习一次性告知制度。",
      reply: "您反映的情况属实，我们已整改，感谢您的监督。",
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const followed = (await follower.request("GET", `/api/complaint-tracking/${code}`)).json();
    expect(followed).toMatchObject({
      status: "answered",
      answer: { finding: "founded", reply: expect.stringContaining("已整改") },
    });
    expect(followed.events.map((e: { note: string }) => e.note)).toEqual([
      expect.stringContaining("转南岗区教育局核查"),
      "南岗区教育局已开始核查",
      "已答复，核查结论：属实",
    ]);
    expect(JSON.stringify(followed)).not.toContain("周静");
  });

  it("can be sent back only by a supervisor above, and published as a negative example", async () => {
    let view = await staffView(harbinAdmin, number);
    const own = await harbinAdmin.request("POST", `/api/complaints/${view.id}/send-back`, {
      revision: view.revision,
      reason: "x",
    });
    expect(own.statusCode).toBe(403);
    const back = await supervisor.request("POST", `/api/complaints/${view.id}/send-back`, {
      revision: view.revision,
      reason: "未说明对当班人员的具体处理。",
    });
    expect(back.json()).toMatchObject({ status: "investigating", sentBack: "未说明对当班人员的具体处理。" });
    view = back.json();
    view = (
      await harbinAdmin.request("POST", `/api/complaints/${view.id}/answer`, {
        revision: view.revision,
        investigation: "再次核查。",
        finding: "founded",
        measures: "当班人员调离窗口岗位，全员重新学习一次性告知制度。",
        reply: "您反映的情况属实，当班人员已调离窗口岗位。",
      })
    ).json();
    const published = await supervisor.request("POST", `/api/complaints/${view.id}/publish`, {
      revision: view.revision,
      summary: "某区教育局窗口人员未落实一次性告知制度，群众多跑一次。",
    });
    expect(published.json().published).toBe(true);
    const examples = (await new TestClient(t).request("GET", "/api/public/negative-examples")).json();
    expect(examples[0]).toMatchObject({ number, orgName: "南岗区教育局", finding: "founded" });
  });
});

describe("named complaints and routing", () => {
  it("needs a signed-in applicant, routes a case complaint to the case's org, and tells the complainant", async () => {
    const named = complaint({ type: "org", orgId: org.哈尔滨市教育局 }, { anonymous: false });
    expect((await new TestClient(t).request("POST", "/api/complaints", named)).json().code).toBe("SIGN_IN_REQUIRED");

    const admin = await staffClient(t, "hlju.admin");
    const { publishItem } = await harbinCatalog(t, harbinAdmin, "XK-961");
    const item = await publishItem("0961", { name: "投诉测试事项" });
    const c = await actOn(await staffClient(t, "harbin.clerk"), await applyFor(zhang, item), "accept");
    const unknownCase = complaint({ type: "case", caseNumber: "NO-SUCH-CASE" }, { anonymous: false });
    expect((await zhang.request("POST", "/api/complaints", unknownCase)).json().code).toBe("CASE_NOT_FOUND");
    const { number } = await submit(zhang, complaint({ type: "case", caseNumber: c.number }, { anonymous: false }));

    const view = await staffView(harbinAdmin, number);
    expect(view).toMatchObject({
      anonymous: false,
      caseNumber: c.number,
      complainant: { name: "张*", phone: "138****0001" },
    });
    expect((await admin.request("GET", `/api/complaints/${view.id}`)).statusCode).toBe(404);
    await harbinAdmin.request("POST", `/api/complaints/${view.id}/investigate`, {
      revision: view.revision,
      investigation: "核查",
    });
    const mine = (await zhang.request("GET", "/api/my/complaints")).json();
    expect(mine[0]).toMatchObject({ number, status: "investigating" });
    const inbox = JSON.stringify((await zhang.request("GET", "/api/my/notifications")).json());
    expect(inbox).toContain(`${number}：哈尔滨市教育局已开始核查`);
  });

  it("links complaints about the same school, however its name is spaced, and warns when overdue", async () => {
    const school = (name: string) => complaint({ type: "school", orgId: org.南岗区教育局, name }, { kind: "report" });
    const first = await submit(new TestClient(t), school("哈尔滨市启明培训学校"));
    const second = await submit(new TestClient(t), school("哈尔滨市 启明培训学校"));
    const view = await staffView(harbinAdmin, second.number);
    expect(view.related).toBe(1);
    expect(view.relatedComplaints.map((r: { number: string }) => r.number)).toEqual([first.number]);

    await t.database.db.update(complaints).set({ dueOn: "2020-01-02" }).where(eq(complaints.number, first.number));
    const listed = (await harbinAdmin.request("GET", "/api/complaints?status=received")).json();
    expect(listed[0]).toMatchObject({ number: first.number, warning: "red", related: 1 });
  });
});
