import type { AuditActor } from "../../platform/audit.js";
import { type PersonalDataCipher, randomCode } from "../../platform/crypto.js";
import type { Db } from "../../platform/db.js";
import { AppError } from "../../platform/errors.js";
import type { FileStore } from "../../platform/files.js";
import type { FormSealer } from "../../platform/sealed-form.js";
import type { CalendarService } from "../calendar/index.js";
import type { NotificationsService } from "../notifications/index.js";
import type { OrgService } from "../orgs/index.js";

/**
 * What every use case of 投诉举报 is given, and what they share. The use cases: submitting and following one's own
 * (`complaints.submit.ts`), the org's handling (`complaints.handling.ts`) and what is published
 * (`complaints.publication.ts`); `complaints.service.ts` binds them.
 */
export type ComplaintsDeps = {
  db: Db;
  notifications: NotificationsService;
  orgs: OrgService;
  calendar: CalendarService;
  cipher: PersonalDataCipher;
  /** Seals what the complainant typed when it holds an ID or mobile number. */
  forms: FormSealer;
  files: FileStore;
  /** Working days to investigate and answer. */
  answerDays: number;
  warningDays: number;
};

export const MAX_ATTACHMENTS = 5;
export const ANONYMOUS: AuditActor = { id: null, name: "匿名投诉举报人", orgId: null };

export const complaintChanged = () => new AppError("COMPLAINT_CHANGED");

/** 16 characters, 80 random bits: the only key to an anonymous complaint, so it cannot be guessed. */
export const newTrackingCode = () => randomCode(16);
