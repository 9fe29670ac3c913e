/** Every failure a user can see: a stable code for programs, an HTTP status, and a Chinese message for people. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const errors = {
  validation: (message: string, details?: Record<string, unknown>) =>
    new AppError("VALIDATION_FAILED", 400, message, details),
  unauthenticated: () => new AppError("UNAUTHENTICATED", 401, "请先登录"),
  sessionExpired: () => new AppError("SESSION_EXPIRED", 401, "登录已超时，请重新登录"),
  forbidden: (message = "您没有权限执行此操作") => new AppError("FORBIDDEN", 403, message),
  outOfScope: () => new AppError("OUT_OF_SCOPE", 403, "该数据不在您所在单位的管辖范围内"),
  csrf: () => new AppError("CSRF_TOKEN_INVALID", 403, "页面已过期，请刷新后重试"),
  notFound: (what: string) => new AppError("NOT_FOUND", 404, `${what}不存在`),
  conflict: (code: string, message: string) => new AppError(code, 409, message),
  staleVersion: () => new AppError("STALE_VERSION", 409, "数据已被他人修改，请刷新后重试"),
  tooManyRequests: (message: string) => new AppError("TOO_MANY_REQUESTS", 429, message),
};
