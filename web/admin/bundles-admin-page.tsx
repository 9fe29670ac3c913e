import { useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  TreeSelect,
  Typography,
} from "antd";
import { useEffect, useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import {
  BUNDLE_ON_DENIAL,
  BUNDLE_ON_DENIAL_LABELS,
  BUNDLE_STATUS_LABELS,
  FORM_FIELD_TYPE_LABELS,
  FORM_FIELD_TYPES,
  MATERIAL_REQUIREMENT_LABELS,
} from "../../common/vocabulary";
import { ApiError, api, call } from "../api/client";
import type { components } from "../api/schema";
import { formatTime } from "../components/case-parts";
import { orgSubtree, useOrgs } from "../components/org-tree";
import { Repeater } from "../components/repeater";
import { useSession } from "../components/session";

type AdminBundle = components["schemas"]["AdminBundle"];
type Definition = AdminBundle["definition"];
type Guide = components["schemas"]["Guide"];

/** The editor's form: a definition with each mapping as "itemKey:targetKey" for a multi-select. */
type ItemRow = { key?: string; label?: string; itemId?: string; after?: string };
type FieldRow = Omit<Definition["fields"][number], "maps"> & { maps?: string[] };
type MaterialRow = Omit<Definition["materials"][number], "maps"> & { maps?: string[] };
type EditorValues = {
  orgId?: string;
  code?: string;
  name?: string;
  description?: string;
  audience?: string;
  onDenial?: Definition["onDenial"];
  items?: ItemRow[];
  fields?: FieldRow[];
  materials?: MaterialRow[];
};

/** 并行: a sentinel for "waits for nothing", as a Select cannot hold null as an option. */
const PARALLEL = "";
const KEY_RULE = {
  required: true,
  pattern: /^[a-z][a-z0-9_]{0,39}$/,
  message: "小写字母开头，由小写字母、数字或下划线组成",
};

const joinMap = (itemKey: string, key: string) => `${itemKey}:${key}`;
function splitMap(value: string): [string, string] {
  const at = value.indexOf(":");
  return [value.slice(0, at), value.slice(at + 1)];
}

function toValues(b: AdminBundle): EditorValues {
  const d = b.definition;
  return {
    orgId: b.orgId,
    code: b.code,
    name: b.name,
    description: d.description,
    audience: d.audience,
    onDenial: d.onDenial,
    items: d.items.map((i) => ({ ...i, after: i.after ?? PARALLEL })),
    fields: d.fields.map((f) => ({ ...f, maps: f.maps.map((m) => joinMap(m.itemKey, m.fieldKey)) })),
    materials: d.materials.map((m) => ({ ...m, maps: m.maps.map((x) => joinMap(x.itemKey, x.materialKey)) })),
  };
}

function toDefinition(v: EditorValues): Definition {
  return {
    description: v.description ?? "",
    audience: v.audience ?? "",
    onDenial: v.onDenial ?? "continue",
    items: (v.items ?? []).map((i) => ({
      key: i.key ?? "",
      label: i.label ?? "",
      itemId: i.itemId ?? "",
      after: i.after ? i.after : null,
    })),
    fields: (v.fields ?? []).map((f) => ({
      key: f.key,
      label: f.label,
      type: f.type,
      required: f.required ?? false,
      options: f.type === "choice" ? (f.options ?? []) : [],
      maxLength: f.maxLength ?? null,
      help: f.help ?? "",
      maps: (f.maps ?? []).map((m) => {
        const [itemKey, fieldKey] = splitMap(m);
        return { itemKey, fieldKey };
      }),
    })),
    materials: (v.materials ?? []).map((m) => ({
      key: m.key,
      name: m.name,
      notes: m.notes ?? "",
      maps: (m.maps ?? []).map((x) => {
        const [itemKey, materialKey] = splitMap(x);
        return { itemKey, materialKey };
      }),
    })),
  };
}

/** 一件事管理: the bundles of the administrator's subtree. */
export function BundlesAdminPage() {
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ["admin-bundles"], queryFn: () => call(api.GET("/api/admin/bundles")) });
  return (
    <div>
      <Typography.Title level={2}>一件事管理</Typography.Title>
      <Card size="small">
        <Space wrap className="toolbar">
          <Button type="primary" onClick={() => navigate("/admin/bundles/new")}>
            新建一件事
          </Button>
          <Typography.Text type="secondary">
            把多个部门的事项合成一件事：合并申请表和材料，设定先后顺序和某一事项未获办理时的处理方式。
          </Typography.Text>
        </Space>
        {list.error && <Alert type="error" showIcon title={list.error.message} className="block" />}
        <Table<AdminBundle>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data ?? []}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 件` }}
          columns={[
            {
              title: "名称",
              dataIndex: "name",
              render: (name: string, r) => <Link to={`/admin/bundles/${r.id}`}>{name}</Link>,
            },
            { title: "编码", dataIndex: "code", width: 180, render: (c: string) => <code>{c}</code> },
            { title: "负责单位", dataIndex: "orgName", width: 200 },
            {
              title: "事项",
              key: "items",
              width: 80,
              render: (_, r) => `${r.definition.items.length} 项`,
            },
            {
              title: "状态",
              dataIndex: "status",
              width: 100,
              render: (s: AdminBundle["status"]) => (
                <Tag color={s === "published" ? "green" : "orange"}>{BUNDLE_STATUS_LABELS[s]}</Tag>
              ),
            },
            { title: "版本", dataIndex: "version", width: 80 },
            { title: "更新时间", dataIndex: "updatedAt", width: 180, render: (t: string) => formatTime(t) },
          ]}
        />
      </Card>
    </div>
  );
}

/** A published item, found by searching the catalog; the chosen one is named from its guide. */
function ItemPicker({ value, onChange, id }: { value?: string; onChange?: (value: string) => void; id?: string }) {
  const [q, setQ] = useState("");
  const found = useQuery({
    queryKey: ["bundle-item-search", q],
    queryFn: () => call(api.GET("/api/catalog/items", { params: { query: { q: q || undefined, pageSize: 20 } } })),
  });
  const chosen = useQuery({
    queryKey: ["guide", value],
    enabled: Boolean(value),
    queryFn: () => call(api.GET("/api/catalog/items/{id}/guide", { params: { path: { id: value ?? "" } } })),
  });
  const options = (found.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.orgName}）` }));
  if (value && chosen.data && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: `${chosen.data.content.name}（${chosen.data.item.orgName}）` });
  }
  return (
    <Select
      id={id}
      showSearch
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      loading={found.isFetching}
      placeholder="输入名称搜索在用事项"
      notFoundContent={found.isFetching ? "正在搜索…" : "没有找到在用事项"}
      options={options}
    />
  );
}

/** Every problem the server named: BUNDLE_INVALID reasons, or the fields a malformed request got wrong. */
function problemsOf(error: unknown): string[] {
  if (!(error instanceof ApiError)) return [];
  const list = (error.details?.errors ?? error.details?.fields ?? []) as { field?: string; message: string }[];
  return list.map((p) => (error.code === "VALIDATION_FAILED" && p.field ? `${p.field}：${p.message}` : p.message));
}

/** 一件事编辑: basic facts, the items and their order, the merged form and materials; save, then publish. */
export function BundleEditorPage() {
  const { id = "new" } = useParams();
  const isNew = id === "new";
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const me = useSession().data?.user;
  const orgs = useOrgs();
  const orgTree = useMemo(() => orgSubtree(orgs.data ?? [], me?.orgId), [orgs.data, me?.orgId]);
  const [form] = Form.useForm<EditorValues>();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const bundle = useQuery({
    queryKey: ["admin-bundle", id],
    enabled: !isNew,
    queryFn: () => call(api.GET("/api/admin/bundles/{id}", { params: { path: { id } } })),
  });

  useEffect(() => {
    if (isNew)
      form.setFieldsValue({
        onDenial: "continue",
        items: [{ after: PARALLEL }, { after: PARALLEL }],
        fields: [],
        materials: [],
      });
    else if (bundle.data) form.setFieldsValue(toValues(bundle.data));
  }, [isNew, bundle.data, form]);

  const items: ItemRow[] = Form.useWatch("items", form) ?? [];
  const itemIds = [...new Set(items.map((i) => i?.itemId).filter((x): x is string => Boolean(x)))];
  const guides = useQueries({
    queries: itemIds.map((itemId) => ({
      queryKey: ["guide", itemId],
      queryFn: () => call(api.GET("/api/catalog/items/{id}/guide", { params: { path: { id: itemId } } })),
    })),
  });
  const guideOf = new Map<string, Guide>();
  guides.forEach((g, i) => {
    const itemId = itemIds[i];
    if (g.data && itemId) guideOf.set(itemId, g.data);
  });
  const named = items.filter((i): i is ItemRow & { key: string } => Boolean(i?.key));
  const itemName = (i: ItemRow & { key: string }) => i.label || i.key;
  const fieldMapOptions = named.map((i) => ({
    label: itemName(i),
    title: itemName(i),
    options: (guideOf.get(i.itemId ?? "")?.content.form ?? []).map((f) => ({
      value: joinMap(i.key, f.key),
      label: `${itemName(i)} · ${f.label}${f.required ? "（必填）" : ""}`,
    })),
  }));
  const materialMapOptions = named.map((i) => ({
    label: itemName(i),
    title: itemName(i),
    options: (guideOf.get(i.itemId ?? "")?.content.materials ?? []).map((m) => ({
      value: joinMap(i.key, m.key),
      label: `${itemName(i)} · ${m.name}（${MATERIAL_REQUIREMENT_LABELS[m.requirement]}）`,
    })),
  }));

  async function run(action: () => Promise<AdminBundle>, done: string) {
    setBusy(true);
    try {
      const result = await action();
      queryClient.setQueryData(["admin-bundle", result.id], result);
      void queryClient.invalidateQueries({ queryKey: ["admin-bundles"] });
      setProblems([]);
      void message.success(done);
      if (isNew) void navigate(`/admin/bundles/${result.id}`, { replace: true });
      return true;
    } catch (error) {
      const found = problemsOf(error);
      setProblems(found);
      void message.error(
        found.length > 1
          ? `未通过检查，共 ${found.length} 处问题，见页面上方`
          : error instanceof Error
            ? error.message
            : "操作失败",
      );
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function save(): Promise<boolean> {
    try {
      await form.validateFields();
    } catch {
      void message.error("请先补全标红的内容");
      return false;
    }
    const values = form.getFieldsValue(true) as EditorValues;
    const definition = toDefinition(values);
    const base = { code: (values.code ?? "").trim(), name: (values.name ?? "").trim(), definition };
    if (isNew) {
      return run(
        () => call(api.POST("/api/admin/bundles", { body: { ...base, orgId: values.orgId ?? "" } })),
        "已保存",
      );
    }
    const version = bundle.data?.version ?? 0;
    return run(
      () => call(api.PUT("/api/admin/bundles/{id}", { params: { path: { id } }, body: { ...base, version } })),
      "已保存",
    );
  }

  async function publish() {
    if (!(await save())) return;
    const current = queryClient.getQueryData<AdminBundle>(["admin-bundle", id]);
    if (!current) return;
    await run(
      () =>
        call(
          api.POST("/api/admin/bundles/{id}/publish", {
            params: { path: { id } },
            body: { version: current.version },
          }),
        ),
      "已发布，办事大厅可见",
    );
  }

  if (!isNew && bundle.isPending) return <Card loading />;
  if (bundle.error) return <Alert type="error" showIcon title={bundle.error.message} />;
  const b = bundle.data;

  return (
    <div>
      <Space wrap align="center" className="editor-head">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {isNew ? "新建一件事" : b?.name}
        </Typography.Title>
        {b && <Tag color={b.status === "published" ? "green" : "orange"}>{BUNDLE_STATUS_LABELS[b.status]}</Tag>}
        {b && <Tag>第 {b.version} 版</Tag>}
      </Space>
      <Space wrap className="toolbar editor-actions">
        <Button onClick={() => void save()} loading={busy}>
          保存
        </Button>
        {b?.status === "draft" && (
          <Button type="primary" loading={busy} onClick={() => void publish()}>
            保存并发布
          </Button>
        )}
        {b?.status === "published" && (
          <Link to={`/bundles/${b.id}`} target="_blank">
            查看办事大厅中的一件事
          </Link>
        )}
        <Link to="/admin/bundles">返回一件事列表</Link>
      </Space>
      {b?.status === "published" && (
        <Alert
          type="info"
          showIcon
          className="block"
          title="已发布：保存修改后，新的申请按修改后的设置办理，已提交的申请不受影响。"
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="block"
          title={`保存前还需处理 ${problems.length} 处问题`}
          description={
            <ul className="plain-list">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      )}

      <Form form={form} layout="vertical" requiredMark={false} scrollToFirstError>
        <Card title="基本信息" size="small" className="block">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              {isNew ? (
                <Form.Item name="orgId" label="负责单位" rules={[{ required: true, message: "请选择负责单位" }]}>
                  <TreeSelect
                    treeData={orgTree}
                    showSearch
                    treeNodeFilterProp="title"
                    treeDefaultExpandedKeys={me?.orgId ? [me.orgId] : []}
                  />
                </Form.Item>
              ) : (
                <Form.Item label="负责单位">
                  <Input value={b?.orgName} disabled />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="code"
                label="编码"
                extra="大写字母、数字和连字符，如 YJS-XSRX"
                rules={[
                  { required: true, pattern: /^[A-Z0-9][A-Z0-9-]{1,29}$/, message: "大写字母、数字和连字符，2–30 位" },
                ]}
              >
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="name" label="一件事名称" rules={[{ required: true, message: "请填写名称" }]}>
                <Input maxLength={60} placeholder="如：新生入学一件事" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="audience" label="服务对象">
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="description" label="说明">
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item
                name="onDenial"
                label="某一事项未获准予时"
                rules={[{ required: true, message: "请选择处理方式" }]}
              >
                <Radio.Group options={BUNDLE_ON_DENIAL.map((v) => ({ value: v, label: BUNDLE_ON_DENIAL_LABELS[v] }))} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title="包含的事项" size="small" className="block">
          <Typography.Paragraph type="secondary">
            至少两个在用事项。“办理顺序”选前面的事项，表示该事项在它准予办结后才自动提交；选“并行”则提交后立即办理。
          </Typography.Paragraph>
          <Repeater name="items" label="事项" add={{ after: PARALLEL }}>
            {(index) => (
              <Row gutter={16}>
                <Col xs={24} md={6}>
                  <Form.Item name={[index, "key"]} label="标识" rules={[KEY_RULE]}>
                    <Input placeholder="如 admission" />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item
                    name={[index, "label"]}
                    label="显示名称"
                    rules={[{ required: true, message: "请填写名称" }]}
                  >
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={10}>
                  <Form.Item name={[index, "itemId"]} label="事项" rules={[{ required: true, message: "请选择事项" }]}>
                    <ItemPicker />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name={[index, "after"]} label="办理顺序">
                    <Select
                      options={[
                        { value: PARALLEL, label: "并行（提交后立即办理）" },
                        ...items
                          .slice(0, index)
                          .filter((i) => i?.key)
                          .map((i) => ({ value: i.key as string, label: `在“${i.label || i.key}”办结后办理` })),
                      ]}
                    />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </Repeater>
        </Card>

        <Card title="合并申请表" size="small" className="block">
          <Typography.Paragraph type="secondary">
            每个字段只问一次，答案填入所对应的各事项字段；各事项的必填字段都须有对应。
          </Typography.Paragraph>
          <Repeater name="fields" label="字段" add={{ type: "text", required: true, options: [], maps: [] }}>
            {(index) => <FieldEditor index={index} mapOptions={fieldMapOptions} />}
          </Repeater>
        </Card>

        <Card title="合并材料" size="small" className="block">
          <Typography.Paragraph type="secondary">
            每份材料只上传一次，自动用于所对应的各事项材料；各事项的必交材料都须有对应。
          </Typography.Paragraph>
          <Repeater name="materials" label="材料" add={{ maps: [] }}>
            {(index) => (
              <Row gutter={16}>
                <Col xs={24} md={6}>
                  <Form.Item name={[index, "key"]} label="标识" rules={[KEY_RULE]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={18}>
                  <Form.Item
                    name={[index, "name"]}
                    label="材料名称"
                    rules={[{ required: true, message: "请填写名称" }]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item name={[index, "notes"]} label="填报说明">
                    <Input maxLength={500} />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item
                    name={[index, "maps"]}
                    label="对应的事项材料"
                    rules={[{ required: true, type: "array", min: 1, message: "至少对应一个事项的材料" }]}
                  >
                    <Select mode="multiple" options={materialMapOptions} placeholder="选择“事项 · 材料”" />
                  </Form.Item>
                </Col>
              </Row>
            )}
          </Repeater>
        </Card>
      </Form>
    </div>
  );
}

type MapOptions = { label: string; title: string; options: { value: string; label: string }[] }[];

function FieldEditor({ index, mapOptions }: { index: number; mapOptions: MapOptions }) {
  const type = Form.useWatch(["fields", index, "type"]);
  return (
    <Row gutter={16}>
      <Col xs={24} md={6}>
        <Form.Item name={[index, "key"]} label="标识" rules={[KEY_RULE]}>
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[index, "label"]} label="字段名称" rules={[{ required: true, message: "请填写名称" }]}>
          <Input maxLength={60} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name={[index, "type"]} label="类型" rules={[{ required: true, message: "请选择类型" }]}>
          <Select options={FORM_FIELD_TYPES.map((t) => ({ value: t, label: FORM_FIELD_TYPE_LABELS[t] }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name={[index, "required"]} label="必填" valuePropName="checked">
          <Checkbox>必填</Checkbox>
        </Form.Item>
      </Col>
      {type === "choice" && (
        <Col xs={24}>
          <Form.Item
            name={[index, "options"]}
            label="选项"
            rules={[{ required: true, type: "array", min: 1, message: "请至少填写一个选项" }]}
          >
            <Select mode="tags" tokenSeparators={[",", "，"]} placeholder="输入选项后回车" />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={8}>
        <Form.Item name={[index, "maxLength"]} label="最大长度（选填）">
          <InputNumber min={1} max={5000} className="full-width" />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item name={[index, "help"]} label="填写提示（选填）">
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item
          name={[index, "maps"]}
          label="对应的事项字段"
          rules={[{ required: true, type: "array", min: 1, message: "至少对应一个事项的字段" }]}
        >
          <Select mode="multiple" options={mapOptions} placeholder="选择“事项 · 字段”" />
        </Form.Item>
      </Col>
    </Row>
  );
}
