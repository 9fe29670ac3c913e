import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/auth.js";
import {
  attachment,
  framableBySite,
  idParams,
  okResponse,
  pageOf,
  readUploadedFile,
  revisionBody,
} from "../../platform/http.js";
import { renderPdf } from "../../platform/pdf.js";
import {
  applyBody,
  caseStatusBody,
  caseSummary,
  caseView,
  checkView,
  decideBody,
  deliverBody,
  extendBody,
  intakeBody,
  issueBody,
  materialFileParams,
  materialParams,
  openCaseStatus,
  queueCounts,
  queueQuery,
  refuseBody,
  resolveCheckBody,
  resubmitBody,
  reviewBody,
  saveDraftBody,
  specialBody,
  supplementBody,
  withdrawBody,
} from "./cases.contract.js";
import { type CaseAction, caseLifecycle } from "./cases.machine.js";
import { NOTICE_KINDS, noticeDocument, noticeFileName } from "./cases.notices.js";
import type { CasesService } from "./cases.service.js";

export function casesRoutes(app: FastifyInstance, service: CasesService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const applicantTags = ["办件（申请人）"];
  const staffTags = ["办件（工作人员）"];

  r.post(
    "/api/open/v1/cases/status",
    {
      config: { access: "partner:cases.status" },
      schema: {
        tags: ["开放接口（合作应用）"],
        summary: "按办件编号 + 申请人身份证号查询办件进度（合作应用须已核实其用户即申请人本人）",
        body: caseStatusBody,
        response: { 200: openCaseStatus },
      },
    },
    async (request) => service.statusFor(request.body.caseNumber, request.body.idNumber),
  );

  r.post(
    "/api/cases",
    {
      config: { access: "applicant" },
      schema: {
        tags: applicantTags,
        summary: "网上申请：保存草稿或提交（幂等键相同的重复提交只生成一件）",
        body: applyBody,
        response: { 201: caseView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await service.apply(actor, request.body);
      return reply.code(201).send(await service.getCase(actor, row.id));
    },
  );

  r.get(
    "/api/my/cases",
    {
      config: { access: "applicant" },
      schema: { tags: applicantTags, summary: "我的办件", response: { 200: z.array(caseSummary) } },
    },
    async (request) => service.listMine(requireActor(request)),
  );

  r.get(
    "/api/cases/:id",
    {
      config: { access: "signed-in" },
      schema: { tags: applicantTags, summary: "办件详情与进度", params: idParams, response: { 200: caseView } },
    },
    async (request) => service.getCase(requireActor(request), request.params.id),
  );

  r.put(
    "/api/cases/:id/draft",
    {
      config: { access: "applicant" },
      schema: {
        tags: applicantTags,
        summary: "保存草稿",
        params: idParams,
        body: saveDraftBody,
        response: { 200: caseView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await service.saveDraft(actor, request.params.id, request.body);
      return service.getCase(actor, request.params.id);
    },
  );

  r.post(
    "/api/cases/:id/materials/:key",
    {
      config: { access: "signed-in" },
      schema: {
        tags: applicantTags,
        summary: "上传一项材料的文件（multipart 字段名 file；按内容检查类型、大小和数量）",
        consumes: ["multipart/form-data"],
        params: materialParams,
        response: { 201: caseView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await readUploadedFile(request);
      await service.addMaterial(actor, request.params.id, request.params.key, {
        ...file,
      });
      return reply.code(201).send(await service.getCase(actor, request.params.id));
    },
  );

  r.delete(
    "/api/cases/:id/materials/files/:fileId",
    {
      config: { access: "signed-in" },
      schema: {
        tags: applicantTags,
        summary: "删除已上传的材料文件",
        params: materialFileParams,
        response: { 200: caseView },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await service.removeMaterial(actor, request.params.id, request.params.fileId);
      return service.getCase(actor, request.params.id);
    },
  );

  r.get(
    "/api/cases/:id/materials/files/:fileId",
    {
      config: { access: "signed-in" },
      schema: {
        tags: applicantTags,
        summary: "查看材料文件（申请人本人及有权限的工作人员）",
        params: materialFileParams,
      },
    },
    async (request, reply) => {
      const { file, stream } = await service.openMaterial(
        requireActor(request),
        request.params.id,
        request.params.fileId,
      );
      return reply
        .type(file.mimeType)
        .header("content-disposition", attachment(file.name, "inline"))
        .header("cache-control", "private, no-store")
        .header("x-content-sm3", file.sm3)
        .send(stream);
    },
  );

  r.get(
    "/api/cases/:id/licences/:fileId",
    {
      config: { access: "signed-in" },
      schema: {
        tags: applicantTags,
        summary: "查看办件出具或使用的电子证照 PDF（申请人本人及有权限的工作人员）",
        params: materialFileParams,
      },
    },
    async (request, reply) => {
      const { file, stream } = await service.openLicence(
        requireActor(request),
        request.params.id,
        request.params.fileId,
      );
      return framableBySite(reply)
        .type(file.mimeType)
        .header("content-disposition", attachment(file.name, "inline"))
        .header("cache-control", "private, no-store")
        .send(stream);
    },
  );

  r.get(
    "/api/cases/:id/notices/:kind",
    {
      config: { access: "signed-in" },
      schema: {
        tags: staffTags,
        summary: "办件文书（PDF）：受理通知书、一次性补正告知书、不予受理决定书",
        params: z.object({
          id: z.uuid({ message: "编号格式不正确" }),
          kind: z.enum(NOTICE_KINDS, { message: "文书类型应为 acceptance、supplement 或 refusal" }),
        }),
      },
    },
    async (request, reply) => {
      const facts = await service.noticeFacts(requireActor(request), request.params.id, request.params.kind);
      const pdf = await renderPdf(noticeDocument(request.params.kind, facts));
      return reply
        .type("application/pdf")
        .header("content-disposition", attachment(noticeFileName(request.params.kind, facts.number), "inline"))
        .header("cache-control", "private, no-store")
        .send(Buffer.from(pdf));
    },
  );

  /**
   * One route per action of the lifecycle, which says who may call it; each answers with the case as it now stands.
   */
  function action<B extends z.ZodType>(
    name: CaseAction,
    path: string,
    summary: string,
    body: B,
    run: (actor: ReturnType<typeof requireActor>, id: string, body: z.infer<B>) => Promise<unknown>,
  ) {
    r.post(
      `/api/cases/:id/${path}`,
      {
        config: { access: caseLifecycle.accessOf(name) },
        schema: {
          tags: caseLifecycle.permissionsFor(name) ? staffTags : applicantTags,
          summary,
          params: idParams,
          body,
          response: { 200: caseView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await run(actor, request.params.id, request.body as z.infer<B>);
        return service.getCase(actor, request.params.id);
      },
    );
  }

  action("submit", "submit", "提交草稿", revisionBody, (a, id, b) => service.submit(a, id, b.revision));
  action("resubmit", "resubmit", "补正后重新提交", resubmitBody, (a, id, b) => service.resubmit(a, id, b));
  action("withdraw", "withdraw", "撤回申请（作出决定前）", withdrawBody, (a, id, b) => service.withdraw(a, id, b));
  action("precheck", "precheck", "预审通过", revisionBody, (a, id, b) => service.precheck(a, id, b.revision));
  action("accept", "accept", "受理（即办件当场办结）", revisionBody, (a, id, b) => service.accept(a, id, b.revision));
  action("refuse", "refuse", "不予受理", refuseBody, (a, id, b) => service.refuse(a, id, b));
  action("request_supplement", "supplement", "一次性告知补正", supplementBody, (a, id, b) =>
    service.requestSupplement(a, id, b),
  );
  action("review", "review", "审查通过（按事项配置的审查环节）", reviewBody, (a, id, b) => service.review(a, id, b));
  action("start_special", "special/start", "启动特别程序（不计时）", specialBody, (a, id, b) =>
    service.startSpecial(a, id, b),
  );
  action("end_special", "special/end", "结束特别程序", revisionBody, (a, id, b) =>
    service.endSpecial(a, id, b.revision),
  );
  action("extend", "extend", "批准延长办理时限", extendBody, (a, id, b) => service.extend(a, id, b));
  action("decide", "decide", "作出准予或不予决定", decideBody, (a, id, b) => service.decide(a, id, b));
  action("issue", "issue", "制作办理结果", issueBody, (a, id, b) => service.issue(a, id, b));
  action("deliver", "deliver", "送达并办结", deliverBody, (a, id, b) => service.deliver(a, id, b));

  r.post(
    "/api/workbench/intake",
    {
      config: { access: "case.intake" },
      schema: {
        tags: staffTags,
        summary: "一窗受理：为申请人录入任一事项的申请",
        body: intakeBody,
        response: { 201: caseView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await service.intake(actor, request.body);
      return reply.code(201).send(await service.getCase(actor, row.id));
    },
  );

  r.get(
    "/api/workbench/commitment-checks",
    {
      config: { access: "case.review" },
      schema: {
        tags: staffTags,
        summary: "告知承诺核查任务（本单位及下级，未核查的在前）",
        response: { 200: z.array(checkView) },
      },
    },
    async (request) => service.listChecks(requireActor(request)),
  );

  r.post(
    "/api/commitment-checks/:id/resolve",
    {
      config: { access: "case.review" },
      schema: {
        tags: staffTags,
        summary: "记录核查结论：承诺不实的撤销准予决定并记入信用记录",
        params: idParams,
        body: resolveCheckBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await service.resolveCheck(requireActor(request), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  r.get(
    "/api/workbench/queues",
    {
      config: { access: "workbench.use" },
      schema: { tags: staffTags, summary: "各队列办件数（本单位及下级）", response: { 200: queueCounts } },
    },
    async (request) => service.queueCounts(requireActor(request)),
  );

  r.get(
    "/api/workbench/cases",
    {
      config: { access: "workbench.use" },
      schema: {
        tags: staffTags,
        summary: "队列中的办件",
        querystring: queueQuery,
        response: { 200: pageOf(caseSummary) },
      },
    },
    async (request) => service.listQueue(requireActor(request), request.query),
  );
}
