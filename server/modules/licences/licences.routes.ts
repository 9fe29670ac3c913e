import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/auth.js";
import { attachment, framableBySite, idParams, readUploadedFile } from "../../platform/http.js";
import type { Limit } from "../../platform/limiter.js";
import {
  codeParams,
  fileCheck,
  licenceUseRecord,
  licenceVerification,
  revokeBody,
  staffLicencePage,
  staffLicencesQuery,
  usableLicence,
  usableQuery,
  walletLicence,
} from "./licences.contract.js";
import { licenceLifecycle } from "./licences.machine.js";
import type { LicencesService } from "./licences.service.js";

export function licencesRoutes(app: FastifyInstance, options: { licences: LicencesService; perAddress: Limit }): void {
  const { licences } = options;
  const perAddress = (request: FastifyRequest) => options.perAddress(request.ip);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicTags = ["电子证照核验"];
  const holderTags = ["我的证照"];
  const staffTags = ["电子证照管理"];

  r.get(
    "/api/licence-verification/:code",
    {
      config: { access: "public" },
      onRequest: perAddress,
      schema: {
        tags: publicTags,
        summary: "凭核验码核验电子证照：真伪、有效、已撤销或已过期，持证人脱敏",
        params: codeParams,
        response: { 200: licenceVerification },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return licences.verify(request.params.code);
    },
  );

  r.post(
    "/api/licence-verification/:code/file-check",
    {
      config: { access: "public" },
      onRequest: perAddress,
      schema: {
        tags: publicTags,
        summary: "上传收到的 PDF 文件，与签发时的 SM3 摘要比对，判断是否被篡改",
        params: codeParams,
        consumes: ["multipart/form-data"],
        response: { 200: fileCheck },
      },
    },
    async (request) => licences.checkFile(request.params.code, (await readUploadedFile(request)).data),
  );

  r.get(
    "/api/my/licences",
    {
      config: { access: "applicant" },
      schema: { tags: holderTags, summary: "我的证照", response: { 200: z.array(walletLicence) } },
    },
    async (request) => licences.listOwn(requireActor(request)),
  );

  r.get(
    "/api/my/licences/usable",
    {
      config: { access: "applicant" },
      schema: {
        tags: holderTags,
        summary: "可用于替代申请材料的有效证照（按证照类型）",
        querystring: usableQuery,
        response: { 200: z.array(usableLicence) },
      },
    },
    async (request) => licences.usableFor(requireActor(request), request.query.types),
  );

  r.get(
    "/api/my/licence-uses",
    {
      config: { access: "applicant" },
      schema: {
        tags: holderTags,
        summary: "用证记录：我的证照在哪些办件中替代了材料",
        response: { 200: z.array(licenceUseRecord) },
      },
    },
    async (request) => licences.usesOwn(requireActor(request)),
  );

  r.get(
    "/api/my/licences/:id/file",
    {
      config: { access: "applicant" },
      schema: { tags: holderTags, summary: "下载电子证照 PDF", params: idParams },
    },
    async (request, reply) => {
      const { file, stream } = await licences.openOwn(requireActor(request), request.params.id);
      return framableBySite(reply)
        .type(file.mimeType)
        .header("content-disposition", attachment(file.name, "inline"))
        .send(stream);
    },
  );

  r.get(
    "/api/workbench/licences",
    {
      config: { access: "case.review" },
      schema: {
        tags: staffTags,
        summary: "本单位及下级签发的电子证照（可按证照编号或核验码查找）",
        querystring: staffLicencesQuery,
        response: { 200: staffLicencePage },
      },
    },
    async (request) => licences.listForStaff(requireActor(request), request.query),
  );

  r.post(
    "/api/workbench/licences/:id/revoke",
    {
      config: { access: licenceLifecycle.accessOf("revoke") },
      schema: {
        tags: staffTags,
        summary: "撤销电子证照（核验即显示已撤销）",
        params: idParams,
        body: revokeBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await licences.revoke(requireActor(request), request.params.id, request.body.reason);
      return reply.code(204).send(null);
    },
  );
}
