import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Radio,
  Result,
  Switch,
  Tabs,
  TreeSelect,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import {
  COMPLAINT_KIND_LABELS,
  COMPLAINT_KINDS,
  COMPLAINT_TARGET_LABELS,
  COMPLAINT_TARGETS,
  type ComplaintTarget,
} from "../../common/vocabulary";
import { api, call, ensureCsrfCookie, postFile } from "../api/client";
import { CaptchaField } from "../components/captcha-field";
import { ComplaintProgressView } from "../components/complaint-progress";
import { orgSubtree, useOrgs } from "../components/org-tree";
import { useSession } from "../components/session";

/** 投诉举报: submit (named, or anonymous with a tracking code), then follow it by the code. */
export function ComplaintsPage() {
  const [tracking, setTracking] = useState<string | null>(null);
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>投诉举报</Typography.Title>
      <Typography.Paragraph type="secondary">
        对办事服务不满意，或发现违规收费、吃拿卡要等问题，都可以在这里投诉举报。有诉必查，查实必处；可以匿名，匿名时平台不保留您的任何个人信息。
      </Typography.Paragraph>
      <Tabs
        activeKey={tracking === null ? "submit" : "track"}
        onChange={(key) => setTracking(key === "track" ? "" : null)}
        items={[
          { key: "submit", label: "我要投诉举报", children: <ComplaintForm onTrack={setTracking} /> },
          { key: "track", label: "查询办理进度", children: <Tracker initial={tracking ?? ""} /> },
        ]}
      />
    </div>
  );
}

function ComplaintForm({ onTrack }: { onTrack: (code: string) => void }) {
  const { message } = App.useApp();
  const user = useSession().data?.user;
  const applicant = Boolean(user && user.kind !== "staff");
  const [form] = Form.useForm();
  const target = Form.useWatch(["targetType"], form) as ComplaintTarget | undefined;
  const orgs = useOrgs();
  const root = orgs.data?.find((o) => o.parentId === null);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<{ number: string; trackingCode: string } | null>(null);
  const [files, setFiles] = useState<string[]>([]);
  const captcha = useQuery({
    queryKey: ["complaints-captcha"],
    queryFn: () => call(api.GET("/api/complaints/captcha")),
    staleTime: 0,
  });

  async function submit(values: Record<string, string | boolean>) {
    if (!captcha.data) return;
    setSending(true);
    setFailure(null);
    const type = values.targetType as ComplaintTarget;
    const targetOf = {
      org: { type: "org" as const, orgId: String(values.orgId) },
      case: { type: "case" as const, caseNumber: String(values.caseNumber) },
      school: { type: "school" as const, orgId: String(values.orgId), name: String(values.targetName) },
      person: { type: "person" as const, orgId: String(values.orgId), name: String(values.targetName) },
    };
    try {
      await ensureCsrfCookie();
      const done = await call(
        api.POST("/api/complaints", {
          body: {
            kind: values.kind as "complaint" | "report",
            target: targetOf[type],
            title: String(values.title),
            content: String(values.content),
            anonymous: !applicant || Boolean(values.anonymous),
            captchaToken: captcha.data.token,
            captchaAnswer: String(values.captchaAnswer),
          },
        }),
      );
      setSubmitted(done);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : "提交失败，请稍后重试");
      form.setFieldValue("captchaAnswer", "");
      void captcha.refetch();
    } finally {
      setSending(false);
    }
  }

  async function attach(file: File) {
    if (!submitted) return;
    try {
      await postFile(`/api/complaint-tracking/${submitted.trackingCode}/attachments`, file);
      setFiles((list) => [...list, file.name]);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "上传失败");
    }
  }

  if (submitted) {
    return (
      <Card>
        <Result
          status="success"
          title="已提交"
          subTitle={`编号 ${submitted.number}。请牢记下面的查询码：凭它查看办理进度和答复，平台不会再次显示。`}
          extra={[
            <div key="code">
              查询码：<strong className="tracking-code">{submitted.trackingCode}</strong>
            </div>,
            <Button key="track" type="primary" onClick={() => onTrack(submitted.trackingCode)}>
              查看办理进度
            </Button>,
          ]}
        />
        <Typography.Paragraph>
          如有照片、票据等证据，可在开始核查前补充（PDF、图片或 Word，每个不超过 10 MB，最多 5 个）：
        </Typography.Paragraph>
        <Upload
          showUploadList={false}
          accept=".pdf,.jpg,.jpeg,.png,.doc,.docx"
          beforeUpload={(file) => {
            void attach(file);
            return false;
          }}
        >
          <Button>上传附件</Button>
        </Upload>
        {files.length > 0 && (
          <Typography.Paragraph className="block-top">已上传：{files.join("、")}</Typography.Paragraph>
        )}
      </Card>
    );
  }

  return (
    <Card>
      {!applicant && (
        <Alert
          type="info"
          showIcon
          className="block"
          message="您未登录，将以匿名方式提交"
          description="实名投诉举报请先登录；答复会以站内消息和短信通知您。"
        />
      )}
      {failure && <Alert type="error" showIcon className="block" message={failure} role="alert" />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{ kind: "complaint", targetType: "org", anonymous: !applicant }}
      >
        <Form.Item name="kind" label="类型">
          <Radio.Group options={COMPLAINT_KINDS.map((k) => ({ value: k, label: COMPLAINT_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="targetType" label="对象">
          <Radio.Group options={COMPLAINT_TARGETS.map((k) => ({ value: k, label: COMPLAINT_TARGET_LABELS[k] }))} />
        </Form.Item>
        {target === "case" ? (
          <Form.Item
            name="caseNumber"
            label="办件编号"
            rules={[{ required: true, whitespace: true, message: "请填写办件编号" }]}
          >
            <Input maxLength={60} placeholder="见受理通知书或“我的办件”" />
          </Form.Item>
        ) : (
          <Form.Item
            name="orgId"
            label={
              target === "org" ? "被投诉单位" : target === "school" ? "学校或机构的主管教育部门" : "工作人员所在单位"
            }
            rules={[{ required: true, message: "请选择单位" }]}
          >
            <TreeSelect
              showSearch
              treeNodeFilterProp="title"
              treeDefaultExpandAll={false}
              treeData={orgSubtree(orgs.data ?? [], root?.id)}
              placeholder="请选择，可输入名称搜索"
            />
          </Form.Item>
        )}
        {(target === "school" || target === "person") && (
          <Form.Item
            name="targetName"
            label={target === "school" ? "学校或机构名称" : "工作人员姓名或工号"}
            rules={[{ required: true, whitespace: true, message: "请填写" }]}
          >
            <Input maxLength={target === "school" ? 60 : 30} />
          </Form.Item>
        )}
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: "请填写标题" }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="content"
          label="具体内容"
          rules={[{ required: true, whitespace: true, message: "请写明时间、地点和经过" }]}
        >
          <Input.TextArea rows={6} maxLength={3000} showCount placeholder="请写明时间、地点、经过和您的诉求" />
        </Form.Item>
        {applicant && (
          <Form.Item
            name="anonymous"
            label="匿名提交"
            valuePropName="checked"
            extra="匿名时不记录您的身份，只能凭查询码查看进度"
          >
            <Switch />
          </Form.Item>
        )}
        <CaptchaField captcha={captcha.data} onRefresh={() => void captcha.refetch()} />
        <Button type="primary" htmlType="submit" loading={sending} size="large">
          提交
        </Button>
      </Form>
    </Card>
  );
}

function Tracker({ initial }: { initial: string }) {
  const [code, setCode] = useState(initial);
  const [asked, setAsked] = useState(initial);
  const progress = useQuery({
    queryKey: ["complaint-tracking", asked],
    queryFn: () => call(api.GET("/api/complaint-tracking/{code}", { params: { path: { code: asked } } })),
    enabled: asked.length > 0,
    retry: false,
  });
  return (
    <Card>
      <Input.Search
        aria-label="查询码"
        placeholder="请输入 16 位查询码"
        enterButton="查询"
        size="large"
        maxLength={16}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        onSearch={(value) => setAsked(value.trim().toUpperCase())}
      />
      {progress.error && <Alert type="error" showIcon className="block-top" message={progress.error.message} />}
      {progress.data && <ComplaintProgressView progress={progress.data} />}
    </Card>
  );
}
