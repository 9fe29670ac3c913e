import { describe, expect, it } from "vitest";
import { CASE_STATUS_LABELS, CASE_STATUSES, type CaseStatus } from "../../../common/vocabulary.js";
import { type Actor, type Permission, permissionsOf } from "../../platform/auth.js";
import { type CaseFacts, caseLifecycle } from "./cases.machine.js";

const { names: actions, transitions, assertAllowed, permissionsFor, actionsFor, accessOf } = caseLifecycle;
const facts = (status: CaseStatus, more: Partial<CaseFacts> = {}): CaseFacts => ({
  status,
  orgPath: "hlj/harbin",
  ownerId: "applicant-1",
  bundleCaseId: null,
  ...more,
});
const staff = (permissions: Permission[], orgPath = "hlj/harbin"): Actor => ({
  userId: "staff-1",
  sessionId: "s",
  kind: "staff",
  name: "吴晓梅",
  roles: [],
  permissions: new Set(permissions),
  orgId: "org",
  orgPath,
  mustChangePassword: false,
});
const applicant = (userId: string): Actor => ({
  ...staff([]),
  userId,
  kind: "person",
  permissions: permissionsOf([]),
  orgId: null,
  orgPath: null,
});

describe("the case lifecycle", () => {
  it.each(actions)("allows %s only from its statuses, refusing every other with a coded message", (action) => {
    const allowed: readonly string[] = transitions[action].from;
    for (const status of CASE_STATUSES) {
      if (allowed.includes(status)) {
        expect(() => assertAllowed(action, facts(status))).not.toThrow();
      } else {
        expect(() => assertAllowed(action, facts(status))).toThrow(
          expect.objectContaining({
            code: "CASE_ACTION_NOT_ALLOWED",
            statusCode: 409,
            message: `办件当前状态为“${CASE_STATUS_LABELS[status]}”，不能“${transitions[action].label}”`,
          }),
        );
      }
    }
  });

  it("lets nothing happen to a finished case except revoking a grant", () => {
    for (const final of ["refused", "withdrawn", "revoked"] as const) {
      for (const action of actions) expect(() => assertAllowed(action, facts(final))).toThrow();
    }
    expect(actions.filter((a) => (transitions[a].from as readonly string[]).includes("completed"))).toEqual(["revoke"]);
  });

  it("says who may act: the applicant for their own steps, a permission for staff, and the route declares the same", () => {
    expect(permissionsFor("submit")).toBeNull();
    expect(permissionsFor("withdraw")).toBeNull();
    expect(permissionsFor("accept")).toEqual(["case.intake"]);
    expect(permissionsFor("request_supplement")).toEqual(["case.intake", "case.review"]);
    expect(permissionsFor("decide")).toEqual(["case.decide"]);
    expect(accessOf("submit")).toBe("applicant");
    expect(accessOf("request_supplement")).toEqual(["case.intake", "case.review"]);
  });

  it("lists for each reader the actions they may take now, and no others", () => {
    const names = (actor: Actor, c: CaseFacts) => actionsFor(actor, c).map((a) => a.action);
    expect(names(staff(["case.intake"]), facts("submitted"))).toEqual([
      "precheck",
      "accept",
      "refuse",
      "request_supplement",
    ]);
    expect(names(staff(["case.review"]), facts("submitted"))).toEqual(["request_supplement"]);
    expect(names(staff(["case.review"]), facts("reviewing"))).toEqual([
      "request_supplement",
      "review",
      "start_special",
    ]);
    // Outside their org subtree, staff may take none.
    expect(names(staff(["case.intake"], "hlj/qiqihar"), facts("submitted"))).toEqual([]);
    // The applicant takes their own steps on their own case only; staff never take an applicant's step.
    expect(names(applicant("applicant-1"), facts("supplement"))).toEqual(["resubmit", "withdraw"]);
    expect(names(applicant("someone-else"), facts("supplement"))).toEqual([]);
    expect(names(staff(["case.intake", "case.review"]), facts("supplement"))).toEqual([]);
    // A bundle's part is submitted through its bundle case.
    expect(names(applicant("applicant-1"), facts("draft"))).toEqual(["submit"]);
    expect(names(applicant("applicant-1"), facts("draft", { bundleCaseId: "b" }))).toEqual([]);
    expect(() => assertAllowed("submit", facts("draft", { bundleCaseId: "b" }))).toThrow(
      expect.objectContaining({ code: "BUNDLE_PART" }),
    );
  });
});
