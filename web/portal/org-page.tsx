import { useQuery } from "@tanstack/react-query";
import { Card, Col, Row, Space, Statistic, Typography } from "antd";
import { Link, useParams } from "react-router";
import { api, call } from "../api/client";
import { AskQuestionButton } from "../components/ask-question";
import { ItemList } from "../components/item-list";

/** An org's public page: its services, its power list, and what it has cut (减时限、减跑动、减材料). */
export function OrgPage() {
  const { id = "" } = useParams();
  const figures = useQuery({
    queryKey: ["org-figures", id],
    queryFn: () => call(api.GET("/api/orgs/{id}/figures", { params: { path: { id } } })),
  });
  const list = useQuery({
    queryKey: ["org-items", id],
    queryFn: () => call(api.GET("/api/catalog/items", { params: { query: { orgId: id, pageSize: 100, page: 1 } } })),
  });
  const f = figures.data;
  const percent = (part: number, whole: number) => (whole === 0 ? "—" : `${Math.round((part / whole) * 100)}%`);
  return (
    <div className="narrow-page wide">
      <Typography.Title level={2}>{f?.orgName ?? ""}</Typography.Title>
      <Space className="block">
        <Link to={`/orgs/${id}/powers`}>查看权责清单</Link>
        {f && <AskQuestionButton target={{ orgId: id }} title={f.orgName} />}
      </Space>
      <Row gutter={[16, 16]} className="block">
        <Col xs={12} md={6}>
          <Card size="small" loading={figures.isPending}>
            <Statistic title="在用服务事项（含下级单位）" value={f?.items ?? 0} suffix="项" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={figures.isPending}>
            <Statistic title="减时限" value={f ? `${Math.round(f.daysCutRatio * 100)}%` : "—"} />
            <Typography.Text type="secondary">承诺比法定共减少 {f?.daysCut ?? 0} 天</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={figures.isPending}>
            <Statistic title="零跑动事项" value={f ? percent(f.zeroVisitItems, f.items) : "—"} />
            <Typography.Text type="secondary">全程网办 {f?.fullyOnlineItems ?? 0} 项</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={figures.isPending}>
            <Statistic title="减材料" value={f?.materialsCut ?? 0} suffix="项" />
            <Typography.Text type="secondary">现需必要材料 {f?.requiredMaterials ?? 0} 项</Typography.Text>
            <div>
              <Typography.Text type="secondary">用证免交材料 {f?.materialsSavedByLicences ?? 0} 份</Typography.Text>
            </div>
          </Card>
        </Col>
      </Row>
      <Card title={list.data ? `服务事项（${list.data.total} 项）` : "服务事项"}>
        <ItemList items={list.data?.items} loading={list.isPending} empty="本单位暂无在用服务事项" />
      </Card>
    </div>
  );
}
