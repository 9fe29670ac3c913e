import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isPartnerAccess } from "./platform/auth.js";
import { actOn, applyFor, harbinCatalog, idempotencyKey, pdfMaterial } from "./test/case-fixtures.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "./test/harness.js";
import { registerPartner } from "./test/open-api.js";
import {
  apiRoutes,
  badBodies,
  badQueries,
  exampleBody,
  exampleQuery,
  expectCodedAnswer,
  fillParams,
  isIdParam,
  paramsOf,
  takesJson,
} from "./test/route-probes.js";
import { staffWithRoles } from "./test/staff-fixtures.js";

/**
 * Cross-owner probes. 张明 (the first applicant) and 哈尔滨市教育局 own real objects of every kind, made by a short
 * journey; then every route with an id parameter — enumerated from the registered routes — is called with those ids by
 * 李华 (a second applicant) and by a 黑龙江大学 staff member holding every staff role but system administrator. Each
 * must refuse: 403 or 404 (401 on the open API, which takes no session), never 200 with data, never a 500, never a
 * validation error (the bodies pass each route's schema, so the refusal is the service's). Then the walk of bad input
 * runs signed in, as 张明 and as a Harbin staff member of every role, with the real ids.
 */

let t: TestApp;
let spec: Parameters<typeof exampleBody>[0];
let zhang: TestClient;
let li: TestClient;
/** 哈尔滨市教育局, every role but system administrator: in scope of every Harbin object. */
let insider: TestClient;
/** 黑龙江大学, every role but system administrator: no Harbin object is in its scope. */
let outsider: TestClient;
let sysadmin: TestClient;
const PDF = Buffer.from("%PDF-1.4\n%%EOF\n");
/** Each of 张明's cases as it stood before the probes. */
const revisions = new Map<string, number>();
const EVERY_STAFF_ROLE = [
  "window_clerk",
  "reviewer",
  "approver",
  "legal_reviewer",
  "inspector",
  "supervisor",
  "org_admin",
] as const;

/** The real objects of the journey, by what the probes need. */
const real = {
  harbinOrg: "",
  harbinUser: "",
  item: "",
  power: "",
  /** 张明's case, granted and issued: it has a licence and a commitment check. */
  granted: "",
  licence: "",
  licenceCode: "",
  commitmentCheck: "",
  /** 张明's draft, with one uploaded (private) material file. */
  draft: "",
  draftMaterialKey: "application",
  draftFile: "",
  /** 张明's instant case, rated 非常不满意 on the web: its rating, rectification and the org's appeal. */
  rated: "",
  rating: "",
  rectification: "",
  appeal: "",
  ratingLink: "",
  bundle: "",
  bundleCase: "",
  bundleMaterialKey: "",
  bundleFile: "",
  complaint: "",
  complaintCode: "",
  complaintFile: "",
  consultation: "",
  batch: "",
  partnerApp: "",
  /** A delivery to an outside system that is down (nothing listens on port 59999): failed at once, no retries. */
  failedJob: "",
};

beforeAll(async () => {
  t = await startTestApp({
    deliveryEndpoints: [
      {
        name: "down",
        url: "http://127.0.0.1:59999/",
        secret: "p".repeat(32),
        events: ["case.status-changed"],
        retryLimit: 0,
      },
    ],
  });
  spec = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json();
  sysadmin = await staffClient(t, "sysadmin");
  const harbinAdmin = await staffClient(t, "harbin.admin");
  const clerk = await staffClient(t, "harbin.clerk");
  const reviewer = await staffClient(t, "harbin.reviewer");
  const approver = await staffClient(t, "harbin.approver");
  ({ client: insider } = await staffWithRoles(t, {
    username: "harbin.probe",
    name: "哈探针",
    orgName: "哈尔滨市教育局",
    roles: [...EVERY_STAFF_ROLE],
  }));
  ({ client: outsider } = await staffWithRoles(t, {
    username: "hlju.probe",
    name: "黑探针",
    orgName: "黑龙江大学",
    roles: [...EVERY_STAFF_ROLE],
  }));
  zhang = new TestClient(t);
  await zhang.signInApplicant("13800000001");
  li = new TestClient(t);
  await li.signInApplicant("13800000002");

  const { harbinId, publishItem } = await harbinCatalog(t, harbinAdmin, "XK-991");
  real.harbinOrg = harbinId;
  const users = (await harbinAdmin.request("GET", "/api/users?q=harbin.clerk")).json();
  real.harbinUser = users.items[0].id;
  const committed = await publishItem("0991", {
    name: "探针告知承诺",
    resultName: "探针许可证",
    reformMode: "commitment",
    commitmentText: "本人承诺所填信息真实。",
  });
  const instant = await publishItem("0992", {
    name: "探针即办",
    instant: true,
    statutoryLimit: { days: 1, unit: "working" },
    promisedLimit: { days: 0, unit: "working" },
  });
  const upload = await publishItem("0993", {
    name: "探针上传材料",
    materials: [pdfMaterial("application", "申请书")],
  });
  real.item = instant;
  const powers = (await t.app.inject({ method: "GET", url: `/api/orgs/${harbinId}/powers` })).json();
  real.power = powers.find((p: { code: string }) => p.code === "XK-991")?.id ?? "";

  // A grant with its licence, and the commitment check it opens.
  let c = await applyFor(zhang, committed, { commitment: true });
  c = await actOn(clerk, c, "accept");
  c = await actOn(reviewer, c, "review", { opinion: "符合条件" });
  c = await actOn(approver, c, "decide", { decision: "granted", reason: "准予许可" });
  c = await actOn(reviewer, c, "issue", { resultNumber: "HRB-TZ-2026-0001" });
  real.granted = c.id;
  const [licence] = (await zhang.request("GET", `/api/cases/${c.id}`)).json().licences;
  real.licence = licence.id;
  real.licenceCode = licence.code;
  const checks = (await reviewer.request("GET", "/api/workbench/commitment-checks")).json();
  real.commitmentCheck = checks.find((k: { caseId: string }) => k.caseId === c.id).id;

  // A draft with a private file.
  const draft = await applyFor(zhang, upload, { submit: false });
  real.draft = draft.id;
  const uploaded = await zhang.upload(
    `/api/cases/${draft.id}/materials/application`,
    "申请书.pdf",
    "application/pdf",
    PDF,
  );
  expect(uploaded.statusCode, uploaded.body).toBeLessThan(300);
  const withFile = (await zhang.request("GET", `/api/cases/${draft.id}`)).json();
  real.draftFile = /"fileId":"([0-9a-f-]{36})"/.exec(JSON.stringify(withFile))?.[1] ?? "";

  // A bad rating on the web: its rectification, and the org's appeal with evidence.
  const done = await actOn(clerk, await applyFor(zhang, instant), "accept");
  real.rated = done.id;
  real.ratingLink = await vi.waitFor(() => {
    const sms = t.devSms?.inbox().find((m) => m.text.includes(done.number) && m.text.includes("/rate/"));
    const token = /\/rate\/([A-Za-z0-9_-]+)/.exec(sms?.text ?? "")?.[1];
    if (!token) throw new Error("no rating link yet");
    return token;
  });
  const rated = await zhang.request("POST", `/api/my/cases/${done.id}/ratings`, {
    stage: "acceptance",
    channel: "web",
    scores: { overall: 1, efficiency: 1, guide_accuracy: 1, convenience: 1, usability: 1 },
    comment: "探针差评",
  });
  expect(rated.statusCode, rated.body).toBe(200);
  const [task] = (await harbinAdmin.request("GET", "/api/rectifications?status=open")).json();
  real.rectification = task.id;
  real.rating = (await harbinAdmin.request("GET", `/api/rectifications/${task.id}`)).json().rating.id;
  const appeal = await harbinAdmin.request("POST", `/api/ratings/${real.rating}/appeal`, {
    reason: "mistaken",
    statement: "探针申诉",
  });
  expect(appeal.statusCode, appeal.body).toBe(201);
  real.appeal = appeal.json().id;
  const evidence = await harbinAdmin.upload(
    `/api/rating-appeals/${real.appeal}/evidence`,
    "证据.pdf",
    "application/pdf",
    PDF,
  );
  expect(evidence.statusCode, evidence.body).toBe(200);

  // A bundle case of 教师入职一件事 (哈尔滨市教育局), with an uploaded material.
  const bundles = (await zhang.request("GET", "/api/bundles")).json() as { id: string; name: string }[];
  real.bundle = bundles.find((b) => b.name === "教师入职一件事")?.id ?? "";
  const guide = (await zhang.request("GET", `/api/bundles/${real.bundle}`)).json();
  real.bundleMaterialKey = guide.materials[0].key;
  const applied = await zhang.request("POST", `/api/bundles/${real.bundle}/apply`, {
    idempotencyKey: idempotencyKey(),
    form: {},
  });
  expect(applied.statusCode, applied.body).toBe(201);
  real.bundleCase = applied.json().id;
  const bundleUpload = await zhang.upload(
    `/api/my/bundle-cases/${real.bundleCase}/materials/${real.bundleMaterialKey}`,
    "材料.pdf",
    "application/pdf",
    PDF,
  );
  expect(bundleUpload.statusCode, bundleUpload.body).toBe(201);
  real.bundleFile = bundleUpload.json().materials.flatMap((m: { files: { fileId: string }[] }) => m.files)[0].fileId;

  // 张明's own (named) complaint against the org, with an attachment; and his question on the item.
  const complaint = await zhang.request("POST", "/api/complaints", {
    kind: "complaint",
    target: { type: "org", orgId: harbinId },
    title: "探针投诉",
    content: "探针投诉内容：窗口未一次性告知。",
    anonymous: false,
    captchaToken: t.services.captchas.tokenFor("AB12"),
    captchaAnswer: "ab12",
  });
  expect(complaint.statusCode, complaint.body).toBe(201);
  real.complaintCode = complaint.json().trackingCode;
  const attached = await new TestClient(t).upload(
    `/api/complaint-tracking/${real.complaintCode}/attachments`,
    "附件.pdf",
    "application/pdf",
    PDF,
  );
  expect(attached.statusCode, attached.body).toBe(200);
  const list = (await harbinAdmin.request("GET", "/api/complaints")).json() as { id: string; number: string }[];
  real.complaint = list.find((k) => k.number === complaint.json().number)?.id ?? "";
  real.complaintFile = (
    await harbinAdmin.request("GET", `/api/complaints/${real.complaint}`)
  ).json().attachments[0].fileId;
  const asked = await zhang.request("POST", "/api/consultations", {
    itemId: instant,
    question: "探针咨询：需要几份材料？",
  });
  expect(asked.statusCode, asked.body).toBe(201);
  real.consultation = asked.json().id;

  real.batch = (await new TestClient(t).request("GET", "/api/results/batches")).json()[0]?.id ?? "";
  real.partnerApp = (await registerPartner(t, ["cases.status"])).appId;
  real.failedJob = (await sysadmin.request("GET", "/api/admin/jobs/failed")).json()[0]?.id ?? "";
  for (const [name, value] of Object.entries(real)) expect(value, name).toMatch(/\S/);
  for (const id of [real.granted, real.draft, real.rated]) {
    revisions.set(id, (await zhang.request("GET", `/api/cases/${id}`)).json().revision);
  }
}, 120_000);
afterAll(() => t.close());

/**
 * The real value of each parameter of a route, by what the route is about. A route with an id parameter that no rule
 * names fails the probe test: give it a real object here.
 */
function realParams(url: string): Record<string, string> | null {
  const rules: [RegExp, Record<string, string>][] = [
    [
      /^\/api\/cases\/:id\/(draft|submit|materials)/,
      { id: real.draft, key: real.draftMaterialKey, fileId: real.draftFile },
    ],
    [/^\/api\/cases\/:id\/licences\//, { id: real.granted, fileId: real.licence }],
    [/^\/api\/cases\/:id\/notices\//, { id: real.granted, kind: "acceptance" }],
    [/^\/api\/cases\/:id/, { id: real.granted }],
    [/^\/api\/(my|workbench)\/cases\/:caseId\/ratings/, { caseId: real.rated }],
    [/^\/api\/commitment-checks\/:id/, { id: real.commitmentCheck }],
    [/^\/api\/(my|workbench)\/licences\/:id/, { id: real.licence }],
    [/^\/api\/rectifications\/:id/, { id: real.rectification }],
    [/^\/api\/ratings\/:id/, { id: real.rating }],
    [/^\/api\/rating-appeals\/:id/, { id: real.appeal }],
    [
      /^\/api\/my\/bundle-cases\/:id/,
      { id: real.bundleCase, materialKey: real.bundleMaterialKey, fileId: real.bundleFile },
    ],
    [/^\/api\/(admin\/)?bundles\/:id/, { id: real.bundle }],
    [/^\/api\/complaints\/:id/, { id: real.complaint, fileId: real.complaintFile }],
    [/^\/api\/consultations\/:id/, { id: real.consultation }],
    [/^\/api\/users\/:id/, { id: real.harbinUser }],
    [/^\/api\/orgs\/:id/, { id: real.harbinOrg }],
    [
      /^\/api\/(admin\/catalog\/items|catalog\/items|open\/v1\/catalog\/items|admin\/items|public\/items)\/:id/,
      { id: real.item },
    ],
    [/^\/api\/admin\/catalog\/powers\/:id/, { id: real.power }],
    [/^\/api\/(admin\/results|results|open\/v1\/results)\/batches\/:id/, { id: real.batch }],
    [/^\/api\/admin\/partners\/:appId/, { appId: real.partnerApp }],
    [/^\/api\/admin\/jobs\/failed\/:id/, { id: real.failedJob }],
    // A private file (张明's material): the public file route must not serve it.
    [/^\/api\/files\/:id/, { id: real.draftFile }],
    // Parameters that are no object's id, for the walk of bad input.
    [/^\/api\/rating-links\/:token/, { token: real.ratingLink }],
    [/^\/api\/complaint-tracking\/:code/, { code: real.complaintCode }],
    [/^\/api\/licence-verification\/:code/, { code: real.licenceCode }],
    [/^\/api\/calendar\/:year/, { year: "2026" }],
    [/^\/api\/calendar\/days\/:date/, { date: "2026-10-08" }],
  ];
  const rule = rules.find(([re]) => re.test(url));
  if (!rule) return null;
  const values = rule[1];
  return paramsOf(url).every((p) => values[p]) ? values : null;
}

/**
 * Routes that are public for any id, by design: the published guide of an item or a bundle, an org's public figures
 * and power list, an item's FAQ, the score lookup (which answers only the candidate's own details), and applying for
 * a published bundle (the second applicant makes a bundle case of their own).
 */
const PUBLIC_FOR_ANY_ID: Record<string, "anyone" | "applicants"> = {
  "GET /api/catalog/items/:id/guide": "anyone",
  "GET /api/catalog/items/:id/guide.pdf": "anyone",
  "GET /api/public/items/:id/faq": "anyone",
  "GET /api/orgs/:id/figures": "anyone",
  "GET /api/orgs/:id/powers": "anyone",
  "GET /api/bundles/:id": "anyone",
  "POST /api/results/batches/:id/lookup": "anyone",
  "POST /api/bundles/:id/apply": "applicants",
};

/** The routes whose path names an object. */
const idRoutes = () => apiRoutes(t).filter((route) => paramsOf(route.url).some(isIdParam));

async function call(client: TestClient, method: string, url: string, template: string) {
  if (method === "GET" || method === "DELETE") return client.request(method, url);
  if (takesJson(spec, method, template))
    return client.request(method as "POST", url, exampleBody(spec, method, template));
  return client.upload(url, "探针.pdf", "application/pdf", PDF);
}

describe("cross-owner probes", () => {
  it("have a real object for every route with an id parameter, and its owner reads it", async () => {
    const routes = idRoutes();
    expect(routes.length).toBeGreaterThan(60);
    expect(routes.filter((r) => realParams(r.url) === null).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    // The ids are live: for every GET, one of the owners (张明, Harbin staff, the system administrator) reads it.
    const unread: string[] = [];
    for (const route of routes.filter((r) => r.method === "GET")) {
      // Nobody reads a private file through the public file route; the open API takes signed requests only.
      if (route.url === "/api/files/:id" || route.url.startsWith("/api/open/")) continue;
      const url = fillParams(route.url, realParams(route.url) ?? {}) + exampleQuery(spec, route.method, route.url);
      let read = false;
      for (const owner of [zhang, insider, sysadmin]) {
        if ((await owner.request("GET", url)).statusCode === 200) {
          read = true;
          break;
        }
      }
      if (!read) unread.push(url);
    }
    expect(unread).toEqual([]);
  }, 120_000);

  for (const who of ["a second applicant", "staff of an unrelated org"] as const) {
    it(`refuse ${who} every object of another owner`, async () => {
      const client = who === "a second applicant" ? li : outsider;
      const answered: string[] = [];
      let probed = 0;
      for (const route of idRoutes()) {
        const key = `${route.method} ${route.url}`;
        const url = fillParams(route.url, realParams(route.url) ?? {}) + exampleQuery(spec, route.method, route.url);
        const response = await call(client, route.method, url, route.url);
        probed++;
        expectCodedAnswer(response, `${key} as ${who}`);
        const open = PUBLIC_FOR_ANY_ID[key];
        if (open === "anyone" || (open === "applicants" && who === "a second applicant")) continue;
        const refusals = route.access && isPartnerAccess(route.access) ? [401] : [403, 404];
        if (!refusals.includes(response.statusCode))
          answered.push(`${key} → ${response.statusCode} ${response.body.slice(0, 120)}`);
      }
      expect(answered).toEqual([]);
      expect(probed).toBe(idRoutes().length);
      process.stdout.write(`probes: ${probed} routes with an id, called by ${who}, all refused or public by design\n`);
      // Nothing they sent changed the owner's objects.
      for (const id of [real.granted, real.draft, real.rated]) {
        expect((await zhang.request("GET", `/api/cases/${id}`)).json().revision).toBe(revisions.get(id));
      }
      expect((await zhang.request("GET", `/api/my/licences/${real.licence}/file`)).statusCode).toBe(200);
    }, 120_000);
  }
});

describe("bad input on every route, signed in, with real ids", () => {
  for (const who of ["an applicant", "staff"] as const) {
    it(`never answers 500 to ${who}`, async () => {
      const client = who === "an applicant" ? zhang : insider;
      // Signing out (or in again) ends the session the walk runs in: those routes go last.
      const last = (url: string) => url.startsWith("/api/auth/");
      const routes = [...apiRoutes(t)].sort((a, b) => Number(last(a.url)) - Number(last(b.url)));
      let requests = 0;
      for (const route of routes) {
        const params = paramsOf(route.url);
        const values = params.length > 0 ? realParams(route.url) : {};
        expect(values, `${route.method} ${route.url}: no real value for its parameters`).not.toBeNull();
        const url = fillParams(route.url, values ?? {});
        const urls = params.length > 0 ? [url] : badQueries.map((q) => url + q);
        for (const u of urls) {
          const bodies = route.method === "GET" ? [undefined] : badBodies;
          for (const body of bodies) {
            const response = await client.request(route.method as "GET", u, body);
            requests++;
            expectCodedAnswer(response, `${route.method} ${u} ${JSON.stringify(body)?.slice(0, 60)} as ${who}`);
          }
        }
        if (!last(route.url)) {
          const session = (await client.request("GET", "/api/auth/session")).json();
          expect(session.user, `session lost after ${route.method} ${route.url}`).not.toBeNull();
        }
      }
      expect(requests).toBeGreaterThan(500);
      process.stdout.write(`bad input: ${routes.length} routes, ${requests} requests as ${who}, none answered 500\n`);
    }, 240_000);
  }
});
