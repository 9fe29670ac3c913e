import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Form, Input, Result, Select, Space, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router";
import { promiseText } from "../../common/format";
import { api, call } from "../api/client";
import { useAction } from "../api/use-action";
import { ApplicationFields, toSubmission } from "../components/application-form";

type Applicant = { id: string; name: string; idNumber: string | null; phone: string | null };

/** Finds the applicant by ID number or phone, or registers a walk-in with real-name details. */
function ApplicantPicker({ value, onPick }: { value: Applicant | null; onPick: (a: Applicant | null) => void }) {
  const { message } = App.useApp();
  const [query, setQuery] = useState("");
  const [registering, setRegistering] = useState(false);
  const found = useQuery({
    queryKey: ["applicant-lookup", query],
    enabled: query.length > 0,
    queryFn: () => call(api.GET("/api/applicants", { params: { query: { q: query, page: 1, pageSize: 5 } } })),
  });

  async function register(values: { name: string; idNumber: string; phone: string }) {
    try {
      const created = await call(
        api.POST("/api/applicants", {
          body: { phone: values.phone, signUp: { kind: "person", name: values.name, idNumber: values.idNumber } },
        }),
      );
      onPick({ id: created.id, name: created.name, idNumber: null, phone: null });
      void message.success(`已登记申请人 ${created.name}`);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "登记失败");
    }
  }

  if (value) {
    return (
      <Space wrap>
        <Typography.Text strong>{value.name}</Typography.Text>
        {value.idNumber && <Typography.Text type="secondary">{value.idNumber}</Typography.Text>}
        <Button size="small" onClick={() => onPick(null)}>
          更换申请人
        </Button>
      </Space>
    );
  }
  return (
    <Space direction="vertical" className="full-width">
      <Input.Search
        aria-label="身份证号或手机号"
        placeholder="输入完整的身份证号或手机号"
        enterButton="查找"
        allowClear
        onSearch={(q) => setQuery(q.trim())}
      />
      {found.data?.items.map((a) => (
        <Button key={a.id} block onClick={() => onPick(a)}>
          {a.name} {a.idNumber ?? ""} {a.phone ?? ""}
        </Button>
      ))}
      {found.data && found.data.items.length === 0 && !registering && (
        <Alert
          type="info"
          showIcon
          message="未找到该申请人"
          action={
            <Button size="small" onClick={() => setRegistering(true)}>
              现场登记
            </Button>
          }
        />
      )}
      {registering && (
        <Form layout="inline" onFinish={register}>
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: "请输入姓名" }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="idNumber" label="身份证号" rules={[{ required: true, message: "请输入身份证号" }]}>
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="phone" label="手机号" rules={[{ required: true, message: "请输入手机号" }]}>
            <Input maxLength={11} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            登记
          </Button>
        </Form>
      )}
    </Space>
  );
}

/** 一窗受理: a clerk of any window takes an application for any item in the province on the applicant's behalf. */
export function IntakePage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [applicant, setApplicant] = useState<Applicant | null>(null);
  const [itemQuery, setItemQuery] = useState("");
  const [itemId, setItemId] = useState<string>();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const { busy, run } = useAction();
  const items = useQuery({
    queryKey: ["intake-items", itemQuery],
    queryFn: () =>
      call(api.GET("/api/catalog/items", { params: { query: { q: itemQuery || undefined, page: 1, pageSize: 20 } } })),
  });
  const guide = useQuery({
    queryKey: ["guide", itemId],
    enabled: Boolean(itemId),
    queryFn: () => call(api.GET("/api/catalog/items/{id}/guide", { params: { path: { id: itemId ?? "" } } })),
  });

  async function submit() {
    if (!applicant || !itemId) return;
    const { situationKeys = [], ...answers } = await form.validateFields();
    await run(
      async () => {
        const created = await call(
          api.POST("/api/workbench/intake", {
            body: {
              applicantId: applicant.id,
              itemId,
              idempotencyKey,
              form: toSubmission(answers),
              situationKeys,
              submit: true,
            },
          }),
        );
        void message.success(`已录入，办件编号 ${created.number}`);
        void navigate(`/workbench/cases/${created.id}`);
      },
      { failure: "录入失败", form },
    );
  }

  return (
    <div className="narrow-page wide">
      <Typography.Title level={2}>一窗受理</Typography.Title>
      <Typography.Paragraph type="secondary">
        任一窗口可为申请人办理全省任一事项：录入后由实施机构审查，申请人可在网上查看同一办件。
      </Typography.Paragraph>
      <Card title="1. 申请人" className="block">
        <ApplicantPicker value={applicant} onPick={setApplicant} />
      </Card>
      <Card title="2. 办理事项" className="block">
        <Select
          aria-label="办理事项"
          className="full-width"
          showSearch
          filterOption={false}
          placeholder="输入事项名称或说法搜索，如“转学”“教师资格”"
          onSearch={setItemQuery}
          value={itemId}
          onChange={(id) => {
            setItemId(id);
            form.resetFields();
          }}
          options={(items.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.orgName}）` }))}
        />
        {guide.data && (
          <Descriptions size="small" className="block-top" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label="实施机构">{guide.data.item.orgName}</Descriptions.Item>
            <Descriptions.Item label="承诺时限">{promiseText(guide.data.content.promisedLimit)}</Descriptions.Item>
            <Descriptions.Item label="材料">
              {guide.data.content.materials.length} 项（录入后扫描上传）
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {!applicant || !guide.data ? (
        <Result status="info" title="请先确定申请人和办理事项" />
      ) : (
        <Form form={form} layout="vertical">
          <ApplicationFields content={guide.data.content} />
          <Button type="primary" size="large" loading={busy} onClick={() => void submit()}>
            录入并提交
          </Button>
        </Form>
      )}
    </div>
  );
}
