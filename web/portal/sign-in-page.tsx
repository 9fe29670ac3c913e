import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Radio, Space, Table, Tabs, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError, api, call, ensureCsrfCookie } from "../api/client";
import { CaptchaField } from "../components/captcha-field";
import { FACE_HOME, type SessionUser } from "../components/session";

function useAfterSignIn() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  return (user: SessionUser, idleMinutes: number) => {
    queryClient.setQueryData(["session"], { user, idleMinutes });
    const next = params.get("next");
    void navigate(next?.startsWith("/") && !next.startsWith("//") ? next : FACE_HOME[user.face], { replace: true });
  };
}

export function useCountdown(): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft];
}

type ApplicantValues = {
  phone: string;
  code: string;
  kind?: "person" | "legal_person";
  name?: string;
  idNumber?: string;
  creditCode?: string;
};

/** Applicants sign in with a code sent to their phone; the first time they also register under their real name. */
export function ApplicantSignIn({ onDone }: { onDone?: (user: SessionUser, idle: number) => void }) {
  const [form] = Form.useForm<ApplicantValues>();
  const { message } = App.useApp();
  const afterSignIn = useAfterSignIn();
  const [left, setLeft] = useCountdown();
  const [registering, setRegistering] = useState(false);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch("kind", form) ?? "person";

  async function sendCode() {
    try {
      await form.validateFields(["phone"]);
      await ensureCsrfCookie();
      const result = await call(api.POST("/api/auth/sms-code", { body: { phone: form.getFieldValue("phone") } }));
      setLeft(result.resendAfterSeconds);
      void message.success("验证码已发送");
    } catch (error) {
      if (error instanceof ApiError) void message.error(error.message);
    }
  }

  async function submit(values: ApplicantValues) {
    setBusy(true);
    try {
      await ensureCsrfCookie();
      const signUp = !registering
        ? undefined
        : values.kind === "legal_person"
          ? { kind: "legal_person" as const, name: values.name ?? "", creditCode: values.creditCode ?? "" }
          : { kind: "person" as const, name: values.name ?? "", idNumber: values.idNumber ?? "" };
      const result = await call(
        api.POST("/api/auth/applicant/sign-in", { body: { phone: values.phone, code: values.code, signUp } }),
      );
      if (result.user) (onDone ?? afterSignIn)(result.user, result.idleMinutes);
    } catch (error) {
      if (error instanceof ApiError && error.code === "APPLICANT_NOT_REGISTERED") {
        setRegistering(true);
        void message.info("首次使用，请完成实名注册");
      } else if (error instanceof ApiError) void message.error(error.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ kind: "person" }}>
      <Form.Item
        name="phone"
        label="手机号"
        rules={[
          { required: true, message: "请输入手机号" },
          { pattern: /^1[3-9]\d{9}$/, message: "请输入 11 位手机号" },
        ]}
      >
        <Input inputMode="numeric" maxLength={11} autoComplete="tel" placeholder="11 位手机号" />
      </Form.Item>
      <Form.Item label="短信验证码" required>
        <Space.Compact block>
          <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/, message: "请输入 6 位验证码" }]}>
            <Input
              inputMode="numeric"
              maxLength={6}
              autoComplete="one-time-code"
              placeholder="6 位数字"
              aria-label="短信验证码"
            />
          </Form.Item>
          <Button onClick={sendCode} disabled={left > 0}>
            {left > 0 ? `${left} 秒后重发` : "获取验证码"}
          </Button>
        </Space.Compact>
      </Form.Item>
      {registering && (
        <>
          <Alert type="info" showIcon className="block" message="首次登录需实名注册，信息将加密保存。" />
          <Form.Item name="kind" label="注册类型">
            <Radio.Group optionType="button" buttonStyle="solid">
              <Radio value="person">个人</Radio>
              <Radio value="legal_person">法人（单位）</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="name"
            label={kind === "person" ? "姓名" : "单位名称"}
            rules={[{ required: true, message: kind === "person" ? "请输入姓名" : "请输入单位名称" }]}
          >
            <Input maxLength={kind === "person" ? 40 : 100} />
          </Form.Item>
          {kind === "person" ? (
            <Form.Item
              name="idNumber"
              label="身份证号"
              rules={[{ required: true, len: 18, message: "请输入 18 位身份证号" }]}
            >
              <Input maxLength={18} />
            </Form.Item>
          ) : (
            <Form.Item
              name="creditCode"
              label="统一社会信用代码"
              rules={[{ required: true, len: 18, message: "请输入 18 位统一社会信用代码" }]}
            >
              <Input maxLength={18} />
            </Form.Item>
          )}
        </>
      )}
      <Button type="primary" htmlType="submit" block loading={busy}>
        {registering ? "注册并登录" : "登录"}
      </Button>
    </Form>
  );
}

type StaffValues = { username: string; password: string; captchaAnswer?: string };

/**
 * Username and password; once the account has had a few wrong passwords the server asks for an image captcha
 * (CAPTCHA_REQUIRED, or `captchaRequired` with the error), and from then on the form shows one, new at every try.
 */
function StaffSignIn({ username }: { username?: string }) {
  const [form] = Form.useForm<StaffValues>();
  const afterSignIn = useAfterSignIn();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [needsCaptcha, setNeedsCaptcha] = useState(false);
  const captcha = useQuery({
    queryKey: ["sign-in-captcha"],
    queryFn: () => call(api.GET("/api/auth/captcha")),
    enabled: needsCaptcha,
    staleTime: 0,
    gcTime: 0,
  });
  useEffect(() => {
    if (username) form.setFieldsValue({ username });
  }, [username, form]);

  async function submit(values: StaffValues) {
    setBusy(true);
    setError(null);
    const answered = needsCaptcha && captcha.data;
    try {
      await ensureCsrfCookie();
      const body = {
        username: values.username,
        password: values.password,
        ...(answered ? { captchaToken: captcha.data.token, captchaAnswer: values.captchaAnswer ?? "" } : {}),
      };
      const result = await call(api.POST("/api/auth/staff/sign-in", { body }));
      if (result.user) afterSignIn(result.user, result.idleMinutes);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "登录失败，请稍后再试");
      const asked = e instanceof ApiError && (e.code === "CAPTCHA_REQUIRED" || e.details?.captchaRequired === true);
      // A captcha is spent by any try: the next one needs a new image.
      if (asked || answered) {
        form.setFieldValue("captchaAnswer", "");
        if (needsCaptcha) void captcha.refetch();
        else setNeedsCaptcha(true);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
      {error && <Alert type="error" showIcon message={error} className="block" role="alert" />}
      <Form.Item name="username" label="用户名" rules={[{ required: true, message: "请输入用户名" }]}>
        <Input autoComplete="username" />
      </Form.Item>
      <Form.Item name="password" label="密码" rules={[{ required: true, message: "请输入密码" }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      {needsCaptcha && <CaptchaField captcha={captcha.data} onRefresh={() => void captcha.refetch()} />}
      <Button type="primary" htmlType="submit" block loading={busy}>
        登录
      </Button>
    </Form>
  );
}

/** In demo mode the server lists its demo accounts; elsewhere this shows nothing. */
function DemoAccounts({ onPick }: { onPick: (username: string) => void }) {
  const demo = useQuery({
    queryKey: ["demo-accounts"],
    queryFn: () => call(api.GET("/api/demo/accounts")),
    retry: false,
  });
  if (!demo.data) return null;
  return (
    <Card title="演示账号" className="demo-accounts" size="small">
      <Typography.Paragraph>
        工作人员密码均为{" "}
        <Typography.Text code copyable>
          {demo.data.password}
        </Typography.Text>
        ；申请人用手机号获取验证码，验证码见 <Link to="/dev/inbox">开发短信收件箱</Link>。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="username"
        pagination={false}
        scroll={{ x: true }}
        dataSource={demo.data.staff}
        columns={[
          {
            title: "用户名",
            dataIndex: "username",
            render: (u: string) => (
              <Button type="link" size="small" onClick={() => onPick(u)} aria-label={`使用 ${u} 登录`}>
                {u}
              </Button>
            ),
          },
          { title: "姓名", dataIndex: "name", className: "nowrap" },
          { title: "角色", dataIndex: "roles", className: "nowrap", render: (r: string[]) => r.join("、") },
          { title: "单位", dataIndex: "org", responsive: ["md"] },
        ]}
      />
      <Table
        size="small"
        rowKey="phone"
        pagination={false}
        scroll={{ x: true }}
        className="block-top"
        dataSource={demo.data.applicants}
        columns={[
          { title: "申请人手机号", dataIndex: "phone" },
          { title: "名称", dataIndex: "name" },
          { title: "类型", dataIndex: "kind", className: "nowrap" },
        ]}
      />
    </Card>
  );
}

export function SignInPage() {
  const [tab, setTab] = useState("applicant");
  const [picked, setPicked] = useState<string>();
  return (
    <div className="sign-in-page">
      <Card className="sign-in-card">
        <Typography.Title level={2} className="sign-in-title">
          登录办事不求人
        </Typography.Title>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: "applicant", label: "个人 / 法人", children: <ApplicantSignIn /> },
            { key: "staff", label: "工作人员", children: <StaffSignIn username={picked} /> },
          ]}
        />
      </Card>
      <DemoAccounts
        onPick={(username) => {
          setPicked(username);
          setTab("staff");
        }}
      />
    </div>
  );
}
