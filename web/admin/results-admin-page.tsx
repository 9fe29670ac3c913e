import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { EXAM_LABELS, EXAMS, RESULT_KIND_LABELS, RESULT_KINDS } from "../../common/vocabulary";
import { ApiError, api, call, postFile } from "../api/client";
import type { components } from "../api/schema";

type Batch = components["schemas"]["ResultBatch"];
type NewBatch = { exam: Batch["exam"]; kind: Batch["kind"]; year: number; title: string };

/** 成绩发布: batches from the examination authority — import all or nothing, then open at a set time. */
export function ResultsAdminPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [scheduling, setScheduling] = useState<Batch | null>(null);
  const batches = useQuery({
    queryKey: ["admin-results"],
    queryFn: () => call(api.GET("/api/admin/results/batches")),
    refetchInterval: (query) => (query.state.data?.some((b) => b.importState === "running") ? 1000 : false),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["admin-results"] });

  async function act(work: Promise<unknown>, done: string) {
    try {
      await work;
      void message.success(done);
      await refresh();
      return true;
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : "操作失败，请稍后再试");
      return false;
    }
  }

  const importFile = (batch: Batch, file: Blob) =>
    act(postFile(`/api/admin/results/batches/${batch.id}/import`, file), "文件已上传，正在校验与导入");

  return (
    <div>
      <Typography.Title level={2}>成绩发布</Typography.Title>
      <Typography.Paragraph type="secondary">
        导入考试院交来的成绩或录取文件（CSV 或
        xlsx，首行为表头：准考证号、身份证号、姓名、各科目、总分；录取文件为录取院校、录取专业、录取批次）。
        系统先校验全部行，全部无误才导入；有误则一行不导，并列出每一处错误。到发布时间才开放查询。
      </Typography.Paragraph>
      <Space className="toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建批次
        </Button>
      </Space>
      <Table
        rowKey="id"
        loading={batches.isLoading}
        dataSource={batches.data ?? []}
        pagination={false}
        expandable={{
          rowExpandable: (b) => b.importState === "failed",
          expandedRowRender: (b) => <ImportProblems batch={b} />,
        }}
        columns={[
          {
            title: "批次",
            render: (_, b) => (
              <Space direction="vertical" size={0}>
                <strong>{b.title}</strong>
                <Typography.Text type="secondary">{`${EXAM_LABELS[b.exam]} · ${RESULT_KIND_LABELS[b.kind]} · ${b.year}`}</Typography.Text>
              </Space>
            ),
          },
          { title: "考生数", dataIndex: "rowCount", align: "right", className: "nowrap" },
          { title: "导入", render: (_, b) => <ImportState batch={b} /> },
          { title: "发布", render: (_, b) => <Publication batch={b} /> },
          {
            title: "查询次数",
            align: "right",
            className: "nowrap",
            render: (_, b) => (
              <span title="查询总次数 / 其中查到结果的次数">{`${b.lookupCount} / ${b.matchCount}`}</span>
            ),
          },
          {
            title: "操作",
            render: (_, b) => (
              <Space wrap>
                <Upload
                  showUploadList={false}
                  accept=".csv,.xlsx"
                  disabled={b.importState === "running"}
                  customRequest={({ file }) => void importFile(b, file as Blob)}
                >
                  <Button size="small" icon={<UploadOutlined />} disabled={b.importState === "running"}>
                    {b.rowCount ? "重新导入" : "导入文件"}
                  </Button>
                </Upload>
                <Button size="small" disabled={!b.rowCount} onClick={() => setScheduling(b)}>
                  设定发布时间
                </Button>
                {b.publishAt && (
                  <Button
                    size="small"
                    danger
                    onClick={() =>
                      void act(
                        call(
                          api.PUT("/api/admin/results/batches/{id}/publication", {
                            params: { path: { id: b.id } },
                            body: { publishAt: null },
                          }),
                        ),
                        "已撤回，停止查询",
                      )
                    }
                  >
                    撤回
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <NewBatchModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreate={(values) => act(call(api.POST("/api/admin/results/batches", { body: values })), "已新建批次")}
      />
      <ScheduleModal
        batch={scheduling}
        onClose={() => setScheduling(null)}
        onSchedule={(batch, at) =>
          act(
            call(
              api.PUT("/api/admin/results/batches/{id}/publication", {
                params: { path: { id: batch.id } },
                body: { publishAt: at.format() },
              }),
            ),
            `将于 ${at.format("YYYY-MM-DD HH:mm")} 开放查询`,
          )
        }
      />
    </div>
  );
}

function ImportState({ batch }: { batch: Batch }) {
  if (batch.importState === "running") {
    return (
      <div className="import-progress">
        <Progress percent={batch.importProgress ?? 0} size="small" status="active" />
        <Typography.Text type="secondary">{(batch.importProgress ?? 0) < 60 ? "正在校验" : "正在写入"}</Typography.Text>
      </div>
    );
  }
  if (batch.importState === "failed") return <Tag color="red">导入失败</Tag>;
  if (batch.importState === "succeeded") {
    return <Tag color="green">{`已导入 ${dayjs(batch.importedAt).format("MM-DD HH:mm")}`}</Tag>;
  }
  return <Tag>未导入</Tag>;
}

function Publication({ batch }: { batch: Batch }) {
  if (!batch.publishAt) return <Tag>未设定</Tag>;
  const at = dayjs(batch.publishAt).format("YYYY-MM-DD HH:mm");
  return batch.published ? <Tag color="green">{`已开放（${at} 起）`}</Tag> : <Tag color="blue">{`定时 ${at}`}</Tag>;
}

function ImportProblems({ batch }: { batch: Batch }) {
  return (
    <div>
      <Alert type="error" showIcon className="block" message={batch.importMessage ?? "导入失败"} />
      {batch.importProblems.length > 0 && (
        <Table
          size="small"
          rowKey="row"
          dataSource={batch.importProblems}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: "行号", dataIndex: "row", width: 90 },
            { title: "问题", render: (_, p) => p.messages.join("；") },
          ]}
          footer={
            batch.importProblemCount > batch.importProblems.length
              ? () => `共 ${batch.importProblemCount} 行有误，此处列出前 ${batch.importProblems.length} 行`
              : undefined
          }
        />
      )}
    </div>
  );
}

function NewBatchModal(props: { open: boolean; onClose(): void; onCreate(values: NewBatch): Promise<boolean> }) {
  const [form] = Form.useForm<NewBatch>();
  return (
    <Modal
      title="新建成绩批次"
      open={props.open}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      okText="新建"
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ exam: "gaokao", kind: "scores", year: dayjs().year() }}
        onFinish={async (values) => {
          if (await props.onCreate(values)) props.onClose();
        }}
      >
        <Form.Item label="考试" name="exam">
          <Select options={EXAMS.map((exam) => ({ value: exam, label: EXAM_LABELS[exam] }))} />
        </Form.Item>
        <Form.Item label="类别" name="kind">
          <Select options={RESULT_KINDS.map((kind) => ({ value: kind, label: RESULT_KIND_LABELS[kind] }))} />
        </Form.Item>
        <Form.Item label="年份" name="year" rules={[{ required: true, message: "请填写年份" }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item label="批次名称" name="title" rules={[{ required: true, message: "请填写批次名称" }]}>
          <Input maxLength={60} placeholder="如：2026年普通高考成绩" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ScheduleModal(props: {
  batch: Batch | null;
  onClose(): void;
  onSchedule(batch: Batch, at: Dayjs): Promise<boolean>;
}) {
  const [at, setAt] = useState<Dayjs | null>(null);
  const { batch } = props;
  return (
    <Modal
      title={batch ? `设定发布时间：${batch.title}` : ""}
      open={batch !== null}
      onCancel={props.onClose}
      okText="确定"
      okButtonProps={{ disabled: !at }}
      onOk={async () => {
        if (batch && at && (await props.onSchedule(batch, at))) props.onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">到此时间起，考生方可查询；此前任何人都查不到本批次。</Typography.Paragraph>
      <Space wrap>
        <DatePicker
          showTime={{ format: "HH:mm" }}
          format="YYYY-MM-DD HH:mm"
          value={at}
          onChange={setAt}
          aria-label="发布时间"
        />
        <Button onClick={() => setAt(dayjs())}>立即发布</Button>
      </Space>
    </Modal>
  );
}
