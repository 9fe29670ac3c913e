import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../common/errors.js";
import { staffClient, startTestApp, type TestApp, TestClient } from "./test/harness.js";
import { badBodies, badParams, badQueries, expectCodedAnswer, apiRoutes as routesOf } from "./test/route-probes.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const apiRoutes = () => routesOf(t);

describe("routes", () => {
  it("every registered route declares who may call it", () => {
    expect(t.routes.length).toBeGreaterThan(15);
    const undeclared = t.routes.filter((route) => route.access === undefined);
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it("refuses a route that declares nothing", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/nope" });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: "NOT_FOUND", message: "请求的地址不存在" });
  });

  it("serves OpenAPI 3.1 with every API route", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(response.statusCode).toBe(200);
    const spec = response.json();
    expect(spec.openapi).toBe("3.1.0");
    for (const route of apiRoutes()) {
      const openApiPath = route.url.replace(/:(\w+)/g, "{$1}");
      expect(spec.paths[openApiPath]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
  });

  it("describes every operation as standard tools need: a unique operationId, its security, its error answer", async () => {
    const spec = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json();
    type Operation = { at: string; operationId?: string; security?: unknown; responses: object };
    const operations = Object.entries(spec.paths as Record<string, Record<string, Omit<Operation, "at">>>).flatMap(
      ([path, methods]) =>
        Object.entries(methods).map(([method, op]): Operation => ({ at: `${method} ${path}`, ...op })),
    );
    expect(operations.length).toBeGreaterThan(150);
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(operations.length);
    expect(ids.every((id) => typeof id === "string" && /^[a-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    const byId = Object.fromEntries(operations.map((op) => [op.operationId, op]));
    expect(byId.acceptCase?.at).toBe("post /api/cases/{id}/accept");
    expect(byId.getCase?.at).toBe("get /api/cases/{id}");
    expect(byId.createCase?.at).toBe("post /api/cases");
    // Public, session (with the CSRF header for a change) and partner routes say so.
    expect(byId.getCatalogItems?.security).toEqual([]);
    expect(byId.getCase?.security).toEqual([{ session: [] }]);
    expect(byId.acceptCase?.security).toEqual([{ session: [], csrf: [] }]);
    expect(byId.getOpenV1CatalogItems?.security).toEqual([{ partnerSignature: [] }]);
    for (const op of operations) {
      expect(
        Object.keys(op.responses as object).some((code) => code.startsWith("4")),
        op.at,
      ).toBe(true);
    }
    // Each route names the refusals its kind gives, by status, with their registered codes.
    const acceptAnswers = byId.acceptCase?.responses as Record<string, { description: string }>;
    expect(Object.keys(acceptAnswers)).toEqual(expect.arrayContaining(["400", "401", "403", "404", "429", "4XX"]));
    expect(acceptAnswers["403"]?.description).toContain("OUT_OF_SCOPE");
    expect(acceptAnswers["403"]?.description).toContain("CSRF_TOKEN_INVALID");
    const catalogAnswers = byId.getCatalogItems?.responses as Record<string, unknown>;
    expect(catalogAnswers["401"]).toBeUndefined();
    expect(spec.components.schemas.Error.properties.code.enum).toEqual(ERROR_CODES);
    expect(spec.servers).toEqual([expect.objectContaining({ url: t.config.publicUrl })]);
    // No component is left that nothing refers to.
    const text = JSON.stringify({ ...spec, components: { ...spec.components, schemas: {} } });
    const schemas = spec.components.schemas as Record<string, unknown>;
    const referenced = (name: string) =>
      text.includes(`"#/components/schemas/${name}"`) ||
      Object.values(schemas).some((schema) => JSON.stringify(schema).includes(`"#/components/schemas/${name}"`));
    expect(Object.keys(schemas).filter((name) => !referenced(name))).toEqual([]);
  });

  it("sends pages the full security headers, and API answers the short REST set", async () => {
    const page = await t.app.inject({ method: "GET", url: "/results" });
    const pageCsp = String(page.headers["content-security-policy"]);
    expect(pageCsp).toContain("default-src 'self'");
    expect(pageCsp).toContain("script-src 'self'");
    expect(pageCsp).toContain("frame-ancestors 'none'");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    const api = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(api.headers["content-security-policy"]).toBe("default-src 'none';frame-ancestors 'none'");
    expect(api.headers["x-content-type-options"]).toBe("nosniff");
    expect(api.headers["x-frame-options"]).toBe("DENY");
    expect(api.headers["strict-transport-security"]).toContain("max-age=");
  });

  it("reports health with database and migration level", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: "ok",
      database: { reachable: true, migrations: { applied: expect.any(Number), latest: expect.any(String) } },
    });
    expect(response.json().database.migrations.applied).toBe(response.json().database.migrations.known);
  });
});

/** The worst inputs a caller can send, for every route: none may cause a 500, each gets a coded Chinese answer. */
describe("bad input on every route", () => {
  // The inputs, and what an answer must be, are shared with the probes signed in with real ids (probes.test.ts).
  it("never answers 500", async () => {
    for (const route of apiRoutes()) {
      const client = await staffClient(t, "sysadmin");
      const urls = route.url.includes(":")
        ? badParams.map((p) => route.url.replace(/:\w+/g, p))
        : badQueries.map((q) => route.url + q);
      for (const url of urls) {
        const bodies = route.method === "GET" ? [undefined] : badBodies;
        for (const body of bodies) {
          const response = await client.request(route.method as "GET", url, body);
          expectCodedAnswer(response, `${route.method} ${url} ${JSON.stringify(body)?.slice(0, 60)}`);
        }
      }
    }
  });

  it("rejects a body over the size limit with a Chinese message", async () => {
    const client = new TestClient(t);
    const response = await client.request("POST", "/api/auth/staff/sign-in", {
      username: "a",
      password: "x".repeat(2_000_000),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("names the wrong field in Chinese", async () => {
    const client = new TestClient(t);
    const response = await client.request("POST", "/api/auth/sms-code", { phone: "12345" });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("手机号格式不正确"),
    });
    expect(response.json().details.fields[0].field).toBe("phone");
  });
});
