import { SafetyCertificateOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Checkbox, Form, List, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { MATERIAL_REQUIREMENT_LABELS } from "../../common/vocabulary";
import { api, call } from "../api/client";
import type { components } from "../api/schema";
import { useAction } from "../api/use-action";
import { ApplicationFields, toSubmission } from "../components/application-form";
import { expiryText } from "../components/licence-parts";

type Material = components["schemas"]["Guide"]["content"]["materials"][number];
/** The form's `licences` field: per material key, the e-licence chosen in its place and the holder's consent. */
type LicenceChoices = Record<string, { licenceId?: string; consent?: boolean } | undefined>;

/**
 * The e-licences an application will use in place of materials: for each material the applicant brings that
 * accepts e-licences and applies to the chosen situations, the licence chosen — only once the holder consented.
 */
function licenceUsesOf(
  materials: Material[],
  situationKeys: string[],
  choices: LicenceChoices,
  commits: boolean,
): { materialKey: string; licenceId: string }[] {
  return materials
    .filter((m) => acceptsLicence(m, situationKeys, commits))
    .flatMap((m) => {
      const choice = choices[m.key];
      return choice?.licenceId && choice.consent ? [{ materialKey: m.key, licenceId: choice.licenceId }] : [];
    });
}

/** Materials the applicant brings (a signed commitment stands in for other bodies' proofs) are uploaded online. */
function brought(m: Material, commits: boolean): boolean {
  return m.source === "applicant" || (m.source === "issuer" && !commits);
}

function acceptsLicence(m: Material, situationKeys: string[], commits: boolean): boolean {
  const relevant = m.situationKeys.length === 0 || m.situationKeys.some((k) => situationKeys.includes(k));
  return brought(m, commits) && relevant && (m.licenceTypes ?? []).length > 0;
}

/** 网上申请: the item's form, rendered from the version in force; submit once, however often it is clicked. */
export function ApplyPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const { busy, run } = useAction();
  const [commits, setCommits] = useState(false);
  const situationKeys: string[] = Form.useWatch("situationKeys", form) ?? [];
  const choices: LicenceChoices = Form.useWatch("licences", form) ?? {};
  const guide = useQuery({
    queryKey: ["guide", id],
    queryFn: () => call(api.GET("/api/catalog/items/{id}/guide", { params: { path: { id } } })),
  });
  if (guide.error) return <Alert type="error" showIcon message={guide.error.message} />;
  if (!guide.data) return <Card loading />;
  const c = guide.data.content;
  // Online, materials the applicant brings are uploaded to the saved draft before it is submitted; a signed
  // commitment (告知承诺) stands in for the proofs other bodies issue, and a chosen e-licence (用证) for its material.
  const covered = new Set(licenceUsesOf(c.materials, situationKeys, choices, commits).map((u) => u.materialKey));
  const uploads = c.materials.some((m) => brought(m, commits) && !covered.has(m.key));

  async function send(submit: boolean, validate = true) {
    if (validate) await form.validateFields();
    const { situationKeys = [], licences = {}, ...answers } = form.getFieldsValue();
    const licenceUses = licenceUsesOf(c.materials, situationKeys, licences, commits);
    await run(
      async () => {
        const created = await call(
          api.POST("/api/cases", {
            body: {
              itemId: id,
              idempotencyKey,
              form: toSubmission(answers),
              situationKeys,
              submit,
              commitment: commits,
              licenceUses,
            },
          }),
        );
        void message.success(submit ? `已提交，办件编号 ${created.number}` : "申请表已保存，请上传材料后提交");
        void navigate(`/me/cases/${created.id}`);
      },
      { failure: "提交失败", form },
    );
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
                <div className="full-width">
                  <Space wrap size={4}>
                    <span>
                      {m.name}（{MATERIAL_REQUIREMENT_LABELS[m.requirement]}
                      {m.source === "government" ? "，免提交，由部门核验" : ""}）
                    </span>
                    {covered.has(m.key) && (
                      <Tag color="green" icon={<SafetyCertificateOutlined />}>
                        已选用电子证照，免上传
                      </Tag>
                    )}
                  </Space>
                  {acceptsLicence(m, situationKeys, commits) && (
                    <LicenceChoice material={m} orgName={guide.data.item.orgName} />
                  )}
                </div>
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

/**
 * 使用我的电子证照: the applicant's valid e-licences of the types a material accepts; choosing one, with the consent
 * to show it to the org (用证授权), stands in for uploading the material.
 */
function LicenceChoice({ material, orgName }: { material: Material; orgName: string }) {
  const form = Form.useFormInstance();
  const types = material.licenceTypes ?? [];
  const usable = useQuery({
    queryKey: ["usable-licences", types.join(",")],
    queryFn: () => call(api.GET("/api/my/licences/usable", { params: { query: { types: types.join(",") } } })),
  });
  const chosen = Form.useWatch(["licences", material.key, "licenceId"], form) as string | undefined;
  if (usable.isPending) {
    return <Typography.Paragraph type="secondary">正在查找可用的电子证照…</Typography.Paragraph>;
  }
  if (usable.error) {
    return (
      <Typography.Paragraph type="secondary">
        暂时无法查询您的电子证照（{usable.error.message}），请上传材料。
      </Typography.Paragraph>
    );
  }
  if (usable.data.length === 0) {
    return (
      <Typography.Paragraph type="secondary" className="licence-choice">
        暂无可用的电子证照（可用：{types.join("、")}）。取得后即可在申请时直接选用，无须上传。
      </Typography.Paragraph>
    );
  }
  return (
    <div className="licence-choice">
      <Form.Item
        name={["licences", material.key, "licenceId"]}
        label={`使用我的电子证照代替“${material.name}”`}
        extra={`可用：${types.join("、")}。选用后本项材料无须上传；不选用则在下一步上传。`}
      >
        <Select
          allowClear
          placeholder="不使用电子证照"
          onChange={() => form.setFieldValue(["licences", material.key, "consent"], false)}
          options={usable.data.map((l) => ({
            value: l.id,
            label: `${l.type}（${l.number}）· ${l.issuedOn} 签发 · 有效期至 ${expiryText(l.expiresOn)}`,
          }))}
        />
      </Form.Item>
      {chosen && (
        <Form.Item
          name={["licences", material.key, "consent"]}
          valuePropName="checked"
          rules={[
            {
              validator: (_, checked) =>
                checked
                  ? Promise.resolve()
                  : Promise.reject(new Error("请勾选同意出示电子证照，或清除所选证照改为上传材料")),
            },
          ]}
        >
          <Checkbox>本人同意向{orgName}出示该电子证照，用于本次申请（用证记录可在“我的证照”查看）</Checkbox>
        </Form.Item>
      )}
    </div>
  );
}
