import type { LicenceStatus } from "../../../common/vocabulary.js";
import { todayInChina } from "../../platform/calendar.js";
import type { PersonalDataCipher } from "../../platform/crypto.js";
import type { Db } from "../../platform/db.js";
import { AppError } from "../../platform/errors.js";
import type { FileStore } from "../../platform/files.js";
import type { PdfBlock } from "../../platform/pdf.js";
import type { OrgService } from "../orgs/index.js";
import type { LicenceRow } from "./licences.tables.js";

/**
 * What every use case of e-licences is given, and what they share. The use cases: issuing (`licences.issue.ts`),
 * verification by anyone (`licences.verification.ts`), the holder's wallet (`licences.wallet.ts`), use in place of
 * materials (`licences.uses.ts`) and staff's list and revocation (`licences.staff.ts`); `licences.service.ts` binds them.
 */
export type LicencesDeps = {
  db: Db;
  files: FileStore;
  cipher: PersonalDataCipher;
  orgs: OrgService;
  /** Where the public verification page lives, printed under the QR code. */
  publicUrl: string;
};

/** What the issuing side says about the result; the licence adds its seal, code and QR code. */
export type IssueSpec = {
  type: string;
  number: string;
  body: PdfBlock[];
  itemId: string | null;
  caseId: string | null;
  holder: { id: string; name: string; idEncrypted: string | null };
  /** `name` as the seal shows it; the caller looks it up before its transaction. */
  org: { id: string; path: string; name: string };
  /** Months the licence is valid from its issue; null: until revoked. */
  validMonths: number | null;
};

/** One material a licence stands in for, as the applicant chose it (with consent) on a case. */
export type LicenceUse = {
  licenceId: string;
  materialKey: string;
  materialName: string;
  /** The types the material accepts. */
  licenceTypes: string[];
  case: { id: string; number: string | null; itemName: string; orgId: string; orgName: string };
};

export const notFound = () => new AppError("LICENCE_NOT_FOUND");

export function statusOf(row: Pick<LicenceRow, "revokedAt" | "expiresOn">, today = todayInChina()): LicenceStatus {
  if (row.revokedAt) return "revoked";
  if (row.expiresOn && row.expiresOn < today) return "expired";
  return "valid";
}

export function addMonths(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/** 4-4-4-4, as printed, so it is easy to read out and type back. */
export const groupedCode = (code: string) => code.match(/.{1,4}/g)?.join("-") ?? code;
