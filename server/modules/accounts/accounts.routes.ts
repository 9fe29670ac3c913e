import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Actor, auditActorOf, requireActor } from "../../platform/auth.js";
import type { Captchas } from "../../platform/captcha.js";
import { captchaView, idParams, okResponse } from "../../platform/http.js";
import {
  applicantSignInBody,
  changePasswordBody,
  createUserBody,
  emailBody,
  idSignInBody,
  idSmsCodeBody,
  listApplicantsQuery,
  listUsersQuery,
  registerApplicantBody,
  resetPasswordBody,
  sessionResponse,
  smsCodeBody,
  staffSignInBody,
  updateUserBody,
  usersPage,
  userView,
} from "./accounts.contract.js";
import type { AccountsService, SignedIn } from "./accounts.service.js";
import type { UsersService } from "./users.service.js";

export const SESSION_COOKIE = "banshi_session";

/** Reads the session cookie; the access guard calls this before every route. */
export function sessionResolver(accounts: AccountsService) {
  return async (request: FastifyRequest): Promise<Actor | "expired" | null> => {
    const token = request.cookies[SESSION_COOKIE];
    return token ? accounts.resolveSession(token) : null;
  };
}

export function accountsRoutes(
  app: FastifyInstance,
  services: {
    accounts: AccountsService;
    users: UsersService;
    captchas: Captchas;
    idleMinutes: number;
    signInRateLimit: number;
  },
): void {
  const { accounts, users, idleMinutes } = services;
  // Per client address: signing in and asking for codes are what an attacker would hammer.
  const signInRateLimit = { rateLimit: { max: services.signInRateLimit, timeWindow: "1 minute" } };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const authTags = ["登录与会话"];
  const userTags = ["用户管理"];

  async function startSession(reply: FastifyReply, signedIn: SignedIn) {
    reply.setCookie(SESSION_COOKIE, signedIn.token, { path: "/", httpOnly: true, sameSite: "lax", secure: "auto" });
    const actor = await accounts.resolveSession(signedIn.token);
    if (!actor || actor === "expired") throw new Error("a new session did not resolve");
    return { user: await accounts.describe(actor), idleMinutes };
  }

  r.post(
    "/api/auth/sms-code",
    {
      config: { access: "public", ...signInRateLimit },
      schema: {
        tags: authTags,
        summary: "获取短信验证码",
        body: smsCodeBody,
        response: { 200: z.object({ resendAfterSeconds: z.number().int() }) },
      },
    },
    async (request) => accounts.sendSmsCode(request.body.phone),
  );

  r.post(
    "/api/auth/applicant/sign-in",
    {
      config: { access: "public", ...signInRateLimit },
      schema: {
        tags: authTags,
        summary: "申请人（个人/法人）短信验证码登录，首次登录同时实名注册",
        body: applicantSignInBody,
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => startSession(reply, await accounts.signInApplicant(request.body)),
  );

  r.post(
    "/api/auth/id-sms-code",
    {
      config: { access: "public", ...signInRateLimit },
      schema: {
        tags: authTags,
        summary: "自助终端：凭身份证号获取短信验证码（发送至实名注册时登记的手机）",
        description: "已登记与未登记的身份证号得到同样的答复，不透露该号码是否已在本平台注册。",
        body: idSmsCodeBody,
        response: { 200: z.object({ resendAfterSeconds: z.number().int(), message: z.string() }) },
      },
    },
    async (request) => accounts.sendSmsCodeForId(request.body.idNumber),
  );

  r.post(
    "/api/auth/applicant/id-sign-in",
    {
      config: { access: "public", ...signInRateLimit },
      schema: {
        tags: authTags,
        summary: "自助终端：身份证号 + 短信验证码登录",
        body: idSignInBody,
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => startSession(reply, await accounts.signInById(request.body)),
  );

  r.post(
    "/api/auth/staff/sign-in",
    {
      config: { access: "public", ...signInRateLimit },
      schema: {
        tags: authTags,
        summary: "工作人员用户名密码登录",
        description:
          "同一网络地址连续 5 次密码错误，该地址锁定 15 分钟；账号累计 3 次密码错误后，须附图片验证码（CAPTCHA_REQUIRED）。",
        body: staffSignInBody,
        response: { 200: sessionResponse },
      },
    },
    async (request, reply) => startSession(reply, await accounts.signInStaff(request.body, request.ip)),
  );

  r.get(
    "/api/auth/captcha",
    {
      config: { access: "public", ...signInRateLimit },
      schema: {
        tags: authTags,
        summary: "工作人员登录用的图片验证码（SVG，5 分钟内有效，只能使用一次）",
        response: { 200: captchaView },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", "no-store");
      return services.captchas.issue();
    },
  );

  r.get(
    "/api/auth/session",
    {
      config: { access: "public" },
      schema: { tags: authTags, summary: "当前登录状态", response: { 200: sessionResponse } },
    },
    async (request) => ({ user: request.actor ? await accounts.describe(request.actor) : null, idleMinutes }),
  );

  r.post(
    "/api/auth/sign-out",
    { config: { access: "signed-in" }, schema: { tags: authTags, summary: "退出登录", response: { 200: okResponse } } },
    async (request, reply) => {
      await accounts.signOut(requireActor(request));
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  r.post(
    "/api/auth/password",
    {
      config: { access: "signed-in" },
      schema: { tags: authTags, summary: "修改本人密码", body: changePasswordBody, response: { 200: okResponse } },
    },
    async (request) => {
      await accounts.changePassword(requireActor(request), request.body);
      return { ok: true as const };
    },
  );

  r.put(
    "/api/me/email",
    {
      config: { access: "applicant" },
      schema: { tags: authTags, summary: "设置接收办件通知的电子邮箱", body: emailBody, response: { 200: okResponse } },
    },
    async (request) => {
      await accounts.setEmail(requireActor(request), request.body.email);
      return { ok: true as const };
    },
  );

  r.get(
    "/api/users",
    {
      config: { access: "user.manage" },
      schema: {
        tags: userTags,
        summary: "本单位及下级单位的工作人员",
        querystring: listUsersQuery,
        response: { 200: usersPage },
      },
    },
    async (request) => users.list(requireActor(request), request.query),
  );

  r.post(
    "/api/users",
    {
      config: { access: "user.manage" },
      schema: { tags: userTags, summary: "新建工作人员", body: createUserBody, response: { 201: userView } },
    },
    async (request, reply) => reply.code(201).send(await users.create(requireActor(request), request.body)),
  );

  r.patch(
    "/api/users/:id",
    {
      config: { access: "user.manage" },
      schema: {
        tags: userTags,
        summary: "修改工作人员（姓名、角色、启用/停用）",
        params: idParams,
        body: updateUserBody,
        response: { 200: userView },
      },
    },
    async (request) => users.update(requireActor(request), request.params.id, request.body),
  );

  r.post(
    "/api/users/:id/reset-password",
    {
      config: { access: "user.manage" },
      schema: {
        tags: userTags,
        summary: "重置密码（下次登录须修改）",
        params: idParams,
        body: resetPasswordBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await users.resetPassword(requireActor(request), request.params.id, request.body.password);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/users/:id/unlock",
    {
      config: { access: "user.manage" },
      schema: { tags: userTags, summary: "解除登录锁定", params: idParams, response: { 200: okResponse } },
    },
    async (request) => {
      await users.unlock(requireActor(request), request.params.id);
      return { ok: true as const };
    },
  );

  r.post(
    "/api/applicants",
    {
      config: { access: "case.intake" },
      schema: {
        tags: userTags,
        summary: "窗口登记申请人（实名：姓名+身份证号，或单位名称+统一社会信用代码）",
        body: registerApplicantBody,
        response: { 201: z.object({ id: z.uuid(), name: z.string() }) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const row = await accounts.register(request.body.phone, request.body.signUp, auditActorOf(actor));
      return reply.code(201).send({ id: row.id, name: row.name });
    },
  );

  r.get(
    "/api/applicants",
    {
      config: { access: "applicant.view" },
      schema: {
        tags: userTags,
        summary: "查找申请人（证件号、手机号精确查找）",
        querystring: listApplicantsQuery,
        response: { 200: usersPage },
      },
    },
    async (request) => users.listApplicants(requireActor(request), request.query),
  );
}
