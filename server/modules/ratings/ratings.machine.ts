import { RECTIFICATION_STATUS_LABELS, type RectificationStatus } from "../../../common/vocabulary.js";
import { defineLifecycle, type LifecycleFacts } from "../../platform/lifecycle.js";

/**
 * 差评整改: the rated org verifies, fixes or explains and answers the rater, then calls them back; a supervisor
 * closes the task or sends it back. Routes, the service and the rectification view read this.
 */
export const rectificationLifecycle = defineLifecycle<LifecycleFacts<RectificationStatus>>()({
  noun: "整改任务",
  notAllowedCode: "RECTIFICATION_ACTION_NOT_ALLOWED",
  statusLabels: RECTIFICATION_STATUS_LABELS,
  transitions: {
    reply: { label: "核实整改并答复", from: ["open"], by: "feedback.handle" },
    call_back: { label: "记录回访", from: ["replied"], by: "feedback.handle" },
    close: { label: "审核通过，办结", from: ["called_back"], by: "supervision.view" },
    send_back: { label: "退回重新整改", from: ["replied", "called_back"], by: "supervision.view" },
  },
});

export type RectificationAction = (typeof rectificationLifecycle.names)[number];
