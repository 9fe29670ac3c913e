import { useQuery } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Radio,
  Segmented,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import {
  APPEAL_REASON_LABELS,
  APPEAL_STATUS_LABELS,
  RATING_CHANNEL_LABELS,
  RATING_STAGE_LABELS,
  type RatingChannel,
  type RatingStage,
} from "../../common/vocabulary";
import { api, call } from "../api/client";
import type { components } from "../api/schema";
import { formatTime } from "../components/case-parts";
import { RatingLevelTag } from "../components/case-rating";
import { FiguresPanel } from "../components/rating-figures";
import { useSession } from "../components/session";

type Rating = components["schemas"]["Rating"];
type Appeal = components["schemas"]["RatingAppeal"];

const ratingColumns = [
  { title: "事项", dataIndex: "itemName" },
  { title: "单位", dataIndex: "orgName", width: 150 },
  { title: "环节", dataIndex: "stage", width: 90, render: (s: RatingStage) => RATING_STAGE_LABELS[s] },
  {
    title: "评价",
    dataIndex: "level",
    width: 110,
    render: (l: number, r: Rating) => (
      <Space size={2}>
        <RatingLevelTag level={l} />
        {r.excluded && <Tag>不计入统计</Tag>}
      </Space>
    ),
  },
  { title: "内容", dataIndex: "comment", render: (c: string) => c || "—" },
  { title: "渠道", dataIndex: "channel", width: 110, render: (c: RatingChannel) => RATING_CHANNEL_LABELS[c] },
  { title: "时间", dataIndex: "createdAt", width: 150, render: (t: string) => formatTime(t) },
];

/** 评价与申诉: what applicants said (never who), the figures, and appeals against mistaken or malicious ratings. */
export function RatingsPage() {
  const permissions: string[] = useSession().data?.user?.permissions ?? [];
  const answers = permissions.includes("feedback.handle") || permissions.includes("supervision.view");
  const tabs = [
    { key: "mine", label: "我收到的评价", children: <MyRatings /> },
    ...(answers
      ? [
          { key: "figures", label: "评价统计", children: <StaffFigures /> },
          { key: "all", label: "本单位及下级的评价", children: <OrgRatings /> },
          { key: "appeals", label: "申诉复核", children: <Appeals /> },
        ]
      : []),
  ];
  return (
    <div>
      <Typography.Title level={2}>评价与申诉</Typography.Title>
      <Typography.Paragraph type="secondary">评价人信息不向被评价的工作人员公开。</Typography.Paragraph>
      <Tabs items={tabs} defaultActiveKey={answers ? "figures" : "mine"} />
    </div>
  );
}

function MyRatings() {
  const mine = useQuery({ queryKey: ["ratings-mine"], queryFn: () => call(api.GET("/api/ratings/mine")) });
  return (
    <Card>
      {mine.error && <Alert type="error" showIcon message={mine.error.message} />}
      <Table<Rating>
        rowKey="id"
        loading={mine.isPending}
        dataSource={mine.data ?? []}
        columns={ratingColumns}
        locale={{ emptyText: "暂无评价" }}
        scroll={{ x: 900 }}
      />
    </Card>
  );
}

function StaffFigures() {
  return (
    <Card>
      <FiguresPanel audience="staff" />
    </Card>
  );
}

function OrgRatings() {
  const [page, setPage] = useState(1);
  const [bad, setBad] = useState(true);
  const list = useQuery({
    queryKey: ["ratings", page, bad],
    queryFn: () => call(api.GET("/api/ratings", { params: { query: { page, bad: bad ? "true" : undefined } } })),
  });
  return (
    <Card>
      <Segmented
        className="block"
        value={bad ? "bad" : "all"}
        onChange={(v) => setBad(v === "bad")}
        options={[
          { value: "bad", label: "差评" },
          { value: "all", label: "全部" },
        ]}
      />
      <Table<Rating>
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        columns={ratingColumns}
        locale={{ emptyText: "暂无评价" }}
        scroll={{ x: 900 }}
        pagination={{ current: page, total: list.data?.total ?? 0, pageSize: 20, onChange: setPage }}
      />
    </Card>
  );
}

function Appeals() {
  const { message } = App.useApp();
  const permissions: string[] = useSession().data?.user?.permissions ?? [];
  const [deciding, setDeciding] = useState<Appeal | null>(null);
  const [form] = Form.useForm();
  const appeals = useQuery({ queryKey: ["rating-appeals"], queryFn: () => call(api.GET("/api/rating-appeals")) });

  async function decide() {
    if (!deciding) return;
    const values = await form.validateFields();
    try {
      await call(api.POST("/api/rating-appeals/{id}/decide", { params: { path: { id: deciding.id } }, body: values }));
      void message.success("已复核");
      setDeciding(null);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "操作失败");
    }
    await appeals.refetch();
  }

  return (
    <Card>
      <Typography.Paragraph type="secondary">
        申诉由被评价单位的上级督查人员复核；申诉成立的评价不计入统计，但保留记录。
      </Typography.Paragraph>
      <Table<Appeal>
        rowKey="id"
        loading={appeals.isPending}
        dataSource={appeals.data ?? []}
        locale={{ emptyText: "暂无申诉" }}
        scroll={{ x: 900 }}
        columns={[
          { title: "事项", render: (_, a) => a.rating.itemName },
          { title: "单位", width: 150, render: (_, a) => a.rating.orgName },
          { title: "评价", width: 110, render: (_, a) => <RatingLevelTag level={a.rating.level} /> },
          { title: "理由", dataIndex: "reason", width: 100, render: (r: Appeal["reason"]) => APPEAL_REASON_LABELS[r] },
          { title: "申诉说明", dataIndex: "statement" },
          {
            title: "状态",
            dataIndex: "status",
            width: 110,
            render: (s: Appeal["status"], a) => (
              <Space direction="vertical" size={0}>
                <Tag color={s === "pending" ? "gold" : s === "upheld" ? "green" : "default"}>
                  {APPEAL_STATUS_LABELS[s]}
                </Tag>
                {a.decisionNote && <Typography.Text type="secondary">{a.decisionNote}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: "",
            key: "act",
            width: 90,
            render: (_, a) =>
              a.status === "pending" &&
              permissions.includes("supervision.view") && (
                <Button size="small" type="primary" onClick={() => setDeciding(a)}>
                  复核
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={deciding !== null}
        title="申诉复核"
        okText="确定"
        cancelText="取消"
        onCancel={() => setDeciding(null)}
        onOk={() => void decide()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="upheld" label="复核结论" rules={[{ required: true, message: "请选择" }]}>
            <Radio.Group
              options={[
                { value: true, label: "申诉成立（不计入统计）" },
                { value: false, label: "申诉不成立" },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label="复核意见"
            rules={[{ required: true, whitespace: true, message: "请填写复核意见" }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
