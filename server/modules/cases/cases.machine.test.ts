import { describe, expect, it } from "vitest";
import { CASE_STATUS_LABELS, CASE_STATUSES } from "../../../common/vocabulary.js";
import { assertActionAllowed, CASE_ACTIONS, type CaseAction, permissionsFor } from "./cases.machine.js";

const actions = Object.keys(CASE_ACTIONS) as CaseAction[];

describe("the case lifecycle", () => {
  it.each(actions)("allows %s only from its statuses, refusing every other with a coded message", (action) => {
    const allowed: readonly string[] = CASE_ACTIONS[action].from;
    for (const status of CASE_STATUSES) {
      if (allowed.includes(status)) {
        expect(() => assertActionAllowed(action, status)).not.toThrow();
      } else {
        expect(() => assertActionAllowed(action, status)).toThrow(
          expect.objectContaining({
            code: "CASE_ACTION_NOT_ALLOWED",
            statusCode: 409,
            message: `办件当前状态为“${CASE_STATUS_LABELS[status]}”，不能“${CASE_ACTIONS[action].label}”`,
          }),
        );
      }
    }
  });

  it("lets nothing happen to a finished case except revoking a grant", () => {
    for (const final of ["refused", "withdrawn", "revoked"] as const) {
      for (const action of actions) expect(() => assertActionAllowed(action, final)).toThrow();
    }
    expect(actions.filter((a) => (CASE_ACTIONS[a].from as readonly string[]).includes("completed"))).toEqual([
      "revoke",
    ]);
  });

  it("says who may act: the applicant for their own steps, a permission for staff", () => {
    expect(permissionsFor("submit")).toBeNull();
    expect(permissionsFor("withdraw")).toBeNull();
    expect(permissionsFor("accept")).toEqual(["case.intake"]);
    expect(permissionsFor("request_supplement")).toEqual(["case.intake", "case.review"]);
    expect(permissionsFor("decide")).toEqual(["case.decide"]);
  });
});
