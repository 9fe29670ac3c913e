import { useQuery } from "@tanstack/react-query";
import { App, Button, Card, List, Modal, Space, Tag, Typography } from "antd";
import { useState } from "react";
import {
  RATING_CHANNEL_LABELS,
  RATING_LEVEL_LABELS,
  RATING_STAGE_LABELS,
  type RatingChannel,
  type RatingLevel,
  type RatingStage,
} from "../../common/vocabulary";
import { api, call } from "../api/client";
import { RatingForm, type RatingValues } from "./rating-form";

const LEVEL_COLORS: Record<RatingLevel, string> = { 5: "green", 4: "green", 3: "blue", 2: "orange", 1: "red" };

/** A stage as the card shows it: the applicant's own rating in full; at the window only that it was rated, and where. */
type StageRow = {
  stage: RatingStage;
  open: boolean;
  rated: null | "window" | "elsewhere" | { level: number; channel: RatingChannel };
};

export function RatingLevelTag({ level }: { level: number }) {
  const known = level as RatingLevel;
  return <Tag color={LEVEL_COLORS[known]}>{RATING_LEVEL_LABELS[known]}</Tag>;
}

/**
 * 一事一评 on a case page: each stage the case has reached, rated or open to rate. The applicant rates on the web
 * (or a phone); at the window the clerk hands the pad to the applicant, who rates the window's service.
 */
export function CaseRating({
  caseId,
  face,
  title = "服务评价（好差评）",
}: {
  caseId: string;
  /** kiosk: the applicant at the self-service terminal, with large touch targets. */
  face: "applicant" | "window" | "kiosk";
  title?: string;
}) {
  const { message } = App.useApp();
  const [rating, setRating] = useState<RatingStage | null>(null);
  const [sending, setSending] = useState(false);
  const path = { params: { path: { caseId } } };
  // The pad learns only whether a stage is still open and whether a window rated it: the clerk holding it is
  // usually the one rated, so it never shows a level (nor how anyone rated elsewhere).
  const stages = useQuery({
    queryKey: ["case-ratings", caseId, face],
    queryFn: async (): Promise<StageRow[]> =>
      face === "window"
        ? (await call(api.GET("/api/workbench/cases/{caseId}/ratings", path))).map((s) => ({
            stage: s.stage,
            open: s.open,
            rated: s.open ? null : s.ratedAtWindow ? "window" : "elsewhere",
          }))
        : (await call(api.GET("/api/my/cases/{caseId}/ratings", path))).map((s) => ({
            stage: s.stage,
            open: s.open,
            rated: s.rating,
          })),
  });
  if (!stages.data || stages.data.length === 0) return null;
  if (face === "kiosk" && !stages.data.some((s) => s.open)) return null;
  const channel = face === "applicant" ? (window.innerWidth < 768 ? "mobile" : "web") : face;
  const large = face !== "applicant";

  async function send(values: RatingValues) {
    if (!rating) return;
    setSending(true);
    try {
      if (channel === "window") {
        await call(api.POST("/api/workbench/cases/{caseId}/ratings", { ...path, body: { ...values, stage: rating } }));
      } else {
        await call(
          api.POST("/api/my/cases/{caseId}/ratings", { ...path, body: { ...values, stage: rating, channel } }),
        );
      }
      void message.success("感谢您的评价");
      setRating(null);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : "提交失败");
    } finally {
      setSending(false);
    }
    await stages.refetch();
  }

  return (
    <Card title={title} className="block">
      <List
        dataSource={stages.data}
        renderItem={(s) => (
          <List.Item
            extra={
              s.open && (
                <Button type="primary" size={large ? "large" : "middle"} onClick={() => setRating(s.stage)}>
                  {face === "window" ? "请申请人评价" : "评价"}
                </Button>
              )
            }
          >
            <Space wrap>
              <span>{RATING_STAGE_LABELS[s.stage]}</span>
              {s.rated === null ? (
                <Typography.Text type="secondary">尚未评价</Typography.Text>
              ) : s.rated === "window" ? (
                <Typography.Text type="secondary">已在窗口评价</Typography.Text>
              ) : s.rated === "elsewhere" ? (
                <Typography.Text type="secondary">已评价</Typography.Text>
              ) : (
                <>
                  <RatingLevelTag level={s.rated.level} />
                  <Typography.Text type="secondary">通过{RATING_CHANNEL_LABELS[s.rated.channel]}评价</Typography.Text>
                </>
              )}
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={rating !== null}
        title={face === "window" ? "请您对本窗口的服务作出评价" : `评价${rating ? RATING_STAGE_LABELS[rating] : ""}`}
        footer={null}
        width={large ? 880 : 640}
        onCancel={() => setRating(null)}
        destroyOnHidden
      >
        <RatingForm channel={channel} large={large} submitting={sending} onSubmit={(v) => void send(v)} />
      </Modal>
    </Card>
  );
}
