import { z } from "zod";
import { LICENCE_STATUSES } from "../../../common/vocabulary.js";
import { pageOf, pageQuery, text } from "../../platform/http.js";
import { type LicenceAction, licenceLifecycle } from "./licences.machine.js";

const status = z.enum(LICENCE_STATUSES).meta({ description: "valid 有效，revoked 已撤销，expired 已过期" });

export const codeParams = z.object({
  code: z
    .string()
    .trim()
    .min(16, { message: "核验码为 16 位字母和数字" })
    .max(24, { message: "核验码为 16 位字母和数字" }),
});

export const licenceVerification = z
  .object({
    code: z.string(),
    type: z.string(),
    number: z.string(),
    status,
    holderName: z.string().meta({ description: "脱敏姓名或单位名称" }),
    holderId: z.string().nullable().meta({ description: "脱敏身份证号" }),
    issuer: z.string(),
    issuedOn: z.string(),
    expiresOn: z.string().nullable(),
    revokedAt: z.string().nullable(),
    revokedReason: z.string().nullable(),
    digest: z.string().meta({ description: "签发时 PDF 文件的 SM3 摘要" }),
  })
  .meta({ id: "LicenceVerification" });

export const fileCheck = z.object({ matches: z.boolean(), digest: z.string(), issuedDigest: z.string() });

export const walletLicence = z
  .object({
    id: z.uuid(),
    type: z.string(),
    number: z.string(),
    code: z.string(),
    status,
    issuer: z.string(),
    issuedOn: z.string(),
    expiresOn: z.string().nullable(),
    caseId: z.uuid().nullable(),
    uses: z.number().int(),
  })
  .meta({ id: "WalletLicence" });

export const licenceUseRecord = z
  .object({
    id: z.uuid(),
    licenceId: z.uuid(),
    licenceType: z.string(),
    licenceNumber: z.string(),
    caseId: z.uuid(),
    caseNumber: z.string().nullable(),
    itemName: z.string(),
    orgName: z.string(),
    materialName: z.string(),
    consentedAt: z.string(),
  })
  .meta({ id: "LicenceUseRecord" });

export const usableQuery = z.object({
  types: z
    .string()
    .max(600)
    .transform((value) =>
      value
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean)
        .slice(0, 20),
    ),
});
export const usableLicence = z.object({
  id: z.uuid(),
  type: z.string(),
  number: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string().nullable(),
});

/** A licence that stood in for a material of a case, verified as of now. */
export const caseLicenceUse = licenceVerification
  .extend({ materialKey: z.string(), materialName: z.string(), consentedAt: z.string(), licenceId: z.uuid() })
  .meta({ id: "CaseLicenceUse" });
export const caseLicence = z
  .object({ id: z.uuid(), type: z.string(), number: z.string(), code: z.string(), status, issuedOn: z.string() })
  .meta({ id: "CaseLicence" });

export const staffLicencesQuery = pageQuery.extend({ q: z.string().trim().max(40).optional() });
export const staffLicence = z
  .object({
    id: z.uuid(),
    type: z.string(),
    number: z.string(),
    code: z.string(),
    status,
    holderName: z.string(),
    issuer: z.string(),
    issuedOn: z.string(),
    expiresOn: z.string().nullable(),
    caseId: z.uuid().nullable(),
    revokedReason: z.string().nullable(),
    /** What this reader may do to the licence now, from the licence lifecycle. */
    actions: z.array(
      z.object({ action: z.enum(licenceLifecycle.names as [LicenceAction, ...LicenceAction[]]), label: z.string() }),
    ),
  })
  .meta({ id: "StaffLicence" });
export const staffLicencePage = pageOf(staffLicence);

export const revokeBody = z.object({ reason: text("撤销理由", 300) });
