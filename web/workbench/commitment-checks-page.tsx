import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Modal, Radio, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { api, call } from "../api/client";
import type { components } from "../api/schema";

type Check = components["schemas"]["CommitmentCheck"];

const STATUS: Record<Check["status"], { label: string; color: string }> = {
  open: { label: "待核查", color: "gold" },
  confirmed: { label: "承诺属实", color: "green" },
  false: { label: "承诺不实", color: "red" },
};

/** 承诺核查: the commitments behind grants, to verify by their deadlines; a false one revokes the grant. */
export function CommitmentChecksPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [open, setOpen] = useState<Check | null>(null);
  const checks = useQuery({
    queryKey: ["commitment-checks"],
    queryFn: () => call(api.GET("/api/workbench/commitment-checks")),
  });

  async function resolve() {
    if (!open) return;
    const values = await form.validateFields();
    try {
      await call(api.POST("/api/commitment-checks/{id}/resolve", { params: { path: { id: open.id } }, body: values }));
      void message.success("已记录核查结论");
      setOpen(null);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "操作失败");
    }
    await checks.refetch();
  }

  return (
    <div>
      <Typography.Title level={2}>承诺核查</Typography.Title>
      <Typography.Paragraph type="secondary">
        实行告知承诺的事项准予后，须在期限内核查申请人的承诺；承诺不实的，撤销准予决定并记入信用记录。
      </Typography.Paragraph>
      {checks.error && <Alert type="error" showIcon message={checks.error.message} />}
      <Card>
        <Table<Check>
          rowKey="id"
          loading={checks.isPending}
          dataSource={checks.data ?? []}
          locale={{ emptyText: "暂无核查任务" }}
          scroll={{ x: 800 }}
          columns={[
            {
              title: "办件编号",
              dataIndex: "caseNumber",
              render: (n: string, k) => <Link to={`/workbench/cases/${k.caseId}`}>{n}</Link>,
            },
            { title: "事项", dataIndex: "itemName" },
            { title: "申请人", dataIndex: "applicantName", width: 100 },
            { title: "核查期限", dataIndex: "dueOn", width: 110 },
            {
              title: "结论",
              dataIndex: "status",
              width: 110,
              render: (s: Check["status"]) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag>,
            },
            {
              title: "",
              key: "act",
              width: 100,
              render: (_, k) =>
                k.status === "open" && (
                  <Button size="small" type="primary" onClick={() => setOpen(k)}>
                    核查
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={open !== null}
        title={`核查承诺：${open?.caseNumber ?? ""}`}
        okText="确定"
        cancelText="取消"
        onCancel={() => setOpen(null)}
        onOk={() => void resolve()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="outcome" label="核查结论" rules={[{ required: true, message: "请选择结论" }]}>
            <Radio.Group
              options={[
                { value: "confirmed", label: "承诺属实" },
                { value: "false", label: "承诺不实（撤销准予决定）" },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="finding"
            label="核查情况"
            rules={[{ required: true, whitespace: true, message: "请填写核查情况" }]}
          >
            <Input.TextArea rows={4} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
