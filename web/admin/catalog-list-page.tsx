import { useQuery } from "@tanstack/react-query";
import { Button, Card, Input, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ITEM_KIND_LABELS } from "../../common/vocabulary";
import { api, call } from "../api/client";
import type { components } from "../api/schema";

type Row = {
  id: string;
  code: string;
  name: string;
  kind: components["schemas"]["ItemSummary"]["kind"];
  orgName: string;
  hasDraft: boolean;
  publishedVersionNo: number | null;
  endDate: string | null;
};

/** 事项管理: every item of the administrator's subtree with its state; open one to edit its draft. */
export function CatalogListPage() {
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  const list = useQuery({ queryKey: ["admin-items"], queryFn: () => call(api.GET("/api/admin/catalog/items")) });
  const rows = useMemo(
    () => (list.data ?? []).filter((r) => !q || r.name.includes(q) || r.code.includes(q) || r.orgName.includes(q)),
    [list.data, q],
  );
  return (
    <div>
      <Typography.Title level={2}>事项管理</Typography.Title>
      <Card size="small">
        <Space wrap className="toolbar">
          <Input.Search
            placeholder="事项名称、编码或单位"
            allowClear
            aria-label="筛选事项"
            onChange={(e) => setQ(e.target.value.trim())}
            style={{ width: 260 }}
          />
          <Button type="primary" onClick={() => navigate("/admin/catalog/new")}>
            新建事项
          </Button>
        </Space>
        <Table<Row>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={rows}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 项` }}
          columns={[
            {
              title: "事项名称",
              dataIndex: "name",
              render: (name: string, r) => <Link to={`/admin/catalog/${r.id}`}>{name}</Link>,
            },
            { title: "类型", dataIndex: "kind", width: 120, render: (k: Row["kind"]) => ITEM_KIND_LABELS[k] },
            { title: "实施机构", dataIndex: "orgName", width: 180 },
            { title: "编码", dataIndex: "code", width: 200, render: (c: string) => <code>{c}</code> },
            {
              title: "状态",
              key: "status",
              width: 170,
              render: (_, r) => (
                <Space size={4} wrap>
                  {r.publishedVersionNo ? <Tag color="green">在用 第{r.publishedVersionNo}版</Tag> : <Tag>未发布</Tag>}
                  {r.hasDraft && <Tag color="orange">有草稿</Tag>}
                  {r.endDate && <Tag color="red">{r.endDate} 取消</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
