import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/auth.js";
import { errors } from "../../platform/errors.js";
import { attachment, idParams, pageOf } from "../../platform/http.js";
import { renderPdf } from "../../platform/pdf.js";
import {
  adminItemRow,
  adminItemView,
  createItemBody,
  createPowerBody,
  diffView,
  guideView,
  itemSummary,
  listItemsQuery,
  orgFiguresView,
  powerView,
  retireBody,
  saveDraftBody,
  updatePowerBody,
} from "./catalog.contract.js";
import { guideDocument } from "./catalog.pdf.js";
import type { CatalogService } from "./catalog.service.js";

export function catalogRoutes(app: FastifyInstance, catalog: CatalogService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicTags = ["事项库（公开）"];
  const adminTags = ["事项库管理"];
  const openTags = ["开放接口（合作应用）"];

  r.get(
    "/api/open/v1/catalog/items",
    {
      config: { access: "partner:catalog.read" },
      schema: {
        tags: openTags,
        summary: "浏览与搜索在用事项",
        querystring: listItemsQuery,
        response: { 200: pageOf(itemSummary) },
      },
    },
    async (request) => catalog.listPublished(request.query),
  );

  r.get(
    "/api/open/v1/catalog/items/:id/guide",
    {
      config: { access: "partner:catalog.read" },
      schema: { tags: openTags, summary: "办事指南", params: idParams, response: { 200: guideView } },
    },
    async (request) => catalog.getGuide(request.params.id),
  );

  r.get(
    "/api/catalog/items",
    {
      config: { access: "public" },
      schema: {
        tags: publicTags,
        summary: "浏览与搜索在用事项（按服务对象、单位、主题、类型、自助筛选）",
        querystring: listItemsQuery,
        response: { 200: pageOf(itemSummary) },
      },
    },
    async (request) => catalog.listPublished(request.query),
  );

  r.get(
    "/api/catalog/items/:id/guide",
    {
      config: { access: "public" },
      schema: { tags: publicTags, summary: "办事指南", params: idParams, response: { 200: guideView } },
    },
    async (request) => catalog.getGuide(request.params.id),
  );

  r.get(
    "/api/catalog/items/:id/guide.pdf",
    {
      config: { access: "public" },
      schema: { tags: publicTags, summary: "下载办事指南（PDF）", params: idParams },
    },
    async (request, reply) => {
      const guide = await catalog.getGuide(request.params.id);
      const pdf = await renderPdf(guideDocument(guide));
      return reply
        .type("application/pdf")
        .header("content-disposition", attachment(`${guide.content.name}办事指南.pdf`))
        .send(Buffer.from(pdf));
    },
  );

  r.get(
    "/api/orgs/:id/figures",
    {
      config: { access: "public" },
      schema: {
        tags: publicTags,
        summary: "单位（含下级）的减时限、减跑动、减材料情况",
        params: idParams,
        response: { 200: orgFiguresView },
      },
    },
    async (request) => catalog.orgFigures(request.params.id),
  );

  r.get(
    "/api/orgs/:id/powers",
    {
      config: { access: "public" },
      schema: {
        tags: publicTags,
        summary: "单位的权责清单（管理员另见草稿）",
        params: idParams,
        response: { 200: z.array(powerView) },
      },
    },
    async (request) => catalog.listPowers(request.params.id, { actor: request.actor ?? undefined }),
  );

  r.get(
    "/api/admin/catalog/items",
    {
      config: { access: "catalog.manage" },
      schema: { tags: adminTags, summary: "本单位及下级单位的事项", response: { 200: z.array(adminItemRow) } },
    },
    async (request) => catalog.listForAdmin(requireActor(request)),
  );

  r.post(
    "/api/admin/catalog/items",
    {
      config: { access: "catalog.manage" },
      schema: { tags: adminTags, summary: "新建事项（草稿）", body: createItemBody, response: { 201: adminItemView } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const item = await catalog.createItem(actor, request.body);
      return reply.code(201).send(await catalog.getForAdmin(actor, item.id));
    },
  );

  r.get(
    "/api/admin/catalog/items/:id",
    {
      config: { access: "catalog.manage" },
      schema: {
        tags: adminTags,
        summary: "事项的草稿、在用版本、历史与发布检查",
        params: idParams,
        response: { 200: adminItemView },
      },
    },
    async (request) => catalog.getForAdmin(requireActor(request), request.params.id),
  );

  r.post(
    "/api/admin/catalog/items/:id/draft",
    {
      config: { access: "catalog.manage" },
      schema: {
        tags: adminTags,
        summary: "以在用版本为底新建草稿",
        params: idParams,
        response: { 200: adminItemView },
      },
    },
    async (request) => catalog.startDraft(requireActor(request), request.params.id),
  );

  r.put(
    "/api/admin/catalog/items/:id/draft",
    {
      config: { access: "catalog.manage" },
      schema: {
        tags: adminTags,
        summary: "保存草稿",
        params: idParams,
        body: saveDraftBody,
        response: { 200: adminItemView },
      },
    },
    async (request) =>
      catalog.saveDraft(requireActor(request), request.params.id, request.body.content, request.body.revision),
  );

  r.post(
    "/api/admin/catalog/items/:id/publish",
    {
      config: { access: "catalog.manage" },
      schema: {
        tags: adminTags,
        summary: "发布草稿（未通过数据质量检查时返回 422 及全部问题）",
        params: idParams,
        response: { 200: adminItemView },
      },
    },
    async (request) => catalog.publish(requireActor(request), request.params.id),
  );

  r.post(
    "/api/admin/catalog/items/:id/retire",
    {
      config: { access: "catalog.manage" },
      schema: {
        tags: adminTags,
        summary: "取消事项（指定终止日期）",
        params: idParams,
        body: retireBody,
        response: { 200: adminItemView },
      },
    },
    async (request) =>
      catalog.retire(requireActor(request), request.params.id, request.body.endDate, request.body.reason),
  );

  r.get(
    "/api/admin/catalog/items/:id/diff",
    {
      config: { access: "catalog.manage" },
      schema: {
        tags: adminTags,
        summary: "两个版本之间的差异",
        params: idParams,
        querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
        response: { 200: diffView },
      },
    },
    async (request) => catalog.diff(requireActor(request), request.params.id, request.query.from, request.query.to),
  );

  r.get(
    "/api/admin/catalog/standards",
    {
      config: { access: "catalog.manage" },
      schema: {
        tags: adminTags,
        summary: "在用的省级标准事项（同事同标：各地据此发布本地事项）",
        response: { 200: z.array(itemSummary) },
      },
    },
    async (request) => catalog.listStandards(requireActor(request)),
  );

  r.get(
    "/api/admin/catalog/export",
    {
      config: { access: "catalog.manage" },
      schema: { tags: adminTags, summary: "导出本单位及下级单位的事项（Excel，亦为导入模板）" },
    },
    async (request, reply) => {
      const workbook = await catalog.exportWorkbook(requireActor(request));
      return reply
        .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", attachment("事项库.xlsx"))
        .send(workbook);
    },
  );

  r.post(
    "/api/admin/catalog/import",
    {
      config: { access: "catalog.manage" },
      schema: {
        tags: adminTags,
        summary: "从 Excel 导入事项：先逐行检查，有任何问题则全部不导入并列出每一行的问题",
        consumes: ["multipart/form-data"],
        response: {
          200: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      if (!request.isMultipart()) throw errors.validation("请以 multipart/form-data 上传 Excel 文件");
      const part = await request.file();
      if (!part) throw errors.validation("没有收到文件");
      return catalog.importWorkbook(actor, await part.toBuffer());
    },
  );

  r.post(
    "/api/admin/catalog/powers",
    {
      config: { access: "catalog.manage" },
      schema: { tags: adminTags, summary: "新建权力事项（草稿）", body: createPowerBody, response: { 201: powerView } },
    },
    async (request, reply) => reply.code(201).send(await catalog.createPower(requireActor(request), request.body)),
  );

  r.put(
    "/api/admin/catalog/powers/:id/draft",
    {
      config: { access: "catalog.manage" },
      schema: {
        tags: adminTags,
        summary: "保存权力事项草稿",
        params: idParams,
        body: updatePowerBody,
        response: { 200: powerView },
      },
    },
    async (request) => catalog.savePowerDraft(requireActor(request), request.params.id, request.body),
  );

  r.post(
    "/api/admin/catalog/powers/:id/publish",
    {
      config: { access: "catalog.manage" },
      schema: { tags: adminTags, summary: "发布权力事项", params: idParams, response: { 200: powerView } },
    },
    async (request) => catalog.publishPower(requireActor(request), request.params.id),
  );
}
