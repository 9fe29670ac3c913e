import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultRows } from "./platform/db.js";
import { idNumberCheckChar } from "./platform/identity.js";
import { actOn, harbinCatalog, idempotencyKey } from "./test/case-fixtures.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "./test/harness.js";

/**
 * Personal data typed into forms never rests in clear text: a journey through applications, drafts, supplements and
 * bundles, then every table dumped (pg_dump on PostgreSQL, every row as text on PGlite) and searched for each number.
 */

const idNumber = (first17: string) => first17 + idNumberCheckChar(first17);
const typed = {
  draftId: idNumber("23010219850101001"),
  submittedId: idNumber("23010219850101002"),
  resubmittedId: idNumber("23010219850101003"),
  bundleId: idNumber("23010220100101004"),
  phone: "13912340001",
  phoneInText: "13912340002",
  bundlePhone: "13912340003",
  complaintTitle: "13912340004",
  complaintContent: idNumber("23010219850101005"),
  complaintTarget: "13912340006",
  question: "13912340007",
  ratingComment: "13912340008",
};
// The demo accounts' own numbers are personal data too (kept encrypted in `users`).
const demoNumbers = ["13800000001", "13800000002", "230102199003071237", "230103200509154621"];
const numbersIn = (text: string) => [...Object.values(typed), ...demoNumbers].filter((n) => text.includes(n));

let t: TestApp;
let zhang: TestClient;
let clerk: TestClient;
let sysadmin: TestClient;
let itemId: string;

beforeAll(async () => {
  // On disk, so that the data folder's own files can be searched too.
  t = await startTestApp({}, { onDisk: true });
  const admin = await staffClient(t, "harbin.admin");
  clerk = await staffClient(t, "harbin.clerk");
  sysadmin = await staffClient(t, "sysadmin");
  zhang = new TestClient(t);
  expect((await zhang.signInApplicant("13800000001")).statusCode).toBe(200);
  const catalog = await harbinCatalog(t, admin, "PRIV-001");
  itemId = await catalog.publishItem("0917", {
    name: "新聘教师人事档案接收（测试）",
    form: [
      { key: "name", label: "姓名", type: "text", required: true, options: [], maxLength: 30, help: "" },
      {
        key: "id_number",
        label: "公民身份号码",
        type: "id_number",
        required: true,
        options: [],
        maxLength: null,
        help: "",
      },
      { key: "mobile", label: "手机号码", type: "phone", required: true, options: [], maxLength: null, help: "" },
      { key: "note", label: "备注", type: "text", required: false, options: [], maxLength: 200, help: "" },
    ],
  });
}, 120_000);
afterAll(() => t.close());

const form = (id: string) => ({
  name: "赵一",
  id_number: id,
  mobile: typed.phone,
  note: `联系人 ${typed.phoneInText}`,
});

describe("personal data in application forms", () => {
  let caseId = "";

  it("is masked for staff, whole for who may see it, and whole for the applicant only while they edit it", async () => {
    const draft = await zhang.request("POST", "/api/cases", {
      itemId,
      idempotencyKey: idempotencyKey(),
      form: form(typed.draftId),
      submit: false,
    });
    expect(draft.statusCode, draft.body).toBe(201);
    caseId = draft.json().id;
    // A draft is the applicant's to correct: they see what they typed.
    expect(draft.json().form.id_number).toBe(typed.draftId);
    const saved = await zhang.request("PUT", `/api/cases/${caseId}/draft`, {
      form: form(typed.submittedId),
      situationKeys: [],
      revision: draft.json().revision,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await actOn(zhang, saved.json(), "submit");
    // Once submitted, nobody without the permission sees it whole, the applicant included.
    expect(submitted.form.id_number).toMatch(/^2301\*{10}\d{3}[\dX]$/);

    const seenByClerk = (await clerk.request("GET", `/api/cases/${caseId}`)).json();
    expect(seenByClerk.form.id_number).toMatch(/^2301\*{10}\d{3}[\dX]$/);
    expect(seenByClerk.form.mobile).toBe("139****0001");
    expect(seenByClerk.form.note).toBe("联系人 139****0002");
    expect(JSON.stringify(seenByClerk)).not.toContain(typed.submittedId);

    const seenByAdmin = (await sysadmin.request("GET", `/api/cases/${caseId}`)).json();
    expect(seenByAdmin.form).toEqual(form(typed.submittedId));

    // Still found by the number, through its blind index: typed into the form, or the applicant's own.
    const search = async (number: string) =>
      (await clerk.request("GET", `/api/workbench/cases?queue=precheck&number=${number}`))
        .json()
        .items.map((c: { id: string }) => c.id);
    expect(await search(typed.submittedId)).toEqual([caseId]);
    expect(await search(typed.phone)).toEqual([caseId]);
    expect(await search(demoNumbers[2] as string)).toContain(caseId);
    expect(await search(typed.draftId)).toEqual([]);
  });

  it("stays usable: a supplement shows the applicant their answers whole and takes corrected ones", async () => {
    let current = (await clerk.request("GET", `/api/cases/${caseId}`)).json();
    current = await actOn(clerk, current, "supplement", { items: ["身份证号码有误"] });
    const own = (await zhang.request("GET", `/api/cases/${caseId}`)).json();
    expect(own.status).toBe("supplement");
    expect(own.form.id_number).toBe(typed.submittedId);
    const resubmitted = await actOn(zhang, own, "resubmit", { form: form(typed.resubmittedId) });
    expect(resubmitted.form.id_number).not.toBe(typed.resubmittedId);
    const seenByAdmin = (await sysadmin.request("GET", `/api/cases/${caseId}`)).json();
    expect(seenByAdmin.form.id_number).toBe(typed.resubmittedId);
  });

  it("is sealed in a bundle's form and in each of its parts", async () => {
    const bundles = (await zhang.request("GET", "/api/bundles")).json() as { id: string }[];
    let applied = false;
    for (const { id } of bundles) {
      const guide = (await zhang.request("GET", `/api/bundles/${id}`)).json();
      const fields = guide.fields as { key: string; type: string }[];
      const idField = fields.find((f) => f.type === "id_number");
      const phoneField = fields.find((f) => f.type === "phone");
      if (!idField || !phoneField) continue;
      const response = await zhang.request("POST", `/api/bundles/${id}/apply`, {
        idempotencyKey: idempotencyKey(),
        form: { [idField.key]: typed.bundleId, [phoneField.key]: typed.bundlePhone },
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().form[idField.key]).toBe(typed.bundleId);
      applied = true;
      break;
    }
    expect(applied, "a demo bundle asks for an ID number and a phone").toBe(true);
  });

  it("is sealed in what the public types elsewhere: complaints, questions and rating comments", async () => {
    const [org] = (await t.app.inject({ method: "GET", url: "/api/orgs" })).json() as { id: string }[];
    const complaint = await zhang.request("POST", "/api/complaints", {
      kind: "report",
      target: { type: "person", orgId: org?.id, name: `王某${typed.complaintTarget}` },
      title: `请回电 ${typed.complaintTitle}`,
      content: `被举报人身份证号 ${typed.complaintContent}，多次违规收费。`,
      anonymous: false,
      captchaToken: t.services.captchas.tokenFor("AB12"),
      captchaAnswer: "ab12",
    });
    expect(complaint.statusCode, complaint.body).toBe(201);
    const asked = await zhang.request("POST", "/api/consultations", {
      itemId,
      question: `我的手机 ${typed.question}，外省户籍可以申请吗？`,
    });
    expect(asked.statusCode, asked.body).toBe(201);

    const staffList = (await sysadmin.request("GET", "/api/complaints")).json() as { id: string; number: string }[];
    const view = (await sysadmin.request("GET", `/api/complaints/${staffList[0]?.id}`)).json();
    expect(view.number).toBe(complaint.json().number);
    expect(view.title).toBe("请回电 139****0004");
    expect(view.targetName).toBe("王某139****0006");
    expect(view.content).toContain("2301**********005");
    const questions = (await clerk.request("GET", "/api/consultations?status=open")).json() as { question: string }[];
    expect(questions.map((q) => q.question)).toContain("我的手机 139****0007，外省户籍可以申请吗？");

    // A rating's comment is kept without the number: no reader may see it (it would name the rater).
    const current = (await clerk.request("GET", `/api/cases/${caseId}`)).json();
    await actOn(clerk, current, "accept");
    const rated = await zhang.request("POST", `/api/my/cases/${caseId}/ratings`, {
      stage: "acceptance",
      channel: "web",
      scores: { overall: 2, efficiency: 2, guide_accuracy: 3, convenience: 2, usability: 3 },
      comment: `请打 ${typed.ratingComment} 联系我`,
    });
    expect(rated.statusCode, rated.body).toBe(200);
  });

  it("leaves no number typed into a form, nor any account's number, in clear text in any table", async () => {
    const dump = await dumpEveryTable(t);
    expect(dump.length).toBeGreaterThan(10_000);
    // The dump holds the sealed forms: ciphertext, not the numbers.
    expect(dump).toContain('"sm4"');
    expect(numbersIn(dump)).toEqual([]);
    expect(numbersIn(t.logLines.join("\n"))).toEqual([]);
  });

  it.skipIf(process.env.DATABASE_URL)("leaves none in the data folder's files either: tables, WAL, blobs", async () => {
    await t.database.db.execute(sql`checkpoint`);
    const files = readdirSync(t.config.dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.some((f) => f.parentPath.includes("pg_wal"))).toBe(true);
    const bytes = files.map((f) => readFileSync(path.join(f.parentPath, f.name)).toString("latin1")).join("\n");
    expect(bytes.length).toBeGreaterThan(1_000_000);
    expect(bytes).toContain("sm4");
    expect(numbersIn(bytes)).toEqual([]);
  });

  it("seals, once at start, forms stored in clear before sealing existed", async () => {
    // A row as an earlier version wrote it: the answers in clear.
    await t.database.db.execute(
      sql`update cases set form = ${JSON.stringify(form(typed.resubmittedId))}::jsonb where id = ${caseId}`,
    );
    await t.database.db.execute(sql`delete from data_migrations where name = 'cases.seal-forms'`);
    await t.services.migrateData();
    const [stored] = resultRows<{ form: Record<string, unknown> }>(
      await t.database.db.execute(sql`select form from cases where id = ${caseId}`),
    );
    expect(JSON.stringify(stored?.form)).not.toContain(typed.resubmittedId);
    expect(JSON.stringify(stored?.form)).not.toContain(typed.phoneInText);
    expect(stored?.form.name).toBe("赵一");
    const seenByAdmin = (await sysadmin.request("GET", `/api/cases/${caseId}`)).json();
    expect(seenByAdmin.form).toEqual(form(typed.resubmittedId));
  });

  it("seals, once at start, complaints, questions and comments stored in clear", async () => {
    const clear = { title: `旧投诉 ${typed.complaintTitle}`, question: `旧咨询 ${typed.question}` };
    await t.database.db.execute(sql`update complaints set title = ${clear.title},
      target_key = 'person:' || org_id || ':' || ${typed.complaintTarget}`);
    await t.database.db.execute(sql`update consultations set question = ${clear.question}`);
    await t.database.db.execute(sql`update ratings set comment = ${typed.ratingComment}`);
    await t.database.db.execute(sql`delete from data_migrations
      where name in ('complaints.seal-texts', 'consultations.seal-questions', 'ratings.remove-numbers')`);
    await t.services.migrateData();
    const stored = resultRows<{ row: string }>(
      await t.database.db.execute(sql`select t::text as row from complaints t
        union all select t::text from consultations t union all select t::text from ratings t`),
    );
    expect(stored.length).toBeGreaterThan(2);
    expect(stored.filter((r) => r.row.includes("139123400"))).toEqual([]);
    const [complaint] = (await sysadmin.request("GET", "/api/complaints")).json() as { title: string }[];
    expect(complaint?.title).toBe("旧投诉 139****0004");
  });
});

/** Every row of every table as text: pg_dump on a PostgreSQL server, the same rows by query on PGlite. */
async function dumpEveryTable(app: TestApp): Promise<string> {
  const { url } = app.database as unknown as { url: string | null };
  if (url) {
    const { stdout } = await promisify(execFile)("pg_dump", ["--data-only", url], { maxBuffer: 512 * 1024 * 1024 });
    return stdout;
  }
  const tables = resultRows<{ name: string }>(
    await app.database.db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'`),
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = resultRows<{ row: string }>(
      await app.database.db.execute(sql.raw(`select t::text as row from "${name}" t`)),
    );
    parts.push(`-- ${name}`, ...rows.map((r) => r.row));
  }
  return parts.join("\n");
}
