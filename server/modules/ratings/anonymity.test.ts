import { eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASE_QUEUES, RECTIFICATION_STATUSES } from "../../../common/vocabulary.js";
import { actOn, applyFor, harbinCatalog } from "../../test/case-fixtures.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "../../test/harness.js";
import { pdfPages } from "../../test/pdf-text.js";
import { staffWithRoles } from "../../test/staff-fixtures.js";
import { DEMO_APPLICANTS } from "../demo/index.js";
import { ratingAppeals, ratings, rectifications } from "./ratings.tables.js";

/**
 * 好差评 anonymity, end to end: 张明 rates two cases 非常不满意 on the web. Neither staff member whose work he rated —
 * the plain window clerk, and a clerk who also answers for ratings, supervises and reads the audit trail — may get,
 * from any route, an answer that names the rater (or his case) together with the level or what he wrote, nor the
 * rectification or appeal of their own work; the handler gets what the call-back needs and the number only by the
 * one audited request.
 */

let t: TestApp;
let handler: TestClient;
let clerk: TestClient;
let desk: TestClient;
let zhang: TestClient;
let zhangId = "";
const zhangIdNumber = DEMO_APPLICANTS[0]?.signUp.kind === "person" ? DEMO_APPLICANTS[0].signUp.idNumber : "";

const ONLINE = { efficiency: 1, guide_accuracy: 1, convenience: 1, usability: 1 };
const WINDOW = { service_efficiency: 2, service_level: 2, attitude: 2 };
/** What each rated staff member must not learn beside the rater: the level's words and what 张明 wrote. */
const COMMENTS = { clerk: "窗口推诿甲乙丙", desk: "窗口推诿丁戊己" };

type Rated = {
  client: TestClient;
  label: string;
  cases: { id: string; number: string }[];
  ratingIds: string[];
  rectificationIds: string[];
  comment: string;
};
const rated: Record<"clerk" | "desk", Rated> = {
  clerk: { client: null as never, label: "harbin.clerk", cases: [], ratingIds: [], rectificationIds: [], comment: "" },
  desk: { client: null as never, label: "harbin.desk", cases: [], ratingIds: [], rectificationIds: [], comment: "" },
};
let appealId = "";

beforeAll(async () => {
  t = await startTestApp();
  handler = await staffClient(t, "harbin.admin");
  clerk = await staffClient(t, "harbin.clerk");
  // Rated, and also holding every permission that reads ratings, rectifications, appeals and the audit trail.
  ({ client: desk } = await staffWithRoles(t, {
    username: "harbin.desk",
    name: "钱多岗",
    orgName: "哈尔滨市教育局",
    roles: ["window_clerk", "org_admin", "supervisor", "reviewer", "approver"],
  }));
  rated.clerk.client = clerk;
  rated.desk.client = desk;
  zhang = new TestClient(t);
  await zhang.signInApplicant("13800000001");
  zhangId = (await zhang.request("GET", "/api/auth/session")).json().user.id;
  const { publishItem } = await harbinCatalog(t, handler, "XK-961");
  const instant = await publishItem("0961", {
    name: "匿名测试即办",
    instant: true,
    statutoryLimit: { days: 1, unit: "working" },
    promisedLimit: { days: 0, unit: "working" },
  });

  for (const who of ["clerk", "desk"] as const) {
    const c = await actOn(rated[who].client, await applyFor(zhang, instant), "accept");
    expect(c.status).toBe("completed");
    rated[who].cases.push({ id: c.id, number: c.number });
    rated[who].comment = COMMENTS[who];
    // The window pad records the acceptance, in front of the clerk; 张明 rates the completion at home, on the web.
    const pad = await rated[who].client.request("POST", `/api/workbench/cases/${c.id}/ratings`, {
      stage: "acceptance",
      scores: { overall: 2, ...WINDOW },
      comment: `${COMMENTS[who]}（窗口）`,
    });
    expect(pad.statusCode, pad.body).toBe(200);
    const web = await zhang.request("POST", `/api/my/cases/${c.id}/ratings`, {
      stage: "completion",
      channel: "web",
      scores: { overall: 1, ...ONLINE },
      comment: `${COMMENTS[who]}，请回电 13800000001`,
    });
    expect(web.statusCode, web.body).toBe(200);
    // The web rating (非常不满意) first, then the pad's (不满意).
    const rows = await t.database.db.select().from(ratings).where(eq(ratings.caseId, c.id)).orderBy(ratings.level);
    expect(rows.map((r) => [r.level, r.channel])).toEqual([
      [1, "web"],
      [2, "window"],
    ]);
    rated[who].ratingIds = rows.map((r) => r.id);
    const tasks = await t.database.db
      .select()
      .from(rectifications)
      .where(inArray(rectifications.ratingId, rated[who].ratingIds));
    expect(tasks).toHaveLength(2);
    rated[who].rectificationIds = rated[who].ratingIds.map((r) => tasks.find((k) => k.ratingId === r)?.id ?? "");
  }

  // The handler works the clerk's rectification (the answer reaches 张明) and appeals one of the desk's ratings.
  const [first] = rated.clerk.rectificationIds;
  let task = (await handler.request("GET", `/api/rectifications/${first}`)).json();
  task = (
    await handler.request("POST", `/api/rectifications/${first}/reply`, {
      revision: task.revision,
      finding: "经核实，窗口未一次性告知材料。",
      outcome: "fixed",
      measures: "窗口实行一次性告知清单。",
      reply: "已整改，感谢监督。",
    })
  ).json();
  expect(task.status).toBe("replied");
  const appeal = await handler.request("POST", `/api/ratings/${rated.desk.ratingIds[0]}/appeal`, {
    reason: "mistaken",
    statement: "评价人误选了等级。",
  });
  expect(appeal.statusCode, appeal.body).toBe(201);
  appealId = appeal.json().id;
});
afterAll(() => t.close());

/** What a reader gets from an answer: JSON or text as sent, the text of a PDF, the cells of a workbook. */
async function readable(response: { headers: Record<string, unknown>; body: string; rawPayload: Buffer }) {
  const type = String(response.headers["content-type"] ?? "");
  if (type.startsWith("application/pdf")) return (await pdfPages(response.rawPayload)).join("\n");
  if (type.includes("spreadsheetml")) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          cells.push(String(cell.text));
        });
      }),
    );
    return cells.join("\n");
  }
  return response.body;
}

/** Whatever names 张明 or his case: name (whole or masked), phone (whole or masked), ID number, user id, case. */
function identityIn(text: string, who: Rated): string[] {
  const marks = ["张明", "张*", "13800000001", "138****0001", zhangIdNumber, zhangId];
  for (const c of who.cases) marks.push(c.id, c.number);
  return marks.filter((m) => m && text.includes(m));
}

/** Whatever gives away what 张明 said: the level's words, the level in a field, what he wrote. */
function verdictIn(text: string, who: Rated): string[] {
  const found = ["非常不满意", "不满意", who.comment].filter((m) => text.includes(m));
  if (/"level":\s*[12]\b/.test(text)) found.push('"level":1|2');
  if (/"overall":\s*[12]\b/.test(text)) found.push('"overall":1|2');
  return found;
}

/** Every GET route of the API, with every id parameter filled by every id that could lead to the rating. */
function readUrls(who: Rated): string[] {
  const ids = [...who.cases.map((c) => c.id), ...who.ratingIds, ...who.rectificationIds, appealId, zhangId];
  const fill: Record<string, string[]> = {
    kind: ["acceptance", "supplement", "refusal"],
    year: [String(new Date().getFullYear())],
  };
  const queries: Record<string, string[]> = {
    "/api/audit": [
      "",
      "?pageSize=100",
      "?action=rating",
      "?action=rectification",
      ...ids.map((id) => `?targetId=${id}`),
    ],
    "/api/ratings": ["", "?bad=true&pageSize=100", "?bad=false&pageSize=100"],
    "/api/ratings/figures": ["?by=staff", "?by=org", "?by=item"],
    "/api/rectifications": ["", ...RECTIFICATION_STATUSES.map((s) => `?status=${s}`)],
    "/api/workbench/cases": CASE_QUEUES.map((q) => `?queue=${q}&pageSize=100`),
    "/api/applicants": ["", "?q=张明", "?q=13800000001"],
  };
  const urls: string[] = [];
  for (const route of t.routes) {
    // The API documentation and the dev SMS inbox of demo mode (served to the machine's own user) hold no case data.
    if (route.method !== "GET" || !route.url.startsWith("/api/") || route.url.startsWith("/api/docs")) continue;
    if (route.url.startsWith("/api/dev/")) continue;
    let expanded = [route.url];
    for (const param of route.url.match(/:\w+/g) ?? []) {
      const values = fill[param.slice(1)] ?? ids;
      expanded = expanded.flatMap((u) => values.map((v) => u.replace(param, v)));
    }
    for (const url of expanded) for (const q of queries[route.url] ?? [""]) urls.push(url + q);
  }
  return urls;
}

describe("the staff member whose work was rated", () => {
  for (const key of ["clerk", "desk"] as const) {
    it(`(${key}) learns from no route who rated them and what was said, and never sees their rectification`, async () => {
      const who = rated[key];
      const leaks: string[] = [];
      let answered = 0;
      const urls = readUrls(who);
      for (const url of urls) {
        const response = await who.client.request("GET", url);
        if (response.statusCode >= 500) leaks.push(`${url}: ${response.statusCode}`);
        if (response.statusCode !== 200) continue;
        answered++;
        const text = await readable(response);
        // The address counts: asking about a case by its id already names whose case it is.
        const identity = identityIn(`${url}\n${text}`, who);
        const verdict = verdictIn(text, who);
        if (identity.length > 0 && verdict.length > 0)
          leaks.push(`${url}: ${identity.join(",")} + ${verdict.join(",")}`);
        // Not even a reference to the rectification or the appeal of their own work.
        const own = key === "desk" ? [...who.rectificationIds, appealId] : who.rectificationIds;
        for (const id of own) if (text.includes(id)) leaks.push(`${url}: shows ${id}`);
      }
      expect(leaks).toEqual([]);
      // The walk reached real answers: at least the case pages, the pad and what was said of their work.
      expect(answered).toBeGreaterThan(key === "desk" ? 40 : 15);
      expect(urls.length).toBeGreaterThan(100);

      // The pad says only whether a stage can still be rated there and whether a window rated it.
      for (const c of who.cases) {
        const pad = await who.client.request("GET", `/api/workbench/cases/${c.id}/ratings`);
        expect(pad.json()).toEqual([
          { stage: "acceptance", open: false, ratedAtWindow: true },
          { stage: "completion", open: false, ratedAtWindow: false },
        ]);
      }
      // The case page names the applicant: that is exactly why the pad must not give the level.
      const page = await who.client.request("GET", `/api/cases/${who.cases[0]?.id}`);
      expect(page.statusCode).toBe(200);
      expect(identityIn(page.body, who).length).toBeGreaterThan(0);

      // What was said of their work, they read without the rater or the case.
      const mine = await who.client.request("GET", "/api/ratings/mine");
      expect(verdictIn(mine.body, who)).toContain(who.comment);
      expect(identityIn(mine.body, who)).toEqual([]);

      // Nor can they act on their own rectification or rating: reveal the number, answer, appeal.
      for (const id of who.rectificationIds) {
        const contact = await who.client.request("POST", `/api/rectifications/${id}/contact`);
        expect([403, 404], contact.body).toContain(contact.statusCode);
        expect(contact.body).not.toContain("13800000001");
      }
      for (const id of who.ratingIds) {
        const appeal = await who.client.request("POST", `/api/ratings/${id}/appeal`, {
          reason: "malicious",
          statement: "自己申诉自己的差评",
        });
        expect([403, 404], appeal.body).toContain(appeal.statusCode);
      }
    }, 120_000);
  }
});

describe("the handler (feedback.handle)", () => {
  it("sees the case to verify and the rater masked; the full number only by the audited request, each time", async () => {
    const sysadmin = await staffClient(t, "sysadmin");
    const reveals = async () =>
      (await sysadmin.request("GET", "/api/audit?action=rectification.contact&pageSize=100")).json().total as number;
    const [id] = rated.clerk.rectificationIds;
    const task = await handler.request("GET", `/api/rectifications/${id}`);
    expect(task.json()).toMatchObject({
      raterName: "张*",
      raterPhone: "138****0001",
      caseNumber: rated.clerk.cases[0]?.number,
    });
    // Masked in what the rater wrote too, and nothing else of him: no name, number, ID number or account.
    expect(task.body).not.toMatch(new RegExp(`张明|13800000001|${zhangIdNumber}|${zhangId}|raterId|applicantId`));
    // A number the rater wrote is taken out of the comment: the handler calls through the contact request.
    expect(task.json().rating.comment).toBe(`${COMMENTS.clerk}，请回电 （号码已隐去）`);

    const before = await reveals();
    const contact = await handler.request("POST", `/api/rectifications/${id}/contact`);
    expect(contact.json()).toEqual({ phone: "13800000001" });
    expect(await reveals()).toBe(before + 1);
    const entry = (await sysadmin.request("GET", `/api/audit?action=rectification.contact&targetId=${id}`)).json();
    expect(entry.items[0]).toMatchObject({ actorName: "周静", targetId: id });
    // The reveal changes nothing shown afterwards: the task still shows the number masked.
    expect((await handler.request("GET", `/api/rectifications/${id}`)).body).not.toContain("13800000001");
    // And the handler's lists carry no rater at all.
    for (const url of ["/api/rectifications", "/api/ratings?bad=true", "/api/rating-appeals"]) {
      const body = (await handler.request("GET", url)).body;
      expect(body, url).not.toMatch(/张明|张\*|13800000001|138\*\*\*\*0001/);
    }
    // The appeal the desk's walk never met is there, shown to the handler who filed it.
    const [appeal] = await t.database.db.select().from(ratingAppeals).where(eq(ratingAppeals.id, appealId));
    expect(appeal?.status).toBe("pending");
    expect((await handler.request("GET", "/api/rating-appeals")).body).toContain(appealId);
  });
});
