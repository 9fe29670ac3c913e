import type { CaseStatus, RatingStage } from "../../../common/vocabulary.js";
import { defineEvent } from "../../platform/events.js";

/**
 * A case's status changed (published in the change's transaction). `stage` is the rating stage the change reached
 * (一事一评: accepted or refused, then completed; an instant case reaches completion at once), for the invitation.
 */
export const caseStatusChanged = defineEvent<{
  caseId: string;
  from: CaseStatus;
  to: CaseStatus;
  stage: RatingStage | null;
  bundleCaseId: string | null;
}>("case.status-changed");
