import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type PartnerCaller, requireActor } from "../../platform/auth.js";
import type { Limit, Limits } from "../../platform/limiter.js";
import {
  newPartnerBody,
  partnerParams,
  partnerView,
  partnerWithSecret,
  updatePartnerBody,
} from "./partners.contract.js";
import type { PartnersService } from "./partners.service.js";
import { SIGNATURE_HEADERS } from "./partners.signing.js";

/** Administration of partner apps: register, change scopes and limits, disable, issue a new secret. */
export function partnersRoutes(app: FastifyInstance, partners: PartnersService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["合作应用管理"];
  const config = { access: "partner.manage" as const };

  r.get(
    "/api/admin/partners",
    { config, schema: { tags, summary: "已登记的合作应用", response: { 200: z.array(partnerView) } } },
    async (request) => partners.list(requireActor(request)),
  );

  r.post(
    "/api/admin/partners",
    {
      config,
      schema: {
        tags,
        summary: "登记合作应用（返回的签名密钥只显示这一次）",
        body: newPartnerBody,
        response: { 201: partnerWithSecret },
      },
    },
    async (request, reply) => reply.code(201).send(await partners.create(requireActor(request), request.body)),
  );

  r.put(
    "/api/admin/partners/:appId",
    {
      config,
      schema: {
        tags,
        summary: "修改授权范围、限流或停用",
        params: partnerParams,
        body: updatePartnerBody,
        response: { 200: partnerView },
      },
    },
    async (request) => partners.update(requireActor(request), request.params.appId, request.body),
  );

  r.post(
    "/api/admin/partners/:appId/secret",
    {
      config,
      schema: {
        tags,
        summary: "重置签名密钥（旧密钥立即失效）",
        params: partnerParams,
        response: { 200: partnerWithSecret },
      },
    },
    async (request) => partners.rotateSecret(requireActor(request), request.params.appId),
  );
}

/** Reads who signed an open-API request; the access guard calls it for every `partner:` route. */
export function partnerResolver(partners: PartnersService) {
  return (request: FastifyRequest): Promise<PartnerCaller> => {
    const header = (name: string) => {
      const value = request.headers[name];
      return typeof value === "string" ? value : undefined;
    };
    return partners.authenticate({
      appId: header(SIGNATURE_HEADERS.appId),
      timestamp: header(SIGNATURE_HEADERS.timestamp) ?? "",
      nonce: header(SIGNATURE_HEADERS.nonce) ?? "",
      signature: header(SIGNATURE_HEADERS.signature),
      method: request.method,
      path: request.url,
      body: request.rawBody ?? "",
    });
  };
}

/**
 * What the open API needs besides its routes: JSON bodies kept as received (the signature covers their exact bytes),
 * and each app's own requests-per-minute limit, counted across server processes.
 */
export function installOpenApi(app: FastifyInstance, limits: Limits): void {
  const parseJson = app.getDefaultJsonParser("error", "ignore");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => {
    const raw = body as Buffer;
    if (request.url.startsWith("/api/open/")) request.rawBody = raw;
    void parseJson(request, raw.toString("utf8"), done);
  });
  const perApp = new Map<string, Limit>();
  app.addHook("preHandler", async (request) => {
    const { partner } = request;
    if (!partner) return;
    const key = `${partner.appId}-${partner.rateLimit}`;
    let limit = perApp.get(key);
    if (!limit) {
      limit = limits(`partner-${key}`, partner.rateLimit, 60);
      perApp.set(key, limit);
    }
    await limit(partner.appId);
  });
}
