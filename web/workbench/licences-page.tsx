import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { api, call } from "../api/client";
import type { components } from "../api/schema";
import { expiryText, LicenceStatusTag } from "../components/licence-parts";

type StaffLicence = components["schemas"]["StaffLicence"];

/** 电子证照: the e-licences this org and those below it issued; found by number or code, revoked with a reason. */
export function LicencesPage() {
  const { message } = App.useApp();
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [revoking, setRevoking] = useState<StaffLicence | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const list = useQuery({
    queryKey: ["workbench-licences", q, page],
    queryFn: () =>
      call(api.GET("/api/workbench/licences", { params: { query: { q: q || undefined, page, pageSize: 20 } } })),
  });

  async function revoke() {
    if (!revoking) return;
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      await call(
        api.POST("/api/workbench/licences/{id}/revoke", {
          params: { path: { id: revoking.id } },
          body: { reason: reason.trim() },
        }),
      );
      void message.success(`已撤销 ${revoking.type}（${revoking.number}）`);
      setRevoking(null);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "撤销失败");
    } finally {
      setBusy(false);
      await list.refetch();
    }
  }

  return (
    <div>
      <Typography.Title level={2}>电子证照</Typography.Title>
      <Typography.Paragraph type="secondary">
        本单位及下级单位签发的电子证照。撤销后，凭核验码核验即显示“已撤销”及撤销理由，不能再用于代替申请材料。
      </Typography.Paragraph>
      <Input.Search
        className="queue-search block"
        aria-label="证照编号或核验码"
        placeholder="输入证照编号或核验码查找"
        enterButton="查找"
        allowClear
        maxLength={40}
        onSearch={(value) => {
          setQ(value.trim());
          setPage(1);
        }}
      />
      {list.error && <Alert type="error" showIcon className="block" message={list.error.message} />}
      <Table
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: q ? "没有找到该编号或核验码的电子证照" : "暂无电子证照" }}
        scroll={{ x: 1300 }}
        pagination={{
          current: page,
          total: list.data?.total ?? 0,
          pageSize: 20,
          onChange: setPage,
          showTotal: (n) => `共 ${n} 份`,
        }}
        columns={[
          { title: "证照类型", dataIndex: "type", width: 140 },
          { title: "证照编号", dataIndex: "number", width: 180 },
          {
            title: "核验码",
            dataIndex: "code",
            width: 200,
            render: (code: string) => <span className="licence-code">{code}</span>,
          },
          { title: "持证人", dataIndex: "holderName", width: 110 },
          { title: "签发单位", dataIndex: "issuer", width: 170 },
          {
            title: "签发 / 有效期至",
            key: "dates",
            width: 190,
            render: (_: unknown, l) => `${l.issuedOn} 至 ${expiryText(l.expiresOn)}`,
          },
          {
            title: "状态",
            dataIndex: "status",
            width: 160,
            render: (_: unknown, l) => (
              <Space direction="vertical" size={2}>
                <LicenceStatusTag status={l.status} />
                {l.revokedReason && <Typography.Text type="secondary">{l.revokedReason}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: "操作",
            key: "actions",
            width: 130,
            fixed: "right",
            render: (_: unknown, l) => (
              <Space size={4} wrap>
                {l.caseId && <Link to={`/workbench/cases/${l.caseId}`}>办件</Link>}
                {l.actions.some((a) => a.action === "revoke") && (
                  <Button
                    size="small"
                    danger
                    aria-label={`撤销 ${l.number}`}
                    onClick={() => {
                      form.resetFields();
                      setRevoking(l);
                    }}
                  >
                    撤销
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={revoking !== null}
        title="撤销电子证照"
        okText="确认撤销"
        cancelText="取消"
        okButtonProps={{ danger: true }}
        confirmLoading={busy}
        onCancel={() => setRevoking(null)}
        onOk={() => void revoke()}
        destroyOnHidden
      >
        {revoking && (
          <Descriptions column={1} size="small" className="block">
            <Descriptions.Item label="证照">
              {revoking.type}（{revoking.number}）
            </Descriptions.Item>
            <Descriptions.Item label="持证人">{revoking.holderName}</Descriptions.Item>
          </Descriptions>
        )}
        <Alert
          type="warning"
          showIcon
          className="block"
          message="撤销不可恢复：核验即显示“已撤销”和撤销理由，持证人也将看到。"
        />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="reason"
            label="撤销理由"
            rules={[{ required: true, whitespace: true, message: "请填写撤销理由" }]}
          >
            <Input.TextArea rows={3} maxLength={300} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
