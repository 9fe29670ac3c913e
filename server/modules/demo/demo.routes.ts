import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ROLE_LABELS } from "../../platform/auth.js";
import type { DevCaptchaLog } from "../../platform/captcha.js";
import { AppError } from "../../platform/errors.js";
import { isLoopbackAddress } from "../../platform/network.js";
import type { DevMailSender, DevSmsSender } from "../../platform/sms.js";
import { DEMO_APPLICANTS, DEMO_PASSWORD, DEMO_STAFF } from "./demo.seed.js";
import { demoCandidates } from "./demo-results.js";

const demoAccounts = z.object({
  password: z.string(),
  staff: z.array(z.object({ username: z.string(), name: z.string(), org: z.string(), roles: z.array(z.string()) })),
  applicants: z.array(z.object({ phone: z.string(), name: z.string(), kind: z.string() })),
  candidates: z.array(
    z.object({ batchTitle: z.string(), examNumber: z.string(), idNumber: z.string(), name: z.string() }),
  ),
});

const inbox = z.array(z.object({ at: z.string(), phone: z.string(), text: z.string() }));
const outbox = z.array(z.object({ at: z.string(), address: z.string(), subject: z.string(), text: z.string() }));

const demoOff = () => new AppError("DEMO_MODE_OFF");

/**
 * The dev inbox, outbox and captcha answers hold every code the platform would have sent: only a browser on the
 * server's own machine may read them. Judged on the socket's address, which no header can change; a request that a
 * proxy relayed (it names a forwarded address) is not local either, even when the proxy runs on this machine.
 */
function fromThisMachine(request: FastifyRequest): boolean {
  const { headers } = request;
  if (headers["x-forwarded-for"] !== undefined || headers.forwarded !== undefined || headers["x-real-ip"] !== undefined)
    return false;
  return isLoopbackAddress(request.socket.remoteAddress);
}

/**
 * Demo mode only: the accounts shown on the sign-in page; and, to a browser on this machine only, the inbox of SMS
 * and mail that were not really sent and the answers of captchas.
 */
export function demoRoutes(
  app: FastifyInstance,
  options: {
    demo: boolean;
    devSms: DevSmsSender | null;
    devMail: DevMailSender | null;
    devCaptchas: DevCaptchaLog | null;
  },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["演示"];
  const localDemoOnly = async (request: FastifyRequest) => {
    if (!options.demo) throw demoOff();
    if (!fromThisMachine(request)) {
      throw new AppError("LOOPBACK_ONLY");
    }
  };

  r.get(
    "/api/demo/accounts",
    {
      config: { access: "public" },
      schema: { tags, summary: "演示账号（仅演示模式）", response: { 200: demoAccounts } },
    },
    async () => {
      if (!options.demo) throw demoOff();
      return {
        password: DEMO_PASSWORD,
        staff: DEMO_STAFF.map((s) => ({
          username: s.username,
          name: s.name,
          org: s.org.join(" / "),
          roles: s.roles.map((role) => ROLE_LABELS[role]),
        })),
        applicants: DEMO_APPLICANTS.map((a) => ({
          phone: a.phone,
          name: a.signUp.name,
          kind: a.signUp.kind === "person" ? "个人" : "法人",
        })),
        candidates: demoCandidates(),
      };
    },
  );

  r.get(
    "/api/dev/inbox",
    {
      config: { access: "public" },
      onRequest: localDemoOnly,
      schema: { tags, summary: "开发短信收件箱（仅演示模式、仅本机访问，短信未真实发送）", response: { 200: inbox } },
    },
    async () => {
      if (!options.demo || !options.devSms) throw demoOff();
      return options.devSms.inbox();
    },
  );

  r.get(
    "/api/dev/mail",
    {
      config: { access: "public" },
      onRequest: localDemoOnly,
      schema: { tags, summary: "开发邮件发件箱（仅演示模式、仅本机访问，邮件未真实发送）", response: { 200: outbox } },
    },
    async () => {
      if (!options.demo || !options.devMail) throw demoOff();
      return options.devMail.outbox();
    },
  );

  r.get(
    "/api/dev/captcha",
    {
      config: { access: "public" },
      onRequest: localDemoOnly,
      schema: {
        tags,
        summary: "验证码答案（仅演示模式、仅本机访问，供浏览器测试读取）",
        querystring: z.object({ token: z.string().max(200) }),
        response: { 200: z.object({ answer: z.string() }) },
      },
    },
    async (request) => {
      const answer = options.devCaptchas?.answerOf(request.query.token);
      if (!options.demo || !answer) throw demoOff();
      return { answer };
    },
  );
}
