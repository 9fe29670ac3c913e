import { COMPLAINT_STATUS_LABELS, type ComplaintFinding, type ComplaintStatus } from "../../../common/vocabulary.js";
import { defineLifecycle, type LifecycleFacts } from "../../platform/lifecycle.js";

/** What the lifecycle reads of a complaint. */
export type ComplaintFacts = LifecycleFacts<ComplaintStatus> & {
  finding: ComplaintFinding | null;
  published: boolean;
};

/**
 * 有诉必查: the org complained of investigates and answers; a supervisor of a level above sends a wanting answer
 * back, or publishes a founded one as a negative example. Routes, the service and the complaint view read this.
 */
export const complaintLifecycle = defineLifecycle<ComplaintFacts>()({
  noun: "投诉举报",
  notAllowedCode: "COMPLAINT_ACTION_NOT_ALLOWED",
  statusLabels: COMPLAINT_STATUS_LABELS,
  transitions: {
    investigate: { label: "开始核查", from: ["received"], by: "feedback.handle" },
    answer: { label: "答复", from: ["investigating"], by: "feedback.handle" },
    send_back: {
      label: "退回重新核查",
      from: ["answered"],
      by: "supervision.view",
      above: "只有上级部门的督查人员可以退回重办",
    },
    publish: {
      label: "作为反面典型公开",
      from: ["answered"],
      by: "supervision.view",
      only: {
        when: (c) => c.finding !== null && c.finding !== "unfounded" && !c.published,
        code: "NOT_PUBLISHABLE",
      },
    },
  },
});

export type ComplaintAction = (typeof complaintLifecycle.names)[number];

export const complaintFacts = (row: {
  status: ComplaintStatus;
  orgPath: string;
  finding: ComplaintFinding | null;
  published: boolean;
}): ComplaintFacts => ({ status: row.status, orgPath: row.orgPath, finding: row.finding, published: row.published });
