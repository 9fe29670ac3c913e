import { Table } from "antd";
import type { components } from "../api/schema";

type FigureRow = components["schemas"]["RatingFigures"];

const percent = (value: number | null) => (value === null ? "—" : `${value}%`);

/** 好差评 figures: counts per level, score, satisfied and bad-rating rates, rectification and call-back rates. */
export function FiguresTable({
  rows,
  loading,
  by,
}: {
  rows: FigureRow[];
  loading: boolean;
  by: "org" | "item" | "staff";
}) {
  const nameTitle = { org: "单位", item: "事项", staff: "工作人员" }[by];
  return (
    <Table<FigureRow>
      rowKey="key"
      size="small"
      loading={loading}
      dataSource={rows}
      locale={{ emptyText: "暂无评价" }}
      scroll={{ x: 980 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: nameTitle, dataIndex: "name", fixed: "left", width: 200 },
        ...(by === "org" ? [] : [{ title: "所属单位", dataIndex: "orgName", width: 150 }]),
        { title: "评价数", dataIndex: "total", width: 80, align: "right" as const },
        { title: "非常满意", width: 80, align: "right" as const, render: (_, r) => r.levels[5] },
        { title: "满意", width: 64, align: "right" as const, render: (_, r) => r.levels[4] },
        { title: "基本满意", width: 80, align: "right" as const, render: (_, r) => r.levels[3] },
        { title: "不满意", width: 70, align: "right" as const, render: (_, r) => r.levels[2] },
        { title: "非常不满意", width: 90, align: "right" as const, render: (_, r) => r.levels[1] },
        {
          title: "满意度得分",
          dataIndex: "score",
          width: 90,
          align: "right" as const,
          render: (s: number | null) => s ?? "—",
        },
        { title: "满意率", dataIndex: "satisfiedRate", width: 80, align: "right" as const, render: percent },
        { title: "差评率", dataIndex: "badRate", width: 80, align: "right" as const, render: percent },
        { title: "差评整改率", dataIndex: "rectifiedRate", width: 90, align: "right" as const, render: percent },
        {
          title: "差评回访率（应为 100%）",
          dataIndex: "calledBackRate",
          width: 120,
          align: "right" as const,
          render: percent,
        },
      ]}
    />
  );
}
