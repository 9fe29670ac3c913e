import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Form, Input, List, Result, Spin, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { EXAM_LABELS, RESULT_KIND_LABELS } from "../../common/vocabulary";
import { ApiError, api, call, ensureCsrfCookie } from "../api/client";
import { CaptchaField } from "../components/captcha-field";
import { type ExamResult, ExamResultCard } from "../components/exam-result";

const usePublished = () =>
  useQuery({ queryKey: ["results-batches"], queryFn: () => call(api.GET("/api/results/batches")) });

/** 成绩查询: the batches open for lookup now. */
export function ResultsPage() {
  const batches = usePublished();
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>考试成绩与录取结果查询</Typography.Title>
      <Typography.Paragraph type="secondary">
        凭准考证号、身份证号和姓名查询本人结果。登录后可在“我的成绩”中直接查看本人的全部结果。
      </Typography.Paragraph>
      <Card>
        <List
          loading={batches.isLoading}
          dataSource={batches.data ?? []}
          locale={{ emptyText: <Empty description="目前没有开放查询的考试结果" /> }}
          renderItem={(batch) => (
            <List.Item
              actions={[
                <Link key="go" to={`/results/${batch.id}`}>
                  查询
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={<Link to={`/results/${batch.id}`}>{batch.title}</Link>}
                description={`${EXAM_LABELS[batch.exam]} · ${RESULT_KIND_LABELS[batch.kind]} · ${new Date(batch.publishAt).toLocaleString("zh-CN")} 起开放`}
              />
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}

type LookupForm = { examNumber: string; idNumber: string; name: string; captchaAnswer: string };

/** One batch's lookup form: usable on a phone, a fresh captcha after every try, one answer for any mismatch. */
export function ResultLookupPage() {
  const { id = "" } = useParams();
  const batches = usePublished();
  const batch = batches.data?.find((b) => b.id === id);
  const [form] = Form.useForm<LookupForm>();
  const [result, setResult] = useState<ExamResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const captcha = useQuery({
    queryKey: ["results-captcha"],
    queryFn: () => call(api.GET("/api/results/captcha")),
    staleTime: 4 * 60_000,
  });

  async function lookup(values: LookupForm) {
    if (!captcha.data) return;
    setAsking(true);
    setFailure(null);
    try {
      await ensureCsrfCookie();
      const found = await call(
        api.POST("/api/results/batches/{id}/lookup", {
          params: { path: { id } },
          body: { ...values, captchaToken: captcha.data.token },
        }),
      );
      setResult(found);
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : "查询失败，请稍后再试");
    } finally {
      setAsking(false);
      form.setFieldValue("captchaAnswer", "");
      void captcha.refetch();
    }
  }

  if (batches.isLoading) return <Spin />;
  if (!batch) {
    return <Result status="404" title="该查询不存在或尚未开放" extra={<Link to="/results">返回成绩查询</Link>} />;
  }
  return (
    <div className="narrow-page results-lookup">
      <Typography.Title level={2}>{batch.title}</Typography.Title>
      {result ? (
        <>
          <ExamResultCard result={result} />
          <Button block size="large" onClick={() => setResult(null)}>
            查询其他考生
          </Button>
        </>
      ) : (
        <Card>
          <DemoCandidate batchTitle={batch.title} />
          {failure && <Alert type="error" showIcon className="block" message={failure} role="alert" />}
          <Form form={form} layout="vertical" size="large" onFinish={lookup} requiredMark={false}>
            <Form.Item label="准考证号" name="examNumber" rules={[{ required: true, message: "请输入准考证号" }]}>
              <Input inputMode="numeric" autoComplete="off" maxLength={20} />
            </Form.Item>
            <Form.Item
              label="身份证号"
              name="idNumber"
              rules={[
                { required: true, message: "请输入身份证号" },
                { len: 18, message: "身份证号应为 18 位" },
              ]}
            >
              <Input autoComplete="off" maxLength={18} />
            </Form.Item>
            <Form.Item label="姓名" name="name" rules={[{ required: true, message: "请输入姓名" }]}>
              <Input autoComplete="name" maxLength={30} />
            </Form.Item>
            <CaptchaField captcha={captcha.data} onRefresh={() => void captcha.refetch()} />
            <Button type="primary" htmlType="submit" block loading={asking}>
              查询
            </Button>
          </Form>
        </Card>
      )}
    </div>
  );
}

/** In demo mode, on the demo batch, a candidate to try the lookup with. */
function DemoCandidate({ batchTitle }: { batchTitle: string }) {
  const demo = useQuery({
    queryKey: ["demo-accounts"],
    queryFn: () => call(api.GET("/api/demo/accounts")),
    retry: false,
  });
  const sample = demo.data?.candidates.find((c) => c.batchTitle === batchTitle);
  if (!sample) return null;
  return (
    <Alert
      type="info"
      className="block"
      message="演示数据"
      description={`准考证号 ${sample.examNumber}，身份证号 ${sample.idNumber}，姓名 ${sample.name}`}
    />
  );
}

/** 我的成绩: every published result of the signed-in person, found by their real-name ID number. */
export function MyResultsPage() {
  const mine = useQuery({ queryKey: ["my-results"], queryFn: () => call(api.GET("/api/my/results")) });
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>我的成绩</Typography.Title>
      {mine.isLoading && <Spin />}
      {mine.data?.length === 0 && (
        <Empty description="没有查到与您实名身份证号相符的已发布考试结果">
          <Link to="/results">按准考证号查询</Link>
        </Empty>
      )}
      {mine.data?.map((result) => (
        <ExamResultCard key={result.batch.id} result={result} />
      ))}
    </div>
  );
}
