import { useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Tree,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { ORG_CHILD_KINDS, ORG_KIND_LABELS, type OrgKind } from "../../common/vocabulary";
import { ApiError, api, call } from "../api/client";
import { type Org, type OrgNode, orgSubtree, useOrgs } from "../components/org-tree";
import { useSession } from "../components/session";

type EditValues = { name: string; kind?: OrgKind; creditCode?: string };

function filterTree(nodes: OrgNode[], q: string): OrgNode[] {
  if (!q) return nodes;
  return nodes.flatMap((node) => {
    const children = filterTree(node.children, q);
    return node.title.includes(q) || children.length ? [{ ...node, children }] : [];
  });
}

/** 单位管理: the admin's own subtree; add a subordinate org of an allowed kind, rename, set the credit code. */
export function OrgsPage() {
  const user = useSession().data?.user;
  const orgs = useOrgs();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [q, setQ] = useState("");
  const [editing, setEditing] = useState<"create" | "update" | null>(null);
  const [form] = Form.useForm<EditValues>();

  const tree = useMemo(() => orgSubtree(orgs.data ?? [], user?.orgId), [orgs.data, user?.orgId]);
  const shown = useMemo(() => filterTree(tree, q.trim()), [tree, q]);
  const selected: Org | undefined = orgs.data?.find((o) => o.id === (selectedId ?? user?.orgId));
  const childKinds = selected ? ORG_CHILD_KINDS[selected.kind] : [];

  function open(mode: "create" | "update") {
    form.resetFields();
    if (mode === "update" && selected)
      form.setFieldsValue({ name: selected.name, creditCode: selected.creditCode ?? "" });
    if (mode === "create") form.setFieldsValue({ kind: childKinds[0] });
    setEditing(mode);
  }

  async function save(values: EditValues) {
    if (!selected) return;
    try {
      const creditCode = values.creditCode?.trim() || undefined;
      if (editing === "create") {
        const created = await call(
          api.POST("/api/orgs", {
            body: { parentId: selected.id, name: values.name, kind: values.kind ?? "county", creditCode, sortOrder: 0 },
          }),
        );
        setSelectedId(created.id);
        void message.success(`已新建“${created.name}”`);
      } else {
        await call(
          api.PATCH("/api/orgs/{id}", {
            params: { path: { id: selected.id } },
            body: { name: values.name, creditCode: creditCode ?? null, version: selected.version },
          }),
        );
        void message.success("已保存");
      }
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: ["orgs"] });
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : "保存失败");
    }
  }

  return (
    <div>
      <Typography.Title level={2}>单位管理</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title="单位树" size="small">
            <Input.Search
              placeholder="筛选单位名称"
              allowClear
              onChange={(e) => setQ(e.target.value)}
              className="block"
              aria-label="筛选单位名称"
            />
            {shown.length ? (
              <Tree
                treeData={shown}
                defaultExpandedKeys={user?.orgId ? [user.orgId] : []}
                defaultExpandAll={Boolean(q)}
                selectedKeys={selected ? [selected.id] : []}
                onSelect={(keys) => keys[0] && setSelectedId(String(keys[0]))}
                height={520}
                key={q ? `filtered:${q}` : "all"}
              />
            ) : (
              <Empty description={orgs.isPending ? "加载中…" : "没有匹配的单位"} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={selected?.name ?? "请选择单位"}
            size="small"
            extra={
              selected && (
                <Space wrap>
                  <Button onClick={() => open("update")}>编辑</Button>
                  <Button type="primary" disabled={!childKinds.length} onClick={() => open("create")}>
                    新建下级单位
                  </Button>
                </Space>
              )
            }
          >
            {selected && (
              <Descriptions column={1} bordered size="small">
                <Descriptions.Item label="单位类型">{ORG_KIND_LABELS[selected.kind]}</Descriptions.Item>
                <Descriptions.Item label="统一社会信用代码">{selected.creditCode ?? "未填写"}</Descriptions.Item>
                <Descriptions.Item label="上级单位">
                  {orgs.data?.find((o) => o.id === selected.parentId)?.name ?? "（无，为根单位）"}
                </Descriptions.Item>
                <Descriptions.Item label="下级单位数">
                  {orgs.data?.filter((o) => o.parentId === selected.id).length ?? 0}
                </Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        </Col>
      </Row>
      <Modal
        title={editing === "create" ? `在“${selected?.name}”下新建单位` : "编辑单位"}
        open={editing !== null}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        okText="保存"
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={save} requiredMark={false}>
          <Form.Item
            name="name"
            label="单位名称"
            rules={[{ required: true, whitespace: true, message: "请输入单位名称" }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          {editing === "create" && (
            <Form.Item name="kind" label="单位类型" rules={[{ required: true, message: "请选择单位类型" }]}>
              <Select options={childKinds.map((k) => ({ value: k, label: ORG_KIND_LABELS[k] }))} />
            </Form.Item>
          )}
          <Form.Item
            name="creditCode"
            label="统一社会信用代码（选填）"
            rules={[{ pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, message: "应为 18 位数字或大写字母" }]}
          >
            <Input maxLength={18} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
