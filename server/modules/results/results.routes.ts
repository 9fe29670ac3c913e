import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { uuidv7 } from "uuidv7";
import { z } from "zod";
import { requireActor } from "../../platform/auth.js";
import type { Captchas } from "../../platform/captcha.js";
import { AppError, errors } from "../../platform/errors.js";
import { captchaView, compiledSerializer, idParams } from "../../platform/http.js";
import type { Limit } from "../../platform/limiter.js";
import {
  batchView,
  lookupBody,
  lookupFields,
  newBatchBody,
  publicationBody,
  publishedBatch,
  resultView,
} from "./results.contract.js";
import type { ResultsService } from "./results.service.js";

const MAX_RESULT_FILE_BYTES = 400 * 1024 * 1024;

export function resultsRoutes(
  app: FastifyInstance,
  options: {
    results: ResultsService;
    captchas: Captchas;
    /** Lookups (and captchas) per client address per minute. */
    perAddress: Limit;
    uploadDir: string;
  },
): void {
  const { results, captchas } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["考试成绩"];
  const perAddress = (request: FastifyRequest) => options.perAddress(request.ip);

  r.get(
    "/api/results/batches",
    {
      config: { access: "public" },
      schema: { tags, summary: "已开放查询的成绩与录取批次", response: { 200: z.array(publishedBatch) } },
    },
    async () => results.published(),
  );

  r.get(
    "/api/results/captcha",
    {
      config: { access: "public" },
      onRequest: perAddress,
      schema: { tags, summary: "查询验证码（SVG 图片，5 分钟内有效，只能使用一次）", response: { 200: captchaView } },
    },
    async (_request, reply) => {
      reply.header("cache-control", "no-store");
      return captchas.issue();
    },
  );

  r.post(
    "/api/results/batches/:id/lookup",
    {
      config: { access: "public" },
      // Lookups are counted per batch, never logged: a request log would tie a client address to a candidate.
      logLevel: "warn",
      serializerCompiler: compiledSerializer,
      onRequest: perAddress,
      schema: {
        tags,
        summary: "考生查询本人成绩或录取结果（准考证号 + 身份证号 + 姓名 + 验证码）",
        description: "三项不全属于同一考生时，一律答复 RESULT_NO_MATCH，不透露准考证号是否存在。",
        params: idParams,
        body: lookupBody,
        response: { 200: resultView },
      },
    },
    async (request) => {
      const { captchaToken, captchaAnswer, ...query } = request.body;
      await captchas.assert(captchaToken, captchaAnswer);
      return results.lookup(request.params.id, query);
    },
  );

  const openTags = ["开放接口（合作应用）"];
  r.get(
    "/api/open/v1/results/batches",
    {
      config: { access: "partner:results.lookup" },
      schema: { tags: openTags, summary: "已开放查询的成绩与录取批次", response: { 200: z.array(publishedBatch) } },
    },
    async () => results.published(),
  );

  r.post(
    "/api/open/v1/results/batches/:id/lookup",
    {
      config: { access: "partner:results.lookup" },
      logLevel: "warn",
      serializerCompiler: compiledSerializer,
      schema: {
        tags: openTags,
        summary: "为合作应用的用户查询成绩或录取结果（准考证号 + 身份证号 + 姓名）",
        description:
          "不匹配时一律答复 RESULT_NO_MATCH；同一准考证号的查询失败次数与门户共同计数，达到上限后改由考生到门户以更复杂的验证码查询。",
        params: idParams,
        body: z.object(lookupFields),
        response: { 200: resultView },
      },
    },
    async (request) => {
      // A partner's request carries no captcha: a number under guessing is looked up on the portal, one captcha a try.
      if (await results.underGuessing(request.params.id, request.body.examNumber)) {
        throw new AppError("RESULT_LOOKUP_ESCALATED");
      }
      return results.lookup(request.params.id, request.body);
    },
  );

  r.get(
    "/api/my/results",
    {
      config: { access: "applicant" },
      schema: { tags, summary: "我的成绩与录取结果（按实名身份证号）", response: { 200: z.array(resultView) } },
    },
    async (request) => results.mine(requireActor(request).userId),
  );

  r.get(
    "/api/admin/results/batches",
    {
      config: { access: "results.manage" },
      schema: { tags, summary: "全部成绩批次", response: { 200: z.array(batchView) } },
    },
    async (request) => results.list(requireActor(request)),
  );

  r.post(
    "/api/admin/results/batches",
    {
      config: { access: "results.manage" },
      schema: { tags, summary: "新建成绩批次", body: newBatchBody, response: { 201: batchView } },
    },
    async (request, reply) => {
      const batch = await results.create(requireActor(request), request.body);
      return reply.code(201).send(batch);
    },
  );

  r.get(
    "/api/admin/results/batches/:id",
    {
      config: { access: "results.manage" },
      schema: { tags, summary: "成绩批次及导入进度", params: idParams, response: { 200: batchView } },
    },
    async (request) => results.get(requireActor(request), request.params.id),
  );

  r.post(
    "/api/admin/results/batches/:id/import",
    {
      config: { access: "results.manage" },
      schema: {
        tags,
        summary: "导入成绩文件（CSV 或 xlsx，multipart 字段名 file）：先校验全部行，全部无误才导入，否则一行不导",
        consumes: ["multipart/form-data"],
        params: idParams,
        response: { 202: batchView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { filePath, fileName } = await saveUpload(request, options.uploadDir);
      try {
        return reply.code(202).send(await results.queueImport(actor, request.params.id, filePath, fileName));
      } catch (error) {
        await rm(filePath, { force: true });
        throw error;
      }
    },
  );

  r.put(
    "/api/admin/results/batches/:id/publication",
    {
      config: { access: "results.manage" },
      schema: {
        tags,
        summary: "设定发布时间（到点自动开放查询），或设为 null 撤回",
        params: idParams,
        body: publicationBody,
        response: { 200: batchView },
      },
    },
    async (request) => {
      const { publishAt } = request.body;
      return results.setPublishAt(requireActor(request), request.params.id, publishAt ? new Date(publishAt) : null);
    },
  );
}

/** Results files run to hundreds of megabytes: streamed to a temporary file, never held in memory. */
async function saveUpload(request: FastifyRequest, uploadDir: string): Promise<{ filePath: string; fileName: string }> {
  if (!request.isMultipart()) throw errors.validation("请以 multipart/form-data 上传文件");
  const part = await request.file({ limits: { fileSize: MAX_RESULT_FILE_BYTES } });
  if (!part) throw errors.validation("没有收到文件");
  if (!/\.(csv|xlsx)$/i.test(part.filename)) {
    part.file.resume();
    throw errors.validation("请上传 CSV 或 xlsx 格式的成绩文件");
  }
  await mkdir(uploadDir, { recursive: true });
  const filePath = path.join(uploadDir, `${uuidv7()}${path.extname(part.filename).toLowerCase()}`);
  await pipeline(part.file, createWriteStream(filePath));
  if (part.file.truncated) {
    await rm(filePath, { force: true });
    throw errors.validation("文件不能超过 400 MB");
  }
  return { filePath, fileName: part.filename };
}
