import { expect } from "vitest";
import { ERRORS, type ErrorCode } from "../../common/errors.js";
import type { TestApp } from "./harness.js";

/** The API routes a client calls (not the documentation's own pages). */
export const apiRoutes = (t: TestApp) =>
  t.routes.filter((route) => route.url.startsWith("/api/") && !route.url.startsWith("/api/docs"));

const CHINESE = /[\u4e00-\u9fff]/;

/** The worst inputs a caller can send, for every route: none may cause a 500. */
export const badParams = ["not-a-uuid", "..%2F..%2Fetc%2Fpasswd", "9".repeat(400), "2026-13-45", "%00"];
export const badBodies: unknown[] = [
  undefined,
  "not json at all",
  [],
  {},
  { id: 1, name: 12, version: "x", days: "many", kind: null, roles: "admin", phone: 123, page: -1 },
  { name: "a".repeat(5000), username: "<script>", password: "x".repeat(10_000), code: "１２３４５６" },
];
export const badQueries = [
  "?page=-1&pageSize=abc",
  "?page=99999999999&from=yesterday&days=1e400",
  "?q=%27%20or%201%3D1--",
];

/** Below 500, and a refusal carries a code and a Chinese message. */
export function expectCodedAnswer(response: { statusCode: number; body: string }, what: string) {
  expect(response.statusCode, what).toBeLessThan(500);
  if (response.statusCode >= 400) {
    const body = JSON.parse(response.body);
    // A registered code, answered with the status the registry gives it.
    expect(Object.keys(ERRORS), what).toContain(body.code);
    expect(response.statusCode, what).toBe(ERRORS[body.code as ErrorCode].status);
    expect(body.message, what).toMatch(CHINESE);
  }
}

/** The parameters of a route path, without the colon: `/api/cases/:id/materials/:key` → id, key. */
export const paramsOf = (url: string): string[] => (url.match(/:\w+/g) ?? []).map((p) => p.slice(1));

/** A parameter that names a stored object: `id`, `caseId`, `fileId`, `appId`… */
export const isIdParam = (name: string) => name === "id" || /[a-z]Id$/.test(name);

export const fillParams = (url: string, values: Record<string, string>) =>
  url.replace(/:(\w+)/g, (whole, name: string) => values[name] ?? whole);

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

type Operation = {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema: JsonSchema }> };
};
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const PATTERN_CANDIDATES = ["2026-06-01", "PROBE-1", "PROBE123", "probe_key", "A1B2C3D4E5F6G7H8", "a1b2c3d4"];

/**
 * The smallest body that passes a route's declared request schema (its OpenAPI document): each required field, the
 * first choice of every enum or union, lengths and bounds met. A probe with it reaches the service, so a refusal
 * there is the service's — ownership or scope — and not the validator's.
 */
export function exampleBody(spec: OpenApi, method: string, url: string): unknown {
  const operation = spec.paths[url.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()];
  const schema = operation?.requestBody?.content?.["application/json"]?.schema;
  return schema ? example(spec, schema) : undefined;
}

/** The route's required query parameters, each with a value its schema accepts: `?from=1&to=1`, or "". */
export function exampleQuery(spec: OpenApi, method: string, url: string): string {
  const operation = spec.paths[url.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()];
  const required = (operation?.parameters ?? []).filter((p) => p.in === "query" && p.required);
  const pairs = required.map((p) => `${p.name}=${encodeURIComponent(String(example(spec, p.schema, p.name)))}`);
  return pairs.length > 0 ? `?${pairs.join("&")}` : "";
}

/** Whether the route takes a JSON body (otherwise a POST or PUT takes an uploaded file). */
export const takesJson = (spec: OpenApi, method: string, url: string) =>
  spec.paths[url.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()]?.requestBody?.content?.["application/json"] !==
  undefined;

function example(spec: OpenApi, schema: JsonSchema, name = ""): unknown {
  if (schema.$ref) {
    const target = spec.components?.schemas?.[schema.$ref.split("/").pop() ?? ""];
    return target ? example(spec, target, name) : null;
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const first = union.find((s) => s.type !== "null") ?? union[0];
    return first ? example(spec, first, name) : null;
  }
  if (schema.allOf) {
    return Object.assign({}, ...schema.allOf.map((s) => example(spec, s, name) as object));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const body: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        const property = schema.properties?.[key];
        if (property) body[key] = example(spec, property, key);
      }
      return body;
    }
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => example(spec, schema.items ?? {}, name));
    case "integer":
    case "number":
      return Math.max(schema.minimum ?? 1, 1);
    case "boolean":
      return true;
    case "string": {
      if (schema.format === "uuid") return "01900000-0000-7000-8000-000000000000";
      if (schema.format === "date-time") return new Date().toISOString();
      if (schema.format === "date") return "2026-06-01";
      if (schema.format === "email") return "probe@example.com";
      if (schema.pattern) {
        const re = new RegExp(schema.pattern);
        const fit = PATTERN_CANDIDATES.find((c) => re.test(c));
        if (fit) return fit;
      }
      // A password must mix kinds of characters; any other text is plain words.
      if (/password/i.test(name)) return "Probe#2026x";
      const text = `探针${name}测试内容`;
      return text.padEnd(schema.minLength ?? 0, "测");
    }
    default:
      return schema.default ?? null;
  }
}
