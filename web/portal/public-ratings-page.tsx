import { useQuery } from "@tanstack/react-query";
import { Card, List, Space, Tabs, Tag, Typography } from "antd";
import {
  COMPLAINT_FINDING_LABELS,
  COMPLAINT_KIND_LABELS,
  RATING_STAGE_LABELS,
  RECTIFICATION_OUTCOME_LABELS,
} from "../../common/vocabulary";
import { api, call } from "../api/client";
import { RatingLevelTag } from "../components/case-rating";
import { FiguresPanel } from "../components/rating-figures";

/** 好差评公示: every org's and item's figures, the rectifications done, and the negative examples — never a rater. */
export function PublicRatingsPage() {
  return (
    <div className="narrow-page wide">
      <Typography.Title level={2}>好差评公示</Typography.Title>
      <Typography.Paragraph type="secondary">
        办事群众对每件办件的受理和办结环节作出评价。差评逐件核实整改、回访，整改情况在此公开；评价人信息不公开。
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: "figures", label: "评价统计", children: <Figures /> },
          { key: "rectifications", label: "差评整改公示", children: <Rectifications /> },
          { key: "examples", label: "投诉举报查处（反面典型）", children: <NegativeExamples /> },
        ]}
      />
    </div>
  );
}

function Figures() {
  return (
    <Card>
      <FiguresPanel audience="public" />
    </Card>
  );
}

function Rectifications() {
  const list = useQuery({
    queryKey: ["public-rectifications"],
    queryFn: () => call(api.GET("/api/public/ratings/rectifications")),
  });
  return (
    <Card>
      <List
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: "暂无已办结的差评整改" }}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  {r.itemName}
                  <Typography.Text type="secondary">{r.orgName}</Typography.Text>
                </Space>
              }
              description={
                <Space direction="vertical" size={2}>
                  <Space wrap size={4}>
                    <span>
                      {r.ratedOn} {RATING_STAGE_LABELS[r.stage]}
                    </span>
                    <RatingLevelTag level={r.level} />
                    <Tag color="green">{RECTIFICATION_OUTCOME_LABELS[r.outcome]}</Tag>
                    <span>{r.closedOn} 办结</span>
                  </Space>
                  <span>整改情况：{r.measures}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function NegativeExamples() {
  const list = useQuery({
    queryKey: ["negative-examples"],
    queryFn: () => call(api.GET("/api/public/negative-examples")),
  });
  return (
    <Card>
      <List
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: "暂无公开的查处案例" }}
        renderItem={(e) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color="red">
                    {COMPLAINT_KIND_LABELS[e.kind]}
                    {COMPLAINT_FINDING_LABELS[e.finding]}
                  </Tag>
                  {e.orgName}
                  <Typography.Text type="secondary">{e.publishedOn} 公开</Typography.Text>
                </Space>
              }
              description={
                <Space direction="vertical" size={2}>
                  <span>{e.summary}</span>
                  <span>处理情况：{e.measures}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
