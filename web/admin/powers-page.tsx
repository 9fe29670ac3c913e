import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, TreeSelect, Typography } from "antd";
import { useMemo, useState } from "react";
import { POWER_KIND_LABELS, POWER_KINDS, type PowerKind } from "../../common/vocabulary";
import { ApiError, api, call } from "../api/client";
import type { components } from "../api/schema";
import { orgSubtree, useOrgs } from "../components/org-tree";
import { useSession } from "../components/session";

type Power = components["schemas"]["Power"];
type Values = { code: string; name: string; kind: PowerKind; basis: string; responsibility: string };

/** 权责清单管理: an org's powers, drafts beside the published versions; an item can only cite a published one. */
export function PowersAdminPage() {
  const me = useSession().data?.user;
  const orgs = useOrgs();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [orgId, setOrgId] = useState<string | undefined>(me?.orgId ?? undefined);
  const [editing, setEditing] = useState<Power | "new" | null>(null);
  const [form] = Form.useForm<Values>();
  const tree = useMemo(() => orgSubtree(orgs.data ?? [], me?.orgId), [orgs.data, me?.orgId]);
  const powers = useQuery({
    queryKey: ["admin-powers", orgId],
    enabled: Boolean(orgId),
    queryFn: () => call(api.GET("/api/orgs/{id}/powers", { params: { path: { id: orgId ?? "" } } })),
  });

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      void message.success(done);
      await queryClient.invalidateQueries({ queryKey: ["admin-powers", orgId] });
      return true;
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : "操作失败");
      return false;
    }
  }

  async function save(values: Values) {
    const body = { name: values.name, kind: values.kind, basis: values.basis, responsibility: values.responsibility };
    const ok =
      editing === "new"
        ? await run(
            () =>
              call(api.POST("/api/admin/catalog/powers", { body: { ...body, orgId: orgId ?? "", code: values.code } })),
            "已新建草稿",
          )
        : editing
          ? await run(
              () =>
                call(
                  api.PUT("/api/admin/catalog/powers/{id}/draft", {
                    params: { path: { id: editing.id } },
                    body: { ...body, revision: editing.status === "draft" ? editing.revision : 1 },
                  }),
                ),
              "已保存草稿",
            )
          : false;
    if (ok) setEditing(null);
  }

  return (
    <div>
      <Typography.Title level={2}>权责清单管理</Typography.Title>
      <Card size="small">
        <Space wrap className="toolbar">
          <TreeSelect
            style={{ minWidth: 280 }}
            treeData={tree}
            value={orgId}
            onChange={setOrgId}
            showSearch
            treeNodeFilterProp="title"
            treeDefaultExpandedKeys={me?.orgId ? [me.orgId] : []}
            aria-label="选择单位"
          />
          <Button
            type="primary"
            disabled={!orgId}
            onClick={() => {
              form.resetFields();
              setEditing("new");
            }}
          >
            新建权力事项
          </Button>
        </Space>
        <Table<Power>
          rowKey={(p) => `${p.id}:${p.versionNo}`}
          size="small"
          loading={powers.isPending}
          dataSource={powers.data}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: "该单位尚无权力事项" }}
          columns={[
            { title: "编码", dataIndex: "code", width: 110 },
            { title: "权力名称", dataIndex: "name" },
            { title: "类型", dataIndex: "kind", width: 120, render: (k: PowerKind) => POWER_KIND_LABELS[k] },
            {
              title: "状态",
              key: "status",
              width: 130,
              render: (_, p) =>
                p.status === "draft" ? (
                  <Tag color="orange">草稿 第{p.versionNo}版</Tag>
                ) : (
                  <Tag color="green">在用 第{p.versionNo}版</Tag>
                ),
            },
            {
              title: "操作",
              key: "actions",
              width: 170,
              render: (_, p) => (
                <Space size="small">
                  <Button
                    size="small"
                    onClick={() => {
                      // A power with an open draft is edited through that draft, whichever row was clicked.
                      const target = powers.data?.find((d) => d.id === p.id && d.status === "draft") ?? p;
                      form.setFieldsValue(target);
                      setEditing(target);
                    }}
                  >
                    {p.status === "draft" ? "编辑" : "修改"}
                  </Button>
                  {p.status === "draft" && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() =>
                        run(
                          () =>
                            call(
                              api.POST("/api/admin/catalog/powers/{id}/publish", { params: { path: { id: p.id } } }),
                            ),
                          "已发布",
                        )
                      }
                    >
                      发布
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        title={editing === "new" ? "新建权力事项" : "编辑权力事项（保存为草稿，发布后生效）"}
        open={editing !== null}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        okText="保存草稿"
        width={720}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" requiredMark={false} onFinish={save}>
          <Form.Item
            name="code"
            label="权力编码"
            rules={[{ required: true, pattern: /^[A-Z0-9-]{2,20}$/, message: "2–20 位大写字母、数字或连字符" }]}
          >
            <Input disabled={editing !== "new"} />
          </Form.Item>
          <Form.Item name="name" label="权力名称" rules={[{ required: true, whitespace: true, message: "请填写" }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="kind" label="权力类型" rules={[{ required: true, message: "请选择" }]}>
            <Select options={POWER_KINDS.map((k) => ({ value: k, label: POWER_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="basis" label="设定依据" rules={[{ required: true, whitespace: true, message: "请填写" }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
          <Form.Item
            name="responsibility"
            label="责任事项"
            rules={[{ required: true, whitespace: true, message: "请填写" }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
