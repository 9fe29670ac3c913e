import { LICENCE_STATUS_LABELS, type LicenceStatus } from "../../../common/vocabulary.js";
import { defineLifecycle, type LifecycleFacts } from "../../platform/lifecycle.js";

/**
 * An e-licence is valid until it expires; the issuing org's reviewers may revoke it, valid or expired, once. Its
 * route, the service and the workbench's licence list read this.
 */
export const licenceLifecycle = defineLifecycle<LifecycleFacts<LicenceStatus>>()({
  noun: "电子证照",
  // The one action: what it cannot be taken from is an already revoked licence.
  notAllowedCode: "LICENCE_REVOKED",
  statusLabels: LICENCE_STATUS_LABELS,
  transitions: {
    revoke: { label: "撤销", from: ["valid", "expired"], by: "case.review" },
  },
});

export type LicenceAction = (typeof licenceLifecycle.names)[number];
