/**
 * Demo data for the service-item catalog (事项库) and the power lists (权责清单) the items cite.
 *
 * Every item is written to pass the publication rules, except that file ids (result samples, blank
 * forms, material samples) are left unset: the demo seed generates those files and attaches them.
 * Addresses, phones and staff names are plausible demo values, not real contact details.
 */
import type { PowerKind } from "../../../../common/vocabulary.js";
import type { ItemContentInput } from "../../catalog/index.js";

export type DemoPower = {
  /** Org name path from the root, e.g. ["黑龙江省教育厅", "哈尔滨市教育局"]. */
  org: string[];
  /** Short code, unique within the org, e.g. "XK-001". */
  code: string;
  name: string;
  kind: PowerKind;
  /** Legal basis text. */
  basis: string;
  /** 责任事项. */
  responsibility: string;
};

export type DemoItem = {
  /** The implementing org's name path. */
  org: string[];
  /** 4-digit basic code, unique within the org. */
  basicCode: string;
  /** Code of a DemoPower of the same org; null for a province standard, which cites no power. */
  powerCode: string | null;
  /** A province standard (同事同标) that the county items copy. */
  standard?: true;
  /** The basic code of the province standard this item follows. */
  follows?: string;
  content: Omit<ItemContentInput, "powerId">;
};

type Content = Omit<ItemContentInput, "powerId">;
type Material = NonNullable<ItemContentInput["materials"]>[number];
type Step = NonNullable<ItemContentInput["steps"]>[number];
type Field = NonNullable<ItemContentInput["form"]>[number];
type Limit = ItemContentInput["statutoryLimit"];
type Desk = Required<Pick<Content, "place" | "hours" | "consultationPhone" | "complaintPhone" | "windowStaff">>;

// ─── Orgs ────────────────────────────────────────────────────────────────────

const PROVINCE = ["黑龙江省教育厅"];
const HARBIN = [...PROVINCE, "哈尔滨市教育局"];
const QIQIHAR = [...PROVINCE, "齐齐哈尔市教育局"];
const MUDANJIANG = [...PROVINCE, "牡丹江市教育局"];
const DAQING = [...PROVINCE, "大庆市教育局"];
const NANGANG = [...HARBIN, "南岗区教育局"];
const DAOLI = [...HARBIN, "道里区教育局"];
const XIANGFANG = [...HARBIN, "香坊区教育局"];

type Office = "教务处" | "学生处" | "财务处" | "研究生院";
const HLJU = "黑龙江大学";
const HIT = "哈尔滨工业大学";
const NEFU = "东北林业大学";
const HRBNU = "哈尔滨师范大学";
const office = (university: string, name: Office) => [...PROVINCE, university, name];

// ─── Shared building blocks ──────────────────────────────────────────────────

const HOURS = "工作日 上午8:30—11:30，下午13:30—17:00（法定节假日除外）";
const HOURS_LONG = "工作日 上午8:30—12:00，下午13:00—17:00（法定节假日除外）";
const HOURS_CAMPUS = "工作日 上午8:00—11:30，下午13:30—16:30（寒暑假期间值班时间另行通知，法定节假日除外）";
const HOURS_ONLINE = "全天24小时网上自助办理（系统维护时段除外）";

const wd = (days: number): Limit => ({ days, unit: "working" });
const cd = (days: number): Limit => ({ days, unit: "calendar" });

function desk(
  place: string,
  consultationPhone: string,
  complaintPhone: string,
  windowStaff: string,
  hours = HOURS,
): Desk {
  return { place, hours, consultationPhone, complaintPhone, windowStaff };
}

/** A material; by default a required original the applicant brings, paper or electronic. */
function mat(key: string, name: string, more: Partial<Material> = {}): Material {
  return {
    key,
    name,
    requirement: "required",
    form: "original",
    copies: 1,
    medium: "either",
    source: "applicant",
    ...more,
  };
}

const idCard = (notes = "网上申请的上传身份证正反面扫描件；已通过“黑龙江全省事”实名认证的免于提交。"): Material =>
  mat("id_card", "居民身份证", { medium: "either", source: "government", sourceNote: "公安机关核发", notes });

const photo = (): Material =>
  mat("photo", "近期免冠正面一寸彩色证件照", {
    medium: "electronic",
    notes: "白色背景，JPG格式，大小不超过200KB，本人近六个月内照片。",
  });

const step = (name: string, description: string): Step => ({ name, description });

/** The five statutory links of a licence (受理、审查、决定、制证、送达), optionally with an on-site check. */
function licensingSteps(d: {
  accept: string;
  review: string;
  inspect?: string;
  decide: string;
  issue: string;
  deliver: string;
}): Step[] {
  return [
    step("受理", d.accept),
    step("审查", d.review),
    ...(d.inspect ? [step("现场核查", d.inspect)] : []),
    step("决定", d.decide),
    step("制证", d.issue),
    step("送达", d.deliver),
  ];
}

function selfServiceSteps(portal: string, resultName: string): Step[] {
  return [
    step("在线申请", `申请人登录${portal}，选择“${resultName}”，确认证明用途和份数后提交。`),
    step("系统核验", "系统自动核验申请人身份及学籍、学业信息，信息有误的请联系学院教学秘书或本部门更正后再申请。"),
    step("即时出证", `核验通过后即时生成加盖电子印章的${resultName}，可在线下载或到校内自助打印终端打印。`),
  ];
}

/** Everything that makes an item 全程网办、即时办结 at any hour. */
const SELF_SERVICE = {
  statutoryLimit: wd(1),
  promisedLimit: wd(0),
  instant: true,
  visitsRequired: 0,
  visitsReason: "",
  onlineDepth: 4,
  postalSubmission: false,
  selfService: true,
  roundTheClock: true,
  fees: [],
} satisfies Partial<Content>;

/** Online application, result posted: no visit needed. */
const ONLINE_BY_POST = {
  visitsRequired: 0,
  onlineDepth: 3,
  postalSubmission: true,
  expressDelivery: true,
} satisfies Partial<Content>;

const field = (key: string, label: string, type: Field["type"], more: Partial<Field> = {}): Field => ({
  key,
  label,
  type,
  required: true,
  ...more,
});
const choice = (key: string, label: string, options: string[], more: Partial<Field> = {}): Field =>
  field(key, label, "choice", { options, ...more });
const personFields = (): Field[] => [
  field("applicant_name", "申请人姓名", "text", { maxLength: 30 }),
  field("id_number", "公民身份号码", "id_number"),
  field("mobile", "手机号码", "phone", { help: "用于接收办理进度短信。" }),
];
const studentFields = (): Field[] => [
  field("student_name", "学生姓名", "text", { maxLength: 30 }),
  field("student_no", "学号", "text", { maxLength: 20 }),
  field("mobile", "手机号码", "phone"),
];

function duties(accept: string, review: string, decide: string, deliver: string, supervise: string): string {
  return [
    `1.受理阶段责任：${accept}`,
    `2.审查阶段责任：${review}`,
    `3.决定阶段责任：${decide}`,
    `4.送达阶段责任：${deliver}`,
    `5.事后监管责任：${supervise}`,
    "6.其他法律法规规章文件规定应履行的责任。",
  ].join("\n");
}

const LICENCE_ACCEPT =
  "公示依法应当提交的材料目录和示范文本；申请材料不齐全或者不符合法定形式的，一次性告知申请人需要补正的全部内容；依法作出受理或者不予受理决定，不予受理的说明理由。";
const LICENCE_DELIVER = "制发相关证件或者批准文件，按申请人选择的方式送达，并依法向社会公开许可结果。";

// ─── Power lists (权责清单) ──────────────────────────────────────────────────

export const DEMO_POWERS: DemoPower[] = [
  // 黑龙江省教育厅
  {
    org: PROVINCE,
    code: "XK-001",
    name: "教师资格认定（高等学校）",
    kind: "licensing",
    basis:
      "《中华人民共和国教师法》第十条、第十一条、第十三条；《教师资格条例》（国务院令第188号）第十三条；《〈教师资格条例〉实施办法》（教育部令第10号）。",
    responsibility: duties(
      LICENCE_ACCEPT,
      "对申请人的学历、普通话水平、身体条件、教育教学能力等进行审查，组织专家审查委员会对申请人的教育教学能力进行考察。",
      "根据审查意见作出认定或者不予认定的决定；不予认定的，书面说明理由，并告知申请人依法享有申请行政复议或者提起行政诉讼的权利。",
      "制发《教师资格证书》，按申请人选择的方式送达，并将认定信息录入全国教师资格管理信息系统。",
      "对弄虚作假、骗取教师资格的，依法撤销其教师资格；受理对认定工作的投诉举报。",
    ),
  },
  {
    org: PROVINCE,
    code: "XK-002",
    name: "中外合作办学机构设立、变更和终止审批",
    kind: "licensing",
    basis:
      "《中华人民共和国中外合作办学条例》（国务院令第372号）第十二条及第二章“设立”、第六章“变更与终止”；《中华人民共和国中外合作办学条例实施办法》（教育部令第20号）。",
    responsibility: duties(
      LICENCE_ACCEPT,
      "审查中外合作办学者资质、合作协议、办学资金、校舍设施、章程等材料，必要时组织专家评议并进行实地考察。",
      "在法定期限内作出批准或者不批准的决定；不批准的，书面说明理由。",
      `${LICENCE_DELIVER}批准设立的，颁发中外合作办学许可证。`,
      "对中外合作办学机构开展年度报告检查和办学质量评估，依法查处违规办学行为。",
    ),
  },
  {
    org: PROVINCE,
    code: "XK-003",
    name: "中外合作办学项目审批",
    kind: "licensing",
    basis:
      "《中华人民共和国中外合作办学条例》（国务院令第372号）附则关于中外合作办学项目的规定；《中华人民共和国中外合作办学条例实施办法》（教育部令第20号）关于中外合作办学项目审批的规定。",
    responsibility: duties(
      LICENCE_ACCEPT,
      "审查合作双方资质、合作协议、引进课程和师资、教学计划及收费方案等材料，组织专家评议。",
      "作出批准或者不批准的决定，批准的颁发项目批准书并报教育部备案。",
      "送达批准文件，在省教育厅门户网站公布项目信息。",
      "开展中外合作办学项目评估，对不符合办学要求的依法责令整改或者终止。",
    ),
  },
  {
    org: PROVINCE,
    code: "XK-004",
    name: "民办学校设立、变更和终止审批（高等学校）",
    kind: "licensing",
    basis:
      "《中华人民共和国民办教育促进法》第二章“设立”、第八章“变更与终止”；《中华人民共和国民办教育促进法实施条例》（国务院令第741号）；《民办高等学校办学管理若干规定》（教育部令第25号）；《营利性民办学校监督管理实施细则》（教发〔2016〕20号）。",
    responsibility: duties(
      LICENCE_ACCEPT,
      "审查举办者资格、办学资金来源、章程、师资及校舍条件，组织专家评议和实地考察。",
      "依法作出批准或者不予批准的决定；章程修改依法实行备案管理的，作出准予备案的决定。",
      `${LICENCE_DELIVER}颁发或者换发办学许可证。`,
      "开展年度检查和专项检查，督促民办学校依法依章程办学。",
    ),
  },
  {
    org: PROVINCE,
    code: "QR-001",
    name: "学历证明书出具",
    kind: "confirmation",
    basis:
      "《中华人民共和国高等教育法》第二十条；《普通高等学校学生管理规定》（教育部令第41号）第三章第七节“学业证书管理”；《高等教育自学考试暂行条例》（国发〔1988〕15号）。",
    responsibility: duties(
      "一次性告知申请所需材料，对材料齐全的予以受理。",
      "通过学信网学历证书电子注册信息、学籍档案及原发证单位存档资料核实申请人的学历信息。",
      "核实无误的，出具学历证明书；不能核实的，书面告知理由。",
      "按申请人选择的方式送达学历证明书。",
      "建立证明书出具台账，对弄虚作假取得证明书的依法予以撤销。",
    ),
  },
  {
    org: PROVINCE,
    code: "QR-002",
    name: "普通高等学校学生学籍学历确认",
    kind: "confirmation",
    basis:
      "《普通高等学校学生管理规定》（教育部令第41号）第三章第三节“转专业与转学”及第七节“学业证书管理”；《高等学校学生学籍学历电子注册办法》（教学〔2014〕11号）。",
    responsibility: duties(
      "接收高等学校报送的学籍学历确认申请，材料不全的一次性告知补正。",
      "审核转学条件、学籍学历信息与相关证明材料是否一致。",
      "作出确认或者不予确认的意见，并在学信网学籍学历管理平台办理确认。",
      "将确认结果书面告知报送学校和申请人。",
      "对学校学籍学历管理工作进行抽查，发现违规转学、违规变更学籍的依法纠正。",
    ),
  },
  {
    org: PROVINCE,
    code: "QT-001",
    name: "中小学正高级教师职称评审",
    kind: "other_power",
    basis:
      "《人力资源社会保障部 教育部关于深化中小学教师职称制度改革的指导意见》（人社部发〔2015〕79号）；《职称评审管理暂行规定》（人力资源社会保障部令第40号）；《黑龙江省中小学教师职称评价标准条件》。",
    responsibility: duties(
      "发布年度评审通知，接收市（地）教育局审核推荐的申报材料。",
      "对申报人员的资格条件和材料进行复核，组织同行专家进行业绩成果评价、面试答辩。",
      "由评审委员会按规定程序投票表决，评审结果经公示无异议后发文确认。",
      "印发评审结果通知，核发职称证书或者电子证书。",
      "受理评审工作的投诉举报，对弄虚作假取得职称的依法撤销。",
    ),
  },
  {
    org: PROVINCE,
    code: "JL-001",
    name: "对有突出贡献的教师的表彰奖励",
    kind: "reward",
    basis: "《中华人民共和国教师法》第三十三条；《教师和教育工作者奖励规定》；《评比达标表彰活动管理办法》。",
    responsibility: duties(
      "制定并发布表彰工作方案，明确推荐条件、名额和程序，接收各地各校推荐材料。",
      "对推荐人选的资格条件、师德表现和事迹材料进行审核，征求纪检监察等部门意见。",
      "经厅党组研究确定拟表彰人选，向社会公示不少于5个工作日后作出表彰决定。",
      "印发表彰决定，颁发荣誉证书和奖章。",
      "对受表彰人员实行动态管理，发现弄虚作假或者严重违反师德的依法撤销荣誉。",
    ),
  },
  {
    org: PROVINCE,
    code: "JL-002",
    name: "基础教育教学成果奖励",
    kind: "reward",
    basis: "《教学成果奖励条例》（国务院令第151号）；《黑龙江省基础教育教学成果奖励办法》。",
    responsibility: duties(
      "发布评审通知，接收市（地）推荐及省直学校申报的成果材料。",
      "组织形式审查和网络评审、会议评审，成果经过2年以上教育教学实践检验。",
      "评审结果经公示无异议后，由省教育厅批准授奖。",
      "印发获奖通报，颁发获奖证书。",
      "对获奖成果开展推广应用，对剽窃、弄虚作假的撤销奖励并追回证书。",
    ),
  },
  {
    org: PROVINCE,
    code: "CJ-001",
    name: "教师申诉处理",
    kind: "adjudication",
    basis:
      "《中华人民共和国教师法》第三十九条；《国家教委关于〈中华人民共和国教师法〉若干问题的实施意见》（教人〔1995〕81号）。",
    responsibility: duties(
      "接收教师书面申诉，对符合受理条件的予以受理，不予受理的书面告知理由。",
      "调查核实申诉事项，听取申诉人和被申诉学校的陈述和申辩，必要时组织听证。",
      "在法定期限内作出维持、变更或者撤销原处理决定等申诉处理决定。",
      "向申诉人和被申诉学校送达申诉处理决定书，告知救济途径。",
      "督促被申诉学校履行申诉处理决定。",
    ),
  },
  {
    org: PROVINCE,
    code: "CJ-002",
    name: "高等学校学生申诉处理",
    kind: "adjudication",
    basis: "《中华人民共和国教育法》第四十三条；《普通高等学校学生管理规定》（教育部令第41号）第六章“学生申诉”。",
    responsibility: duties(
      "接收学生对学校复查决定不服提出的书面申诉，审查是否属于受理范围。",
      "调取学校处理或处分的事实、依据和程序材料，听取当事人陈述。",
      "自接到书面申诉之日起30个工作日内作出处理决定。",
      "将处理决定书送达申诉学生和所在学校。",
      "对学校执行处理决定的情况进行监督。",
    ),
  },
  {
    org: PROVINCE,
    code: "GF-001",
    name: "服兵役高等学校学生国家教育资助",
    kind: "payment",
    basis:
      "《中华人民共和国兵役法》；《学生资助资金管理办法》（财教〔2021〕310号）“服兵役高等学校学生国家教育资助”有关规定。",
    responsibility: duties(
      "接收高等学校审核汇总的学费补偿、国家助学贷款代偿及学费减免申请。",
      "会同省军区动员局对申请学生的入伍、退役信息及资助金额进行审核。",
      "确定资助名单和金额，报全国学生资助管理中心审核。",
      "将资助资金拨付至高等学校，由学校发放至学生本人或者代偿至贷款银行。",
      "对资金使用情况进行监督检查，对骗取资助资金的依法追回。",
    ),
  },
  {
    org: PROVINCE,
    code: "GG-001",
    name: "普通话水平测试",
    kind: "public_service",
    basis:
      "《中华人民共和国国家通用语言文字法》第十九条、第二十四条；《普通话水平测试管理规定》（教育部令第51号）；《普通话水平测试实施纲要》。",
    responsibility: duties(
      "发布测试计划，通过国家普通话水平测试在线报名系统受理报名。",
      "审核报名信息，安排考场和测试时间。",
      "组织计算机辅助测试和人工复审，确定测试等级。",
      "发放电子等级证书，应考生申请补发纸质证书。",
      "对测试站点开展质量检查，处理测试违纪违规行为。",
    ),
  },
  {
    org: PROVINCE,
    code: "GG-002",
    name: "教师资格证书补发、换发（高等学校）",
    kind: "public_service",
    basis: "《〈教师资格条例〉实施办法》（教育部令第10号）关于教师资格证书补发的规定。",
    responsibility: duties(
      "一次性告知所需材料，受理补发、换发申请。",
      "通过全国教师资格管理信息系统核对原认定信息。",
      "核对无误的，同意补发或者换发。",
      "制作并送达补发、换发的教师资格证书。",
      "对补发、换发情况建档备查。",
    ),
  },
  {
    org: PROVINCE,
    code: "CF-001",
    name: "对民办学校违法违规办学行为的行政处罚",
    kind: "penalty",
    basis:
      "《中华人民共和国民办教育促进法》第九章“法律责任”；《中华人民共和国民办教育促进法实施条例》（国务院令第741号）第八章“法律责任”；《中华人民共和国行政处罚法》。",
    responsibility: [
      "1.立案责任：对监督检查中发现、投诉举报或者其他部门移送的违法线索及时审查，决定是否立案。",
      "2.调查责任：执法人员不少于两人，出示执法证件，全面客观收集证据，制作笔录。",
      "3.审查责任：对案件事实、证据、程序、法律适用和处罚裁量进行审查，重大案件进行法制审核和集体讨论。",
      "4.告知责任：作出处罚决定前告知当事人拟处罚的事实、理由、依据及其陈述、申辩和要求听证的权利。",
      "5.决定责任：依法作出行政处罚决定，制作处罚决定书。",
      "6.送达责任：在法定期限内送达行政处罚决定书，并依法公示。",
      "7.执行责任：监督当事人履行处罚决定，当事人逾期不履行的依法申请人民法院强制执行。",
    ].join("\n"),
  },
  {
    org: PROVINCE,
    code: "JC-001",
    name: "对民办学校办学行为的行政检查",
    kind: "inspection",
    basis:
      "《中华人民共和国民办教育促进法》第六章“管理与监督”；《中华人民共和国民办教育促进法实施条例》（国务院令第741号）；《黑龙江省民办学校年度检查办法》。",
    responsibility: [
      "1.检查责任：制定年度检查计划，按照“双随机、一公开”要求确定检查对象和执法人员。",
      "2.处置责任：对检查中发现的问题责令限期整改，涉嫌违法的依法立案查处。",
      "3.公开责任：检查结果通过省教育厅门户网站和国家企业信用信息公示系统向社会公开。",
      "4.其他法律法规规章文件规定应履行的责任。",
    ].join("\n"),
  },

  // 哈尔滨市教育局
  {
    org: HARBIN,
    code: "XK-001",
    name: "教师资格认定（高级中学、中等职业学校）",
    kind: "licensing",
    basis:
      "《中华人民共和国教师法》第十三条；《教师资格条例》（国务院令第188号）第十三条；《〈教师资格条例〉实施办法》（教育部令第10号）。",
    responsibility: duties(
      LICENCE_ACCEPT,
      "对县（区）教育局初审意见及申请人的学历、普通话水平、体检结论、教师资格考试合格证明进行复审。",
      "作出认定或者不予认定的决定，不予认定的书面说明理由。",
      "制发《教师资格证书》并送达申请人。",
      "对以欺骗、贿赂等不正当手段取得教师资格的依法撤销。",
    ),
  },
  {
    org: HARBIN,
    code: "XK-002",
    name: "民办学校设立、变更和终止审批",
    kind: "licensing",
    basis:
      "《中华人民共和国民办教育促进法》第二章“设立”、第八章“变更与终止”；《中华人民共和国民办教育促进法实施条例》（国务院令第741号）。",
    responsibility: duties(
      LICENCE_ACCEPT,
      "审查举办者资格、资产来源、章程及办学条件，组织实地考察。",
      "依法作出批准或者不予批准的决定。",
      `${LICENCE_DELIVER}颁发、换发或者收回办学许可证。`,
      "开展年度检查，督促学校规范办学。",
    ),
  },
  {
    org: HARBIN,
    code: "XK-003",
    name: "一般类营利性民办文化教育培训机构许可",
    kind: "licensing",
    basis:
      "《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》（国发〔2021〕7号）；《黑龙江省深化“证照分离”改革进一步激发市场主体发展活力实施方案》。",
    responsibility: duties(
      "取消审批后，不再受理许可申请，接收市场主体登记信息推送。",
      "对推送信息进行核对，纳入监管名录。",
      "不再作出许可决定。",
      "不再制发许可证件，在政务服务平台公开机构名录。",
      "通过“双随机、一公开”监管、信用监管等方式加强事中事后监管。",
    ),
  },
  {
    org: HARBIN,
    code: "QT-001",
    name: "中小学一级教师职称评审",
    kind: "other_power",
    basis:
      "《人力资源社会保障部 教育部关于深化中小学教师职称制度改革的指导意见》（人社部发〔2015〕79号）；《职称评审管理暂行规定》（人力资源社会保障部令第40号）；《黑龙江省中小学教师职称评价标准条件》。",
    responsibility: duties(
      "发布年度评审工作安排，接收各区县（市）教育局推荐的申报材料。",
      "审核申报人员资格条件，组织学科评议组进行业绩评价和说课答辩。",
      "经评审委员会表决，结果公示无异议后确认。",
      "印发评审结果，发放职称证书。",
      "受理投诉举报，对弄虚作假的依法撤销职称。",
    ),
  },
  {
    org: HARBIN,
    code: "GG-001",
    name: "教师资格证书补发、换发",
    kind: "public_service",
    basis: "《〈教师资格条例〉实施办法》（教育部令第10号）关于教师资格证书补发的规定。",
    responsibility: duties(
      "受理补发、换发申请，一次性告知补正材料。",
      "核对全国教师资格管理信息系统中的原认定信息。",
      "作出同意补发或者换发的意见。",
      "制作并送达新证书，原证书作废。",
      "建档备查。",
    ),
  },
  {
    org: HARBIN,
    code: "CF-001",
    name: "对校外培训机构违法违规行为的行政处罚",
    kind: "penalty",
    basis:
      "《校外培训行政处罚暂行办法》（教育部令第53号）；《中华人民共和国民办教育促进法》第九章“法律责任”；《中华人民共和国行政处罚法》。",
    responsibility: [
      "1.立案责任：对巡查、举报、移送的违法线索在规定期限内核查，决定是否立案。",
      "2.调查责任：两名以上执法人员调查取证，依法采取证据先行登记保存等措施。",
      "3.审查责任：对违法事实、证据、程序和裁量基准进行审查，重大案件经法制审核和集体讨论。",
      "4.告知责任：告知当事人拟处罚内容及陈述、申辩、听证权利。",
      "5.决定责任：依法作出处罚决定。",
      "6.送达责任：送达处罚决定书并依法公示。",
      "7.执行责任：监督履行，逾期不履行的依法申请强制执行。",
    ].join("\n"),
  },
  {
    org: HARBIN,
    code: "JC-001",
    name: "对校外培训机构的行政检查",
    kind: "inspection",
    basis:
      "中共中央办公厅、国务院办公厅《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》；《国务院办公厅关于规范校外培训机构发展的意见》（国办发〔2018〕80号）；《校外培训行政处罚暂行办法》（教育部令第53号）。",
    responsibility: [
      "1.检查责任：按照“双随机、一公开”要求，对校外培训机构的办学资质、培训内容、收费及资金监管情况开展检查。",
      "2.处置责任：发现违规的责令限期整改，涉嫌违法的移交立案查处。",
      "3.公开责任：通过全国校外教育培训监管与服务综合平台公开检查结果。",
      "4.其他法律法规规章文件规定应履行的责任。",
    ].join("\n"),
  },

  // 齐齐哈尔市教育局
  {
    org: QIQIHAR,
    code: "XK-001",
    name: "教师资格认定（高级中学、中等职业学校）",
    kind: "licensing",
    basis:
      "《中华人民共和国教师法》第十三条；《教师资格条例》（国务院令第188号）第十三条；《〈教师资格条例〉实施办法》（教育部令第10号）。",
    responsibility: duties(
      LICENCE_ACCEPT,
      "审查申请人学历、普通话、体检结论及考试合格证明，核查个人承诺内容。",
      "作出认定或者不予认定的决定。",
      "制发并送达《教师资格证书》。",
      "对承诺不实的依法撤销教师资格，并纳入信用记录。",
    ),
  },
  {
    org: QIQIHAR,
    code: "JL-001",
    name: "优秀教师和优秀班主任表彰",
    kind: "reward",
    basis: "《中华人民共和国教师法》第三十三条；《教师和教育工作者奖励规定》；《评比达标表彰活动管理办法》。",
    responsibility: duties(
      "发布表彰通知，接收各县（市、区）教育局和直属学校推荐材料。",
      "审核推荐人选条件和事迹材料，征求纪检监察意见。",
      "研究确定拟表彰人选，公示后作出表彰决定。",
      "印发表彰决定，颁发荣誉证书。",
      "对受表彰人员实行动态管理。",
    ),
  },
  {
    org: QIQIHAR,
    code: "QR-001",
    name: "普通高中学历证明出具",
    kind: "confirmation",
    basis: "《中小学生学籍管理办法》（教基一〔2013〕7号）；《黑龙江省普通高中学生学籍管理办法》。",
    responsibility: duties(
      "受理申请，一次性告知所需材料。",
      "调阅学籍档案、毕业生花名册，核实毕业信息。",
      "核实无误的出具学历证明。",
      "按申请人选择的方式送达。",
      "建立出具台账备查。",
    ),
  },

  // 牡丹江市教育局
  {
    org: MUDANJIANG,
    code: "CJ-001",
    name: "教师申诉处理",
    kind: "adjudication",
    basis:
      "《中华人民共和国教师法》第三十九条；《国家教委关于〈中华人民共和国教师法〉若干问题的实施意见》（教人〔1995〕81号）。",
    responsibility: duties(
      "接收教师书面申诉，审查是否属于受理范围。",
      "调查核实申诉事项，听取双方陈述。",
      "在30日内作出申诉处理决定。",
      "送达申诉处理决定书。",
      "督促被申诉学校履行处理决定。",
    ),
  },
  {
    org: MUDANJIANG,
    code: "XK-001",
    name: "校外培训机构设立审批",
    kind: "licensing",
    basis:
      "《中华人民共和国民办教育促进法》第二章“设立”；《国务院办公厅关于规范校外培训机构发展的意见》（国办发〔2018〕80号）；《黑龙江省校外培训机构设置标准》。",
    responsibility: duties(
      LICENCE_ACCEPT,
      "审查举办者资格、培训场所安全条件、从业人员资质、培训内容及收费资金监管方案，组织实地核查。",
      "作出批准或者不予批准的决定。",
      `${LICENCE_DELIVER}批准的颁发办学许可证。`,
      "纳入全国校外教育培训监管与服务综合平台管理，开展日常巡查。",
    ),
  },
  {
    org: MUDANJIANG,
    code: "GF-001",
    name: "中等职业学校国家助学金发放",
    kind: "payment",
    basis: "《学生资助资金管理办法》（财教〔2021〕310号）“中等职业学校国家助学金”有关规定。",
    responsibility: duties(
      "组织学校受理学生申请。",
      "审核学校上报的受助学生名单和资助金额。",
      "确定资助名单，拨付资金。",
      "督促学校通过学生资助卡按学期发放。",
      "开展资金使用检查，防止冒领、挤占挪用。",
    ),
  },

  // 大庆市教育局
  {
    org: DAQING,
    code: "GF-001",
    name: "普通高中国家助学金发放",
    kind: "payment",
    basis: "《学生资助资金管理办法》（财教〔2021〕310号）“普通高中国家助学金”有关规定。",
    responsibility: duties(
      "组织学校受理学生申请。",
      "审核学校上报的受助学生名单和资助等级。",
      "确定资助名单，拨付资金。",
      "督促学校按学期发放至学生资助卡。",
      "开展资金使用检查。",
    ),
  },
  {
    org: DAQING,
    code: "XK-001",
    name: "民办学校设立、变更和终止审批",
    kind: "licensing",
    basis:
      "《中华人民共和国民办教育促进法》第八章“变更与终止”；《中华人民共和国民办教育促进法实施条例》（国务院令第741号）。",
    responsibility: duties(
      LICENCE_ACCEPT,
      "审查申请材料及章程修改内容是否符合法律法规规定。",
      "依法作出批准、不予批准或者准予备案的决定。",
      LICENCE_DELIVER,
      "开展年度检查，督促学校依章程办学。",
    ),
  },

  // 南岗区教育局
  {
    org: NANGANG,
    code: "GG-001",
    name: "义务教育阶段学生转学",
    kind: "public_service",
    basis: "《中华人民共和国义务教育法》第十二条；《中小学生学籍管理办法》（教基一〔2013〕7号）。",
    responsibility: duties(
      "受理转学申请，一次性告知所需材料。",
      "核实学籍信息和转入学校学位情况。",
      "同意转学的，通过全国中小学生学籍信息管理系统办理学籍转接。",
      "告知申请人办理结果。",
      "对学籍变动情况进行核查。",
    ),
  },
  {
    org: NANGANG,
    code: "XK-001",
    name: "教师资格认定（幼儿园、小学、初级中学）",
    kind: "licensing",
    basis:
      "《中华人民共和国教师法》第十三条；《教师资格条例》（国务院令第188号）第十三条；《〈教师资格条例〉实施办法》（教育部令第10号）。",
    responsibility: duties(
      LICENCE_ACCEPT,
      "审查申请人学历、普通话、体检结论及考试合格证明，核查个人承诺内容。",
      "作出认定或者不予认定的决定。",
      "制发并送达《教师资格证书》。",
      "对承诺不实的依法撤销教师资格，并纳入信用记录。",
    ),
  },
  {
    org: NANGANG,
    code: "XK-002",
    name: "实施学前教育的民办学校（幼儿园）设立审批",
    kind: "licensing",
    basis:
      "《中华人民共和国学前教育法》；《中华人民共和国民办教育促进法》第二章“设立”；《幼儿园管理条例》（国家教育委员会令第4号）；《幼儿园工作规程》（教育部令第39号）。",
    responsibility: duties(
      LICENCE_ACCEPT,
      "审查举办者资格、园舍场地、卫生保健和安全条件、保教人员资质，组织实地核查。",
      "作出批准或者不予批准的决定。",
      `${LICENCE_DELIVER}批准的颁发办学许可证。`,
      "开展年检和保育教育质量评估。",
    ),
  },
  {
    org: NANGANG,
    code: "GG-002",
    name: "生源地信用助学贷款受理",
    kind: "public_service",
    basis:
      "《财政部 教育部 中国人民银行 国家金融监督管理总局关于调整完善国家助学贷款有关政策的通知》；《关于进一步完善生源地信用助学贷款政策的通知》。",
    responsibility: duties(
      "受理学生及共同借款人的贷款申请。",
      "审核家庭经济困难情况和录取、在读信息。",
      "审核通过的提交经办银行审批。",
      "协助办理合同签订。",
      "配合经办银行开展还款提醒和诚信教育。",
    ),
  },

  // 道里区教育局
  {
    org: DAOLI,
    code: "GG-001",
    name: "义务教育阶段学生转学",
    kind: "public_service",
    basis: "《中华人民共和国义务教育法》第十二条；《中小学生学籍管理办法》（教基一〔2013〕7号）。",
    responsibility: duties(
      "受理转学申请，一次性告知所需材料。",
      "核实学籍信息和转入学校学位情况。",
      "同意转学的，通过全国中小学生学籍信息管理系统办理学籍转接。",
      "告知申请人办理结果。",
      "对学籍变动情况进行核查。",
    ),
  },
  {
    org: DAOLI,
    code: "XK-001",
    name: "教师资格认定（幼儿园、小学、初级中学）",
    kind: "licensing",
    basis:
      "《中华人民共和国教师法》第十三条；《教师资格条例》（国务院令第188号）第十三条；《〈教师资格条例〉实施办法》（教育部令第10号）。",
    responsibility: duties(
      LICENCE_ACCEPT,
      "审查申请人学历、普通话、体检结论及考试合格证明，核查个人承诺内容。",
      "作出认定或者不予认定的决定。",
      "制发并送达《教师资格证书》。",
      "对承诺不实的依法撤销教师资格，并纳入信用记录。",
    ),
  },
  {
    org: DAOLI,
    code: "QT-001",
    name: "适龄儿童少年延缓入学、休学审批",
    kind: "other_power",
    basis: "《中华人民共和国义务教育法》第十一条；《中小学生学籍管理办法》（教基一〔2013〕7号）。",
    responsibility: duties(
      "受理监护人提出的延缓入学申请。",
      "审核医疗诊断证明等材料，必要时组织专家评估。",
      "作出批准或者不予批准的决定。",
      "书面告知申请人并通知相关学校。",
      "跟踪延缓入学儿童的情况，期满督促入学。",
    ),
  },

  // 香坊区教育局
  {
    org: XIANGFANG,
    code: "GG-001",
    name: "义务教育阶段学生转学",
    kind: "public_service",
    basis: "《中华人民共和国义务教育法》第十二条；《中小学生学籍管理办法》（教基一〔2013〕7号）。",
    responsibility: duties(
      "受理转学申请，一次性告知所需材料。",
      "核实学籍信息和转入学校学位情况。",
      "同意转学的，通过全国中小学生学籍信息管理系统办理学籍转接。",
      "告知申请人办理结果。",
      "对学籍变动情况进行核查。",
    ),
  },
  {
    org: XIANGFANG,
    code: "GF-001",
    name: "义务教育阶段家庭经济困难学生生活补助",
    kind: "payment",
    basis: "《学生资助资金管理办法》（财教〔2021〕310号）；财政部 教育部《城乡义务教育补助经费管理办法》。",
    responsibility: duties(
      "组织学校受理学生申请。",
      "审核家庭经济困难认定结果和受助名单。",
      "确定资助名单和标准，拨付资金。",
      "督促学校按学期发放。",
      "开展资金使用检查。",
    ),
  },
  {
    org: XIANGFANG,
    code: "GG-002",
    name: "义务教育阶段学生休学、复学",
    kind: "public_service",
    basis: "《中华人民共和国义务教育法》第十一条；《中小学生学籍管理办法》（教基一〔2013〕7号）。",
    responsibility: duties(
      "受理学校报送的休学、复学申请。",
      "审核医疗证明等材料和学籍信息。",
      "在学籍系统中核办休学、复学。",
      "告知学校和监护人办理结果。",
      "督促学校做好复学学生的衔接和控辍保学工作。",
    ),
  },

  // 高等学校校内部门
  ...campusPowers(HLJU),
  ...campusPowers(HIT),
  ...campusPowers(NEFU),
  ...campusPowers(HRBNU),
  {
    org: office(HRBNU, "教务处"),
    code: "XW-003",
    name: "师范生教师资格认定服务",
    kind: "campus_service",
    basis:
      "《教育部办公厅关于做好教育类研究生和公费师范生免试认定中小学教师资格工作的通知》；《中华人民共和国教师法》；《哈尔滨师范大学师范生教育实践管理办法》。",
    responsibility: duties(
      "受理毕业年度师范生的免试认定资格审核申请。",
      "核对培养方案、教育实习成绩及教师职业能力测试结果。",
      "出具《师范生教师职业能力证书》并向认定机构推送信息。",
      "通过学校网上办事大厅告知结果。",
      "对证书出具情况建档备查。",
    ),
  },
];

/** The powers every university's offices hold for the campus services they provide. */
function campusPowers(university: string): DemoPower[] {
  const basis = `《中华人民共和国高等教育法》第四十一条；《普通高等学校学生管理规定》（教育部令第41号）；《${university}学生管理规定》。`;
  return [
    {
      org: office(university, "教务处"),
      code: "XW-001",
      name: "学籍与学业证明管理",
      kind: "campus_service",
      basis,
      responsibility: duties(
        "通过网上办事大厅和教务服务窗口受理学生证明申请。",
        "核对学籍、成绩和学业信息。",
        "出具在读证明、成绩单等学业证明。",
        "在线推送或窗口发放。",
        "对证明出具情况留存记录，发现信息错误的及时更正。",
      ),
    },
    {
      org: office(university, "教务处"),
      code: "XW-002",
      name: "本科生学籍异动管理",
      kind: "campus_service",
      basis,
      responsibility: duties(
        "受理转专业、休学、复学等学籍异动申请。",
        "会同学院审核申请条件和相关证明。",
        "按学校规定程序作出同意或者不同意的决定。",
        "书面告知学生并在学籍系统中变更。",
        "按规定报省级教育行政部门备案。",
      ),
    },
    {
      org: office(university, "学生处"),
      code: "XW-001",
      name: "学生证件与事务管理",
      kind: "campus_service",
      basis,
      responsibility: duties(
        "受理学生证补办及相关事务申请。",
        "核对学生身份和学籍状态。",
        "制作学生证件或出具相关材料。",
        "通知学生领取或在线发放。",
        "对证件制发情况登记备查。",
      ),
    },
    {
      org: office(university, "学生处"),
      code: "XW-002",
      name: "学生资助与就业派遣管理",
      kind: "campus_service",
      basis: `《学生资助资金管理办法》（财教〔2021〕310号）；《普通高等学校毕业生就业工作暂行规定》；《${university}家庭经济困难学生认定办法》。`,
      responsibility: duties(
        "受理国家助学金、学费补偿、就业派遣等申请。",
        "组织学院评议小组开展认定和审核。",
        "公示无异议后确定资助名单或办理派遣手续。",
        "发放资助资金或送达相关材料。",
        "建立资助档案，接受审计和检查。",
      ),
    },
    {
      org: office(university, "财务处"),
      code: "XW-001",
      name: "学生收费与票据管理",
      kind: "campus_service",
      basis: `《高等学校财务制度》（财教〔2022〕128号）；《行政事业单位资金往来结算票据使用管理暂行办法》；《${university}学生收费管理办法》。`,
      responsibility: duties(
        "受理缴费证明、票据打印及缓交申请。",
        "核对学生缴费记录。",
        "出具证明、票据或作出缓交意见。",
        "在线推送或窗口发放。",
        "定期对账，确保收费数据准确。",
      ),
    },
    {
      org: office(university, "研究生院"),
      code: "XW-001",
      name: "学位证明管理",
      kind: "campus_service",
      basis: "《中华人民共和国学位法》；《学位证书和学位授予信息管理办法》（学位〔2015〕18号）。",
      responsibility: duties(
        "受理学位证明、学位证书遗失证明等申请。",
        "核对学位授予信息库中的授予信息。",
        "出具学位证明或学位证明书。",
        "在线推送或邮寄送达。",
        "对出具情况留存记录备查。",
      ),
    },
  ];
}

// ─── Service items (事项库) ──────────────────────────────────────────────────

const orgFields = (): Field[] => [
  field("org_name", "申请单位名称", "org"),
  field("credit_code", "统一社会信用代码", "text", { maxLength: 18, help: "18位统一社会信用代码，见法人登记证书。" }),
  field("contact_name", "经办人姓名", "text", { maxLength: 30 }),
  field("contact_mobile", "经办人手机号码", "phone"),
];

const DESK_PROVINCE = desk(
  "黑龙江省政务服务中心（哈尔滨市南岗区汉水路268号）二楼C区省教育厅综合窗口",
  "0451-82345678",
  "12345",
  "刘婧（省教育厅驻政务服务中心窗口负责人）",
);
const DESK_PROVINCE_LANGUAGE = desk(
  "黑龙江省普通话水平测试中心（哈尔滨市南岗区花园街202号）一楼服务大厅",
  "0451-82345690",
  "0451-82345611",
  "孙晓燕（测试中心办公室）",
);
const DESK_PROVINCE_AID = desk(
  "黑龙江省学生资助管理中心（哈尔滨市南岗区花园街202号）三楼受理室",
  "0451-82345720",
  "12345",
  "赵明（资助中心综合科）",
);
const DESK_PROVINCE_LAW = desk(
  "黑龙江省教育厅政策法规处（哈尔滨市南岗区花园街202号）四楼申诉接待室",
  "0451-82345633",
  "12345",
  "高建国（政策法规处）",
);

const PROVINCE_ITEMS: DemoItem[] = [
  {
    org: PROVINCE,
    basicCode: "0001",
    powerCode: "XK-001",
    content: {
      name: "高等学校教师资格认定",
      kind: "licensing",
      audiences: ["person"],
      topic: "教师",
      keywords: ["高校教师资格证", "大学教师资格证", "高校教资认定", "岗前培训"],
      legalBasis:
        "1.《中华人民共和国教师法》第十条：国家实行教师资格制度。第十三条：……普通高等学校的教师资格由国务院或者省、自治区、直辖市教育行政部门或者由其委托的学校认定。\n2.《教师资格条例》（国务院令第188号）第十三条：……在未受国务院教育行政部门或者省、自治区、直辖市人民政府教育行政部门委托的高等学校任职的人员和拟聘人员的高等学校教师资格，按照学校行政隶属关系，由国务院教育行政部门认定或者由学校所在地的省、自治区、直辖市人民政府教育行政部门认定。\n3.《〈教师资格条例〉实施办法》（教育部令第10号）。\n4.《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》（国发〔2021〕7号）。",
      conditions:
        "1.具有中华人民共和国国籍，遵守宪法和法律，热爱教育事业，具有良好的思想品德；\n2.具备研究生或者大学本科学历；\n3.普通话水平达到二级乙等及以上标准；\n4.参加高等学校教师岗前培训并取得合格证明，通过任职学校组织的教育教学能力测试；\n5.身体条件符合《黑龙江省教师资格申请人员体检标准及办法》；\n6.在我省未获委托自主认定的高等学校任职或者拟聘用，且未达到国家法定退休年龄；\n7.被撤销教师资格的，自撤销之日起须满5年；受到剥夺政治权利或者故意犯罪受到有期徒刑以上刑事处罚的，不得申请。",
      situations: [
        { key: "first", name: "首次申请", description: "首次申请认定高等学校教师资格。" },
        { key: "reapply", name: "曾被撤销后重新申请", description: "原教师资格被撤销满5年，重新申请认定。" },
      ],
      materials: [
        idCard(),
        mat("degree_certificate", "学历证书", {
          source: "issuer",
          sourceNote: "学历颁发学校",
          notes: "学历信息能够通过学信网在线核验的免于提交；境外学历须提交教育部留学服务中心出具的认证书。",
        }),
        mat("putonghua_certificate", "普通话水平测试等级证书", {
          requirement: "optional",
          source: "government",
          sourceNote: "省级语言文字工作机构",
          notes: "系统自动核验国家普通话水平测试信息，核验不到的须上传证书。",
        }),
        mat("training_certificate", "高等学校教师岗前培训合格证明", {
          source: "issuer",
          sourceNote: "黑龙江省高等学校师资培训中心",
        }),
        mat("teaching_ability", "教育教学能力测试结果", {
          source: "issuer",
          sourceNote: "任职（拟聘）学校",
          notes: "由任职学校组织试讲后出具，加盖学校公章。",
        }),
        mat("medical_report", "黑龙江省教师资格申请人员体检表", {
          source: "issuer",
          sourceNote: "认定机构指定的二级甲等以上医院",
          notes: "体检结论须为“合格”，自体检之日起6个月内有效。",
        }),
        mat("employment_proof", "任职或者拟聘用证明", { source: "issuer", sourceNote: "任职（拟聘）学校人事部门" }),
        photo(),
        mat("revocation_decision", "原撤销教师资格决定书", {
          form: "copy",
          situationKeys: ["reapply"],
          notes: "用于核对撤销日期，自撤销之日起须满5年。",
        }),
      ],
      steps: licensingSteps({
        accept:
          "申请人在中国教师资格网提交网上申请，任职学校人事部门初审后报送，省教育厅在5个工作日内作出受理或者不予受理决定。",
        review:
          "对学历、普通话、体检、岗前培训和教育教学能力测试结果进行审查，提交省高等学校教师资格专家审查委员会审议。",
        decide: "作出认定或者不予认定的决定，认定结果在中国教师资格网公布。",
        issue: "制作《教师资格证书》，加盖黑龙江省教育厅教师资格认定专用章。",
        deliver: "证书通过任职学校人事部门统一发放，或者按申请人选择免费邮寄送达。",
      }),
      statutoryLimit: wd(30),
      promisedLimit: wd(20),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_PROVINCE,
      resultName: "教师资格证书",
      reformMode: "streamlined",
      form: [
        ...personFields(),
        field("university", "任职（拟聘）学校", "org"),
        field("subject", "任教学科", "text", { maxLength: 30 }),
        choice("title", "现专业技术职务", ["无", "助教", "讲师", "副教授", "教授"]),
        field("delivery_address", "证书邮寄地址", "address", { required: false }),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0002",
    powerCode: "XK-002",
    content: {
      name: "中外合作办学机构设立审批（中等学历教育、学前教育及非学历教育）",
      kind: "licensing",
      audiences: ["legal_person"],
      topic: "中外合作办学",
      keywords: ["中外合作办学", "合作办学机构", "外方合作", "国际学校设立"],
      legalBasis:
        "1.《中华人民共和国中外合作办学条例》（国务院令第372号）第十二条第三款：申请设立实施中等学历教育和自学考试助学、文化补习、学前教育等的中外合作办学机构，由拟设立机构所在地的省、自治区、直辖市人民政府教育行政部门审批。\n2.《中华人民共和国中外合作办学条例》第二章“设立”。\n3.《中华人民共和国中外合作办学条例实施办法》（教育部令第20号）。",
      conditions:
        "1.中外合作办学者应当具有法人资格，具有相应的办学资格和较高的办学质量；\n2.不得举办实施义务教育和实施军事、警察、政治等特殊性质教育的中外合作办学机构；\n3.中外合作办学机构的理事会、董事会中中方组成人员不得少于二分之一，校长或者主要行政负责人应当具有中华人民共和国国籍、在中国境内定居；\n4.有符合规定的章程、组织机构、教师、校舍设施和办学资金；\n5.合作协议须明确双方权利义务、合作期限、争议解决办法等内容。",
      materials: [
        mat("application", "中外合作办学机构设立申请书", { medium: "paper", copies: 2 }),
        mat("cooperation_agreement", "中外合作办学协议", {
          notes: "外文文本须附中文译本，并明确以中文文本为准。",
          copies: 2,
        }),
        mat("legal_status_proof", "中外合作办学者法人资格证明", {
          form: "original_and_copy",
          source: "issuer",
          notes: "外方证明须经公证并办理领事认证或者附加证明书。",
        }),
        mat("articles_draft", "机构章程草案及首届理事会（董事会）组成人员名单"),
        mat("capital_proof", "资产来源、资金数额及有效证明文件", {
          source: "issuer",
          sourceNote: "会计师事务所、银行",
          notes: "须载明产权归属，以知识产权投入的须提交评估报告。",
        }),
        mat("premises_proof", "校舍和教学设施证明", {
          form: "copy",
          notes: "含不动产权证书或者租期不少于5年的租赁合同。",
        }),
        mat("principal_resume", "拟任校长（主要行政负责人）及教师资质材料", { form: "copy" }),
      ],
      steps: licensingSteps({
        accept: "申请人通过黑龙江政务服务网提交材料，窗口5个工作日内作出受理或者不予受理决定。",
        review: "处室审查合作办学者资质、协议、章程、资金及办学条件，组织专家评议。",
        inspect: "专家组到拟办学地点实地考察校舍、设施和师资情况，形成考察意见。",
        decide: "经厅务会议研究，作出批准或者不批准的决定。",
        issue: "批准设立的，颁发《中外合作办学许可证》。",
        deliver: "窗口领取或者邮寄送达，并报教育部备案、向社会公布。",
      }),
      statutoryLimit: cd(90),
      promisedLimit: cd(60),
      visitsRequired: 1,
      visitsReason: "专家组实地考察时需申请单位法定代表人到场，并现场核验合作协议及法人资格证明原件。",
      onlineDepth: 3,
      expressDelivery: true,
      fees: [],
      ...DESK_PROVINCE,
      resultName: "中外合作办学许可证",
      reformMode: "streamlined",
      form: [
        ...orgFields(),
        field("foreign_partner", "外国合作办学者名称", "text", { maxLength: 200 }),
        choice("education_level", "办学层次", ["中等学历教育", "学前教育", "自学考试助学", "文化补习"]),
        field("campus_address", "拟办学地址", "address"),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0003",
    powerCode: "XK-003",
    content: {
      name: "中外合作办学项目审批（高等专科、非学历高等教育及高中阶段）",
      kind: "licensing",
      audiences: ["legal_person"],
      topic: "中外合作办学",
      keywords: ["中外合作办学项目", "合作项目审批", "引进国外课程", "联合培养"],
      legalBasis:
        "1.《中华人民共和国中外合作办学条例》（国务院令第372号）附则。\n2.《中华人民共和国中外合作办学条例实施办法》（教育部令第20号）：申请举办实施高等专科教育、非学历高等教育和高级中学教育、学前教育、中等职业技术学历教育、自学考试助学、文化补习的中外合作办学项目，报拟举办项目所在地的省、自治区、直辖市人民政府教育行政部门批准，并报国务院教育行政部门备案。",
      conditions:
        "1.中国教育机构为依法设立的学校或者其他教育机构，具有举办相应层次教育的资格；\n2.外国教育机构为所在国政府认可的教育机构，具有较高的办学质量；\n3.合作项目引进的外方课程和专业核心课程不低于中外合作办学项目全部课程和核心课程的三分之一，外国教育机构教师担负的专业核心课程门数和教学时数不低于全部课程和教学时数的三分之一；\n4.项目不得设立独立法人，招生纳入中方学校招生计划；\n5.收费标准经价格主管部门核定。",
      materials: [
        mat("application", "中外合作办学项目申请表", { medium: "paper", copies: 2 }),
        mat("cooperation_agreement", "中外合作办学项目合作协议", { notes: "外文文本须附中文译本。" }),
        mat("partner_qualification", "外方合作者资质证明及办学质量说明", {
          source: "issuer",
          notes: "须经公证并办理领事认证或者附加证明书。",
        }),
        mat("teaching_plan", "人才培养方案、课程设置及外方师资安排"),
        mat("fee_plan", "收费项目和标准说明", {
          requirement: "deferrable",
          notes: "可在批准前由价格主管部门核定后补交。",
        }),
      ],
      steps: licensingSteps({
        accept: "申请学校通过黑龙江政务服务网提交材料，窗口5个工作日内作出受理决定。",
        review: "审查协议、课程引进比例、师资及收费方案，组织专家评议。",
        decide: "作出批准或者不批准的决定。",
        issue: "批准的，颁发《中外合作办学项目批准书》。",
        deliver: "送达申请学校，报教育部备案并在中外合作办学监管工作信息平台公布。",
      }),
      statutoryLimit: wd(30),
      promisedLimit: wd(20),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_PROVINCE,
      resultName: "中外合作办学项目批准书",
      reformMode: "streamlined",
      form: [
        ...orgFields(),
        field("foreign_partner", "外方合作院校", "text", { maxLength: 200 }),
        field("major", "合作举办专业", "text", { maxLength: 60 }),
        field("annual_enrolment", "每期招生人数", "number"),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0004",
    powerCode: "XK-004",
    content: {
      name: "民办高等学校章程修改备案",
      kind: "licensing",
      audiences: ["legal_person"],
      topic: "民办教育",
      keywords: ["章程修改", "章程核准", "民办高校章程", "章程变更"],
      legalBasis:
        "1.《中华人民共和国民办教育促进法》第二章“设立”关于民办学校章程的规定。\n2.《中华人民共和国民办教育促进法实施条例》（国务院令第741号）关于民办学校章程及其修改的规定。\n3.《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》（国发〔2021〕7号），民办学校章程修改由核准改为备案。",
      conditions:
        "1.章程修改已经学校理事会（董事会）依照章程规定的程序审议通过，并听取学校党组织意见；\n2.修改后的章程符合法律、行政法规和国家有关规定，不得违背非营利性或者营利性办学属性；\n3.涉及学校名称、办学层次、类别、举办者、办学地址等事项变更的，须同时或者先行办理相应的变更审批；\n4.学校应当自章程修改之日起30日内报备。",
      materials: [
        mat("filing_form", "民办学校章程修改备案表", { medium: "electronic" }),
        mat("board_resolution", "理事会（董事会）关于修改章程的决议", {
          notes: "须有到会组成人员签字，到会人数符合章程规定。",
        }),
        mat("revision_table", "章程修改前后对照表", { medium: "electronic" }),
        mat("articles", "修改后的章程全文", { medium: "electronic" }),
        mat("party_opinion", "学校党组织对章程修改的意见", { medium: "electronic" }),
      ],
      steps: licensingSteps({
        accept: "学校在黑龙江政务服务网提交备案材料，材料齐全的当场予以受理。",
        review: "对修改内容的合法性和程序的完整性进行形式审查。",
        decide: "符合要求的予以备案；不符合要求的，一次性告知需要修正的内容。",
        issue: "生成《民办学校章程修改备案通知书》（电子证照）。",
        deliver: "电子备案通知书通过平台推送，同时在省教育厅门户网站公开。",
      }),
      statutoryLimit: wd(20),
      promisedLimit: wd(5),
      visitsRequired: 0,
      onlineDepth: 4,
      fees: [],
      ...DESK_PROVINCE,
      resultName: "民办学校章程修改备案通知书",
      reformMode: "filing",
      form: [
        ...orgFields(),
        field("resolution_date", "理事会决议日期", "date"),
        field("revision_summary", "主要修改内容", "text", { maxLength: 1000 }),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0005",
    powerCode: "XK-004",
    content: {
      name: "民办高等学校举办者变更核准",
      kind: "licensing",
      audiences: ["legal_person"],
      topic: "民办教育",
      keywords: ["举办者变更", "民办高校转让", "更换举办者"],
      legalBasis:
        "1.《中华人民共和国民办教育促进法》第八章“变更与终止”：民办学校举办者的变更，须由举办者提出，在进行财务清算后，经学校理事会或者董事会同意，报审批机关核准。\n2.《中华人民共和国民办教育促进法实施条例》（国务院令第741号）。\n3.《民办高等学校办学管理若干规定》（教育部令第25号）。",
      conditions:
        "1.举办者变更由举办者提出，已进行财务清算，并经学校理事会（董事会）同意；\n2.新举办者具备法律法规规定的举办民办学校的条件，资产状况和信用良好；\n3.变更不得影响学校正常教育教学秩序，不得损害师生合法权益；\n4.非营利性民办学校举办者变更不得涉及学校办学结余分配和学校资产转移。",
      materials: [
        mat("application", "举办者变更申请书"),
        mat("transfer_agreement", "原举办者与新举办者签订的变更协议", { copies: 2 }),
        mat("audit_report", "财务清算审计报告", { source: "issuer", sourceNote: "会计师事务所" }),
        mat("board_consent", "理事会（董事会）同意变更的决议"),
        mat("new_sponsor_proof", "新举办者资格证明及资信证明", {
          form: "original_and_copy",
          source: "issuer",
          notes:
            "法人举办者提交营业执照或者事业单位法人证书及近三年审计报告；自然人举办者提交身份证明及无犯罪记录证明。",
        }),
      ],
      steps: licensingSteps({
        accept: "学校通过黑龙江政务服务网提交申请，窗口5个工作日内作出受理决定。",
        review: "审查变更协议、财务清算及新举办者资格，征求省委教育工委意见。",
        inspect: "对学校资产状况和办学秩序进行实地核查。",
        decide: "作出核准或者不予核准的决定。",
        issue: "核准的，换发《民办学校办学许可证》。",
        deliver: "窗口领取或者邮寄送达，并在省教育厅门户网站公开。",
      }),
      statutoryLimit: wd(20),
      promisedLimit: wd(15),
      visitsRequired: 1,
      visitsReason: "须接受实地核查，并由原举办者和新举办者法定代表人现场签署确认书。",
      onlineDepth: 3,
      expressDelivery: true,
      fees: [],
      ...DESK_PROVINCE,
      resultName: "民办学校办学许可证（变更）",
      reformMode: "none",
      form: [
        ...orgFields(),
        field("old_sponsor", "原举办者", "text", { maxLength: 200 }),
        field("new_sponsor", "新举办者", "text", { maxLength: 200 }),
        choice("school_category", "学校类别", ["非营利性民办学校", "营利性民办学校"]),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0006",
    powerCode: "GG-001",
    content: {
      name: "普通话水平测试",
      kind: "public_service",
      audiences: ["person"],
      topic: "考试",
      keywords: ["普通话考试", "普通话报名", "普通话等级", "测普通话", "二甲"],
      legalBasis:
        "1.《中华人民共和国国家通用语言文字法》第十九条：凡以普通话作为工作语言的岗位，其工作人员应当具备说普通话的能力。以普通话作为工作语言的播音员、节目主持人和影视话剧演员、教师、国家机关工作人员的普通话水平，应当分别达到国家规定的等级标准。\n2.《普通话水平测试管理规定》（教育部令第51号）。\n3.《普通话水平测试实施纲要》。",
      conditions:
        "1.教师和申请教师资格人员、师范类专业学生、播音员、节目主持人、国家机关工作人员等按照国家规定应当接受测试的人员，以及其他自愿申请参加测试的社会人员；\n2.在黑龙江省就读、工作或者居住；\n3.距上次测试时间已满3个月。",
      materials: [
        idCard("报名时上传身份证信息，测试当天须携带身份证原件入场。"),
        mat("face_photo", "本人电子照片", {
          medium: "electronic",
          notes: "报名时在线上传，测试当天现场采集比对。",
        }),
      ],
      steps: [
        step("网上报名", "在“国家普通话水平测试在线报名系统”选择黑龙江省测试站点和场次，填写报名信息。"),
        step("缴费确认", "按系统提示在线缴纳测试费，缴费成功即报名完成。"),
        step("参加测试", "按准考证时间到测试站点参加计算机辅助普通话水平测试。"),
        step("成绩发布", "测试后约30个工作日在报名系统查询成绩，合格的生成电子等级证书。"),
      ],
      statutoryLimit: wd(30),
      promisedLimit: wd(25),
      visitsRequired: 1,
      visitsReason: "须本人到测试站点参加计算机辅助测试，并现场核验身份。",
      onlineDepth: 3,
      fees: [
        {
          name: "普通话水平测试费",
          amountFen: 5000,
          basis:
            "《黑龙江省发展和改革委员会 黑龙江省财政厅关于普通话水平测试收费标准有关问题的通知》；收费项目列入《黑龙江省行政事业性收费目录清单》。",
        },
      ],
      ...DESK_PROVINCE_LANGUAGE,
      resultName: "普通话水平测试等级证书（电子证书）",
      onlinePayment: true,
      form: [
        ...personFields(),
        choice("test_site", "测试站点", [
          "黑龙江省普通话水平测试中心",
          "哈尔滨师范大学测试站",
          "黑龙江大学测试站",
          "齐齐哈尔大学测试站",
          "牡丹江师范学院测试站",
        ]),
        choice("candidate_type", "考生类别", ["在校学生", "教师资格申请人员", "在职教师", "社会人员"]),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0007",
    powerCode: "QR-001",
    content: {
      name: "高等学历继续教育毕业证书遗失补办证明",
      kind: "confirmation",
      audiences: ["person"],
      topic: "学历学位",
      keywords: ["成人本科毕业证丢了", "函授毕业证遗失", "学历证明书", "成教毕业证补办"],
      legalBasis:
        "1.《中华人民共和国高等教育法》第二十条。\n2.《普通高等学校学生管理规定》（教育部令第41号）第三章第七节“学业证书管理”：学历证书和学位证书遗失或者损坏的，经本人申请，学校核实后应当出具相应的证明书。证明书与原证书具有同等效力。\n3.《教育部关于推进新时代普通高等学校学历继续教育改革的实施意见》（教职成〔2022〕2号）。",
      conditions:
        "1.申请人取得我省高等学校颁发的高等学历继续教育（成人高等教育、网络教育）毕业证书，证书遗失或者损毁；\n2.原发证学校已撤销、合并或者停办，无法由学校出具学历证明书的（原发证学校仍存续的，请直接向原学校申请）；\n3.学历信息能够通过学籍档案、学信网电子注册信息或者原学校存档资料核实。",
      materials: [
        mat("application", "高等学历继续教育学历证明书申请表", { medium: "either" }),
        idCard(),
        mat("loss_statement", "毕业证书遗失（损毁）情况说明", {
          notes: "本人签字，说明遗失时间、经过。无须登报声明。",
        }),
        mat("registration_record", "教育部学历证书电子注册备案表", {
          requirement: "optional",
          source: "government",
          sourceNote: "学信网在线验证",
          notes: "2001年以后毕业的，可在学信网申请后提供在线验证码。",
        }),
        mat("archive_copy", "学籍档案中毕业生登记表复印件", {
          requirement: "optional",
          form: "copy",
          source: "issuer",
          sourceNote: "档案保管单位",
          notes: "2001年以前毕业、学信网无电子注册信息的须提供。",
        }),
        photo(),
      ],
      steps: [
        step("申请", "在黑龙江政务服务网在线提交申请或者邮寄纸质材料。"),
        step("受理", "窗口核对材料，材料齐全的予以受理，不齐全的一次性告知补正。"),
        step("核实", "调取学籍档案、电子注册信息及原学校存档资料核实学历信息。"),
        step("办结", "出具《高等学历继续教育学历证明书》，邮寄送达。"),
      ],
      statutoryLimit: wd(20),
      promisedLimit: wd(10),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_PROVINCE,
      resultName: "高等学历继续教育学历证明书",
      form: [
        ...personFields(),
        field("school_name", "原毕业学校", "org"),
        field("major", "毕业专业", "text", { maxLength: 60 }),
        field("graduation_date", "毕业时间", "date"),
        field("certificate_no", "原毕业证书编号", "text", { required: false, maxLength: 30 }),
        field("delivery_address", "邮寄地址", "address"),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0008",
    powerCode: "QR-001",
    content: {
      name: "高等教育自学考试毕业证明书办理",
      kind: "confirmation",
      audiences: ["person"],
      topic: "学历学位",
      keywords: ["自考毕业证丢了", "自考毕业证明", "自学考试证书补办"],
      legalBasis:
        "1.《高等教育自学考试暂行条例》（国发〔1988〕15号）。\n2.《普通高等学校学生管理规定》（教育部令第41号）第三章第七节“学业证书管理”。\n3.全国高等教育自学考试指导委员会关于自学考试毕业证书管理的有关规定。",
      conditions:
        "1.申请人已取得黑龙江省高等教育自学考试委员会颁发的毕业证书；\n2.毕业证书遗失或者严重损毁（毕业证书一律不予补发，出具毕业证明书，与原证书具有同等效力）；\n3.毕业信息可通过自学考试毕业生档案核实。",
      materials: [
        mat("application", "高等教育自学考试毕业证明书申请表"),
        idCard(),
        mat("admission_card", "自学考试准考证", {
          requirement: "optional",
          notes: "准考证遗失的，填写准考证号或者说明报考时间、专业即可。",
        }),
        photo(),
      ],
      steps: [
        step("申请", "登录黑龙江省高等教育自学考试网上服务平台提交申请。"),
        step("受理", "窗口核对材料，一次性告知需要补正的内容。"),
        step("核实", "调阅自学考试毕业生档案核实毕业信息。"),
        step("办结", "出具《高等教育自学考试毕业证明书》，邮寄送达。"),
      ],
      statutoryLimit: wd(20),
      promisedLimit: wd(10),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_PROVINCE,
      resultName: "高等教育自学考试毕业证明书",
      form: [
        ...personFields(),
        field("exam_no", "自学考试准考证号", "text", { required: false, maxLength: 20 }),
        field("major", "毕业专业", "text", { maxLength: 60 }),
        field("graduation_date", "毕业时间", "date"),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0009",
    powerCode: "QT-001",
    content: {
      name: "中小学正高级教师职称评审",
      kind: "other_power",
      audiences: ["person"],
      topic: "教师",
      keywords: ["正高级教师", "职称评审", "评正高", "教师职称申报"],
      legalBasis:
        "1.《人力资源社会保障部 教育部关于深化中小学教师职称制度改革的指导意见》（人社部发〔2015〕79号）。\n2.《职称评审管理暂行规定》（人力资源社会保障部令第40号）。\n3.《黑龙江省中小学教师职称评价标准条件》。",
      conditions:
        "1.拥护中国共产党领导，遵守宪法和法律，具有良好的思想政治素质和职业道德，为人师表；\n2.在中小学（含幼儿园、特殊教育学校、中等职业学校文化课）教育教学一线任教；\n3.取得高级教师职称后，从事高级教师岗位工作满5年；\n4.任现职以来年度考核均为合格（称职）以上，且至少1次为优秀；\n5.具有在全省有较大影响的教育教学业绩和教科研成果，符合评价标准条件规定的业绩要求；\n6.经所在单位公示、市（地）教育局审核推荐。",
      materials: [
        mat("review_form", "中小学教师职称评审表", { copies: 3 }),
        mat("title_certificate", "高级教师职称资格证书", { form: "copy", source: "government" }),
        mat("teacher_qualification", "教师资格证书", { form: "copy", source: "government" }),
        mat("assessment_record", "任现职以来年度考核结果", { source: "issuer", sourceNote: "所在单位" }),
        mat("achievement", "教育教学业绩和教科研成果材料", { notes: "按评价标准条件分类装订，附目录。" }),
        mat("publicity_proof", "单位公示情况及推荐意见", { source: "issuer", sourceNote: "所在单位、市（地）教育局" }),
      ],
      steps: [
        step("个人申报", "在黑龙江省专业技术人员职称评审服务平台填报信息、上传材料。"),
        step("审核推荐", "所在单位公示5个工作日后，逐级报市（地）教育局审核推荐。"),
        step("专家评审", "省中小学正高级教师评审委员会组织业绩评价和面试答辩。"),
        step("公示发文", "评审结果公示5个工作日无异议后发文确认，核发证书。"),
      ],
      statutoryLimit: cd(120),
      promisedLimit: cd(90),
      visitsRequired: 1,
      visitsReason: "须本人参加评审委员会组织的面试答辩。",
      onlineDepth: 3,
      fees: [],
      ...DESK_PROVINCE,
      resultName: "正高级教师专业技术职务任职资格证书",
      form: [
        ...personFields(),
        field("school", "所在学校", "org"),
        field("subject", "任教学科", "text", { maxLength: 30 }),
        field("senior_since", "取得高级教师职称时间", "date"),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0010",
    powerCode: "GG-001",
    content: {
      name: "普通话水平测试等级证书补办",
      kind: "public_service",
      audiences: ["person"],
      topic: "考试",
      keywords: ["普通话证丢了", "普通话证书补办", "普通话证书遗失"],
      legalBasis:
        "1.《普通话水平测试管理规定》（教育部令第51号）：普通话水平测试等级证书分为纸质证书和电子证书，二者具有同等效力。\n2.《普通话水平测试等级证书管理办法》。",
      conditions:
        "1.申请人在黑龙江省参加普通话水平测试并取得等级证书；\n2.纸质证书遗失或者损毁；\n3.2021年4月1日以后取得的电子证书可随时在国家普通话水平测试网下载，无须补办。",
      materials: [
        idCard(),
        mat("loss_statement", "证书遗失（损毁）说明", { medium: "electronic", notes: "本人签字后上传。" }),
        photo(),
      ],
      steps: [
        step("申请", "在黑龙江政务服务网提交补办申请，填写原测试时间和站点。"),
        step("核实", "测试中心核对国家普通话水平测试信息管理系统中的成绩记录。"),
        step("办结", "补发纸质等级证书并邮寄送达。"),
      ],
      statutoryLimit: wd(20),
      promisedLimit: wd(10),
      visitsRequired: 0,
      onlineDepth: 4,
      expressDelivery: true,
      fees: [],
      ...DESK_PROVINCE_LANGUAGE,
      resultName: "普通话水平测试等级证书（补发）",
      form: [
        ...personFields(),
        field("test_date", "原测试时间", "date", { required: false }),
        field("delivery_address", "邮寄地址", "address"),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0011",
    powerCode: "JL-001",
    content: {
      name: "黑龙江省优秀教师表彰",
      kind: "reward",
      audiences: ["person", "legal_person"],
      topic: "教师",
      keywords: ["省优秀教师", "优秀教师评选", "教师表彰", "师德标兵"],
      legalBasis:
        "1.《中华人民共和国教师法》第三十三条：教师在教育教学、培养人才、科学研究、教学改革、学校建设、社会服务、勤工俭学等方面成绩优异的，由所在学校予以表彰、奖励。国务院和地方各级人民政府及其有关部门对有突出贡献的教师，应当予以表彰、奖励。\n2.《教师和教育工作者奖励规定》。\n3.《评比达标表彰活动管理办法》。",
      conditions:
        "1.忠诚党的教育事业，模范遵守《新时代中小学教师职业行为十项准则》等师德规范；\n2.在本省各级各类学校从事教育教学工作满5年，现仍在教学一线；\n3.近5年年度考核均为合格以上，且至少1次为优秀；\n4.在教书育人、教学改革、教科研等方面成绩突出，在本地区有较大影响；\n5.近5年内未受过党纪政务处分，无师德失范行为。",
      materials: [
        mat("recommendation_form", "黑龙江省优秀教师推荐审批表", { copies: 2 }),
        mat("deeds", "先进事迹材料", { notes: "3000字以内，须经所在单位审核盖章。" }),
        mat("assessment_record", "近5年年度考核结果", { source: "issuer", sourceNote: "所在单位" }),
        mat("publicity_proof", "所在单位公示情况说明", { source: "issuer", sourceNote: "所在单位" }),
      ],
      steps: [
        step("单位推荐", "所在学校民主推荐并公示不少于5个工作日后，逐级报送。"),
        step("资格审核", "省教育厅对推荐人选资格条件进行审核，征求纪检监察等部门意见。"),
        step("评审公示", "组织评审确定拟表彰人选，向社会公示不少于5个工作日。"),
        step("表彰决定", "印发表彰决定，颁发荣誉证书。"),
      ],
      statutoryLimit: cd(90),
      promisedLimit: cd(60),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_PROVINCE,
      resultName: "黑龙江省优秀教师荣誉证书",
      form: [
        ...personFields(),
        field("school", "所在学校", "org"),
        field("teaching_years", "教龄（年）", "number"),
        choice("school_stage", "学段", ["学前教育", "小学", "初中", "高中", "中等职业教育", "高等教育", "特殊教育"]),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0012",
    powerCode: "JL-002",
    content: {
      name: "黑龙江省基础教育教学成果奖评审",
      kind: "reward",
      audiences: ["person", "legal_person"],
      topic: "教师",
      keywords: ["教学成果奖", "成果奖申报", "基础教育成果"],
      legalBasis:
        "1.《教学成果奖励条例》（国务院令第151号）第三条：各级各类学校、学术团体和其他社会组织、教师及其他个人，均可以依照本条例的规定申请教学成果奖。第四条：教学成果奖，按其对提高教学水平和教育质量、实现培养目标产生的效果，分为国家级和省（部）级。\n2.《黑龙江省基础教育教学成果奖励办法》。",
      conditions:
        "1.成果为反映教育教学规律，具有独创性、新颖性、实用性，对提高教学水平和教育质量、实现培养目标产生明显效果的教育教学方案；\n2.成果经过2年以上教育教学实践检验；\n3.主要完成人为在本省从事基础教育教学工作的教师或者教研人员，每项成果主要完成人不超过5人；\n4.已获得国家级教学成果奖的同一成果不得重复申报。",
      materials: [
        mat("recommendation_form", "教学成果奖推荐书", { copies: 2 }),
        mat("summary_report", "成果总结报告", { notes: "5000字以内。" }),
        mat("application_proof", "成果实践应用证明", { source: "issuer", sourceNote: "成果应用单位" }),
        mat("evidence", "成果佐证材料", {
          requirement: "optional",
          medium: "electronic",
          notes: "视频、论文、著作等，打包上传。",
        }),
      ],
      steps: [
        step("申报推荐", "成果完成人所在单位在评审系统填报，经市（地）教育局审核推荐。"),
        step("形式审查", "省教育厅对申报材料进行形式审查。"),
        step("专家评审", "组织网络评审和会议评审，提出获奖建议名单。"),
        step("公示授奖", "公示无异议后批准授奖，颁发获奖证书。"),
      ],
      statutoryLimit: cd(180),
      promisedLimit: cd(150),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_PROVINCE,
      resultName: "黑龙江省基础教育教学成果奖获奖证书",
      form: [
        field("achievement_name", "成果名称", "text", { maxLength: 100 }),
        field("lead_name", "第一完成人", "text", { maxLength: 30 }),
        field("lead_org", "第一完成单位", "org"),
        field("mobile", "联系电话", "phone"),
        field("practice_since", "成果开始实践时间", "date"),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0013",
    powerCode: "CJ-001",
    content: {
      name: "高等学校教师申诉处理",
      kind: "adjudication",
      audiences: ["person"],
      topic: "教师",
      keywords: ["教师申诉", "高校教师维权", "对学校处分不服", "教师投诉学校"],
      legalBasis:
        "1.《中华人民共和国教师法》第三十九条：教师对学校或者其他教育机构侵犯其合法权益的，或者对学校或者其他教育机构作出的处理不服的，可以向教育行政部门提出申诉，教育行政部门应当在接到申诉的三十日内，作出处理。\n2.《国家教委关于〈中华人民共和国教师法〉若干问题的实施意见》（教人〔1995〕81号）。",
      conditions:
        "1.申诉人为本省高等学校在职教师（含已离职但申诉事项发生在任职期间的教师）；\n2.学校侵犯其合法权益，或者对学校作出的处理决定不服；\n3.有明确的被申诉学校、具体的申诉请求和事实根据；\n4.一般应当在知道或者应当知道学校作出处理决定之日起30日内提出；\n5.同一事项未申请行政复议、提起行政诉讼或者申请人事争议仲裁。",
      materials: [
        mat("appeal_letter", "教师申诉书", {
          notes: "写明申诉人、被申诉学校基本情况，申诉请求、事实和理由，由本人签名。",
        }),
        idCard(),
        mat("school_decision", "学校作出的处理决定书", { form: "copy" }),
        mat("evidence", "相关证据材料", { requirement: "optional", form: "copy" }),
      ],
      steps: [
        step("提交申诉", "申诉人通过窗口、邮寄或者黑龙江政务服务网提交书面申诉。"),
        step("受理审查", "5个工作日内审查是否符合受理条件，不予受理的书面告知理由。"),
        step("调查核实", "调取学校处理依据，听取申诉人和被申诉学校的陈述、申辩，必要时组织听证。"),
        step("作出决定", "作出申诉处理决定，送达双方并告知救济途径。"),
      ],
      statutoryLimit: cd(30),
      promisedLimit: cd(30),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_PROVINCE_LAW,
      resultName: "教师申诉处理决定书",
      form: [
        ...personFields(),
        field("respondent", "被申诉学校", "org"),
        field("decision_date", "处理决定作出日期", "date"),
        field("request", "申诉请求", "text", { maxLength: 1000 }),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0014",
    powerCode: "CJ-002",
    content: {
      name: "高等学校学生申诉处理",
      kind: "adjudication",
      audiences: ["person"],
      topic: "学籍",
      keywords: ["学生申诉", "对处分不服", "退学申诉", "开除学籍申诉"],
      legalBasis:
        "1.《中华人民共和国教育法》第四十三条：受教育者享有对学校给予的处分不服向有关部门提出申诉的权利。\n2.《普通高等学校学生管理规定》（教育部令第41号）第六章“学生申诉”：学生对复查决定有异议的，在接到学校复查决定书之日起15日内，可以向学校所在地省级教育行政部门提出书面申诉。省级教育行政部门应当在接到学生书面申诉之日起30个工作日内，对申诉人的问题给予处理并作出决定。",
      conditions:
        "1.申诉人为本省普通高等学校学生（含被取消入学资格的新生）；\n2.对学校作出的取消入学资格、退学处理或者违规、违纪处分不服，已向学校学生申诉处理委员会提出申诉并收到复查决定；\n3.在接到学校复查决定书之日起15日内提出；\n4.同一事项未提起行政诉讼。",
      materials: [
        mat("appeal_letter", "学生申诉书", { notes: "写明申诉请求、事实和理由，由本人签名。" }),
        mat("student_id", "学生证或者居民身份证", { form: "copy" }),
        mat("school_decision", "学校处理或者处分决定书", { form: "copy" }),
        mat("review_decision", "学校学生申诉处理委员会复查决定书", { form: "copy" }),
        mat("evidence", "其他证据材料", { requirement: "optional", form: "copy" }),
      ],
      steps: [
        step("提交申诉", "通过窗口、邮寄或者黑龙江政务服务网提交书面申诉。"),
        step("受理审查", "审查申诉期限、复查程序等受理条件。"),
        step("调查核实", "调取学校处理决定的事实、依据和程序材料，听取当事人陈述。"),
        step("作出决定", "作出维持、责令学校重新研究决定等处理决定，送达申诉人和学校。"),
      ],
      statutoryLimit: wd(30),
      promisedLimit: wd(25),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_PROVINCE_LAW,
      resultName: "学生申诉处理决定书",
      form: [
        ...personFields(),
        field("university", "所在学校", "org"),
        choice("decision_type", "被申诉的处理类型", [
          "取消入学资格",
          "退学处理",
          "警告或严重警告",
          "记过或留校察看",
          "开除学籍",
        ]),
        field("review_date", "收到复查决定日期", "date"),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0015",
    powerCode: "GF-001",
    content: {
      name: "服兵役高等学校学生学费补偿、贷款代偿和学费减免审核",
      kind: "payment",
      audiences: ["person"],
      topic: "资助",
      keywords: ["参军学费补偿", "入伍学费返还", "助学贷款代偿", "退役复学学费减免"],
      legalBasis:
        "1.《中华人民共和国兵役法》。\n2.《学生资助资金管理办法》（财教〔2021〕310号）“服兵役高等学校学生国家教育资助”有关规定。\n3.《黑龙江省服兵役高等学校学生国家教育资助实施办法》。",
      conditions:
        "1.应征入伍服义务兵役、招收为士官的高等学校在校生（含新生）、应届和往届毕业生，以及退役后考入或者复学的高等学校学生；\n2.在校期间缴纳过学费或者获得过国家助学贷款（含生源地信用助学贷款）；\n3.通过全国征兵网提交申请并经就读高校审核；\n4.资助标准按照国家规定执行，实际缴纳学费或者贷款本金低于标准的，按实际金额补偿、代偿。",
      situations: [
        { key: "enlist", name: "入伍时申请学费补偿或贷款代偿", description: "应征入伍时在全国征兵网申请。" },
        { key: "return", name: "退役后复学或入学申请学费减免", description: "退役后复学或考入高校时申请。" },
      ],
      materials: [
        mat("application_one", "应征入伍服兵役高等学校学生国家教育资助申请表Ⅰ", {
          medium: "electronic",
          situationKeys: ["enlist"],
          notes: "在全国征兵网在线填写并打印，经高校学生资助部门审核盖章。",
        }),
        mat("enlistment_notice", "入伍通知书", { form: "copy", source: "government", situationKeys: ["enlist"] }),
        mat("application_two", "退役士兵高等学校学生国家教育资助申请表Ⅱ", {
          medium: "electronic",
          situationKeys: ["return"],
        }),
        mat("discharge_certificate", "退出现役证", { form: "copy", source: "government", situationKeys: ["return"] }),
        mat("tuition_receipt", "学费缴费凭证", { form: "copy", source: "issuer", sourceNote: "就读高校财务处" }),
        mat("loan_contract", "国家助学贷款借款合同", {
          requirement: "optional",
          form: "copy",
          notes: "申请贷款代偿的须提供。",
        }),
      ],
      steps: [
        step("网上申请", "学生登录全国征兵网填报资助申请。"),
        step("学校审核", "就读高校审核学费、贷款信息并报送。"),
        step("省级审核", "省学生资助管理中心会同省军区动员局审核，报全国学生资助管理中心。"),
        step("资金发放", "资金拨付至高校，由高校发放至学生本人或者代偿至贷款银行。"),
      ],
      statutoryLimit: wd(30),
      promisedLimit: wd(20),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_PROVINCE_AID,
      resultName: "国家教育资助审核确认单",
      form: [
        ...personFields(),
        field("university", "就读（原就读）高校", "org"),
        field("enlist_date", "入伍时间", "date"),
        choice("aid_type", "申请类型", ["学费补偿", "国家助学贷款代偿", "退役复学学费减免"]),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0016",
    powerCode: "QR-002",
    content: {
      name: "普通高等学校学生转学确认",
      kind: "confirmation",
      audiences: ["legal_person"],
      topic: "学籍",
      keywords: ["大学转学", "高校转学备案", "跨省转学", "转学确认"],
      legalBasis:
        "《普通高等学校学生管理规定》（教育部令第41号）第三章第三节“转专业与转学”：学生一般应当在被录取学校完成学业。因患病或者有特殊困难、特别需要，无法继续在本校学习或者不适应本校学习要求的，可以申请转学。……学生转学，转出学校和转入学校同意后，由转入学校负责审核转学条件及相关证明，认为符合本校培养要求且学校有培养能力的，经学校校长办公会或者专题会议研究决定，可以转入。跨省转学的，由转出地省级教育行政部门商转入地省级教育行政部门，按转学条件确认后办理转学手续。",
      conditions:
        "1.学生因患病或者有特殊困难、特别需要，无法继续在原校学习；\n2.转出学校、转入学校均已同意，转入学校已经校长办公会或者专题会议研究决定并公示；\n3.不存在下列情形：入学未满一学期或者毕业前一年的；高考成绩低于拟转入学校相关专业同一生源地相应年份录取成绩的；由低学历层次转为高学历层次的；以定向就业招生录取的；研究生拟转入学校、专业的录取控制标准高于其所在学校、专业的；无正当转学理由的。",
      situations: [
        { key: "in_province", name: "省内转学", description: "转出学校、转入学校均在黑龙江省。" },
        { key: "cross_province", name: "跨省转学", description: "由外省高校转入我省高校，或者由我省高校转往外省。" },
      ],
      materials: [
        mat("transfer_form", "普通高等学校学生转学申请审批表", { notes: "须有转出、转入学校意见并加盖公章。" }),
        mat("reason_proof", "转学理由证明材料", {
          notes: "因病转学的提交二级甲等以上医院诊断证明；因特殊困难转学的提交相关证明。",
        }),
        mat("score_proof", "学生高考成绩及转入专业同一生源地录取分数证明", {
          source: "issuer",
          sourceNote: "转入学校招生部门",
        }),
        mat("meeting_minutes", "转入学校校长办公会或者专题会议纪要", { form: "copy" }),
        mat("publicity_proof", "转入学校公示情况说明", { medium: "electronic" }),
        mat("other_province_opinion", "外省省级教育行政部门意见函", {
          source: "government",
          sourceNote: "转出地（转入地）省级教育行政部门",
          situationKeys: ["cross_province"],
        }),
      ],
      steps: [
        step("学校报送", "转入学校在学籍学历管理平台提交转学信息并上传材料。"),
        step("受理", "省教育厅对材料进行初核，材料不全的一次性告知补正。"),
        step("审核确认", "审核转学条件和程序；跨省转学的与对方省级教育行政部门协商确认。"),
        step("办结", "在学信网学籍学历管理平台办理确认，书面告知学校。"),
      ],
      statutoryLimit: wd(20),
      promisedLimit: wd(10),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_PROVINCE,
      resultName: "普通高等学校学生转学确认意见",
      form: [
        ...orgFields(),
        field("student_name", "转学学生姓名", "text", { maxLength: 30 }),
        field("from_university", "转出学校", "org"),
        choice("transfer_scope", "转学类型", ["省内转学", "跨省转入", "跨省转出"]),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0017",
    powerCode: "GG-002",
    content: {
      name: "高等学校教师资格证书补发、换发",
      kind: "public_service",
      audiences: ["person"],
      topic: "教师",
      keywords: ["高校教师资格证丢了", "教师资格证遗失", "补办教师资格证", "换发"],
      legalBasis:
        "1.《〈教师资格条例〉实施办法》（教育部令第10号）：教师资格证书遗失或者损毁影响使用的，由本人向原发证机关报告，申请补发。原发证机关应当在补发的同时收回损毁的教师资格证书。\n2.《教师资格条例》（国务院令第188号）。",
      conditions:
        "1.申请人的高等学校教师资格由黑龙江省教育厅认定；\n2.教师资格证书遗失、损毁影响使用，或者因姓名、公民身份号码依法变更需要换发。",
      situations: [
        { key: "lost", name: "遗失补发", description: "证书遗失。" },
        { key: "damaged", name: "损毁换发", description: "证书损毁影响使用。" },
        { key: "info_change", name: "信息变更换发", description: "姓名、公民身份号码依法变更。" },
      ],
      materials: [
        mat("application", "教师资格证书补发换发申请表", { medium: "electronic" }),
        idCard(),
        mat("loss_statement", "证书遗失情况说明", { situationKeys: ["lost"], notes: "本人签字，无须登报声明。" }),
        mat("damaged_certificate", "损毁的原教师资格证书", { situationKeys: ["damaged"], notes: "换发时收回。" }),
        mat("change_proof", "公安机关出具的身份信息变更证明", {
          source: "government",
          sourceNote: "户籍所在地公安机关",
          situationKeys: ["info_change"],
        }),
        photo(),
      ],
      steps: [
        step("申请", "在中国教师资格网“证书补发换发”栏目提交申请。"),
        step("受理审核", "核对全国教师资格管理信息系统中的原认定信息。"),
        step("办结", "补发或者换发证书，邮寄送达。"),
      ],
      statutoryLimit: wd(20),
      promisedLimit: wd(10),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_PROVINCE,
      resultName: "教师资格证书（补发、换发）",
      form: [
        ...personFields(),
        field("certificate_no", "原教师资格证书编号", "text", { required: false, maxLength: 30 }),
        choice("reason", "申请原因", ["遗失补发", "损毁换发", "信息变更换发"]),
        field("delivery_address", "邮寄地址", "address"),
      ],
    },
  },
  {
    org: PROVINCE,
    basicCode: "0018",
    powerCode: "QR-002",
    content: {
      name: "高等学校毕业生学历电子注册信息更正",
      kind: "confirmation",
      audiences: ["person", "legal_person"],
      topic: "学历学位",
      keywords: ["学信网信息错误", "学历信息更正", "改名后学历", "学历注册修改"],
      legalBasis:
        "1.《高等学校学生学籍学历电子注册办法》（教学〔2014〕11号）。\n2.《普通高等学校学生管理规定》（教育部令第41号）第三章第七节“学业证书管理”。",
      conditions:
        "1.毕业生学历证书电子注册信息中的姓名、性别、出生日期、公民身份号码等与本人身份证件不一致；\n2.不一致系学校录入错误，或者本人身份信息依法变更；\n3.由毕业学校提出更正申请，学校已撤销或者合并的由本人直接申请。",
      materials: [
        mat("correction_form", "学历电子注册信息更正申请表", { notes: "须加盖毕业学校公章。" }),
        idCard(),
        mat("archive_copy", "学籍档案中相关记录复印件", {
          form: "copy",
          source: "issuer",
          sourceNote: "毕业学校或者档案保管单位",
        }),
        mat("change_proof", "公安机关出具的身份信息变更证明", { requirement: "optional", source: "government" }),
      ],
      steps: [
        step("申请", "毕业学校在学籍学历管理平台提交更正申请并上传材料。"),
        step("审核", "省教育厅核对学籍档案与身份信息。"),
        step("办结", "审核通过后在平台完成更正，毕业生可在学信网查询更正结果。"),
      ],
      statutoryLimit: wd(20),
      promisedLimit: wd(10),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_PROVINCE,
      resultName: "学历电子注册信息更正确认单",
      form: [
        ...personFields(),
        field("university", "毕业学校", "org"),
        field("certificate_no", "毕业证书编号", "text", { maxLength: 30 }),
        field("correction", "需更正的内容", "text", { maxLength: 500 }),
      ],
    },
  },
];

// Teacher certification (教师资格认定) shared by the city and county bureaus.

const TEACHER_CERT_SITUATIONS: NonNullable<Content["situations"]> = [
  { key: "first", name: "首次申请", description: "首次申请认定本类别教师资格。" },
  {
    key: "reapply",
    name: "曾被撤销后重新申请",
    description: "原教师资格被撤销满5年后重新申请；因剥夺政治权利或者故意犯罪丧失教师资格的不得重新申请。",
  },
];

function teacherCertLegalBasis(article13: string): string {
  return `1.《中华人民共和国教师法》第十条、第十一条、第十三条。\n2.《教师资格条例》（国务院令第188号）第十三条：${article13}\n3.《〈教师资格条例〉实施办法》（教育部令第10号）。\n4.《中小学教师资格考试暂行办法》（教师〔2013〕9号）。\n5.《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》（国发〔2021〕7号）。`;
}

function teacherCertConditions(education: string): string {
  return `1.具有中华人民共和国国籍，遵守宪法和法律，热爱教育事业，具有良好的思想品德；\n2.${education}\n3.中小学教师资格考试笔试、面试均合格且在有效期内（公费师范生、教育类研究生等按规定免试认定的，持《师范生教师职业能力证书》）；\n4.普通话水平达到二级乙等及以上标准，申请语文学科、对外汉语教师资格的达到二级甲等及以上；\n5.身体条件符合《黑龙江省教师资格申请人员体检标准及办法》；\n6.户籍、居住证或者任教（就读）学校在本认定机构辖区内，且未达到国家法定退休年龄；\n7.被撤销教师资格的，自撤销之日起须满5年。`;
}

function teacherCertMaterials(withCommitment: boolean): Material[] {
  return [
    idCard(),
    mat("degree_certificate", "学历证书", {
      requirement: withCommitment ? "optional" : "required",
      source: "issuer",
      sourceNote: "学历颁发学校",
      notes: "学历信息能够通过学信网在线核验的免于提交；核验不通过的须上传《教育部学历证书电子注册备案表》。",
    }),
    mat("exam_certificate", "中小学教师资格考试合格证明", {
      source: "government",
      sourceNote: "教育部教育考试院",
      notes: "系统自动核验，无须上传；免试认定的上传《师范生教师职业能力证书》。",
    }),
    mat("putonghua_certificate", "普通话水平测试等级证书", {
      requirement: "optional",
      source: "government",
      sourceNote: "省级语言文字工作机构",
      notes: "系统自动核验，核验不到的上传证书。",
    }),
    mat("medical_report", "黑龙江省教师资格申请人员体检表", {
      source: "issuer",
      sourceNote: "认定机构指定的二级甲等以上医院",
      notes: "体检结论须为“合格”，自体检之日起6个月内有效。",
    }),
    photo(),
    ...(withCommitment
      ? [
          mat("commitment_letter", "教师资格认定告知承诺书", {
            medium: "electronic",
            notes: "在线阅读告知内容后签署。",
          }),
        ]
      : []),
    mat("revocation_decision", "原撤销教师资格决定书", {
      form: "copy",
      situationKeys: ["reapply"],
      notes: "用于核对撤销日期，自撤销之日起须满5年。",
    }),
  ];
}

function teacherCertForm(levels: string[]): Field[] {
  return [
    ...personFields(),
    choice("certificate_level", "申请资格种类", levels),
    field("subject", "任教学科", "text", { maxLength: 30 }),
    choice("basis", "申请认定依据", ["户籍所在地", "居住证所在地", "任教学校所在地", "就读学校所在地（应届毕业生）"]),
    field("delivery_address", "证书邮寄地址", "address", { required: false }),
  ];
}

function teacherCommitment(levels: string, authority: string): string {
  return [
    "教师资格认定告知承诺书",
    `一、认定机关告知事项\n（一）事项名称：${levels}教师资格认定。\n（二）认定依据：《中华人民共和国教师法》《教师资格条例》《〈教师资格条例〉实施办法》。\n（三）认定条件：申请人应当具有中华人民共和国国籍，遵守宪法和法律，热爱教育事业，具有良好的思想品德，具备规定的学历，普通话水平和身体条件符合要求，中小学教师资格考试合格。\n（四）承诺事项：申请人的思想品德情况、学历信息、普通话水平等级信息，能够通过部门间数据共享核验的，认定机关不再要求申请人提交证明材料，改由申请人书面承诺。\n（五）承诺的效力：申请人作出承诺并提交其他必要材料后，${authority}依据承诺作出认定决定。`,
    "二、核查方式和不实承诺的法律后果\n认定机关将通过全国教师资格管理信息系统、中国高等教育学生信息网、国家普通话水平测试信息管理系统以及公安机关违法犯罪记录查询等方式，在作出认定决定后对承诺内容进行核查。经核查发现承诺不实的，认定机关将依法撤销其教师资格，自撤销之日起5年内不得重新申请认定；以欺骗、贿赂等不正当手段取得教师资格的，将其失信信息纳入黑龙江省公共信用信息平台，依法依规实施联合惩戒。",
    "三、申请人承诺\n本人已经知晓认定机关告知的全部内容，现郑重承诺：\n1.本人遵守宪法和法律，热爱教育事业，具有良好的思想品德，无违法犯罪记录，未受过剥夺政治权利或者因故意犯罪受到有期徒刑以上刑事处罚；\n2.本人提交和授权核验的学历、普通话水平测试等级、中小学教师资格考试合格等信息真实、有效；\n3.本人不存在教师资格被撤销未满5年或者丧失教师资格的情形；\n4.本人愿意承担不实承诺、违反承诺的一切法律责任。",
    "申请人（签字）：＿＿＿＿＿＿　　公民身份号码：＿＿＿＿＿＿＿＿＿＿＿＿\n签署日期：　　年　　月　　日\n（本承诺书一式两份，认定机关和申请人各执一份；网上申请的以电子签署为准。）",
  ].join("\n\n");
}

const DESK_HARBIN = desk(
  "哈尔滨市政务服务中心（哈尔滨市松北区世纪大道1号）三楼市教育局窗口",
  "0451-84678123",
  "12345",
  "张志强（市教育局驻政务服务中心首席代表）",
  HOURS_LONG,
);
const DESK_QIQIHAR = desk(
  "齐齐哈尔市政务服务中心（齐齐哈尔市龙沙区卜奎北大街296号）二楼市教育局窗口",
  "0452-2456789",
  "12345",
  "李红梅（市教育局政务服务科）",
);
const DESK_MUDANJIANG = desk(
  "牡丹江市政务服务中心（牡丹江市东安区太平路128号）三楼市教育局窗口",
  "0453-6287654",
  "12345",
  "陈伟（市教育局行政审批科）",
);
const DESK_MUDANJIANG_AID = desk(
  "学生所在中等职业学校学生资助办公室；牡丹江市学生资助管理中心（牡丹江市东安区东一条路63号）",
  "0453-6287690",
  "0453-6287601",
  "王秀丽（市学生资助管理中心）",
);
const DESK_DAQING = desk(
  "大庆市政务服务中心（大庆市萨尔图区东风路6号）二楼市教育局窗口",
  "0459-6356789",
  "12345",
  "周海涛（市教育局行政审批科）",
);
const DESK_DAQING_AID = desk(
  "学生所在普通高中学生资助办公室；大庆市学生资助管理中心（大庆市萨尔图区纬二路8号）",
  "0459-6356720",
  "0459-6356701",
  "孟凡丽（市学生资助管理中心）",
);

const HIGH_SCHOOL_ARTICLE_13 =
  "普通高级中学教师资格，由申请人户籍所在地或者申请人任教学校所在地的县级人民政府教育行政部门审查后，报上一级教育行政部门认定。中等职业学校教师资格和中等职业学校实习指导教师资格，由申请人户籍所在地或者申请人任教学校所在地的县级人民政府教育行政部门审查后，报上一级教育行政部门认定或者组织有关部门认定。";
const HIGH_SCHOOL_EDUCATION =
  "申请高级中学、中等职业学校教师资格须具备大学本科及以上学历；申请中等职业学校实习指导教师资格须具备大学专科及以上学历，并具有相当于助理工程师及以上专业技术职务或者中级工及以上工人技术等级；";

const CITY_ITEMS: DemoItem[] = [
  {
    org: HARBIN,
    basicCode: "0001",
    powerCode: "XK-001",
    content: {
      name: "高级中学、中等职业学校教师资格认定",
      kind: "licensing",
      audiences: ["person"],
      topic: "教师",
      keywords: ["高中教师资格证", "中职教师资格证", "教资认定", "认定教师资格"],
      legalBasis: teacherCertLegalBasis(HIGH_SCHOOL_ARTICLE_13),
      conditions: teacherCertConditions(HIGH_SCHOOL_EDUCATION),
      situations: TEACHER_CERT_SITUATIONS,
      materials: teacherCertMaterials(false),
      steps: licensingSteps({
        accept: "申请人在中国教师资格网提交申请，按照认定公告时间接受资料审核，窗口5个工作日内作出受理决定。",
        review: "区、县（市）教育局初审后报市教育局，由市教师资格专家审查委员会复审。",
        decide: "作出认定或者不予认定的决定，在中国教师资格网公布认定结果。",
        issue: "制作《教师资格证书》，加盖哈尔滨市教育局教师资格认定专用章。",
        deliver: "免费邮寄送达，或者到初审所在区、县（市）教育局领取。",
      }),
      statutoryLimit: wd(30),
      promisedLimit: wd(20),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_HARBIN,
      resultName: "教师资格证书",
      reformMode: "streamlined",
      form: teacherCertForm(["高级中学教师资格", "中等职业学校教师资格", "中等职业学校实习指导教师资格"]),
    },
  },
  {
    org: HARBIN,
    basicCode: "0002",
    powerCode: "XK-002",
    content: {
      name: "民办学校设立审批（普通高中、中等职业学校）",
      kind: "licensing",
      audiences: ["legal_person", "person"],
      topic: "民办教育",
      keywords: ["办民办高中", "民办学校审批", "民办中职", "私立学校设立", "办学许可证"],
      legalBasis:
        "1.《中华人民共和国民办教育促进法》：举办民办学校的社会组织，应当具有法人资格。举办民办学校的个人，应当具有政治权利和完全民事行为能力。民办学校应当具备法人条件。举办实施学历教育、学前教育、自学考试助学及其他文化教育的民办学校，由县级以上人民政府教育行政部门按照国家规定的权限审批。\n2.《中华人民共和国民办教育促进法》第二章“设立”关于筹设和正式设立审批期限的规定。\n3.《中华人民共和国民办教育促进法实施条例》（国务院令第741号）。\n4.《民办学校分类登记实施细则》（教发〔2016〕19号）。",
      conditions:
        "1.举办者为具有法人资格的社会组织，或者具有政治权利和完全民事行为能力的个人；\n2.举办者信用状况良好，未被列入严重失信主体名单；\n3.设置标准参照同级同类公办学校，有符合规定的校舍、场地、设施设备和与办学规模相适应的师资；\n4.有明确的非营利性或者营利性办学属性选择；\n5.办学资金足额到位，举办者以货币出资的应当存入学校在银行开立的账户；\n6.申请筹设的，审批机关自受理之日起30日内作出决定；申请正式设立的，自受理之日起3个月内作出决定。",
      situations: [
        { key: "preparation", name: "申请筹设", description: "尚不具备办学条件、需要筹设的。" },
        { key: "formal", name: "申请正式设立", description: "已完成筹设或者具备办学条件，直接申请正式设立的。" },
      ],
      materials: [
        mat("application_report", "申办报告", {
          notes:
            "内容包括举办者、培养目标、办学规模、办学层次、办学形式、办学条件、内部管理体制、经费筹措与管理使用等。",
        }),
        mat("sponsor_proof", "举办者资格证明", {
          form: "original_and_copy",
          notes: "法人举办者提交法人登记证书和近三年审计报告；个人举办者提交身份证明及无犯罪记录证明。",
        }),
        mat("capital_proof", "资产来源、资金数额及有效证明文件", { source: "issuer", notes: "须载明产权。" }),
        mat("donation_agreement", "捐赠协议", {
          requirement: "optional",
          notes: "属捐赠性质的校产须提交，载明捐赠人姓名、所捐资产的数额、用途和管理方法。",
        }),
        mat("preparation_approval", "筹设批准书", { form: "copy", source: "government", situationKeys: ["formal"] }),
        mat("preparation_report", "筹设情况报告", { situationKeys: ["formal"] }),
        mat("articles", "学校章程、首届理事会（董事会）组成人员名单", { situationKeys: ["formal"] }),
        mat("staff_proof", "校长、教师、财会人员的资格证明文件", { form: "copy", situationKeys: ["formal"] }),
        mat("premises_proof", "校舍不动产权证书或者租赁合同", {
          form: "copy",
          notes: "租赁的，租期不少于学生完成一个完整学段所需年限。",
        }),
      ],
      steps: licensingSteps({
        accept: "申请人通过黑龙江政务服务网或者市政务服务中心窗口提交材料，窗口5个工作日内作出受理决定。",
        review: "审查举办者资格、资产来源、章程及师资，征求属地区、县（市）教育局意见。",
        inspect: "组织专家对校舍、场地、设施设备和消防安全条件进行实地核查。",
        decide: "经局务会议研究，作出批准或者不予批准的决定。",
        issue: "批准筹设的出具筹设批准书；批准正式设立的颁发《民办学校办学许可证》。",
        deliver: "窗口领取或者邮寄送达，批准结果在市教育局门户网站公开。",
      }),
      statutoryLimit: cd(90),
      promisedLimit: cd(60),
      visitsRequired: 1,
      visitsReason: "实地核查时须举办者或者拟任校长到场，并核验资产证明原件。",
      onlineDepth: 3,
      expressDelivery: true,
      fees: [],
      ...DESK_HARBIN,
      resultName: "民办学校办学许可证",
      reformMode: "streamlined",
      form: [
        ...orgFields(),
        field("school_name", "拟设立学校名称", "text", { maxLength: 100 }),
        choice("school_type", "办学层次", ["普通高中", "中等职业学校"]),
        choice("school_category", "办学属性", ["非营利性", "营利性"]),
        field("school_address", "拟办学地址", "address"),
      ],
    },
  },
  {
    org: HARBIN,
    basicCode: "0003",
    powerCode: "XK-002",
    content: {
      name: "民办学校分立、合并审批",
      kind: "licensing",
      audiences: ["legal_person"],
      topic: "民办教育",
      keywords: ["民办学校合并", "民办学校分立", "学校重组"],
      legalBasis:
        "1.《中华人民共和国民办教育促进法》第八章“变更与终止”：民办学校的分立、合并，在进行财务清算后，由学校理事会或者董事会报审批机关批准。申请分立、合并民办学校的，审批机关应当自受理之日起三个月以内以书面形式答复。\n2.《中华人民共和国民办教育促进法实施条例》（国务院令第741号）。",
      conditions:
        "1.分立、合并已经学校理事会（董事会）依照章程决议通过；\n2.已进行财务清算，并依法处理债权债务；\n3.有妥善的在校学生安置方案和教职工权益保障方案；\n4.分立、合并后的学校符合相应设置标准；\n5.非营利性民办学校分立、合并不得改变学校资产的公益属性。",
      materials: [
        mat("application", "分立（合并）申请报告"),
        mat("board_resolution", "理事会（董事会）决议"),
        mat("audit_report", "财务清算审计报告", { source: "issuer", sourceNote: "会计师事务所" }),
        mat("agreement", "分立（合并）协议", { copies: 2 }),
        mat("student_plan", "在校学生安置方案及教职工权益保障方案"),
        mat("new_articles", "分立（合并）后的学校章程草案"),
        mat("original_licence", "原《民办学校办学许可证》正、副本", { notes: "批准后收回换发。" }),
      ],
      steps: licensingSteps({
        accept: "学校通过黑龙江政务服务网或者窗口提交材料，窗口5个工作日内作出受理决定。",
        review: "审查清算报告、协议和安置方案，征求属地教育部门及市场监管、民政部门意见。",
        inspect: "对分立（合并）后学校的办学条件进行实地核查。",
        decide: "作出批准或者不予批准的书面决定。",
        issue: "批准的，收回原办学许可证，换发或者颁发新的《民办学校办学许可证》。",
        deliver: "窗口领取或者邮寄送达，批准结果依法公开。",
      }),
      statutoryLimit: cd(90),
      promisedLimit: cd(60),
      visitsRequired: 1,
      visitsReason: "须接受实地核查，并交回原办学许可证正、副本。",
      onlineDepth: 3,
      fees: [],
      ...DESK_HARBIN,
      resultName: "民办学校分立（合并）批准决定书",
      reformMode: "none",
      form: [
        ...orgFields(),
        choice("change_type", "申请类型", ["分立", "吸收合并", "新设合并"]),
        field("related_school", "相关学校名称", "text", { maxLength: 200 }),
      ],
    },
  },
  {
    org: HARBIN,
    basicCode: "0004",
    powerCode: "XK-003",
    content: {
      name: "一般类营利性民办文化教育培训机构许可",
      kind: "licensing",
      audiences: ["legal_person", "person"],
      topic: "民办教育",
      keywords: ["成人培训机构", "文化培训许可", "营利性培训", "培训学校审批"],
      legalBasis:
        "1.《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》（国发〔2021〕7号）。\n2.《黑龙江省深化“证照分离”改革进一步激发市场主体发展活力实施方案》：在自由贸易试验区和全省范围内直接取消“一般类营利性民办文化教育培训机构许可”。",
      conditions:
        "本事项已直接取消审批。自取消之日起，面向成年人开展的语言能力、自学考试助学等一般类营利性文化教育培训，申请人直接向市场监督管理部门申请登记，取得营业执照后即可开展经营活动，无须向教育行政部门申请许可。\n面向中小学生和学龄前儿童的学科类校外培训不属于本事项范围，仍按国家“双减”政策执行。\n取消审批后，市场监管部门将登记信息推送至市教育局，教育部门通过“双随机、一公开”抽查、信用监管、投诉举报处理等方式实施事中事后监管。",
      materials: [
        mat("business_registration", "市场主体登记信息", {
          medium: "electronic",
          source: "government",
          sourceNote: "市场监督管理部门通过数据共享推送，申请人无须提交",
        }),
      ],
      steps: licensingSteps({
        accept: "不再受理许可申请；系统自动接收市场监管部门推送的登记信息。",
        review: "对推送信息进行形式核对，不作实质审查。",
        decide: "不再作出许可决定，核对无误的纳入事中事后监管名录。",
        issue: "不再制发许可证件，系统生成登记信息接收回执。",
        deliver: "回执通过黑龙江政务服务网推送至市场主体。",
      }),
      statutoryLimit: wd(20),
      promisedLimit: wd(1),
      visitsRequired: 0,
      onlineDepth: 4,
      fees: [],
      ...DESK_HARBIN,
      resultName: "登记信息接收回执",
      reformMode: "abolished",
      form: [...orgFields(), field("business_scope", "经营范围", "text", { maxLength: 500 })],
    },
  },
  {
    org: HARBIN,
    basicCode: "0005",
    powerCode: "QT-001",
    content: {
      name: "中小学一级教师职称评审",
      kind: "other_power",
      audiences: ["person"],
      topic: "教师",
      keywords: ["一级教师", "中级职称", "评职称", "教师职称申报"],
      legalBasis:
        "1.《人力资源社会保障部 教育部关于深化中小学教师职称制度改革的指导意见》（人社部发〔2015〕79号）。\n2.《职称评审管理暂行规定》（人力资源社会保障部令第40号）。\n3.《黑龙江省中小学教师职称评价标准条件》。",
      conditions:
        "1.具有良好的思想政治素质和职业道德，近5年年度考核均为合格以上；\n2.在哈尔滨市中小学（含幼儿园、特殊教育学校）教育教学一线任教；\n3.具备博士学位；或者具备硕士学位，取得二级教师职称后任职满2年；或者具备大学本科学历，取得二级教师职称后任职满4年；或者具备大学专科学历，取得二级教师职称后任职满5年；\n4.承担班主任或者其他学生管理工作，教育教学业绩符合评价标准条件；\n5.按规定完成继续教育学时。",
      materials: [
        mat("review_form", "中小学教师职称评审表", { copies: 3 }),
        mat("title_certificate", "二级教师职称资格证书", { form: "copy", source: "government" }),
        mat("degree_certificate", "学历（学位）证书", { form: "copy", source: "issuer" }),
        mat("assessment_record", "近5年年度考核结果", { source: "issuer", sourceNote: "所在单位" }),
        mat("achievement", "教育教学业绩材料", { notes: "含班主任工作、公开课、教学获奖等证明。" }),
        mat("continuing_education", "继续教育学时证明", { source: "government", sourceNote: "继续教育管理平台" }),
      ],
      steps: [
        step("个人申报", "在黑龙江省专业技术人员职称评审服务平台填报信息、上传材料。"),
        step("单位推荐", "所在学校公示5个工作日后，报区、县（市）教育局审核推荐。"),
        step("专家评审", "市中小学教师中级职称评审委员会组织说课答辩和业绩评价。"),
        step("公示发文", "评审结果公示无异议后发文，核发职称证书。"),
      ],
      statutoryLimit: cd(120),
      promisedLimit: cd(90),
      visitsRequired: 1,
      visitsReason: "须本人参加评审委员会组织的说课答辩。",
      onlineDepth: 3,
      fees: [],
      ...DESK_HARBIN,
      resultName: "一级教师专业技术职务任职资格证书",
      form: [
        ...personFields(),
        field("school", "所在学校", "org"),
        field("subject", "任教学科", "text", { maxLength: 30 }),
        field("current_title_date", "取得二级教师职称时间", "date"),
      ],
    },
  },
  {
    org: HARBIN,
    basicCode: "0006",
    powerCode: "GG-001",
    content: {
      name: "教师资格证书补发、换发（高级中学、中等职业学校）",
      kind: "public_service",
      audiences: ["person"],
      topic: "教师",
      keywords: ["教师资格证丢了", "教师资格证遗失", "补办教师资格证", "换发"],
      legalBasis:
        "《〈教师资格条例〉实施办法》（教育部令第10号）：教师资格证书遗失或者损毁影响使用的，由本人向原发证机关报告，申请补发。原发证机关应当在补发的同时收回损毁的教师资格证书。",
      conditions:
        "1.申请人的高级中学、中等职业学校（含实习指导）教师资格由哈尔滨市教育局认定；\n2.教师资格证书遗失、损毁影响使用，或者因姓名、公民身份号码依法变更需要换发。",
      situations: [
        { key: "lost", name: "遗失补发", description: "证书遗失。" },
        { key: "damaged", name: "损毁换发", description: "证书损毁影响使用。" },
        { key: "info_change", name: "信息变更换发", description: "姓名、公民身份号码依法变更。" },
      ],
      materials: [
        mat("application", "教师资格证书补发换发申请表", { medium: "electronic" }),
        idCard(),
        mat("loss_statement", "证书遗失情况说明", { situationKeys: ["lost"], notes: "本人签字，无须登报声明。" }),
        mat("damaged_certificate", "损毁的原教师资格证书", { situationKeys: ["damaged"] }),
        mat("change_proof", "公安机关出具的身份信息变更证明", {
          source: "government",
          sourceNote: "户籍所在地公安机关",
          situationKeys: ["info_change"],
        }),
        photo(),
      ],
      steps: [
        step("申请", "在中国教师资格网“证书补发换发”栏目提交申请。"),
        step("受理审核", "核对全国教师资格管理信息系统中的原认定信息。"),
        step("办结", "补发或者换发证书，邮寄送达；损毁换发的同时收回原证书。"),
      ],
      statutoryLimit: wd(20),
      promisedLimit: wd(10),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_HARBIN,
      resultName: "教师资格证书（补发、换发）",
      form: [
        ...personFields(),
        field("certificate_no", "原教师资格证书编号", "text", { required: false, maxLength: 30 }),
        choice("reason", "申请原因", ["遗失补发", "损毁换发", "信息变更换发"]),
        field("delivery_address", "邮寄地址", "address"),
      ],
    },
  },
  {
    org: QIQIHAR,
    basicCode: "0001",
    powerCode: "XK-001",
    content: {
      name: "高级中学、中等职业学校教师资格认定",
      kind: "licensing",
      audiences: ["person"],
      topic: "教师",
      keywords: ["高中教师资格证", "中职教师资格证", "教资认定", "告知承诺"],
      legalBasis: teacherCertLegalBasis(HIGH_SCHOOL_ARTICLE_13),
      conditions: teacherCertConditions(HIGH_SCHOOL_EDUCATION),
      situations: TEACHER_CERT_SITUATIONS,
      materials: teacherCertMaterials(true),
      steps: licensingSteps({
        accept: "申请人在中国教师资格网提交申请并在线签署告知承诺书，窗口5个工作日内作出受理决定。",
        review: "县（市、区）教育局初审后报市教育局，对体检结论等非承诺材料进行审查。",
        decide: "依据申请人承诺和审查意见作出认定决定，并在作出决定后对承诺内容开展核查。",
        issue: "制作《教师资格证书》，加盖齐齐哈尔市教育局教师资格认定专用章。",
        deliver: "免费邮寄送达，或者到初审所在县（市、区）教育局领取。",
      }),
      statutoryLimit: wd(30),
      promisedLimit: wd(15),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_QIQIHAR,
      resultName: "教师资格证书",
      reformMode: "commitment",
      commitmentText: teacherCommitment("高级中学、中等职业学校", "齐齐哈尔市教育局"),
      form: teacherCertForm(["高级中学教师资格", "中等职业学校教师资格", "中等职业学校实习指导教师资格"]),
    },
  },
  {
    org: QIQIHAR,
    basicCode: "0002",
    powerCode: "JL-001",
    content: {
      name: "齐齐哈尔市优秀教师和优秀班主任表彰",
      kind: "reward",
      audiences: ["person", "legal_person"],
      topic: "教师",
      keywords: ["市优秀教师", "优秀班主任", "教师节表彰", "评优"],
      legalBasis:
        "1.《中华人民共和国教师法》第三十三条。\n2.《教师和教育工作者奖励规定》。\n3.《评比达标表彰活动管理办法》。\n4.《齐齐哈尔市教育系统评选表彰工作实施办法》。",
      conditions:
        "1.模范遵守教师职业道德规范，无师德失范行为；\n2.在本市中小学、幼儿园、中等职业学校连续从事教育教学工作满3年（优秀班主任须连续担任班主任满3年）；\n3.近3年年度考核均为合格以上；\n4.教育教学成绩突出，深受学生、家长和同行好评。",
      materials: [
        mat("recommendation_form", "齐齐哈尔市优秀教师（优秀班主任）推荐表", { copies: 2 }),
        mat("deeds", "主要事迹材料", { notes: "1500字以内。" }),
        mat("publicity_proof", "所在单位公示情况说明", { source: "issuer", sourceNote: "所在单位" }),
      ],
      steps: [
        step("单位推荐", "所在学校民主推荐，公示5个工作日后报县（市、区）教育局。"),
        step("审核", "市教育局审核推荐人选资格条件，征求纪检部门意见。"),
        step("公示", "确定拟表彰人选并公示5个工作日。"),
        step("表彰", "教师节前印发表彰决定，颁发荣誉证书。"),
      ],
      statutoryLimit: cd(60),
      promisedLimit: cd(45),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_QIQIHAR,
      resultName: "齐齐哈尔市优秀教师（优秀班主任）荣誉证书",
      form: [
        ...personFields(),
        field("school", "所在学校", "org"),
        choice("honor", "推荐类别", ["优秀教师", "优秀班主任"]),
      ],
    },
  },
  {
    org: QIQIHAR,
    basicCode: "0003",
    powerCode: "QR-001",
    content: {
      name: "普通高中毕业证书遗失补办证明",
      kind: "confirmation",
      audiences: ["person"],
      topic: "学历学位",
      keywords: ["高中毕业证丢了", "高中学历证明", "高中毕业证补办"],
      legalBasis:
        "1.《中小学生学籍管理办法》（教基一〔2013〕7号）。\n2.《黑龙江省普通高中学生学籍管理办法》：普通高中毕业证书遗失的不予补发，由发证机关出具学历证明书，与原毕业证书具有同等效力。",
      conditions:
        "1.申请人在齐齐哈尔市所辖普通高中毕业，并取得普通高中毕业证书；\n2.毕业证书遗失或者损毁；\n3.毕业信息能够通过学籍档案或者毕业生名册核实。",
      materials: [
        mat("application", "普通高中学历证明书申请表"),
        idCard(),
        mat("loss_statement", "毕业证书遗失说明", { notes: "本人签字，无须登报声明。" }),
        mat("graduate_roster", "原毕业学校出具的毕业生名册复印件", {
          requirement: "optional",
          form: "copy",
          source: "issuer",
          sourceNote: "原毕业学校",
          notes: "原学校已撤并的，由市教育局调阅档案核实。",
        }),
        photo(),
      ],
      steps: [
        step("申请", "在黑龙江政务服务网提交申请，或者邮寄至市政务服务中心教育局窗口。"),
        step("核实", "调阅学籍档案或者毕业生名册核实毕业信息。"),
        step("办结", "出具《普通高中学历证明书》并邮寄送达。"),
      ],
      statutoryLimit: wd(10),
      promisedLimit: wd(5),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_QIQIHAR,
      resultName: "普通高中学历证明书",
      form: [
        ...personFields(),
        field("school_name", "毕业学校", "org"),
        field("graduation_year", "毕业年份", "number"),
        field("delivery_address", "邮寄地址", "address"),
      ],
    },
  },
  {
    org: MUDANJIANG,
    basicCode: "0001",
    powerCode: "CJ-001",
    content: {
      name: "中小学教师申诉处理",
      kind: "adjudication",
      audiences: ["person"],
      topic: "教师",
      keywords: ["教师申诉", "对学校处理不服", "教师维权"],
      legalBasis:
        "1.《中华人民共和国教师法》第三十九条：教师对学校或者其他教育机构侵犯其合法权益的，或者对学校或者其他教育机构作出的处理不服的，可以向教育行政部门提出申诉，教育行政部门应当在接到申诉的三十日内，作出处理。教师认为当地人民政府有关行政部门侵犯其根据本法规定享有的权利的，可以向同级人民政府或者上一级人民政府有关部门提出申诉。\n2.《国家教委关于〈中华人民共和国教师法〉若干问题的实施意见》（教人〔1995〕81号）。",
      conditions:
        "1.申诉人为牡丹江市市直中小学、幼儿园、中等职业学校教师，或者对县（市、区）教育局作出的申诉处理决定不服的教师；\n2.有明确的被申诉人、具体的申诉请求和事实根据；\n3.同一事项未申请行政复议、提起行政诉讼或者人事争议仲裁。",
      materials: [
        mat("appeal_letter", "教师申诉书", { notes: "由本人签名，写明申诉请求、事实和理由。" }),
        idCard(),
        mat("school_decision", "学校作出的处理决定或者相关证明", { form: "copy" }),
        mat("evidence", "其他证据材料", { requirement: "optional", form: "copy" }),
      ],
      steps: [
        step("提交申诉", "到窗口递交、邮寄或者在黑龙江政务服务网提交书面申诉。"),
        step("受理审查", "5个工作日内决定是否受理，不予受理的书面告知理由。"),
        step("调查核实", "调查取证，听取双方意见，必要时组织调解。"),
        step("作出决定", "作出申诉处理决定并送达双方。"),
      ],
      statutoryLimit: cd(30),
      promisedLimit: cd(30),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_MUDANJIANG,
      resultName: "教师申诉处理决定书",
      form: [
        ...personFields(),
        field("respondent", "被申诉单位", "org"),
        field("request", "申诉请求", "text", { maxLength: 1000 }),
      ],
    },
  },
  {
    org: MUDANJIANG,
    basicCode: "0002",
    powerCode: "XK-001",
    content: {
      name: "校外培训机构设立审批",
      kind: "licensing",
      audiences: ["legal_person", "person"],
      topic: "民办教育",
      keywords: ["培训机构办证", "办培训班", "培训学校审批", "校外培训许可"],
      legalBasis:
        "1.《中华人民共和国民办教育促进法》第二章“设立”。\n2.中共中央办公厅、国务院办公厅《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》。\n3.《国务院办公厅关于规范校外培训机构发展的意见》（国办发〔2018〕80号）。\n4.《黑龙江省校外培训机构设置标准》。",
      conditions:
        "1.按照“双减”政策要求，不再审批新的面向学龄前儿童、义务教育阶段学生和普通高中学生的学科类校外培训机构，此类申请不予受理；\n2.本事项适用于由教育部门审批的非学科类综合素质校外培训机构；\n3.举办者为具有法人资格的社会组织或者具有政治权利和完全民事行为能力的个人，信用状况良好；\n4.培训场所人均面积、消防安全、卫生条件符合设置标准，不得设在居民住宅楼内；\n5.从业人员具有相应资质，无违法犯罪记录；\n6.预收费纳入资金监管，与监管银行签订资金监管协议。",
      materials: [
        mat("application_report", "设立申请报告"),
        mat("sponsor_proof", "举办者资格证明", { form: "original_and_copy" }),
        mat("premises_proof", "培训场所不动产权证明或者租赁合同", { form: "copy", notes: "租期不少于2年。" }),
        mat("fire_safety", "消防安全检查合格证明", { source: "government", sourceNote: "消防救援机构" }),
        mat("staff_list", "从业人员名册、资格证书及无犯罪记录证明", { form: "copy" }),
        mat("course_plan", "培训项目、课程设置及收费方案"),
        mat("fund_agreement", "预收费资金监管协议", {
          source: "issuer",
          sourceNote: "资金监管银行",
          requirement: "deferrable",
        }),
        mat("articles", "机构章程及决策机构组成人员名单"),
      ],
      steps: licensingSteps({
        accept: "申请人通过全国校外教育培训监管与服务综合平台或者窗口提交材料，5个工作日内作出受理决定。",
        review: "审查举办者资格、培训内容是否属于学科类、从业人员资质及资金监管方案。",
        inspect: "会同消防、市场监管等部门对培训场所进行实地核查。",
        decide: "作出批准或者不予批准的决定。",
        issue: "批准的，颁发《民办学校办学许可证》（校外培训机构）。",
        deliver: "窗口领取或者邮寄送达，机构信息纳入全国校外教育培训监管与服务综合平台公示。",
      }),
      statutoryLimit: cd(90),
      promisedLimit: cd(45),
      visitsRequired: 1,
      visitsReason: "实地核查时须举办者到场，并核验场所及消防证明原件。",
      onlineDepth: 3,
      expressDelivery: true,
      fees: [],
      ...DESK_MUDANJIANG,
      resultName: "民办学校办学许可证（校外培训机构）",
      reformMode: "streamlined",
      form: [
        ...orgFields(),
        field("institution_name", "拟设立机构名称", "text", { maxLength: 100 }),
        choice("training_category", "培训类别", ["综合素质类", "研学实践类", "科学普及类"]),
        field("site_address", "培训场所地址", "address"),
      ],
    },
  },
  {
    org: MUDANJIANG,
    basicCode: "0003",
    powerCode: "GF-001",
    content: {
      name: "中等职业学校国家助学金申请",
      kind: "payment",
      audiences: ["person"],
      topic: "资助",
      keywords: ["中职助学金", "职高助学金", "技校补助", "国家助学金"],
      legalBasis:
        "《学生资助资金管理办法》（财教〔2021〕310号）“中等职业学校国家助学金”有关规定：中等职业学校国家助学金资助对象为具有中等职业学校全日制正式学籍的一、二年级在校涉农专业学生和非涉农专业家庭经济困难学生。",
      conditions:
        "1.具有牡丹江市所辖中等职业学校全日制正式学籍的一、二年级在校学生（含技工学校）；\n2.涉农专业学生，或者经学校认定为家庭经济困难的非涉农专业学生；\n3.遵守法律法规和学校规章制度，诚实守信，学习态度端正；\n4.资助标准按照国家和省规定执行，按学期发放至学生本人资助卡。",
      materials: [
        mat("application", "中等职业学校国家助学金申请表", { medium: "electronic" }),
        mat("difficulty_form", "家庭经济困难学生认定申请表", {
          medium: "electronic",
          notes: "涉农专业学生无须提交；脱贫家庭、低保家庭等学生的身份信息由系统比对获取。",
        }),
        mat("student_id", "学生身份证", { form: "copy" }),
      ],
      steps: [
        step("学生申请", "每学年秋季学期开学后，学生向所在学校提交申请。"),
        step("学校评审", "学校资助评审小组评议并公示5个工作日。"),
        step("审核", "市学生资助管理中心审核受助名单。"),
        step("发放", "按学期将助学金发放至学生资助卡。"),
      ],
      statutoryLimit: wd(30),
      promisedLimit: wd(20),
      visitsRequired: 0,
      onlineDepth: 4,
      fees: [],
      ...DESK_MUDANJIANG_AID,
      resultName: "中等职业学校国家助学金受助名单",
      form: [
        ...studentFields(),
        field("school", "就读学校", "org"),
        field("major", "就读专业", "text", { maxLength: 60 }),
      ],
    },
  },
  {
    org: DAQING,
    basicCode: "0001",
    powerCode: "GF-001",
    content: {
      name: "普通高中国家助学金申请",
      kind: "payment",
      audiences: ["person"],
      topic: "资助",
      keywords: ["高中助学金", "高中补助", "困难学生资助", "国家助学金"],
      legalBasis:
        "《学生资助资金管理办法》（财教〔2021〕310号）“普通高中国家助学金”有关规定：普通高中国家助学金资助对象为具有普通高中正式学籍的家庭经济困难学生，资助标准可以分为2—3档。",
      conditions:
        "1.具有大庆市所辖普通高中正式学籍的在校学生；\n2.经学校认定为家庭经济困难学生，其中原建档立卡家庭、最低生活保障家庭、特困供养、孤儿和残疾学生等优先资助；\n3.资助标准分档执行，按学期发放；\n4.已享受普通高中免学杂费政策的学生可同时申请。",
      materials: [
        mat("application", "普通高中国家助学金申请表", { medium: "electronic" }),
        mat("difficulty_form", "家庭经济困难学生认定申请表", { medium: "electronic" }),
        mat("special_proof", "特殊困难证明材料", {
          requirement: "optional",
          form: "copy",
          notes: "低保证、残疾证等，系统能够比对获取的免于提交。",
        }),
      ],
      steps: [
        step("学生申请", "每学年秋季学期开学后，学生向所在学校提交申请。"),
        step("学校评审", "学校认定评议小组评议并公示5个工作日。"),
        step("审核", "市学生资助管理中心审核受助名单。"),
        step("发放", "按学期发放至学生资助卡。"),
      ],
      statutoryLimit: wd(30),
      promisedLimit: wd(20),
      visitsRequired: 0,
      onlineDepth: 4,
      fees: [],
      ...DESK_DAQING_AID,
      resultName: "普通高中国家助学金受助名单",
      form: [...studentFields(), field("school", "就读学校", "org"), choice("grade", "年级", ["高一", "高二", "高三"])],
    },
  },
  {
    org: DAQING,
    basicCode: "0002",
    powerCode: "XK-001",
    content: {
      name: "民办学校章程修改备案",
      kind: "licensing",
      audiences: ["legal_person"],
      topic: "民办教育",
      keywords: ["章程修改", "章程核准", "民办学校章程", "章程备案"],
      legalBasis:
        "1.《中华人民共和国民办教育促进法》第二章“设立”关于民办学校章程的规定。\n2.《中华人民共和国民办教育促进法实施条例》（国务院令第741号）。\n3.《国务院关于深化“证照分离”改革进一步激发市场主体发展活力的通知》（国发〔2021〕7号），民办学校章程修改由核准改为备案。",
      conditions:
        "1.大庆市教育局审批设立的民办普通高中、中等职业学校及培训学校；\n2.章程修改已经理事会（董事会）依照章程规定的程序审议通过，并听取学校党组织意见；\n3.修改内容符合法律法规，不改变办学属性；涉及名称、层次、举办者等事项变更的，应当先行办理变更审批。",
      materials: [
        mat("filing_form", "民办学校章程修改备案表", { medium: "electronic" }),
        mat("board_resolution", "理事会（董事会）决议", { medium: "electronic" }),
        mat("revision_table", "章程修改前后对照表", { medium: "electronic" }),
        mat("articles", "修改后的章程全文", { medium: "electronic" }),
      ],
      steps: licensingSteps({
        accept: "学校在黑龙江政务服务网提交备案材料，材料齐全的当场受理。",
        review: "对修改内容和程序进行形式审查。",
        decide: "符合要求的予以备案，不符合的一次性告知需修正内容。",
        issue: "生成《民办学校章程修改备案通知书》（电子证照）。",
        deliver: "通过平台推送备案通知书。",
      }),
      statutoryLimit: wd(20),
      promisedLimit: wd(5),
      visitsRequired: 0,
      onlineDepth: 4,
      fees: [],
      ...DESK_DAQING,
      resultName: "民办学校章程修改备案通知书",
      reformMode: "filing",
      form: [...orgFields(), field("resolution_date", "理事会决议日期", "date")],
    },
  },
];

// ─── County bureaus ──────────────────────────────────────────────────────────

const DESK_NANGANG = desk(
  "南岗区政务服务中心（哈尔滨市南岗区长江路99号）二楼区教育局窗口",
  "0451-86271234",
  "12345",
  "李静（区教育局驻政务服务中心窗口负责人）",
);
const DESK_NANGANG_AID = desk(
  "南岗区学生资助管理中心（哈尔滨市南岗区长江路99号南岗区政务服务中心二楼）",
  "0451-86271260",
  "0451-86271201",
  "何丽娜（区学生资助管理中心）",
  "工作日 上午8:30—11:30，下午13:30—17:00；每年7月1日至9月30日集中受理期间周六照常办公（法定节假日除外）",
);
const DESK_DAOLI = desk(
  "道里区政务服务中心（哈尔滨市道里区友谊路388号）一楼区教育局窗口",
  "0451-84612345",
  "12345",
  "王建华（区教育局政务服务股）",
  HOURS_LONG,
);
const DESK_XIANGFANG = desk(
  "香坊区政务服务中心（哈尔滨市香坊区红旗大街168号）三楼区教育局窗口",
  "0451-55612345",
  "12345",
  "刘洋（区教育局驻政务服务中心窗口负责人）",
  "工作日 上午9:00—12:00，下午13:30—17:00；每周六上午9:00—11:30延时服务（法定节假日除外）",
);

const PRIMARY_ARTICLE_13 =
  "幼儿园、小学和初级中学教师资格，由申请人户籍所在地或者申请人任教学校所在地的县级人民政府教育行政部门认定。";
const PRIMARY_EDUCATION =
  "申请幼儿园、小学教师资格须具备大学专科及以上学历，申请初级中学教师资格须具备大学本科及以上学历；";

/** 幼儿园、小学、初级中学教师资格认定 as every county bureau publishes it (实行告知承诺): only the desk differs. */
function countyTeacherCert(deskOfCounty: Desk): Content {
  return {
    name: "幼儿园、小学、初级中学教师资格认定",
    kind: "licensing",
    audiences: ["person"],
    topic: "教师",
    keywords: ["教师资格证", "教资认定", "幼师资格证", "小学教师资格证", "初中教师资格证"],
    legalBasis: teacherCertLegalBasis(PRIMARY_ARTICLE_13),
    conditions: teacherCertConditions(PRIMARY_EDUCATION),
    situations: TEACHER_CERT_SITUATIONS,
    materials: teacherCertMaterials(true),
    steps: licensingSteps({
      accept:
        "申请人在中国教师资格网提交申请并在线签署告知承诺书，按认定公告时间接受网上资料审核，5个工作日内作出受理决定。",
      review: "对体检结论等非承诺材料进行审查，由区教师资格专家审查委员会审议。",
      decide: "依据申请人承诺和审查意见作出认定决定，作出决定后对承诺内容开展核查。",
      issue: "制作《教师资格证书》，加盖本区教育局教师资格认定专用章。",
      deliver: "免费邮寄送达，或者到区政务服务中心教育局窗口领取。",
    }),
    statutoryLimit: wd(30),
    promisedLimit: wd(15),
    ...ONLINE_BY_POST,
    fees: [],
    ...deskOfCounty,
    resultName: "教师资格证书",
    reformMode: "commitment",
    commitmentText: teacherCommitment("幼儿园、小学、初级中学", "区教育局"),
    form: teacherCertForm(["幼儿园教师资格", "小学教师资格", "初级中学教师资格"]),
  };
}

/** 义务教育阶段转学: identical at every county bureau except the desk. */
function compulsoryTransfer(deskOfCounty: Desk): Content {
  return {
    name: "义务教育阶段学生转学",
    kind: "public_service",
    audiences: ["person"],
    topic: "学籍",
    keywords: ["小学转学", "初中转学", "孩子转学", "转学籍", "转学手续"],
    legalBasis:
      "1.《中华人民共和国义务教育法》第十二条：适龄儿童、少年免试入学。地方各级人民政府应当保障适龄儿童、少年在户籍所在地学校就近入学。父母或者其他法定监护人在非户籍所在地工作或者居住的适龄儿童、少年，在其父母或者其他法定监护人工作或者居住地接受义务教育的，当地人民政府应当为其提供平等接受义务教育的条件。\n2.《中小学生学籍管理办法》（教基一〔2013〕7号）：学生转学或者升学的，转入学校通过电子学籍系统启动学籍转接手续，转出学校及双方学校学籍主管部门应当在10个工作日内完成学籍转接。\n3.《黑龙江省中小学生学籍管理实施细则》。",
    conditions:
      "1.学生具有义务教育阶段正式学籍；\n2.因户籍迁移、家庭搬迁、父母或者其他法定监护人工作调动等原因需要转学；\n3.转入学校有学位，并按照本区划片招生范围确定；\n4.转学原则上在寒暑假期间办理，毕业年级下学期一般不办理转学；\n5.不得以择校为目的转学。",
    situations: [
      { key: "in_province", name: "省内转学", description: "转出学校在黑龙江省内（含本区、本市其他区县）。" },
      { key: "cross_province", name: "跨省转学", description: "由外省转入本区学校。" },
    ],
    materials: [
      mat("transfer_form", "义务教育阶段学生转学申请表", { notes: "由监护人填写并签字，网上申请的在线填报。" }),
      mat("guardian_id", "监护人居民身份证", { source: "government", sourceNote: "公安机关核发" }),
      mat("household", "户口簿或者居住证", {
        source: "government",
        sourceNote: "公安机关核发",
        notes: "能够通过数据共享获取的免于提交。",
      }),
      mat("residence_proof", "实际居住证明", {
        requirement: "optional",
        form: "copy",
        notes: "因家庭搬迁转学的提交房屋产权证明或者租赁合同。",
      }),
      mat("student_record", "学生学籍信息（系统自动获取）", {
        medium: "electronic",
        source: "government",
        sourceNote: "全国中小学生学籍信息管理系统",
      }),
      mat("study_record", "原就读学校出具的在读证明及近期学业成绩", {
        source: "issuer",
        sourceNote: "原就读学校",
        situationKeys: ["cross_province"],
      }),
    ],
    steps: [
      step("提出申请", "监护人通过“哈尔滨市义务教育转学服务”平台或者窗口提交转学申请。"),
      step("审核安置", "区教育局核实学籍和居住信息，按划片范围协调转入学校学位。"),
      step("学籍转接", "转入学校在全国中小学生学籍信息管理系统发起转接，转出方学校及学籍主管部门核办。"),
      step("办结", "学籍转接完成后通知监护人携学生到转入学校报到。"),
    ],
    statutoryLimit: wd(10),
    promisedLimit: wd(5),
    ...ONLINE_BY_POST,
    fees: [],
    ...deskOfCounty,
    resultName: "义务教育阶段学生转学联系单",
    form: [
      field("student_name", "学生姓名", "text", { maxLength: 30 }),
      field("student_id_number", "学生公民身份号码", "id_number"),
      field("guardian_name", "监护人姓名", "text", { maxLength: 30 }),
      field("guardian_mobile", "监护人手机号码", "phone"),
      field("from_school", "转出学校", "org"),
      choice("grade", "转入年级", [
        "一年级",
        "二年级",
        "三年级",
        "四年级",
        "五年级",
        "六年级",
        "七年级",
        "八年级",
        "九年级",
      ]),
      choice("reason", "转学原因", ["户籍迁移", "家庭搬迁", "监护人工作调动", "其他"]),
      field("home_address", "现居住地址", "address"),
    ],
  };
}

/** What a province standard says of the local elements, until each county fills in its own. */
const DESK_STANDARD = desk(
  "各县（市、区）政务服务中心教育窗口，具体地点见各地实施事项",
  "0451-82345678",
  "12345",
  "各县（市、区）教育局确定",
);

/** 同事同标: the province sets these items once; every county publishes the same, with its own desk. */
const STANDARD_TRANSFER = "9001";
const STANDARD_COUNTY_TEACHER_CERT = "9002";
const STANDARD_ITEMS: DemoItem[] = [
  {
    org: PROVINCE,
    basicCode: STANDARD_TRANSFER,
    powerCode: null,
    standard: true,
    content: compulsoryTransfer(DESK_STANDARD),
  },
  {
    org: PROVINCE,
    basicCode: STANDARD_COUNTY_TEACHER_CERT,
    powerCode: null,
    standard: true,
    content: countyTeacherCert(DESK_STANDARD),
  },
];

/** A county's copy of a province standard: the standard's content with the county's own desk. */
const copyOf =
  (standard: string, basicCode: string, powerCode: string, content: (desk: Desk) => Content) =>
  (org: string[], desk: Desk): DemoItem => ({ org, basicCode, powerCode, follows: standard, content: content(desk) });
const transferAt = copyOf(STANDARD_TRANSFER, "0001", "GG-001", compulsoryTransfer);
const teacherCertAt = copyOf(STANDARD_COUNTY_TEACHER_CERT, "0002", "XK-001", countyTeacherCert);

const COUNTY_ITEMS: DemoItem[] = [
  transferAt(NANGANG, DESK_NANGANG),
  transferAt(DAOLI, DESK_DAOLI),
  transferAt(XIANGFANG, DESK_XIANGFANG),
  teacherCertAt(NANGANG, DESK_NANGANG),
  teacherCertAt(DAOLI, DESK_DAOLI),
  {
    org: NANGANG,
    basicCode: "0003",
    powerCode: "XK-002",
    content: {
      name: "幼儿园设立审批",
      kind: "licensing",
      audiences: ["legal_person", "person"],
      topic: "民办教育",
      keywords: ["开幼儿园", "办幼儿园", "民办幼儿园审批", "幼儿园办学许可证"],
      legalBasis:
        "1.《中华人民共和国学前教育法》。\n2.《中华人民共和国民办教育促进法》第二章“设立”。\n3.《幼儿园管理条例》（国家教育委员会令第4号）第十一条：国家实行幼儿园登记注册制度，未经登记注册，任何单位和个人不得举办幼儿园。\n4.《幼儿园工作规程》（教育部令第39号）。\n5.《黑龙江省幼儿园办园基本标准》。",
      conditions:
        "1.举办者为具有法人资格的社会组织或者具有政治权利和完全民事行为能力的个人；\n2.园址安全，远离污染源和危险源，园舍符合《托儿所、幼儿园建筑设计规范》，独立设置或者设于建筑物的一至三层并有独立出入口；\n3.班额符合规定：小班25人、中班30人、大班35人、混合班30人；\n4.园长具有幼儿园教师资格和园长岗位培训合格证书，教师具有幼儿园教师资格，保育员、卫生保健人员、厨师等经培训合格并取得健康合格证明；\n5.卫生保健条件经卫生健康部门评价合格，消防设施经验收或者备案抽查合格；\n6.有必备的办园资金和稳定的经费来源。",
      materials: [
        mat("application_report", "设立幼儿园申请报告", { notes: "含办园规模、班级设置、师资配备、经费来源等。" }),
        mat("sponsor_proof", "举办者资格证明", { form: "original_and_copy" }),
        mat("premises_proof", "园舍不动产权证明或者租赁合同", { form: "copy", notes: "租赁的，租期不少于3年。" }),
        mat("fire_acceptance", "消防验收或者备案凭证", {
          source: "government",
          sourceNote: "住房城乡建设部门或者消防救援机构",
        }),
        mat("health_evaluation", "托幼机构卫生评价报告", { source: "government", sourceNote: "区卫生健康局" }),
        mat("staff_proof", "园长、教师、保育员及卫生保健人员资格证明", { form: "copy" }),
        mat("articles", "幼儿园章程及决策机构组成人员名单"),
        mat("capital_proof", "办园资金证明", { source: "issuer", sourceNote: "银行", requirement: "deferrable" }),
      ],
      steps: licensingSteps({
        accept: "申请人通过黑龙江政务服务网或者区政务服务中心窗口提交材料，5个工作日内作出受理决定。",
        review: "审查举办者资格、园舍、卫生保健、消防及师资材料。",
        inspect: "组织学前教育专家对园舍、设施设备、户外场地进行实地核查。",
        decide: "作出批准或者不予批准的决定。",
        issue: "批准的，颁发《民办学校办学许可证》（幼儿园）。",
        deliver: "窗口领取或者邮寄送达，并在区教育局网站公布。",
      }),
      statutoryLimit: cd(90),
      promisedLimit: cd(45),
      visitsRequired: 1,
      visitsReason: "实地核查时须举办者或者拟任园长到场，并核验资格证书原件。",
      onlineDepth: 3,
      expressDelivery: true,
      fees: [],
      ...DESK_NANGANG,
      resultName: "民办学校办学许可证（幼儿园）",
      reformMode: "streamlined",
      form: [
        ...orgFields(),
        field("kindergarten_name", "拟设立幼儿园名称", "text", { maxLength: 100 }),
        field("class_count", "拟设班级数", "number"),
        field("site_address", "园址", "address"),
      ],
    },
  },
  {
    org: NANGANG,
    basicCode: "0004",
    powerCode: "GG-002",
    content: {
      name: "生源地信用助学贷款",
      kind: "public_service",
      audiences: ["person"],
      topic: "资助",
      keywords: ["助学贷款", "生源地贷款", "大学贷款", "国开行助学贷款", "续贷"],
      legalBasis:
        "1.《财政部 教育部 中国人民银行 国家金融监督管理总局关于调整完善国家助学贷款有关政策的通知》：全日制普通本专科学生每人每年申请贷款额度不超过20000元，全日制研究生每人每年申请贷款额度不超过25000元。\n2.《关于进一步完善生源地信用助学贷款政策的通知》。\n3.《黑龙江省生源地信用助学贷款实施办法》。",
      conditions:
        "1.户籍在南岗区的家庭经济困难学生；\n2.被全日制普通高等学校（含本专科、第二学士学位和研究生）录取或者正在就读；\n3.学生和共同借款人（一般为学生父母或者其他法定监护人）诚实守信，无不良信用记录；\n4.学生在读期间贷款利息由财政全额贴息，毕业后按约定还款；\n5.同一学年内不得同时申请校园地国家助学贷款和生源地信用助学贷款。",
      situations: [
        { key: "first", name: "首次申请", description: "首次申请生源地信用助学贷款。" },
        { key: "renew", name: "续贷", description: "已签订借款合同，申请本学年续贷。" },
      ],
      materials: [
        mat("student_id", "学生居民身份证", { source: "government", situationKeys: ["first"] }),
        mat("co_borrower_id", "共同借款人居民身份证", { source: "government", situationKeys: ["first"] }),
        mat("household", "户口簿", { source: "government", situationKeys: ["first"] }),
        mat("admission_notice", "录取通知书、学生证或者在读证明", {
          form: "original_and_copy",
          source: "issuer",
          sourceNote: "就读高校",
          situationKeys: ["first"],
          notes: "已在本平台取得就读高校电子在读证明、学籍证明的，可直接选用电子证照，无须上传。",
          licenceTypes: ["在读证明", "学籍证明", "电子学生证"],
        }),
        mat("loan_application", "生源地信用助学贷款申请表", {
          medium: "electronic",
          notes: "在国家开发银行生源地信用助学贷款信息管理系统填写并打印。",
        }),
        mat("renew_statement", "续贷声明", { medium: "electronic", situationKeys: ["renew"] }),
      ],
      steps: [
        step("网上申请", "登录国家开发银行生源地信用助学贷款信息管理系统填写申请信息。"),
        step("受理审核", "首次申请的学生和共同借款人到区学生资助管理中心现场核验身份、签订合同；续贷在线确认。"),
        step("银行审批", "经办银行审批贷款合同。"),
        step("办结", "出具受理证明，学生到校后交学校资助部门完成回执录入，贷款发放至高校账户。"),
      ],
      statutoryLimit: wd(20),
      promisedLimit: wd(10),
      visitsRequired: 1,
      visitsReason: "首次申请须学生和共同借款人本人到场核验身份并当面签订借款合同；续贷无须到场。",
      onlineDepth: 3,
      fees: [],
      ...DESK_NANGANG_AID,
      resultName: "生源地信用助学贷款受理证明",
      form: [
        ...personFields(),
        field("university", "录取（就读）高校", "org"),
        choice("level", "学历层次", ["专科", "本科", "第二学士学位", "硕士研究生", "博士研究生"]),
        field("amount", "申请金额（元）", "number", { help: "本专科每年不超过20000元，研究生每年不超过25000元。" }),
        field("co_borrower", "共同借款人姓名", "text", { maxLength: 30 }),
      ],
    },
  },
  {
    org: DAOLI,
    basicCode: "0003",
    powerCode: "QT-001",
    content: {
      name: "适龄儿童少年延缓入学审批",
      kind: "other_power",
      audiences: ["person"],
      topic: "入学",
      keywords: ["延缓入学", "晚一年上学", "缓学", "推迟入学"],
      legalBasis:
        "1.《中华人民共和国义务教育法》第十一条：凡年满六周岁的儿童，其父母或者其他法定监护人应当送其入学接受并完成义务教育；条件不具备的地区的儿童，可以推迟到七周岁。适龄儿童、少年因身体状况需要延缓入学或者休学的，其父母或者其他法定监护人应当提出申请，由当地乡镇人民政府或者县级人民政府教育行政部门批准。\n2.《中小学生学籍管理办法》（教基一〔2013〕7号）。",
      conditions:
        "1.户籍或者居住地在道里区、当年8月31日前年满6周岁的适龄儿童，或者应升入初中的适龄少年；\n2.因疾病、残疾等身体状况不能正常入学；\n3.延缓入学期限一般为1年，期满仍不能入学的须重新申请；\n4.适龄残疾儿童少年经区残疾儿童少年入学评估专家委员会评估，可采取送教上门等方式接受义务教育。",
      materials: [
        mat("application", "适龄儿童少年延缓入学申请表", { notes: "由监护人填写并签字。" }),
        mat("guardian_id", "监护人居民身份证", { source: "government" }),
        mat("household", "户口簿或者居住证", { source: "government" }),
        mat("diagnosis", "二级以上医院出具的诊断证明", { source: "issuer", sourceNote: "二级以上医疗机构" }),
        mat("disability_certificate", "残疾人证", { requirement: "optional", form: "copy", source: "government" }),
      ],
      steps: [
        step("申请", "监护人在黑龙江政务服务网或者窗口提交申请。"),
        step("受理", "窗口核对材料，一次性告知补正内容。"),
        step("审核", "核实诊断证明，必要时组织专家评估。"),
        step("办结", "作出批准或者不予批准决定，书面告知监护人并通知学区学校。"),
      ],
      statutoryLimit: wd(15),
      promisedLimit: wd(10),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_DAOLI,
      resultName: "适龄儿童少年延缓入学审批意见书",
      form: [
        field("child_name", "儿童姓名", "text", { maxLength: 30 }),
        field("child_id_number", "儿童公民身份号码", "id_number"),
        field("guardian_name", "监护人姓名", "text", { maxLength: 30 }),
        field("guardian_mobile", "监护人手机号码", "phone"),
        choice("stage", "延缓入学学段", ["小学一年级", "初中一年级"]),
      ],
    },
  },
  {
    org: XIANGFANG,
    basicCode: "0002",
    powerCode: "GF-001",
    content: {
      name: "义务教育阶段家庭经济困难学生生活补助",
      kind: "payment",
      audiences: ["person"],
      topic: "资助",
      keywords: ["寄宿生补助", "困难学生补助", "生活费补助", "一补"],
      legalBasis:
        "1.《学生资助资金管理办法》（财教〔2021〕310号）。\n2.财政部 教育部《城乡义务教育补助经费管理办法》：对家庭经济困难寄宿生补助生活费，并逐步将非寄宿家庭经济困难学生纳入补助范围。",
      conditions:
        "1.在香坊区所辖义务教育学校就读、具有正式学籍的学生；\n2.经学校认定为家庭经济困难学生，脱贫家庭（含防止返贫监测对象）、最低生活保障家庭、特困供养、孤儿、残疾学生等优先纳入；\n3.补助标准按照国家和省规定执行，寄宿生与非寄宿生分别核定；\n4.按学期发放。",
      materials: [
        mat("application", "家庭经济困难学生生活补助申请表", { medium: "electronic" }),
        mat("difficulty_form", "家庭经济困难学生认定申请表", {
          medium: "electronic",
          notes: "低保、特困等身份信息由系统与民政部门比对获取。",
        }),
      ],
      steps: [
        step("学生申请", "每学期开学后，监护人向学校提交申请。"),
        step("学校评议", "学校资助工作小组评议并公示5个工作日。"),
        step("区级审核", "区学生资助管理中心审核受助名单。"),
        step("发放", "按学期发放至学生或者监护人银行账户。"),
      ],
      statutoryLimit: wd(30),
      promisedLimit: wd(20),
      visitsRequired: 0,
      onlineDepth: 4,
      fees: [],
      ...DESK_XIANGFANG,
      resultName: "家庭经济困难学生生活补助受助名单",
      form: [
        ...studentFields().filter((f) => f.key !== "student_no"),
        field("school", "就读学校", "org"),
        choice("boarding", "是否寄宿", ["寄宿", "非寄宿"]),
      ],
    },
  },
  {
    org: XIANGFANG,
    basicCode: "0003",
    powerCode: "GG-002",
    content: {
      name: "义务教育阶段学生休学、复学",
      kind: "public_service",
      audiences: ["person"],
      topic: "学籍",
      keywords: ["小学休学", "初中休学", "孩子生病休学", "复学"],
      legalBasis:
        "1.《中华人民共和国义务教育法》第十一条：适龄儿童、少年因身体状况需要延缓入学或者休学的，其父母或者其他法定监护人应当提出申请，由当地乡镇人民政府或者县级人民政府教育行政部门批准。\n2.《中小学生学籍管理办法》（教基一〔2013〕7号）：学生休学，由其父母或者其他法定监护人提出书面申请，学校审核同意后，通过电子学籍系统报学校主管部门核办。学生休学一般不超过1年。",
      conditions:
        "1.在香坊区所辖义务教育学校就读、具有正式学籍的学生；\n2.因患病或者其他特殊原因无法坚持正常学习的，可以申请休学，休学期限一般不超过1年；\n3.休学期满或者休学原因消除的，应当申请复学，复学后一般编入原年级或者下一年级学习。",
      situations: [
        { key: "suspend", name: "申请休学", description: "因病或者其他特殊原因申请休学。" },
        { key: "resume", name: "申请复学", description: "休学期满或者原因消除后申请复学。" },
      ],
      materials: [
        mat("application", "学生休学（复学）申请表", { notes: "由监护人填写并签字，学校签署审核意见。" }),
        mat("guardian_id", "监护人居民身份证", { source: "government" }),
        mat("diagnosis", "二级以上医院出具的诊断证明", {
          source: "issuer",
          sourceNote: "二级以上医疗机构",
          situationKeys: ["suspend"],
          notes: "因病休学的提交；因其他原因休学的提交相关说明。",
        }),
        mat("recovery_proof", "医院出具的可以复学的证明", {
          requirement: "optional",
          source: "issuer",
          sourceNote: "二级以上医疗机构",
          situationKeys: ["resume"],
        }),
      ],
      steps: [
        step("提出申请", "监护人向学生所在学校提交申请。"),
        step("学校审核", "学校审核后通过全国中小学生学籍信息管理系统报区教育局。"),
        step("区级核办", "区教育局审核材料，在学籍系统中核办。"),
        step("办结", "通知学校和监护人办理结果。"),
      ],
      statutoryLimit: wd(10),
      promisedLimit: wd(5),
      ...ONLINE_BY_POST,
      fees: [],
      ...DESK_XIANGFANG,
      resultName: "学生休学（复学）核办通知",
      form: [
        field("student_name", "学生姓名", "text", { maxLength: 30 }),
        field("student_id_number", "学生公民身份号码", "id_number"),
        field("school", "就读学校", "org"),
        field("guardian_mobile", "监护人手机号码", "phone"),
        choice("application_type", "申请类型", ["休学", "复学"]),
        field("start_date", "休学（复学）起始日期", "date"),
      ],
    },
  },
];

// ─── Universities ────────────────────────────────────────────────────────────

type Campus = {
  address: string;
  /** 学校纪委（监察专员办）监督电话. */
  complaintPhone: string;
  rooms: Record<Office, string>;
  phones: Record<Office, string>;
  staff: Record<Office, string>;
};

const CAMPUSES: Record<string, Campus> = {
  [HLJU]: {
    address: "哈尔滨市南岗区学府路74号",
    complaintPhone: "0451-86608123",
    rooms: {
      教务处: "主楼A区201室教务处学籍管理科",
      学生处: "学生活动中心二楼学生处综合服务窗口",
      财务处: "主楼B区105室财务处学生收费窗口",
      研究生院: "主楼A区512室研究生院学位办公室",
    },
    phones: { 教务处: "0451-86608612", 学生处: "0451-86608655", 财务处: "0451-86608690", 研究生院: "0451-86608720" },
    staff: {
      教务处: "刘芳（学籍管理科）",
      学生处: "马俊（学生事务服务中心）",
      财务处: "吴桐（收费管理科）",
      研究生院: "何睿（学位办公室）",
    },
  },
  [HIT]: {
    address: "哈尔滨市南岗区西大直街92号",
    complaintPhone: "0451-86418888",
    rooms: {
      教务处: "行政楼二楼教务处学籍管理办公室",
      学生处: "学生活动中心一楼学生工作部（处）就业服务窗口",
      财务处: "行政楼一楼财务处服务大厅",
      研究生院: "行政楼四楼研究生院培养处",
    },
    phones: { 教务处: "0451-86412345", 学生处: "0451-86414567", 财务处: "0451-86415678", 研究生院: "0451-86413456" },
    staff: {
      教务处: "郭晓东（学籍管理办公室）",
      学生处: "于洋（就业服务窗口）",
      财务处: "宋佳（财务服务大厅）",
      研究生院: "韩雪（学位办公室）",
    },
  },
  [NEFU]: {
    address: "哈尔滨市香坊区和兴路26号",
    complaintPhone: "0451-82190110",
    rooms: {
      教务处: "主楼三楼教务处学籍科",
      学生处: "学生事务服务中心一楼综合窗口",
      财务处: "主楼一楼财务处学生服务窗口",
      研究生院: "主楼五楼研究生院学位办",
    },
    phones: { 教务处: "0451-82191234", 学生处: "0451-82192345", 财务处: "0451-82193456", 研究生院: "0451-82194567" },
    staff: {
      教务处: "林琳（学籍科）",
      学生处: "邹鹏（学生资助管理中心）",
      财务处: "曹颖（学生服务窗口）",
      研究生院: "潘磊（学位办）",
    },
  },
  [HRBNU]: {
    address: "哈尔滨市呼兰区利民经济技术开发区师大南路1号",
    complaintPhone: "0451-88060999",
    rooms: {
      教务处: "行政楼二楼教务处教务服务窗口",
      学生处: "学生事务中心一楼学生处服务窗口",
      财务处: "行政楼一楼财务处服务大厅",
      研究生院: "行政楼五楼研究生院学位管理办公室",
    },
    phones: { 教务处: "0451-88060123", 学生处: "0451-88060234", 财务处: "0451-88060456", 研究生院: "0451-88060345" },
    staff: {
      教务处: "秦悦（教务服务窗口）",
      学生处: "贾宁（学生事务中心）",
      财务处: "冯倩（财务服务大厅）",
      研究生院: "彭博（学位管理办公室）",
    },
  },
};

function campusOf(university: string): Campus {
  const campus = CAMPUSES[university];
  if (!campus) throw new Error(`no campus for ${university}`);
  return campus;
}

/** The office's window on campus, or its corner of the university's online hall for self-service. */
function campusDesk(university: string, unit: Office, online = false): Desk {
  const campus = campusOf(university);
  return desk(
    online
      ? `${university}网上办事大厅“${unit}”服务专区（统一身份认证登录）；校内自助打印终端（图书馆一楼、学生活动中心一楼）`
      : `${university}${campus.rooms[unit]}（${campus.address}）`,
    campus.phones[unit],
    campus.complaintPhone,
    campus.staff[unit],
    online ? HOURS_ONLINE : HOURS_CAMPUS,
  );
}

const STUDENT_INFO = mat("student_info", "学生身份及学籍信息（系统自动获取）", {
  medium: "electronic",
  source: "government",
  sourceNote: "学校学籍管理系统",
  notes: "统一身份认证登录后由系统自动获取，无须提交。",
});
const GRADUATE_INFO = mat("graduate_info", "毕业生学历学位信息（系统自动获取）", {
  medium: "electronic",
  source: "government",
  sourceNote: "学校学籍学位管理系统、学信网",
  notes: "校友通过统一身份认证（校友账号）登录后由系统自动获取，无须提交。",
});

const studentRules = (university: string) =>
  `1.《普通高等学校学生管理规定》（教育部令第41号）第三章“学籍管理”。\n2.《${university}本科生学籍管理规定》《${university}研究生学籍管理规定》。`;

const certificateForm = (purposes: string[]): Field[] => [
  choice("language", "证明语种", ["中文", "英文", "中英文对照"]),
  choice("purpose", "证明用途", purposes),
  field("copies", "份数", "number", { help: "每次最多打印5份。" }),
];

function enrollmentCertificate(university: string): Content {
  return {
    name: "在读证明",
    kind: "campus_service",
    audiences: ["person"],
    topic: "学籍",
    keywords: ["在校证明", "开在读证明", "学籍在读", "在读证明打印"],
    legalBasis: studentRules(university),
    conditions: `1.具有${university}正式学籍、本学期已完成注册的全日制本科生和研究生；\n2.学籍状态为“在读”，休学、保留学籍期间的学生请到教务处窗口办理；\n3.证明内容由系统根据学籍信息自动生成，不能手工修改，信息有误的请先联系学院教学秘书更正。`,
    materials: [STUDENT_INFO],
    steps: selfServiceSteps(`${university}网上办事大厅`, "在读证明"),
    ...SELF_SERVICE,
    ...campusDesk(university, "教务处", true),
    resultName: "在读证明",
    form: certificateForm(["办理签证", "求职实习", "银行业务", "申领补贴", "其他"]),
  };
}

function transcript(university: string): Content {
  return {
    name: "成绩单",
    kind: "campus_service",
    audiences: ["person"],
    topic: "学籍",
    keywords: ["成绩单打印", "开成绩证明", "成绩证明", "中文成绩单"],
    legalBasis: `${studentRules(university)}\n3.《普通高等学校学生管理规定》第三章第二节“考核与成绩记载”：学生应当参加学校教育教学计划规定的课程和各种教育教学环节的考核，考核成绩记入成绩册，并归入学籍档案。`,
    conditions: `1.${university}在读学生或者已毕业、结业的学生（校友账号登录）；\n2.成绩单包含截至申请时已录入的全部课程成绩、学分和平均学分绩点；\n3.本学期成绩尚未录入完毕的，请在成绩发布后申请。`,
    materials: [STUDENT_INFO],
    steps: selfServiceSteps(`${university}网上办事大厅`, "成绩单"),
    ...SELF_SERVICE,
    ...campusDesk(university, "教务处", true),
    resultName: "成绩单",
    form: [
      choice("language", "成绩单语种", ["中文", "英文"]),
      choice("scope", "成绩范围", ["全部学期", "指定学期"]),
      field("copies", "份数", "number", { help: "每次最多打印5份。" }),
    ],
  };
}

function statusCertificate(university: string): Content {
  return {
    name: "学籍证明",
    kind: "campus_service",
    audiences: ["person"],
    topic: "学籍",
    keywords: ["学籍证明", "学籍信息证明", "开学籍证明", "学制证明"],
    legalBasis: studentRules(university),
    conditions: `1.具有${university}学籍的学生（含休学、保留学籍学生）；\n2.证明载明入学时间、学院、专业、学制、学籍状态，由系统自动生成；\n3.学籍信息有误的，请先联系学院教学办公室更正。`,
    materials: [STUDENT_INFO],
    steps: selfServiceSteps(`${university}网上办事大厅`, "学籍证明"),
    ...SELF_SERVICE,
    ...campusDesk(university, "教务处", true),
    resultName: "学籍证明",
    form: certificateForm(["办理户籍", "申领补贴", "保险理赔", "其他"]),
  };
}

function degreeCertificate(university: string): Content {
  return {
    name: "学位证明（电子版）",
    kind: "campus_service",
    audiences: ["person"],
    topic: "学历学位",
    keywords: ["学位证明", "开学位证明", "学位认证", "电子学位证明"],
    legalBasis:
      "1.《中华人民共和国学位法》。\n2.《学位证书和学位授予信息管理办法》（学位〔2015〕18号）：学位授予单位应当建立学位授予信息档案，为学位获得者出具学位证明。",
    conditions: `1.已获得${university}授予的学士、硕士或者博士学位；\n2.通过学校统一身份认证（校友账号）登录；\n3.学位证书遗失需要《学位证明书》（替代原证书使用）的，请到研究生院学位办公室窗口申请，不适用本事项。`,
    materials: [GRADUATE_INFO],
    steps: selfServiceSteps(`${university}网上办事大厅`, "学位证明"),
    ...SELF_SERVICE,
    ...campusDesk(university, "研究生院", true),
    resultName: "学位证明",
    form: [
      choice("degree_level", "学位层次", ["学士", "硕士", "博士"]),
      choice("language", "证明语种", ["中文", "英文", "中英文对照"]),
      choice("purpose", "证明用途", ["求职应聘", "出国（境）", "职称评审", "其他"]),
    ],
  };
}

function studentCardReissue(university: string): Content {
  return {
    name: "学生证补办",
    kind: "campus_service",
    audiences: ["person"],
    topic: "学籍",
    keywords: ["学生证丢了", "补办学生证", "学生证遗失", "火车优惠卡"],
    legalBasis: `1.《普通高等学校学生管理规定》（教育部令第41号）第三章“学籍管理”。\n2.《${university}学生证管理办法》。\n3.《铁路旅客运输规程》关于学生票优惠区间的有关规定。`,
    conditions: `1.具有${university}正式学籍的在读学生；\n2.学生证遗失或者严重损毁；\n3.乘车区间按学生家庭居住地填写，补办后需重新写入铁路学生优惠卡。`,
    materials: [
      STUDENT_INFO,
      mat("photo", "近期免冠正面一寸彩色证件照", {
        medium: "electronic",
        notes: "蓝色背景，JPG格式，本人近六个月内照片。",
      }),
      mat("damaged_card", "损毁的原学生证", { requirement: "optional", notes: "损毁补办的交回原证。" }),
    ],
    steps: [
      step("在线申请", "在学校网上办事大厅提交补办申请并在线缴纳工本费。"),
      step("学院审核", "学院学生工作办公室核对学籍和乘车区间。"),
      step("制证", "学生处制作学生证并加盖印章。"),
      step("领取", "本人持身份证到学生处服务窗口领取，并现场写入铁路学生优惠卡。"),
    ],
    statutoryLimit: wd(10),
    promisedLimit: wd(5),
    visitsRequired: 1,
    visitsReason: "须本人持身份证领取新学生证，并现场写入铁路学生优惠卡信息。",
    onlineDepth: 3,
    fees: [
      {
        name: "学生证工本费",
        amountFen: 1000,
        basis: `《黑龙江省教育厅 黑龙江省发展和改革委员会 黑龙江省财政厅关于规范高等学校服务性收费和代收费管理的通知》；${university}服务性收费项目公示。`,
      },
    ],
    onlinePayment: true,
    ...campusDesk(university, "学生处"),
    resultName: "学生证",
    form: [
      ...studentFields(),
      field("college", "所在学院", "text", { maxLength: 60 }),
      field("railway_section", "乘车区间", "text", { maxLength: 60, help: "如：哈尔滨—齐齐哈尔。" }),
      choice("reason", "补办原因", ["遗失", "损毁"]),
    ],
  };
}

function nationalGrant(university: string): Content {
  return {
    name: "国家助学金申请",
    kind: "campus_service",
    audiences: ["person"],
    topic: "资助",
    keywords: ["国家助学金", "助学金申请", "贫困生补助", "困难补助"],
    legalBasis: `1.《学生资助资金管理办法》（财教〔2021〕310号）“国家助学金”有关规定：本专科生国家助学金资助全日制普通本专科学生（含预科生，不含退役士兵学生）中的家庭经济困难学生；研究生国家助学金资助纳入全国研究生招生计划的全日制研究生（有固定工资收入的除外）。\n2.《教育部等六部门关于做好家庭经济困难学生认定工作的指导意见》（教财〔2018〕16号）。\n3.《${university}家庭经济困难学生认定办法》。`,
    conditions:
      "1.本专科生：具有中华人民共和国国籍，热爱祖国，遵守宪法和法律，遵守学校规章制度，诚实守信，道德品质优良，勤奋学习，积极上进，经认定为家庭经济困难学生；\n2.研究生：纳入全国研究生招生计划的全日制研究生，无固定工资收入；\n3.本专科生国家助学金分档资助，具体标准按照当年国家和省规定执行，按月发放。",
    materials: [
      mat("application", "国家助学金申请表", { medium: "electronic" }),
      mat("difficulty_form", "家庭经济困难学生认定申请表", {
        medium: "electronic",
        notes: "已在本学年完成家庭经济困难认定的无须重复提交；研究生无须提交。",
      }),
    ],
    steps: [
      step("在线申请", "每学年9月在学校学生资助管理系统提交申请。"),
      step("学院评议", "学院认定评议小组评议，并在学院范围内公示5个工作日。"),
      step("学校审核", "学校学生资助管理中心审核并报学校学生资助工作领导小组审定。"),
      step("按月发放", "审定后按月将助学金发放至学生本人银行卡。"),
    ],
    statutoryLimit: cd(60),
    promisedLimit: cd(45),
    visitsRequired: 0,
    onlineDepth: 4,
    fees: [],
    ...campusDesk(university, "学生处"),
    resultName: "国家助学金评审结果通知",
    form: [
      ...studentFields(),
      field("college", "所在学院", "text", { maxLength: 60 }),
      choice("student_level", "学生类别", ["本专科生", "硕士研究生", "博士研究生"]),
      field("family_size", "家庭人口数", "number"),
    ],
  };
}

function graduateDispatch(university: string): Content {
  return {
    name: "毕业生派遣与改派（档案转递去向变更）",
    kind: "campus_service",
    audiences: ["person"],
    topic: "学历学位",
    keywords: ["报到证改派", "档案改派", "派遣", "档案转递", "改派手续"],
    legalBasis: `1.《普通高等学校毕业生就业工作暂行规定》。\n2.教育部关于做好2023届全国普通高校毕业生就业创业工作的通知：自2023年起，不再发放《全国普通高等学校本专科毕业生就业报到证》和《全国毕业研究生就业报到证》，不再将就业报到证作为办理落户手续的必需材料。\n3.《${university}毕业生就业派遣管理办法》。`,
    conditions:
      "1.本校毕业生，离校后2年内（择业期内）落实或者变更就业单位，需要将档案转递至新的就业单位或者生源地人才服务机构；\n2.2022届及以前毕业、持有就业报到证且在择业期内的，按原规定办理报到证改派；\n3.2023届起毕业生无须办理报到证，只办理档案转递去向变更；\n4.新接收单位具有人事档案管理权限，或者委托人才服务机构保管档案。",
    situations: [
      { key: "dispatch", name: "首次派遣", description: "毕业时落实就业单位，办理档案转递。" },
      { key: "redispatch", name: "改派", description: "离校后变更就业单位或者档案去向。" },
    ],
    materials: [
      mat("application", "毕业生派遣（改派）申请表", { medium: "electronic" }),
      mat("employment_proof", "就业协议书或者劳动合同", { form: "copy", source: "issuer", sourceNote: "接收单位" }),
      mat("archive_acceptance", "档案接收函", {
        source: "issuer",
        sourceNote: "具有档案管理权限的接收单位或者人才服务机构",
      }),
      mat("release_letter", "原单位解约函", {
        form: "copy",
        source: "issuer",
        sourceNote: "原就业单位",
        situationKeys: ["redispatch"],
      }),
      mat("original_report_card", "原就业报到证", {
        requirement: "optional",
        situationKeys: ["redispatch"],
        notes: "仅2022届及以前持有报到证的毕业生提交。",
      }),
    ],
    steps: [
      step("在线申请", "在学校就业信息网“派遣改派”栏目提交申请。"),
      step("学院审核", "学院就业工作负责人审核就业材料。"),
      step("学校办理", "学生处核对接收单位档案管理权限，办理派遣或者改派手续。"),
      step("档案转递", "通过机要通道转递档案，毕业生可在线查询转递单号。"),
    ],
    statutoryLimit: wd(15),
    promisedLimit: wd(10),
    ...ONLINE_BY_POST,
    fees: [],
    ...campusDesk(university, "学生处"),
    resultName: "毕业生档案转递通知单",
    form: [
      ...studentFields(),
      field("graduation_year", "毕业年份", "number"),
      field("employer", "接收单位", "org"),
      field("archive_address", "档案接收地址", "address"),
    ],
  };
}

const UNIVERSITY_ITEMS: DemoItem[] = [
  // 黑龙江大学
  { org: office(HLJU, "教务处"), basicCode: "0001", powerCode: "XW-001", content: enrollmentCertificate(HLJU) },
  { org: office(HLJU, "教务处"), basicCode: "0002", powerCode: "XW-001", content: transcript(HLJU) },
  { org: office(HLJU, "教务处"), basicCode: "0009", powerCode: "XW-001", content: statusCertificate(HLJU) },
  {
    org: office(HLJU, "教务处"),
    basicCode: "0003",
    powerCode: "XW-001",
    content: {
      name: "出国留学成绩证明（中英文密封件）",
      kind: "campus_service",
      audiences: ["person"],
      topic: "留学",
      keywords: ["出国成绩单", "英文成绩单", "留学成绩证明", "密封成绩单", "申请国外大学"],
      legalBasis: `${studentRules(HLJU)}\n3.《黑龙江大学学生出国（境）学习证明材料办理规定》。`,
      conditions:
        "1.黑龙江大学在读学生或者已毕业学生；\n2.申请国（境）外院校、交换项目等需要学校盖章密封的中英文成绩证明；\n3.英文课程名称以教务系统备案的标准译名为准；\n4.需要同时开具英文在读证明、毕业证明、学位证明的可一并申请。",
      materials: [
        STUDENT_INFO,
        mat("envelope_requirement", "国（境）外院校对成绩证明的寄送要求", {
          requirement: "optional",
          medium: "electronic",
          notes: "有指定信封、签封方式或者直寄要求的上传说明。",
        }),
      ],
      steps: [
        step("在线申请", "在学校网上办事大厅提交申请，选择份数和领取方式，在线缴费。"),
        step("审核", "教务处核对成绩及英文译名。"),
        step("盖章密封", "打印中英文成绩证明，加盖教务处公章并骑缝密封。"),
        step("领取", "到教务处窗口领取，或者选择邮寄送达（含国际快递代寄，邮费自理）。"),
      ],
      statutoryLimit: wd(5),
      promisedLimit: wd(3),
      ...ONLINE_BY_POST,
      fees: [
        {
          name: "出国（境）成绩证明密封件工本费",
          amountFen: 1000,
          basis:
            "《黑龙江省教育厅 黑龙江省发展和改革委员会 黑龙江省财政厅关于规范高等学校服务性收费和代收费管理的通知》；黑龙江大学服务性收费项目公示，每份10元。",
        },
      ],
      onlinePayment: true,
      ...campusDesk(HLJU, "教务处"),
      resultName: "出国留学成绩证明（中英文）",
      form: [
        ...studentFields(),
        field("copies", "份数", "number", { help: "每份单独密封。" }),
        choice("delivery", "领取方式", ["窗口领取", "国内邮寄", "国际快递代寄"]),
        field("delivery_address", "邮寄地址", "address", { required: false }),
      ],
    },
  },
  {
    org: office(HLJU, "教务处"),
    basicCode: "0004",
    powerCode: "XW-002",
    content: {
      name: "本科生转专业（学籍异动）",
      kind: "campus_service",
      audiences: ["person"],
      topic: "学籍",
      keywords: ["转专业", "换专业", "学籍异动", "专业调整"],
      legalBasis: `${studentRules(HLJU)}\n3.《普通高等学校学生管理规定》第三章第三节“转专业与转学”：学生在学习期间对其他专业有兴趣和专长的，可以申请转专业；以特殊招生形式录取的学生，国家有相关规定或者录取前与学校有明确约定的，不得转专业。\n4.《黑龙江大学本科生转专业实施办法》。`,
      conditions:
        "1.具有黑龙江大学正式学籍的全日制本科生，原则上在第一学年末申请；\n2.对拟转入专业有兴趣和专长，或者因身体原因经学校指定医院证明不宜在原专业学习；\n3.以艺术类、体育类、定向培养、中外合作办学、专项计划等特殊招生形式录取的学生，按国家规定或者录取前约定不得转专业；\n4.每人在校期间只能转专业一次，转入学院组织考核并择优录取。",
      materials: [
        STUDENT_INFO,
        mat("application", "本科生转专业申请表", { medium: "electronic" }),
        mat("medical_proof", "学校指定医院出具的诊断证明", {
          requirement: "optional",
          source: "issuer",
          notes: "因身体原因申请转专业的提交。",
        }),
        mat("specialty_proof", "专长证明材料", {
          requirement: "optional",
          medium: "electronic",
          notes: "获奖证书、科研成果等。",
        }),
      ],
      steps: [
        step("在线申请", "每学年5月在教务系统“转专业”模块提交申请。"),
        step("学院考核", "拟转入学院组织笔试或者面试，确定拟接收名单。"),
        step("学校审批", "教务处汇总审核，经学校专题会议审定并公示5个工作日。"),
        step("学籍变更", "公示无异议的，秋季学期开学前完成学籍变更并编入新专业班级。"),
      ],
      statutoryLimit: wd(30),
      promisedLimit: wd(20),
      visitsRequired: 1,
      visitsReason: "须本人参加拟转入学院组织的考核。",
      onlineDepth: 3,
      fees: [],
      ...campusDesk(HLJU, "教务处"),
      resultName: "转专业审批结果通知",
      form: [
        ...studentFields(),
        field("current_major", "现专业", "text", { maxLength: 60 }),
        field("target_major", "拟转入专业", "text", { maxLength: 60 }),
        choice("reason", "申请理由", ["兴趣和专长", "身体原因", "其他特殊困难"]),
      ],
    },
  },
  {
    org: office(HLJU, "教务处"),
    basicCode: "0005",
    powerCode: "XW-002",
    content: {
      name: "休学、复学",
      kind: "campus_service",
      audiences: ["person"],
      topic: "学籍",
      keywords: ["休学", "复学", "保留学籍", "生病休学", "休学创业"],
      legalBasis: `${studentRules(HLJU)}\n3.《普通高等学校学生管理规定》第三章第四节“休学与复学”：学生可以分阶段完成学业，除另有规定外，应当在学校规定的最长学习年限（含休学和保留学籍）内完成学业。学生申请休学或者学校认为应当休学的，经学校批准，可以休学。休学次数和期限由学校规定。`,
      conditions:
        "1.因病经学校指定医院诊断需停课治疗、休养占一学期总学时三分之一以上，或者因创新创业、家庭特殊困难等原因需要中断学习的，可以申请休学；\n2.休学一般以一学年为期，累计不超过两学年（休学创业的可以适当延长）；\n3.应征入伍的，学校保留其学籍至退役后2年；\n4.休学期满，应当在学期开学前提出复学申请，因病休学的须经学校指定医院复查合格。",
      situations: [
        { key: "suspend", name: "申请休学", description: "因病、创业或者其他原因中断学习。" },
        { key: "resume", name: "申请复学", description: "休学期满或者退役后返校继续学习。" },
      ],
      materials: [
        mat("suspend_form", "休学申请表", { medium: "electronic", situationKeys: ["suspend"] }),
        mat("diagnosis", "学校指定医院出具的诊断证明", {
          requirement: "optional",
          source: "issuer",
          situationKeys: ["suspend"],
          notes: "因病休学的提交。",
        }),
        mat("resume_form", "复学申请表", { medium: "electronic", situationKeys: ["resume"] }),
        mat("recovery_proof", "学校指定医院出具的复查合格证明", {
          requirement: "optional",
          source: "issuer",
          situationKeys: ["resume"],
          notes: "因病休学申请复学的提交。",
        }),
        mat("discharge_certificate", "退出现役证", {
          requirement: "optional",
          form: "copy",
          source: "government",
          situationKeys: ["resume"],
          notes: "退役复学的提交。",
        }),
      ],
      steps: [
        step("在线申请", "在教务系统“学籍异动”模块提交休学或者复学申请。"),
        step("学院审核", "学院审核申请理由和证明材料。"),
        step("教务处审批", "教务处审批并在学籍系统中变更学籍状态。"),
        step("办结", "生成学籍异动通知，休学学生按规定办理离校手续。"),
      ],
      statutoryLimit: wd(10),
      promisedLimit: wd(5),
      visitsRequired: 0,
      onlineDepth: 4,
      fees: [],
      ...campusDesk(HLJU, "教务处"),
      resultName: "学籍异动通知书",
      form: [
        ...studentFields(),
        choice("application_type", "申请类型", ["休学", "复学"]),
        choice("reason", "原因", ["因病", "创新创业", "应征入伍", "家庭特殊困难", "其他"]),
        field("start_date", "起始日期", "date"),
      ],
    },
  },
  { org: office(HLJU, "学生处"), basicCode: "0001", powerCode: "XW-001", content: studentCardReissue(HLJU) },
  { org: office(HLJU, "学生处"), basicCode: "0002", powerCode: "XW-002", content: nationalGrant(HLJU) },
  {
    org: office(HLJU, "学生处"),
    basicCode: "0003",
    powerCode: "XW-002",
    content: {
      name: "大学生征兵入伍学费补偿申请",
      kind: "campus_service",
      audiences: ["person"],
      topic: "资助",
      keywords: ["当兵学费补偿", "参军学费返还", "入伍补偿", "大学生参军"],
      legalBasis:
        "1.《中华人民共和国兵役法》。\n2.《学生资助资金管理办法》（财教〔2021〕310号）“服兵役高等学校学生国家教育资助”有关规定。\n3.《黑龙江大学学生应征入伍工作实施办法》。",
      conditions:
        "1.黑龙江大学在校生（含新生）、应届毕业生，应征入伍服义务兵役或者招收为士官；\n2.已在全国征兵网完成兵役登记并提交资助申请；\n3.入伍前缴纳过学费或者获得国家助学贷款；\n4.补偿金额按实际缴纳学费与国家标准就低确定。",
      materials: [
        mat("application_one", "应征入伍服兵役高等学校学生国家教育资助申请表Ⅰ", {
          medium: "paper",
          copies: 2,
          notes: "在全国征兵网填写后打印，本人签字。",
        }),
        mat("enlistment_notice", "入伍通知书", {
          form: "copy",
          source: "government",
          sourceNote: "县级人民政府征兵办公室",
        }),
        mat("tuition_receipt", "学费缴费票据", { form: "copy", source: "issuer", sourceNote: "学校财务处" }),
      ],
      steps: [
        step("网上申请", "在全国征兵网完成兵役登记并填写资助申请表Ⅰ。"),
        step("学院初审", "学院核对学籍及缴费信息。"),
        step("学校审核", "学生处（武装部）会同财务处审核并在申请表上盖章。"),
        step("上报省级", "报省学生资助管理中心审核。"),
        step("资金发放", "资金下达后发放至学生本人银行卡。"),
      ],
      statutoryLimit: wd(30),
      promisedLimit: wd(20),
      ...ONLINE_BY_POST,
      fees: [],
      ...campusDesk(HLJU, "学生处"),
      resultName: "学费补偿审核确认单",
      form: [
        ...studentFields(),
        field("enlist_date", "入伍时间", "date"),
        field("paid_tuition", "已缴纳学费（元）", "number"),
        choice("service_type", "服役类别", ["义务兵", "士官"]),
      ],
    },
  },
  {
    org: office(HLJU, "财务处"),
    basicCode: "0001",
    powerCode: "XW-001",
    content: {
      name: "缴费证明（学费、住宿费）",
      kind: "campus_service",
      audiences: ["person"],
      topic: "其他",
      keywords: ["学费证明", "缴费证明", "交学费凭证", "学费票据", "报销学费"],
      legalBasis:
        "1.《高等学校财务制度》（财教〔2022〕128号）。\n2.《行政事业单位资金往来结算票据使用管理暂行办法》。\n3.《黑龙江大学学生收费管理办法》。",
      conditions:
        "1.黑龙江大学在读学生或者已毕业学生；\n2.申请学年的学费、住宿费已缴纳并入账；\n3.证明由系统根据收费记录自动生成，加盖财务处电子印章，可用于单位报销、个人所得税专项附加扣除佐证等。",
      materials: [STUDENT_INFO],
      steps: selfServiceSteps("黑龙江大学网上办事大厅", "缴费证明"),
      ...SELF_SERVICE,
      ...campusDesk(HLJU, "财务处", true),
      resultName: "缴费证明",
      form: [
        field("academic_year", "学年", "text", { maxLength: 20, help: "如：2024—2025学年。" }),
        choice("fee_type", "缴费项目", ["学费", "住宿费", "学费和住宿费"]),
      ],
    },
  },
  { org: office(HLJU, "研究生院"), basicCode: "0001", powerCode: "XW-001", content: degreeCertificate(HLJU) },

  // 哈尔滨工业大学
  { org: office(HIT, "教务处"), basicCode: "0001", powerCode: "XW-001", content: enrollmentCertificate(HIT) },
  { org: office(HIT, "教务处"), basicCode: "0002", powerCode: "XW-001", content: transcript(HIT) },
  {
    org: office(HIT, "教务处"),
    basicCode: "0003",
    powerCode: "XW-001",
    content: {
      name: "学历证明（电子版）",
      kind: "campus_service",
      audiences: ["person"],
      topic: "学历学位",
      keywords: ["学历证明", "毕业证明", "电子学历证明", "开毕业证明"],
      legalBasis:
        "1.《普通高等学校学生管理规定》（教育部令第41号）第三章第七节“学业证书管理”。\n2.《高等学校学生学籍学历电子注册办法》（教学〔2014〕11号）。\n3.《哈尔滨工业大学本科生学籍管理规定》。",
      conditions:
        "1.已从哈尔滨工业大学毕业、学历证书已在学信网电子注册的本科生和研究生；\n2.通过学校统一身份认证（校友账号）登录；\n3.证明载明姓名、性别、出生日期、入学和毕业时间、专业、学制及毕业证书编号，加盖学校电子印章，可通过学校证明验证平台在线验真；\n4.毕业证书遗失、需要《学历证明书》替代原证书使用的，请办理“毕业证书遗失补办学历证明书”。",
      materials: [GRADUATE_INFO],
      steps: selfServiceSteps("哈尔滨工业大学网上办事大厅", "学历证明"),
      ...SELF_SERVICE,
      ...campusDesk(HIT, "教务处", true),
      resultName: "学历证明（电子版）",
      form: certificateForm(["求职应聘", "出国（境）", "职称评审", "落户", "其他"]),
    },
  },
  {
    org: office(HIT, "教务处"),
    basicCode: "0004",
    powerCode: "XW-001",
    content: {
      name: "毕业证书遗失补办学历证明书",
      kind: "campus_service",
      audiences: ["person"],
      topic: "学历学位",
      keywords: ["毕业证丢了", "毕业证遗失", "补办毕业证", "学历证明书"],
      legalBasis:
        "1.《普通高等学校学生管理规定》（教育部令第41号）第三章第七节“学业证书管理”：学历证书和学位证书遗失或者损坏的，经本人申请，学校核实后应当出具相应的证明书。证明书与原证书具有同等效力。\n2.《哈尔滨工业大学学业证书管理办法》。",
      conditions:
        "1.已从哈尔滨工业大学毕业并取得毕业证书（含原哈尔滨建筑大学并入前毕业的学生）；\n2.毕业证书遗失或者损坏；\n3.毕业证书一律不予补发，学校核实后出具《学历证明书》，与原证书具有同等效力。",
      materials: [
        mat("application", "学历证明书申请表", { medium: "electronic" }),
        idCard(),
        mat("loss_statement", "毕业证书遗失（损坏）说明", { notes: "本人签字，无须登报声明；损坏的交回原证书。" }),
        photo(),
      ],
      steps: [
        step("在线申请", "在学校网上办事大厅提交申请并上传材料。"),
        step("核实", "教务处调阅学籍档案和学信网电子注册信息核实。"),
        step("制作", "出具《学历证明书》，贴照片并加盖钢印。"),
        step("送达", "本人到窗口领取或者选择邮寄送达（邮费到付）。"),
      ],
      statutoryLimit: wd(20),
      promisedLimit: wd(10),
      ...ONLINE_BY_POST,
      fees: [],
      ...campusDesk(HIT, "教务处"),
      resultName: "学历证明书",
      form: [
        ...personFields(),
        field("major", "毕业专业", "text", { maxLength: 60 }),
        field("graduation_year", "毕业年份", "number"),
        field("delivery_address", "邮寄地址", "address", { required: false }),
      ],
    },
  },
  { org: office(HIT, "研究生院"), basicCode: "0001", powerCode: "XW-001", content: degreeCertificate(HIT) },
  { org: office(HIT, "学生处"), basicCode: "0001", powerCode: "XW-002", content: graduateDispatch(HIT) },

  // 东北林业大学
  {
    org: office(NEFU, "教务处"),
    basicCode: "0001",
    powerCode: "XW-001",
    content: {
      name: "出国留学成绩证明（中文）",
      kind: "campus_service",
      audiences: ["person"],
      topic: "留学",
      keywords: ["出国成绩单", "留学成绩证明", "中文成绩单", "申请留学"],
      legalBasis: `${studentRules(NEFU)}\n3.《东北林业大学学生出国（境）学习管理办法》。`,
      conditions:
        "1.东北林业大学在读学生或者已毕业学生；\n2.用于出国（境）留学申请、留学签证或者国内留学服务机构办理手续；\n3.电子版加盖教务处电子印章，附验证码，可通过学校证明验证平台验真；\n4.需要纸质密封件的，请到教务处窗口办理。",
      materials: [STUDENT_INFO],
      steps: selfServiceSteps("东北林业大学网上办事大厅", "出国留学成绩证明"),
      ...SELF_SERVICE,
      ...campusDesk(NEFU, "教务处", true),
      resultName: "出国留学成绩证明（中文）",
      form: [
        choice("scope", "成绩范围", ["全部学期", "指定学期"]),
        choice("gpa_scale", "绩点计算方式", ["学校标准绩点", "百分制平均分"]),
      ],
    },
  },
  { org: office(NEFU, "教务处"), basicCode: "0002", powerCode: "XW-001", content: statusCertificate(NEFU) },
  {
    org: office(NEFU, "学生处"),
    basicCode: "0001",
    powerCode: "XW-001",
    content: {
      name: "学生证电子版申领",
      kind: "campus_service",
      audiences: ["person"],
      topic: "学籍",
      keywords: ["电子学生证", "学生证电子版", "手机学生证", "学生证"],
      legalBasis: `1.《普通高等学校学生管理规定》（教育部令第41号）第三章“学籍管理”。\n2.《东北林业大学学生证管理办法》。`,
      conditions:
        "1.具有东北林业大学正式学籍、本学期已完成注册的学生；\n2.电子学生证与纸质学生证具有同等效力，可用于校内身份核验和校外景区、场馆等学生优惠认证；\n3.铁路学生优惠资质以铁路学生优惠卡为准。",
      materials: [STUDENT_INFO],
      steps: selfServiceSteps("东北林业大学网上办事大厅", "电子学生证"),
      ...SELF_SERVICE,
      ...campusDesk(NEFU, "学生处", true),
      resultName: "电子学生证",
      form: [
        field("mobile", "手机号码", "phone", { help: "用于绑定电子学生证。" }),
        choice("display_language", "显示语言", ["中文", "中英文"]),
      ],
    },
  },
  { org: office(NEFU, "学生处"), basicCode: "0002", powerCode: "XW-002", content: nationalGrant(NEFU) },
  {
    org: office(NEFU, "财务处"),
    basicCode: "0001",
    powerCode: "XW-001",
    content: {
      name: "学费缓交申请（绿色通道）",
      kind: "campus_service",
      audiences: ["person"],
      topic: "资助",
      keywords: ["学费缓交", "绿色通道", "交不起学费", "延期交学费"],
      legalBasis:
        "1.《学生资助资金管理办法》（财教〔2021〕310号）。\n2.《教育部办公厅关于做好家庭经济困难新生入学资助工作的通知》：对家庭经济困难新生，一律先办理入学手续，入学后再根据核实情况分别采取不同措施予以资助。\n3.《东北林业大学学生收费管理办法》。",
      conditions:
        "1.东北林业大学在读学生或者已录取新生；\n2.家庭经济困难，暂时无法足额缴纳学费、住宿费；\n3.已申请或者准备申请国家助学贷款的优先办理；\n4.缓交期限一般不超过当学年结束，缓交期间不影响注册、选课和参加考试。",
      materials: [
        mat("application", "学费缓交申请表", { medium: "electronic" }),
        mat("difficulty_result", "家庭经济困难认定结果", {
          requirement: "optional",
          medium: "electronic",
          source: "government",
          sourceNote: "学校学生资助管理系统",
          notes: "已完成认定的由系统自动获取。",
        }),
        mat("loan_receipt", "生源地信用助学贷款受理证明", {
          requirement: "optional",
          form: "copy",
          source: "government",
          sourceNote: "生源地县级学生资助管理中心",
        }),
      ],
      steps: [
        step("在线申请", "新生报到时或者每学年开学前在学校网上办事大厅提交申请。"),
        step("学院审核", "学院辅导员核实家庭经济情况。"),
        step("资助中心复核", "学生处学生资助管理中心复核。"),
        step("财务处办结", "财务处在收费系统中登记缓交期限，学生正常注册。"),
      ],
      statutoryLimit: wd(10),
      promisedLimit: wd(5),
      visitsRequired: 0,
      onlineDepth: 4,
      fees: [],
      ...campusDesk(NEFU, "财务处"),
      resultName: "学费缓交审批结果",
      form: [
        ...studentFields(),
        field("deferred_amount", "申请缓交金额（元）", "number"),
        field("deferred_until", "承诺缴清日期", "date"),
      ],
    },
  },

  // 哈尔滨师范大学
  { org: office(HRBNU, "教务处"), basicCode: "0001", powerCode: "XW-001", content: enrollmentCertificate(HRBNU) },
  {
    org: office(HRBNU, "教务处"),
    basicCode: "0002",
    powerCode: "XW-003",
    content: {
      name: "师范生教师职业能力证书申领",
      kind: "campus_service",
      audiences: ["person"],
      topic: "教师",
      keywords: ["免试认定教师资格", "师范生免考", "教师职业能力证书", "公费师范生"],
      legalBasis:
        "1.《中华人民共和国教师法》。\n2.《教育部办公厅关于做好教育类研究生和公费师范生免试认定中小学教师资格工作的通知》。\n3.《普通高等学校师范类专业认证实施办法（暂行）》。\n4.《哈尔滨师范大学师范生教育实践管理办法》。",
      conditions:
        "1.哈尔滨师范大学师范类专业（含公费师范生）或者教育类研究生毕业年度学生；\n2.按培养方案修完教师教育课程，教育实习考核合格；\n3.参加学校组织的教师职业能力测试并合格；\n4.普通话水平达到相应等级标准；\n5.取得证书后，可在毕业当年按规定免考中小学教师资格考试，直接申请认定相应教师资格。",
      materials: [
        mat("practice_assessment", "教育实习考核鉴定表", { source: "issuer", sourceNote: "实习学校、学院" }),
        mat("ability_test", "教师职业能力测试成绩", {
          medium: "electronic",
          source: "government",
          sourceNote: "学校教务系统",
          notes: "系统自动获取。",
        }),
        mat("putonghua_certificate", "普通话水平测试等级证书", {
          requirement: "optional",
          medium: "electronic",
          source: "government",
          notes: "系统自动核验，核验不到的上传。",
        }),
      ],
      steps: [
        step("在线申请", "毕业年度3月在学校网上办事大厅提交申请。"),
        step("学院审核", "学院审核教师教育课程修读和教育实习情况。"),
        step("教务处复核", "教务处复核并向全国教师资格管理信息系统推送证书信息。"),
        step("证书发放", "由学院统一发放纸质证书，电子信息同步至认定机构。"),
      ],
      statutoryLimit: wd(20),
      promisedLimit: wd(10),
      visitsRequired: 0,
      onlineDepth: 4,
      fees: [],
      ...campusDesk(HRBNU, "教务处"),
      resultName: "师范生教师职业能力证书",
      form: [
        ...studentFields(),
        field("major", "所学师范专业", "text", { maxLength: 60 }),
        choice("certificate_level", "拟认定资格种类", ["幼儿园", "小学", "初级中学", "高级中学", "中等职业学校"]),
        field("subject", "任教学科", "text", { maxLength: 30 }),
      ],
    },
  },
  { org: office(HRBNU, "学生处"), basicCode: "0001", powerCode: "XW-001", content: studentCardReissue(HRBNU) },
  { org: office(HRBNU, "学生处"), basicCode: "0002", powerCode: "XW-002", content: graduateDispatch(HRBNU) },
  { org: office(HRBNU, "研究生院"), basicCode: "0001", powerCode: "XW-001", content: degreeCertificate(HRBNU) },
];

/** Standards come first: a county item is checked against its standard's published content. */
export const DEMO_ITEMS: DemoItem[] = [
  ...STANDARD_ITEMS,
  ...PROVINCE_ITEMS,
  ...CITY_ITEMS,
  ...COUNTY_ITEMS,
  ...UNIVERSITY_ITEMS,
];
