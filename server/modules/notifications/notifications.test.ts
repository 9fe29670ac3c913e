import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SMS_SIGNATURE } from "../../platform/sms.js";
import { actOn, applyFor, harbinCatalog } from "../../test/case-fixtures.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "../../test/harness.js";

let t: TestApp;
let clerk: TestClient;
let zhang: TestClient;
let instantItem = "";
let zhangsCase = "";

beforeAll(async () => {
  t = await startTestApp();
  const admin = await staffClient(t, "harbin.admin");
  clerk = await staffClient(t, "harbin.clerk");
  zhang = new TestClient(t);
  await zhang.signInApplicant("13800000001");
  const { publishItem } = await harbinCatalog(t, admin, "XK-961");
  instantItem = await publishItem("0961", {
    name: "通知测试即办",
    instant: true,
    statutoryLimit: { days: 1, unit: "working" },
    promisedLimit: { days: 0, unit: "working" },
  });
});
afterAll(() => t.close());

const textsTo = (masked: string) => (t.devSms?.inbox() ?? []).filter((m) => m.phone === masked).map((m) => m.text);

describe("notifications", () => {
  it("put a case's notice in the applicant's inbox, and send it by SMS after the commit", async () => {
    const c = await actOn(clerk, await applyFor(zhang, instantItem), "accept");
    zhangsCase = c.id;
    const inbox = (await zhang.request("GET", "/api/my/notifications")).json() as { caseId: string; text: string }[];
    expect(inbox.filter((n) => n.caseId === c.id).length).toBeGreaterThan(0);
    const notice = inbox.find((n) => n.caseId === c.id)?.text ?? "";
    await vi.waitFor(() => expect(textsTo("138****0001")).toContain(`${SMS_SIGNATURE}${notice}`));
  });

  it("sign every SMS once, with the one signature, whichever module sent it", async () => {
    const texts = textsTo("138****0001");
    // The sign-in code (accounts), the case notice (cases) and the rating invitation (ratings).
    expect(texts.some((m) => m.includes("登录验证码"))).toBe(true);
    expect(texts.some((m) => m.includes("/rate/"))).toBe(true);
    for (const text of t.devSms?.inbox() ?? []) {
      expect(text.text.startsWith(SMS_SIGNATURE), text.text).toBe(true);
      expect(text.text.split("【").length, text.text).toBe(2);
    }
  });

  it("keep trying the SMS while the gateway fails, without undoing the change, and send it once", async () => {
    const sms = t.devSms;
    if (!sms) throw new Error("the test app sends through the dev inbox");
    // The gateway times out once, on the completion notice.
    const deliver = sms.send.bind(sms);
    let failed = false;
    const send = vi.spyOn(sms, "send").mockImplementation(async (phone, message) => {
      if (!failed && message.includes("已办结")) {
        failed = true;
        throw new Error("短信网关超时");
      }
      return deliver(phone, message);
    });
    const c = await actOn(clerk, await applyFor(zhang, instantItem), "accept");
    expect(c.status).toBe("completed");
    const notice = (await zhang.request("GET", "/api/my/notifications")).json() as { caseId: string; text: string }[];
    const text = notice.find((n) => n.caseId === c.id)?.text ?? "";
    // The same words went out for the first test's case: this one's is the second.
    const sent = () => textsTo("138****0001").filter((m) => m === `${SMS_SIGNATURE}${text}`).length;
    await vi.waitFor(() => expect(sent()).toBe(2), { timeout: 20_000 });
    await t.services.jobs.settled();
    expect(failed).toBe(true);
    expect(sent()).toBe(2);
    send.mockRestore();
  }, 30_000);

  it("show each person only their own messages", async () => {
    const li = new TestClient(t);
    await li.signInApplicant("13800000002");
    const theirs = (await li.request("GET", "/api/my/notifications")).json() as { caseId: string | null }[];
    expect(zhangsCase).not.toBe("");
    expect(theirs.some((n) => n.caseId === zhangsCase)).toBe(false);
    expect((await new TestClient(t).request("GET", "/api/my/notifications")).statusCode).toBe(401);
  });
});
