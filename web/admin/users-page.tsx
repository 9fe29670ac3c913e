import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, TreeSelect, Typography } from "antd";
import { useMemo, useState } from "react";
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from "../../common/vocabulary";
import { ApiError, api, call } from "../api/client";
import type { components } from "../api/schema";
import { orgSubtree, useOrgs } from "../components/org-tree";
import { useSession } from "../components/session";

type User = components["schemas"]["User"];
type CreateValues = {
  username: string;
  name: string;
  orgId: string;
  roles: StaffRole[];
  password: string;
  phone?: string;
};
type EditValues = { name: string; roles: StaffRole[]; status: "active" | "disabled" };

const PASSWORD_RULE = "至少 8 位，含大写字母、小写字母、数字、符号中的至少三类";

/** 用户管理: staff of the admin's subtree; create, edit roles, disable, reset a password, lift a lock. */
export function UsersPage() {
  const me = useSession().data?.user;
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const orgs = useOrgs();
  const [filters, setFilters] = useState<{ q?: string; role?: StaffRole; page: number }>({ page: 1 });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [createForm] = Form.useForm<CreateValues>();
  const [editForm] = Form.useForm<EditValues>();
  const [resetForm] = Form.useForm<{ password: string }>();

  const users = useQuery({
    queryKey: ["users", filters],
    queryFn: () => call(api.GET("/api/users", { params: { query: { ...filters, pageSize: 20 } } })),
  });
  const orgTree = useMemo(() => orgSubtree(orgs.data ?? [], me?.orgId), [orgs.data, me?.orgId]);
  const grantable = STAFF_ROLES.filter((r) => r !== "system_admin" || me?.roles.includes("system_admin"));
  const roleOptions = grantable.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      void message.success(done);
      await queryClient.invalidateQueries({ queryKey: ["users"] });
      return true;
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : "操作失败");
      return false;
    }
  }

  return (
    <div>
      <Typography.Title level={2}>用户管理</Typography.Title>
      <Card size="small">
        <Space wrap className="toolbar">
          <Input.Search
            placeholder="姓名或用户名"
            allowClear
            aria-label="按姓名或用户名查找"
            onSearch={(q) => setFilters({ ...filters, q: q || undefined, page: 1 })}
          />
          <Select
            allowClear
            placeholder="全部角色"
            aria-label="按角色筛选"
            style={{ minWidth: 160 }}
            options={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            onChange={(role) => setFilters({ ...filters, role, page: 1 })}
          />
          <Button
            type="primary"
            onClick={() => {
              createForm.resetFields();
              setCreating(true);
            }}
          >
            新建工作人员
          </Button>
        </Space>
        <Table<User>
          rowKey="id"
          loading={users.isPending}
          dataSource={users.data?.items}
          scroll={{ x: 900 }}
          pagination={{
            current: filters.page,
            pageSize: 20,
            total: users.data?.total,
            showTotal: (total) => `共 ${total} 人`,
            onChange: (page) => setFilters({ ...filters, page }),
          }}
          columns={[
            { title: "用户名", dataIndex: "username" },
            { title: "姓名", dataIndex: "name" },
            { title: "单位", dataIndex: "orgName" },
            {
              title: "角色",
              dataIndex: "roles",
              render: (roles: StaffRole[]) => roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>),
            },
            {
              title: "状态",
              key: "status",
              render: (_, u) =>
                u.status === "disabled" ? (
                  <Tag color="default">已停用</Tag>
                ) : u.lockedUntil ? (
                  <Tag color="red" title="某个网络地址连续输错密码，该地址暂时不能登录此账号">
                    已锁定
                  </Tag>
                ) : (
                  <Tag color="green">正常</Tag>
                ),
            },
            {
              title: "操作",
              key: "actions",
              render: (_, u) => (
                <Space wrap size="small">
                  <Button
                    size="small"
                    onClick={() => {
                      editForm.setFieldsValue({ name: u.name, roles: u.roles as StaffRole[], status: u.status });
                      setEditing(u);
                    }}
                  >
                    编辑
                  </Button>
                  <Button
                    size="small"
                    onClick={() => {
                      resetForm.resetFields();
                      setResetting(u);
                    }}
                  >
                    重置密码
                  </Button>
                  {u.lockedUntil && (
                    <Button
                      size="small"
                      danger
                      onClick={() =>
                        modal.confirm({
                          title: `解除 ${u.name} 的登录锁定？`,
                          onOk: () =>
                            run(
                              () => call(api.POST("/api/users/{id}/unlock", { params: { path: { id: u.id } } })),
                              "已解除锁定",
                            ),
                        })
                      }
                    >
                      解锁
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>

      <Modal
        title="新建工作人员"
        open={creating}
        onOk={() => createForm.submit()}
        onCancel={() => setCreating(false)}
        okText="创建"
        destroyOnHidden
      >
        <Form
          form={createForm}
          layout="vertical"
          requiredMark={false}
          onFinish={async (v) => {
            if (
              await run(
                () => call(api.POST("/api/users", { body: { ...v, phone: v.phone || undefined } })),
                "已创建，首次登录须修改密码",
              )
            )
              setCreating(false);
          }}
        >
          <Form.Item
            name="username"
            label="用户名"
            extra="小写字母开头，3–32 位"
            rules={[{ required: true, pattern: /^[a-z][a-z0-9_.-]{2,31}$/, message: "用户名格式不正确" }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: "请输入姓名" }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="orgId" label="所在单位" rules={[{ required: true, message: "请选择单位" }]}>
            <TreeSelect
              treeData={orgTree}
              showSearch
              treeNodeFilterProp="title"
              placeholder="选择单位"
              treeDefaultExpandedKeys={me?.orgId ? [me.orgId] : []}
            />
          </Form.Item>
          <Form.Item name="roles" label="角色" rules={[{ required: true, message: "至少选择一个角色" }]}>
            <Select mode="multiple" options={roleOptions} />
          </Form.Item>
          <Form.Item
            name="password"
            label="初始密码"
            extra={PASSWORD_RULE}
            rules={[{ required: true, min: 8, message: "请输入至少 8 位的初始密码" }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="phone"
            label="手机号（选填）"
            rules={[{ pattern: /^1[3-9]\d{9}$/, message: "请输入 11 位手机号" }]}
          >
            <Input maxLength={11} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={`编辑 ${editing?.username ?? ""}`}
        open={editing !== null}
        onOk={() => editForm.submit()}
        onCancel={() => setEditing(null)}
        okText="保存"
        destroyOnHidden
      >
        <Form
          form={editForm}
          layout="vertical"
          requiredMark={false}
          onFinish={async (v) => {
            if (!editing) return;
            const ok = await run(
              () =>
                call(
                  api.PATCH("/api/users/{id}", {
                    params: { path: { id: editing.id } },
                    body: { ...v, version: editing.version },
                  }),
                ),
              "已保存",
            );
            if (ok) setEditing(null);
          }}
        >
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: "请输入姓名" }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="roles" label="角色" rules={[{ required: true, message: "至少选择一个角色" }]}>
            <Select mode="multiple" options={roleOptions} />
          </Form.Item>
          <Form.Item name="status" label="账号状态">
            <Select
              options={[
                { value: "active", label: "正常" },
                { value: "disabled", label: "停用" },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        title={`重置 ${resetting?.username ?? ""} 的密码`}
        open={resetting !== null}
        onOk={() => resetForm.submit()}
        onCancel={() => setResetting(null)}
        okText="重置"
        destroyOnHidden
      >
        <Form
          form={resetForm}
          layout="vertical"
          requiredMark={false}
          onFinish={async ({ password }) => {
            if (!resetting) return;
            const ok = await run(
              () =>
                call(
                  api.POST("/api/users/{id}/reset-password", {
                    params: { path: { id: resetting.id } },
                    body: { password },
                  }),
                ),
              "已重置，对方下次登录须修改密码",
            );
            if (ok) setResetting(null);
          }}
        >
          <Form.Item
            name="password"
            label="新的初始密码"
            extra={PASSWORD_RULE}
            rules={[{ required: true, min: 8, message: "请输入至少 8 位的密码" }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
