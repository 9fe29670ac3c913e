import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ERRORS, type ErrorCode } from "../../common/errors.js";
import { AppError } from "./errors.js";

const PART_LABELS: Record<string, string> = {
  body: "请求内容",
  querystring: "查询参数",
  params: "路径参数",
  headers: "请求头",
};

/** Fastify's own request errors, in words a user can act on. */
const FRAMEWORK_ERRORS: Record<string, { code: ErrorCode; message?: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: "UNSUPPORTED_MEDIA_TYPE" },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: "VALIDATION_FAILED", message: "请求内容不能为空" },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "MALFORMED_JSON" },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "PAYLOAD_TOO_LARGE" },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: "VALIDATION_FAILED", message: "请求长度与内容不符" },
  FST_ERR_VALIDATION: { code: "VALIDATION_FAILED" },
};

/** Answers with a registered code: its status, and its registry message unless a more precise one is given. */
function answer(reply: FastifyReply, code: ErrorCode, message?: string, details?: Record<string, unknown>) {
  return reply.code(ERRORS[code].status).send({ code, message: message ?? ERRORS[code].message, details });
}

/**
 * One shape for every failure: `{ code, message, details? }`. Bad input is a 4xx with a Chinese message;
 * only a fault of ours is a 500, logged in full and answered without internals.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return answer(reply, error.code, error.message, error.details);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((issue) => {
        const path = issue.instancePath.replace(/^\//, "").replaceAll("/", ".");
        return { field: path || PART_LABELS[error.validationContext ?? ""] || "", message: issue.message };
      });
      const first = fields[0];
      const where = first?.field ? `${first.field}：` : "";
      return answer(reply, "VALIDATION_FAILED", `提交的内容有误：${where}${first?.message ?? "格式不正确"}`, {
        fields,
      });
    }
    const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
    if (known) return answer(reply, known.code, known.message);
    if (error.statusCode === 429) return answer(reply, "TOO_MANY_REQUESTS");
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.warn({ err: error }, "request rejected by the framework");
      return answer(reply, "BAD_REQUEST");
    }
    request.log.error({ err: error }, "unhandled error");
    return answer(reply, "INTERNAL_ERROR");
  });
}

/** Errors the router raises before any route is chosen (Fastify's `frameworkErrors` option). */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === "FST_ERR_MAX_PARAM_LENGTH") {
    void answer(reply, "URL_TOO_LONG");
    return;
  }
  void answer(reply, "BAD_URL");
}
