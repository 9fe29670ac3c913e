import { useQuery } from "@tanstack/react-query";
import { Alert, DatePicker, Segmented, Space, Table, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { api, call } from "../api/client";
import type { components } from "../api/schema";

type FigureRow = components["schemas"]["RatingFigures"];

const percent = (value: number | null) => (value === null ? "—" : `${value}%`);

type By = "org" | "item" | "staff";
const BY_LABELS: Record<By, string> = { org: "按单位", item: "按事项", staff: "按工作人员" };

/**
 * The figures with their choices: grouped by org, item (or, for staff, by staff member), over a period. The public page
 * and the workbench ask different routes: the public one never by person.
 */
export function FiguresPanel({ audience }: { audience: "public" | "staff" }) {
  const [by, setBy] = useState<By>("org");
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const period = { from: range?.[0]?.format("YYYY-MM-DD"), to: range?.[1]?.format("YYYY-MM-DD") };
  const figures = useQuery({
    queryKey: ["rating-figures", audience, by, period.from, period.to],
    queryFn: () =>
      call(
        audience === "staff"
          ? api.GET("/api/ratings/figures", { params: { query: { by, ...period } } })
          : api.GET("/api/public/ratings/figures", {
              params: { query: { by: by === "staff" ? "org" : by, ...period } },
            }),
      ),
  });
  const choices: By[] = audience === "staff" ? ["org", "item", "staff"] : ["org", "item"];
  return (
    <>
      <Space wrap className="block">
        <Segmented
          value={by}
          onChange={(v) => setBy(v as By)}
          options={choices.map((c) => ({ value: c, label: BY_LABELS[c] }))}
        />
        <DatePicker.RangePicker
          aria-label="统计期间"
          allowEmpty={[true, true]}
          value={range}
          onChange={(v) => setRange(v)}
        />
      </Space>
      {figures.error && <Alert type="error" showIcon message={figures.error.message} />}
      <FiguresTable rows={figures.data ?? []} loading={figures.isPending} by={by} />
    </>
  );
}

/** 好差评 figures: counts per level, score, satisfied and bad-rating rates, rectification and call-back rates. */
function FiguresTable({ rows, loading, by }: { rows: FigureRow[]; loading: boolean; by: "org" | "item" | "staff" }) {
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
          {
            ...rate("回访率", "calledBackRate"),
            // Every bad rating must be called back: anything short of 100% is shown as a shortfall.
            render: (v: number | null) => (
              <span className={v !== null && v < 100 ? "shortfall" : undefined}>{percent(v)}</span>
            ),
          },
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
