import { Alert, App, Button, Form, Input, Tabs } from "antd";
import { useState } from "react";
import { ApiError, api, call, ensureCsrfCookie } from "../api/client";
import type { SessionUser } from "../components/session";
import { ApplicantSignIn, useCountdown } from "../portal/sign-in-page";

type Values = { idNumber: string; code: string };

/**
 * 身份证号 + 短信验证码: what a person standing at a kiosk has with them, the code going to their registered phone.
 * The server answers every ID number alike (it never says whether one is registered), so the screen says where a code
 * goes only in general, and how to go on when none comes.
 */
function IdNumberSignIn({ onDone }: { onDone: (user: SessionUser, idle: number) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [left, setLeft] = useCountdown();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function sendCode() {
    try {
      await form.validateFields(["idNumber"]);
      await ensureCsrfCookie();
      const result = await call(
        api.POST("/api/auth/id-sms-code", { body: { idNumber: form.getFieldValue("idNumber") } }),
      );
      setLeft(result.resendAfterSeconds);
      setSentTo(result.message);
    } catch (error) {
      if (error instanceof ApiError) void message.error(error.message);
    }
  }

  async function submit(values: Values) {
    setBusy(true);
    try {
      await ensureCsrfCookie();
      const result = await call(api.POST("/api/auth/applicant/id-sign-in", { body: values }));
      if (result.user) onDone(result.user, result.idleMinutes);
    } catch (error) {
      if (error instanceof ApiError) void message.error(error.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="vertical" size="large" onFinish={(v) => void submit(v)} className="kiosk-form">
      <Form.Item
        name="idNumber"
        label="身份证号"
        rules={[{ required: true, pattern: /^\d{17}[\dXx]$/, message: "请输入 18 位身份证号" }]}
      >
        <Input maxLength={18} inputMode="text" autoComplete="off" placeholder="18 位身份证号" />
      </Form.Item>
      <Form.Item label="短信验证码" required>
        <div className="kiosk-code-row">
          <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: "请输入 6 位验证码" }]}>
            <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" aria-label="短信验证码" />
          </Form.Item>
          <Button onClick={() => void sendCode()} disabled={left > 0}>
            {left > 0 ? `${left} 秒后重发` : "获取验证码"}
          </Button>
        </div>
      </Form.Item>
      {sentTo && (
        <Alert
          type="info"
          showIcon
          message={sentTo}
          description="未收到短信？请核对身份证号；尚未在本平台实名注册的，请改用“手机号登录”完成注册。"
          className="block"
        />
      )}
      <Button type="primary" htmlType="submit" block loading={busy} className="kiosk-button">
        登录
      </Button>
    </Form>
  );
}

/** The kiosk's sign-in: by ID number first, as people at a kiosk expect, or by phone number. */
export function KioskSignIn({ onDone }: { onDone: (user: SessionUser, idle: number) => void }) {
  return (
    <Tabs
      items={[
        { key: "id", label: "身份证号登录", children: <IdNumberSignIn onDone={onDone} /> },
        { key: "phone", label: "手机号登录", children: <ApplicantSignIn onDone={onDone} /> },
      ]}
    />
  );
}
