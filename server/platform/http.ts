import fastJson, { type Schema } from "fast-json-stringify";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { ERROR_CODES } from "../../common/errors.js";
import { errors } from "./errors.js";

/** Shapes shared by every module's contract. */

export const errorResponse = z
  .object({
    code: z.enum(ERROR_CODES).meta({ description: "稳定的错误码，供程序判断（common/errors.ts 的登记表）" }),
    message: z.string().meta({ description: "给用户看的中文说明" }),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "Error" });

export const idParams = z.object({ id: z.uuid({ message: "编号格式不正确" }) });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** A trimmed, non-empty, bounded text field. */
export function text(label: string, max: number) {
  return z
    .string({ message: `${label}必须是文本` })
    .trim()
    .min(1, { message: `${label}不能为空` })
    .max(max, { message: `${label}不能超过 ${max} 个字符` });
}

/** The revision a compare-and-set action read; a stale one is refused. */
export const revision = z.number({ message: "缺少版本号，请刷新后重试" }).int().min(1);

export const revisionBody = z.object({ revision });

/** What a task with a due date shows: none, yellow (due soon) or red (overdue). */
export const deadlineWarning = z.enum(["none", "yellow", "red"]);

/** The answer to an image captcha (platform/captcha.ts), for public forms that must not be scripted. */
export const captchaFields = {
  captchaToken: z.string({ message: "请先获取验证码" }).max(200),
  captchaAnswer: z.string({ message: "请输入验证码" }).trim().min(1, { message: "请输入验证码" }).max(10),
};
export const captchaView = z.object({ token: z.string(), svg: z.string() }).meta({ id: "Captcha" });

export const okResponse = z.object({ ok: z.literal(true) });

/** Content-Disposition for a file whose name is Chinese (RFC 5987): saved under that name, or shown in the browser. */
export function attachment(fileName: string, disposition: "attachment" | "inline" = "attachment"): string {
  return `${disposition}; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A document the site's own pages show in a frame (a certificate's print preview at the kiosk): framing by this
 * origin only, instead of the API's "never framed".
 */
export function framableBySite(reply: FastifyReply): FastifyReply {
  return reply.header("content-security-policy", "frame-ancestors 'self'").header("x-frame-options", "SAMEORIGIN");
}

/** The one file of a multipart/form-data upload (field `file`), read whole; a clear message for anything else. */
export async function readUploadedFile(
  request: FastifyRequest,
): Promise<{ name: string; mimeType: string; data: Buffer }> {
  if (!request.isMultipart()) throw errors.validation("请以 multipart/form-data 上传文件");
  const part = await request.file();
  if (!part) throw errors.validation("没有收到文件");
  const data = await part.toBuffer();
  if (part.file.truncated) throw errors.validation("文件不能超过 20 MB");
  return { name: part.filename, mimeType: part.mimetype, data };
}

/**
 * For the routes under the heaviest load (score lookups): answers serialized by code compiled from the response
 * schema, instead of a zod check of every answer before JSON.stringify. Fields outside the schema are still dropped.
 */
export function compiledSerializer({ schema }: { schema: unknown }): (data: unknown) => string {
  return fastJson(z.toJSONSchema(schema as z.ZodType, { target: "draft-7" }) as Schema);
}
