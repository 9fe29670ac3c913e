import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/auth.js";
import type { Database } from "../../platform/db.js";
import { migrationLevel } from "../../platform/db.js";
import type { JobsAdmin } from "./jobs.service.js";

const health = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  database: z.object({
    kind: z.enum(["pglite", "postgres"]),
    reachable: z.boolean(),
    migrations: z
      .object({ applied: z.number().int(), known: z.number().int(), latest: z.string().nullable() })
      .nullable(),
  }),
});

const failedJob = z
  .object({
    id: z.string(),
    queue: z.string().meta({ description: "队列：事件及订阅者，或任务名" }),
    data: z.string().meta({ description: "任务内容（JSON，只含编号与状态）" }),
    error: z.string().meta({ description: "最后一次失败的原因" }),
    attempts: z.number().int(),
    createdAt: z.string(),
    failedAt: z.string().nullable(),
  })
  .meta({ id: "FailedJob" });

const jobIdParams = z.object({ id: z.uuid({ message: "任务编号格式不正确" }) });

export function systemRoutes(
  app: FastifyInstance,
  options: { database: Database; version: string; jobsAdmin: JobsAdmin },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["系统"],
        summary: "健康检查：数据库可达、版本、迁移级别",
        response: { 200: health, 503: health },
      },
    },
    async (_request, reply) => {
      const migrations = await migrationLevel(options.database.db).catch(() => null);
      const ok = migrations !== null && migrations.applied === migrations.known;
      return reply.code(ok ? 200 : 503).send({
        status: ok ? "ok" : "degraded",
        version: options.version,
        database: { kind: options.database.kind, reachable: migrations !== null, migrations },
      });
    },
  );

  r.get(
    "/api/admin/jobs/failed",
    {
      config: { access: "jobs.manage" },
      schema: {
        tags: ["系统"],
        summary: "任务与投递：重试用尽仍失败的任务（外部系统投递、短信等），最新在前",
        response: { 200: z.array(failedJob) },
      },
    },
    async (request) => options.jobsAdmin.listFailed(requireActor(request)),
  );

  r.post(
    "/api/admin/jobs/failed/:id/retry",
    {
      config: { access: "jobs.manage" },
      schema: { tags: ["系统"], summary: "重新投递一个失败任务", params: jobIdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await options.jobsAdmin.retry(requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
