import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Checkbox, Form, List, Space, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { MATERIAL_REQUIREMENT_LABELS } from "../../common/vocabulary";
import { ApiError, api, call } from "../api/client";
import { ApplicationFields, toSubmission } from "../components/application-form";

/** 网上申请: the item's form, rendered from the version in force; submit once, however often it is clicked. */
export function ApplyPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [commits, setCommits] = useState(false);
  const guide = useQuery({
    queryKey: ["guide", id],
    queryFn: () => call(api.GET("/api/catalog/items/{id}/guide", { params: { path: { id } } })),
  });
  if (guide.error) return <Alert type="error" showIcon message={guide.error.message} />;
  if (!guide.data) return <Card loading />;
  const c = guide.data.content;
  // Online, materials the applicant brings are uploaded to the saved draft before it is submitted; a signed
  // commitment (告知承诺) stands in for the proofs other bodies issue.
  const uploads = c.materials.some((m) => m.source === "applicant" || (m.source === "issuer" && !commits));

  async function send(submit: boolean, validate = true) {
    if (validate) await form.validateFields();
    const { situationKeys = [], ...answers } = form.getFieldsValue();
    setBusy(true);
    try {
      const created = await call(
        api.POST("/api/cases", {
          body: { itemId: id, idempotencyKey, form: toSubmission(answers), situationKeys, submit, commitment: commits },
        }),
      );
      void message.success(submit ? `已提交，办件编号 ${created.number}` : "申请表已保存，请上传材料后提交");
      void navigate(`/me/cases/${created.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === "FORM_INVALID") {
        const problems = (error.details?.errors ?? []) as { field: string; message: string }[];
        form.setFields(problems.map((p) => ({ name: p.field, errors: [p.message] })));
      }
      void message.error(error instanceof Error ? error.message : "提交失败");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow-page">
      <Typography.Title level={2}>在线申请：{c.name}</Typography.Title>
      <Typography.Paragraph type="secondary">
        实施机构：{guide.data.item.orgName}。填写后提交，窗口预审通过即受理；进度可在“我的办件”查看，并以短信通知您。
        <Link to={`/items/${id}`}>查看办事指南</Link>
      </Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark>
        <ApplicationFields content={c} />
        {c.reformMode === "commitment" && (
          <Card title="告知承诺" className="block">
            <Typography.Paragraph className="pre">{c.commitmentText}</Typography.Paragraph>
            <Checkbox checked={commits} onChange={(e) => setCommits(e.target.checked)}>
              我已阅读并签署以上承诺，以承诺代替其他机构出具的证明材料（如有不实，准予决定将被撤销并记入信用记录）
            </Checkbox>
          </Card>
        )}
        <Card title="申请材料" className="block">
          <List
            size="small"
            dataSource={c.materials}
            renderItem={(m) => (
              <List.Item>
                {m.name}（{MATERIAL_REQUIREMENT_LABELS[m.requirement]}
                {m.source === "government" ? "，免提交，由部门核验" : ""}）
              </List.Item>
            )}
          />
          {uploads && (
            <Typography.Paragraph type="secondary">
              下一步上传材料：申请表先保存为草稿，材料上传齐全后即可提交。
            </Typography.Paragraph>
          )}
        </Card>
        <Space className="block">
          <Button type="primary" size="large" loading={busy} onClick={() => void send(!uploads)}>
            {uploads ? "下一步：上传材料" : "提交申请"}
          </Button>
          <Button size="large" disabled={busy} onClick={() => void send(false, false)}>
            保存草稿
          </Button>
        </Space>
      </Form>
    </div>
  );
}
