import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import helmet from "helmet";
import { Redis } from "ioredis";
import { z } from "zod";
import type { Config } from "./config.js";
import {
  accountsRoutes,
  createAccountsService,
  createUsersService,
  SESSION_COOKIE,
  sessionResolver,
} from "./modules/accounts/index.js";
import { auditRoutes, createAuditService } from "./modules/audit/index.js";
import { bundlesRoutes, createBundlesService } from "./modules/bundles/index.js";
import { calendarRoutes, createCalendarService } from "./modules/calendar/index.js";
import { caseStatusChanged, casesRoutes, createCasesService } from "./modules/cases/index.js";
import { catalogRoutes, createCatalogSearch, createCatalogService } from "./modules/catalog/index.js";
import { complaintsRoutes, createComplaintsService } from "./modules/complaints/index.js";
import { consultationsRoutes, createConsultationsService } from "./modules/consultations/index.js";
import { createCreditService } from "./modules/credit/index.js";
import {
  demoRoutes,
  seedDemoAccounts,
  seedDemoBundles,
  seedDemoCatalog,
  seedDemoResults,
  seedDemoStudents,
} from "./modules/demo/index.js";
import { fileRoutes } from "./modules/files/index.js";
import { createLicencesService, licencesRoutes } from "./modules/licences/index.js";
import { createNotificationsService, notificationsRoutes } from "./modules/notifications/index.js";
import { createOrgService, orgRoutes } from "./modules/orgs/index.js";
import {
  createPartnersService,
  installOpenApi,
  partnerResolver,
  partnersRoutes,
  SIGNATURE_HEADERS,
} from "./modules/partners/index.js";
import { createRatingFigures, createRatingsService, ratingsRoutes } from "./modules/ratings/index.js";
import { createResultsService, resultsRoutes } from "./modules/results/index.js";
import { createStudentsService, studentsRoutes } from "./modules/students/index.js";
import { createJobsAdmin, systemRoutes } from "./modules/system/index.js";
import { auditKeyOf, rechainAudit, setAuditKey } from "./platform/audit.js";
import { checkpointSinks } from "./platform/audit-checkpoints.js";
import { declareAccess, installAccessGuard, type RegisteredRoute } from "./platform/auth.js";
import { createCaptchas, DevCaptchaLog } from "./platform/captcha.js";
import { createPersonalDataCipher, loadOrCreateSecret } from "./platform/crypto.js";
import { installCsrfProtection } from "./platform/csrf.js";
import { runDataMigrations } from "./platform/data-migrations.js";
import type { Database } from "./platform/db.js";
import { deliverToEndpoints } from "./platform/delivery.js";
import { answerFrameworkError, installErrorHandler } from "./platform/error-handler.js";
import { createEvents } from "./platform/events.js";
import { createFileStore, diskBlobStore, s3BlobStore } from "./platform/files.js";
import { createJobs } from "./platform/jobs.js";
import { createCounters, createLimits } from "./platform/limiter.js";
import { isLoopbackHost } from "./platform/network.js";
import { memoryOnceStore, redisOnceStore } from "./platform/once.js";
import { finishOpenApiDocument, type Document as OpenApiDocument } from "./platform/openapi.js";
import { createFormSealer } from "./platform/sealed-form.js";
import { DevMailSender, DevSmsSender, type MailSender, type SmsSender, signedSms } from "./platform/sms.js";

z.config(z.locales.zhCN());

export const VERSION: string = JSON.parse(
  readFileSync(
    new URL(import.meta.url.includes("/dist/") ? "../../package.json" : "../package.json", import.meta.url),
    "utf8",
  ),
).version;

export type AppOptions = {
  config: Config;
  database: Database;
  logger: FastifyBaseLogger;
  /** Replaces the SMS sender; by default the dev sender (log and inbox) is used. */
  sms?: SmsSender;
  /** Replaces the mail sender; by default the dev sender (log and outbox) is used. */
  mail?: MailSender;
};

export type App = {
  app: FastifyInstance;
  routes: RegisteredRoute[];
  services: ReturnType<typeof createServices>;
  devSms: DevSmsSender | null;
  devMail: DevMailSender | null;
};

function createServices(options: AppOptions, sms: SmsSender, mail: MailSender, redis: Redis | null) {
  const { db } = options.database;
  const { config } = options;
  const secret = loadOrCreateSecret(options.config.dataDir, options.config.secretKey);
  setAuditKey(secret);
  const cipher = createPersonalDataCipher(secret);
  const forms = createFormSealer(cipher);
  const orgs = createOrgService(db);
  const jobs = createJobs(options.database, options.logger);
  const events = createEvents(jobs);
  const once = redis ? redisOnceStore(redis, options.logger) : memoryOnceStore();
  const devCaptchas = config.demo ? new DevCaptchaLog() : null;
  const captchas = createCaptchas({ cipher, once, onIssue: devCaptchas?.record });
  const limits = createLimits(redis);
  const accounts = createAccountsService({
    db,
    cipher,
    sms,
    orgs,
    idleMinutes: options.config.sessionIdleMinutes,
    captchas,
    limits,
    log: options.logger,
  });
  const users = createUsersService({ db, cipher, orgs });
  const notifications = createNotificationsService({ db, jobs, sms, mail, contactOf: users.contactOf });
  const calendar = createCalendarService(db);
  const audit = createAuditService(db, { key: auditKeyOf(secret), sinks: checkpointSinks(config, options.logger) });
  const files = createFileStore(
    db,
    options.config.s3 ? s3BlobStore(options.config.s3) : diskBlobStore(path.join(options.config.dataDir, "files")),
  );
  const catalog = createCatalogService({ db, orgs, search: createCatalogSearch(db) });
  const students = createStudentsService({ db, orgs });
  const licences = createLicencesService({ db, files, cipher, orgs, publicUrl: config.publicUrl });
  const cases = createCasesService({
    db,
    events,
    orgs,
    students,
    licences,
    calendar,
    notifications,
    cipher,
    forms,
    files,
    credit: createCreditService(db),
    warningDays: options.config.caseWarningDays,
    log: options.logger,
  });
  const results = createResultsService({
    db,
    jobs,
    cipher,
    log: options.logger,
    failuresPerNumber: {
      counter: createCounters(redis)("results-number-failures", 600),
      escalateAfter: config.resultsLookupsPerNumber,
    },
  });
  const partners = createPartnersService({ db, cipher, once });
  const ratingFigures = createRatingFigures(db, orgs);
  const ratings = createRatingsService({
    events,
    notifications,
    db,
    calendar,
    cases,
    orgs,
    cipher,
    files,
    publicUrl: config.publicUrl,
    rectificationDays: config.rectificationDays,
    warningDays: config.caseWarningDays,
    log: options.logger,
    figuresChanged: ratingFigures.forget,
  });
  // What outside systems may subscribe to: the case data the provincial integrated platform collects.
  deliverToEndpoints(events, config.deliveryEndpoints, [caseStatusChanged]);
  const bundles = createBundlesService({
    events,
    notifications,
    db,
    orgs,
    cases,
    ratings,
    calendar,
    files,
    forms,
    log: options.logger,
  });
  const complaints = createComplaintsService({
    notifications,
    db,
    orgs,
    calendar,
    cipher,
    forms,
    files,
    answerDays: config.complaintDays,
    warningDays: config.caseWarningDays,
  });
  const consultations = createConsultationsService({
    notifications,
    db,
    orgs,
    calendar,
    forms,
    answerDays: config.consultationDays,
    warningDays: config.caseWarningDays,
  });
  return {
    /** Changes to stored rows that need the key, each once: run at start before anything is seeded. */
    migrateData: () =>
      runDataMigrations(
        db,
        [
          rechainAudit,
          ...cases.dataMigrations,
          ...bundles.dataMigrations,
          ...ratings.dataMigrations,
          ...complaints.dataMigrations,
          ...consultations.dataMigrations,
        ],
        options.logger,
      ),
    jobs,
    jobsAdmin: createJobsAdmin({ db, jobs }),
    cipher,
    orgs,
    accounts,
    users,
    notifications,
    calendar,
    audit,
    files,
    catalog,
    cases,
    students,
    licences,
    captchas,
    devCaptchas,
    results,
    partners,
    limits,
    ratings,
    ratingFigures,
    bundles,
    complaints,
    consultations,
  };
}

/** Builds the whole application on an open, migrated database; `main.ts` listens, tests use `inject`. */
export async function buildApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger,
    trustProxy: proxyTrust(config.trustProxy),
    bodyLimit: 1024 * 1024,
    frameworkErrors: answerFrameworkError,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  const devSms = options.sms ? null : new DevSmsSender(app.log);
  const devMail = options.mail ? null : new DevMailSender(app.log);
  const redis = config.redisUrl ? connectRedis(app, config.redisUrl) : null;
  const services = createServices(
    options,
    signedSms(options.sms ?? (devSms as DevSmsSender)),
    options.mail ?? (devMail as DevMailSender),
    redis,
  );

  installSecurityHeaders(app);
  await app.register(fastifyCookie);
  await registerRateLimit(app, redis);
  installCsrfProtection(app);
  const routes = installAccessGuard(app, sessionResolver(services.accounts), partnerResolver(services.partners));
  installOpenApi(app, services.limits);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: { title: "办事 Banshi 接口", description: "教育系统“办事不求人”服务平台接口", version: VERSION },
    },
    transform: jsonSchemaTransform,
    transformObject: (document) =>
      finishOpenApiDocument(jsonSchemaTransformObject(document) as unknown as OpenApiDocument, {
        routes,
        publicUrl: config.publicUrl,
        sessionCookie: SESSION_COOKIE,
        partnerAppIdHeader: SIGNATURE_HEADERS.appId,
      }) as unknown as ReturnType<typeof jsonSchemaTransformObject>,
  });
  await app.register(async (docs) => {
    declareAccess(docs, "public");
    await docs.register(fastifySwaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  });

  systemRoutes(app, { database: options.database, version: VERSION, jobsAdmin: services.jobsAdmin });
  orgRoutes(app, services.orgs);
  accountsRoutes(app, {
    accounts: services.accounts,
    users: services.users,
    captchas: services.captchas,
    idleMinutes: config.sessionIdleMinutes,
    signInRateLimit: config.signInRateLimit,
  });
  calendarRoutes(app, services.calendar);
  auditRoutes(app, services.audit);
  await fileRoutes(app, services.files);
  catalogRoutes(app, services.catalog);
  casesRoutes(app, services.cases);
  notificationsRoutes(app, services.notifications);
  studentsRoutes(app, { students: services.students });
  licencesRoutes(app, {
    licences: services.licences,
    // Verifications and file checks together, per client address per minute: enough for a counter, not for guessing.
    perAddress: services.limits("licences-address", 60, 60),
  });
  resultsRoutes(app, {
    results: services.results,
    captchas: services.captchas,
    perAddress: services.limits("results-address", config.resultsLookupRateLimit, 60),
    uploadDir: path.join(config.dataDir, "uploads"),
  });
  partnersRoutes(app, services.partners);
  ratingsRoutes(app, services.ratings, services.ratingFigures);
  bundlesRoutes(app, services.bundles);
  consultationsRoutes(app, services.consultations);
  complaintsRoutes(app, {
    complaints: services.complaints,
    captchas: services.captchas,
    // Submissions, captchas and tracking lookups together, per client address per minute.
    perAddress: services.limits("complaints-address", 30, 60),
  });
  demoRoutes(app, { demo: config.demo, devSms, devMail, devCaptchas: services.devCaptchas });
  const stopResults = services.results.start(config.resultsRefreshSeconds * 1000);
  // Every module has subscribed and defined its queues by now; the workers start with the app.
  await services.jobs.start();
  app.addHook("onClose", async () => {
    await services.jobs.stop();
    await stopResults();
    await services.accounts.drain();
  });

  await serveWebApp(app, config.webDir);
  return { app, routes, services, devSms, devMail };
}

/**
 * Which proxies' X-Forwarded-For is believed. A list is given to Fastify as it is; a hop count becomes a function
 * trusting that many hops from the socket, because Fastify 5.12 treats a bare number as "trust nobody" (it cannot
 * check the nearest peer), which behind a proxy would count every user under the proxy's one address.
 */
export function proxyTrust(
  setting: Config["trustProxy"],
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof setting !== "number") return setting;
  return (_address, hop) => hop < setting;
}

/**
 * Security headers: the full set for the pages and files of the web app; for API answers the short set the OWASP
 * REST cheat sheet names (nothing may frame, sniff or load from them), which keeps a score lookup's answer small.
 * Each helmet middleware is built once: the Fastify plugin built it again, and parsed the policy again, per request.
 * Framing is refused by both headers alike (CSP frame-ancestors 'none', X-Frame-Options DENY); the one exception,
 * `framableBySite` (platform/http.ts), sets 'self' and SAMEORIGIN together.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  const pageHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its component styles at run time (CSS-in-JS).
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Intranet deployments may serve plain HTTP; upgrading would break every asset there.
        upgradeInsecureRequests: null,
      },
    },
    // Says what frame-ancestors 'none' says, for browsers that read only the older header.
    xFrameOptions: { action: "deny" },
  });
  const apiHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    xFrameOptions: { action: "deny" },
  });
  app.addHook("onRequest", (request, reply, done) => {
    const apply = request.url.startsWith("/api/") ? apiHeaders : pageHeaders;
    apply(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
}

/** The Redis that every server process shares (rate limits, one-time keys), closed with the app. */
function connectRedis(app: FastifyInstance, redisUrl: string): Redis {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on("error", (error) => app.log.warn({ err: error }, "Redis 不可用，限流与一次性校验暂由各进程自行承担"));
  app.addHook("onClose", async () => {
    redis.disconnect();
  });
  return redis;
}

/**
 * Per-route rate limits (sign-in), kept in Redis when configured so that every server process counts together.
 * A Redis outage lets requests through rather than locking everyone out of signing in.
 */
async function registerRateLimit(app: FastifyInstance, redis: Redis | null): Promise<void> {
  if (!redis) {
    await app.register(fastifyRateLimit, { global: false });
    return;
  }
  await app.register(fastifyRateLimit, { global: false, redis, skipOnError: true, nameSpace: "banshi-rate-limit-" });
}

/** The built web app: its files, and index.html for every other non-API path (client-side routing). */
async function serveWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  const indexFile = path.join(webDir, "index.html");
  const indexHtml = existsSync(indexFile) ? readFileSync(indexFile, "utf8") : null;
  if (indexHtml) {
    await app.register(async (web) => {
      declareAccess(web, "public");
      await web.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith("/api/") || !indexHtml || request.method !== "GET") {
      return reply.code(404).send({ code: "NOT_FOUND", message: "请求的地址不存在" });
    }
    return reply.type("text/html; charset=utf-8").send(indexHtml);
  });
}

/**
 * Demo mode seeds accounts whose one password is printed on the sign-in page: say so loudly, in both languages, when
 * the server listens beyond this machine (the dev inbox and captcha answers stay for loopback clients only).
 */
export function warnIfDemoIsReachable(config: Config, log: Pick<FastifyBaseLogger, "warn">): void {
  if (!config.demo || isLoopbackHost(config.host)) return;
  log.warn(
    { host: config.host, demo: true },
    `警告：演示模式正在监听 ${config.host}，本机以外也能访问——演示账号共用页面上公开的密码，任何能访问此地址的人都能以管理员身份登录；正式使用请设置 DEMO=false。` +
      ` / WARNING: demo mode is listening on ${config.host}, beyond this machine: the demo accounts share the password shown on the sign-in page, so anyone who can reach this address can sign in as an administrator; set DEMO=false for real use.`,
  );
}

/** First-start work: the official calendars, the province org tree, and in demo mode the demo accounts. */
export async function seedOnStart(built: App, config: Config): Promise<void> {
  const { services } = built;
  await services.migrateData();
  const loadedYears = await services.calendar.loadOfficialSchedules();
  if (loadedYears.length) built.app.log.info({ years: loadedYears }, "已导入官方节假日安排");
  const treeCreated = await services.orgs.seedProvinceTree();
  if (treeCreated && config.demo) {
    await seedDemoAccounts(services);
    await seedDemoCatalog(services);
    await seedDemoBundles(services);
    await seedDemoStudents(services);
    await services.consultations.assignDefaultDesks();
    await seedDemoResults(services.results, path.join(config.dataDir, "uploads"));
    built.app.log.info("已生成演示账号、演示事项库与演示成绩");
  }
  for (const warning of (await services.calendar.status()).warnings) built.app.log.warn(warning);
}
