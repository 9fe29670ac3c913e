import { ReloadOutlined } from "@ant-design/icons";
import { Button, Form, Input } from "antd";

/** The captcha answer (form field `captchaAnswer`) beside its image; the token travels with the form's data. */
export function CaptchaField({
  captcha,
  onRefresh,
}: {
  captcha?: { token: string; svg: string };
  onRefresh: () => void;
}) {
  return (
    <Form.Item label="验证码" required>
      <div className="captcha-row">
        <Form.Item name="captchaAnswer" noStyle rules={[{ required: true, message: "请输入验证码" }]}>
          <Input autoComplete="off" maxLength={6} aria-label="验证码" />
        </Form.Item>
        {captcha && (
          <img
            className="captcha-image"
            alt="验证码图片，看不清可点击右侧按钮换一张"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(captcha.svg)}`}
            data-token={captcha.token}
          />
        )}
        <Button icon={<ReloadOutlined />} aria-label="换一张验证码" onClick={onRefresh} />
      </div>
    </Form.Item>
  );
}
