import { z } from "zod";
import {
  AUDIENCES,
  FILE_KINDS,
  FORM_FIELD_TYPES,
  ITEM_KINDS,
  LIMIT_UNITS,
  MATERIAL_FORMS,
  MATERIAL_MEDIA,
  MATERIAL_REQUIREMENTS,
  MATERIAL_SOURCES,
  POWER_KINDS,
  REFORM_MODES,
  REVIEW_MODES,
  TOPICS,
} from "../../../common/vocabulary.js";
import { text } from "../../platform/http.js";

/** Optional free text: may be empty in a draft; publication rules decide what must be filled. */
const prose = (label: string, max: number) =>
  z
    .string({ message: `${label}必须是文本` })
    .trim()
    .max(max, { message: `${label}不能超过 ${max} 个字符` })
    .default("");

const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: "标识须以小写字母开头，由小写字母、数字或下划线组成" });

const phoneNumber = z
  .string()
  .trim()
  .regex(/^$|^[0-9][0-9-]{4,19}$/, { message: "电话号码格式不正确，如 0451-82345678 或 12345" })
  .default("");

const limit = z.object({
  days: z
    .number({ message: "时限须为数字" })
    .int()
    .min(0, { message: "时限不能为负" })
    .max(365, { message: "时限不能超过 365 天" }),
  unit: z.enum(LIMIT_UNITS, { message: "时限单位应为工作日或自然日" }),
});

export const situation = z.object({ key, name: text("情形名称", 60), description: prose("情形说明", 500) });

export const material = z.object({
  key,
  name: text("材料名称", 100),
  requirement: z.enum(MATERIAL_REQUIREMENTS, { message: "材料要求应为必要、非必要或容缺后补" }),
  form: z.enum(MATERIAL_FORMS, { message: "材料形式应为原件、复印件或原件和复印件" }),
  copies: z.number().int().min(1).max(20).default(1),
  medium: z.enum(MATERIAL_MEDIA, { message: "载体应为纸质、电子或均可" }),
  source: z.enum(MATERIAL_SOURCES, { message: "来源应为申请人自备、政府部门核发或其他机构出具" }),
  sourceNote: prose("来源说明", 200),
  blankFormFileId: z.uuid().nullable().default(null),
  sampleFileId: z.uuid().nullable().default(null),
  notes: prose("填报说明", 500),
  /** Empty: needed in every situation; otherwise only in the situations named. */
  situationKeys: z.array(key).max(20).default([]),
  /** Online upload limits: which kinds of file (checked by content), how many and how large. */
  fileKinds: z
    .array(z.enum(FILE_KINDS, { message: "文件类型无效" }))
    .min(1)
    .default(["pdf", "image"]),
  maxFiles: z.number().int().min(1).max(20).default(5),
  maxSizeMb: z.number().int().min(1).max(20).default(10),
  /** 电子证照 types (result names, such as 在读证明) the applicant may use instead of an upload, with consent. */
  licenceTypes: z.array(text("证照类型", 60)).max(5).optional(),
});

/** One stage of the review after acceptance, done by a role in the item's org or in another org (会签 of a department). */
export const reviewStage = z.object({
  name: text("审查环节名称", 30),
  role: z.enum(["reviewer", "approver"], { message: "审查环节的角色应为审查人员或审批负责人" }),
  orgId: z.uuid().nullable().default(null),
});

export const reviewFlow = z.object({
  mode: z.enum(REVIEW_MODES, { message: "审查方式无效" }),
  stages: z.array(reviewStage).min(1, { message: "至少设置一个审查环节" }).max(10),
});
export const DEFAULT_REVIEW: z.infer<typeof reviewFlow> = {
  mode: "single",
  stages: [{ name: "审查", role: "reviewer", orgId: null }],
};

export const step = z.object({ name: text("环节名称", 30), description: prose("环节说明", 500) });

export const fee = z.object({
  name: text("收费项目", 60),
  amountFen: z.number().int().min(0).max(100_000_000),
  basis: prose("收费依据", 300),
});

export const formField = z.object({
  key,
  label: text("字段名称", 40),
  type: z.enum(FORM_FIELD_TYPES, { message: "字段类型无效" }),
  required: z.boolean().default(false),
  options: z.array(text("选项", 40)).max(50).default([]),
  maxLength: z.number().int().min(1).max(5000).nullable().default(null),
  help: prose("填写提示", 200),
});

/** Every element of a service item's guide (办事指南), as one version holds them. */
export const itemContent = z.object({
  name: text("事项名称", 60),
  kind: z.enum(ITEM_KINDS, { message: "事项类型无效" }),
  audiences: z.array(z.enum(AUDIENCES)).min(1, { message: "至少选择一类服务对象" }),
  topic: z.enum(TOPICS, { message: "主题无效" }),
  keywords: z.array(text("关键词", 20)).max(20).default([]),
  powerId: z.uuid().nullable().default(null),
  legalBasis: prose("设定依据", 4000),
  conditions: prose("受理条件", 4000),
  situations: z.array(situation).max(20).default([]),
  materials: z.array(material).max(60).default([]),
  steps: z.array(step).max(20).default([]),
  statutoryLimit: limit,
  promisedLimit: limit,
  instant: z.boolean().default(false),
  visitsRequired: z.number().int().min(0).max(5),
  visitsReason: prose("到现场原因", 300),
  onlineDepth: z.number().int().min(1, { message: "网办深度为一至四级" }).max(4, { message: "网办深度为一至四级" }),
  postalSubmission: z.boolean().default(false),
  fees: z.array(fee).max(20).default([]),
  place: prose("办理地点", 300),
  hours: prose("办理时间", 200),
  consultationPhone: phoneNumber,
  complaintPhone: phoneNumber,
  windowStaff: prose("窗口负责人", 100),
  resultName: prose("办理结果名称", 60),
  resultSampleFileId: z.uuid().nullable().default(null),
  expressDelivery: z.boolean().default(false),
  onlinePayment: z.boolean().default(false),
  selfService: z.boolean().default(false),
  roundTheClock: z.boolean().default(false),
  reformMode: z.enum(REFORM_MODES, { message: "证照分离改革方式无效" }).default("none"),
  commitmentText: prose("告知承诺书", 4000),
  form: z.array(formField).max(80).default([]),
  /** How a case of this item is reviewed between acceptance and decision. */
  review: reviewFlow.default(DEFAULT_REVIEW),
});

export type ItemContent = z.infer<typeof itemContent>;
export type ItemContentInput = z.input<typeof itemContent>;

// ---- requests and responses ----

const violation = z.object({ field: z.string(), message: z.string() });
const figures = z.object({
  daysCut: z.number().int(),
  visitsRequired: z.number().int(),
  requiredMaterials: z.number().int(),
  materialsCut: z.number().int(),
});

export const powerInput = z.object({
  name: text("权力名称", 100),
  kind: z.enum(POWER_KINDS, { message: "权力类型无效" }),
  basis: text("设定依据", 4000),
  responsibility: text("责任事项", 4000),
});

export const createPowerBody = powerInput.extend({
  orgId: z.uuid({ message: "单位编号格式不正确" }),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9-]{2,20}$/, { message: "权力编码应为 2–20 位大写字母、数字或连字符" }),
});

export const updatePowerBody = powerInput.extend({ revision: z.number().int() });

export const powerView = z
  .object({
    id: z.uuid(),
    orgId: z.uuid(),
    orgName: z.string(),
    code: z.string(),
    versionNo: z.number().int(),
    status: z.enum(["draft", "published", "superseded", "retired"]),
    name: z.string(),
    kind: z.enum(POWER_KINDS),
    basis: z.string(),
    responsibility: z.string(),
    revision: z.number().int(),
    publishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Power" });

export const createItemBody = z.object({
  orgId: z.uuid({ message: "单位编号格式不正确" }),
  basicCode: z
    .string()
    .trim()
    .regex(/^[0-9]{4}$/, { message: "基本编码应为 4 位数字" }),
  /** A province standard (基本目录) that county and city items copy; only the province department makes them. */
  standard: z.boolean().default(false),
  standardItemId: z.uuid().nullable().default(null),
  content: itemContent,
});

export const saveDraftBody = z.object({ content: itemContent, revision: z.number({ message: "缺少修订号" }).int() });

export const retireBody = z.object({
  endDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "日期格式应为 YYYY-MM-DD" }),
  reason: text("取消原因", 200),
});

export const versionView = z.object({
  id: z.uuid(),
  versionNo: z.number().int(),
  status: z.enum(["draft", "published", "superseded", "retired"]),
  revision: z.number().int(),
  content: itemContent,
  publishedAt: z.iso.datetime().nullable(),
  endDate: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const itemSummary = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(ITEM_KINDS),
    topic: z.enum(TOPICS),
    orgId: z.uuid(),
    orgName: z.string(),
    audiences: z.array(z.enum(AUDIENCES)),
    selfService: z.boolean(),
    onlineDepth: z.number().int(),
    visitsRequired: z.number().int(),
    promisedLimit: limit,
    reformMode: z.enum(REFORM_MODES),
    versionId: z.uuid(),
    versionNo: z.number().int(),
    /** A province standard: a template for local items, not applied for itself. */
    standard: z.boolean(),
  })
  .meta({ id: "ItemSummary" });

export const guideView = z
  .object({
    item: itemSummary,
    content: itemContent,
    power: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    /** For a local item: the province standard it follows (同事同标). */
    standardItemId: z.uuid().nullable(),
    /** For a province standard: the local items that follow it, where people actually apply. */
    localCopies: z.array(itemSummary),
    figures,
    publishedAt: z.iso.datetime().nullable(),
    endDate: z.string().nullable(),
  })
  .meta({ id: "Guide" });

export const adminItemView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    basicCode: z.string(),
    orgId: z.uuid(),
    orgName: z.string(),
    standard: z.boolean(),
    standardItemId: z.uuid().nullable(),
    draft: versionView.nullable(),
    published: versionView.nullable(),
    versions: z.array(
      versionView.pick({ id: true, versionNo: true, status: true, publishedAt: true, endDate: true, createdAt: true }),
    ),
    violations: z.array(violation),
  })
  .meta({ id: "AdminItem" });

export const adminItemRow = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(ITEM_KINDS),
    orgName: z.string(),
    standard: z.boolean(),
    hasDraft: z.boolean(),
    publishedVersionNo: z.number().int().nullable(),
    endDate: z.string().nullable(),
  })
  .meta({ id: "AdminItemRow" });

export const listItemsQuery = z.object({
  q: z.string().trim().max(50, { message: "搜索词不能超过 50 个字符" }).optional(),
  audience: z.enum(AUDIENCES).optional(),
  orgId: z.uuid({ message: "单位编号格式不正确" }).optional(),
  topic: z.enum(TOPICS, { message: "主题无效" }).optional(),
  kind: z.enum(ITEM_KINDS, { message: "事项类型无效" }).optional(),
  selfService: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const diffView = z.array(
  z.object({ field: z.string(), label: z.string(), before: z.unknown(), after: z.unknown() }),
);

export const violationsView = z.object({ violations: z.array(violation) });

export type CreatePowerInput = z.infer<typeof createPowerBody>;
export type UpdatePowerInput = z.infer<typeof updatePowerBody>;
export type CreateItemInput = z.infer<typeof createItemBody>;
export type ListItemsQuery = z.infer<typeof listItemsQuery>;
export type ItemSummary = z.infer<typeof itemSummary>;
export type AdminItemRow = z.infer<typeof adminItemRow>;

export const orgFiguresView = z
  .object({
    orgId: z.uuid(),
    orgName: z.string(),
    items: z.number().int(),
    zeroVisitItems: z.number().int(),
    fullyOnlineItems: z.number().int(),
    selfServiceItems: z.number().int(),
    statutoryDays: z.number().int(),
    daysCut: z.number().int(),
    daysCutRatio: z.number(),
    requiredMaterials: z.number().int(),
    materialsCut: z.number().int(),
    /** 用证免交: materials an e-licence stood in for on cases of these orgs. */
    materialsSavedByLicences: z.number().int(),
  })
  .meta({ id: "OrgFigures" });
