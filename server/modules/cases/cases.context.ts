import { alias } from "drizzle-orm/pg-core";
import type { CaseStatus } from "../../../common/vocabulary.js";
import type { PersonalDataCipher } from "../../platform/crypto.js";
import type { Db } from "../../platform/db.js";
import { AppError } from "../../platform/errors.js";
import type { Events } from "../../platform/events.js";
import type { FileStore } from "../../platform/files.js";
import type { FormSealer } from "../../platform/sealed-form.js";
import { users } from "../accounts/index.js";
import type { CalendarService } from "../calendar/index.js";
import type { CreditService } from "../credit/index.js";
import type { LicencesService } from "../licences/index.js";
import type { NotificationsService } from "../notifications/index.js";
import type { OrgService } from "../orgs/index.js";
import type { CertificateDraft, StudentsService } from "../students/index.js";
import type { CaseAction } from "./cases.machine.js";
import type { CaseRow } from "./cases.tables.js";

/**
 * What every use case of the cases module is given: the module's dependencies (`CasesDeps`), and the few shapes and
 * helpers they share. Each use-case file (apply, staff actions, materials, commitments, bundle parts) holds
 * module-level functions that take `deps` first; `cases.service.ts` binds them into the service the routes call.
 */
export type CasesDeps = {
  db: Db;
  orgs: OrgService;
  calendar: CalendarService;
  notifications: NotificationsService;
  files: FileStore;
  credit: CreditService;
  students: StudentsService;
  licences: LicencesService;
  cipher: PersonalDataCipher;
  forms: FormSealer;
  events: Events;
  /** Working days before the promised date from which a case shows yellow. */
  warningDays: number;
  log: { warn(obj: object, msg: string): void };
};

/** Two people acted on one case at once: the one who lost is shown the case as it is now. */
export const caseChanged = () => new AppError("CASE_CHANGED");

/** One change of a case's status, as `transition` writes it. */
export type Change = {
  action: CaseAction | "sweep";
  to: CaseStatus;
  set?: Partial<CaseRow>;
  /** The timeline entry, in words the applicant understands. */
  note: string;
  /** Also sent to the applicant (站内消息 and SMS). */
  notify?: string;
  /** Further writes that must commit or fail with the change. */
  also?: (tx: Db, next: CaseRow) => Promise<void>;
};

/** A case completed on submission: its licence's issuer and holder, and the self-service certificate if it is one. */
export type Instant = {
  issuer: string;
  holder: { id: string; name: string; idEncrypted: string | null };
  certificate: CertificateDraft | null;
};

/** The applicant's account, joined under its own name where a query also reads staff. */
export const applicant = alias(users, "applicant");
