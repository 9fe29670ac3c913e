import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Input, Table, Tabs, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { CASE_QUEUE_LABELS, CASE_QUEUES, type CaseQueue } from "../../common/vocabulary";
import { api, call } from "../api/client";
import { CaseStatusTag, type CaseSummary, formatTime, WarningTag } from "../components/case-parts";

/** One workbench queue of the staff member's subtree, most urgent first. */
export function CaseQueuePage() {
  const { queue = "precheck" } = useParams() as { queue?: CaseQueue };
  const navigate = useNavigate();
  const counts = useQuery({ queryKey: ["queues"], queryFn: () => call(api.GET("/api/workbench/queues")) });
  const [number, setNumber] = useState("");
  const list = useQuery({
    queryKey: ["queue", queue, number],
    queryFn: () =>
      call(
        api.GET("/api/workbench/cases", {
          params: { query: { queue, number: number || undefined, page: 1, pageSize: 100 } },
        }),
      ),
  });
  return (
    <div>
      <Typography.Title level={2}>办件队列</Typography.Title>
      <Tabs
        activeKey={queue}
        onChange={(key) => void navigate(`/workbench/queue/${key}`)}
        items={CASE_QUEUES.map((q) => ({ key: q, label: `${CASE_QUEUE_LABELS[q]}（${counts.data?.[q] ?? "…"}）` }))}
      />
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      <Card>
        <Input.Search
          aria-label="按办件编号查找"
          placeholder="办件编号（可只输入一部分），或完整的身份证号、手机号"
          allowClear
          className="block queue-search"
          onSearch={(v) => setNumber(v.trim())}
        />
        <Table<CaseSummary>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 件` }}
          locale={{ emptyText: "暂无办件" }}
          columns={[
            {
              title: "办件编号",
              dataIndex: "number",
              width: 280,
              render: (n: string, c) => <Link to={`/workbench/cases/${c.id}`}>{n}</Link>,
            },
            { title: "事项", dataIndex: "itemName" },
            { title: "申请人", dataIndex: "applicantName", width: 100 },
            {
              title: "状态",
              key: "status",
              width: 150,
              render: (_, c) => (
                <>
                  <CaseStatusTag status={c.status} />
                  <WarningTag warning={c.warning} />
                </>
              ),
            },
            { title: "承诺办结", dataIndex: "promisedDue", width: 110, render: (d: string | null) => d ?? "—" },
            {
              title: "提交时间",
              dataIndex: "submittedAt",
              width: 170,
              render: (d: string | null) => (d ? formatTime(d) : "—"),
            },
          ]}
        />
      </Card>
    </div>
  );
}
