import { z } from "zod";
import { text } from "../../platform/http.js";
import { ORG_KINDS } from "./orgs.tables.js";

const creditCode = z
  .string()
  .trim()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, { message: "统一社会信用代码应为 18 位数字或大写字母" });

export const orgKind = z.enum(ORG_KINDS, { message: "单位类型无效" });

export const org = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    name: z.string(),
    kind: orgKind,
    creditCode: z.string().nullable(),
    sortOrder: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: "Org" });

export const createOrgBody = z.object({
  parentId: z.uuid({ message: "上级单位编号格式不正确" }),
  name: text("单位名称", 60),
  kind: orgKind,
  creditCode: creditCode.optional(),
  sortOrder: z.number().int().min(0).max(9999).default(0),
});

export const updateOrgBody = z.object({
  name: text("单位名称", 60).optional(),
  creditCode: creditCode.nullable().optional(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
  version: z.number({ message: "缺少版本号" }).int(),
});

export type CreateOrgInput = z.infer<typeof createOrgBody>;
export type UpdateOrgInput = z.infer<typeof updateOrgBody>;
