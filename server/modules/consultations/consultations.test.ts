import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addWorkingDays, todayInChina } from "../../platform/calendar.js";
import { harbinCatalog } from "../../test/case-fixtures.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "../../test/harness.js";
import { users } from "../accounts/index.js";
import { consultations } from "./consultations.tables.js";

let t: TestApp;
let admin: TestClient;
let clerk: TestClient;
let zhang: TestClient;
let itemId = "";

beforeAll(async () => {
  t = await startTestApp();
  admin = await staffClient(t, "harbin.admin");
  clerk = await staffClient(t, "harbin.clerk");
  zhang = new TestClient(t);
  await zhang.signInApplicant("13800000001");
  const { publishItem } = await harbinCatalog(t, admin, "XK-971");
  itemId = await publishItem("0971", { name: "咨询测试事项" });
});
afterAll(() => t.close());

async function userId(username: string): Promise<string> {
  const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row?.id ?? "";
}

describe("consultations", () => {
  it("names the item's responsible window staff, from the item's own org line only", async () => {
    const elsewhere = await admin.request("PUT", `/api/admin/items/${itemId}/desk`, {
      staffId: await userId("hlju.clerk"),
    });
    expect(elsewhere.statusCode).toBe(400);
    const set = await admin.request("PUT", `/api/admin/items/${itemId}/desk`, {
      staffId: await userId("harbin.clerk"),
    });
    expect(set.json()).toMatchObject({ staffName: "吴晓梅" });
    const guide = (await new TestClient(t).request("GET", `/api/public/items/${itemId}/faq`)).json();
    expect(guide).toEqual({ responsibleStaff: "吴晓梅", orgName: "哈尔滨市教育局", faq: [] });
  });

  it("puts a question in the responsible staff's list, due in 5 working days, with the asker masked", async () => {
    const asked = await zhang.request("POST", "/api/consultations", {
      itemId,
      question: "我的手机号 13800000001，请问外省户籍可以在哈尔滨申请吗？",
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const calendar = await t.services.calendar.workingCalendar();
    expect(asked.json()).toMatchObject({ status: "open", dueOn: addWorkingDays(todayInChina(), 5, calendar).date });
    expect((await zhang.request("POST", "/api/consultations", { question: "没有对象" })).statusCode).toBe(400);

    const [mine] = (await clerk.request("GET", "/api/consultations?status=open")).json();
    expect(mine).toMatchObject({ assignedToMe: true, askerName: "张*", itemName: "咨询测试事项" });
    expect(mine.question).toContain("138****0001");
    expect((await (await staffClient(t, "hlju.clerk")).request("GET", "/api/consultations")).json()).toEqual([]);

    await t.database.db.update(consultations).set({ dueOn: "2020-01-02" }).where(eq(consultations.id, mine.id));
    expect((await clerk.request("GET", "/api/consultations")).json()[0].warning).toBe("red");
  });

  it("answers, tells the asker, and publishes a good answer as the item's FAQ in edited words", async () => {
    const [open] = (await clerk.request("GET", "/api/consultations?status=open")).json();
    const early = await clerk.request("POST", `/api/consultations/${open.id}/faq`, {
      revision: open.revision,
      published: true,
      question: "q",
      answer: "a",
    });
    expect(early.json().code).toBe("NOT_FAQ_MATERIAL");
    const answered = await clerk.request("POST", `/api/consultations/${open.id}/answer`, {
      revision: open.revision,
      answer: "可以。在哈尔滨居住并持有居住证的，可向居住地教育局申请。",
    });
    expect(answered.json()).toMatchObject({ status: "answered", warning: "none" });
    const again = await clerk.request("POST", `/api/consultations/${open.id}/answer`, {
      revision: answered.json().revision,
      answer: "重复",
    });
    expect(again.json().code).toBe("CONSULTATION_ANSWERED");
    expect((await zhang.request("GET", "/api/my/consultations")).json()[0].answer).toContain("居住证");
    expect(JSON.stringify((await zhang.request("GET", "/api/my/notifications")).json())).toContain("您的咨询已答复");

    await clerk.request("POST", `/api/consultations/${open.id}/faq`, {
      revision: answered.json().revision,
      published: true,
      question: "外省户籍可以在哈尔滨申请吗？",
      answer: "可以。持哈尔滨居住证的，可向居住地教育局申请。",
    });
    const guide = (await new TestClient(t).request("GET", `/api/public/items/${itemId}/faq`)).json();
    expect(guide.faq).toEqual([
      {
        question: "外省户籍可以在哈尔滨申请吗？",
        answer: "可以。持哈尔滨居住证的，可向居住地教育局申请。",
        answeredOn: todayInChina(),
      },
    ]);
    expect(JSON.stringify(guide)).not.toMatch(/张明|13800000001/);
  });
});
