import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addWorkingDays, todayInChina } from "../../platform/calendar.js";
import { actOn, applyFor, harbinCatalog } from "../../test/case-fixtures.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "../../test/harness.js";
import { rectifications } from "./ratings.tables.js";

let t: TestApp;
let admin: TestClient;
let clerk: TestClient;
let supervisor: TestClient;
let zhang: TestClient;
let li: TestClient;
const items = { instant: "", licence: "" };

const ONLINE = { overall: 1, efficiency: 2, guide_accuracy: 3, convenience: 2, usability: 3 };
const online = (overall: number) => ({ ...ONLINE, overall });
const WINDOW = { overall: 5, service_efficiency: 5, service_level: 4, attitude: 5 };

beforeAll(async () => {
  t = await startTestApp();
  admin = await staffClient(t, "harbin.admin");
  clerk = await staffClient(t, "harbin.clerk");
  supervisor = await staffClient(t, "province.supervisor");
  zhang = new TestClient(t);
  await zhang.signInApplicant("13800000001");
  li = new TestClient(t);
  await li.signInApplicant("13800000002");
  const { publishItem } = await harbinCatalog(t, admin, "XK-951");
  items.instant = await publishItem("0951", {
    name: "评价测试即办",
    instant: true,
    statutoryLimit: { days: 1, unit: "working" },
    promisedLimit: { days: 0, unit: "working" },
  });
  items.licence = await publishItem("0952", { name: "评价测试许可" });
});
afterAll(() => t.close());

/** A case of 张明 completed on the spot by the Harbin clerk. */
async function completedCase() {
  return actOn(clerk, await applyFor(zhang, items.instant), "accept");
}

/** The token of the rating link texted for a case (sent just after the case action answers). */
async function linkTokenFor(c: { number: string }): Promise<string> {
  return vi.waitFor(() => {
    const sms = t.devSms?.inbox().find((m) => m.text.includes(c.number) && m.text.includes("/rate/"));
    const token = /\/rate\/([A-Za-z0-9_-]+)/.exec(sms?.text ?? "")?.[1];
    if (!token) throw new Error(`no rating link for ${c.number} yet`);
    return token;
  });
}

const rate = (client: TestClient, caseId: string, body: object) =>
  client.request("POST", `/api/my/cases/${caseId}/ratings`, body);

describe("rating a case", () => {
  it("texts a one-time link on completion; the link rates the completion once, through the sms channel", async () => {
    const c = await completedCase();
    const token = await linkTokenFor(c);
    const link = new TestClient(t);
    const view = await link.request("GET", `/api/rating-links/${token}`);
    expect(view.json()).toMatchObject({ itemName: "评价测试即办", stage: "completion", open: true });
    expect(view.body).not.toContain("张明");

    const incomplete = await link.request("POST", `/api/rating-links/${token}`, { scores: { overall: 5 } });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().message).toContain("办事效率");

    const rated = await link.request("POST", `/api/rating-links/${token}`, { scores: online(5), comment: "很快" });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().open).toBe(false);
    const again = await link.request("POST", `/api/rating-links/${token}`, { scores: online(1) });
    expect(again.json().code).toBe("RATING_LINK_GONE");

    const stages = (await zhang.request("GET", `/api/my/cases/${c.id}/ratings`)).json();
    expect(stages).toEqual([
      { stage: "acceptance", open: true, rating: null },
      { stage: "completion", open: false, rating: expect.objectContaining({ level: 5, channel: "sms" }) },
    ]);
  });

  it("allows one rating per case and stage, also when two arrive at once, and none before the stage", async () => {
    const c = await completedCase();
    const body = { stage: "acceptance", channel: "mobile", scores: online(4) };
    const [a, b] = await Promise.all([rate(zhang, c.id, body), rate(zhang, c.id, body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((a.statusCode === 409 ? a : b).json().code).toBe("RATING_EXISTS");

    const waiting = await applyFor(zhang, items.licence);
    const early = await rate(zhang, waiting.id, { stage: "acceptance", channel: "web", scores: online(5) });
    expect(early.json().code).toBe("RATING_NOT_OPEN");
    const accepted = await actOn(clerk, waiting, "accept");
    expect(
      (await rate(zhang, accepted.id, { stage: "completion", channel: "web", scores: online(5) })).json().code,
    ).toBe("RATING_NOT_OPEN");
    expect(
      (await rate(zhang, accepted.id, { stage: "acceptance", channel: "web", scores: online(5) })).statusCode,
    ).toBe(200);
  });

  it("refuses another person's case, a staff session, and a window rating with the online indicators", async () => {
    const c = await completedCase();
    expect((await rate(li, c.id, { stage: "completion", channel: "web", scores: online(5) })).statusCode).toBe(404);
    expect((await rate(clerk, c.id, { stage: "completion", channel: "web", scores: online(5) })).statusCode).toBe(403);
    const pad = `/api/workbench/cases/${c.id}/ratings`;
    expect((await clerk.request("POST", pad, { stage: "acceptance", scores: online(5) })).statusCode).toBe(400);
    const atWindow = await clerk.request("POST", pad, { stage: "acceptance", scores: WINDOW });
    expect(atWindow.statusCode, atWindow.body).toBe(200);
    expect(atWindow.json()[0]).toEqual({ stage: "acceptance", open: false, ratedAtWindow: true });
    // The rating stands: there is no route by which staff could change it.
    expect((await clerk.request("PUT", pad, { stage: "acceptance", scores: WINDOW })).statusCode).toBe(404);
  });
});

describe("a bad rating", () => {
  let rectificationId: string;

  it("opens a rectification due in 15 working days; the rater stays unknown to the staff rated and the public", async () => {
    const token = await linkTokenFor(await completedCase());
    const rated = await new TestClient(t).request("POST", `/api/rating-links/${token}`, {
      scores: online(1),
      comment: "等了很久，请回电 13800000001",
    });
    expect(rated.statusCode, rated.body).toBe(200);

    const tasks = (await admin.request("GET", "/api/rectifications?status=open")).json();
    expect(tasks).toHaveLength(1);
    rectificationId = tasks[0].id;
    const calendar = await t.services.calendar.workingCalendar();
    expect(tasks[0]).toMatchObject({
      level: 1,
      warning: "none",
      dueOn: addWorkingDays(todayInChina(), 15, calendar).date,
    });

    // The clerk who completed the case sees what was said of their work, and nothing that leads to the rater.
    const mine = await clerk.request("GET", "/api/ratings/mine");
    const said = mine.json().find((r: { level: number }) => r.level === 1);
    expect(said.comment).toBe("等了很久，请回电 （号码已隐去）");
    for (const body of [mine.body, (await admin.request("GET", "/api/ratings?bad=true")).body]) {
      expect(body).not.toMatch(/张明|13800000001|caseId|raterId|applicant/);
    }
    expect((await clerk.request("GET", "/api/ratings")).statusCode).toBe(403);
    expect((await clerk.request("GET", `/api/rectifications/${rectificationId}`)).statusCode).toBe(403);
    const audit = await (await staffClient(t, "sysadmin")).request("GET", "/api/audit?action=rating.submit");
    expect(audit.body).toContain("评价人");
    expect(audit.body).not.toContain("张明");
  });

  it("shows the handler a masked rater; the full number only on request, and that request is audited", async () => {
    const task = (await admin.request("GET", `/api/rectifications/${rectificationId}`)).json();
    expect(task).toMatchObject({ status: "open", raterName: "张*", raterPhone: "138****0001" });
    const contact = await admin.request("POST", `/api/rectifications/${rectificationId}/contact`);
    expect(contact.json()).toEqual({ phone: "13800000001" });
    const audit = await (await staffClient(t, "sysadmin")).request("GET", "/api/audit?action=rectification.contact");
    expect(audit.json().items[0]).toMatchObject({ actorName: "周静" });
  });

  it("is verified and answered, called back, and closed by a supervisor above; then published", async () => {
    let task = (await admin.request("GET", `/api/rectifications/${rectificationId}`)).json();
    const answer = {
      revision: task.revision,
      finding: "经核实，当日窗口人员临时离岗 40 分钟。",
      outcome: "fixed",
      measures: "建立窗口 AB 岗制度，离岗须有替岗人员。",
      reply: "您反映的问题属实，我们已建立 AB 岗制度，感谢您的监督。",
    };
    const replied = await admin.request("POST", `/api/rectifications/${rectificationId}/reply`, answer);
    expect(replied.statusCode, replied.body).toBe(200);
    const stale = await admin.request("POST", `/api/rectifications/${rectificationId}/reply`, answer);
    expect(stale.json().code).toBe("RECTIFICATION_CHANGED");
    const inbox = (await zhang.request("GET", "/api/my/notifications")).json();
    expect(JSON.stringify(inbox)).toContain("AB 岗制度");

    task = replied.json();
    const early = await supervisor.request("POST", `/api/rectifications/${rectificationId}/close`, {
      revision: task.revision,
    });
    expect(early.json().code).toBe("RECTIFICATION_ACTION_NOT_ALLOWED");
    task = (
      await admin.request("POST", `/api/rectifications/${rectificationId}/call-back`, {
        revision: task.revision,
        reached: true,
        satisfied: true,
        note: "电话回访，评价人表示满意。",
      })
    ).json();
    expect(task).toMatchObject({ status: "called_back", callBack: { reached: true, by: "周静" } });
    expect((await admin.request("POST", `/api/rectifications/${rectificationId}/close`, task)).statusCode).toBe(403);

    const back = await supervisor.request("POST", `/api/rectifications/${rectificationId}/send-back`, {
      revision: task.revision,
      reason: "回访记录过简，请补充回访时间和评价人意见。",
    });
    expect(back.json()).toMatchObject({ status: "open", callBack: null, sentBack: expect.stringContaining("过简") });
    task = back.json();
    task = (
      await admin.request("POST", `/api/rectifications/${rectificationId}/reply`, {
        ...answer,
        revision: task.revision,
      })
    ).json();
    task = (
      await admin.request("POST", `/api/rectifications/${rectificationId}/call-back`, {
        revision: task.revision,
        reached: true,
        satisfied: true,
        note: "11 月 27 日 15:00 电话回访，评价人对整改表示满意。",
      })
    ).json();
    const closed = await supervisor.request("POST", `/api/rectifications/${rectificationId}/close`, {
      revision: task.revision,
    });
    expect(closed.json()).toMatchObject({ status: "closed", warning: "none" });

    const published = (await new TestClient(t).request("GET", "/api/public/ratings/rectifications")).json();
    expect(published[0]).toMatchObject({
      itemName: "评价测试即办",
      level: 1,
      outcome: "fixed",
      measures: answer.measures,
    });
    expect(JSON.stringify(published)).not.toMatch(/张明|13800000001|周静/);
  });

  it("warns yellow near the due date and red past it", async () => {
    const token = await linkTokenFor(await completedCase());
    await new TestClient(t).request("POST", `/api/rating-links/${token}`, { scores: online(2) });
    const [task] = (await admin.request("GET", "/api/rectifications?status=open")).json();
    const set = (dueOn: string) =>
      t.database.db.update(rectifications).set({ dueOn }).where(eq(rectifications.id, task.id));
    await set(todayInChina());
    expect((await admin.request("GET", `/api/rectifications/${task.id}`)).json().warning).toBe("yellow");
    await set("2020-01-02");
    expect((await admin.request("GET", "/api/rectifications?status=open")).json()[0].warning).toBe("red");
  });
});

describe("appeals and figures", () => {
  it("lets a supervisor above uphold an appeal, which takes the rating out of the figures but keeps it", async () => {
    const figures = async () =>
      (await new TestClient(t).request("GET", "/api/public/ratings/figures?by=item"))
        .json()
        .find((row: { name: string }) => row.name === "评价测试即办");
    const before = await figures();
    const [open] = (await admin.request("GET", "/api/rectifications?status=open")).json();
    const task = (await admin.request("GET", `/api/rectifications/${open.id}`)).json();

    const filed = await admin.request("POST", `/api/ratings/${task.rating.id}/appeal`, {
      reason: "malicious",
      statement: "评价人当日未到窗口办理，评价内容与事实不符。",
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const twice = await admin.request("POST", `/api/ratings/${task.rating.id}/appeal`, {
      reason: "malicious",
      statement: "重复申诉",
    });
    expect(twice.json().code).toBe("APPEAL_PENDING");
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    const evidence = await admin.upload(
      `/api/rating-appeals/${filed.json().id}/evidence`,
      "监控截图.png",
      "image/png",
      png,
    );
    expect(evidence.json().hasEvidence).toBe(true);

    expect(
      (await admin.request("POST", `/api/rating-appeals/${filed.json().id}/decide`, { upheld: true, note: "x" }))
        .statusCode,
    ).toBe(403);
    const decided = await supervisor.request("POST", `/api/rating-appeals/${filed.json().id}/decide`, {
      upheld: true,
      note: "经调阅监控，评价人当日未到窗口，申诉成立。",
    });
    expect(decided.json()).toMatchObject({ status: "upheld", rating: { excluded: true } });

    const after = await figures();
    expect(after.total).toBe(before.total - 1);
    expect(after.bad).toBe(before.bad - 1);
    expect((await admin.request("GET", `/api/rectifications/${open.id}`)).json()).toMatchObject({
      status: "closed",
      outcome: "appeal_upheld",
    });
    const kept = (await admin.request("GET", "/api/ratings?bad=true")).json().items;
    expect(kept.find((r: { id: string }) => r.id === task.rating.id)).toMatchObject({
      excluded: true,
      appealStatus: "upheld",
    });
    const published = (await new TestClient(t).request("GET", "/api/public/ratings/rectifications")).json();
    expect(published.every((p: { outcome: string }) => p.outcome !== "appeal_upheld")).toBe(true);
  });

  it("counts levels, score and rates by org, and by staff only for staff", async () => {
    const [harbin] = (await admin.request("GET", "/api/ratings/figures?by=org")).json();
    expect(harbin.name).toBe("哈尔滨市教育局");
    const levels = harbin.levels as Record<1 | 2 | 3 | 4 | 5, number>;
    const total = Object.values(levels).reduce((a, b) => a + b, 0);
    expect(harbin.total).toBe(total);
    expect(harbin.bad).toBe(levels[1] + levels[2]);
    expect(harbin.satisfiedRate).toBeCloseTo(((levels[5] + levels[4] + levels[3]) / total) * 100, 0);
    expect(harbin.rectifiedRate).toBeCloseTo((1 / harbin.bad) * 100, 0);
    const byStaff = (await admin.request("GET", "/api/ratings/figures?by=staff")).json();
    expect(byStaff.map((r: { name: string }) => r.name)).toContain("吴晓梅");
    expect((await new TestClient(t).request("GET", "/api/public/ratings/figures?by=staff")).statusCode).toBe(400);
    const today = todayInChina();
    const none = (await admin.request("GET", `/api/ratings/figures?from=2020-01-01&to=2020-12-31`)).json();
    expect(none).toEqual([]);
    expect((await admin.request("GET", `/api/ratings/figures?from=${today}&to=${today}`)).json()[0].total).toBe(total);
  });
});
