import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, DatePicker, Input, Select, Space, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { AUDIT_ACTION_LABELS } from "../../common/vocabulary";
import { ApiError, api, call } from "../api/client";
import type { components } from "../api/schema";

type Entry = components["schemas"]["AuditEntry"];

const ACTIONS = [
  { value: "session.", label: "登录与退出" },
  { value: "user.", label: "用户" },
  { value: "applicant.", label: "申请人注册" },
  { value: "org.", label: "单位" },
  { value: "calendar.", label: "工作日历" },
];

/** 审计日志: every change in the admin's subtree, filterable, with a check of the keyed (HMAC-SM3) chain. */
export function AuditPage() {
  const [filters, setFilters] = useState<{ action?: string; actor?: string; from?: string; to?: string; page: number }>(
    { page: 1 },
  );
  const [verifying, setVerifying] = useState(false);
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string } | null>(null);
  const log = useQuery({
    queryKey: ["audit", filters],
    queryFn: () => call(api.GET("/api/audit", { params: { query: { ...filters, pageSize: 20 } } })),
  });

  async function verify() {
    setVerifying(true);
    try {
      const r = await call(api.GET("/api/audit/verify"));
      setVerdict(
        r.ok
          ? {
              ok: true,
              text: `审计链完整：共校验 ${r.checked} 条记录，未发现篡改${
                r.checkpoint
                  ? `；与 ${new Date(r.checkpoint.at).toLocaleString("zh-CN")} 的检查点（当时 ${r.checkpoint.count} 条）相符。`
                  : "。"
              }`,
            }
          : { ok: false, text: `审计链已损坏：第 ${r.brokenAt?.seq} 条记录${r.brokenAt?.reason}。` },
      );
    } catch (error) {
      setVerdict({ ok: false, text: error instanceof ApiError ? error.message : "校验失败" });
    } finally {
      setVerifying(false);
    }
  }

  return (
    <div>
      <Typography.Title level={2}>审计日志</Typography.Title>
      {verdict && (
        <Alert
          type={verdict.ok ? "success" : "error"}
          showIcon
          message={verdict.text}
          className="block"
          closable
          onClose={() => setVerdict(null)}
        />
      )}
      <Card size="small">
        <Space wrap className="toolbar">
          <Select
            allowClear
            placeholder="全部操作"
            aria-label="按操作筛选"
            style={{ minWidth: 140 }}
            options={ACTIONS}
            onChange={(action) => setFilters({ ...filters, action, page: 1 })}
          />
          <Input.Search
            placeholder="操作人"
            allowClear
            aria-label="按操作人筛选"
            style={{ width: 160 }}
            onSearch={(actor) => setFilters({ ...filters, actor: actor || undefined, page: 1 })}
          />
          <DatePicker.RangePicker
            aria-label="按时间筛选"
            onChange={(range) => {
              const [from, to] = (range ?? []) as [Dayjs | null, Dayjs | null];
              setFilters({
                ...filters,
                from: from?.startOf("day").toISOString(),
                to: to?.endOf("day").toISOString(),
                page: 1,
              });
            }}
          />
          <Button onClick={verify} loading={verifying}>
            校验哈希链
          </Button>
        </Space>
        <Table<Entry>
          rowKey="seq"
          size="small"
          loading={log.isPending}
          dataSource={log.data?.items}
          scroll={{ x: 960 }}
          pagination={{
            current: filters.page,
            pageSize: 20,
            total: log.data?.total,
            showTotal: (t) => `共 ${t} 条`,
            onChange: (page) => setFilters({ ...filters, page }),
          }}
          columns={[
            { title: "序号", dataIndex: "seq", width: 80 },
            {
              title: "时间",
              dataIndex: "at",
              width: 170,
              render: (at: string) => new Date(at).toLocaleString("zh-CN"),
            },
            { title: "操作人", dataIndex: "actorName", width: 100 },
            { title: "单位", dataIndex: "orgName", width: 160, render: (n: string | null) => n ?? "—" },
            { title: "操作", dataIndex: "action", width: 120, render: (a: string) => AUDIT_ACTION_LABELS[a] ?? a },
            { title: "内容", dataIndex: "summary" },
            {
              title: "链接（HMAC-SM3）",
              dataIndex: "hash",
              width: 120,
              render: (h: string) => <code title={h}>{h.slice(0, 10)}…</code>,
            },
          ]}
        />
      </Card>
    </div>
  );
}
