import { CASE_STATUS_LABELS, type CaseStatus } from "../../../common/vocabulary.js";
import type { Permission } from "../../platform/auth.js";
import { AppError } from "../../platform/errors.js";

/**
 * The case lifecycle: which action may be taken in which status, and by whom. The service decides where an
 * action leads when that depends on the case (an instant item completes on acceptance, a review advances or
 * goes to decision); this table only says what is allowed.
 */
export const CASE_ACTIONS = {
  submit: { label: "提交申请", from: ["draft"], by: "applicant" },
  precheck: { label: "预审通过", from: ["submitted"], by: "case.intake" },
  accept: { label: "受理", from: ["submitted", "prechecked"], by: "case.intake" },
  refuse: { label: "不予受理", from: ["submitted", "prechecked"], by: "case.intake" },
  request_supplement: {
    label: "一次性告知补正",
    from: ["submitted", "prechecked", "reviewing"],
    by: ["case.intake", "case.review"],
  },
  resubmit: { label: "补正后重新提交", from: ["supplement"], by: "applicant" },
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
    by: "applicant",
  },
} as const satisfies Record<string, { label: string; from: readonly CaseStatus[]; by: Who }>;

type Who = "applicant" | Permission | readonly Permission[];
export type CaseAction = keyof typeof CASE_ACTIONS;

/** Refuses, with a coded Chinese message, an action the case's status does not allow. */
export function assertActionAllowed(action: CaseAction, status: CaseStatus): void {
  const allowed: readonly CaseStatus[] = CASE_ACTIONS[action].from;
  if (!allowed.includes(status)) {
    throw new AppError(
      "CASE_ACTION_NOT_ALLOWED",
      409,
      `办件当前状态为“${CASE_STATUS_LABELS[status]}”，不能“${CASE_ACTIONS[action].label}”`,
    );
  }
}

/** The permissions any of which lets staff take an action; null for the applicant's own actions. */
export function permissionsFor(action: CaseAction): readonly Permission[] | null {
  const by: Who = CASE_ACTIONS[action].by;
  if (by === "applicant") return null;
  return typeof by === "string" ? [by] : by;
}
