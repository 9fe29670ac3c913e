import { Button, Form, Input, Radio, Typography } from "antd";
import {
  indicatorsFor,
  RATING_INDICATOR_LABELS,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  type RatingChannel,
} from "../../common/vocabulary";

export type RatingValues = { scores: Record<string, number>; comment: string };

/**
 * 好差评: the channel's standard indicators, each on the five levels, and an optional comment. The same form on the
 * web, a phone (the SMS link), the kiosk and the window pad; only the indicators differ by channel.
 */
export function RatingForm({
  channel,
  submitting,
  large = false,
  onSubmit,
}: {
  channel: RatingChannel;
  submitting: boolean;
  /** The window pad and the kiosk: bigger targets for a finger. */
  large?: boolean;
  onSubmit: (values: RatingValues) => void;
}) {
  const [form] = Form.useForm();
  const indicators = indicatorsFor(channel);
  function finish(values: Record<string, unknown>) {
    const scores = Object.fromEntries(indicators.map((i) => [i, Number(values[i])]));
    onSubmit({ scores, comment: String(values.comment ?? "") });
  }
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={finish}
      className={large ? "rating-form rating-form-large" : "rating-form"}
    >
      {indicators.map((indicator) => (
        <Form.Item
          key={indicator}
          name={indicator}
          label={RATING_INDICATOR_LABELS[indicator]}
          rules={[{ required: true, message: `请评价${RATING_INDICATOR_LABELS[indicator]}` }]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size={large ? "large" : "middle"}
            options={RATING_LEVELS.map((level) => ({ value: level, label: RATING_LEVEL_LABELS[level] }))}
          />
        </Form.Item>
      ))}
      <Form.Item name="comment" label="意见建议（选填）">
        <Input.TextArea rows={3} maxLength={500} showCount placeholder="您的意见会转给办理单位，用于改进服务" />
      </Form.Item>
      <Typography.Paragraph type="secondary">
        评价提交后不能修改。“不满意”“非常不满意”的评价，办理单位须在限期内核实整改，并回访您。
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={submitting} size="large" block={large}>
        提交评价
      </Button>
    </Form>
  );
}
