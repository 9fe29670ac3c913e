import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  FORM_FIELD_TYPE_LABELS,
  FORM_FIELD_TYPES,
  ITEM_FIELD_LABELS,
  ITEM_KIND_LABELS,
  ITEM_KINDS,
  LIMIT_UNIT_LABELS,
  LIMIT_UNITS,
  MATERIAL_FORM_LABELS,
  MATERIAL_FORMS,
  MATERIAL_MEDIA,
  MATERIAL_MEDIUM_LABELS,
  MATERIAL_REQUIREMENT_LABELS,
  MATERIAL_REQUIREMENTS,
  MATERIAL_SOURCE_LABELS,
  MATERIAL_SOURCES,
  ONLINE_DEPTH_LABELS,
  REFORM_MODE_LABELS,
  REFORM_MODES,
  TOPICS,
} from "../../common/vocabulary";
import { ApiError, api, call } from "../api/client";
import type { components } from "../api/schema";
import { FileField } from "../components/file-field";
import { orgSubtree, useOrgs } from "../components/org-tree";
import { Repeater } from "../components/repeater";
import { useSession } from "../components/session";

type AdminItem = components["schemas"]["AdminItem"];
type Content = NonNullable<AdminItem["draft"]>["content"];
/** The editor's form: the item's content, and for a new item where it belongs. */
type EditorValues = Content & { orgId?: string; basicCode?: string; standard?: boolean; standardItemId?: string };
type Violation = AdminItem["violations"][number];

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((v) => ({ value: v, label: labels[v] }));

const EMPTY_CONTENT: Partial<Content> = {
  audiences: ["person"],
  topic: "其他",
  statutoryLimit: { days: 20, unit: "working" },
  promisedLimit: { days: 10, unit: "working" },
  visitsRequired: 0,
  onlineDepth: 4,
  reformMode: "none",
  steps: ["受理", "审查", "决定", "制证", "送达"].map((name) => ({ name, description: "" })),
  materials: [],
  fees: [],
  situations: [],
  form: [],
  keywords: [],
};

/** A version's element as text: strings as they are, lists and objects as indented JSON. */
const display = (value: unknown) => (typeof value === "string" ? value || "（空）" : JSON.stringify(value, null, 2));

/** The identifier of an entry in a repeating group (a material, a situation, a form field). */
function KeyField({ name, md }: { name: number; md: number }) {
  return (
    <Col xs={24} md={md}>
      <Form.Item
        name={[name, "key"]}
        label="标识"
        rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*$/, message: "小写字母开头" }]}
      >
        <Input />
      </Form.Item>
    </Col>
  );
}

function ViolationList({ violations }: { violations: Violation[] }) {
  if (violations.length === 0)
    return <Alert type="success" showIcon message="已通过全部发布检查，可以发布。" className="block" />;
  return (
    <Alert
      type="warning"
      showIcon
      className="block"
      message={`发布前还需处理 ${violations.length} 项问题`}
      description={
        <ul className="plain-list">
          {violations.map((v) => (
            <li key={`${v.field}:${v.message}`}>
              <strong>{ITEM_FIELD_LABELS[v.field.split(".")[0] ?? ""] ?? v.field}</strong>：{v.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** 事项编辑: the draft beside the version in force; save, see what blocks publication, publish. */
export function ItemEditorPage() {
  const { id } = useParams();
  const isNew = id === "new";
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const me = useSession().data?.user;
  const orgs = useOrgs();
  const [form] = Form.useForm<EditorValues>();
  const [busy, setBusy] = useState(false);
  const [violations, setViolations] = useState<Violation[] | null>(null);

  const item = useQuery({
    queryKey: ["admin-item", id],
    enabled: !isNew && Boolean(id),
    queryFn: () => call(api.GET("/api/admin/catalog/items/{id}", { params: { path: { id: id ?? "" } } })),
  });
  const orgId = Form.useWatch("orgId", form) ?? item.data?.orgId;
  const powers = useQuery({
    queryKey: ["powers", orgId],
    enabled: Boolean(orgId),
    queryFn: () => call(api.GET("/api/orgs/{id}/powers", { params: { path: { id: orgId ?? "" } } })),
  });
  const provinceId = orgs.data?.find((o) => o.parentId === null)?.id;
  const standards = useQuery({
    queryKey: ["standard-items"],
    enabled: isNew,
    queryFn: () => call(api.GET("/api/admin/catalog/standards")),
  });
  const standardOptions = (standards.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.code}）` }));
  const makingStandard = Form.useWatch("standard", form) === true;
  const orgTree = useMemo(() => orgSubtree(orgs.data ?? [], me?.orgId), [orgs.data, me?.orgId]);
  const draft = item.data?.draft;
  const editable = isNew || Boolean(draft);

  useEffect(() => {
    if (isNew) form.setFieldsValue(EMPTY_CONTENT as Content);
    else if (item.data) {
      form.setFieldsValue((item.data.draft ?? item.data.published)?.content ?? {});
      setViolations(item.data.violations);
    }
  }, [isNew, item.data, form]);

  async function run(action: () => Promise<AdminItem>, done: string) {
    setBusy(true);
    try {
      const result = await action();
      queryClient.setQueryData(["admin-item", result.id], result);
      void queryClient.invalidateQueries({ queryKey: ["admin-items"] });
      setViolations(result.violations);
      void message.success(done);
      if (isNew) void navigate(`/admin/catalog/${result.id}`, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.code === "PUBLICATION_RULES_FAILED") {
        setViolations((error.details?.violations as Violation[]) ?? []);
      }
      void message.error(error instanceof ApiError ? error.message : "操作失败");
    } finally {
      setBusy(false);
    }
  }

  async function showDiff(from: number, to: number) {
    if (!id) return;
    try {
      const changes = await call(
        api.GET("/api/admin/catalog/items/{id}/diff", { params: { path: { id }, query: { from, to } } }),
      );
      modal.info({
        title: `第 ${from} 版 → 第 ${to} 版`,
        width: 900,
        content: changes.length ? (
          <Table
            size="small"
            rowKey="field"
            pagination={false}
            dataSource={changes}
            columns={[
              { title: "要素", dataIndex: "label", width: 120 },
              {
                title: `第 ${from} 版`,
                dataIndex: "before",
                render: (v: unknown) => <div className="pre diff-cell">{display(v)}</div>,
              },
              {
                title: `第 ${to} 版`,
                dataIndex: "after",
                render: (v: unknown) => <div className="pre diff-cell">{display(v)}</div>,
              },
            ]}
          />
        ) : (
          "两个版本内容相同"
        ),
      });
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : "比较失败");
    }
  }

  function retire() {
    if (!id) return;
    let endDate = dayjs().format("YYYY-MM-DD");
    let reason = "";
    modal.confirm({
      title: "取消事项",
      content: (
        <Space direction="vertical" style={{ width: "100%" }}>
          <span>自终止日期起，该事项不再出现在办事大厅，也不能再申请。</span>
          <DatePicker
            defaultValue={dayjs()}
            onChange={(d) => {
              endDate = d?.format("YYYY-MM-DD") ?? endDate;
            }}
            aria-label="终止日期"
          />
          <Input.TextArea
            placeholder="取消原因（将记入审计日志）"
            onChange={(e) => {
              reason = e.target.value;
            }}
            aria-label="取消原因"
          />
        </Space>
      ),
      okText: "确认取消",
      okButtonProps: { danger: true },
      onOk: () =>
        run(
          () =>
            call(
              api.POST("/api/admin/catalog/items/{id}/retire", { params: { path: { id } }, body: { endDate, reason } }),
            ),
          "已设置取消日期",
        ),
    });
  }

  /** Starts the new item from the standard's content; the power must still be one of the item's own org. */
  async function adoptStandard(standardId: string | undefined) {
    if (!standardId) return;
    const guide = await call(api.GET("/api/catalog/items/{id}/guide", { params: { path: { id: standardId } } }));
    form.setFieldsValue({ ...guide.content, powerId: null });
    void message.info("已按省级标准填写，请补充本地的地点、时间、电话并选择本单位的权力事项");
  }

  async function save() {
    await form.validateFields();
    // The whole store, not only the fields on screen: elements the editor does not show (a material's source note,
    // a field's help text) must survive a save unchanged.
    const values = form.getFieldsValue(true) as EditorValues;
    const { orgId: chosenOrg, basicCode, standard, standardItemId, ...content } = values;
    if (isNew) {
      await run(
        () =>
          call(
            api.POST("/api/admin/catalog/items", {
              body: {
                orgId: chosenOrg ?? "",
                basicCode: basicCode ?? "",
                standard: standard ?? false,
                standardItemId: standard ? null : (standardItemId ?? null),
                content,
              },
            }),
          ),
        "已保存草稿",
      );
    } else if (draft && id) {
      await run(
        () =>
          call(
            api.PUT("/api/admin/catalog/items/{id}/draft", {
              params: { path: { id } },
              body: { content, revision: draft.revision },
            }),
          ),
        "已保存草稿",
      );
    }
  }

  if (!isNew && item.isPending) return <Card loading />;
  if (item.error) return <Alert type="error" message={item.error.message} />;

  return (
    <div>
      <Space className="editor-head" wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {isNew ? "新建事项" : (draft ?? item.data?.published)?.content.name}
        </Typography.Title>
        {item.data?.published && <Tag color="green">在用 第{item.data.published.versionNo}版</Tag>}
        {draft && <Tag color="orange">草稿 第{draft.versionNo}版</Tag>}
        {item.data?.standard && <Tag color="purple">省级标准事项</Tag>}
        {item.data?.standardItemId && <Tag color="purple">遵循省级标准</Tag>}
      </Space>
      <Space wrap className="toolbar editor-actions">
        {editable && (
          <Button onClick={save} loading={busy}>
            保存草稿
          </Button>
        )}
        {draft && id && (
          <Button
            type="primary"
            loading={busy}
            onClick={async () => {
              await save();
              await run(
                () => call(api.POST("/api/admin/catalog/items/{id}/publish", { params: { path: { id } } })),
                "已发布",
              );
            }}
          >
            保存并发布
          </Button>
        )}
        {!isNew && !draft && id && (
          <Button
            type="primary"
            loading={busy}
            onClick={() =>
              run(
                () => call(api.POST("/api/admin/catalog/items/{id}/draft", { params: { path: { id } } })),
                "已新建草稿",
              )
            }
          >
            修改（新建草稿）
          </Button>
        )}
        {item.data?.published && !item.data.published.endDate && (
          <Button danger onClick={retire}>
            取消事项
          </Button>
        )}
        {item.data?.published && (
          <Link to={`/items/${item.data.id}`} target="_blank">
            查看公开办事指南
          </Link>
        )}
      </Space>
      {violations && editable && <ViolationList violations={violations} />}

      <Form form={form} layout="vertical" disabled={!editable} requiredMark={false} scrollToFirstError>
        <Card title="基本信息" size="small" className="block">
          <Row gutter={16}>
            {isNew && (
              <>
                <Col xs={24} md={12}>
                  <Form.Item name="orgId" label="实施机构" rules={[{ required: true, message: "请选择实施机构" }]}>
                    <TreeSelect
                      treeData={orgTree}
                      showSearch
                      treeNodeFilterProp="title"
                      treeDefaultExpandedKeys={me?.orgId ? [me.orgId] : []}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="basicCode"
                    label="基本编码（4 位数字）"
                    rules={[{ required: true, pattern: /^\d{4}$/, message: "请输入 4 位数字" }]}
                  >
                    <Input maxLength={4} />
                  </Form.Item>
                </Col>
                {orgId === provinceId && (
                  <Col xs={24}>
                    <Form.Item
                      name="standard"
                      valuePropName="checked"
                      extra="省级标准事项供各县（市、区）、市照此发布本地事项，本身不对外受理，也不需对应权力事项"
                    >
                      <Checkbox>作为省级标准事项（同事同标）</Checkbox>
                    </Form.Item>
                  </Col>
                )}
                {!makingStandard && (
                  <Col xs={24}>
                    <Form.Item
                      name="standardItemId"
                      label="遵循的省级标准事项（同事同标，可不选）"
                      extra="选择后，除办理地点、时间、电话和窗口负责人外，其余要素须与省级标准一致"
                    >
                      <Select
                        allowClear
                        showSearch
                        optionFilterProp="label"
                        options={standardOptions}
                        onChange={adoptStandard}
                      />
                    </Form.Item>
                  </Col>
                )}
              </>
            )}
            <Col xs={24} md={12}>
              <Form.Item
                name="name"
                label={ITEM_FIELD_LABELS.name}
                rules={[{ required: true, whitespace: true, message: "请输入事项名称" }]}
              >
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item
                name="kind"
                label={ITEM_FIELD_LABELS.kind}
                rules={[{ required: true, message: "请选择事项类型" }]}
              >
                <Select options={options(ITEM_KINDS, ITEM_KIND_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="topic" label={ITEM_FIELD_LABELS.topic}>
                <Select options={TOPICS.map((t) => ({ value: t, label: t }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="audiences"
                label={ITEM_FIELD_LABELS.audiences}
                rules={[{ required: true, message: "至少选择一类" }]}
              >
                <Checkbox.Group options={options(AUDIENCES, AUDIENCE_LABELS)} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="keywords" label={ITEM_FIELD_LABELS.keywords} extra="群众常用的说法，回车添加">
                <Select mode="tags" tokenSeparators={[",", "，"]} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="powerId"
                label={ITEM_FIELD_LABELS.powerId}
                extra="清单之外无权力：须对应本单位权责清单中已发布的权力事项"
              >
                <Select
                  allowClear
                  placeholder={orgId ? "选择权力事项" : "请先选择实施机构"}
                  options={(powers.data ?? [])
                    .filter((p) => p.status === "published")
                    .map((p) => ({
                      value: p.id,
                      label: `${p.code} ${p.name}（${ITEM_KIND_LABELS[p.kind as keyof typeof ITEM_KIND_LABELS] ?? p.kind}）`,
                    }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="legalBasis" label={ITEM_FIELD_LABELS.legalBasis}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="conditions" label={ITEM_FIELD_LABELS.conditions}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title="时限、跑动与网办" size="small" className="block">
          <Row gutter={16}>
            {(["statutoryLimit", "promisedLimit"] as const).map((limit) => (
              <Col xs={24} md={12} key={limit}>
                <Form.Item label={ITEM_FIELD_LABELS[limit]}>
                  <Space.Compact>
                    <Form.Item name={[limit, "days"]} noStyle>
                      <InputNumber min={0} max={365} aria-label={`${ITEM_FIELD_LABELS[limit]}天数`} />
                    </Form.Item>
                    <Form.Item name={[limit, "unit"]} noStyle>
                      <Select
                        style={{ width: 120 }}
                        options={options(LIMIT_UNITS, LIMIT_UNIT_LABELS)}
                        aria-label="单位"
                      />
                    </Form.Item>
                  </Space.Compact>
                </Form.Item>
              </Col>
            ))}
            <Col xs={12} md={6}>
              <Form.Item name="visitsRequired" label={ITEM_FIELD_LABELS.visitsRequired}>
                <InputNumber min={0} max={5} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="onlineDepth" label={ITEM_FIELD_LABELS.onlineDepth}>
                <Select options={[1, 2, 3, 4].map((d) => ({ value: d, label: ONLINE_DEPTH_LABELS[d] }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="visitsReason" label={ITEM_FIELD_LABELS.visitsReason}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            {(
              [
                "instant",
                "postalSubmission",
                "expressDelivery",
                "onlinePayment",
                "selfService",
                "roundTheClock",
              ] as const
            ).map((flag) => (
              <Col xs={12} md={4} key={flag}>
                <Form.Item name={flag} label={ITEM_FIELD_LABELS[flag]} valuePropName="checked">
                  <Switch />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Card>

        <Card title="办理情形" size="small" className="block">
          <Repeater name="situations" label="情形" add={{ key: "", name: "", description: "" }}>
            {(name) => (
              <Row gutter={8}>
                <KeyField name={name} md={6} />
                <Col xs={24} md={8}>
                  <Form.Item name={[name, "name"]} label="情形名称" rules={[{ required: true, message: "请填写" }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name={[name, "description"]} label="说明">
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </Repeater>
        </Card>

        <Card title={ITEM_FIELD_LABELS.materials} size="small" className="block">
          <Repeater
            name="materials"
            label="材料"
            add={{
              key: "",
              name: "",
              requirement: "required",
              form: "original",
              copies: 1,
              medium: "either",
              source: "applicant",
              sourceNote: "",
              notes: "",
              situationKeys: [],
              blankFormFileId: null,
              sampleFileId: null,
            }}
          >
            {(name) => (
              <Row gutter={8}>
                <KeyField name={name} md={5} />
                <Col xs={24} md={9}>
                  <Form.Item name={[name, "name"]} label="材料名称" rules={[{ required: true, message: "请填写" }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[name, "requirement"]} label="要求">
                    <Select options={options(MATERIAL_REQUIREMENTS, MATERIAL_REQUIREMENT_LABELS)} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[name, "form"]} label="形式">
                    <Select options={options(MATERIAL_FORMS, MATERIAL_FORM_LABELS)} />
                  </Form.Item>
                </Col>
                <Col xs={8} md={3}>
                  <Form.Item name={[name, "copies"]} label="份数">
                    <InputNumber min={1} max={20} />
                  </Form.Item>
                </Col>
                <Col xs={16} md={5}>
                  <Form.Item name={[name, "medium"]} label="载体">
                    <Select options={options(MATERIAL_MEDIA, MATERIAL_MEDIUM_LABELS)} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item name={[name, "source"]} label="来源">
                    <Select options={options(MATERIAL_SOURCES, MATERIAL_SOURCE_LABELS)} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name={[name, "notes"]} label="填报说明">
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[name, "blankFormFileId"]} label="空白表格">
                    <FileField label="空白表格" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[name, "sampleFileId"]} label="示范文本">
                    <FileField label="示范文本" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[name, "situationKeys"]} label="仅适用于情形（不选为全部适用）">
                    <Select mode="tags" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={[name, "licenceTypes"]}
                    label="可用电子证照代替"
                    extra="填写电子证照类型（即签发事项的办理结果名称，如“在读证明”）；申请人经同意选用后免上传"
                  >
                    <Select mode="tags" maxCount={5} />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </Repeater>
        </Card>

        <Card title={ITEM_FIELD_LABELS.steps} size="small" className="block">
          <Repeater name="steps" label="环节" add={{ name: "", description: "" }}>
            {(name) => (
              <Row gutter={8}>
                <Col xs={24} md={6}>
                  <Form.Item name={[name, "name"]} label="环节" rules={[{ required: true, message: "请填写" }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={18}>
                  <Form.Item name={[name, "description"]} label="说明">
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </Repeater>
        </Card>

        <Card title={ITEM_FIELD_LABELS.fees} size="small" className="block">
          <Repeater name="fees" label="收费项目" add={{ name: "", amountFen: 0, basis: "" }}>
            {(name) => (
              <Row gutter={8}>
                <Col xs={24} md={7}>
                  <Form.Item name={[name, "name"]} label="收费项目" rules={[{ required: true, message: "请填写" }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item name={[name, "amountFen"]} label="金额（分）">
                    <InputNumber min={0} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[name, "basis"]} label="收费依据">
                    <Input />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </Repeater>
        </Card>

        <Card title="地点、联系与结果" size="small" className="block">
          <Row gutter={16}>
            {(["place", "hours", "consultationPhone", "complaintPhone", "windowStaff", "resultName"] as const).map(
              (field) => (
                <Col xs={24} md={12} key={field}>
                  <Form.Item name={field} label={ITEM_FIELD_LABELS[field]}>
                    <Input />
                  </Form.Item>
                </Col>
              ),
            )}
            <Col xs={24}>
              <Form.Item name="resultSampleFileId" label={ITEM_FIELD_LABELS.resultSampleFileId}>
                <FileField label="结果样本" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title="证照分离改革" size="small" className="block">
          <Form.Item name="reformMode" label={ITEM_FIELD_LABELS.reformMode}>
            <Select options={options(REFORM_MODES, REFORM_MODE_LABELS)} />
          </Form.Item>
          <Form.Item name="commitmentText" label={ITEM_FIELD_LABELS.commitmentText}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
          </Form.Item>
        </Card>

        <Card title={ITEM_FIELD_LABELS.form} size="small" className="block">
          <Repeater
            name="form"
            label="字段"
            add={{ key: "", label: "", type: "text", required: false, options: [], maxLength: null, help: "" }}
          >
            {(name) => (
              <Row gutter={8}>
                <KeyField name={name} md={5} />
                <Col xs={24} md={6}>
                  <Form.Item name={[name, "label"]} label="字段名称" rules={[{ required: true, message: "请填写" }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={12} md={5}>
                  <Form.Item name={[name, "type"]} label="类型">
                    <Select options={options(FORM_FIELD_TYPES, FORM_FIELD_TYPE_LABELS)} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={3}>
                  <Form.Item name={[name, "required"]} label="必填" valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item name={[name, "options"]} label="选项（选项字段）">
                    <Select mode="tags" />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </Repeater>
        </Card>
      </Form>

      {item.data && item.data.versions.length > 0 && (
        <Card title="版本历史" size="small" className="block">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={item.data.versions}
            columns={[
              { title: "版本", dataIndex: "versionNo", render: (n: number) => `第 ${n} 版` },
              {
                title: "状态",
                dataIndex: "status",
                render: (s: string) =>
                  ({ draft: "草稿", published: "在用", superseded: "已被替代", retired: "已取消" })[s],
              },
              {
                title: "发布时间",
                dataIndex: "publishedAt",
                render: (t: string | null) => (t ? new Date(t).toLocaleString("zh-CN") : "—"),
              },
              {
                title: "比较",
                key: "diff",
                render: (_, v) =>
                  v.versionNo > 1 ? (
                    <Button size="small" type="link" onClick={() => showDiff(v.versionNo - 1, v.versionNo)}>
                      与第 {v.versionNo - 1} 版比较
                    </Button>
                  ) : (
                    "—"
                  ),
              },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
