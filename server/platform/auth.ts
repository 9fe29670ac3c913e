import type { SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { PartnerScope, Role } from "../../common/vocabulary.js";
import type { AuditActor } from "./audit.js";
import { AppError, errors } from "./errors.js";
import { inSubtree } from "./sql.js";

export { ROLE_LABELS, ROLES, type Role } from "../../common/vocabulary.js";

export const PERMISSIONS = [
  "workbench.use",
  "case.intake",
  "case.review",
  "case.decide",
  "enforcement.legal_review",
  "inspection.perform",
  "supervision.view",
  "org.manage",
  "catalog.manage",
  "user.manage",
  "applicant.view",
  "calendar.manage",
  "audit.view",
  "personal_data.view_full",
  "results.manage",
  "partner.manage",
  "feedback.handle",
  "consultation.answer",
  "jobs.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  applicant: [],
  window_clerk: ["workbench.use", "case.intake", "applicant.view", "consultation.answer"],
  reviewer: ["workbench.use", "case.review", "consultation.answer"],
  approver: ["workbench.use", "case.review", "case.decide"],
  legal_reviewer: ["workbench.use", "enforcement.legal_review"],
  inspector: ["workbench.use", "inspection.perform"],
  supervisor: ["workbench.use", "supervision.view", "audit.view"],
  // The org's administrator answers for its service: rectifies bad ratings, investigates complaints, answers questions.
  org_admin: [
    "workbench.use",
    "org.manage",
    "catalog.manage",
    "user.manage",
    "applicant.view",
    "audit.view",
    "feedback.handle",
    "consultation.answer",
  ],
  system_admin: [...PERMISSIONS],
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

/** Who is calling: an applicant (person or legal person) or a staff member of one org. */
export type Actor = {
  userId: string;
  sessionId: string;
  kind: "person" | "legal_person" | "staff";
  name: string;
  roles: Role[];
  permissions: Set<Permission>;
  /** Staff only: their org and its materialised path, which bounds what they may see. */
  orgId: string | null;
  orgPath: string | null;
  /** Set by an administrator's reset: until the user picks a password, only signed-in basics are open to them. */
  mustChangePassword: boolean;
};

/** A registered partner app (全省事) whose signed request has been verified. */
export type PartnerCaller = { appId: string; name: string; scopes: readonly PartnerScope[]; rateLimit: number };

/**
 * What a route demands of its caller. Every route declares one; the guard refuses a route that declares none.
 * - `public`: anyone; `signed-in`: any session; `applicant`: a person or legal person;
 * - `partner:<scope>`: a partner app's signed request, the app holding that scope; otherwise a permission, or a
 *   list of permissions any one of which will do.
 */
export type Access =
  | "public"
  | "signed-in"
  | "applicant"
  | Permission
  | readonly Permission[]
  | `partner:${PartnerScope}`;

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    partner: PartnerCaller | null;
    /** The request body as received, kept only where a signature covers it (the open API). */
    rawBody?: Buffer;
  }
}

export function auditActorOf(actor: Actor): AuditActor {
  return { id: actor.userId, name: actor.name, orgId: actor.orgId };
}

/** The signed-in caller, or 401. For services that a route has already guarded. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw errors.unauthenticated();
  return request.actor;
}

export function assertPermission(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw errors.forbidden();
}

/** The platform itself acting — seeding at start, the command line — trusted, and audited under its own name. */
export type SystemCaller = { kind: "system"; audit: AuditActor };

/** Who calls a service: a signed-in person, or the platform itself. */
export type Caller = Actor | SystemCaller;

export const asSystem = (audit: AuditActor): SystemCaller => ({ kind: "system", audit });

/**
 * The check a service makes itself, whichever face calls it (a route, the command line, a job): a person must hold the
 * permission; the platform may. Returns who to write in the audit log.
 */
export function assertMay(caller: Caller, permission: Permission): AuditActor {
  if (caller.kind === "system") return caller.audit;
  assertPermission(caller, permission);
  return auditActorOf(caller);
}

/** Staff see their own org and its descendants; `path` is the target org's materialised path. */
export function isWithinScope(actor: Actor, orgPath: string): boolean {
  return actor.orgPath !== null && (orgPath === actor.orgPath || orgPath.startsWith(`${actor.orgPath}/`));
}

/** Supervisors decide over the orgs strictly below their own, never over their own org's work. */
export function isAboveScope(actor: Actor, orgPath: string): boolean {
  return actor.orgPath !== null && orgPath !== actor.orgPath && isWithinScope(actor, orgPath);
}

/**
 * The same rule as `isWithinScope`, as SQL over an org-path column: the one way every query keeps staff to their
 * org's subtree. Staff without an org are refused.
 */
export function withinScope(actor: Actor, column: AnyPgColumn): SQL {
  if (!actor.orgPath) throw errors.outOfScope();
  return inSubtree(column, actor.orgPath);
}

export function assertWithinScope(actor: Actor, orgPath: string): void {
  if (!isWithinScope(actor, orgPath)) throw errors.outOfScope();
}

type PartnerAccess = `partner:${PartnerScope}`;

export function isPartnerAccess(access: Access): access is PartnerAccess {
  return typeof access === "string" && access.startsWith("partner:");
}

/** A session-based access; partner routes are checked by signature instead (see installAccessGuard). */
export function checkAccess(
  access: Exclude<Access, PartnerAccess> | undefined,
  actor: Actor | null,
  sessionExpired = false,
): void {
  if (access === undefined) throw errors.forbidden("该接口未声明访问权限，已拒绝访问");
  if (access === "public") return;
  if (!actor) throw sessionExpired ? errors.sessionExpired() : errors.unauthenticated();
  if (access === "signed-in") return;
  if (actor.mustChangePassword) throw new AppError("PASSWORD_CHANGE_REQUIRED");
  if (access === "applicant") {
    if (actor.kind === "staff") throw errors.forbidden("此功能仅供申请人使用");
    return;
  }
  if (typeof access === "string") assertPermission(actor, access);
  else if (!access.some((p) => actor.permissions.has(p))) throw errors.forbidden();
}

/**
 * For third-party plugins (static files, API docs) that register routes without a config of ours:
 * declares one access for every route registered in this plugin context.
 */
export function declareAccess(context: FastifyInstance, access: Access): void {
  context.addHook("onRoute", (route) => {
    route.config = { ...route.config, access };
  });
}

export type RegisteredRoute = { method: string; url: string; access: Access | undefined };

/**
 * Installs the guard: `resolveActor` reads the session (the accounts module provides it), then each route's
 * declared access is enforced before its handler runs. Routes are recorded so a test can check every declaration.
 */
export function installAccessGuard(
  app: FastifyInstance,
  resolveActor: (request: FastifyRequest) => Promise<Actor | "expired" | null>,
  resolvePartner: (request: FastifyRequest) => Promise<PartnerCaller>,
): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  app.decorateRequest("actor", null);
  app.decorateRequest("partner", null);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Read lazily: a plugin context may still declare access for the routes it registers (see declareAccess).
      if (method !== "HEAD")
        routes.push({
          method,
          url: route.url,
          get access() {
            return route.config?.access;
          },
        });
    }
  });
  app.addHook("preValidation", async (request) => {
    if (!request.routeOptions.url) return; // not found: the 404 handler answers
    const access = request.routeOptions.config.access;
    if (access && isPartnerAccess(access)) {
      request.partner = await resolvePartner(request);
      if (!request.partner.scopes.some((scope) => access === `partner:${scope}`)) {
        throw new AppError("SCOPE_DENIED");
      }
      return;
    }
    const resolved = await resolveActor(request);
    request.actor = resolved === "expired" ? null : resolved;
    checkAccess(access, request.actor, resolved === "expired");
  });
  return routes;
}
