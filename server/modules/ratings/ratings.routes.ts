import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { RECTIFICATION_STATUSES } from "../../../common/vocabulary.js";
import { requireActor } from "../../platform/auth.js";
import { attachment, idParams, pageOf, readUploadedFile, revisionBody } from "../../platform/http.js";
import {
  appealBody,
  appealView,
  applicantRatingBody,
  callBackBody,
  caseParams,
  contactView,
  decideAppealBody,
  figureRow,
  figuresQuery,
  linkParams,
  linkView,
  publicFiguresQuery,
  publicRectification,
  ratingInput,
  ratingsQuery,
  ratingView,
  rectificationSummary,
  rectificationView,
  replyBody,
  sendBackBody,
  stageState,
  windowRatingBody,
  windowStageState,
} from "./ratings.contract.js";
import type { createRatingFigures } from "./ratings.figures.js";
import { rectificationLifecycle } from "./ratings.machine.js";
import type { RatingsService } from "./ratings.service.js";

export function ratingsRoutes(
  app: FastifyInstance,
  service: RatingsService,
  figures: ReturnType<typeof createRatingFigures>,
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const raterTags = ["好差评（评价）"];
  const staffTags = ["好差评（整改与申诉）"];
  const publicTags = ["好差评公示"];

  // ---- rating ----

  r.get(
    "/api/my/cases/:caseId/ratings",
    {
      config: { access: "applicant" },
      schema: {
        tags: raterTags,
        summary: "本人办件各环节的评价情况",
        params: caseParams,
        response: { 200: z.array(stageState) },
      },
    },
    async (request) => service.stagesOfOwn(requireActor(request), request.params.caseId),
  );

  r.post(
    "/api/my/cases/:caseId/ratings",
    {
      config: { access: "applicant" },
      schema: {
        tags: raterTags,
        summary: "评价本人办件的一个环节（一事一评，提交后不能修改）",
        params: caseParams,
        body: applicantRatingBody,
        response: { 200: z.array(stageState) },
      },
    },
    async (request) => service.rateOwn(requireActor(request), request.params.caseId, request.body),
  );

  r.get(
    "/api/workbench/cases/:caseId/ratings",
    {
      config: { access: "case.intake" },
      schema: {
        tags: raterTags,
        summary: "窗口评价器：办件各环节能否在窗口评价（不含评价等级与内容）",
        params: caseParams,
        response: { 200: z.array(windowStageState) },
      },
    },
    async (request) => service.stagesAtWindow(requireActor(request), request.params.caseId),
  );

  r.post(
    "/api/workbench/cases/:caseId/ratings",
    {
      config: { access: "case.intake" },
      schema: {
        tags: raterTags,
        summary: "窗口评价器：申请人在窗口评价本次服务（答复不含评价等级与内容）",
        params: caseParams,
        body: windowRatingBody,
        response: { 200: z.array(windowStageState) },
      },
    },
    async (request) => service.rateAtWindow(requireActor(request), request.params.caseId, request.body),
  );

  // The token is the rater's credential: these requests are not logged, so it never reaches a log line.
  r.get(
    "/api/rating-links/:token",
    {
      config: { access: "public" },
      logLevel: "warn",
      schema: { tags: raterTags, summary: "短信评价链接：评价的办件", params: linkParams, response: { 200: linkView } },
    },
    async (request) => service.viewLink(request.params.token),
  );

  r.post(
    "/api/rating-links/:token",
    {
      config: { access: "public" },
      logLevel: "warn",
      schema: {
        tags: raterTags,
        summary: "短信评价链接：提交评价（链接一次有效）",
        params: linkParams,
        body: ratingInput,
        response: { 200: linkView },
      },
    },
    async (request) => service.rateByLink(request.params.token, request.body),
  );

  // ---- staff ----

  r.get(
    "/api/ratings",
    {
      config: { access: "workbench.use" },
      schema: {
        tags: staffTags,
        summary: "本单位及下级收到的评价（不含评价人与办件）",
        querystring: ratingsQuery,
        response: { 200: pageOf(ratingView) },
      },
    },
    async (request) => service.list(requireActor(request), request.query),
  );

  r.get(
    "/api/ratings/mine",
    {
      config: { access: "workbench.use" },
      schema: { tags: staffTags, summary: "我收到的评价（不含评价人与办件）", response: { 200: z.array(ratingView) } },
    },
    async (request) => service.listMine(requireActor(request)),
  );

  r.get(
    "/api/ratings/figures",
    {
      config: { access: "workbench.use" },
      schema: {
        tags: staffTags,
        summary: "评价统计：按单位、事项或工作人员",
        querystring: figuresQuery,
        response: { 200: z.array(figureRow) },
      },
    },
    async (request) => figures.forStaff(requireActor(request), request.query),
  );

  r.get(
    "/api/rectifications",
    {
      config: { access: "workbench.use" },
      schema: {
        tags: staffTags,
        summary: "差评整改任务（到期早的在前）",
        querystring: z.object({ status: z.enum(RECTIFICATION_STATUSES).optional() }),
        response: { 200: z.array(rectificationSummary) },
      },
    },
    async (request) => service.listRectifications(requireActor(request), request.query),
  );

  r.get(
    "/api/rectifications/:id",
    {
      config: { access: "workbench.use" },
      schema: { tags: staffTags, summary: "差评整改任务", params: idParams, response: { 200: rectificationView } },
    },
    async (request) => service.getRectification(requireActor(request), request.params.id),
  );

  r.post(
    "/api/rectifications/:id/contact",
    {
      config: { access: "feedback.handle" },
      logLevel: "warn",
      schema: {
        tags: staffTags,
        summary: "回访用的完整联系电话（记入审计）",
        params: idParams,
        response: { 200: contactView },
      },
    },
    async (request) => service.contact(requireActor(request), request.params.id),
  );

  r.post(
    "/api/rectifications/:id/reply",
    {
      config: { access: rectificationLifecycle.accessOf("reply") },
      schema: {
        tags: staffTags,
        summary: "核实情况、整改或解释，并答复评价人",
        params: idParams,
        body: replyBody,
        response: { 200: rectificationView },
      },
    },
    async (request) => service.reply(requireActor(request), request.params.id, request.body),
  );

  r.post(
    "/api/rectifications/:id/call-back",
    {
      config: { access: rectificationLifecycle.accessOf("call_back") },
      schema: {
        tags: staffTags,
        summary: "记录回访",
        params: idParams,
        body: callBackBody,
        response: { 200: rectificationView },
      },
    },
    async (request) => service.callBack(requireActor(request), request.params.id, request.body),
  );

  r.post(
    "/api/rectifications/:id/close",
    {
      config: { access: rectificationLifecycle.accessOf("close") },
      schema: {
        tags: staffTags,
        summary: "督查人员审核通过，整改办结",
        params: idParams,
        body: revisionBody,
        response: { 200: rectificationView },
      },
    },
    async (request) => service.close(requireActor(request), request.params.id, request.body.revision),
  );

  r.post(
    "/api/rectifications/:id/send-back",
    {
      config: { access: rectificationLifecycle.accessOf("send_back") },
      schema: {
        tags: staffTags,
        summary: "督查人员退回重新整改",
        params: idParams,
        body: sendBackBody,
        response: { 200: rectificationView },
      },
    },
    async (request) => service.sendBack(requireActor(request), request.params.id, request.body),
  );

  // ---- appeals ----

  r.post(
    "/api/ratings/:id/appeal",
    {
      config: { access: "feedback.handle" },
      schema: {
        tags: staffTags,
        summary: "对误评或恶意差评提出申诉",
        params: idParams,
        body: appealBody,
        response: { 201: appealView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.appeal(requireActor(request), request.params.id, request.body)),
  );

  r.get(
    "/api/rating-appeals",
    {
      config: { access: "workbench.use" },
      schema: {
        tags: staffTags,
        summary: "申诉（本单位提出的，及下级单位待复核的）",
        response: { 200: z.array(appealView) },
      },
    },
    async (request) => service.listAppeals(requireActor(request)),
  );

  r.post(
    "/api/rating-appeals/:id/evidence",
    {
      config: { access: "feedback.handle" },
      schema: {
        tags: staffTags,
        summary: "上传申诉证据（PDF 或图片，10 MB 以内）",
        consumes: ["multipart/form-data"],
        params: idParams,
        response: { 200: appealView },
      },
    },
    async (request) => service.addEvidence(requireActor(request), request.params.id, await readUploadedFile(request)),
  );

  r.get(
    "/api/rating-appeals/:id/evidence",
    {
      config: { access: "workbench.use" },
      schema: { tags: staffTags, summary: "下载申诉证据", params: idParams },
    },
    async (request, reply) => {
      const { file, stream } = await service.openEvidence(requireActor(request), request.params.id);
      return reply.type(file.mimeType).header("content-disposition", attachment(file.name)).send(stream);
    },
  );

  r.post(
    "/api/rating-appeals/:id/decide",
    {
      config: { access: "supervision.view" },
      schema: {
        tags: staffTags,
        summary: "上级督查人员复核申诉：成立的评价不计入统计，但保留记录",
        params: idParams,
        body: decideAppealBody,
        response: { 200: appealView },
      },
    },
    async (request) => service.decideAppeal(requireActor(request), request.params.id, request.body),
  );

  // ---- publication ----

  r.get(
    "/api/public/ratings/figures",
    {
      config: { access: "public" },
      schema: {
        tags: publicTags,
        summary: "好差评公示：按单位或事项的评价统计",
        querystring: publicFiguresQuery,
        response: { 200: z.array(figureRow) },
      },
    },
    async (request) => figures.forPublic(request.query),
  );

  r.get(
    "/api/public/ratings/rectifications",
    {
      config: { access: "public" },
      schema: {
        tags: publicTags,
        summary: "好差评公示：已办结的差评整改",
        response: { 200: z.array(publicRectification) },
      },
    },
    async () => figures.publishedRectifications(),
  );
}
