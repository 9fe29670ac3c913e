import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { requireActor } from "../../platform/auth.js";
import { auditPage, chainVerification, listAuditQuery } from "./audit.contract.js";
import type { AuditService } from "./audit.service.js";

export function auditRoutes(app: FastifyInstance, audit: AuditService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["审计日志"];

  r.get(
    "/api/audit",
    {
      config: { access: "audit.view" },
      schema: { tags, summary: "审计日志（本单位及下级）", querystring: listAuditQuery, response: { 200: auditPage } },
    },
    async (request) => audit.list(requireActor(request), request.query),
  );

  r.get(
    "/api/audit/verify",
    {
      config: { access: "audit.view" },
      schema: { tags, summary: "校验审计哈希链（SM3）", response: { 200: chainVerification } },
    },
    async (request) => audit.verify(requireActor(request)),
  );
}
