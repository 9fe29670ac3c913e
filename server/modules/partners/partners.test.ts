import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "../../platform/audit.js";
import { asSystem } from "../../platform/auth.js";
import { staffClient, startTestApp, type TestApp, type TestClient } from "../../test/harness.js";
import { type Partner, registerPartner, signedRequest } from "../../test/open-api.js";
import { signRequest, stringToSign } from "./partners.signing.js";
import { partnerApps } from "./partners.tables.js";

let t: TestApp;
let sysadmin: TestClient;
let partner: Partner;
const ITEMS = "/api/open/v1/catalog/items";

beforeAll(async () => {
  t = await startTestApp();
  sysadmin = await staffClient(t, "sysadmin");
  partner = await registerPartner(t, ["catalog.read", "results.lookup"]);
});
afterAll(() => t.close());

describe("signed requests", () => {
  it("answers a correctly signed request, and states the documented string to sign", async () => {
    const listed = await signedRequest(t, partner, "GET", `${ITEMS}?q=${encodeURIComponent("转学")}`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().total).toBeGreaterThan(0);
    const guide = await signedRequest(t, partner, "GET", `${ITEMS}/${listed.json().items[0].id}/guide`);
    expect(guide.json().content.name).toBe(listed.json().items[0].name);
    expect(
      stringToSign({ method: "post", path: "/api/open/v1/x?a=1", timestamp: "1700000000", nonce: "n", body: "" }),
    ).toBe(
      // SM3 of the empty string, as GB/T 32905 gives it.
      "POST\n/api/open/v1/x?a=1\n1700000000\nn\n1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b",
    );
  });

  it("signs the worked example of docs/OPEN-API.md as the document says", async () => {
    const doc = await readFile("docs/OPEN-API.md", "utf8");
    const body = JSON.stringify({ examNumber: "26230000000001", idNumber: "230103200801010000", name: "马思" });
    const parts = {
      method: "POST",
      path: "/api/open/v1/results/batches/01a21cb5-b52d-7287-97c9-0c77df60fb95/lookup",
      timestamp: "1782360000",
      nonce: "3f9c1e7a5b2d48e6a0c4f1b2d3e4f5a6",
      body,
    };
    expect(doc).toContain(body);
    expect(doc).toContain(`\`\`\`\n${stringToSign(parts)}\n\`\`\``);
    expect(doc).toContain(`its signature is \`${signRequest("demo-secret-0123456789abcdefghijklmnopqrstuv", parts)}\``);
  });

  it("refuses a wrong secret, a changed body or path, and a missing signature, all alike", async () => {
    const batches = "/api/open/v1/results/batches";
    const wrongSecret = await signedRequest(t, partner, "GET", ITEMS, undefined, { secret: "not-the-secret" });
    const batchId = (await signedRequest(t, partner, "GET", batches)).json()[0].id;
    const lookupUrl = `${batches}/${batchId}/lookup`;
    const body = { examNumber: "26230000000001", idNumber: "230103200801010000", name: "马思" };
    const changedBody = await signedRequest(t, partner, "POST", lookupUrl, body, {
      signedBody: JSON.stringify({ ...body, name: "别人" }),
    });
    const unsigned = await t.app.inject({ method: "GET", url: ITEMS });
    for (const refused of [wrongSecret, changedBody]) {
      expect(refused.statusCode).toBe(401);
      expect(refused.json()).toEqual({ code: "SIGNATURE_INVALID", message: "应用编号不存在或签名无效" });
    }
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().code).toBe("SIGNATURE_INVALID");
    const unknownApp = await signedRequest(t, { appId: "qssnobody00", secret: partner.secret }, "GET", ITEMS);
    expect(unknownApp.json().code).toBe("SIGNATURE_INVALID");
  });

  it("refuses a stale or future timestamp and a replayed nonce", async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now - 301, now + 301]) {
      const response = await signedRequest(t, partner, "GET", ITEMS, undefined, { timestamp });
      expect(response.json()).toEqual({
        code: "TIMESTAMP_STALE",
        message: "请求时间戳与服务器时间相差超过 5 分钟，请校准时间后重试",
      });
    }
    const nonce = randomBytes(16).toString("hex");
    expect((await signedRequest(t, partner, "GET", ITEMS, undefined, { nonce })).statusCode).toBe(200);
    const replayed = await signedRequest(t, partner, "GET", ITEMS, undefined, { nonce });
    expect(replayed.statusCode).toBe(401);
    expect(replayed.json().code).toBe("REQUEST_REPLAYED");
  });

  it("keeps each app to its scopes, its rate limit, and its current secret", async () => {
    const narrow = await registerPartner(t, ["catalog.read"], 3);
    const status = await signedRequest(t, narrow, "POST", "/api/open/v1/cases/status", {
      caseNumber: "X",
      idNumber: "230103200801010000",
    });
    expect(status.json().code).toBe("SCOPE_DENIED");
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await signedRequest(t, narrow, "GET", ITEMS)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);

    const rotated = await sysadmin.request("POST", `/api/admin/partners/${narrow.appId}/secret`);
    expect(rotated.statusCode).toBe(200);
    expect((await signedRequest(t, narrow, "GET", ITEMS)).json().code).toBe("SIGNATURE_INVALID");
    const disabled = await sysadmin.request("PUT", `/api/admin/partners/${narrow.appId}`, {
      name: "全省事",
      scopes: ["catalog.read"],
      rateLimit: 3,
      enabled: false,
    });
    expect(disabled.json().enabled).toBe(false);
    const refused = await signedRequest(t, { ...narrow, secret: rotated.json().secret }, "GET", ITEMS);
    expect(refused.json()).toEqual({ code: "PARTNER_DISABLED", message: "该应用已停用" });
  });

  it("lets only a system administrator manage partner apps, and never shows a secret again", async () => {
    const clerk = await staffClient(t, "harbin.admin");
    expect((await clerk.request("GET", "/api/admin/partners")).statusCode).toBe(403);
    const listed = await sysadmin.request("GET", "/api/admin/partners");
    expect(listed.json().length).toBeGreaterThan(0);
    expect(listed.body).not.toContain(partner.secret);
    const bad = await sysadmin.request("POST", "/api/admin/partners", {
      name: "",
      scopes: ["everything"],
      rateLimit: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe("VALIDATION_FAILED");
  });
});

describe.runIf(process.env.REDIS_URL)("across server processes", () => {
  it("refuses on one process a nonce already used on another", async () => {
    const redisUrl = process.env.REDIS_URL;
    const [one, two] = await Promise.all([startTestApp({ redisUrl }), startTestApp({ redisUrl })]);
    try {
      // Each test app has its own database: register the same app id and secret in both.
      const registered = await registerPartner(one, ["catalog.read"]);
      const row = (await one.services.partners.list(asSystem(systemActor)))[0];
      await two.database.db.insert(partnerApps).values({
        id: registered.appId,
        name: "全省事",
        secretEncrypted: two.services.cipher.encrypt(registered.secret),
        scopes: ["catalog.read"],
        rateLimit: 1000,
      });
      expect(row?.id).toBe(registered.appId);
      const nonce = randomBytes(16).toString("hex");
      expect((await signedRequest(one, registered, "GET", ITEMS, undefined, { nonce })).statusCode).toBe(200);
      const replayed = await signedRequest(two, registered, "GET", ITEMS, undefined, { nonce });
      expect(replayed.json().code).toBe("REQUEST_REPLAYED");
    } finally {
      await one.close();
      await two.close();
    }
  }, 90_000);
});
