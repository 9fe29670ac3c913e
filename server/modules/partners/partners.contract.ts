import { z } from "zod";
import { PARTNER_SCOPES } from "../../../common/vocabulary.js";
import { text } from "../../platform/http.js";

const scopes = z
  .array(z.enum(PARTNER_SCOPES, { message: "授权范围无效" }), { message: "授权范围必须是列表" })
  .min(1, { message: "至少授权一项接口" })
  .max(PARTNER_SCOPES.length);

const rateLimit = z
  .number({ message: "限流须为数字" })
  .int({ message: "限流须为整数" })
  .min(1, { message: "限流应在每分钟 1–100000 次之间" })
  .max(100_000, { message: "限流应在每分钟 1–100000 次之间" });

export const newPartnerBody = z.object({ name: text("应用名称", 40), scopes, rateLimit });
export const updatePartnerBody = z.object({ name: text("应用名称", 40), scopes, rateLimit, enabled: z.boolean() });

export const partnerParams = z.object({
  appId: z.string().regex(/^[a-z0-9]{6,32}$/, { message: "应用编号格式不正确" }),
});

export const partnerView = z
  .object({
    id: z.string(),
    name: z.string(),
    scopes: z.array(z.enum(PARTNER_SCOPES)),
    rateLimit: z.number().int(),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "PartnerApp" });

export const partnerWithSecret = z
  .object({ app: partnerView, secret: z.string().meta({ description: "签名密钥，只显示这一次" }) })
  .meta({ id: "PartnerAppSecret" });
