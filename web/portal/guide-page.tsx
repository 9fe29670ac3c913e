import { FilePdfOutlined, PrinterOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
} from "antd";
import { Link, useParams } from "react-router";
import { feeText, limitText, promiseText, visitsText } from "../../common/format";
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
} from "../../common/vocabulary";
import { ApiError, api, call } from "../api/client";
import type { components } from "../api/schema";
import { ItemList } from "../components/item-list";
import { ItemFaq } from "./item-faq";

type Guide = components["schemas"]["Guide"];
type Material = Guide["content"]["materials"][number];

function FileLink({ id, label }: { id: string | null; label: string }) {
  return id ? (
    <a href={`/api/files/${id}`} download>
      {label}
    </a>
  ) : null;
}

function MaterialsTable({ guide }: { guide: Guide }) {
  const situations = new Map(guide.content.situations.map((s) => [s.key, s.name]));
  return (
    <Table<Material>
      rowKey="key"
      size="small"
      pagination={false}
      scroll={{ x: 980 }}
      dataSource={guide.content.materials}
      columns={[
        { title: "序号", key: "n", width: 56, render: (_, __, i) => i + 1 },
        {
          title: "材料名称",
          dataIndex: "name",
          width: 220,
          render: (name: string, m) => (
            <>
              <div>{name}</div>
              {m.situationKeys.length > 0 && (
                <Typography.Text type="secondary">
                  适用情形：{m.situationKeys.map((k) => situations.get(k)).join("、")}
                </Typography.Text>
              )}
              {(m.licenceTypes ?? []).length > 0 && (
                <div>
                  <Typography.Text type="success">可用电子证照代替：{m.licenceTypes?.join("、")}</Typography.Text>
                </div>
              )}
            </>
          ),
        },
        {
          title: "要求",
          dataIndex: "requirement",
          width: 90,
          render: (r: Material["requirement"]) => (
            <Tag color={r === "required" ? "red" : r === "deferrable" ? "gold" : "default"}>
              {MATERIAL_REQUIREMENT_LABELS[r]}
            </Tag>
          ),
        },
        {
          title: "形式与份数",
          key: "form",
          width: 130,
          render: (_, m) => `${MATERIAL_FORM_LABELS[m.form]} ${m.copies} 份`,
        },
        {
          title: "载体",
          dataIndex: "medium",
          width: 100,
          render: (v: Material["medium"]) => MATERIAL_MEDIUM_LABELS[v],
        },
        {
          title: "来源",
          key: "source",
          width: 150,
          render: (_, m) => [MATERIAL_SOURCE_LABELS[m.source], m.sourceNote].filter(Boolean).join("："),
        },
        {
          title: "表格与示范文本",
          key: "files",
          width: 130,
          render: (_, m) => (
            <Space direction="vertical" size={0}>
              <FileLink id={m.blankFormFileId} label="空白表格" />
              <FileLink id={m.sampleFileId} label="示范文本" />
              {!m.blankFormFileId && !m.sampleFileId && <Typography.Text type="secondary">—</Typography.Text>}
            </Space>
          ),
        },
        { title: "说明", dataIndex: "notes", render: (n: string) => n || "—" },
      ]}
    />
  );
}

/** 办事指南: every element of an item as in force, printable on A4. */
export function GuidePage() {
  const { id = "" } = useParams();
  const guide = useQuery({
    queryKey: ["guide", id],
    queryFn: () => call(api.GET("/api/catalog/items/{id}/guide", { params: { path: { id } } })),
    retry: false,
  });
  if (guide.error) {
    const notFound = guide.error instanceof ApiError && guide.error.status < 500;
    return (
      <Result
        status={notFound ? "404" : "error"}
        title={notFound ? "事项不存在或已取消" : "加载失败"}
        subTitle={guide.error.message}
        extra={<Link to="/search">返回找服务</Link>}
      />
    );
  }
  if (!guide.data) return <Card loading />;
  const { item, content: c, power, figures } = guide.data;

  return (
    <article className="guide">
      <header className="guide-header">
        <Typography.Title level={1} className="guide-title">
          {c.name}
        </Typography.Title>
        <Space wrap>
          <Tag color="blue">{ITEM_KIND_LABELS[c.kind]}</Tag>
          {c.audiences.map((a) => (
            <Tag key={a}>{AUDIENCE_LABELS[a]}</Tag>
          ))}
          {c.selfService && <Tag color="green">自助办理 · 24小时可办</Tag>}
          {c.reformMode !== "none" && <Tag color="purple">证照分离：{REFORM_MODE_LABELS[c.reformMode]}</Tag>}
          {guide.data.standardItemId && (
            <Link to={`/items/${guide.data.standardItemId}`}>
              <Tag color="purple">执行全省统一标准</Tag>
            </Link>
          )}
          <Typography.Text type="secondary">
            实施机构：<Link to={`/orgs/${item.orgId}`}>{item.orgName}</Link> · 事项编码：{item.code} · 第{" "}
            {item.versionNo} 版
            {guide.data.publishedAt && ` · ${new Date(guide.data.publishedAt).toLocaleDateString("zh-CN")} 发布`}
          </Typography.Text>
        </Space>
        <Space className="guide-actions no-print" wrap>
          {!item.standard && c.reformMode !== "abolished" && (
            <Link to={`/items/${item.id}/apply`}>
              <Button type="primary" size="large">
                {c.reformMode === "filing" ? "在线备案" : "在线申请"}
              </Button>
            </Link>
          )}
          <Button size="large" icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印办事指南
          </Button>
          <Button size="large" icon={<FilePdfOutlined />} href={`/api/catalog/items/${item.id}/guide.pdf`} download>
            下载 PDF
          </Button>
        </Space>
        {item.standard && (
          <Alert
            type="info"
            showIcon
            className="block-top"
            message="省级标准事项（同事同标）"
            description="全省按同一标准办理：条件、材料、时限和流程相同。请向所在地的实施机构申请，见下方“各地实施”。"
          />
        )}
        {c.reformMode === "abolished" && (
          <Alert type="warning" showIcon message="该审批已直接取消，无需申请。" className="block-top" />
        )}
      </header>

      <Row gutter={[16, 16]} className="guide-figures">
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="承诺办结时限" value={promiseText(c.promisedLimit)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="法定办结时限" value={limitText(c.statutoryLimit)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="到现场次数" value={visitsText(c.visitsRequired)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="网办深度" value={ONLINE_DEPTH_LABELS[c.onlineDepth]} />
          </Card>
        </Col>
      </Row>
      {figures.daysCut > 0 && (
        <Alert
          className="block-top"
          type="success"
          showIcon
          message={`比法定时限减少 ${figures.daysCut} 天${figures.materialsCut > 0 ? `，比上一版减少必要材料 ${figures.materialsCut} 项` : ""}`}
        />
      )}

      {guide.data.localCopies.length > 0 && (
        <Card title="各地实施" className="guide-section">
          <ItemList items={guide.data.localCopies} loading={false} empty="暂无" />
        </Card>
      )}

      <Card title="基本信息" className="guide-section">
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label="对应权力事项">
            {power ? <Link to={`/orgs/${item.orgId}/powers`}>{`${power.name}（${power.code}）`}</Link> : "—"}
          </Descriptions.Item>
          <Descriptions.Item label="收费">{feeText(c.fees)}</Descriptions.Item>
          <Descriptions.Item label="设定依据" span={2}>
            <div className="pre">{c.legalBasis}</div>
          </Descriptions.Item>
          <Descriptions.Item label="受理条件" span={2}>
            <div className="pre">{c.conditions}</div>
          </Descriptions.Item>
          {c.visitsRequired > 0 && (
            <Descriptions.Item label="到现场原因" span={2}>
              {c.visitsReason}
            </Descriptions.Item>
          )}
          {c.fees.length > 0 && (
            <Descriptions.Item label="收费依据" span={2}>
              {c.fees.map((f) => f.basis).join("；")}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      {c.situations.length > 0 && (
        <Card title="办理情形" className="guide-section">
          <ul className="plain-list">
            {c.situations.map((s) => (
              <li key={s.key}>
                <strong>{s.name}</strong>
                {s.description && `：${s.description}`}
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card title={`申请材料（${c.materials.length} 项）`} className="guide-section">
        <MaterialsTable guide={guide.data} />
      </Card>

      <Card title="申请表（网上申请时填写）" className="guide-section">
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          {c.form.map((f) => (
            <Descriptions.Item key={f.key} label={`${f.label}${f.required ? "（必填）" : ""}`}>
              {FORM_FIELD_TYPE_LABELS[f.type]}
              {f.type === "choice" && `：${f.options.join("、")}`}
              {f.help && <div className="guide-step-text">{f.help}</div>}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Card>

      <Card title="办理流程" className="guide-section">
        <Steps
          direction="vertical"
          size="small"
          current={-1}
          items={c.steps.map((s) => ({ title: s.name, description: s.description }))}
        />
      </Card>

      <Card title="办理地点与联系方式" className="guide-section">
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label="办理地点" span={2}>
            {c.place}
          </Descriptions.Item>
          <Descriptions.Item label="办理时间" span={2}>
            {c.hours}
          </Descriptions.Item>
          <Descriptions.Item label="咨询电话">{c.consultationPhone}</Descriptions.Item>
          <Descriptions.Item label="监督投诉电话">{c.complaintPhone}</Descriptions.Item>
          <Descriptions.Item label="窗口负责人">{c.windowStaff || "—"}</Descriptions.Item>
          <Descriptions.Item label="邮寄申请">{c.postalSubmission ? "支持" : "不支持"}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="办理结果" className="guide-section">
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
          <Descriptions.Item label="结果名称">{c.resultName || "—"}</Descriptions.Item>
          <Descriptions.Item label="结果样本">
            <FileLink id={c.resultSampleFileId} label="下载样本" />
          </Descriptions.Item>
          <Descriptions.Item label="快递送达">{c.expressDelivery ? "支持" : "不支持"}</Descriptions.Item>
          <Descriptions.Item label="网上支付">
            {c.onlinePayment ? "支持" : c.fees.length ? "不支持" : "不涉及"}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {!item.standard && <ItemFaq itemId={item.id} itemName={c.name} />}

      {c.reformMode === "commitment" && (
        <Card title="告知承诺书" className="guide-section">
          <div className="pre">{c.commitmentText}</div>
        </Card>
      )}
    </article>
  );
}
