import type { FastifyInstance } from "fastify";
import { randomToken } from "./crypto.js";
import { errors } from "./errors.js";

export const CSRF_COOKIE = "banshi_csrf";
export const CSRF_HEADER = "x-csrf-token";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Double-submit protection for every state-changing API request: the page reads the (non-httpOnly) CSRF
 * cookie and echoes it in a header, which another site can neither read nor set. Cookies are SameSite too.
 */
export function installCsrfProtection(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    // The open API carries no cookies: each request is signed by a partner app instead.
    if (request.url.startsWith("/api/open/")) return;
    let cookie = request.cookies[CSRF_COOKIE];
    if (!cookie) {
      cookie = randomToken(24);
      reply.setCookie(CSRF_COOKIE, cookie, { path: "/", sameSite: "strict", httpOnly: false, secure: "auto" });
    }
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith("/api/")) return;
    if (request.headers[CSRF_HEADER] !== cookie) throw errors.csrf();
  });
}
