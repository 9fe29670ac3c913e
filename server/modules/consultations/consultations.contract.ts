import { z } from "zod";
import { CONSULTATION_STATUSES } from "../../../common/vocabulary.js";
import { deadlineWarning, revision, text } from "../../platform/http.js";

export const askBody = z
  .object({
    itemId: z.uuid({ message: "事项编号格式不正确" }).optional(),
    orgId: z.uuid({ message: "单位编号格式不正确" }).optional(),
    question: text("咨询内容", 1000),
  })
  .refine((b) => Boolean(b.itemId) !== Boolean(b.orgId), { message: "请选择咨询的事项或单位（二选一）" });

export const consultationView = z
  .object({
    id: z.string(),
    orgName: z.string(),
    itemId: z.string().nullable(),
    itemName: z.string().nullable(),
    question: z.string(),
    status: z.enum(CONSULTATION_STATUSES),
    dueOn: z.string(),
    warning: deadlineWarning,
    answer: z.string().nullable(),
    answeredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Consultation" });

export const staffConsultationView = consultationView
  .extend({
    revision: z.number().int(),
    /** Masked: staff answer on the platform, the asker is told by site message and SMS. */
    askerName: z.string(),
    assignedToMe: z.boolean(),
    assigneeName: z.string().nullable(),
    faq: z.boolean(),
    faqQuestion: z.string().nullable(),
    faqAnswer: z.string().nullable(),
  })
  .meta({ id: "StaffConsultation" });

export const consultationsQuery = z.object({ status: z.enum(CONSULTATION_STATUSES).optional() });
export const answerBody = z.object({ revision, answer: text("答复内容", 2000) });
export const faqBody = z.object({
  revision,
  /** Off: taken out of the public FAQ. */
  published: z.boolean(),
  question: text("公开的问题", 300),
  answer: text("公开的答复", 2000),
});

export const itemFaq = z
  .object({
    /** The window staff member answering for the item. */
    responsibleStaff: z.string().nullable(),
    orgName: z.string(),
    faq: z.array(z.object({ question: z.string(), answer: z.string(), answeredOn: z.string() })),
  })
  .meta({ id: "ItemFaq" });

export const deskBody = z.object({ staffId: z.uuid({ message: "工作人员编号格式不正确" }).nullable() });
export const deskView = z.object({ staffId: z.string().nullable(), staffName: z.string().nullable() });

export type AskInput = z.infer<typeof askBody>;
