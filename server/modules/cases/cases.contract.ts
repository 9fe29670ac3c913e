import { z } from "zod";
import {
  CASE_QUEUES,
  CASE_STATUSES,
  type CaseQueue,
  DELIVERY_METHODS,
  FILE_KINDS,
  MATERIAL_REQUIREMENTS,
  REVIEW_MODES,
  SPECIAL_PROCEDURES,
} from "../../../common/vocabulary.js";
import { revision, text } from "../../platform/http.js";
import { caseLicence, caseLicenceUse } from "../licences/index.js";
import { type CaseAction, caseLifecycle } from "./cases.machine.js";

const formValues = z
  .record(z.string().max(40), z.unknown())
  .refine((values) => JSON.stringify(values).length <= 100_000, { message: "申请表内容过长" });
const situationKeys = z.array(z.string().max(40)).max(20).default([]);
const prose = (label: string, max: number) =>
  z
    .string({ message: `${label}必须是文本` })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过 ${max} 个字符` });

export const applyBody = z.object({
  itemId: z.uuid({ message: "事项编号格式不正确" }),
  /** Made once per application by the client: a retried or double-clicked submit makes one case. */
  idempotencyKey: z.string().trim().min(8, { message: "缺少幂等键" }).max(64),
  form: formValues.default({}),
  situationKeys,
  /** false: keep as a draft to finish later. */
  submit: z.boolean().default(true),
  /** 告知承诺: sign the item's commitment instead of providing the proofs other bodies issue. */
  commitment: z.boolean().default(false),
  /** 用证: e-licences of the applicant's wallet used instead of uploads; choosing one is the holder's consent. */
  licenceUses: z
    .array(z.object({ materialKey: z.string().max(40), licenceId: z.uuid({ message: "电子证照编号格式不正确" }) }))
    .max(30)
    .optional(),
});

export const intakeBody = applyBody.extend({
  applicantId: z.uuid({ message: "申请人编号格式不正确" }),
});

export const saveDraftBody = z.object({ form: formValues, situationKeys, revision });

export const refuseBody = z.object({
  revision,
  reason: prose("不予受理的理由", 500),
  whereToApply: z.string().trim().max(200).default(""),
});
export const supplementBody = z.object({
  revision,
  items: z.array(text("补正内容", 200)).min(1, { message: "请逐项列出需要补正的内容" }).max(30),
  note: z.string().trim().max(500).default(""),
});
export const resubmitBody = z.object({
  revision,
  form: formValues.optional(),
  note: z.string().trim().max(500).default(""),
});
export const reviewBody = z.object({ revision, opinion: prose("审查意见", 1000) });
export const specialBody = z.object({
  revision,
  kind: z.enum(SPECIAL_PROCEDURES, { message: "特别程序类型无效" }),
  reason: prose("启动理由", 500),
});
export const extendBody = z.object({
  revision,
  days: z
    .number({ message: "延长天数须为数字" })
    .int()
    .min(1, { message: "至少延长 1 天" })
    .max(30, { message: "一次最多延长 30 天" }),
  reason: prose("延长理由", 500),
});
export const decideBody = z.object({
  revision,
  decision: z.enum(["granted", "denied"], { message: "决定应为准予或不予" }),
  reason: prose("决定理由", 1000),
});
export const issueBody = z.object({ revision, resultNumber: text("结果文书编号", 60) });
export const deliverBody = z.discriminatedUnion(
  "method",
  [
    z.object({ revision, method: z.literal("pickup") }),
    z.object({ revision, method: z.literal("online") }),
    z.object({
      revision,
      method: z.literal("express"),
      carrier: text("快递公司", 30),
      trackingNumber: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{6,30}$/, { message: "快递单号应为 6–30 位字母或数字" }),
    }),
  ],
  { error: () => `送达方式应为：${DELIVERY_METHODS.join("、")}` },
);
export const withdrawBody = z.object({ revision, reason: z.string().trim().max(500).default("") });

export const queueQuery = z.object({
  queue: z.enum(CASE_QUEUES, { message: "队列无效" }),
  /** Part of a case number, or a whole ID or mobile number: the applicant's, or one typed into the form. */
  number: z.string().trim().max(60).optional(),
  itemId: z.uuid({ message: "事项编号格式不正确" }).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const caseEvent = z.object({
  at: z.iso.datetime(),
  action: z.string(),
  actorName: z.string(),
  toStatus: z.enum(CASE_STATUSES),
  note: z.string(),
});

export const caseSummary = z
  .object({
    id: z.uuid(),
    number: z.string().nullable(),
    itemId: z.uuid(),
    itemName: z.string(),
    orgName: z.string(),
    applicantName: z.string(),
    channel: z.enum(["online", "window"]),
    status: z.enum(CASE_STATUSES),
    promisedDue: z.string().nullable(),
    warning: z.enum(["none", "yellow", "red"]),
    submittedAt: z.iso.datetime().nullable(),
    revision: z.number().int(),
  })
  .meta({ id: "CaseSummary" });

export const caseView = caseSummary
  .extend({
    itemVersionId: z.uuid(),
    form: z.record(z.string(), z.unknown()),
    materials: z.array(
      z.object({
        fileId: z.uuid(),
        key: z.string(),
        name: z.string(),
        mimeType: z.string(),
        size: z.number().int(),
        uploadedAt: z.iso.datetime(),
      }),
    ),
    /** The materials of the pinned version: which the applicant uploads, of what kinds, how many, how large. */
    materialSpecs: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        requirement: z.enum(MATERIAL_REQUIREMENTS),
        upload: z.boolean(),
        fileKinds: z.array(z.enum(FILE_KINDS)),
        maxFiles: z.number().int(),
        maxSizeMb: z.number().int(),
        situationKeys: z.array(z.string()),
        /** 电子证照 types the applicant may use instead of an upload. */
        licenceTypes: z.array(z.string()),
      }),
    ),
    /** 办好一件事: the bundle case this case is one part of; its applicant follows the bundle as a whole. */
    bundleCaseId: z.uuid().nullable(),
    /** The e-licences this case issued (its result). */
    licences: z.array(caseLicence),
    /** The e-licences that stood in for materials, with the holder's consent, verified as of now. */
    licenceUses: z.array(caseLicenceUse),
    /** The labels of the pinned version's form, to show the answers as the applicant saw the questions. */
    formFields: z.array(z.object({ key: z.string(), label: z.string() })),
    /** The item version's review stages, to show who signs next. */
    reviewStages: z.array(z.object({ name: z.string(), role: z.enum(["reviewer", "approver"]) })),
    reviewMode: z.enum(REVIEW_MODES),
    situationKeys: z.array(z.string()),
    statutoryDue: z.string().nullable(),
    clockPaused: z.boolean(),
    extendedDays: z.number().int(),
    reviews: z.array(z.object({ stage: z.number().int(), name: z.string(), at: z.string(), opinion: z.string() })),
    supplement: z.object({ items: z.array(z.string()), note: z.string(), requestedAt: z.string() }).nullable(),
    special: z.object({ kind: z.enum(SPECIAL_PROCEDURES), reason: z.string(), startedOn: z.string() }).nullable(),
    refusal: z.object({ reason: z.string(), whereToApply: z.string() }).nullable(),
    decision: z.enum(["granted", "denied"]).nullable(),
    decisionReason: z.string().nullable(),
    result: z.object({ name: z.string(), number: z.string() }).nullable(),
    delivery: z.record(z.string(), z.unknown()).nullable(),
    commitment: z.object({ text: z.string(), signedAt: z.string() }).nullable(),
    /** Staff only: whether the case is in the caller's org subtree, so its actions are theirs to take. */
    mayAct: z.boolean(),
    /** What this reader may do to the case now, from the case lifecycle: the web shows these and no others. */
    actions: z.array(
      z.object({ action: z.enum(caseLifecycle.names as [CaseAction, ...CaseAction[]]), label: z.string() }),
    ),
    /** Whether this reader may add or remove the case's materials now. */
    mayChangeMaterials: z.boolean(),
    /** What is asked of the applicant now, in plain Chinese; empty when nothing is. */
    nextStepForApplicant: z.string(),
    timeline: z.array(caseEvent),
  })
  .meta({ id: "Case" });

export const queueCounts = z
  .object(Object.fromEntries(CASE_QUEUES.map((q) => [q, z.number().int()])) as Record<CaseQueue, z.ZodNumber>)
  .meta({ id: "QueueCounts" });

export const materialParams = z.object({
  id: z.uuid({ message: "编号格式不正确" }),
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "材料标识格式不正确" }),
});
export const materialFileParams = z.object({
  id: z.uuid({ message: "编号格式不正确" }),
  fileId: z.uuid({ message: "编号格式不正确" }),
});

export const checkView = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseNumber: z.string().nullable(),
    itemName: z.string(),
    applicantName: z.string(),
    dueOn: z.string(),
    status: z.enum(["open", "confirmed", "false"]),
    finding: z.string().nullable(),
  })
  .meta({ id: "CommitmentCheck" });

export const resolveCheckBody = z.object({
  outcome: z.enum(["confirmed", "false"], { message: "核查结论应为属实或虚假" }),
  finding: prose("核查情况", 1000),
});

export type ApplyInput = z.infer<typeof applyBody>;
export type IntakeInput = z.infer<typeof intakeBody>;
export type CaseSummary = z.infer<typeof caseSummary>;
export type QueueQuery = z.infer<typeof queueQuery>;

export const caseStatusBody = z.object({
  caseNumber: z.string({ message: "办件编号必须是文本" }).trim().min(1, { message: "请填写办件编号" }).max(60),
  idNumber: z.string({ message: "身份证号必须是文本" }).trim().toUpperCase().max(18, { message: "身份证号有误" }),
});

export const openCaseStatus = z
  .object({
    number: z.string(),
    itemName: z.string(),
    status: z.enum(CASE_STATUSES),
    statusLabel: z.string(),
    submittedAt: z.string().nullable(),
    promisedDue: z.string().nullable(),
    completedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: "OpenCaseStatus" });
