import { ERRORS, type ErrorCode } from "../../common/errors.js";

/**
 * Every failure a user can see: a code from the registry in common/errors.ts (which gives its HTTP status), and a
 * Chinese message for people: the registry's, or a more precise one the thrower knows (which file, which field).
 */
export class AppError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string = ERRORS[code].message,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
    this.statusCode = ERRORS[code].status;
  }
}

export const errors = {
  validation: (message: string, details?: Record<string, unknown>) =>
    new AppError("VALIDATION_FAILED", message, details),
  unauthenticated: () => new AppError("UNAUTHENTICATED"),
  sessionExpired: () => new AppError("SESSION_EXPIRED"),
  forbidden: (message?: string) => new AppError("FORBIDDEN", message),
  outOfScope: () => new AppError("OUT_OF_SCOPE"),
  csrf: () => new AppError("CSRF_TOKEN_INVALID"),
  notFound: (what: string) => new AppError("NOT_FOUND", `${what}不存在`),
  staleVersion: () => new AppError("STALE_VERSION"),
  tooManyRequests: (message: string) => new AppError("TOO_MANY_REQUESTS", message),
};
