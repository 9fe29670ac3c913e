import { CASE_STATUS_LABELS, type CaseStatus } from "../../../common/vocabulary.js";
import { type Actor, isWithinScope } from "../../platform/auth.js";
import { AppError } from "../../platform/errors.js";
import { defineLifecycle, type LifecycleFacts } from "../../platform/lifecycle.js";

/** What the lifecycle reads of a case. */
export type CaseFacts = LifecycleFacts<CaseStatus> & { bundleCaseId: string | null };

/** A part of a bundle is filled and submitted through its bundle case, never on its own. */
const notABundlePart = {
  when: (c: CaseFacts) => c.bundleCaseId === null,
  code: "BUNDLE_PART",
} as const;

/** Refuses to fill a bundle's part on its own (its draft is saved through the bundle case too). */
export function assertNotBundlePart(c: CaseFacts): void {
  if (!notABundlePart.when(c)) throw new AppError(notABundlePart.code);
}

/**
 * The case lifecycle: which action may be taken in which status, and by whom. The service decides where an
 * action leads when that depends on the case (an instant item completes on acceptance, a review advances or
 * goes to decision); this table only says what is allowed. Routes take their access from it, the services refuse
 * through it, and the case view lists the actions its reader may take now.
 */
export const caseLifecycle = defineLifecycle<CaseFacts>()({
  noun: "办件",
  notAllowedCode: "CASE_ACTION_NOT_ALLOWED",
  statusLabels: CASE_STATUS_LABELS,
  transitions: {
    submit: { label: "提交申请", from: ["draft"], by: "owner", only: notABundlePart },
    precheck: { label: "预审通过", from: ["submitted"], by: "case.intake" },
    accept: { label: "受理", from: ["submitted", "prechecked"], by: "case.intake" },
    refuse: { label: "不予受理", from: ["submitted", "prechecked"], by: "case.intake" },
    request_supplement: {
      label: "一次性告知补正",
      from: ["submitted", "prechecked", "reviewing"],
      by: ["case.intake", "case.review"],
    },
    resubmit: { label: "补正后重新提交", from: ["supplement"], by: "owner" },
    review: { label: "审查通过", from: ["reviewing"], by: "case.review" },
    start_special: { label: "启动特别程序", from: ["reviewing", "deciding"], by: "case.review" },
    end_special: { label: "结束特别程序", from: ["special"], by: "case.review" },
    extend: { label: "延长办理时限", from: ["reviewing", "deciding"], by: "case.decide" },
    decide: { label: "作出决定", from: ["deciding"], by: "case.decide" },
    issue: { label: "出证", from: ["issuing"], by: "case.review" },
    deliver: { label: "送达", from: ["delivering"], by: "case.intake" },
    revoke: { label: "撤销决定", from: ["issuing", "delivering", "completed"], by: "case.review" },
    withdraw: {
      label: "撤回申请",
      from: ["submitted", "prechecked", "supplement", "reviewing", "special", "deciding"],
      by: "owner",
    },
  },
});

export type CaseAction = (typeof caseLifecycle.names)[number];

/** The facts of a stored case, as the lifecycle reads them. */
export const caseFacts = (row: {
  status: CaseStatus;
  orgPath: string;
  applicantId: string;
  bundleCaseId: string | null;
}): CaseFacts => ({
  status: row.status,
  orgPath: row.orgPath,
  ownerId: row.applicantId,
  bundleCaseId: row.bundleCaseId,
});

/** While the applicant may change a case's materials: while they edit it. */
const OWNER_MATERIAL_STATUSES: readonly CaseStatus[] = ["draft", "supplement"];
/** While window staff may: until the case is accepted (they scan what an applicant brings to the window). */
const STAFF_MATERIAL_STATUSES: readonly CaseStatus[] = ["draft", "submitted", "prechecked", "supplement"];

/** Whether this reader's part in the case lets them add or remove its materials at all. */
export function handlesMaterials(actor: Actor, c: CaseFacts): boolean {
  if (c.ownerId === actor.userId) return true;
  return actor.kind === "staff" && actor.permissions.has("case.intake") && isWithinScope(actor, c.orgPath);
}

/** Whether this reader may add or remove the case's materials now. */
export function mayChangeMaterials(actor: Actor, c: CaseFacts): boolean {
  const open = c.ownerId === actor.userId ? OWNER_MATERIAL_STATUSES : STAFF_MATERIAL_STATUSES;
  return handlesMaterials(actor, c) && open.includes(c.status);
}
