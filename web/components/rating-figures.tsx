import { Table, Typography } from "antd";
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
  const count = (title: string, render: (r: FigureRow) => number) => ({
    title,
    width: 84,
    align: "right" as const,
    render: (_: unknown, r: FigureRow) => render(r),
  });
  const rate = (title: string, dataIndex: keyof FigureRow) => ({
    title,
    dataIndex,
    width: 72,
    align: "right" as const,
    render: percent,
  });
  return (
    <>
      <Table<FigureRow>
        rowKey="key"
        size="small"
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: "暂无评价" }}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: nameTitle, dataIndex: "name", fixed: "left" as const, width: 200 },
          ...(by === "org" ? [] : [{ title: "所属单位", dataIndex: "orgName", width: 150 }]),
          count("评价数", (r) => r.total),
          count("非常满意", (r) => r.levels[5]),
          count("满意", (r) => r.levels[4]),
          count("基本满意", (r) => r.levels[3]),
          count("不满意", (r) => r.levels[2]),
          count("非常不满意", (r) => r.levels[1]),
          {
            title: "得分",
            dataIndex: "score",
            width: 64,
            align: "right" as const,
            render: (v: number | null) => v ?? "—",
          },
          rate("满意率", "satisfiedRate"),
          rate("差评率", "badRate"),
          rate("整改率", "rectifiedRate"),
          rate("回访率", "calledBackRate"),
        ]}
      />
      <Typography.Paragraph type="secondary" className="block-top">
        得分：非常满意 100 分、满意 80 分、基本满意 60 分、不满意 40 分、非常不满意 20
        分的平均。满意率：基本满意及以上所占比例。整改率、回访率：已办结整改、已回访的差评所占比例，差评须全部回访（应为
        100%）。申诉成立的评价不计入统计。
      </Typography.Paragraph>
    </>
  );
}
