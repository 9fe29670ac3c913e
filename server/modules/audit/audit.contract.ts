import { z } from "zod";
import { pageOf, pageQuery } from "../../platform/http.js";

export const auditEntry = z
  .object({
    seq: z.number().int(),
    at: z.iso.datetime(),
    actorName: z.string(),
    orgName: z.string().nullable(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    summary: z.string(),
    hash: z.string(),
  })
  .meta({ id: "AuditEntry" });

export const listAuditQuery = pageQuery.extend({
  action: z.string().trim().max(60).optional().meta({ description: "操作（前缀匹配，如 user.）" }),
  actor: z.string().trim().max(40).optional().meta({ description: "操作人姓名（模糊）" }),
  targetId: z.string().trim().max(80).optional(),
  from: z.iso.datetime({ message: "开始时间格式不正确" }).optional(),
  to: z.iso.datetime({ message: "结束时间格式不正确" }).optional(),
});

export const auditPage = pageOf(auditEntry);

export const chainVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.object({ seq: z.number().int(), id: z.string(), reason: z.string() }).optional(),
  /** The newest signed checkpoint the chain was held against (it catches the newest entries deleted). */
  checkpoint: z.object({ count: z.number().int(), at: z.string() }).nullable().optional(),
});

export type ListAuditQuery = z.infer<typeof listAuditQuery>;
