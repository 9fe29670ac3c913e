/**
 * Demo data for bundles (办好一件事): the items bundles need that the demo catalog does not have, the powers they
 * cite, the external org that registers for-profit private schools, and four bundles. Every item passes the catalog's
 * publication rules and every bundle the bundle rules. Phones and staff names are plausible demo values.
 */

import type { z } from "zod";
import type { bundleDefinition } from "../../bundles/index.js";
import type { ItemContentInput } from "../../catalog/index.js";

type Field = NonNullable<ItemContentInput["form"]>[number];
type Material = NonNullable<ItemContentInput["materials"]>[number];
type Content = Omit<ItemContentInput, "powerId" | "resultSampleFileId">;

const PROVINCE = "黑龙江省教育厅";
const HLJU = [PROVINCE, "黑龙江大学"];
const HARBIN = [PROVINCE, "哈尔滨市教育局"];
/** 外部协同部门: not part of the education system; it handles its own part of a bundle in its own workbench. */
export const MARKET_ORG = { name: "哈尔滨市市场监督管理局", kind: "external" as const };
const MARKET = [PROVINCE, MARKET_ORG.name];

export const DEMO_BUNDLE_STAFF = [
  {
    username: "harbin.market",
    name: "宋佳",
    org: MARKET,
    roles: ["window_clerk", "reviewer", "approver"] as ("window_clerk" | "reviewer" | "approver")[],
  },
];

export type DemoBundlePower = {
  org: string[];
  code: string;
  name: string;
  kind: "licensing" | "public_service";
  basis: string;
  responsibility: string;
};

/** Powers the demo catalog lacks: the market regulator's registration, the city bureau's teacher onboarding. */
export const DEMO_BUNDLE_POWERS: DemoBundlePower[] = [
  {
    org: MARKET,
    code: "DJ-001",
    name: "营利性民办学校（公司制）设立登记",
    kind: "licensing",
    basis:
      "《中华人民共和国公司法》；《中华人民共和国市场主体登记管理条例》（国务院令第746号）；《营利性民办学校监督管理实施细则》（教发〔2016〕20号）第十条。",
    responsibility:
      "1.受理阶段责任：一次性告知需要补正的全部内容。\n2.审查阶段责任：审查登记材料是否齐全、是否符合法定形式。\n3.决定阶段责任：作出准予或者不予登记的决定。\n4.送达阶段责任：核发营业执照并公示登记信息。\n5.事后监管责任：通过国家企业信用信息公示系统实施信用监管。",
  },
  {
    org: HARBIN,
    code: "GG-101",
    name: "新聘教师入职服务",
    kind: "public_service",
    basis:
      "《中华人民共和国教师法》；《事业单位人事管理条例》（国务院令第652号）；《黑龙江省事业单位公开招聘人员实施办法》。",
    responsibility:
      "1.受理阶段责任：公示入职所需材料，一次性告知补正内容。\n2.审查阶段责任：核验教师资格、学历和体检结论。\n3.决定阶段责任：办理聘用备案和档案接收。\n4.送达阶段责任：出具备案回执和档案接收函。\n5.事后监管责任：建立教师管理档案。",
  },
];

const field = (key: string, label: string, type: Field["type"], more: Partial<Field> = {}): Field => ({
  key,
  label,
  type,
  required: true,
  ...more,
});
const choice = (key: string, label: string, options: string[]): Field => field(key, label, "choice", { options });

function mat(key: string, name: string, more: Partial<Material> = {}): Material {
  return {
    key,
    name,
    requirement: "required",
    form: "original",
    copies: 1,
    medium: "electronic",
    source: "applicant",
    fileKinds: ["pdf", "image"],
    maxFiles: 3,
    maxSizeMb: 10,
    ...more,
  };
}

const HLJU_DESK = {
  place: "黑龙江大学学生事务服务大厅（哈尔滨市南岗区学府路74号 主楼一楼）",
  hours: "工作日 上午8:00—11:30，下午13:30—16:30（迎新期间周末照常办公）",
  windowStaff: "王丽（学生事务服务大厅）",
};

/** A campus service all done online (no visit), the way the universities' demo items are written. */
function campus(content: Partial<Content> & Pick<Content, "name" | "form" | "materials">): Content {
  return {
    kind: "campus_service",
    audiences: ["person"],
    topic: "入学",
    keywords: [],
    legalBasis:
      "《中华人民共和国高等教育法》第四十一条；《普通高等学校学生管理规定》（教育部令第41号）；《黑龙江大学学生管理规定》。",
    conditions: "黑龙江大学在籍学生。",
    steps: [
      { name: "网上申请", description: "在“办好一件事”中一次填报，系统分送各部门。" },
      { name: "部门审核", description: "承办部门审核材料和学生信息。" },
      { name: "办结", description: "办理结果在网上送达或在学生事务服务大厅领取。" },
    ],
    statutoryLimit: { days: 5, unit: "working" },
    promisedLimit: { days: 3, unit: "working" },
    visitsRequired: 0,
    onlineDepth: 4,
    consultationPhone: "0451-86608114",
    complaintPhone: "0451-86608000",
    ...HLJU_DESK,
    ...content,
  };
}

const HARBIN_DESK = {
  place: "哈尔滨市政务服务中心（哈尔滨市松北区世纪大道1号）三楼市教育局窗口",
  hours: "工作日 上午8:30—12:00，下午13:00—17:00（法定节假日除外）",
  consultationPhone: "0451-84678123",
  complaintPhone: "12345",
  windowStaff: "张志强（市教育局驻政务服务中心首席代表）",
};

const licensingSteps = (accept: string, review: string, decide: string, issue: string, deliver: string) => [
  { name: "受理", description: accept },
  { name: "审查", description: review },
  { name: "决定", description: decide },
  { name: "制证", description: issue },
  { name: "送达", description: deliver },
];

export type DemoBundleItem = {
  /** Referenced by the bundles below. */
  ref: string;
  org: string[];
  basicCode: string;
  powerCode: string;
  content: Content;
};

export const DEMO_BUNDLE_ITEMS: DemoBundleItem[] = [
  // ─── 新生入学 (黑龙江大学) ─────────────────────────────────────────────
  {
    ref: "freshman_register",
    org: [...HLJU, "学生处"],
    basicCode: "0101",
    powerCode: "XW-001",
    content: campus({
      name: "新生入学报到登记",
      keywords: ["新生报到", "入学报到", "迎新"],
      conditions: "已被黑龙江大学录取的本科新生，持录取通知书在规定时间内报到。",
      resultName: "新生报到登记回执",
      form: [
        field("student_name", "学生姓名", "text", { maxLength: 30 }),
        field("id_number", "公民身份号码", "id_number"),
        field("admission_no", "录取通知书编号", "text", { maxLength: 30 }),
        field("mobile", "手机号码", "phone"),
        field("arrival_date", "预计到校日期", "date"),
      ],
      materials: [
        mat("admission_letter", "录取通知书", { notes: "拍照或扫描录取通知书正面。" }),
        mat("photo", "近期免冠正面一寸彩色证件照", {
          fileKinds: ["image"],
          maxFiles: 1,
          maxSizeMb: 2,
          notes: "白色背景，JPG格式。",
        }),
        mat("id_card", "居民身份证", { source: "government", sourceNote: "公安机关核发，系统核验" }),
      ],
    }),
  },
  {
    ref: "freshman_card",
    org: [...HLJU, "学生处"],
    basicCode: "0102",
    powerCode: "XW-001",
    content: campus({
      name: "新生学生证及校园卡办理",
      keywords: ["学生证", "校园卡", "新生"],
      resultName: "学生证、校园卡",
      form: [
        field("student_name", "学生姓名", "text", { maxLength: 30 }),
        field("mobile", "手机号码", "phone"),
        field("home_station", "家庭所在地火车站（乘车区间）", "text", {
          maxLength: 30,
          help: "用于学生证乘车优惠区间，如“哈尔滨—佳木斯”。",
        }),
      ],
      materials: [
        mat("photo", "近期免冠正面一寸彩色证件照", {
          fileKinds: ["image"],
          maxFiles: 1,
          maxSizeMb: 2,
          notes: "白色背景，JPG格式。",
        }),
      ],
    }),
  },
  {
    ref: "freshman_fees",
    org: [...HLJU, "财务处"],
    basicCode: "0101",
    powerCode: "XW-001",
    content: campus({
      name: "新生学费住宿费缴纳及绿色通道申请",
      keywords: ["学费", "绿色通道", "缓交"],
      conditions: "本科新生；家庭经济困难、暂时无法缴清学费的，可申请通过绿色通道先报到后缴费。",
      resultName: "缴费（缓交）确认单",
      form: [
        field("student_name", "学生姓名", "text", { maxLength: 30 }),
        field("id_number", "公民身份号码", "id_number"),
        choice("pay_mode", "缴费方式", ["按时足额缴纳", "申请绿色通道缓交"]),
      ],
      materials: [
        mat("poverty_proof", "家庭经济困难情况说明或生源地助学贷款受理证明", {
          requirement: "optional",
          notes: "申请绿色通道的提交。",
        }),
      ],
    }),
  },

  // ─── 毕业离校 (黑龙江大学) ─────────────────────────────────────────────
  {
    ref: "leave_fees",
    org: [...HLJU, "财务处"],
    basicCode: "0102",
    powerCode: "XW-001",
    content: campus({
      name: "毕业生离校费用结清确认",
      topic: "学历学位",
      keywords: ["离校", "费用结清", "毕业"],
      conditions: "应届毕业生；学费、住宿费等费用已结清，或已办理生源地信用助学贷款。",
      resultName: "离校费用结清确认单",
      form: [
        field("student_name", "学生姓名", "text", { maxLength: 30 }),
        field("student_no", "学号", "text", { maxLength: 20 }),
      ],
      materials: [mat("payment_receipt", "未在系统中显示的缴费凭证", { requirement: "optional" })],
    }),
  },
  {
    ref: "leave_diploma",
    org: [...HLJU, "教务处"],
    basicCode: "0101",
    powerCode: "XW-001",
    content: campus({
      name: "毕业证书、学位证书领取",
      topic: "学历学位",
      keywords: ["毕业证", "学位证", "领取"],
      conditions: "已取得毕业资格、离校费用已结清的应届毕业生。",
      resultName: "毕业证书、学位证书",
      expressDelivery: true,
      form: [
        field("student_name", "学生姓名", "text", { maxLength: 30 }),
        field("student_no", "学号", "text", { maxLength: 20 }),
        choice("delivery", "领取方式", ["本人到学院领取", "邮寄到家"]),
        field("postal_address", "邮寄地址", "address", { required: false }),
      ],
      materials: [mat("id_card", "居民身份证", { source: "government", sourceNote: "系统核验" })],
    }),
  },
  {
    ref: "leave_archive",
    org: [...HLJU, "学生处"],
    basicCode: "0103",
    powerCode: "XW-002",
    content: campus({
      name: "毕业生档案转递及就业报到手续",
      topic: "学历学位",
      keywords: ["档案转递", "报到证", "就业派遣"],
      conditions: "已落实就业单位或者回生源地的应届毕业生。",
      resultName: "档案转递通知单",
      form: [
        field("student_name", "学生姓名", "text", { maxLength: 30 }),
        field("student_no", "学号", "text", { maxLength: 20 }),
        field("mobile", "手机号码", "phone"),
        field("archive_receiver", "档案接收单位", "text", { maxLength: 100 }),
        field("postal_address", "档案接收地址", "address"),
      ],
      materials: [mat("employment_agreement", "就业协议书或者劳动合同", { requirement: "optional" })],
    }),
  },

  // ─── 教师入职 (哈尔滨市教育局) ─────────────────────────────────────────
  {
    ref: "teacher_verify",
    org: HARBIN,
    basicCode: "0601",
    powerCode: "GG-101",
    content: {
      name: "新聘教师资格及学历核验",
      kind: "public_service",
      audiences: ["person"],
      topic: "教师",
      keywords: ["新教师", "入职", "资格核验"],
      legalBasis: "《中华人民共和国教师法》第十条、第十一条；《教师资格条例》。",
      conditions: "经公开招聘拟聘用到市属中小学、中等职业学校任教的人员。",
      materials: [
        mat("teacher_cert", "教师资格证书", { form: "original_and_copy" }),
        mat("diploma", "最高学历、学位证书", { form: "original_and_copy" }),
        mat("health_report", "入职体检合格结论", { source: "issuer", sourceNote: "指定医院出具" }),
      ],
      steps: [
        { name: "网上申请", description: "通过“办好一件事”提交证书扫描件。" },
        { name: "核验", description: "通过全国教师管理信息系统和学信网核验证书真伪。" },
        { name: "出具核验结果", description: "出具核验意见，作为聘用备案依据。" },
      ],
      statutoryLimit: { days: 10, unit: "working" },
      promisedLimit: { days: 5, unit: "working" },
      visitsRequired: 0,
      onlineDepth: 4,
      ...HARBIN_DESK,
      resultName: "新聘教师资格学历核验意见书",
      form: [
        field("teacher_name", "姓名", "text", { maxLength: 30 }),
        field("id_number", "公民身份号码", "id_number"),
        field("mobile", "手机号码", "phone"),
        field("school", "拟聘学校", "text", { maxLength: 100 }),
        field("cert_no", "教师资格证书编号", "text", { maxLength: 30 }),
      ],
    },
  },
  {
    ref: "teacher_filing",
    org: HARBIN,
    basicCode: "0602",
    powerCode: "GG-101",
    content: {
      name: "中小学教师岗位聘用备案",
      kind: "public_service",
      audiences: ["person"],
      topic: "教师",
      keywords: ["聘用备案", "入职", "岗位"],
      legalBasis: "《事业单位人事管理条例》（国务院令第652号）第十二条至第十四条。",
      conditions: "资格和学历核验通过、与学校签订聘用合同的新聘教师。",
      materials: [mat("contract", "聘用合同", { form: "original", notes: "学校盖章、本人签字的聘用合同扫描件。" })],
      steps: [
        { name: "网上申请", description: "资格核验通过后系统自动提交。" },
        { name: "审核", description: "审核岗位、合同期限和核验结论。" },
        { name: "备案", description: "办理聘用备案，出具备案回执。" },
      ],
      statutoryLimit: { days: 10, unit: "working" },
      promisedLimit: { days: 5, unit: "working" },
      visitsRequired: 0,
      onlineDepth: 4,
      ...HARBIN_DESK,
      resultName: "事业单位聘用备案回执",
      form: [
        field("teacher_name", "姓名", "text", { maxLength: 30 }),
        field("id_number", "公民身份号码", "id_number"),
        field("school", "聘用学校", "text", { maxLength: 100 }),
        choice("post", "岗位类别", ["专业技术岗位（教师）", "专业技术岗位（其他）"]),
      ],
    },
  },
  {
    ref: "teacher_archive",
    org: HARBIN,
    basicCode: "0603",
    powerCode: "GG-101",
    content: {
      name: "新聘教师人事档案接收",
      kind: "public_service",
      audiences: ["person"],
      topic: "教师",
      keywords: ["人事档案", "调档", "入职"],
      legalBasis: "《干部档案工作条例》；《流动人员人事档案管理服务规定》。",
      conditions: "已办理聘用的新聘教师，档案由原存档单位转递。",
      materials: [mat("archive_info", "原存档单位名称及联系方式说明", { requirement: "optional" })],
      steps: [
        { name: "网上申请", description: "提交原存档单位信息。" },
        { name: "开具调档函", description: "市教育局人事处开具调档函。" },
        { name: "接收", description: "档案转到后审核入库。" },
      ],
      statutoryLimit: { days: 20, unit: "working" },
      promisedLimit: { days: 15, unit: "working" },
      visitsRequired: 0,
      onlineDepth: 4,
      ...HARBIN_DESK,
      resultName: "人事档案接收回执",
      form: [
        field("teacher_name", "姓名", "text", { maxLength: 30 }),
        field("id_number", "公民身份号码", "id_number"),
        field("archive_holder", "原存档单位", "text", { maxLength: 100 }),
      ],
    },
  },

  // ─── 开办营利性民办学校 ───────────────────────────────────────────────
  {
    ref: "school_approval",
    org: HARBIN,
    basicCode: "0604",
    powerCode: "XK-002",
    content: {
      name: "营利性民办学校设立审批（普通高中、中等职业学校）",
      kind: "licensing",
      audiences: ["legal_person", "person"],
      topic: "民办教育",
      keywords: ["营利性民办学校", "办学许可证", "开办学校"],
      legalBasis:
        "《中华人民共和国民办教育促进法》第十二条、第十九条；《中华人民共和国民办教育促进法实施条例》（国务院令第741号）；《营利性民办学校监督管理实施细则》（教发〔2016〕20号）。",
      conditions:
        "1.举办者为具有法人资格的社会组织或者具有完全民事行为能力的个人，信用状况良好；\n2.有符合规定的校舍、设施设备和与办学规模相适应的师资；\n3.办学资金足额到位；\n4.选择营利性办学属性。",
      materials: [
        mat("application_report", "申办报告", {
          notes: "载明举办者、培养目标、办学规模、办学层次、办学条件和经费筹措。",
        }),
        mat("sponsor_proof", "举办者资格证明", { form: "original_and_copy" }),
        mat("capital_proof", "资产来源、资金数额及验资证明", { source: "issuer", sourceNote: "会计师事务所出具" }),
        mat("articles", "学校章程（公司章程）", { notes: "营利性民办学校的章程同时作为公司章程提交登记机关。" }),
        mat("premises_proof", "校舍不动产权证书或者租赁合同", { form: "copy" }),
      ],
      steps: licensingSteps(
        "窗口5个工作日内作出受理决定。",
        "审查举办者资格、资产来源、章程及师资，组织实地核查。",
        "经局务会议研究，作出批准或者不予批准的决定。",
        "颁发《民办学校办学许可证》。",
        "网上送达电子证照，纸质证书邮寄送达；批准结果同步推送市场监督管理部门。",
      ),
      statutoryLimit: { days: 90, unit: "calendar" },
      promisedLimit: { days: 60, unit: "calendar" },
      visitsRequired: 1,
      visitsReason: "实地核查时须举办者或者拟任校长到场。",
      onlineDepth: 3,
      expressDelivery: true,
      reformMode: "streamlined",
      ...HARBIN_DESK,
      resultName: "民办学校办学许可证",
      form: [
        field("sponsor_name", "举办者名称", "text", { maxLength: 100 }),
        field("credit_code", "举办者统一社会信用代码或身份证号", "text", { maxLength: 18 }),
        field("contact_mobile", "联系人手机号码", "phone"),
        field("school_name", "拟设立学校名称", "text", { maxLength: 100 }),
        choice("school_level", "办学层次", ["普通高中", "中等职业学校"]),
        field("school_address", "拟办学地址", "address"),
        field("capital", "开办资金（万元）", "number"),
      ],
    },
  },
  {
    ref: "school_registration",
    org: MARKET,
    basicCode: "0001",
    powerCode: "DJ-001",
    content: {
      name: "营利性民办学校法人登记",
      kind: "licensing",
      audiences: ["legal_person", "person"],
      topic: "民办教育",
      keywords: ["营利性民办学校", "公司登记", "营业执照"],
      legalBasis:
        "《中华人民共和国公司法》；《中华人民共和国市场主体登记管理条例》（国务院令第746号）；《营利性民办学校监督管理实施细则》第十条：营利性民办学校取得办学许可证后，到登记机关办理登记。",
      conditions: "已取得教育行政部门颁发的《民办学校办学许可证》的营利性民办学校。",
      materials: [
        mat("articles", "公司章程", { notes: "与报教育行政部门审批的学校章程一致。" }),
        mat("premises_proof", "住所（经营场所）使用证明", { form: "copy" }),
        mat("school_licence", "民办学校办学许可证", {
          source: "government",
          sourceNote: "由教育行政部门共享，无需提交",
        }),
        mat("legal_rep_id", "法定代表人身份证明", { source: "government", sourceNote: "公安机关核发，系统核验" }),
      ],
      steps: licensingSteps(
        "收到教育行政部门推送的办学许可信息后即时受理。",
        "审查名称、住所、章程和法定代表人任职资格。",
        "作出准予登记或者不予登记的决定。",
        "核发营业执照（电子营业执照同步生成）。",
        "网上送达电子营业执照，纸质执照可邮寄。",
      ),
      statutoryLimit: { days: 15, unit: "working" },
      promisedLimit: { days: 3, unit: "working" },
      visitsRequired: 0,
      onlineDepth: 4,
      expressDelivery: true,
      place: "哈尔滨市政务服务中心（哈尔滨市松北区世纪大道1号）二楼市场监管局登记窗口",
      hours: "工作日 上午8:30—12:00，下午13:00—17:00（法定节假日除外）",
      consultationPhone: "0451-86781234",
      complaintPhone: "12315",
      windowStaff: "宋佳（市场监管局登记注册处）",
      resultName: "营业执照",
      form: [
        field("school_name", "拟登记名称", "text", { maxLength: 100 }),
        field("investor", "股东（出资人）", "text", { maxLength: 100 }),
        field("legal_rep", "法定代表人姓名", "text", { maxLength: 30 }),
        field("address", "住所", "address"),
        field("capital", "注册资本（万元）", "number"),
        field("contact_mobile", "联系人手机号码", "phone"),
      ],
    },
  },
];

export type DemoBundle = {
  org: string[];
  code: string;
  name: string;
  /** Items by `ref` of DEMO_BUNDLE_ITEMS. */
  definition: Omit<z.input<typeof bundleDefinition>, "items"> & {
    items: { key: string; ref: string; after: string | null; label: string }[];
  };
};

const text = (key: string, label: string, maps: [string, string][], more: Partial<Field> = {}) => ({
  ...field(key, label, "text", more),
  options: [],
  maxLength: more.maxLength ?? null,
  help: more.help ?? "",
  maps: maps.map(([itemKey, fieldKey]) => ({ itemKey, fieldKey })),
});
const typed = (
  key: string,
  label: string,
  type: Field["type"],
  maps: [string, string][],
  more: Partial<Field> = {},
) => ({
  ...text(key, label, maps, more),
  type,
  options: more.options ?? [],
});
const material = (key: string, name: string, maps: [string, string][], notes = "") => ({
  key,
  name,
  notes,
  maps: maps.map(([itemKey, materialKey]) => ({ itemKey, materialKey })),
});

export const DEMO_BUNDLES: DemoBundle[] = [
  {
    org: HLJU,
    code: "YJS-XSRX",
    name: "新生入学一件事",
    definition: {
      description:
        "新生报到登记、学生证和校园卡办理、学费缴纳（含绿色通道）一次申请、一表填报，学生处、财务处同时办理，报到当天即可领取学生证和校园卡。",
      audience: "黑龙江大学本科新生",
      onDenial: "continue",
      items: [
        { key: "register", ref: "freshman_register", after: null, label: "新生报到登记" },
        { key: "card", ref: "freshman_card", after: null, label: "学生证及校园卡" },
        { key: "fees", ref: "freshman_fees", after: null, label: "学费缴纳及绿色通道" },
      ],
      fields: [
        text("student_name", "学生姓名", [
          ["register", "student_name"],
          ["card", "student_name"],
          ["fees", "student_name"],
        ]),
        typed("id_number", "公民身份号码", "id_number", [
          ["register", "id_number"],
          ["fees", "id_number"],
        ]),
        typed("mobile", "手机号码", "phone", [
          ["register", "mobile"],
          ["card", "mobile"],
        ]),
        text("admission_no", "录取通知书编号", [["register", "admission_no"]]),
        typed("arrival_date", "预计到校日期", "date", [["register", "arrival_date"]]),
        text("home_station", "家庭所在地火车站（乘车区间）", [["card", "home_station"]], {
          help: "用于学生证乘车优惠区间，如“哈尔滨—佳木斯”。",
        }),
        typed("pay_mode", "缴费方式", "choice", [["fees", "pay_mode"]], {
          options: ["按时足额缴纳", "申请绿色通道缓交"],
        }),
      ],
      materials: [
        material("admission_letter", "录取通知书", [["register", "admission_letter"]]),
        material(
          "photo",
          "近期免冠正面一寸彩色证件照",
          [
            ["register", "photo"],
            ["card", "photo"],
          ],
          "上传一次，报到登记和学生证共用。",
        ),
        material("poverty_proof", "家庭经济困难情况说明或助学贷款受理证明", [["fees", "poverty_proof"]]),
      ],
    },
  },
  {
    org: HLJU,
    code: "YJS-BYLX",
    name: "毕业离校一件事",
    definition: {
      description:
        "费用结清确认后，毕业证书和学位证书领取、档案转递及就业报到手续由教务处、学生处同时办理，毕业生不再逐个部门盖章。",
      audience: "黑龙江大学应届毕业生",
      onDenial: "stop",
      items: [
        { key: "fees", ref: "leave_fees", after: null, label: "离校费用结清确认" },
        { key: "diploma", ref: "leave_diploma", after: "fees", label: "毕业证书、学位证书领取" },
        { key: "archive", ref: "leave_archive", after: "fees", label: "档案转递及就业报到" },
      ],
      fields: [
        text("student_name", "学生姓名", [
          ["fees", "student_name"],
          ["diploma", "student_name"],
          ["archive", "student_name"],
        ]),
        text("student_no", "学号", [
          ["fees", "student_no"],
          ["diploma", "student_no"],
          ["archive", "student_no"],
        ]),
        typed("mobile", "手机号码", "phone", [["archive", "mobile"]]),
        typed("delivery", "证书领取方式", "choice", [["diploma", "delivery"]], {
          options: ["本人到学院领取", "邮寄到家"],
        }),
        text("archive_receiver", "档案接收单位", [["archive", "archive_receiver"]]),
        typed("postal_address", "档案接收及证书邮寄地址", "address", [
          ["archive", "postal_address"],
          ["diploma", "postal_address"],
        ]),
      ],
      materials: [
        material("payment_receipt", "未在系统中显示的缴费凭证", [["fees", "payment_receipt"]]),
        material("employment_agreement", "就业协议书或者劳动合同", [["archive", "employment_agreement"]]),
      ],
    },
  },
  {
    org: HARBIN,
    code: "YJS-JSRZ",
    name: "教师入职一件事",
    definition: {
      description:
        "新聘教师的资格学历核验、人事档案接收同时办理，核验通过后系统自动提交岗位聘用备案；一次填报、一次上传，全程网办。",
      audience: "经公开招聘拟聘用到哈尔滨市属中小学、中等职业学校的教师",
      onDenial: "continue",
      items: [
        { key: "verify", ref: "teacher_verify", after: null, label: "资格及学历核验" },
        { key: "filing", ref: "teacher_filing", after: "verify", label: "岗位聘用备案" },
        { key: "archive", ref: "teacher_archive", after: null, label: "人事档案接收" },
      ],
      fields: [
        text("teacher_name", "姓名", [
          ["verify", "teacher_name"],
          ["filing", "teacher_name"],
          ["archive", "teacher_name"],
        ]),
        typed("id_number", "公民身份号码", "id_number", [
          ["verify", "id_number"],
          ["filing", "id_number"],
          ["archive", "id_number"],
        ]),
        typed("mobile", "手机号码", "phone", [["verify", "mobile"]]),
        text("school", "聘用学校", [
          ["verify", "school"],
          ["filing", "school"],
        ]),
        text("cert_no", "教师资格证书编号", [["verify", "cert_no"]]),
        typed("post", "岗位类别", "choice", [["filing", "post"]], {
          options: ["专业技术岗位（教师）", "专业技术岗位（其他）"],
        }),
        text("archive_holder", "原存档单位", [["archive", "archive_holder"]]),
      ],
      materials: [
        material("teacher_cert", "教师资格证书", [["verify", "teacher_cert"]]),
        material("diploma", "最高学历、学位证书", [["verify", "diploma"]]),
        material("health_report", "入职体检合格结论", [["verify", "health_report"]]),
        material("contract", "聘用合同", [["filing", "contract"]]),
        material("archive_info", "原存档单位名称及联系方式说明", [["archive", "archive_info"]]),
      ],
    },
  },
  {
    org: HARBIN,
    code: "YJS-KBMX",
    name: "开办营利性民办学校一件事",
    definition: {
      description:
        "教育部门办学许可和市场监管部门法人登记联办：一次申请、一套材料，取得《民办学校办学许可证》后系统自动向市场监督管理局提交登记，无需再次填报和提交章程、场所证明。",
      audience: "拟举办营利性民办普通高中、中等职业学校的社会组织或者个人",
      onDenial: "stop",
      items: [
        { key: "approval", ref: "school_approval", after: null, label: "办学许可（教育部门）" },
        { key: "registration", ref: "school_registration", after: "approval", label: "法人登记（市场监管部门）" },
      ],
      fields: [
        text("sponsor_name", "举办者（出资人）名称", [
          ["approval", "sponsor_name"],
          ["registration", "investor"],
        ]),
        text("credit_code", "举办者统一社会信用代码或身份证号", [["approval", "credit_code"]], { maxLength: 18 }),
        text("legal_rep", "拟任法定代表人姓名", [["registration", "legal_rep"]]),
        typed("contact_mobile", "联系人手机号码", "phone", [
          ["approval", "contact_mobile"],
          ["registration", "contact_mobile"],
        ]),
        text("school_name", "学校名称", [
          ["approval", "school_name"],
          ["registration", "school_name"],
        ]),
        typed("school_level", "办学层次", "choice", [["approval", "school_level"]], {
          options: ["普通高中", "中等职业学校"],
        }),
        typed("school_address", "办学地址（住所）", "address", [
          ["approval", "school_address"],
          ["registration", "address"],
        ]),
        typed("capital", "开办资金（注册资本，万元）", "number", [
          ["approval", "capital"],
          ["registration", "capital"],
        ]),
      ],
      materials: [
        material("application_report", "申办报告", [["approval", "application_report"]]),
        material("sponsor_proof", "举办者资格证明", [["approval", "sponsor_proof"]]),
        material("capital_proof", "资产来源、资金数额及验资证明", [["approval", "capital_proof"]]),
        material(
          "articles",
          "学校章程（公司章程）",
          [
            ["approval", "articles"],
            ["registration", "articles"],
          ],
          "上传一次，教育部门审批和市场监管部门登记共用。",
        ),
        material(
          "premises_proof",
          "校舍不动产权证书或者租赁合同",
          [
            ["approval", "premises_proof"],
            ["registration", "premises_proof"],
          ],
          "同时作为住所（经营场所）使用证明。",
        ),
      ],
    },
  },
];
