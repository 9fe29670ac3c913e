import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/auth.js";
import type { Captchas } from "../../platform/captcha.js";
import { attachment, captchaView, idParams, readUploadedFile } from "../../platform/http.js";
import type { Limit } from "../../platform/limiter.js";
import {
  answerBody,
  complaintFileParams,
  complaintProgress,
  complaintSummary,
  complaintsQuery,
  complaintView,
  investigateBody,
  negativeExample,
  newComplaintBody,
  publishBody,
  sendBackBody,
  submittedComplaint,
  trackingParams,
} from "./complaints.contract.js";
import { complaintLifecycle } from "./complaints.machine.js";
import type { ComplaintsService } from "./complaints.service.js";

export function complaintsRoutes(
  app: FastifyInstance,
  options: { complaints: ComplaintsService; captchas: Captchas; perAddress: Limit },
): void {
  const { complaints, captchas } = options;
  const perAddress = (request: FastifyRequest) => options.perAddress(request.ip);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicTags = ["投诉举报（提交与查询）"];
  const staffTags = ["投诉举报（核查与答复）"];

  r.get(
    "/api/complaints/captcha",
    {
      config: { access: "public" },
      onRequest: perAddress,
      schema: { tags: publicTags, summary: "提交投诉举报用的验证码", response: { 200: captchaView } },
    },
    async (_request, reply) => {
      reply.header("cache-control", "no-store");
      return captchas.issue();
    },
  );

  // An anonymous complaint must not be traceable to its sender: no request log ties an address to it.
  r.post(
    "/api/complaints",
    {
      config: { access: "public" },
      logLevel: "warn",
      onRequest: perAddress,
      schema: {
        tags: publicTags,
        summary: "提交投诉举报（实名须登录；匿名不留任何个人信息，凭查询码跟进）",
        body: newComplaintBody,
        response: { 201: submittedComplaint },
      },
    },
    async (request, reply) => {
      await captchas.assert(request.body.captchaToken, request.body.captchaAnswer);
      return reply.code(201).send(await complaints.submit(request.actor, request.body));
    },
  );

  r.get(
    "/api/complaint-tracking/:code",
    {
      config: { access: "public" },
      logLevel: "warn",
      onRequest: perAddress,
      schema: {
        tags: publicTags,
        summary: "凭查询码查看办理进度和答复",
        params: trackingParams,
        response: { 200: complaintProgress },
      },
    },
    async (request) => complaints.track(request.params.code),
  );

  r.post(
    "/api/complaint-tracking/:code/attachments",
    {
      config: { access: "public" },
      logLevel: "warn",
      onRequest: perAddress,
      schema: {
        tags: publicTags,
        summary: "补充附件（PDF、图片或 Word，每个 10 MB 以内，最多 5 个；开始核查前）",
        consumes: ["multipart/form-data"],
        params: trackingParams,
        response: { 200: complaintProgress },
      },
    },
    async (request) => complaints.attach(request.params.code, await readUploadedFile(request)),
  );

  r.get(
    "/api/my/complaints",
    {
      config: { access: "applicant" },
      schema: { tags: publicTags, summary: "我的实名投诉举报", response: { 200: z.array(complaintProgress) } },
    },
    async (request) => complaints.listMine(requireActor(request)),
  );

  r.get(
    "/api/public/negative-examples",
    {
      config: { access: "public" },
      schema: {
        tags: publicTags,
        summary: "公开的反面典型（查实的投诉举报）",
        response: { 200: z.array(negativeExample) },
      },
    },
    async () => complaints.negativeExamples(),
  );

  // ---- staff ----

  r.get(
    "/api/complaints",
    {
      config: { access: "workbench.use" },
      schema: {
        tags: staffTags,
        summary: "本单位及下级的投诉举报（到期早的在前）",
        querystring: complaintsQuery,
        response: { 200: z.array(complaintSummary) },
      },
    },
    async (request) => complaints.list(requireActor(request), request.query),
  );

  r.get(
    "/api/complaints/:id",
    {
      config: { access: "workbench.use" },
      schema: {
        tags: staffTags,
        summary: "投诉举报详情（含同一对象的其他投诉）",
        params: idParams,
        response: { 200: complaintView },
      },
    },
    async (request) => complaints.get(requireActor(request), request.params.id),
  );

  r.get(
    "/api/complaints/:id/attachments/:fileId",
    {
      config: { access: "workbench.use" },
      schema: { tags: staffTags, summary: "下载附件", params: complaintFileParams },
    },
    async (request, reply) => {
      const { file, stream } = await complaints.openAttachment(
        requireActor(request),
        request.params.id,
        request.params.fileId,
      );
      return reply.type(file.mimeType).header("content-disposition", attachment(file.name)).send(stream);
    },
  );

  r.post(
    "/api/complaints/:id/investigate",
    {
      config: { access: complaintLifecycle.accessOf("investigate") },
      schema: {
        tags: staffTags,
        summary: "开始核查（有诉必查）",
        params: idParams,
        body: investigateBody,
        response: { 200: complaintView },
      },
    },
    async (request) => complaints.investigate(requireActor(request), request.params.id, request.body),
  );

  r.post(
    "/api/complaints/:id/answer",
    {
      config: { access: complaintLifecycle.accessOf("answer") },
      schema: {
        tags: staffTags,
        summary: "答复：核查情况、结论（属实/部分属实/不属实）、处理措施",
        params: idParams,
        body: answerBody,
        response: { 200: complaintView },
      },
    },
    async (request) => complaints.answer(requireActor(request), request.params.id, request.body),
  );

  r.post(
    "/api/complaints/:id/send-back",
    {
      config: { access: complaintLifecycle.accessOf("send_back") },
      schema: {
        tags: staffTags,
        summary: "上级督查人员退回重新核查",
        params: idParams,
        body: sendBackBody,
        response: { 200: complaintView },
      },
    },
    async (request) => complaints.sendBack(requireActor(request), request.params.id, request.body),
  );

  r.post(
    "/api/complaints/:id/publish",
    {
      config: { access: complaintLifecycle.accessOf("publish") },
      schema: {
        tags: staffTags,
        summary: "将查实的投诉举报作为反面典型公开",
        params: idParams,
        body: publishBody,
        response: { 200: complaintView },
      },
    },
    async (request) => complaints.publish(requireActor(request), request.params.id, request.body),
  );
}
