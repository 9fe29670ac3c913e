import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "./errors.js";

const PART_LABELS: Record<string, string> = {
  body: "请求内容",
  querystring: "查询参数",
  params: "路径参数",
  headers: "请求头",
};

/** Fastify's own request errors, in words a user can act on. */
const FRAMEWORK_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: "请求内容类型不受支持，请以 JSON 格式提交",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "VALIDATION_FAILED", message: "请求内容不能为空" },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "MALFORMED_JSON", message: "请求内容不是有效的 JSON" },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "PAYLOAD_TOO_LARGE", message: "提交的内容过大" },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: "VALIDATION_FAILED", message: "请求长度与内容不符" },
  FST_ERR_VALIDATION: { code: "VALIDATION_FAILED", message: "提交的内容不符合要求" },
};

/**
 * One shape for every failure: `{ code, message, details? }`. Bad input is a 4xx with a Chinese message;
 * only a fault of ours is a 500, logged in full and answered without internals.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.code(error.statusCode).send({ code: error.code, message: error.message, details: error.details });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => {
        const path = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
        return { field: path || PART_LABELS[error.validationContext ?? ""] || "", message: issue.message };
      });
      const first = fields[0];
      const where = first?.field ? `${first.field}：` : "";
      return reply.code(400).send({
        code: "VALIDATION_FAILED",
        message: `提交的内容有误：${where}${first?.message ?? "格式不正确"}`,
        details: { fields },
      });
    }
    const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
    if (known) return reply.code(error.statusCode ?? 400).send(known);
    if (error.statusCode === 429) {
      return reply.code(429).send({ code: "TOO_MANY_REQUESTS", message: "请求过于频繁，请稍后再试" });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.warn({ err: error }, "request rejected by the framework");
      return reply.code(error.statusCode).send({ code: "BAD_REQUEST", message: "请求无效，请检查后重试" });
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.code(500).send({ code: "INTERNAL_ERROR", message: "系统繁忙，请稍后再试" });
  });
}

/** Errors the router raises before any route is chosen (Fastify's `frameworkErrors` option). */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
    void reply.code(414).send({ code: "URL_TOO_LONG", message: "请求地址过长" });
    return;
  }
  void reply.code(400).send({ code: "BAD_URL", message: "请求地址无效" });
}
