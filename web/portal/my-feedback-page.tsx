import { useQuery } from "@tanstack/react-query";
import { Card, Collapse, Empty, Space, Tabs, Tag, Typography } from "antd";
import { Link } from "react-router";
import { CONSULTATION_STATUS_LABELS } from "../../common/vocabulary";
import { api, call } from "../api/client";
import { formatTime } from "../components/case-parts";
import { ComplaintProgressView } from "../components/complaint-progress";

/** 我的咨询与投诉: questions asked and named complaints, with their answers. */
export function MyFeedbackPage() {
  const consultations = useQuery({
    queryKey: ["my-consultations"],
    queryFn: () => call(api.GET("/api/my/consultations")),
  });
  const complaints = useQuery({ queryKey: ["my-complaints"], queryFn: () => call(api.GET("/api/my/complaints")) });
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>我的咨询与投诉</Typography.Title>
      <Tabs
        items={[
          {
            key: "consultations",
            label: "我的咨询",
            children: (
              <Card loading={consultations.isPending}>
                {(consultations.data ?? []).length === 0 ? (
                  <Empty description="您还没有咨询。在办事指南页点“我要咨询”即可提问。" />
                ) : (
                  <Collapse
                    items={(consultations.data ?? []).map((c) => ({
                      key: c.id,
                      label: (
                        <Space wrap>
                          <Tag color={c.status === "answered" ? "green" : "gold"}>
                            {CONSULTATION_STATUS_LABELS[c.status]}
                          </Tag>
                          {c.question}
                        </Space>
                      ),
                      children: (
                        <Space direction="vertical">
                          <Typography.Text type="secondary">
                            {c.itemName ?? c.orgName} · {formatTime(c.createdAt)} 提出
                            {c.status === "open" && ` · ${c.dueOn} 前答复`}
                          </Typography.Text>
                          <span className="pre-line">{c.answer ?? "尚未答复"}</span>
                        </Space>
                      ),
                    }))}
                  />
                )}
              </Card>
            ),
          },
          {
            key: "complaints",
            label: "我的投诉举报",
            children: (
              <Card loading={complaints.isPending}>
                {(complaints.data ?? []).length === 0 ? (
                  <Empty
                    description={
                      <>
                        没有实名投诉举报。匿名的请凭查询码在<Link to="/complaints">投诉举报</Link>页查询。
                      </>
                    }
                  />
                ) : (
                  (complaints.data ?? []).map((p) => <ComplaintProgressView key={p.number} progress={p} />)
                )}
              </Card>
            ),
          },
        ]}
      />
    </div>
  );
}
