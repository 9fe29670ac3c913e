import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, List, Row, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { promiseText } from "../../common/format";
import { api, call } from "../api/client";
import type { components } from "../api/schema";
import { useAction } from "../api/use-action";
import { FormFieldItems, toSubmission } from "../components/application-form";

type BundleGuide = components["schemas"]["BundleGuide"];

/** 办好一件事: the published bundles, each one application for several items across departments. */
export function BundlesPage() {
  const list = useQuery({ queryKey: ["bundles"], queryFn: () => call(api.GET("/api/bundles")) });
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>办好一件事</Typography.Title>
      <Typography.Paragraph type="secondary">
        把多个部门的多个事项合成“一件事”：填一张表、交一套材料，各部门同时或按先后办理，一个状态、一个办结日期、结果一并送达。
      </Typography.Paragraph>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {list.isPending && <Card loading />}
      {list.data && list.data.length === 0 && <Empty description="暂无可办理的一件事" />}
      <Row gutter={[16, 16]}>
        {(list.data ?? []).map((b) => (
          <Col xs={24} md={12} key={b.id}>
            <Card style={{ height: "100%" }}>
              <Typography.Title level={3} style={{ marginTop: 0 }}>
                <Link to={`/bundles/${b.id}`}>{b.name}</Link>
              </Typography.Title>
              <Typography.Paragraph>{b.description}</Typography.Paragraph>
              {b.audience && <Typography.Paragraph type="secondary">适用对象：{b.audience}</Typography.Paragraph>}
              <Space wrap size={[4, 4]} className="block">
                <Tag color="blue">{b.itemCount} 个事项</Tag>
                {b.orgNames.map((name) => (
                  <Tag key={name}>{name}</Tag>
                ))}
              </Space>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}

function useBundleGuide(id: string) {
  return useQuery({
    queryKey: ["bundle-guide", id],
    queryFn: () => call(api.GET("/api/bundles/{id}", { params: { path: { id } } })),
  });
}

/** The items of a bundle: who handles each, in how long, and what it waits for. */
function BundleItems({ guide }: { guide: BundleGuide }) {
  return (
    <List
      dataSource={guide.items}
      renderItem={(item, index) => (
        <List.Item>
          <List.Item.Meta
            title={
              <Space wrap size={4}>
                <span>
                  {index + 1}. {item.label}
                </span>
                {item.after ? (
                  <Tag color="orange">在“{item.afterLabel ?? item.after}”办结后办理</Tag>
                ) : (
                  <Tag color="green">同时办理</Tag>
                )}
              </Space>
            }
            description={
              <Space wrap size={4}>
                <Link to={`/items/${item.itemId}`}>{item.itemName}</Link>
                <span>· {item.orgName}</span>
                <span>· 承诺时限 {promiseText(item.promisedLimit)}</span>
                {item.resultName && <span>· 办理结果：{item.resultName}</span>}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}

/** 一件事办事指南: what the bundle covers, how long it takes in all, what happens on a denial, what to prepare. */
export function BundleGuidePage() {
  const { id = "" } = useParams();
  const guide = useBundleGuide(id);
  if (guide.error) return <Alert type="error" showIcon title={guide.error.message} />;
  if (!guide.data) return <Card loading />;
  const g = guide.data;
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>{g.name}</Typography.Title>
      <Typography.Paragraph>{g.description}</Typography.Paragraph>
      <Descriptions column={1} bordered size="small" className="block">
        {g.audience && <Descriptions.Item label="适用对象">{g.audience}</Descriptions.Item>}
        <Descriptions.Item label="牵头单位">{g.orgName}</Descriptions.Item>
        <Descriptions.Item label="整体承诺时限">
          {g.combinedLimit.text}
          {g.combinedLimit.chain.length > 1 && (
            <Typography.Text type="secondary">（按先后顺序：{g.combinedLimit.chain.join(" → ")}）</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="某一事项未获办理时">{g.onDenialLabel}</Descriptions.Item>
      </Descriptions>
      <Space wrap className="block">
        <Link to={`/bundles/${g.id}/apply`}>
          <Button type="primary" size="large">
            一次申请
          </Button>
        </Link>
        <Typography.Text type="secondary">
          填一张申请表（共 {g.fields.length} 项，每项只填一次），交一套材料
        </Typography.Text>
      </Space>
      <Card title={`包含的事项（${g.items.length} 项）`} className="block">
        <BundleItems guide={g} />
      </Card>
      <Card title="申请材料（一次提交，各事项共用）" className="block">
        <List
          dataSource={g.materials}
          locale={{ emptyText: "无需提交材料" }}
          renderItem={(m) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <span>{m.name}</span>
                    <Tag color={m.required ? "red" : "default"}>{m.required ? "必须提交" : "按情况提交"}</Tag>
                  </Space>
                }
                description={
                  <>
                    {m.notes && <div>{m.notes}</div>}
                    <Typography.Text type="secondary">用于：{m.usedBy.join("、")}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Link to="/bundles">返回办好一件事</Link>
    </div>
  );
}

/** 一次申请: the merged form; the bundle case is made as a draft, then materials are uploaded and it is submitted. */
export function BundleApplyPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const { busy, run } = useAction();
  const guide = useBundleGuide(id);
  if (guide.error) return <Alert type="error" showIcon title={guide.error.message} />;
  if (!guide.data) return <Card loading />;
  const g = guide.data;

  async function send() {
    await form.validateFields();
    await run(
      async () => {
        const created = await call(
          api.POST("/api/bundles/{id}/apply", {
            params: { path: { id } },
            body: { idempotencyKey, form: toSubmission(form.getFieldsValue()) },
          }),
        );
        void message.success(`申请表已保存（编号 ${created.number}），请上传材料后提交`);
        void navigate(`/me/bundles/${created.id}`);
      },
      { failure: "申请失败", form },
    );
  }

  return (
    <div className="narrow-page">
      <Typography.Title level={2}>一次申请：{g.name}</Typography.Title>
      <Typography.Paragraph type="secondary">
        本件事包含 {g.items.length} 个事项（{g.items.map((i) => i.label).join("、")}
        ），以下申请表每项只填一次，自动填入各事项。整体承诺时限 {g.combinedLimit.text}。
        <Link to={`/bundles/${id}`}>查看一件事指南</Link>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        <Card title="申请表" className="block">
          <FormFieldItems
            fields={g.fields}
            extra={(f) => {
              const usedBy = g.fields.find((x) => x.key === f.key)?.usedBy ?? [];
              return usedBy.length > 1 ? `同时用于：${usedBy.join("、")}` : "";
            }}
          />
        </Card>
        <Card title="申请材料" className="block">
          <List
            size="small"
            dataSource={g.materials}
            locale={{ emptyText: "无需提交材料" }}
            renderItem={(m) => (
              <List.Item>
                <span>
                  {m.name}（{m.required ? "必须提交" : "按情况提交"}）
                </span>
              </List.Item>
            )}
          />
          <Typography.Paragraph type="secondary">
            下一步上传材料：申请表先保存为草稿，每份材料只上传一次，自动用于需要它的各个事项；材料齐全后提交。
          </Typography.Paragraph>
        </Card>
        <Button type="primary" size="large" loading={busy} onClick={() => void send()}>
          下一步：上传材料
        </Button>
      </Form>
    </div>
  );
}
