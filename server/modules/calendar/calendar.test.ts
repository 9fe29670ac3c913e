import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffClient, startTestApp, type TestApp, TestClient } from "../../test/harness.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("calendar administration", () => {
  it("is seeded with the official 2025 and 2026 schedules", async () => {
    const year = (await t.app.inject({ method: "GET", url: "/api/calendar/2026" })).json();
    expect(year).toMatchObject({ loaded: true, source: "国办发明电〔2025〕7号" });
    expect(year.days).toContainEqual({ date: "2026-10-10", kind: "workday", name: "国庆节调休上班" });
    expect(await t.services.calendar.status("2026-11-27")).toEqual({
      loadedYears: [2025, 2026],
      warnings: [expect.stringContaining("2027 年的法定节假日安排尚未导入")],
    });
  });

  it("marks a due date in an unloaded year provisional until the year is imported", async () => {
    const url = "/api/calendar/due-date?from=2026-12-28&days=10";
    const before = (await t.app.inject({ method: "GET", url })).json();
    expect(before).toMatchObject({ provisional: true, unloadedYears: [2027] });

    const admin = await staffClient(t, "sysadmin");
    const imported = await admin.request("POST", "/api/calendar/import", {
      year: 2027,
      source: "测试用安排",
      days: [
        { date: "2027-01-01", kind: "holiday", name: "元旦" },
        { date: "2027-01-04", kind: "holiday", name: "测试假日" },
      ],
    });
    expect(imported.statusCode).toBe(200);
    const after = (await t.app.inject({ method: "GET", url })).json();
    // 29, 30, 31 Dec; 1 Jan off; 4 Jan off; 5–8 Jan; 11–13 Jan.
    expect(after).toEqual({ date: "2027-01-13", provisional: false, unloadedYears: [] });
  });

  it("edits one day and refuses a make-up day on a weekday", async () => {
    const admin = await staffClient(t, "sysadmin");
    const weekday = await admin.request("PUT", "/api/calendar/days/2026-12-30", { kind: "workday", name: "调休" });
    expect(weekday.statusCode).toBe(400);
    expect(weekday.json().message).toContain("周六或周日");
    const holiday = await admin.request("PUT", "/api/calendar/days/2026-12-31", { kind: "holiday", name: "测试" });
    expect(holiday.statusCode).toBe(200);
    const due = (await t.app.inject({ method: "GET", url: "/api/calendar/due-date?from=2026-12-30&days=1" })).json();
    expect(due.date).toBe("2027-01-05");
  });

  it("rejects an import with days outside the year or repeated", async () => {
    const admin = await staffClient(t, "sysadmin");
    const response = await admin.request("POST", "/api/calendar/import", {
      year: 2028,
      source: "测试",
      days: [{ date: "2027-05-01", kind: "holiday", name: "劳动节" }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toContain("不属于 2028 年");
  });

  it("is edited by calendar administrators only", async () => {
    const clerk = await staffClient(t, "harbin.clerk");
    expect((await clerk.request("PUT", "/api/calendar/days/2026-12-31", { kind: "normal" })).statusCode).toBe(403);
    expect(
      (await new TestClient(t).request("PUT", "/api/calendar/days/2026-12-31", { kind: "normal" })).statusCode,
    ).toBe(401);
  });
});
