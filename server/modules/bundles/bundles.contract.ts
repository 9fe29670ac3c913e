import { z } from "zod";
import {
  BUNDLE_CASE_STATUSES,
  BUNDLE_ON_DENIAL,
  BUNDLE_STATUSES,
  CASE_STATUSES,
  LIMIT_UNITS,
} from "../../../common/vocabulary.js";
import { revision, text } from "../../platform/http.js";
import { formField } from "../catalog/index.js";
import { type BundleCaseAction, bundleCaseLifecycle } from "./bundles.machine.js";

const key = z
  .string({ message: "标识必须是文本" })
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "标识须以小写字母开头，由小写字母、数字或下划线组成" });

const prose = (label: string, max: number) =>
  z
    .string({ message: `${label}必须是文本` })
    .trim()
    .max(max, { message: `${label}不能超过 ${max} 个字符` })
    .default("");

/** One item of the bundle: `after` names the item it waits for (granted and completed), null to start at once. */
export const bundleItem = z.object({
  key,
  itemId: z.uuid({ message: "请选择事项" }),
  after: key.nullable().default(null),
  label: text("事项在一件事中的名称", 60),
});

/** A field asked once, whose answer fills the mapped field of every item that needs it. */
export const bundleField = formField.extend({
  maps: z
    .array(z.object({ itemKey: key, fieldKey: key }))
    .min(1, { message: "每个字段至少对应一个事项的字段" })
    .max(20),
});

/** A material uploaded once, attached to the mapped material of every item that needs it. */
export const bundleMaterial = z.object({
  key,
  name: text("材料名称", 100),
  notes: prose("填报说明", 500),
  maps: z
    .array(z.object({ itemKey: key, materialKey: key }))
    .min(1, { message: "每项材料至少对应一个事项的材料" })
    .max(20),
});

export const bundleDefinition = z.object({
  description: prose("一件事说明", 2000),
  audience: prose("服务对象", 200),
  items: z
    .array(bundleItem, { message: "请选择一件事包含的事项" })
    .min(2, { message: "一件事至少包含两个事项" })
    .max(12, { message: "一件事最多包含 12 个事项" }),
  fields: z.array(bundleField).max(120).default([]),
  materials: z.array(bundleMaterial).max(80).default([]),
  onDenial: z.enum(BUNDLE_ON_DENIAL, { message: "请选择一个事项未获准予时的处理方式" }),
});
export type BundleDefinition = z.infer<typeof bundleDefinition>;

const bundleCode = z
  .string({ message: "编码必须是文本" })
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,29}$/, { message: "编码由大写字母、数字和连字符组成，2–30 位" });

export const bundleBody = z.object({
  code: bundleCode,
  name: text("一件事名称", 60),
  definition: bundleDefinition,
});
export const createBundleBody = bundleBody.extend({ orgId: z.uuid({ message: "请选择负责单位" }) });
export const updateBundleBody = bundleBody.extend({ version: z.number({ message: "缺少版本号" }).int().min(1) });
export const versionBody = z.object({ version: z.number({ message: "缺少版本号" }).int().min(1) });
export type BundleBody = z.infer<typeof bundleBody>;

export const adminBundleView = z
  .object({
    id: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    code: z.string(),
    name: z.string(),
    status: z.enum(BUNDLE_STATUSES),
    definition: bundleDefinition,
    version: z.number().int(),
    publishedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: "AdminBundle" });

const limitView = z.object({ days: z.number().int(), unit: z.enum(LIMIT_UNITS) });

export const bundleSummary = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    description: z.string(),
    audience: z.string(),
    orgName: z.string(),
    itemCount: z.number().int(),
    orgNames: z.array(z.string()),
  })
  .meta({ id: "BundleSummary" });

/** The bundle's guide: its items with their orgs and limits, the merged form and materials, the combined limit. */
export const bundleGuide = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    description: z.string(),
    audience: z.string(),
    orgName: z.string(),
    onDenial: z.enum(BUNDLE_ON_DENIAL),
    onDenialLabel: z.string(),
    items: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        itemId: z.string(),
        itemName: z.string(),
        orgName: z.string(),
        after: z.string().nullable(),
        afterLabel: z.string().nullable(),
        promisedLimit: limitView,
        statutoryLimit: limitView,
        resultName: z.string(),
        visitsRequired: z.number().int(),
      }),
    ),
    fields: z.array(formField.extend({ usedBy: z.array(z.string()).meta({ description: "用到该字段的事项名称" }) })),
    materials: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        notes: z.string(),
        required: z.boolean(),
        usedBy: z.array(z.string()),
      }),
    ),
    /** The promised limit along the longest chain of dependencies (the parallel parts overlap). */
    combinedLimit: z.object({
      days: z.number().int(),
      unit: z.enum(LIMIT_UNITS),
      text: z.string(),
      chain: z.array(z.string()).meta({ description: "最长的依赖链（事项名称）" }),
    }),
  })
  .meta({ id: "BundleGuide" });

export const applyBody = z.object({
  idempotencyKey: z
    .string({ message: "缺少防重复提交标识" })
    .trim()
    .min(8, { message: "防重复提交标识过短" })
    .max(100, { message: "防重复提交标识过长" }),
  form: z.record(z.string().max(40), z.unknown()).default({}),
});

export const saveFormBody = z.object({ revision, form: z.record(z.string().max(40), z.unknown()) });
export const bundleRevisionBody = z.object({ revision });
export const bundleWithdrawBody = z.object({ revision, reason: text("撤回理由", 300) });

export const bundleCaseParams = z.object({ id: z.uuid({ message: "编号格式不正确" }) });
export const bundleMaterialParams = bundleCaseParams.extend({ materialKey: key });
export const bundleFileParams = bundleCaseParams.extend({ fileId: z.uuid({ message: "文件编号格式不正确" }) });

export const bundleRatingBody = z.object({
  scores: z.record(
    z.string().max(40),
    z
      .number({ message: "评价等级必须是 1–5 的数字" })
      .int({ message: "评价等级必须是 1–5 的数字" })
      .min(1, { message: "评价等级必须是 1–5 的数字" })
      .max(5, { message: "评价等级必须是 1–5 的数字" }),
    { message: "请为每项指标评价" },
  ),
  comment: z
    .string({ message: "评价内容必须是文本" })
    .trim()
    .max(500, { message: "评价内容不能超过 500 个字符" })
    .default(""),
  channel: z.enum(["web", "mobile", "kiosk"], { message: "评价渠道无效" }),
});

const partView = z.object({
  key: z.string(),
  label: z.string(),
  itemName: z.string(),
  orgName: z.string(),
  caseId: z.string(),
  caseNumber: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  statusLabel: z.string().meta({ description: "给申请人看的状态，未开始的写明等待哪个事项" }),
  after: z.string().nullable(),
  /** The promised date of a running part, or an estimate for a part not yet started (`estimated`). */
  dueDate: z.string().nullable(),
  estimated: z.boolean(),
  decision: z.enum(["granted", "denied"]).nullable(),
  result: z.object({ name: z.string(), number: z.string() }).nullable(),
});

export const bundleCaseSummary = z
  .object({
    id: z.string(),
    number: z.string(),
    bundleId: z.string(),
    name: z.string(),
    status: z.enum(BUNDLE_CASE_STATUSES),
    statusLabel: z.string(),
    dueDate: z.string().nullable(),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
    endedAt: z.string().nullable(),
  })
  .meta({ id: "BundleCaseSummary" });

export const bundleCaseView = bundleCaseSummary
  .extend({
    onDenial: z.enum(BUNDLE_ON_DENIAL),
    revision: z.number().int(),
    form: z.record(z.string(), z.unknown()),
    fields: z.array(formField),
    materials: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        notes: z.string(),
        required: z.boolean(),
        files: z.array(z.object({ fileId: z.string(), name: z.string(), size: z.number().int() })),
      }),
    ),
    /** Whether the due date rests on an estimate (parts not yet started) or a calendar year not yet published. */
    dueEstimated: z.boolean(),
    parts: z.array(partView),
    /** At the end, every result together; each part's case id links to its results and e-licences. */
    results: z.array(
      z.object({
        key: z.string(),
        itemName: z.string(),
        orgName: z.string(),
        caseId: z.string(),
        name: z.string(),
        number: z.string(),
      }),
    ),
    rating: z.object({ open: z.boolean(), ratedAt: z.string().nullable() }),
    /** What the applicant may do to the bundle case now, from its lifecycle. */
    actions: z.array(
      z.object({
        action: z.enum(bundleCaseLifecycle.names as [BundleCaseAction, ...BundleCaseAction[]]),
        label: z.string(),
      }),
    ),
  })
  .meta({ id: "BundleCase" });

export type BundleCaseView = z.infer<typeof bundleCaseView>;
