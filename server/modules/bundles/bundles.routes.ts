import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/auth.js";
import { idParams, readUploadedFile } from "../../platform/http.js";
import {
  adminBundleView,
  applyBody,
  bundleCaseParams,
  bundleCaseSummary,
  bundleCaseView,
  bundleFileParams,
  bundleGuide,
  bundleMaterialParams,
  bundleRatingBody,
  bundleRevisionBody,
  bundleSummary,
  bundleWithdrawBody,
  createBundleBody,
  saveFormBody,
  updateBundleBody,
  versionBody,
} from "./bundles.contract.js";
import type { BundlesService } from "./bundles.service.js";

export function bundlesRoutes(app: FastifyInstance, service: BundlesService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const adminTags = ["办好一件事（定义）"];
  const publicTags = ["办好一件事（办事指南）"];
  const applicantTags = ["办好一件事（申请与进度）"];

  // ---- definitions ----

  r.get(
    "/api/admin/bundles",
    {
      config: { access: "catalog.manage" },
      schema: { tags: adminTags, summary: "本单位及下级定义的一件事", response: { 200: z.array(adminBundleView) } },
    },
    async (request) => service.listAdmin(requireActor(request)),
  );

  r.post(
    "/api/admin/bundles",
    {
      config: { access: "catalog.manage" },
      schema: {
        tags: adminTags,
        summary: "新建一件事（草稿；保存时检查事项、字段与材料对应、先后关系和必填项覆盖）",
        body: createBundleBody,
        response: { 201: adminBundleView },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(requireActor(request), request.body)),
  );

  r.get(
    "/api/admin/bundles/:id",
    {
      config: { access: "catalog.manage" },
      schema: { tags: adminTags, summary: "一件事的定义", params: idParams, response: { 200: adminBundleView } },
    },
    async (request) => service.getAdmin(requireActor(request), request.params.id),
  );

  r.put(
    "/api/admin/bundles/:id",
    {
      config: { access: "catalog.manage" },
      schema: {
        tags: adminTags,
        summary: "修改一件事（按版本号防止覆盖他人的修改）",
        params: idParams,
        body: updateBundleBody,
        response: { 200: adminBundleView },
      },
    },
    async (request) => service.update(requireActor(request), request.params.id, request.body),
  );

  r.post(
    "/api/admin/bundles/:id/publish",
    {
      config: { access: "catalog.manage" },
      schema: {
        tags: adminTags,
        summary: "发布一件事",
        params: idParams,
        body: versionBody,
        response: { 200: adminBundleView },
      },
    },
    async (request) => service.publish(requireActor(request), request.params.id, request.body.version),
  );

  // ---- the public guide ----

  r.get(
    "/api/bundles",
    {
      config: { access: "public" },
      schema: { tags: publicTags, summary: "已发布的一件事", response: { 200: z.array(bundleSummary) } },
    },
    async () => service.listPublished(),
  );

  r.get(
    "/api/bundles/:id",
    {
      config: { access: "public" },
      schema: {
        tags: publicTags,
        summary: "一件事办事指南：包含的事项及其办理单位和时限、合并后的申请表和材料、整体承诺时限",
        params: idParams,
        response: { 200: bundleGuide },
      },
    },
    async (request) => service.guide(request.params.id),
  );

  // ---- applying and progress ----

  r.post(
    "/api/bundles/:id/apply",
    {
      config: { access: "applicant" },
      schema: {
        tags: applicantTags,
        summary: "申请一件事：生成一件事申请和各事项的办件草稿（同一防重复标识只生成一次）",
        params: idParams,
        body: applyBody,
        response: { 201: bundleCaseView },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.apply(requireActor(request), request.params.id, request.body)),
  );

  r.get(
    "/api/my/bundle-cases",
    {
      config: { access: "applicant" },
      schema: { tags: applicantTags, summary: "我的一件事", response: { 200: z.array(bundleCaseSummary) } },
    },
    async (request) => service.listMine(requireActor(request)),
  );

  r.get(
    "/api/my/bundle-cases/:id",
    {
      config: { access: "applicant" },
      schema: {
        tags: applicantTags,
        summary: "一件事的整体状态、办结时间、各事项进度和全部办理结果",
        params: bundleCaseParams,
        response: { 200: bundleCaseView },
      },
    },
    async (request) => service.getMine(requireActor(request), request.params.id),
  );

  r.put(
    "/api/my/bundle-cases/:id/form",
    {
      config: { access: "applicant" },
      schema: {
        tags: applicantTags,
        summary: "保存一件事申请表（草稿，可未填完；同时填入各事项的申请表）",
        params: bundleCaseParams,
        body: saveFormBody,
        response: { 200: bundleCaseView },
      },
    },
    async (request) => service.saveForm(requireActor(request), request.params.id, request.body),
  );

  r.post(
    "/api/my/bundle-cases/:id/materials/:materialKey",
    {
      config: { access: "applicant" },
      schema: {
        tags: applicantTags,
        summary: "上传一件事材料（multipart 字段名 file）：一次上传，用于所有需要它的事项",
        consumes: ["multipart/form-data"],
        params: bundleMaterialParams,
        response: { 201: bundleCaseView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await readUploadedFile(request);
      return reply
        .code(201)
        .send(await service.addMaterial(actor, request.params.id, request.params.materialKey, file));
    },
  );

  r.delete(
    "/api/my/bundle-cases/:id/materials/files/:fileId",
    {
      config: { access: "applicant" },
      schema: {
        tags: applicantTags,
        summary: "删除已上传的一件事材料（从所有事项中移除）",
        params: bundleFileParams,
        response: { 200: bundleCaseView },
      },
    },
    async (request) => service.removeMaterial(requireActor(request), request.params.id, request.params.fileId),
  );

  r.post(
    "/api/my/bundle-cases/:id/submit",
    {
      config: { access: "applicant" },
      schema: {
        tags: applicantTags,
        summary: "提交一件事：不需等待的事项同时提交，其余在前序事项准予办结后由系统自动提交",
        params: bundleCaseParams,
        body: bundleRevisionBody,
        response: { 200: bundleCaseView },
      },
    },
    async (request) => service.submit(requireActor(request), request.params.id, request.body.revision),
  );

  r.post(
    "/api/my/bundle-cases/:id/withdraw",
    {
      config: { access: "applicant" },
      schema: {
        tags: applicantTags,
        summary: "撤回整件事：尚未作出决定的事项全部终止，已作出决定的不受影响",
        params: bundleCaseParams,
        body: bundleWithdrawBody,
        response: { 200: bundleCaseView },
      },
    },
    async (request) => service.withdraw(requireActor(request), request.params.id, request.body),
  );

  r.post(
    "/api/my/bundle-cases/:id/rating",
    {
      config: { access: "applicant" },
      schema: {
        tags: applicantTags,
        summary: "对整件事评价一次（计入每个办理单位；提交后不能修改）",
        params: bundleCaseParams,
        body: bundleRatingBody,
        response: { 200: bundleCaseView },
      },
    },
    async (request) => service.rate(requireActor(request), request.params.id, request.body),
  );
}
