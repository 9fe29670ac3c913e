import { PrinterOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Empty, Form, InputNumber, Radio, Result, Spin, Typography } from "antd";
import { useRef, useState } from "react";
import { ApiError, api, call } from "../api/client";
import type { components } from "../api/schema";

type Item = { id: string; name: string };
type Issued = { caseId: string; number: string; licenceId: string; code: string; name: string };
type Field = components["schemas"]["Guide"]["content"]["form"][number];

/** One answer of a certificate's form, in touch-sized controls: choices as big buttons, copies as a stepper. */
function KioskField({ field }: { field: Field }) {
  const control =
    field.type === "choice" ? (
      <Radio.Group optionType="button" buttonStyle="solid" size="large" options={field.options} />
    ) : (
      <InputNumber min={1} max={5} size="large" />
    );
  return (
    <Form.Item
      name={field.key}
      label={field.label}
      extra={field.help || undefined}
      rules={field.required ? [{ required: true, message: `请选择“${field.label}”` }] : []}
      initialValue={field.type === "number" ? 1 : undefined}
    >
      {control}
    </Form.Item>
  );
}

/** The certificate's form, then issued at once: the case completes and its licence comes back to print. */
function CertificateForm({ item, onIssued }: { item: Item; onIssued: (issued: Issued) => void }) {
  const { message } = App.useApp();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const guide = useQuery({
    queryKey: ["guide", item.id],
    queryFn: () => call(api.GET("/api/catalog/items/{id}/guide", { params: { path: { id: item.id } } })),
  });

  async function issue(values: Record<string, unknown>) {
    setBusy(true);
    try {
      const created = await call(api.POST("/api/cases", { body: { itemId: item.id, idempotencyKey, form: values } }));
      const view = await call(api.GET("/api/cases/{id}", { params: { path: { id: created.id } } }));
      const licence = view.licences[0];
      if (!licence) throw new Error("证明尚未出具，请到窗口咨询");
      onIssued({
        caseId: created.id,
        number: licence.number,
        licenceId: licence.id,
        code: licence.code,
        name: item.name,
      });
    } catch (error) {
      void message.error(error instanceof ApiError || error instanceof Error ? error.message : "出具失败");
    } finally {
      setBusy(false);
    }
  }

  if (!guide.data) return <Spin size="large" />;
  return (
    <Card title={`开具${item.name}`} className="kiosk-panel">
      <Form layout="vertical" size="large" onFinish={(v) => void issue(v)}>
        {guide.data.content.form.map((field) => (
          <KioskField key={field.key} field={field} />
        ))}
        <Button type="primary" htmlType="submit" loading={busy} className="kiosk-button">
          立即开具
        </Button>
      </Form>
    </Card>
  );
}

/** 打印预览: the licence as issued, printed from the page; the verification code is read out beside it. */
function PrintView({ issued, onDone }: { issued: Issued; onDone: () => void }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const src = `/api/cases/${issued.caseId}/licences/${issued.licenceId}`;
  return (
    <Card className="kiosk-panel">
      <Result
        status="success"
        title={`${issued.name}已开具`}
        subTitle={`证照编号 ${issued.number}，核验码 ${issued.code}。已存入“我的证照”，可随时下载或核验。`}
        extra={[
          <Button
            key="print"
            type="primary"
            icon={<PrinterOutlined />}
            className="kiosk-button"
            onClick={() => frame.current?.contentWindow?.print()}
          >
            打印
          </Button>,
          <Button key="done" className="kiosk-button" onClick={onDone}>
            完成
          </Button>,
        ]}
      />
      <iframe ref={frame} title={`${issued.name}打印预览`} src={src} className="kiosk-print-preview" />
    </Card>
  );
}

/** 自助打印证明: choose a certificate of your university, answer its few questions, print it at once. */
export function KioskCertificates({ onBack }: { onBack: () => void }) {
  const records = useQuery({
    queryKey: ["my-student-records"],
    queryFn: () => call(api.GET("/api/my/student-records")),
  });
  const [item, setItem] = useState<Item | null>(null);
  const [issued, setIssued] = useState<Issued | null>(null);

  if (issued) return <PrintView issued={issued} onDone={onBack} />;
  return (
    <div>
      <Button className="kiosk-button block" onClick={item ? () => setItem(null) : onBack}>
        返回
      </Button>
      {item ? (
        <CertificateForm item={item} onIssued={setIssued} />
      ) : records.data?.length === 0 ? (
        <Empty description="未查询到您的学籍信息：自助打印证明仅限高校在籍学生，如有疑问请到教务处窗口咨询" />
      ) : (
        records.data?.map((r) => (
          <section key={r.orgId} className="block">
            <Typography.Title level={3}>
              {r.university} · {r.college} {r.major}（{r.level}，学号 {r.studentNo}，{r.status}）
            </Typography.Title>
            <div className="kiosk-grid">
              {r.certificates.map((c) => (
                <button
                  type="button"
                  key={c.itemId}
                  className="kiosk-tile kiosk-tile-small"
                  onClick={() => setItem({ id: c.itemId, name: c.name })}
                >
                  <span className="kiosk-tile-title">{c.name}</span>
                  <span className="kiosk-tile-text">即时开具 · 可打印</span>
                </button>
              ))}
            </div>
          </section>
        ))
      )}
      {records.error && <Alert type="error" showIcon message={records.error.message} />}
    </div>
  );
}
