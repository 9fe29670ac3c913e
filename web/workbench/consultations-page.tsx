import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { CONSULTATION_STATUS_LABELS, CONSULTATION_STATUSES, type ConsultationStatus } from "../../common/vocabulary";
import { api, call } from "../api/client";
import type { components } from "../api/schema";
import { dueColumn, formatTime } from "../components/case-parts";
import { StatusFilter } from "../components/status-filter";

type Consultation = components["schemas"]["StaffConsultation"];

/** 咨询答复: questions to the org's line, those about items the reader answers for first. */
export function ConsultationsPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<ConsultationStatus | "all">("open");
  const [answering, setAnswering] = useState<Consultation | null>(null);
  const [faq, setFaq] = useState<Consultation | null>(null);
  const [answerForm] = Form.useForm();
  const [faqForm] = Form.useForm();
  const list = useQuery({
    queryKey: ["consultations", status],
    queryFn: () => call(api.GET("/api/consultations", { params: { query: status === "all" ? {} : { status } } })),
  });

  async function save() {
    const values = await (answering ? answerForm : faqForm).validateFields();
    try {
      if (answering) {
        await call(
          api.POST("/api/consultations/{id}/answer", {
            params: { path: { id: answering.id } },
            body: { revision: answering.revision, answer: values.answer },
          }),
        );
        void message.success("已答复，咨询人会收到站内消息和短信");
      } else if (faq) {
        await call(
          api.POST("/api/consultations/{id}/faq", {
            params: { path: { id: faq.id } },
            body: {
              revision: faq.revision,
              published: values.published,
              question: values.question,
              answer: values.answer,
            },
          }),
        );
        void message.success(values.published ? "已设为常见问题，显示在办事指南页" : "已撤下");
      }
      setAnswering(null);
      setFaq(null);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "操作失败");
    }
    await list.refetch();
  }

  return (
    <div>
      <Typography.Title level={2}>咨询答复</Typography.Title>
      <Typography.Paragraph type="secondary">
        群众就事项或单位提出的咨询，须在期限内答复；好的答复可改写后设为事项的常见问题，在办事指南页公开。
      </Typography.Paragraph>
      <StatusFilter
        statuses={CONSULTATION_STATUSES}
        labels={CONSULTATION_STATUS_LABELS}
        value={status}
        onChange={setStatus}
      />
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      <Card>
        <Table<Consultation>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data ?? []}
          locale={{ emptyText: "暂无咨询" }}
          scroll={{ x: 900 }}
          columns={[
            {
              title: "咨询内容",
              dataIndex: "question",
              render: (q: string, c) => (
                <Space direction="vertical" size={2}>
                  <span>{q}</span>
                  {c.answer && <Typography.Text type="secondary">答复：{c.answer}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: "事项 / 单位",
              width: 200,
              render: (_, c) => (
                <Space direction="vertical" size={0}>
                  {c.itemName ?? "（单位咨询）"}
                  <Typography.Text type="secondary">{c.orgName}</Typography.Text>
                </Space>
              ),
            },
            {
              title: "责任人",
              width: 110,
              render: (_, c) => (c.assignedToMe ? <Tag color="blue">我</Tag> : (c.assigneeName ?? "—")),
            },
            { title: "咨询人", dataIndex: "askerName", width: 80 },
            { title: "提出时间", dataIndex: "createdAt", width: 150, render: (t: string) => formatTime(t) },
            dueColumn("答复期限"),
            {
              title: "",
              key: "act",
              width: 130,
              render: (_, c) =>
                c.status === "open" ? (
                  <Button size="small" type="primary" onClick={() => setAnswering(c)}>
                    答复
                  </Button>
                ) : (
                  c.itemId && (
                    <Button size="small" onClick={() => setFaq(c)}>
                      {c.faq ? "常见问题 ✓" : "设为常见问题"}
                    </Button>
                  )
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={answering !== null || faq !== null}
        title={answering ? "答复咨询" : "常见问题（公开的问答可改写，去掉个人信息）"}
        okText="确定"
        cancelText="取消"
        onCancel={() => {
          setAnswering(null);
          setFaq(null);
        }}
        onOk={() => void save()}
        destroyOnHidden
      >
        {answering && (
          <Form form={answerForm} layout="vertical" preserve={false}>
            <Typography.Paragraph>{answering.question}</Typography.Paragraph>
            <Form.Item name="answer" label="答复" rules={[{ required: true, whitespace: true, message: "请填写答复" }]}>
              <Input.TextArea rows={5} maxLength={2000} />
            </Form.Item>
          </Form>
        )}
        {faq && (
          <Form
            form={faqForm}
            layout="vertical"
            preserve={false}
            initialValues={{
              published: true,
              question: faq.faqQuestion ?? faq.question,
              answer: faq.faqAnswer ?? faq.answer,
            }}
          >
            <Form.Item name="published" label="在办事指南页公开" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="question" label="问题" rules={[{ required: true, whitespace: true, message: "请填写" }]}>
              <Input.TextArea rows={2} maxLength={300} />
            </Form.Item>
            <Form.Item name="answer" label="答复" rules={[{ required: true, whitespace: true, message: "请填写答复" }]}>
              <Input.TextArea rows={5} maxLength={2000} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </div>
  );
}
