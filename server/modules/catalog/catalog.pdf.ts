import { feeText, limitText, promiseText, visitsText } from "../../../common/format.js";
import {
  AUDIENCE_LABELS,
  FORM_FIELD_TYPE_LABELS,
  ITEM_KIND_LABELS,
  MATERIAL_FORM_LABELS,
  MATERIAL_MEDIUM_LABELS,
  MATERIAL_REQUIREMENT_LABELS,
  MATERIAL_SOURCE_LABELS,
  ONLINE_DEPTH_LABELS,
  REFORM_MODE_LABELS,
} from "../../../common/vocabulary.js";
import type { PdfBlock, PdfDocumentSpec } from "../../platform/pdf.js";
import type { CatalogService } from "./catalog.service.js";

type Guide = Awaited<ReturnType<CatalogService["getGuide"]>>;

const yesNo = (value: boolean) => (value ? "支持" : "不支持");

/** The guide as a printable document: the same sections, in the same order, as the guide page. */
export function guideDocument(guide: Guide): PdfDocumentSpec {
  const { item, content: c, power } = guide;
  const situations = new Map(c.situations.map((s) => [s.key, s.name]));
  const published = guide.publishedAt ? `${guide.publishedAt.slice(0, 10)} 发布` : "";
  const blocks: PdfBlock[] = [
    { kind: "title", text: c.name },
    {
      kind: "subtitle",
      text: ["办事指南", item.orgName, `事项编码 ${item.code}`, `第 ${item.versionNo} 版`, published].join("  "),
    },
    { kind: "heading", text: "基本信息" },
    {
      kind: "fields",
      rows: [
        ["事项类型", ITEM_KIND_LABELS[c.kind]],
        ["服务对象", c.audiences.map((a) => AUDIENCE_LABELS[a]).join("、")],
        ["实施机构", item.orgName],
        ["对应权力事项", power ? `${power.name}（${power.code}）` : "—"],
        ["承诺办结时限", promiseText(c.promisedLimit)],
        ["法定办结时限", limitText(c.statutoryLimit)],
        ["到现场次数", visitsText(c.visitsRequired)],
        ...(c.visitsRequired > 0 ? [["到现场原因", c.visitsReason] as [string, string]] : []),
        ["网办深度", ONLINE_DEPTH_LABELS[c.onlineDepth] ?? ""],
        ["收费", feeText(c.fees)],
        ...(c.fees.length > 0 ? [["收费依据", c.fees.map((f) => f.basis).join("；")] as [string, string]] : []),
        ...(c.reformMode !== "none" ? [["证照分离改革", REFORM_MODE_LABELS[c.reformMode]] as [string, string]] : []),
        ["自助办理", c.selfService ? "可自助办理，24 小时可办" : "否"],
        ["设定依据", c.legalBasis],
        ["受理条件", c.conditions],
      ],
    },
  ];
  if (c.situations.length > 0) {
    blocks.push(
      { kind: "heading", text: "办理情形" },
      { kind: "fields", rows: c.situations.map((s) => [s.name, s.description || "—"]) },
    );
  }
  blocks.push(
    { kind: "heading", text: `申请材料（${c.materials.length} 项）` },
    {
      kind: "table",
      columns: [
        { title: "序号", weight: 6 },
        { title: "材料名称", weight: 25 },
        { title: "要求", weight: 9 },
        { title: "形式与份数", weight: 12 },
        { title: "载体", weight: 8 },
        { title: "来源", weight: 16 },
        { title: "说明", weight: 24 },
      ],
      rows: c.materials.map((m, i) => [
        String(i + 1),
        m.situationKeys.length > 0
          ? `${m.name}\n（适用情形：${m.situationKeys.map((k) => situations.get(k)).join("、")}）`
          : m.name,
        MATERIAL_REQUIREMENT_LABELS[m.requirement],
        `${MATERIAL_FORM_LABELS[m.form]} ${m.copies} 份`,
        MATERIAL_MEDIUM_LABELS[m.medium],
        [MATERIAL_SOURCE_LABELS[m.source], m.sourceNote].filter(Boolean).join("："),
        m.notes,
      ]),
    },
  );
  if (c.form.length > 0) {
    blocks.push(
      { kind: "heading", text: "申请表（网上申请时填写）" },
      {
        kind: "table",
        columns: [
          { title: "填写项", weight: 24 },
          { title: "类型", weight: 20 },
          { title: "必填", weight: 8 },
          { title: "填写提示", weight: 48 },
        ],
        rows: c.form.map((f) => [
          f.label,
          f.type === "choice"
            ? `${FORM_FIELD_TYPE_LABELS[f.type]}：${f.options.join("、")}`
            : FORM_FIELD_TYPE_LABELS[f.type],
          f.required ? "是" : "否",
          f.help,
        ]),
      },
    );
  }
  blocks.push(
    { kind: "heading", text: "办理流程" },
    { kind: "fields", rows: c.steps.map((s, i) => [`${i + 1}. ${s.name}`, s.description || "—"]) },
    { kind: "heading", text: "办理地点与联系方式" },
    {
      kind: "fields",
      rows: [
        ["办理地点", c.place],
        ["办理时间", c.hours],
        ["咨询电话", c.consultationPhone],
        ["监督投诉电话", c.complaintPhone],
        ["窗口负责人", c.windowStaff],
        ["邮寄申请", yesNo(c.postalSubmission)],
      ],
    },
    { kind: "heading", text: "办理结果" },
    {
      kind: "fields",
      rows: [
        ["结果名称", c.resultName],
        ["快递送达", yesNo(c.expressDelivery)],
        ["网上支付", c.onlinePayment ? "支持" : c.fees.length ? "不支持" : "不涉及"],
      ],
    },
  );
  if (c.reformMode === "commitment") {
    blocks.push({ kind: "heading", text: "告知承诺书" }, { kind: "paragraph", text: c.commitmentText });
  }
  return {
    title: `${c.name}办事指南`,
    blocks,
    footer: `${item.orgName} · 咨询电话 ${c.consultationPhone || "—"}`,
  };
}
