import { useQuery } from "@tanstack/react-query";
import { Card, Col, Input, Row, Space, Typography } from "antd";
import { Link, useNavigate } from "react-router";
import { api, call } from "../api/client";
import { ItemList } from "../components/item-list";

const TOPICS = [
  { name: "入学", hint: "义务教育入学、转学" },
  { name: "学籍", hint: "在读证明、学籍证明" },
  { name: "考试", hint: "成绩查询、考试报名" },
  { name: "招生", hint: "录取结果查询" },
  { name: "教师", hint: "教师资格、职称" },
  { name: "学历学位", hint: "学历认证、补办" },
  { name: "资助", hint: "助学金、助学贷款" },
  { name: "民办教育", hint: "办学许可、年检" },
];

const PROMISES = [
  { title: "一网通办", text: "事项全部网上可办，材料能免则免" },
  { title: "一门办理", text: "任一窗口受理全部事项" },
  { title: "最多跑一次", text: "到现场不超过一次，结果可快递送达" },
  { title: "承诺公开", text: "办理时限与评价结果公开接受监督" },
];

/** The hall's front page: one search box, the topics people come for, and the platform's promises. */
export function HomePage() {
  const navigate = useNavigate();
  const selfService = useQuery({
    queryKey: ["home-self-service"],
    queryFn: () =>
      call(api.GET("/api/catalog/items", { params: { query: { selfService: "true", pageSize: 6, page: 1 } } })),
  });
  const bundles = useQuery({ queryKey: ["bundles"], queryFn: () => call(api.GET("/api/bundles")) });
  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">办事不求人</h1>
        <p className="hero-sub">教育服务事项一网通办 · 一门办理 · 最多跑一次</p>
        <Input.Search
          className="hero-search"
          size="large"
          placeholder="搜索服务，如：开在读证明、转学、办学许可证"
          enterButton="搜索"
          aria-label="搜索服务事项"
          onSearch={(q) => q.trim() && navigate(`/search?q=${encodeURIComponent(q.trim())}`)}
        />
      </section>

      <section className="section" aria-labelledby="topics-title">
        <Typography.Title level={2} id="topics-title" className="section-title">
          按主题找服务
        </Typography.Title>
        <Row gutter={[16, 16]}>
          {TOPICS.map((topic) => (
            <Col xs={12} sm={8} md={6} key={topic.name}>
              <Card
                hoverable
                className="topic-card"
                onClick={() => navigate(`/search?topic=${topic.name}`)}
                tabIndex={0}
                onKeyDown={(e) => e.key === "Enter" && navigate(`/search?topic=${topic.name}`)}
                role="link"
              >
                <div className="topic-name">{topic.name}</div>
                <div className="topic-hint">{topic.hint}</div>
              </Card>
            </Col>
          ))}
        </Row>
      </section>

      <section className="section" aria-labelledby="bundles-title">
        <Typography.Title level={2} id="bundles-title" className="section-title">
          办好一件事
        </Typography.Title>
        <Card extra={<Link to="/bundles">查看全部一件事</Link>}>
          <Typography.Paragraph type="secondary">
            跨部门的多个事项，填一张表、交一套材料，一次办好。
          </Typography.Paragraph>
          <Space wrap>
            {(bundles.data ?? []).map((b) => (
              <Link key={b.id} to={`/bundles/${b.id}`}>
                {b.name}
              </Link>
            ))}
          </Space>
        </Card>
      </section>

      <section className="section" aria-labelledby="popular-title">
        <Typography.Title level={2} id="popular-title" className="section-title">
          自助办理 · 24小时不打烊
        </Typography.Title>
        <Card extra={<Link to="/self-service">查看全部自助办理事项</Link>}>
          <ItemList items={selfService.data?.items} loading={selfService.isPending} empty="暂无自助办理事项" />
        </Card>
      </section>

      <section className="section promises" aria-label="服务承诺">
        <Row gutter={[16, 16]}>
          {PROMISES.map((p) => (
            <Col xs={24} sm={12} md={6} key={p.title}>
              <div className="promise">
                <div className="promise-title">{p.title}</div>
                <div className="promise-text">{p.text}</div>
              </div>
            </Col>
          ))}
        </Row>
      </section>
    </div>
  );
}
