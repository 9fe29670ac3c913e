import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/auth.js";
import { idParams } from "../../platform/http.js";
import { createOrgBody, org, updateOrgBody } from "./orgs.contract.js";
import type { OrgService } from "./orgs.service.js";

export function orgRoutes(app: FastifyInstance, orgs: OrgService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["单位"];

  r.get(
    "/api/orgs",
    { config: { access: "public" }, schema: { tags, summary: "单位树（全部单位）", response: { 200: z.array(org) } } },
    async () => orgs.list(),
  );

  r.post(
    "/api/orgs",
    {
      config: { access: "org.manage" },
      schema: { tags, summary: "在本单位管辖范围内新建下级单位", body: createOrgBody, response: { 201: org } },
    },
    async (request, reply) => reply.code(201).send(await orgs.create(requireActor(request), request.body)),
  );

  r.patch(
    "/api/orgs/:id",
    {
      config: { access: "org.manage" },
      schema: { tags, summary: "修改单位", params: idParams, body: updateOrgBody, response: { 200: org } },
    },
    async (request) => orgs.update(requireActor(request), request.params.id, request.body),
  );
}
