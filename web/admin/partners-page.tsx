import { PlusOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { PARTNER_SCOPE_LABELS, PARTNER_SCOPES, type PartnerScope } from "../../common/vocabulary";
import { ApiError, api, call } from "../api/client";
import type { components } from "../api/schema";

type Partner = components["schemas"]["PartnerApp"];
type PartnerForm = { name: string; scopes: PartnerScope[]; rateLimit: number; enabled: boolean };

/** 合作应用: apps such as 全省事 that call the signed open API; a secret is shown once, when issued. */
export function PartnersPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Partner | "new" | null>(null);
  const [issued, setIssued] = useState<{ appId: string; secret: string } | null>(null);
  const partners = useQuery({ queryKey: ["partners"], queryFn: () => call(api.GET("/api/admin/partners")) });

  async function save(values: PartnerForm) {
    try {
      if (editing === "new") {
        const { enabled: _enabled, ...input } = values;
        const created = await call(api.POST("/api/admin/partners", { body: input }));
        setIssued({ appId: created.app.id, secret: created.secret });
      } else if (editing) {
        await call(api.PUT("/api/admin/partners/{appId}", { params: { path: { appId: editing.id } }, body: values }));
        void message.success("已保存");
      }
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: ["partners"] });
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : "保存失败");
    }
  }

  async function rotate(partner: Partner) {
    try {
      const rotated = await call(
        api.POST("/api/admin/partners/{appId}/secret", { params: { path: { appId: partner.id } } }),
      );
      setIssued({ appId: partner.id, secret: rotated.secret });
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : "重置失败");
    }
  }

  return (
    <div>
      <Typography.Title level={2}>合作应用</Typography.Title>
      <Typography.Paragraph type="secondary">
        合作应用以 HMAC-SM3 签名调用开放接口（/api/open/v1），签名方法见接口文档“开放接口（合作应用）”。
      </Typography.Paragraph>
      <Space className="toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
          登记应用
        </Button>
      </Space>
      <Table
        rowKey="id"
        loading={partners.isLoading}
        dataSource={partners.data ?? []}
        pagination={false}
        columns={[
          { title: "应用编号", dataIndex: "id", render: (id: string) => <Typography.Text code>{id}</Typography.Text> },
          { title: "名称", dataIndex: "name" },
          {
            title: "授权范围",
            render: (_, p) => p.scopes.map((scope) => <Tag key={scope}>{PARTNER_SCOPE_LABELS[scope]}</Tag>),
          },
          { title: "限流（次/分钟）", dataIndex: "rateLimit", align: "right" },
          { title: "状态", render: (_, p) => (p.enabled ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          {
            title: "操作",
            render: (_, p) => (
              <Space>
                <Button size="small" onClick={() => setEditing(p)}>
                  修改
                </Button>
                <Button size="small" onClick={() => void rotate(p)}>
                  重置密钥
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title={editing === "new" ? "登记合作应用" : "修改合作应用"}
        open={editing !== null}
        onCancel={() => setEditing(null)}
        footer={null}
        destroyOnHidden
      >
        <Form<PartnerForm>
          layout="vertical"
          preserve={false}
          initialValues={
            editing && editing !== "new" ? editing : { name: "", scopes: [], rateLimit: 6000, enabled: true }
          }
          onFinish={save}
        >
          <Form.Item label="应用名称" name="name" rules={[{ required: true, message: "请填写应用名称" }]}>
            <Input maxLength={40} placeholder="如：全省事" />
          </Form.Item>
          <Form.Item label="授权范围" name="scopes" rules={[{ required: true, message: "至少授权一项接口" }]}>
            <Checkbox.Group
              options={PARTNER_SCOPES.map((scope) => ({ value: scope, label: PARTNER_SCOPE_LABELS[scope] }))}
            />
          </Form.Item>
          <Form.Item label="限流（每分钟请求数）" name="rateLimit" rules={[{ required: true, message: "请填写限流" }]}>
            <InputNumber min={1} max={100000} />
          </Form.Item>
          {editing !== "new" && (
            <Form.Item label="启用" name="enabled" valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form>
      </Modal>
      <Modal
        title="签名密钥"
        open={issued !== null}
        onOk={() => setIssued(null)}
        onCancel={() => setIssued(null)}
        footer={(_, { OkBtn }) => <OkBtn />}
      >
        <Alert type="warning" showIcon className="block" message="密钥只显示这一次，请立即交给应用开发方妥善保存。" />
        <p>
          应用编号：
          <Typography.Text code copyable>
            {issued?.appId}
          </Typography.Text>
        </p>
        <p>
          签名密钥：
          <Typography.Text code copyable>
            {issued?.secret}
          </Typography.Text>
        </p>
      </Modal>
    </div>
  );
}
