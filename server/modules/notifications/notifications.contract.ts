import { z } from "zod";

export const notificationView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid().nullable(),
    text: z.string(),
    createdAt: z.date(),
    readAt: z.date().nullable(),
  })
  .meta({ id: "Notification" });
