/**
 * Names shared by the server and the web app: roles and org kinds, with the Chinese label users see.
 * Plain data with no imports, so both sides can use it.
 */

export const ROLES = [
  "applicant",
  "window_clerk",
  "reviewer",
  "approver",
  "legal_reviewer",
  "inspector",
  "supervisor",
  "org_admin",
  "system_admin",
] as const;
export type Role = (typeof ROLES)[number];
export type StaffRole = Exclude<Role, "applicant">;

export const ROLE_LABELS: Record<Role, string> = {
  applicant: "申请人",
  window_clerk: "窗口人员",
  reviewer: "审查人员",
  approver: "审批人员",
  legal_reviewer: "法制审核人员",
  inspector: "执法检查人员",
  supervisor: "督查人员",
  org_admin: "单位管理员",
  system_admin: "系统管理员",
};

export const STAFF_ROLES = ROLES.filter((role): role is StaffRole => role !== "applicant");

export const ORG_KINDS = ["province", "city", "county", "university", "office", "external"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  province: "省教育厅",
  city: "市（地）教育局",
  county: "县（区）教育局",
  university: "高等学校",
  office: "校内部门",
  external: "外部协同部门",
};

/** Which kinds of org may sit under which: the tree mirrors the province's administrative structure. */
export const ORG_CHILD_KINDS: Record<OrgKind, OrgKind[]> = {
  // 外部协同部门: a body outside the education system (e.g. a market regulator) that handles its part of a bundle.
  province: ["city", "university", "external"],
  city: ["county"],
  county: [],
  university: ["office"],
  office: [],
  external: [],
};

/** What each audited action is called on the audit page. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "session.open": "登录",
  "session.close": "退出登录",
  "applicant.register": "申请人注册",
  "user.create": "新建用户",
  "user.update": "修改用户",
  "user.lock": "账号锁定",
  "user.unlock": "解除锁定",
  "user.reset_password": "重置密码",
  "user.change_password": "修改密码",
  "rating.submit": "评价",
  "rating.appeal": "提出申诉",
  "rating.appeal_decide": "申诉复核",
  "rating.appeal_evidence": "补充申诉证据",
  "rectification.reply": "差评整改答复",
  "rectification.call_back": "差评回访",
  "rectification.close": "整改审核办结",
  "rectification.send_back": "整改退回",
  "rectification.contact": "查看回访联系电话",
  "complaint.submit": "投诉举报",
  "complaint.attach": "补充投诉举报附件",
  "complaint.investigate": "投诉核查",
  "complaint.answer": "投诉答复",
  "complaint.send_back": "投诉退回重办",
  "complaint.publish": "公开反面典型",
  "consultation.ask": "咨询",
  "consultation.answer": "咨询答复",
  "consultation.faq": "设为常见问题",
  "consultation.desk": "指定事项责任人",
  "org.seed": "初始化单位树",
  "org.create": "新建单位",
  "org.update": "修改单位",
  "calendar.set_day": "设置日历",
  "calendar.import_year": "导入年度安排",
  "bundle.create": "新建一件事",
  "bundle.update": "修改一件事",
  "bundle.publish": "发布一件事",
  "bundle_case.apply": "申请一件事",
  "bundle_case.withdraw": "撤回一件事",
  "bundle_case.save": "保存一件事申请表",
  "bundle_case.material": "上传一件事材料",
  "bundle_case.material_remove": "删除一件事材料",
  "bundle_case.submit": "提交一件事",
  "bundle_case.progress": "一件事进度变化",
  "bundle_case.rate": "评价一件事",
  "credit.record": "记入信用记录",
  "item.create": "新建事项",
  "item.start_draft": "新建事项修订稿",
  "item.save_draft": "保存事项草稿",
  "item.publish": "发布事项",
  "item.retire": "停用事项",
  "power.create": "新建权责事项",
  "power.save_draft": "保存权责事项草稿",
  "power.publish": "发布权责事项",
  "licence.issue": "签发电子证照",
  "licence.revoke": "注销电子证照",
  "partner.create": "新建合作应用",
  "partner.update": "修改合作应用",
  "results.create_batch": "新建成绩批次",
  "results.import": "导入成绩",
  "results.schedule": "设定成绩发布时间",
  "results.withdraw": "撤回成绩发布",
};

/** 办好一件事: a bundle definition is drafted, then published for applicants. */
export const BUNDLE_STATUSES = ["draft", "published"] as const;
export type BundleStatus = (typeof BUNDLE_STATUSES)[number];
export const BUNDLE_STATUS_LABELS: Record<BundleStatus, string> = { draft: "草稿", published: "已发布" };

/** What happens to the other parts when one part of a bundle is refused, denied, withdrawn or revoked. */
export const BUNDLE_ON_DENIAL = ["continue", "stop"] as const;
export type BundleOnDenial = (typeof BUNDLE_ON_DENIAL)[number];
export const BUNDLE_ON_DENIAL_LABELS: Record<BundleOnDenial, string> = {
  continue: "其他事项继续办理",
  stop: "整件事终止办理",
};

/** One status for the applicant's whole bundle case. */
export const BUNDLE_CASE_STATUSES = ["draft", "processing", "completed", "partial", "stopped"] as const;
export type BundleCaseStatus = (typeof BUNDLE_CASE_STATUSES)[number];
export const BUNDLE_CASE_STATUS_LABELS: Record<BundleCaseStatus, string> = {
  draft: "草稿",
  processing: "办理中",
  completed: "已办结",
  partial: "部分办结",
  stopped: "已终止",
};

/** 事项类型: the national kinds of administrative power, plus public and campus services. */
export const ITEM_KINDS = [
  "licensing",
  "confirmation",
  "payment",
  "reward",
  "adjudication",
  "other_power",
  "public_service",
  "campus_service",
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export const ITEM_KIND_LABELS: Record<ItemKind, string> = {
  licensing: "行政许可",
  confirmation: "行政确认",
  payment: "行政给付",
  reward: "行政奖励",
  adjudication: "行政裁决",
  other_power: "其他行政权力",
  public_service: "公共服务",
  campus_service: "校务服务",
};

export const AUDIENCES = ["person", "legal_person"] as const;
export type Audience = (typeof AUDIENCES)[number];
export const AUDIENCE_LABELS: Record<Audience, string> = { person: "个人", legal_person: "法人" };

export const TOPICS = [
  "入学",
  "学籍",
  "考试",
  "招生",
  "教师",
  "学历学位",
  "资助",
  "民办教育",
  "中外合作办学",
  "留学",
  "其他",
] as const;
export type Topic = (typeof TOPICS)[number];

/** 证照分离 reform mode of a licence item; `none` for items outside the reform. */
export const REFORM_MODES = ["none", "abolished", "filing", "commitment", "streamlined"] as const;
export type ReformMode = (typeof REFORM_MODES)[number];
export const REFORM_MODE_LABELS: Record<ReformMode, string> = {
  none: "不涉及",
  abolished: "直接取消审批",
  filing: "审批改为备案",
  commitment: "实行告知承诺",
  streamlined: "优化审批服务",
};

export const MATERIAL_REQUIREMENTS = ["required", "optional", "deferrable"] as const;
export type MaterialRequirement = (typeof MATERIAL_REQUIREMENTS)[number];
export const MATERIAL_REQUIREMENT_LABELS: Record<MaterialRequirement, string> = {
  required: "必要",
  optional: "非必要",
  deferrable: "容缺后补",
};

export const LIMIT_UNITS = ["working", "calendar"] as const;
export type LimitUnit = (typeof LIMIT_UNITS)[number];
export const LIMIT_UNIT_LABELS: Record<LimitUnit, string> = { working: "个工作日", calendar: "个自然日" };

export const FORM_FIELD_TYPES = [
  "text",
  "number",
  "date",
  "choice",
  "id_number",
  "phone",
  "address",
  "org",
  "file",
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];
export const FORM_FIELD_TYPE_LABELS: Record<FormFieldType, string> = {
  text: "文本",
  number: "数字",
  date: "日期",
  choice: "选项",
  id_number: "身份证号",
  phone: "手机号",
  address: "地址",
  org: "单位",
  file: "附件",
};

/** 权力类型 on a power list: the kinds an item can have, plus the enforcement powers no item uses. */
export const POWER_KINDS = [...ITEM_KINDS, "penalty", "compulsion", "levy", "inspection"] as const;
export type PowerKind = (typeof POWER_KINDS)[number];
export const POWER_KIND_LABELS: Record<PowerKind, string> = {
  ...ITEM_KIND_LABELS,
  penalty: "行政处罚",
  compulsion: "行政强制",
  levy: "行政征收",
  inspection: "行政检查",
};

/** The Chinese name of each element of a service guide: for publication violations, version diffs and the editor. */
export const ITEM_FIELD_LABELS: Record<string, string> = {
  name: "事项名称",
  kind: "事项类型",
  audiences: "服务对象",
  topic: "主题分类",
  keywords: "搜索关键词",
  powerId: "对应权力事项",
  legalBasis: "设定依据",
  conditions: "受理条件",
  situations: "办理情形",
  materials: "申请材料",
  steps: "办理流程",
  statutoryLimit: "法定办结时限",
  promisedLimit: "承诺办结时限",
  instant: "即办件",
  visitsRequired: "到现场次数",
  visitsReason: "到现场原因",
  onlineDepth: "网办深度",
  postalSubmission: "邮寄申请",
  fees: "收费",
  place: "办理地点",
  hours: "办理时间",
  consultationPhone: "咨询电话",
  complaintPhone: "投诉电话",
  windowStaff: "窗口负责人",
  resultName: "办理结果名称",
  resultSampleFileId: "办理结果样本",
  expressDelivery: "快递送达",
  onlinePayment: "网上支付",
  selfService: "自助办理",
  roundTheClock: "24小时可办",
  reformMode: "证照分离改革方式",
  commitmentText: "告知承诺书",
  form: "申请表单",
  review: "审查方式",
};

/** 同事同标: what a county's copy of a province standard item may set for itself. */
export const LOCAL_ITEM_FIELDS = ["place", "hours", "consultationPhone", "complaintPhone", "windowStaff"] as const;

export const MATERIAL_FORMS = ["original", "copy", "original_and_copy"] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];
export const MATERIAL_FORM_LABELS: Record<MaterialForm, string> = {
  original: "原件",
  copy: "复印件",
  original_and_copy: "原件和复印件",
};

export const MATERIAL_MEDIA = ["paper", "electronic", "either"] as const;
export type MaterialMedium = (typeof MATERIAL_MEDIA)[number];
export const MATERIAL_MEDIUM_LABELS: Record<MaterialMedium, string> = {
  paper: "纸质",
  electronic: "电子",
  either: "纸质或电子",
};

export const MATERIAL_SOURCES = ["applicant", "government", "issuer"] as const;
export type MaterialSource = (typeof MATERIAL_SOURCES)[number];
export const MATERIAL_SOURCE_LABELS: Record<MaterialSource, string> = {
  applicant: "申请人自备",
  government: "政府部门核发",
  issuer: "其他机构出具",
};

/** 网办深度 I–IV, indexed by the depth itself. */
export const ONLINE_DEPTH_LABELS = ["", "一级", "二级", "三级", "四级（全程网办）"] as const;

/** 审查方式 of an item's review: one stage, stages in order, all stages (会签), or any one stage (或签). */
export const REVIEW_MODES = ["single", "sequential", "countersign", "any_of"] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];
export const REVIEW_MODE_LABELS: Record<ReviewMode, string> = {
  single: "单人审查",
  sequential: "逐级审查",
  countersign: "会签",
  any_of: "或签",
};

/** Where a case stands. Drafts have no number; the last four are final. */
export const CASE_STATUSES = [
  "draft",
  "submitted",
  "prechecked",
  "supplement",
  "reviewing",
  "special",
  "deciding",
  "issuing",
  "delivering",
  "completed",
  "refused",
  "withdrawn",
  "revoked",
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  draft: "草稿",
  submitted: "待预审",
  prechecked: "待受理",
  supplement: "待补正",
  reviewing: "审查中",
  special: "特别程序中",
  deciding: "待决定",
  issuing: "待出证",
  delivering: "待送达",
  completed: "已办结",
  refused: "不予受理",
  withdrawn: "已撤回",
  revoked: "已撤销",
};

/** 特别程序: time not counted in the limit (听证、专家评审、检验检测…). */
export const SPECIAL_PROCEDURES = ["hearing", "expert_review", "testing", "inspection", "announcement"] as const;
export type SpecialProcedure = (typeof SPECIAL_PROCEDURES)[number];
export const SPECIAL_PROCEDURE_LABELS: Record<SpecialProcedure, string> = {
  hearing: "听证",
  expert_review: "专家评审",
  testing: "检验检测",
  inspection: "现场勘验",
  announcement: "公示",
};

export const DELIVERY_METHODS = ["pickup", "express", "online"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  pickup: "窗口领取",
  express: "快递送达",
  online: "网上下载",
};

/** The workbench queues: each is a status filter or a warning level over the staff's org subtree. */
export const CASE_QUEUES = ["precheck", "acceptance", "review", "decision", "delivery", "due_soon", "overdue"] as const;
export type CaseQueue = (typeof CASE_QUEUES)[number];
export const CASE_QUEUE_LABELS: Record<CaseQueue, string> = {
  precheck: "待预审",
  acceptance: "待受理",
  review: "待审查",
  decision: "待决定",
  delivery: "待送达",
  due_soon: "即将超期",
  overdue: "已超期",
};

/** What an uploaded file may be; each material of an item names the kinds it accepts. */
export const FILE_KINDS = ["pdf", "image", "word", "excel"] as const;
export type FileKind = (typeof FILE_KINDS)[number];
export const FILE_KIND_LABELS: Record<FileKind, string> = {
  pdf: "PDF",
  image: "JPEG 或 PNG 图片",
  word: "Word 文档",
  excel: "Excel 表格",
};

/** The examinations whose results the examination authority hands over, with each subject's full marks. */
export const EXAMS = ["gaokao", "zhongkao", "xueye"] as const;
export type Exam = (typeof EXAMS)[number];
export const EXAM_LABELS: Record<Exam, string> = {
  gaokao: "普通高考",
  zhongkao: "中考",
  xueye: "普通高中学业水平考试",
};
export type ExamSubject = { name: string; fullMarks: number; required: boolean };
export const EXAM_SUBJECTS: Record<Exam, ExamSubject[]> = {
  // 新高考 3+1+2: three compulsory subjects, then 物理 or 历史, then two of the other four.
  gaokao: [
    { name: "语文", fullMarks: 150, required: true },
    { name: "数学", fullMarks: 150, required: true },
    { name: "外语", fullMarks: 150, required: true },
    { name: "物理", fullMarks: 100, required: false },
    { name: "历史", fullMarks: 100, required: false },
    { name: "化学", fullMarks: 100, required: false },
    { name: "生物", fullMarks: 100, required: false },
    { name: "思想政治", fullMarks: 100, required: false },
    { name: "地理", fullMarks: 100, required: false },
  ],
  zhongkao: [
    { name: "语文", fullMarks: 120, required: true },
    { name: "数学", fullMarks: 120, required: true },
    { name: "外语", fullMarks: 120, required: true },
    { name: "物理", fullMarks: 70, required: true },
    { name: "化学", fullMarks: 60, required: true },
    { name: "道德与法治", fullMarks: 60, required: true },
    { name: "历史", fullMarks: 60, required: true },
    { name: "体育", fullMarks: 50, required: true },
  ],
  xueye: [
    { name: "思想政治", fullMarks: 100, required: false },
    { name: "历史", fullMarks: 100, required: false },
    { name: "地理", fullMarks: 100, required: false },
    { name: "物理", fullMarks: 100, required: false },
    { name: "化学", fullMarks: 100, required: false },
    { name: "生物", fullMarks: 100, required: false },
  ],
};

/** One release of an exam: the scores, or later the admissions (university, major, batch). */
export const RESULT_KINDS = ["scores", "admissions"] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];
export const RESULT_KIND_LABELS: Record<ResultKind, string> = {
  scores: "成绩",
  admissions: "录取结果",
};

/** What a registered partner app (全省事) may call through the signed open API. */
export const PARTNER_SCOPES = ["results.lookup", "cases.status", "catalog.read"] as const;
export type PartnerScope = (typeof PARTNER_SCOPES)[number];
export const PARTNER_SCOPE_LABELS: Record<PartnerScope, string> = {
  "results.lookup": "考试成绩与录取结果查询",
  "cases.status": "办件进度查询（限申请人本人）",
  "catalog.read": "事项目录与办事指南",
};

/** 好差评: five levels, 5 the best; the lowest two are 差评 and open a rectification. */
export const RATING_LEVELS = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  5: "非常满意",
  4: "满意",
  3: "基本满意",
  2: "不满意",
  1: "非常不满意",
};
export const isBadRating = (level: number): boolean => level <= 2;

/** 一事一评: a case is rated once after acceptance and once after completion. */
export const RATING_STAGES = ["acceptance", "completion"] as const;
export type RatingStage = (typeof RATING_STAGES)[number];
export const RATING_STAGE_LABELS: Record<RatingStage, string> = { acceptance: "受理环节", completion: "办结环节" };

export const RATING_CHANNELS = ["web", "mobile", "window", "kiosk", "sms"] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];
export const RATING_CHANNEL_LABELS: Record<RatingChannel, string> = {
  web: "网上办事大厅",
  mobile: "移动端",
  window: "窗口评价器",
  kiosk: "自助终端",
  sms: "短信评价",
};

/** The standard indicators: online channels rate the platform, the window rates the people serving. */
export const ONLINE_INDICATORS = ["overall", "efficiency", "guide_accuracy", "convenience", "usability"] as const;
export const WINDOW_INDICATORS = ["overall", "service_efficiency", "service_level", "attitude"] as const;
export type RatingIndicator = (typeof ONLINE_INDICATORS)[number] | (typeof WINDOW_INDICATORS)[number];
export const RATING_INDICATOR_LABELS: Record<RatingIndicator, string> = {
  overall: "整体满意度",
  efficiency: "办事效率",
  guide_accuracy: "办事指南精确度",
  convenience: "办事便捷度",
  usability: "平台操作性",
  service_efficiency: "服务效率",
  service_level: "服务水平",
  attitude: "服务态度",
};
export const indicatorsFor = (channel: RatingChannel): readonly RatingIndicator[] =>
  channel === "window" ? WINDOW_INDICATORS : ONLINE_INDICATORS;

/** 差评整改: verify, fix or explain and answer the rater, call back, then a supervisor closes. */
export const RECTIFICATION_STATUSES = ["open", "replied", "called_back", "closed"] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  open: "待整改",
  replied: "待回访",
  called_back: "待审核",
  closed: "已办结",
};
export const RECTIFICATION_OUTCOMES = ["fixed", "explained", "appeal_upheld"] as const;
export type RectificationOutcome = (typeof RECTIFICATION_OUTCOMES)[number];
export const RECTIFICATION_OUTCOME_LABELS: Record<RectificationOutcome, string> = {
  fixed: "已整改",
  explained: "已解释说明",
  appeal_upheld: "申诉成立，不计入统计",
};

/** 申诉复核: why an org contests a rating. */
export const APPEAL_REASONS = ["mistaken", "malicious"] as const;
export type AppealReason = (typeof APPEAL_REASONS)[number];
export const APPEAL_REASON_LABELS: Record<AppealReason, string> = { mistaken: "误评", malicious: "恶意差评" };
export const APPEAL_STATUSES = ["pending", "upheld", "rejected"] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
export const APPEAL_STATUS_LABELS: Record<AppealStatus, string> = {
  pending: "待复核",
  upheld: "申诉成立",
  rejected: "申诉不成立",
};

/** 投诉举报: a complaint about a service, or a report of a violation. */
export const COMPLAINT_KINDS = ["complaint", "report"] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
export const COMPLAINT_KIND_LABELS: Record<ComplaintKind, string> = { complaint: "投诉", report: "举报" };
export const COMPLAINT_TARGETS = ["org", "case", "school", "person"] as const;
export type ComplaintTarget = (typeof COMPLAINT_TARGETS)[number];
export const COMPLAINT_TARGET_LABELS: Record<ComplaintTarget, string> = {
  org: "单位",
  case: "办件",
  school: "学校或培训机构",
  person: "工作人员",
};
export const COMPLAINT_STATUSES = ["received", "investigating", "answered"] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: "待核查",
  investigating: "核查中",
  answered: "已答复",
};
export const COMPLAINT_FINDINGS = ["founded", "partly_founded", "unfounded"] as const;
export type ComplaintFinding = (typeof COMPLAINT_FINDINGS)[number];
export const COMPLAINT_FINDING_LABELS: Record<ComplaintFinding, string> = {
  founded: "属实",
  partly_founded: "部分属实",
  unfounded: "不属实",
};

export const CONSULTATION_STATUSES = ["open", "answered"] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, string> = { open: "待答复", answered: "已答复" };

/** An e-licence (电子证照) as verification reports it. */
export const LICENCE_STATUSES = ["valid", "revoked", "expired"] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];
export const LICENCE_STATUS_LABELS: Record<LicenceStatus, string> = {
  valid: "有效",
  revoked: "已撤销",
  expired: "已过期",
};
