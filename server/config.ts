import path from "node:path";
import { z } from "zod";
import type { DeliveryEndpoint } from "./platform/delivery.js";
import type { S3Settings } from "./platform/files.js";
import { isProxyAddress } from "./platform/network.js";

const booleanFlag = z
  .enum(["true", "false", "1", "0"], { message: "只能是 true/false/1/0" })
  .transform((value) => value === "true" || value === "1");

/**
 * TRUST_PROXY: how many proxies stand in front (a hop count), or which addresses they have; unset or false, none.
 * `true` is refused: it trusts every X-Forwarded-For, whose left-most entry the client writes itself.
 */
const trustProxySetting = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): false | number | string[] => {
    if (value === undefined || value === "" || value === "false" || value === "0") return false;
    if (value === "true") {
      ctx.addIssue({
        code: "custom",
        message:
          "不再接受 true（会相信客户端自己填写的 X-Forwarded-For）：请填写代理层数（如 1），或代理的地址列表（如 10.0.0.5,10.1.0.0/16）",
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) {
      const hops = Number(value);
      if (hops > 10) {
        ctx.addIssue({ code: "custom", message: "代理层数应在 1–10 之间" });
        return z.NEVER;
      }
      return hops;
    }
    const entries = value.split(",").map((entry) => entry.trim());
    const bad = entries.filter((entry) => !isProxyAddress(entry));
    if (bad.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `无效的代理地址 ${bad.map((b) => `“${b}”`).join("、")}：应为代理层数（如 1），或以逗号分隔的 IP 地址、网段（如 10.1.0.0/16）或 loopback、linklocal、uniquelocal`,
      });
      return z.NEVER;
    }
    return entries;
  });

/** An outside system (the provincial integrated platform, the credit-sharing platform) sent events by signed HTTP. */
const deliveryEndpoint: z.ZodType<DeliveryEndpoint> = z.object({
  name: z.string().regex(/^[a-z0-9-]{1,40}$/, { message: "名称只能用小写字母、数字和连字符" }),
  url: z.url({ message: "必须是网址" }),
  secret: z.string().min(32, { message: "签名密钥至少 32 个字符" }),
  events: z.array(z.string().min(1)).min(1, { message: "至少订阅一种事件" }),
  retryLimit: z.number().int().min(0).max(20).optional(),
  retryDelaySeconds: z.number().int().min(1).max(3600).optional(),
});

const environmentSchema = z.object({
  PORT: z.coerce
    .number({ message: "必须是数字" })
    .int({ message: "必须是整数" })
    .min(0, { message: "必须在 0–65535 之间" })
    .max(65535, { message: "必须在 0–65535 之间" })
    .default(3000),
  HOST: z.string().min(1, { message: "不能为空" }).default("127.0.0.1"),
  DATA_DIR: z.string().min(1, { message: "不能为空" }).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: "必须以 postgres:// 或 postgresql:// 开头" })
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, { message: "必须以 redis:// 或 rediss:// 开头" })
    .optional(),
  DEMO: booleanFlag.optional(),
  SECRET_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, { message: "必须是 64 位十六进制字符（32 字节）" })
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce.number({ message: "必须是数字" }).int().min(1).max(1440).default(30),
  SIGN_IN_RATE_LIMIT: z.coerce.number({ message: "必须是数字" }).int().min(1).max(100_000).default(20),
  TRUST_PROXY: trustProxySetting,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WEB_DIR: z.string().default("dist/web"),
  S3_ENDPOINT: z.url({ message: "必须是网址，如 https://oss.example.gov.cn" }).optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  CASE_WARNING_DAYS: z.coerce.number({ message: "必须是数字" }).int().min(0).max(30).default(2),
  WARNING_SWEEP_MINUTES: z.coerce.number({ message: "必须是数字" }).int().min(1).max(1440).default(10),
  RESULTS_LOOKUP_RATE_LIMIT: z.coerce.number({ message: "必须是数字" }).int().min(1).max(10_000_000).default(60),
  RESULTS_LOOKUPS_PER_NUMBER: z.coerce.number({ message: "必须是数字" }).int().min(1).max(1000).default(10),
  RESULTS_REFRESH_SECONDS: z.coerce.number({ message: "必须是数字" }).int().min(1).max(3600).default(5),
  PUBLIC_URL: z
    .url({ message: "必须是网址，如 https://banshi.example.gov.cn" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  RECTIFICATION_DAYS: z.coerce.number({ message: "必须是数字" }).int().min(1).max(60).default(15),
  COMPLAINT_DAYS: z.coerce.number({ message: "必须是数字" }).int().min(1).max(60).default(15),
  CONSULTATION_DAYS: z.coerce.number({ message: "必须是数字" }).int().min(1).max(30).default(5),
  DELIVERY_ENDPOINTS: z
    .string()
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: "必须是 JSON 数组" });
        return z.NEVER;
      }
    })
    .pipe(z.array(deliveryEndpoint))
    .default([]),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Demo mode seeds demo data and shows the demo accounts; on by default only for the embedded database. */
  demo: boolean;
  /** Hex key from which the SM4 and blind-index keys are derived; generated into DATA_DIR when unset. */
  secretKey: string | undefined;
  sessionIdleMinutes: number;
  /** Sign-in and SMS-code requests allowed per client address per minute. */
  signInRateLimit: number;
  /**
   * Behind reverse proxies: the client address is taken from X-Forwarded-For, read from the right past this many
   * proxies (a hop count) or past the proxies at these addresses; `false`, no proxy (the socket's address).
   */
  trustProxy: false | number | string[];
  logLevel: string;
  webDir: string;
  /** Files in an S3-compatible bucket instead of DATA_DIR/files, when S3_BUCKET is set. */
  s3: S3Settings | undefined;
  /** Working days before the promised date from which a case shows yellow (即将超期). */
  caseWarningDays: number;
  /** How often the deadline warnings are recomputed (once across all server processes). */
  warningSweepMinutes: number;
  /** Score lookups (and captchas) per client address per minute. */
  resultsLookupRateLimit: number;
  /** Lookups of any one exam number per 10 minutes, whoever asks. */
  resultsLookupsPerNumber: number;
  /** How often each process checks for newly imported or rescheduled result batches. */
  resultsRefreshSeconds: number;
  /** Where users reach the platform; the links in SMS messages start with it. */
  publicUrl: string;
  /** Working days to rectify a bad rating, to answer a complaint, to answer a consultation. */
  rectificationDays: number;
  complaintDays: number;
  consultationDays: number;
  /** Outside systems the platform's events are delivered to (DELIVERY_ENDPOINTS, a JSON array). */
  deliveryEndpoints: DeliveryEndpoint[];
};

export class ConfigError extends Error {}

/** Reads and validates the environment; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema
    .refine((e) => !e.S3_BUCKET || (e.S3_ENDPOINT && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY), {
      message: "设置 S3_BUCKET 时须同时设置 S3_ENDPOINT、S3_ACCESS_KEY_ID 和 S3_SECRET_ACCESS_KEY",
      path: ["S3_BUCKET"],
    })
    .safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`配置错误（环境变量无效）/ invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    demo: e.DEMO ?? e.DATABASE_URL === undefined,
    secretKey: e.SECRET_KEY,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    signInRateLimit: e.SIGN_IN_RATE_LIMIT,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    webDir: path.resolve(e.WEB_DIR),
    s3: e.S3_BUCKET
      ? {
          endpoint: e.S3_ENDPOINT ?? "",
          bucket: e.S3_BUCKET,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID ?? "",
          secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? "",
        }
      : undefined,
    caseWarningDays: e.CASE_WARNING_DAYS,
    warningSweepMinutes: e.WARNING_SWEEP_MINUTES,
    resultsLookupRateLimit: e.RESULTS_LOOKUP_RATE_LIMIT,
    resultsLookupsPerNumber: e.RESULTS_LOOKUPS_PER_NUMBER,
    resultsRefreshSeconds: e.RESULTS_REFRESH_SECONDS,
    publicUrl: e.PUBLIC_URL ?? `http://${e.HOST === "0.0.0.0" ? "127.0.0.1" : e.HOST}:${e.PORT}`,
    rectificationDays: e.RECTIFICATION_DAYS,
    complaintDays: e.COMPLAINT_DAYS,
    consultationDays: e.CONSULTATION_DAYS,
    deliveryEndpoints: e.DELIVERY_ENDPOINTS,
  };
}
