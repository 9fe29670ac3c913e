import { randomInt } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app.js";
import { systemActor } from "../../platform/audit.js";
import { type Actor, asSystem, permissionsOf } from "../../platform/auth.js";
import { createLogger } from "../../platform/logger.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "../../test/harness.js";
import { registerPartner, signedRequest } from "../../test/open-api.js";
import { csvLine, DEMO_APPLICANTS, GAOKAO_HEADER, type SampleCandidate, sampleCandidates } from "../demo/index.js";

let t: TestApp;
let admin: TestClient;
const candidates = [...sampleCandidates(50, 7)];
const [first, second] = candidates as [SampleCandidate, SampleCandidate];

const csv = (lines: string[][]) => Buffer.from(lines.map(csvLine).join("\n"));
const goodFile = () => csv([GAOKAO_HEADER, ...candidates.map((c) => c.cells)]);

async function createBatch(client: TestClient, title = `测试批次 ${randomInt(1e9)}`, kind = "scores") {
  const created = await client.request("POST", "/api/admin/results/batches", {
    exam: "gaokao",
    kind,
    year: 2026,
    title,
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().id as string;
}

/** Uploads a file and waits until its import has finished one way or the other. */
async function importFile(client: TestClient, batchId: string, data: Buffer, name = "成绩.csv") {
  const started = await client.upload(`/api/admin/results/batches/${batchId}/import`, name, "text/csv", data);
  expect(started.statusCode, started.body).toBe(202);
  for (;;) {
    const batch = (await client.request("GET", `/api/admin/results/batches/${batchId}`)).json();
    if (batch.importState !== "running") return batch;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function publishNow(client: TestClient, batchId: string) {
  const published = await client.request("PUT", `/api/admin/results/batches/${batchId}/publication`, {
    publishAt: new Date(Date.now() - 1000).toISOString(),
  });
  expect(published.statusCode, published.body).toBe(200);
}

async function readyBatch(): Promise<string> {
  const batchId = await createBatch(admin);
  expect((await importFile(admin, batchId, goodFile())).importState).toBe("succeeded");
  await publishNow(admin, batchId);
  return batchId;
}

function lookup(
  app: TestApp,
  batchId: string,
  who: { examNumber: string; idNumber: string; name: string },
  address = "10.0.0.1",
) {
  return app.app.inject({
    method: "POST",
    url: `/api/results/batches/${batchId}/lookup`,
    headers: { cookie: "banshi_csrf=t", "x-csrf-token": "t", "x-forwarded-for": address },
    payload: {
      examNumber: who.examNumber,
      idNumber: who.idNumber,
      name: who.name,
      captchaToken: app.services.captchas.tokenFor("k7ph"),
      captchaAnswer: "K7PH",
    },
  });
}

beforeAll(async () => {
  t = await startTestApp({ trustProxy: 1, resultsLookupRateLimit: 100_000 });
  admin = await staffClient(t, "sysadmin");
});
afterAll(() => t.close());

describe("import", () => {
  it("is refused by the service itself to a caller without results.manage, whichever face calls it", async () => {
    const clerk: Actor = {
      userId: "00000000-0000-7000-8000-000000000001",
      sessionId: "test",
      kind: "staff",
      name: "窗口人员",
      roles: ["window_clerk"],
      permissions: permissionsOf(["window_clerk"]),
      orgId: null,
      orgPath: null,
      mustChangePassword: false,
    };
    const batch = { exam: "gaokao" as const, kind: "scores" as const, year: 2026, title: "越权测试" };
    await expect(t.services.results.create(clerk, batch)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.services.results.list(clerk)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(t.services.partners.list(clerk)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The platform itself (seeding, the command line) may.
    expect((await t.services.results.list(asSystem(systemActor))).length).toBeGreaterThan(0);
  });

  it("imports nothing when any line is wrong, and names every wrong line with its reasons", async () => {
    const batchId = await createBatch(admin);
    const bad = [...first.cells];
    bad[1] = `${first.idNumber.slice(0, 17)}${first.idNumber[17] === "1" ? "2" : "1"}`; // wrong check digit
    bad[3] = "151"; // 语文 over its full marks of 150
    const wrongTotal = [...second.cells];
    wrongTotal[12] = String(Number(second.cells[12]) + 1);
    const lines = [
      GAOKAO_HEADER,
      bad,
      wrongTotal,
      ...candidates.slice(2).map((c) => c.cells),
      candidates[5]?.cells ?? [],
    ];
    const batch = await importFile(admin, batchId, csv(lines));
    expect(batch.importState).toBe("failed");
    expect(batch.rowCount).toBe(0);
    expect(batch.importProblemCount).toBe(3);
    expect(batch.importProblems).toEqual([
      {
        row: 2,
        messages: ["身份证号无效（位数、出生日期或校验位不符）", "语文成绩“151”应为 0–150 之间的数（至多一位小数）"],
      },
      { row: 3, messages: [expect.stringMatching(/^总分 \d+ 与各科之和 \d+ 不符$/)] },
      { row: 52, messages: ["准考证号与第 7 行重复", "身份证号与第 7 行重复"] },
    ]);
    expect(batch.importMessage).toBe("共 3 行有误，未导入任何数据。请修正后重新导入。");
    const publish = await admin.request("PUT", `/api/admin/results/batches/${batchId}/publication`, {
      publishAt: new Date().toISOString(),
    });
    expect(publish.json().code).toBe("RESULT_BATCH_EMPTY");
  });

  it("names missing and unknown columns of the header", async () => {
    const batchId = await createBatch(admin);
    const header = GAOKAO_HEADER.filter((title) => title !== "数学").concat("备注");
    const batch = await importFile(admin, batchId, csv([header, first.cells]));
    expect(batch.importState).toBe("failed");
    expect(batch.importMessage).toBe("文件第 1 行（表头）有误：缺少列：数学；无法识别的列：备注");
  });

  it("reads .xlsx and GBK-encoded CSV as well as UTF-8 CSV", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("成绩");
    sheet.addRow(GAOKAO_HEADER);
    for (const c of candidates) sheet.addRow(c.cells.map((cell, i) => (i > 2 && cell !== "" ? Number(cell) : cell)));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const fromXlsx = await importFile(admin, await createBatch(admin), xlsx, "成绩.xlsx");
    expect([fromXlsx.importState, fromXlsx.rowCount]).toEqual(["succeeded", 50]);

    // What Excel on a Chinese Windows saves: the header and a name in GBK (TextEncoder writes only UTF-8).
    const gbkHeader =
      "d7bcbfbcd6a4bac52cc9edb7ddd6a4bac52cd0d5c3fb2cd3efcec42ccafdd1a72ccde2d3ef2cceefc0ed2cc0facab72cbbafd1a72cc9faceef2ccbbccfebd5fed6ce2cb5d8c0ed2cd7dcb7d60a";
    const wangZihan = "cdf5d7d3baad";
    const [examNumber, idNumber, , ...scores] = first.cells;
    const gbk = Buffer.concat([
      Buffer.from(gbkHeader, "hex"),
      Buffer.from(`${examNumber},${idNumber},`),
      Buffer.from(wangZihan, "hex"),
      Buffer.from(`,${scores.join(",")}\n`),
    ]);
    const gbkBatch = await createBatch(admin);
    const fromGbk = await importFile(admin, gbkBatch, gbk);
    expect([fromGbk.importState, fromGbk.rowCount]).toEqual(["succeeded", 1]);
    await publishNow(admin, gbkBatch);
    expect((await lookup(t, gbkBatch, { ...first, name: "王子涵" })).json().name).toBe("王子涵");
  });

  it("refuses files of another type and staff without the permission", async () => {
    const batchId = await createBatch(admin);
    const wrongType = await admin.upload(
      `/api/admin/results/batches/${batchId}/import`,
      "成绩.txt",
      "text/plain",
      goodFile(),
    );
    expect(wrongType.json()).toMatchObject({ code: "VALIDATION_FAILED", message: "请上传 CSV 或 xlsx 格式的成绩文件" });
    const clerk = await staffClient(t, "harbin.clerk");
    const denied = await clerk.upload(
      `/api/admin/results/batches/${batchId}/import`,
      "成绩.csv",
      "text/csv",
      goodFile(),
    );
    expect(denied.statusCode).toBe(403);
  });
});

describe("lookup", () => {
  let batchId: string;
  beforeAll(async () => {
    batchId = await readyBatch();
  });

  it("answers the candidate with every score and the total", async () => {
    const found = await lookup(t, batchId, first);
    expect(found.statusCode, found.body).toBe(200);
    const body = found.json();
    expect(body.examNumber).toBe(first.examNumber);
    expect(body.name).toBe(first.name);
    const sat = GAOKAO_HEADER.slice(3, 12).flatMap((subject, i) =>
      first.cells[i + 3] === "" ? [] : [{ subject, score: Number(first.cells[i + 3]) }],
    );
    expect(body.scores).toEqual(sat);
    expect(body.total).toBe(Number(first.cells[12]));
  });

  it("gives one generic answer for a wrong name, a wrong ID number and an exam number that does not exist", async () => {
    const answers = await Promise.all([
      lookup(t, batchId, { ...first, name: "错误姓名" }),
      lookup(t, batchId, { ...first, idNumber: second.idNumber }),
      lookup(t, batchId, { ...first, examNumber: "26239999999999" }),
    ]);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(404);
      expect(answer.body).toBe(answers[0]?.body);
    }
    expect(answers[0]?.json()).toEqual({
      code: "RESULT_NO_MATCH",
      message: "未查询到匹配的结果，请核对准考证号、身份证号和姓名后重试",
    });
  });

  it("takes a captcha once, and only with its answer: a wrong answer spends it too", async () => {
    const issued = await t.app.inject({ method: "GET", url: "/api/results/captcha" });
    expect(issued.json().svg).toMatch(/^<svg/);
    const token = issued.json().token as string;
    const answer = (
      await t.app.inject({ method: "GET", url: `/api/dev/captcha?token=${encodeURIComponent(token)}` })
    ).json().answer as string;
    const ask = (captchaAnswer: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/results/batches/${batchId}/lookup`,
        headers: { cookie: "banshi_csrf=t", "x-csrf-token": "t" },
        payload: {
          examNumber: second.examNumber,
          idNumber: second.idNumber,
          name: second.name,
          captchaToken: token,
          captchaAnswer,
        },
      });
    expect((await ask("wrong")).json().code).toBe("CAPTCHA_INVALID");
    // One image buys one guess: the right answer after a wrong one is refused, so is a replay.
    expect((await ask(answer.toLowerCase())).json().code).toBe("CAPTCHA_INVALID");
    const fresh = t.services.captchas.tokenFor("k7ph");
    expect(await t.services.captchas.verify(fresh, "K7PH")).toBe(true);
    expect(await t.services.captchas.verify(fresh, "K7PH")).toBe(false);
  });

  it("opens a batch only at its publication time, and closes it again when withdrawn", async () => {
    const later = await createBatch(admin);
    await importFile(admin, later, goodFile());
    const listed = async () =>
      (await t.app.inject({ method: "GET", url: "/api/results/batches" })).json().map((b: { id: string }) => b.id);
    expect((await lookup(t, later, first)).json().code).toBe("RESULT_BATCH_NOT_OPEN");
    const scheduled = await admin.request("PUT", `/api/admin/results/batches/${later}/publication`, {
      publishAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    });
    expect(scheduled.json().published).toBe(false);
    expect((await lookup(t, later, first)).json().code).toBe("RESULT_BATCH_NOT_OPEN");
    expect(await listed()).not.toContain(later);
    await publishNow(admin, later);
    expect((await lookup(t, later, first)).statusCode).toBe(200);
    expect(await listed()).toContain(later);
    await admin.request("PUT", `/api/admin/results/batches/${later}/publication`, { publishAt: null });
    expect((await lookup(t, later, first)).json().code).toBe("RESULT_BATCH_NOT_OPEN");
  });

  it("counts lookups per batch, and logs no exam number, ID number or name", async () => {
    const before = (await admin.request("GET", `/api/admin/results/batches/${batchId}`)).json();
    await lookup(t, batchId, candidates[10] as SampleCandidate);
    await lookup(t, batchId, { ...(candidates[10] as SampleCandidate), name: "某某" });
    await t.services.results.refresh();
    const after = (await admin.request("GET", `/api/admin/results/batches/${batchId}`)).json();
    expect(after.lookupCount - before.lookupCount).toBe(2);
    expect(after.matchCount - before.matchCount).toBe(1);
    const log = t.logLines.join("\n");
    for (const c of candidates.slice(0, 11)) {
      expect(log).not.toContain(c.examNumber);
      expect(log).not.toContain(c.idNumber);
    }
  });

  it("serves the new lines once a corrected file is imported, here and in another server process", async () => {
    const corrected = candidates.map((c) => c.cells);
    corrected[0] = [...first.cells];
    corrected[0][3] = String(Number(first.cells[3]) - 1);
    corrected[0][12] = String(Number(first.cells[12]) - 1);
    // A second server process on the same database, as behind a load balancer.
    const other = await buildApp({ config: t.config, database: t.database, logger: createLogger("silent", () => {}) });
    try {
      await other.services.results.refresh();
      const failed = await importFile(admin, batchId, csv([GAOKAO_HEADER, ...corrected, ["bad"]]));
      expect(failed.importState).toBe("failed");
      expect((await lookup(t, batchId, first)).json().total).toBe(Number(first.cells[12]));
      const done = await importFile(admin, batchId, csv([GAOKAO_HEADER, ...corrected]));
      expect(done.importState).toBe("succeeded");
      expect((await lookup(t, batchId, first)).json().total).toBe(Number(first.cells[12]) - 1);
      expect((await other.services.results.lookup(batchId, first)).total).toBe(Number(first.cells[12]));
      await other.services.results.refresh();
      expect((await other.services.results.lookup(batchId, first)).total).toBe(Number(first.cells[12]) - 1);
    } finally {
      await other.app.close();
    }
  });

  it("shows a signed-in candidate their own published results", async () => {
    const li = new TestClient(t);
    await li.signInApplicant(DEMO_APPLICANTS[1]?.phone ?? "");
    const mine = await li.request("GET", "/api/my/results");
    expect(mine.statusCode).toBe(200);
    const titles = mine.json().map((r: { batch: { title: string } }) => r.batch.title);
    expect(titles).toEqual(expect.arrayContaining(["2026年普通高考成绩", "2026年普通高校招生录取结果（本专科）"]));
    const admission = mine.json().find((r: { admission: unknown }) => r.admission);
    expect(admission.admission).toMatchObject({ university: expect.any(String), batch: expect.any(String) });
    const zhang = new TestClient(t);
    await zhang.signInApplicant(DEMO_APPLICANTS[0]?.phone ?? "");
    expect((await zhang.request("GET", "/api/my/results")).json()).toEqual([]);
  });
});

describe("rate limits", () => {
  const limitedApp = (redisUrl?: string) =>
    startTestApp({ trustProxy: 1, resultsLookupRateLimit: 5, resultsLookupsPerNumber: 3, redisUrl });
  const address = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

  const demoCandidate = async (app: TestApp) => {
    const published = (await app.app.inject({ method: "GET", url: "/api/results/batches" })).json();
    const batchId = published.find((b: { title: string }) => b.title === "2026年普通高考成绩").id as string;
    const [demo] = (await app.app.inject({ method: "GET", url: "/api/demo/accounts" })).json().candidates;
    return { batchId, demo: demo as { examNumber: string; idNumber: string; name: string } };
  };

  it("counts only wrong lookups of an exam number: strangers' guesses never keep the candidate from the result", async () => {
    const app = await limitedApp();
    try {
      const { batchId, demo } = await demoCandidate(app);
      // More wrong guesses than the per-number threshold (3), each from a new address.
      const guesses = [];
      for (let i = 0; i < 12; i++) {
        guesses.push(
          (await lookup(app, batchId, { ...demo, idNumber: first.idNumber, name: `某${i}` }, address())).statusCode,
        );
      }
      expect(guesses).toEqual(Array(12).fill(404));
      const found = await lookup(app, batchId, demo, address());
      expect(found.statusCode, found.body).toBe(200);
      expect(found.json().examNumber).toBe(demo.examNumber);
      // Right answers do not count: the candidate may look again, and again.
      for (let i = 0; i < 5; i++) expect((await lookup(app, batchId, demo, address())).statusCode).toBe(200);

      // A partner app's request carries no captcha: while the number is under guessing, it is refused there.
      const partner = await registerPartner(app, ["results.lookup"]);
      const url = `/api/open/v1/results/batches/${batchId}/lookup`;
      const viaPartner = await signedRequest(app, partner, "POST", url, demo);
      expect(viaPartner.statusCode).toBe(429);
      expect(viaPartner.json().code).toBe("RESULT_LOOKUP_ESCALATED");
    } finally {
      await app.close();
    }
  });

  it("limits lookups per client address", async () => {
    const app = await limitedApp();
    try {
      const batchId = (await app.app.inject({ method: "GET", url: "/api/results/batches" })).json()[0].id;
      const one = address();
      const fromOne = [];
      for (const c of candidates.slice(20, 26)) fromOne.push((await lookup(app, batchId, c, one)).statusCode);
      expect(fromOne.slice(4)).toEqual([404, 429]);
      expect((await lookup(app, batchId, candidates[30] as SampleCandidate, one)).json()).toEqual({
        code: "TOO_MANY_REQUESTS",
        message: "请求过于频繁，请稍后再试",
      });
    } finally {
      await app.close();
    }
  });

  it.runIf(process.env.REDIS_URL)(
    "counts an exam number across server processes through Redis",
    async () => {
      // Two server processes starting together take a while on 2 cores.
      const [one, two] = await Promise.all([limitedApp(process.env.REDIS_URL), limitedApp(process.env.REDIS_URL)]);
      try {
        // Wrong lookups are counted by batch id + exam number in Redis: what one process counted, the other reads.
        const { batchId, demo } = await demoCandidate(one);
        const partner = await registerPartner(two, ["results.lookup"]);
        const url = `/api/open/v1/results/batches/${batchId}/lookup`;
        for (let i = 0; i < 3; i++) {
          expect((await lookup(one, batchId, { ...demo, name: "某某" }, address())).statusCode).toBe(404);
        }
        expect((await signedRequest(two, partner, "POST", url, demo)).json().code).toBe("RESULT_LOOKUP_ESCALATED");
      } finally {
        await one.close();
        await two.close();
      }
    },
    90_000,
  );
});

describe("open API", () => {
  it("answers a signed lookup for a partner app holding the scope, with the same generic miss", async () => {
    const published = (await t.app.inject({ method: "GET", url: "/api/results/batches" })).json();
    const batchId = published.find((b: { title: string }) => b.title === "2026年普通高考成绩").id;
    const partner = await registerPartner(t, ["results.lookup"]);
    const url = `/api/open/v1/results/batches/${batchId}/lookup`;
    const [demo] = (await t.app.inject({ method: "GET", url: "/api/demo/accounts" })).json().candidates;
    const found = await signedRequest(t, partner, "POST", url, demo);
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().name).toBe(demo.name);
    const missed = await signedRequest(t, partner, "POST", url, { ...demo, name: "错误姓名" });
    expect(missed.json().code).toBe("RESULT_NO_MATCH");
    const catalog = await signedRequest(t, partner, "GET", "/api/open/v1/catalog/items");
    expect(catalog.json()).toEqual({ code: "SCOPE_DENIED", message: "该应用未获授权调用此接口" });
  });
});
