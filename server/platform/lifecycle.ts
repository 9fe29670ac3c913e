import type { ErrorCode } from "../../common/errors.js";
import type { Access, Actor, Permission } from "./auth.js";
import { isAboveScope, isWithinScope } from "./auth.js";
import { AppError, errors } from "./errors.js";

/**
 * One lifecycle (a case, a complaint, a rectification …) written once: which action may be taken from which status,
 * by whom, and on what further condition. Routes take their access from it, services refuse through it, and views
 * list the actions their reader may take now, so the web renders buttons from the server's answer, never its own copy.
 */

/** Who takes an action: the object's owner (the applicant), or staff holding any one of the permissions. */
export type Taker = "owner" | Permission | readonly Permission[];

/** What a lifecycle needs to know of the object: its status, the org it belongs to, and its owner if it has one. */
export type LifecycleFacts<S extends string> = { status: S; orgPath: string; ownerId?: string | null };

export type Transition<F extends LifecycleFacts<string>> = {
  label: string;
  from: readonly F["status"][];
  by: Taker;
  /**
   * Only staff of an org above the object's org may take it (a supervisor over the org's work, never over their own
   * org's): the words of the refusal to anyone else.
   */
  above?: string;
  /** A further condition the object must meet, and the refusal (its registry message) when it does not. */
  only?: { when: (facts: F) => boolean; code: ErrorCode };
};

/** An action this reader may take now, as a view lists it. */
export type AvailableAction<A extends string> = { action: A; label: string };

/** A lifecycle over objects described by `F`: `defineLifecycle<CaseFacts>()({ … })`. */
export const defineLifecycle =
  <F extends LifecycleFacts<string>>() =>
  <A extends string>(spec: {
    /** What the object is called in a refusal (办件, 投诉举报 …), and the refusal's code. */
    noun: string;
    notAllowedCode: ErrorCode;
    statusLabels: Record<F["status"], string>;
    transitions: Record<A, Transition<F>>;
  }) =>
    lifecycle(spec);

function lifecycle<F extends LifecycleFacts<string>, A extends string>(spec: {
  noun: string;
  notAllowedCode: ErrorCode;
  statusLabels: Record<F["status"], string>;
  transitions: Record<A, Transition<F>>;
}) {
  const { transitions } = spec;
  const names = Object.keys(transitions) as A[];

  /** The permissions any of which lets staff take the action; null when it is the owner's. */
  function permissionsFor(action: A): readonly Permission[] | null {
    const by = transitions[action].by;
    if (by === "owner") return null;
    return typeof by === "string" ? [by] : by;
  }

  /** What the action's route declares: the applicant's, or the staff permissions. */
  function accessOf(action: A): Access {
    return permissionsFor(action) ?? "applicant";
  }

  /** Refuses, with a coded Chinese message, an action the object's status or its condition does not allow. */
  function assertAllowed(action: A, facts: F): void {
    const transition = transitions[action];
    if (!transition.from.includes(facts.status)) {
      const status: F["status"] = facts.status;
      throw new AppError(
        spec.notAllowedCode,
        `${spec.noun}当前状态为“${spec.statusLabels[status]}”，不能“${transition.label}”`,
      );
    }
    if (transition.only && !transition.only.when(facts)) {
      throw new AppError(transition.only.code);
    }
  }

  const holdsAny = (actor: Actor, action: A) => permissionsFor(action)?.some((p) => actor.permissions.has(p)) ?? false;

  /** Refuses staff without a permission the action needs: asked first, before the object is even loaded. */
  function assertHoldsPermission(actor: Actor, action: A): void {
    if (!holdsAny(actor, action)) throw errors.forbidden();
  }

  /**
   * Refuses staff who may not take the action (the permission, and for a supervisor's step an org above), then an
   * action the object's status or condition does not allow. Whether the object is in their scope at all is the
   * loader's question, answered before this.
   */
  function assertStaffMayTake(actor: Actor, action: A, facts: F): void {
    assertHoldsPermission(actor, action);
    const { above } = transitions[action];
    if (above && !isAboveScope(actor, facts.orgPath)) throw new AppError("NOT_SUPERIOR", above);
    assertAllowed(action, facts);
  }

  const allows = (action: A, facts: F) => {
    const { from, only } = transitions[action];
    return from.includes(facts.status) && (!only || only.when(facts));
  };

  /** Whether this reader may take the action on this object now: the right taker, in scope, status and condition. */
  function mayTake(actor: Actor, action: A, facts: F): boolean {
    const transition = transitions[action];
    if (!allows(action, facts)) return false;
    if (permissionsFor(action) === null) return actor.kind !== "staff" && facts.ownerId === actor.userId;
    if (actor.kind !== "staff" || !holdsAny(actor, action)) return false;
    return transition.above ? isAboveScope(actor, facts.orgPath) : isWithinScope(actor, facts.orgPath);
  }

  /** The actions this reader may take now, in the lifecycle's order. */
  function actionsFor(actor: Actor, facts: F): AvailableAction<A>[] {
    return names.filter((a) => mayTake(actor, a, facts)).map((a) => ({ action: a, label: transitions[a].label }));
  }

  /** The actions the object's owner may take now, for a view only its owner reads. */
  function ownerActionsFor(facts: F): AvailableAction<A>[] {
    return names
      .filter((a) => permissionsFor(a) === null && allows(a, facts))
      .map((a) => ({ action: a, label: transitions[a].label }));
  }

  return {
    ownerActionsFor,
    transitions,
    names,
    permissionsFor,
    accessOf,
    assertAllowed,
    assertHoldsPermission,
    assertStaffMayTake,
    mayTake,
    actionsFor,
  };
}
