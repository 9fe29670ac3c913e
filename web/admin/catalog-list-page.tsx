import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Input, Space, Table, Tag, Typography, Upload } from "antd";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ITEM_KIND_LABELS } from "../../common/vocabulary";
import { ApiError, api, call, postFile } from "../api/client";
import type { components } from "../api/schema";
import { ItemDeskButton } from "./item-desk";

type Row = components["schemas"]["AdminItemRow"];

/** 事项管理: every item of the administrator's subtree with its state; open one to edit its draft. */
export function CatalogListPage() {
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [importing, setImporting] = useState(false);

  /** All or nothing: the server checks every row first and lists every bad one. */
  async function importFile(file: Blob) {
    setImporting(true);
    try {
      const result = await postFile<{ created: number; updated: number; unchanged: number }>(
        "/api/admin/catalog/import",
        file,
      );
      void message.success(
        `导入完成：新建 ${result.created} 项，修改 ${result.updated} 项（已放入草稿），未变 ${result.unchanged} 项`,
      );
      await queryClient.invalidateQueries({ queryKey: ["admin-items"] });
    } catch (error) {
      const rows = ((error instanceof ApiError && error.details?.errors) || []) as { row: number; message: string }[];
      modal.error({
        title: error instanceof Error ? error.message : "导入失败",
        width: 640,
        content: (
          <ul className="plain-list import-errors">
            {rows.map((e) => (
              <li key={`${e.row}:${e.message}`}>
                {e.row > 0 ? `第 ${e.row} 行：` : ""}
                {e.message}
              </li>
            ))}
          </ul>
        ),
      });
    } finally {
      setImporting(false);
    }
  }

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
          <Button href="/api/admin/catalog/export" icon={<DownloadOutlined />}>
            导出 Excel
          </Button>
          <Upload showUploadList={false} accept=".xlsx" customRequest={({ file }) => importFile(file as Blob)}>
            <Button icon={<UploadOutlined />} loading={importing}>
              导入 Excel
            </Button>
          </Upload>
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
                  {r.standard && <Tag color="purple">省级标准</Tag>}
                  {r.endDate && <Tag color="red">{r.endDate} 取消</Tag>}
                </Space>
              ),
            },
            {
              title: "",
              key: "desk",
              width: 90,
              render: (_, r) =>
                r.publishedVersionNo && !r.standard && <ItemDeskButton itemId={r.id} itemName={r.name} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
