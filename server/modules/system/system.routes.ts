import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Database } from "../../platform/db.js";
import { migrationLevel } from "../../platform/db.js";

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

export function systemRoutes(app: FastifyInstance, options: { database: Database; version: string }): void {
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
}
