import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/auth.js";
import { errors } from "../../platform/errors.js";
import { type FileStore, MAX_FILE_BYTES } from "../../platform/files.js";
import { attachment, idParams, readUploadedFile } from "../../platform/http.js";

export const fileView = z
  .object({ id: z.uuid(), name: z.string(), mimeType: z.string(), size: z.number().int(), sm3: z.string() })
  .meta({ id: "File" });

/** Upload of public files (blank forms, samples) by catalog administrators, and their download by anyone. */
export async function fileRoutes(app: FastifyInstance, store: FileStore): Promise<void> {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 0 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["文件"];

  r.post(
    "/api/files",
    {
      config: { access: "catalog.manage" },
      schema: {
        tags,
        summary: "上传公开文件（空白表格、示范文本、结果样本），multipart 字段名 file",
        consumes: ["multipart/form-data"],
        response: { 201: fileView },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const file = await readUploadedFile(request);
      const row = await store.save({
        ...file,
        visibility: "public",
        uploadedBy: actor.userId,
      });
      return reply.code(201).send(row);
    },
  );

  r.get(
    "/api/files/:id",
    { config: { access: "public" }, schema: { tags, summary: "下载公开文件", params: idParams } },
    async (request, reply) => {
      const row = await store.find(request.params.id);
      if (row?.visibility !== "public") throw errors.notFound("文件");
      return reply
        .type(row.mimeType)
        .header("content-disposition", attachment(row.name))
        .header("x-content-sm3", row.sm3)
        .send(await store.open(row));
    },
  );
}
