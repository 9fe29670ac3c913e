import { uuidv7 } from "uuidv7";
import { chineseDate } from "../../../common/format.js";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import { todayInChina } from "../../platform/calendar.js";
import { randomCode } from "../../platform/crypto.js";
import type { Db } from "../../platform/db.js";
import { renderPdf } from "../../platform/pdf.js";
import { addMonths, groupedCode, type IssueSpec, type LicencesDeps } from "./licences.context.js";
import { type LicenceRow, licences } from "./licences.tables.js";

export function verifyUrl(deps: LicencesDeps, code: string) {
  return `${deps.publicUrl.replace(/\/$/, "")}/verify/${code}`;
}

/**
 * Issues a licence within the caller's transaction (the grant or the self-service case it belongs to): the PDF
 * with the issuer's seal, the code and the QR code, its file, the row and the audit entry commit together.
 */
export async function issue(deps: LicencesDeps, tx: Db, by: AuditActor, spec: IssueSpec): Promise<LicenceRow> {
  const code = randomCode(16);
  const issuedOn = todayInChina();
  const expiresOn = spec.validMonths === null ? null : addMonths(issuedOn, spec.validMonths);
  const issuer = spec.org.name;
  const pdf = Buffer.from(
    await renderPdf({
      title: `${spec.type} ${spec.number}`,
      footer: `${issuer} · 电子证照 ${spec.number}`,
      blocks: [
        ...spec.body,
        { kind: "seal", issuer, date: chineseDate(issuedOn) },
        {
          kind: "verification",
          url: verifyUrl(deps, code),
          lines: [
            `证照编号：${spec.number}`,
            `核验码：${groupedCode(code)}`,
            expiresOn ? `有效期至：${expiresOn}` : "有效期：长期有效（撤销的除外）",
            `扫描二维码或访问 ${verifyUrl(deps, code)} 核验本证照的真伪和状态。本证照与纸质证明具有同等效力。`,
          ],
        },
      ],
    }),
  );
  const file = await deps.files.save(
    {
      name: `${spec.type}-${spec.number}.pdf`,
      mimeType: "application/pdf",
      data: pdf,
      visibility: "private",
      uploadedBy: by.id,
      kinds: ["pdf"],
    },
    tx,
  );
  const [row] = await tx
    .insert(licences)
    .values({
      id: uuidv7(),
      number: spec.number,
      code,
      type: spec.type,
      itemId: spec.itemId,
      caseId: spec.caseId,
      holderId: spec.holder.id,
      holderName: spec.holder.name,
      holderIdEncrypted: spec.holder.idEncrypted,
      orgId: spec.org.id,
      orgPath: spec.org.path,
      issuedOn,
      expiresOn,
      fileId: file.id,
      digest: file.sm3,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await appendAudit(tx, by, {
    action: "licence.issue",
    targetType: "licence",
    targetId: row.id,
    summary: `签发电子证照 ${spec.type}（编号 ${spec.number}）`,
    orgId: spec.org.id,
  });
  return row;
}
