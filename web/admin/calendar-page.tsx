import { useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { ApiError, api, call } from "../api/client";

const KIND_TAGS = { holiday: <Tag color="red">放假</Tag>, workday: <Tag color="blue">调休上班</Tag> };
const WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

type Day = { date: string; kind: "holiday" | "workday"; name: string };

/** Parses pasted or uploaded lines `2027-01-01,放假,元旦` (类型 also as holiday/workday or 上班). */
export function parseScheduleCsv(text: string): { days: Day[]; errors: string[] } {
  const days: Day[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const cells = line.split(/[,，\t]/).map((c) => c.trim());
    if (!cells[0] || cells[0] === "日期") return;
    const kind = (
      { 放假: "holiday", holiday: "holiday", 上班: "workday", 调休上班: "workday", workday: "workday" } as const
    )[cells[1] as "放假"];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(cells[0]) || !kind || !cells[2]) errors.push(`第 ${i + 1} 行格式不正确：${line}`);
    else days.push({ date: cells[0], kind, name: cells[2] });
  });
  return { days, errors };
}

/** 工作日历: the official holidays and make-up days the clock counts on; edit a day, import a year, try a due date. */
export function CalendarPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(dayjs().year());
  const [importing, setImporting] = useState(false);
  const [dayForm] = Form.useForm<{ date: Dayjs; kind: "holiday" | "workday" | "normal"; name?: string }>();
  const [importForm] = Form.useForm<{ year: number; source: string; csv: string }>();
  const [dueForm] = Form.useForm<{ from: Dayjs; days: number; unit: "working" | "calendar" }>();
  const [due, setDue] = useState<{ date: string; provisional: boolean; unloadedYears: number[] } | null>(null);

  const status = useQuery({ queryKey: ["calendar-status"], queryFn: () => call(api.GET("/api/calendar/status")) });
  const days = useQuery({
    queryKey: ["calendar", year],
    queryFn: () => call(api.GET("/api/calendar/{year}", { params: { path: { year } } })),
  });

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: ["calendar"] });
    await queryClient.invalidateQueries({ queryKey: ["calendar-status"] });
  }

  async function setDay(date: string, kind: "holiday" | "workday" | "normal", name = "") {
    try {
      await call(api.PUT("/api/calendar/days/{date}", { params: { path: { date } }, body: { kind, name } }));
      void message.success(`已设置 ${date}`);
      dayForm.resetFields();
      await refresh();
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : "设置失败");
    }
  }

  async function importYear(values: { year: number; source: string; csv: string }) {
    const parsed = parseScheduleCsv(values.csv ?? "");
    if (parsed.errors.length) {
      void message.error(parsed.errors.slice(0, 3).join("；"));
      return;
    }
    try {
      await call(
        api.POST("/api/calendar/import", { body: { year: values.year, source: values.source, days: parsed.days } }),
      );
      void message.success(`已导入 ${values.year} 年安排（${parsed.days.length} 天）`);
      setImporting(false);
      setYear(values.year);
      await refresh();
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : "导入失败");
    }
  }

  return (
    <div>
      <Typography.Title level={2}>工作日历</Typography.Title>
      {status.data?.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon message={w} className="block" />
      ))}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            size="small"
            title={
              <Space wrap>
                <Select
                  value={year}
                  onChange={setYear}
                  aria-label="选择年份"
                  options={Array.from({ length: 5 }, (_, i) => dayjs().year() - 2 + i).map((y) => ({
                    value: y,
                    label: `${y} 年`,
                  }))}
                />
                {days.data &&
                  (days.data.loaded ? (
                    <Tag color="green">已导入：{days.data.source}</Tag>
                  ) : (
                    <Tag color="orange">未导入（按周一至周五暂定）</Tag>
                  ))}
              </Space>
            }
            extra={
              <Button
                onClick={() => {
                  importForm.setFieldsValue({ year: dayjs().year() + 1 });
                  setImporting(true);
                }}
              >
                导入整年安排
              </Button>
            }
          >
            <Table<Day>
              rowKey="date"
              size="small"
              loading={days.isPending}
              dataSource={days.data?.days}
              pagination={false}
              scroll={{ y: 480 }}
              locale={{ emptyText: "本年没有节假日或调休记录" }}
              columns={[
                { title: "日期", dataIndex: "date", width: 120 },
                { title: "星期", key: "weekday", width: 70, render: (_, d) => WEEKDAYS[dayjs(d.date).day()] },
                { title: "类型", dataIndex: "kind", width: 100, render: (k: Day["kind"]) => KIND_TAGS[k] },
                { title: "名称", dataIndex: "name" },
                {
                  title: "操作",
                  key: "a",
                  width: 100,
                  render: (_, d) => (
                    <Button
                      size="small"
                      type="link"
                      onClick={() => setDay(d.date, "normal")}
                      aria-label={`将 ${d.date} 恢复为正常日`}
                    >
                      恢复正常
                    </Button>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="设置某一天" className="block">
            <Form
              form={dayForm}
              layout="vertical"
              requiredMark={false}
              initialValues={{ kind: "holiday" }}
              onFinish={(v) => setDay(v.date.format("YYYY-MM-DD"), v.kind, v.name)}
            >
              <Form.Item name="date" label="日期" rules={[{ required: true, message: "请选择日期" }]}>
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
              <Form.Item name="kind" label="类型">
                <Select
                  options={[
                    { value: "holiday", label: "放假" },
                    { value: "workday", label: "调休上班（仅周末）" },
                    { value: "normal", label: "恢复正常" },
                  ]}
                />
              </Form.Item>
              <Form.Item name="name" label="节日名称">
                <Input maxLength={20} placeholder="如：春节" />
              </Form.Item>
              <Button type="primary" htmlType="submit">
                保存
              </Button>
            </Form>
          </Card>
          <Card size="small" title="期限推算">
            <Form
              form={dueForm}
              layout="vertical"
              requiredMark={false}
              initialValues={{ days: 20, unit: "working", from: dayjs() }}
              onFinish={async (v) => {
                try {
                  setDue(
                    await call(
                      api.GET("/api/calendar/due-date", {
                        params: { query: { from: v.from.format("YYYY-MM-DD"), days: v.days, unit: v.unit } },
                      }),
                    ),
                  );
                } catch (error) {
                  void message.error(error instanceof ApiError ? error.message : "推算失败");
                }
              }}
            >
              <Space wrap align="end">
                <Form.Item name="from" label="起算日（受理日）" rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name="days" label="天数" rules={[{ required: true }]}>
                  <InputNumber min={-400} max={400} />
                </Form.Item>
                <Form.Item name="unit" label="单位">
                  <Select
                    options={[
                      { value: "working", label: "工作日" },
                      { value: "calendar", label: "自然日" },
                    ]}
                  />
                </Form.Item>
                <Form.Item>
                  <Button htmlType="submit">推算</Button>
                </Form.Item>
              </Space>
            </Form>
            {due && (
              <Alert
                type={due.provisional ? "warning" : "success"}
                showIcon
                message={`到期日：${due.date}（${WEEKDAYS[dayjs(due.date).day()]}）`}
                description={
                  due.provisional
                    ? `涉及 ${due.unloadedYears.join("、")} 年，该年安排尚未导入，结果为暂定。`
                    : "按官方节假日安排计算。"
                }
              />
            )}
          </Card>
        </Col>
      </Row>
      <Modal
        title="导入整年节假日安排"
        open={importing}
        onOk={() => importForm.submit()}
        onCancel={() => setImporting(false)}
        okText="导入（整年替换）"
        destroyOnHidden
      >
        <Form form={importForm} layout="vertical" requiredMark={false} onFinish={importYear}>
          <Form.Item name="year" label="年份" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item
            name="source"
            label="依据文件"
            rules={[{ required: true, message: "请填写依据文件，如：国办发明电〔2026〕X号" }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="csv"
            label="安排（每行：日期,类型,名称）"
            extra="类型为“放假”或“上班”；可从表格中复制粘贴。"
            rules={[{ required: true, message: "请粘贴安排" }]}
          >
            <Input.TextArea rows={8} placeholder={"2027-01-01,放假,元旦\n2027-02-07,上班,春节"} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
