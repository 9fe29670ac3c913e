import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireActor } from "../../platform/auth.js";
import { notificationView } from "./notifications.contract.js";
import type { NotificationsService } from "./notifications.service.js";

export function notificationsRoutes(app: FastifyInstance, service: NotificationsService): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/api/my/notifications",
    {
      config: { access: "signed-in" },
      schema: { tags: ["办件（申请人）"], summary: "站内消息", response: { 200: z.array(notificationView) } },
    },
    async (request) => service.listMine(requireActor(request)),
  );
}
