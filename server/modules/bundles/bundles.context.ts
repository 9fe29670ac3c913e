import type { CaseStatus } from "../../../common/vocabulary.js";
import type { AuditActor } from "../../platform/audit.js";
import type { Db } from "../../platform/db.js";
import { AppError } from "../../platform/errors.js";
import type { Events } from "../../platform/events.js";
import type { FileStore } from "../../platform/files.js";
import type { FormSealer } from "../../platform/sealed-form.js";
import type { CalendarService } from "../calendar/index.js";
import type { CaseRow, CasesService } from "../cases/index.js";
import type { ItemContent } from "../catalog/index.js";
import type { NotificationsService } from "../notifications/index.js";
import type { OrgService } from "../orgs/index.js";
import type { RatingsService } from "../ratings/index.js";

/** The module's dependencies as the app gives them. */
export type BundlesDeps = {
  db: Db;
  events: Events;
  notifications: NotificationsService;
  orgs: OrgService;
  cases: CasesService;
  ratings: RatingsService;
  calendar: CalendarService;
  files: FileStore;
  forms: FormSealer;
  log: { warn(obj: object, msg: string): void };
};

export type Part = { key: string; row: CaseRow; content: ItemContent };

/** The parts' statuses that end them. */
export const ENDED: CaseStatus[] = ["completed", "refused", "withdrawn", "revoked"];
/** Whoever rates is not named in the audit trail staff read, as for every rating. */
export const RATER: AuditActor = { id: null, name: "评价人", orgId: null };

export const bundleCaseChanged = () => new AppError("BUNDLE_CASE_CHANGED");

/** What every use case of bundle cases is given. */
export type BundleCaseDeps = BundlesDeps;
