import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Empty, List, Popconfirm, Space, Typography } from "antd";
import { Link, useParams } from "react-router";
import { api, call } from "../api/client";
import {
  CaseFacts,
  CaseFormAnswers,
  CaseLicences,
  CaseMaterials,
  CaseNotices,
  CaseStatusTag,
  CaseTimeline,
  type CaseView,
  formatTime,
  WarningTag,
} from "../components/case-parts";
import { CaseRating } from "../components/case-rating";

/** 我的办件: every case of the signed-in applicant, newest first. */
export function MyCasesPage() {
  const mine = useQuery({ queryKey: ["my-cases"], queryFn: () => call(api.GET("/api/my/cases")) });
  const inbox = useQuery({ queryKey: ["my-notifications"], queryFn: () => call(api.GET("/api/my/notifications")) });
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>我的办件</Typography.Title>
      {mine.error && <Alert type="error" showIcon message={mine.error.message} />}
      <Card>
        <List
          loading={mine.isPending}
          dataSource={mine.data ?? []}
          locale={{ emptyText: <Empty description="您还没有办件。在办事指南页点“在线申请”即可办理。" /> }}
          renderItem={(c) => (
            <List.Item extra={<Link to={`/me/cases/${c.id}`}>查看</Link>}>
              <List.Item.Meta
                title={<Link to={`/me/cases/${c.id}`}>{c.itemName}</Link>}
                description={
                  <Space wrap size={4}>
                    <CaseStatusTag status={c.status} />
                    <WarningTag warning={c.warning} />
                    <span>{c.number ?? "草稿"}</span>
                    <span>· {c.orgName}</span>
                    {c.promisedDue && <span>· 承诺 {c.promisedDue} 前办结</span>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <Card title="消息通知" className="block">
        <List
          size="small"
          loading={inbox.isPending}
          dataSource={(inbox.data ?? []).slice(0, 10)}
          locale={{ emptyText: "暂无消息" }}
          renderItem={(n) => (
            <List.Item>
              <List.Item.Meta
                title={n.caseId ? <Link to={`/me/cases/${n.caseId}`}>{n.text}</Link> : n.text}
                description={formatTime(String(n.createdAt))}
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}

/** One case as its applicant sees it: where it stands, what is asked of them, and the whole timeline. */
export function MyCasePage() {
  const { id = "" } = useParams();
  const { message } = App.useApp();
  const view = useQuery({
    queryKey: ["case", id],
    queryFn: () => call(api.GET("/api/cases/{id}", { params: { path: { id } } })),
  });
  if (view.error) return <Alert type="error" showIcon message={view.error.message} />;
  if (!view.data) return <Card loading />;
  const c: CaseView = view.data;

  async function run(action: "submit" | "resubmit" | "withdraw", done: string) {
    try {
      await call(api.POST(`/api/cases/{id}/${action}`, { params: { path: { id } }, body: { revision: c.revision } }));
      void message.success(done);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "操作失败");
    }
    await view.refetch();
  }

  // What the applicant may do now is the server's answer, from the case lifecycle.
  const may = (action: (typeof c.actions)[number]["action"]) => c.actions.some((a) => a.action === action);
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>{c.itemName}</Typography.Title>
      {c.nextStepForApplicant && !c.supplement && (
        <Alert type="warning" showIcon className="block" message={c.nextStepForApplicant} />
      )}
      {c.supplement && (
        <Alert
          type="warning"
          className="block"
          message="一次性补正告知"
          description={
            <ol className="plain-list">
              {c.supplement.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ol>
          }
        />
      )}
      <CaseFacts view={c} />
      <Space className="block" wrap>
        {may("submit") && (
          <Button type="primary" onClick={() => void run("submit", "已提交")}>
            提交申请
          </Button>
        )}
        {may("resubmit") && (
          <Button type="primary" onClick={() => void run("resubmit", "已重新提交")}>
            已补正，重新提交
          </Button>
        )}
        {may("withdraw") && (
          <Popconfirm
            title="撤回后本次申请终止，确定撤回吗？"
            okText="撤回"
            cancelText="取消"
            onConfirm={() => run("withdraw", "已撤回")}
          >
            <Button danger>撤回申请</Button>
          </Popconfirm>
        )}
        <CaseNotices view={c} />
        <Link to="/me/cases">返回我的办件</Link>
      </Space>
      <CaseLicences view={c} />
      <CaseRating caseId={c.id} face="applicant" />
      <CaseFormAnswers view={c} />
      <CaseMaterials view={c} onChanged={c.mayChangeMaterials ? () => void view.refetch() : undefined} />
      <CaseTimeline view={c} />
    </div>
  );
}
