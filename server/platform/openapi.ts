import { ERRORS, type ErrorCode } from "../../common/errors.js";
import type { Access, RegisteredRoute } from "./auth.js";
import { isPartnerAccess } from "./auth.js";
import { CSRF_HEADER } from "./csrf.js";

/**
 * Finishes the OpenAPI document the routes describe, so that standard tools (Redocly's recommended rules, client
 * generators) accept it: every operation gets an operationId that reads well in a generated client, the security its
 * route declares (none, the session cookie — with the CSRF header when it changes something — or the partner
 * signature) and the error answer every route may give; the servers are named; components nothing refers to go.
 */

type Json = Record<string, unknown>;
type Operation = Json & { operationId?: string; security?: unknown; responses?: Json };
export type Document = Json & {
  info: Json;
  paths?: Record<string, Record<string, Operation>>;
  components?: Json & { schemas?: Record<string, unknown>; securitySchemes?: Json };
};

const METHODS = ["get", "put", "post", "delete", "patch"] as const;

export type DocumentOptions = {
  routes: readonly RegisteredRoute[];
  publicUrl: string;
  sessionCookie: string;
  /** The partner signature's headers; the app id names the scheme. */
  partnerAppIdHeader: string;
};

export function finishOpenApiDocument(doc: Document, options: DocumentOptions): Document {
  const accessOf = new Map(options.routes.map((r) => [`${r.method.toLowerCase()} ${openApiPath(r.url)}`, r.access]));
  const taken = new Set<string>();
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      operation.operationId = unique(operationIdOf(method, path), taken);
      operation.security = securityOf(method, accessOf.get(`${method} ${path}`));
      operation.responses = withErrorAnswers(operation, method, path, accessOf.get(`${method} ${path}`));
    }
  }
  doc.servers = [{ url: options.publicUrl, description: "本平台" }];
  doc.info = { ...doc.info, license: { name: "仅限本平台及其合作应用使用", url: `${options.publicUrl}/api/docs` } };
  doc.components = {
    ...doc.components,
    securitySchemes: {
      session: { type: "apiKey", in: "cookie", name: options.sessionCookie, description: "登录后的会话" },
      csrf: {
        type: "apiKey",
        in: "header",
        name: CSRF_HEADER,
        description: "与 banshi_csrf Cookie 相同的值（防跨站请求）",
      },
      partnerSignature: {
        type: "apiKey",
        in: "header",
        name: options.partnerAppIdHeader,
        description: "合作应用签名请求：应用编号、时间戳、随机数与 HMAC-SM3 签名（见开放接口说明）",
      },
    },
  };
  dropUnusedSchemas(doc);
  return doc;
}

/** `/api/cases/:id/accept` as OpenAPI writes it: `/api/cases/{id}/accept`. */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, "{$1}");

/** `sms-code` → SmsCode, `guide.pdf` → GuidePdf. */
const pascal = (word: string) => word.replace(/(^|[-.])(\w)/g, (_, __, c: string) => c.toUpperCase());
function singular(word: string): string {
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (/(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (/(ss|us)$/.test(word) || !word.endsWith("s")) return word;
  return word.slice(0, -1);
}

/**
 * A name for the operation from its method and path: `GET /api/cases/{id}` → getCase, `POST /api/cases/{id}/accept`
 * → acceptCase, `POST /api/cases` → createCase, `POST /api/auth/sign-out` → authSignOut.
 */
export function operationIdOf(method: (typeof METHODS)[number], path: string): string {
  const parts = path.split("/").filter((p) => p && p !== "api");
  const words = parts.flatMap((part, i) => {
    if (part.startsWith("{")) return [];
    // A resource named by the id that follows it is one of them.
    return [parts[i + 1]?.startsWith("{") ? singular(part) : part];
  });
  const last = parts[parts.length - 1] ?? "";
  const actsOnOne = parts.some((p) => p.startsWith("{")) && !last.startsWith("{");
  if (method === "get") return `get${words.map(pascal).join("")}`;
  if (method === "put" || method === "patch") return `update${words.map(pascal).join("")}`;
  if (method === "delete") return `delete${words.map(pascal).join("")}`;
  const action = words[words.length - 1] ?? "";
  // Adding to a collection: POST /cases, POST /cases/{id}/ratings, POST /cases/{id}/materials/{key}.
  if (last.startsWith("{") || singular(action) !== action) {
    return `create${[...words.slice(0, -1), singular(action)].map(pascal).join("")}`;
  }
  if (actsOnOne) return `${lowerFirst(pascal(action))}${words.slice(0, -1).map(pascal).join("")}`;
  return lowerFirst(words.map(pascal).join(""));
}

const lowerFirst = (word: string) => word.charAt(0).toLowerCase() + word.slice(1);

function unique(id: string, taken: Set<string>): string {
  let name = id;
  for (let n = 2; taken.has(name); n++) name = `${id}${n}`;
  taken.add(name);
  return name;
}

/** What the route demands, as OpenAPI says it: nothing, the session (and the CSRF header for a change), a signature. */
function securityOf(method: string, access: Access | undefined): Json[] {
  if (access === undefined || access === "public") return [];
  if (isPartnerAccess(access)) return [{ partnerSignature: [] }];
  return method === "get" ? [{ session: [] }] : [{ session: [], csrf: [] }];
}

/** The refusals any route of this kind can give, whatever its business: its input, its caller, its path's object. */
function errorCodesOf(operation: Operation, method: string, path: string, access: Access | undefined): ErrorCode[] {
  const codes: ErrorCode[] = [];
  if (operation.parameters || operation.requestBody) codes.push("VALIDATION_FAILED");
  if (access !== undefined && access !== "public") codes.push(...callerRefusals(access, method));
  if (path.includes("{")) codes.push("NOT_FOUND");
  codes.push("TOO_MANY_REQUESTS");
  return codes;
}

function callerRefusals(access: Exclude<Access, "public">, method: string): ErrorCode[] {
  if (isPartnerAccess(access)) return ["SIGNATURE_INVALID", "TIMESTAMP_STALE", "REQUEST_REPLAYED", "SCOPE_DENIED"];
  const codes: ErrorCode[] = ["UNAUTHENTICATED", "SESSION_EXPIRED", "FORBIDDEN"];
  if (method !== "get") codes.push("CSRF_TOKEN_INVALID");
  if (access !== "signed-in" && access !== "applicant") codes.push("OUT_OF_SCOPE");
  return codes;
}

/**
 * The route's error answers, one per status with the codes it is known to give, and 4XX for the business refusals
 * (conflicts, rules) whose codes the Error schema lists.
 */
function withErrorAnswers(operation: Operation, method: string, path: string, access: Access | undefined): Json {
  const responses: Json = { ...operation.responses };
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodesOf(operation, method, path, access)) {
    const status = ERRORS[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const answer = (description: string) => ({
    description,
    content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
  });
  for (const [status, codes] of byStatus) {
    responses[String(status)] ??= answer(codes.map((code) => `${code}：${ERRORS[code].message}`).join("；"));
  }
  responses["4XX"] ??= answer("业务规则不允许（状态冲突、数据有误等）：错误码见 Error.code");
  return responses;
}

/** Removes schemas nothing refers to (zod writes an input twin of every output schema), directly or through another. */
function dropUnusedSchemas(doc: Document): void {
  const schemas = doc.components?.schemas;
  if (!schemas) return;
  const refsIn = (value: unknown) =>
    [...JSON.stringify(value).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] as string);
  const used = new Set<string>();
  const pending = refsIn({ ...doc, components: { ...doc.components, schemas: {} } });
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (used.has(name)) continue;
    used.add(name);
    pending.push(...refsIn(schemas[name]));
  }
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
}
