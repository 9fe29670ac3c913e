import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, UploadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Descriptions, Input, Typography, Upload } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { LICENCE_STATUS_LABELS, type LicenceStatus } from "../../common/vocabulary";
import { ApiError, api, call, postFile } from "../api/client";
import type { components } from "../api/schema";
import { formatTime } from "../components/case-parts";
import { expiryText } from "../components/licence-parts";

type Verification = components["schemas"]["LicenceVerification"];
type FileCheck = { matches: boolean; digest: string; issuedDigest: string };

/** A code as printed (XXXX-XXXX-XXXX-XXXX), typed in any case, with or without dashes or spaces. */
function normaliseCode(input: string): string {
  return input.replace(/[\s\-－—]/g, "").toUpperCase();
}

const CODE_PATTERN = /^[0-9A-Z]{16}$/;

/**
 * 电子证照核验: anyone holding an e-licence (or shown one) checks by its code — the QR code on every PDF opens
 * /verify/<code> — whether it is genuine and still valid, and whether a PDF file is the one issued.
 */
export function VerifyPage() {
  const { code: routeCode = "" } = useParams();
  const navigate = useNavigate();
  const code = normaliseCode(routeCode);
  const [typed, setTyped] = useState(routeCode);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setTyped(routeCode), [routeCode]);

  const wellFormed = CODE_PATTERN.test(code);
  const verification = useQuery({
    queryKey: ["licence-verification", code],
    queryFn: () => call(api.GET("/api/licence-verification/{code}", { params: { path: { code } } })),
    enabled: wellFormed,
    staleTime: 0,
  });

  function check(value: string) {
    const next = normaliseCode(value);
    if (!CODE_PATTERN.test(next)) {
      setProblem("核验码为 16 位字母和数字，请核对后重新输入（可含或不含“-”）");
      return;
    }
    setProblem(null);
    if (next === code) void verification.refetch();
    else void navigate(`/verify/${next}`);
  }

  const malformedLink = routeCode !== "" && !wellFormed;
  return (
    <div className="narrow-page">
      <Typography.Title level={2}>电子证照核验</Typography.Title>
      <Typography.Paragraph type="secondary">
        扫描电子证照上的二维码，或输入证照上的 16 位核验码，即可核验证照的真伪和当前状态；还可上传您收到的 PDF
        文件，比对是否与签发时一致。核验结果中持证人信息已脱敏。
      </Typography.Paragraph>
      <Card className="block">
        <label htmlFor="licence-code" className="verify-label">
          核验码
        </label>
        <Input.Search
          id="licence-code"
          aria-label="核验码"
          size="large"
          placeholder="例如 AB12-CD34-EF56-GH78"
          enterButton="核验"
          maxLength={30}
          autoComplete="off"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={check}
          loading={verification.isFetching}
        />
        {(problem || malformedLink) && (
          <Alert
            type="error"
            showIcon
            className="block-top"
            role="alert"
            message={problem ?? "链接中的核验码格式不正确：核验码为 16 位字母和数字"}
          />
        )}
      </Card>
      {wellFormed && verification.error && (
        <Alert
          type="error"
          showIcon
          className="block"
          role="alert"
          message={
            verification.error instanceof ApiError && verification.error.code === "LICENCE_NOT_FOUND"
              ? "未找到该核验码对应的电子证照"
              : "核验失败"
          }
          description={
            verification.error instanceof ApiError && verification.error.code === "LICENCE_NOT_FOUND"
              ? "请核对核验码是否输入正确。若核验码无误仍查不到，该证照可能是伪造的，请向签发单位核实。"
              : verification.error.message
          }
        />
      )}
      {wellFormed && verification.data && <VerificationResult licence={verification.data} />}
    </div>
  );
}

const STATUS_ICONS: Record<LicenceStatus, ReactNode> = {
  valid: <CheckCircleFilled aria-hidden />,
  revoked: <CloseCircleFilled aria-hidden />,
  expired: <ExclamationCircleFilled aria-hidden />,
};

function statusExplanation(licence: Verification): string {
  if (licence.status === "revoked") {
    const when = licence.revokedAt ? `已于 ${formatTime(licence.revokedAt)} 撤销` : "已撤销";
    return `该电子证照${when}，不再具有效力。撤销原因：${licence.revokedReason ?? "未说明"}`;
  }
  if (licence.status === "expired") return `该电子证照有效期至 ${licence.expiresOn}，已过期，不再具有效力。`;
  return `该电子证照由${licence.issuer}签发，真实有效。`;
}

function VerificationResult({ licence }: { licence: Verification }) {
  return (
    <>
      <section className={`licence-verdict licence-verdict-${licence.status}`} aria-label="核验结果" aria-live="polite">
        <div className="licence-verdict-title">
          {STATUS_ICONS[licence.status]} {LICENCE_STATUS_LABELS[licence.status]}
        </div>
        <div className="licence-verdict-text">{statusExplanation(licence)}</div>
      </section>
      <Card title="证照信息" className="block">
        <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" className="licence-facts">
          <Descriptions.Item label="证照类型">{licence.type}</Descriptions.Item>
          <Descriptions.Item label="证照编号">{licence.number}</Descriptions.Item>
          <Descriptions.Item label="持证人">{licence.holderName}</Descriptions.Item>
          <Descriptions.Item label="身份证号">{licence.holderId ?? "—"}</Descriptions.Item>
          <Descriptions.Item label="签发单位">{licence.issuer}</Descriptions.Item>
          <Descriptions.Item label="核验码">
            <span className="licence-code">{licence.code}</span>
          </Descriptions.Item>
          <Descriptions.Item label="签发日期">{licence.issuedOn}</Descriptions.Item>
          <Descriptions.Item label="有效期至">{expiryText(licence.expiresOn)}</Descriptions.Item>
          {licence.status === "revoked" && (
            <>
              <Descriptions.Item label="撤销时间">
                {licence.revokedAt ? formatTime(licence.revokedAt) : "—"}
              </Descriptions.Item>
              <Descriptions.Item label="撤销原因">{licence.revokedReason ?? "—"}</Descriptions.Item>
            </>
          )}
          <Descriptions.Item label="文件摘要（SM3）" span={2}>
            <span className="licence-digest">{licence.digest}</span>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <FileComparison code={licence.code} />
    </>
  );
}

/** 文件比对: the SM3 digest of a file the visitor holds against the digest of the PDF as issued. */
function FileComparison({ code }: { code: string }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<(FileCheck & { name: string }) | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function compare(file: File) {
    setBusy(true);
    setFailure(null);
    setResult(null);
    try {
      const checked = await postFile<FileCheck>(`/api/licence-verification/${normaliseCode(code)}/file-check`, file);
      setResult({ ...checked, name: file.name });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : "比对失败，请稍后重试");
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="文件比对" className="block">
      <Typography.Paragraph type="secondary">
        上传您收到的该证照 PDF 文件，平台计算其 SM3
        摘要并与签发时的摘要比对，判断文件是否被修改。文件只用于比对，不会保存。
      </Typography.Paragraph>
      <Upload
        showUploadList={false}
        accept=".pdf,application/pdf"
        beforeUpload={(file) => {
          void compare(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          上传 PDF 文件比对
        </Button>
      </Upload>
      {failure && <Alert type="error" showIcon className="block-top" role="alert" message={failure} />}
      {result && (
        <Alert
          type={result.matches ? "success" : "error"}
          showIcon
          className="block-top"
          role="status"
          message={result.matches ? "文件与签发时一致，未被篡改" : "文件与签发时不一致，可能已被修改"}
          description={
            <dl className="licence-digests">
              <dt>上传文件（{result.name}）的摘要</dt>
              <dd className="licence-digest">{result.digest}</dd>
              <dt>签发时文件的摘要</dt>
              <dd className="licence-digest">{result.issuedDigest}</dd>
            </dl>
          }
        />
      )}
    </Card>
  );
}
