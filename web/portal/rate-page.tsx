import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Descriptions, Result, Typography } from "antd";
import { useState } from "react";
import { useParams } from "react-router";
import { RATING_STAGE_LABELS } from "../../common/vocabulary";
import { api, call } from "../api/client";
import { RatingForm, type RatingValues } from "../components/rating-form";

/** 短信评价: the one-time link texted to the applicant; no sign-in, built for a phone. */
export function RateByLinkPage() {
  const { token = "" } = useParams();
  const path = { params: { path: { token } } };
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const link = useQuery({
    queryKey: ["rating-link", token],
    queryFn: () => call(api.GET("/api/rating-links/{token}", path)),
  });

  async function send(values: RatingValues) {
    setSending(true);
    setError(null);
    try {
      await call(api.POST("/api/rating-links/{token}", { ...path, body: values }));
      await link.refetch();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : "提交失败，请稍后重试");
    } finally {
      setSending(false);
    }
  }

  if (link.error) return <Result status="warning" title="评价链接无效" subTitle={link.error.message} />;
  if (!link.data) return <Card loading />;
  const l = link.data;
  if (!l.open) {
    return (
      <Result
        status="success"
        title="感谢您的评价"
        subTitle="该环节已评价。如果您给了“不满意”或“非常不满意”，办理单位会核实整改并回访您。"
      />
    );
  }
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>服务评价</Typography.Title>
      <Card className="block">
        <Descriptions column={1} size="small">
          <Descriptions.Item label="办理事项">{l.itemName}</Descriptions.Item>
          <Descriptions.Item label="办理单位">{l.orgName}</Descriptions.Item>
          <Descriptions.Item label="办件编号">{l.caseNumber}</Descriptions.Item>
          <Descriptions.Item label="评价环节">{RATING_STAGE_LABELS[l.stage]}</Descriptions.Item>
        </Descriptions>
      </Card>
      {error && <Alert type="error" showIcon message={error} className="block" />}
      <Card>
        <RatingForm channel="sms" submitting={sending} onSubmit={(v) => void send(v)} />
      </Card>
    </div>
  );
}
