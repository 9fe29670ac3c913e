import { z } from "zod";
import {
  COMPLAINT_FINDINGS,
  COMPLAINT_KINDS,
  COMPLAINT_STATUSES,
  COMPLAINT_TARGETS,
} from "../../../common/vocabulary.js";
import { captchaFields, deadlineWarning, revision, text } from "../../platform/http.js";
import { type ComplaintAction, complaintLifecycle } from "./complaints.machine.js";

const target = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("org"), orgId: z.uuid({ message: "请选择被投诉单位" }) }),
    z.object({ type: z.literal("case"), caseNumber: text("办件编号", 60) }),
    z.object({
      type: z.literal("school"),
      orgId: z.uuid({ message: "请选择学校或机构的主管单位" }),
      name: text("学校或机构名称", 60),
    }),
    z.object({
      type: z.literal("person"),
      orgId: z.uuid({ message: "请选择工作人员所在单位" }),
      name: text("工作人员姓名或工号", 30),
    }),
  ],
  { message: "请选择投诉举报对象" },
);

export const newComplaintBody = z.object({
  kind: z.enum(COMPLAINT_KINDS, { message: "请选择投诉或举报" }),
  target,
  title: text("标题", 60),
  content: text("具体内容", 3000),
  /** Anonymous: nothing about the sender is kept; the tracking code is the only way back. */
  anonymous: z.boolean({ message: "请选择是否匿名" }),
  ...captchaFields,
});

export const submittedComplaint = z
  .object({
    number: z.string(),
    trackingCode: z.string().meta({ description: "查询码：只在提交时显示一次，凭它查询办理进度和答复" }),
  })
  .meta({ id: "SubmittedComplaint" });

export const trackingParams = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{16}$/, { message: "查询码应为 16 位字母或数字" }),
});

const answer = z.object({
  finding: z.enum(COMPLAINT_FINDINGS),
  measures: z.string(),
  reply: z.string(),
  answeredAt: z.string(),
});

/** What the complainant reads: progress in the org's name, and the answer. */
export const complaintProgress = z
  .object({
    number: z.string(),
    kind: z.enum(COMPLAINT_KINDS),
    title: z.string(),
    orgName: z.string(),
    status: z.enum(COMPLAINT_STATUSES),
    dueOn: z.string(),
    createdAt: z.string(),
    events: z.array(z.object({ at: z.string(), note: z.string() })),
    answer: answer.nullable(),
    attachments: z.number().int(),
  })
  .meta({ id: "ComplaintProgress" });

export const complaintSummary = z
  .object({
    id: z.string(),
    number: z.string(),
    kind: z.enum(COMPLAINT_KINDS),
    title: z.string(),
    orgName: z.string(),
    targetType: z.enum(COMPLAINT_TARGETS),
    targetName: z.string(),
    status: z.enum(COMPLAINT_STATUSES),
    dueOn: z.string(),
    warning: deadlineWarning,
    anonymous: z.boolean(),
    /** Other complaints about the same target. */
    related: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "ComplaintSummary" });

export const complaintView = complaintSummary
  .extend({
    revision: z.number().int(),
    content: z.string(),
    /** What this reader may do to the complaint now, from the complaint lifecycle. */
    actions: z.array(
      z.object({
        action: z.enum(complaintLifecycle.names as [ComplaintAction, ...ComplaintAction[]]),
        label: z.string(),
      }),
    ),
    caseNumber: z.string().nullable(),
    /** Named complaints only, masked; an anonymous complaint has no one to show. */
    complainant: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
    attachments: z.array(z.object({ fileId: z.string(), name: z.string(), size: z.number() })),
    investigation: z.string().nullable(),
    finding: z.enum(COMPLAINT_FINDINGS).nullable(),
    measures: z.string().nullable(),
    reply: z.string().nullable(),
    answeredAt: z.string().nullable(),
    sentBack: z.string().nullable(),
    published: z.boolean(),
    publishedSummary: z.string().nullable(),
    relatedComplaints: z.array(
      z.object({ id: z.string(), number: z.string(), status: z.enum(COMPLAINT_STATUSES), createdAt: z.string() }),
    ),
    events: z.array(z.object({ at: z.string(), note: z.string() })),
  })
  .meta({ id: "Complaint" });

export const complaintsQuery = z.object({ status: z.enum(COMPLAINT_STATUSES).optional() });
export const investigateBody = z.object({ revision, investigation: text("核查方案或情况", 2000) });
export const answerBody = z.object({
  revision,
  investigation: text("核查情况", 2000),
  finding: z.enum(COMPLAINT_FINDINGS, { message: "请选择核查结论" }),
  measures: text("处理措施", 2000),
  reply: text("答复内容", 2000),
});
export const sendBackBody = z.object({ revision, reason: text("退回理由", 500) });
export const publishBody = z.object({ revision, summary: text("公开内容", 1000) });
export const complaintFileParams = z.object({ id: z.uuid(), fileId: z.uuid({ message: "附件编号格式不正确" }) });

export const negativeExample = z
  .object({
    number: z.string(),
    kind: z.enum(COMPLAINT_KINDS),
    orgName: z.string(),
    finding: z.enum(COMPLAINT_FINDINGS),
    summary: z.string(),
    measures: z.string(),
    publishedOn: z.string(),
  })
  .meta({ id: "NegativeExample" });

export type NewComplaint = z.infer<typeof newComplaintBody>;
export type AnswerInput = z.infer<typeof answerBody>;
