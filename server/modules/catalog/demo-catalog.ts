/**
 * Demo data for the service-item catalog (事项库) and the power lists (权责清单) the items cite.
 *
 * Every item is written to pass the publication rules, except that file ids (result samples, blank
 * forms, material samples) are left unset: the demo seed generates those files and attaches them.
 * Addresses, phones and staff names are plausible demo values, not real contact details.
 */
import type { PowerKind } from "../../../common/vocabulary.js";
import type { ItemContentInput } from "./catalog.contract.js";

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
  /** Code of a DemoPower of the same org. */
  powerCode: string;
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

function desk(place: string, consultationPhone: string, complaintPhone: string, windowStaff: string, hours = HOURS): Desk {
  return { place, hours, consultationPhone, complaintPhone, windowStaff };
}

/** A material; by default a required original the applicant brings, paper or electronic. */
function mat(key: string, name: string, more: Partial<Material> = {}): Material {
  return { key, name, requirement: "required", form: "original", copies: 1, medium: "either", source: "applicant", ...more };
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
const ONLINE_BY_POST = { visitsRequired: 0, onlineDepth: 3, postalSubmission: true, expressDelivery: true } satisfies Partial<Content>;

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
      "《中华人民共和国中外合作办学条例》（国务院令第372号）第十二条、第十四条至第十七条、第四十条、第四十一条；《中华人民共和国中外合作办学条例实施办法》（教育部令第20号）。",
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
      "《中华人民共和国中外合作办学条例》（国务院令第372号）第六十一条；《中华人民共和国中外合作办学条例实施办法》（教育部令第20号）第三十二条至第三十八条。",
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
      "《中华人民共和国民办教育促进法》第十二条、第十七条、第十八条及第八章；《中华人民共和国民办教育促进法实施条例》（国务院令第741号）；《民办高等学校办学管理若干规定》（教育部令第25号）；《营利性民办学校监督管理实施细则》（教发〔2016〕20号）。",
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
    basis: "《中华人民共和国教师法》第三十九条；《国家教委关于〈中华人民共和国教师法〉若干问题的实施意见》（教人〔1995〕81号）。",
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
      "《中华人民共和国兵役法》第五十九条；《学生资助资金管理办法》（财教〔2021〕310号）“服兵役高等学校学生国家教育资助”有关规定。",
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
    basis: "《〈教师资格条例〉实施办法》（教育部令第10号）第二十四条；《教育部关于做好教师资格证书补发换发工作的通知》。",
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
    basis: "《中华人民共和国教师法》第十三条；《教师资格条例》（国务院令第188号）第十三条；《〈教师资格条例〉实施办法》（教育部令第10号）。",
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
      "《中华人民共和国民办教育促进法》第十二条、第十七条、第十八条及第八章“变更与终止”；《中华人民共和国民办教育促进法实施条例》（国务院令第741号）。",
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
    basis: "《〈教师资格条例〉实施办法》（教育部令第10号）第二十四条。",
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
    basis: "《校外培训行政处罚暂行办法》（教育部令第53号）；《中华人民共和国民办教育促进法》第六十四条；《中华人民共和国行政处罚法》。",
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
    basis: "《中华人民共和国教师法》第十三条；《教师资格条例》（国务院令第188号）第十三条；《〈教师资格条例〉实施办法》（教育部令第10号）。",
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
    basis: "《中华人民共和国教师法》第三十九条；《国家教委关于〈中华人民共和国教师法〉若干问题的实施意见》（教人〔1995〕81号）。",
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
      "《中华人民共和国民办教育促进法》第十二条；《国务院办公厅关于规范校外培训机构发展的意见》（国办发〔2018〕80号）；《黑龙江省校外培训机构设置标准》。",
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
      "《中华人民共和国民办教育促进法》第十二条及第八章“变更与终止”；《中华人民共和国民办教育促进法实施条例》（国务院令第741号）。",
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
    basis: "《中华人民共和国教师法》第十三条；《教师资格条例》（国务院令第188号）第十三条；《〈教师资格条例〉实施办法》（教育部令第10号）。",
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
      "《中华人民共和国学前教育法》；《中华人民共和国民办教育促进法》第十二条；《幼儿园管理条例》（国家教育委员会令第4号）；《幼儿园工作规程》（教育部令第39号）。",
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
    basis: "《中华人民共和国教师法》第十三条；《教师资格条例》（国务院令第188号）第十三条；《〈教师资格条例〉实施办法》（教育部令第10号）。",
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
    basis: "《中华人民共和国义务教育法》第十一条；《中小学生学籍管理办法》（教基一〔2013〕7号）第十九条。",
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
