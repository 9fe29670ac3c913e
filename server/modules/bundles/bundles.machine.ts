import { BUNDLE_CASE_STATUS_LABELS, type BundleCaseStatus } from "../../../common/vocabulary.js";
import { defineLifecycle, type LifecycleFacts } from "../../platform/lifecycle.js";

/** What the lifecycle reads of a bundle case: and how many of its parts are still undecided. */
export type BundleCaseFacts = LifecycleFacts<BundleCaseStatus> & { undecidedParts: number };

/**
 * 一件事 as the applicant moves it: submitted once for every part, withdrawn while any part is undecided; after
 * that its status follows its parts. Routes, the service and the bundle case view read this.
 */
export const bundleCaseLifecycle = defineLifecycle<BundleCaseFacts>()({
  noun: "一件事",
  notAllowedCode: "BUNDLE_CASE_ACTION_NOT_ALLOWED",
  statusLabels: BUNDLE_CASE_STATUS_LABELS,
  transitions: {
    submit: { label: "提交申请", from: ["draft"], by: "owner" },
    withdraw: {
      label: "撤回申请",
      from: ["processing"],
      by: "owner",
      only: {
        when: (b) => b.undecidedParts > 0,
        code: "BUNDLE_DECIDED",
      },
    },
  },
});

export type BundleCaseAction = (typeof bundleCaseLifecycle.names)[number];

export const bundleCaseFacts = (
  row: { status: BundleCaseStatus; applicantId: string },
  undecidedParts: number,
): BundleCaseFacts => ({ status: row.status, orgPath: "", ownerId: row.applicantId, undecidedParts });
