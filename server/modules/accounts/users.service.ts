import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import {
  type Actor,
  assertPermission,
  assertWithinScope,
  auditActorOf,
  type Role,
  withinScope,
} from "../../platform/auth.js";
import type { PersonalDataCipher } from "../../platform/crypto.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import { isValidCreditCode, isValidIdNumber, isValidMobile } from "../../platform/identity.js";
import { maskIdNumber, maskPhone } from "../../platform/masking.js";
import { containsPattern } from "../../platform/sql.js";
import { type OrgService, orgs } from "../orgs/index.js";
import type {
  CreateUserInput,
  ListApplicantsQuery,
  ListUsersQuery,
  UpdateUserInput,
  UserView,
} from "./accounts.contract.js";
import { hashPassword } from "./accounts.service.js";
import { signInFailures, type UserRow, users } from "./accounts.tables.js";

export type UsersDeps = { db: Db; cipher: PersonalDataCipher; orgs: OrgService };

export function createUsersService(deps: UsersDeps) {
  const { db, cipher } = deps;

  /** Personal numbers are shown masked unless the viewer holds the permission to see them in full. */
  function toView(row: UserRow, orgName: string | null, viewer: Actor): UserView {
    const reveal = viewer.permissions.has("personal_data.view_full");
    const show = (encrypted: string | null, mask: (v: string) => string) =>
      encrypted === null ? null : reveal ? cipher.decrypt(encrypted) : mask(cipher.decrypt(encrypted));
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      username: row.username,
      orgId: row.orgId,
      orgName,
      roles: row.roles,
      status: row.status,
      lockedUntil: row.lockedUntil && row.lockedUntil.getTime() > Date.now() ? row.lockedUntil.toISOString() : null,
      mustChangePassword: row.mustChangePassword,
      phone: show(row.phoneEncrypted, maskPhone),
      idNumber: show(row.idNumberEncrypted, maskIdNumber),
      creditCode: row.creditCode,
      version: row.version,
      createdAt: row.createdAt.toISOString(),
    };
  }

  async function list(actor: Actor, query: ListUsersQuery) {
    assertPermission(actor, "user.manage");
    const filters: SQL[] = [eq(users.kind, "staff"), withinScope(actor, orgs.path)];
    if (query.q) {
      const pattern = containsPattern(query.q);
      filters.push(or(ilike(users.name, pattern), ilike(users.username, pattern)) as SQL);
    }
    if (query.orgId) filters.push(eq(users.orgId, query.orgId));
    if (query.role) filters.push(sql`${query.role} = any(${users.roles})`);
    const where = and(...filters);
    const [rows, [total]] = await Promise.all([
      db
        .select({ user: users, orgName: orgs.name })
        .from(users)
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .where(where)
        .orderBy(asc(orgs.path), asc(users.username))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
      db.select({ n: count() }).from(users).innerJoin(orgs, eq(orgs.id, users.orgId)).where(where),
    ]);
    return {
      items: rows.map((r) => toView(r.user, r.orgName, actor)),
      total: total?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Only a system administrator may make another one; others grant the roles below their own. */
  function assertMayGrant(actor: Actor, roles: Role[]): void {
    if (roles.includes("system_admin") && !actor.roles.includes("system_admin")) {
      throw errors.forbidden("只有系统管理员可以授予系统管理员角色");
    }
  }

  async function loadInScope(actor: Actor, id: string): Promise<{ user: UserRow; orgName: string }> {
    assertPermission(actor, "user.manage");
    const [user] = await db
      .select()
      .from(users)
      .where(and(eq(users.id, id), eq(users.kind, "staff")));
    if (!user?.orgId) throw errors.notFound("用户");
    const org = await deps.orgs.getById(user.orgId);
    assertWithinScope(actor, org.path);
    return { user, orgName: org.name };
  }

  async function create(actor: Actor, input: CreateUserInput): Promise<UserView> {
    assertPermission(actor, "user.manage");
    const org = await deps.orgs.getById(input.orgId);
    assertWithinScope(actor, org.path);
    assertMayGrant(actor, input.roles);
    const row = await insertStaff(auditActorOf(actor), input, { mustChangePassword: true });
    return toView(row, org.name, actor);
  }

  /** Inserts a staff account; `create` checks the caller first, seeding calls this directly. */
  async function insertStaff(by: AuditActor, input: CreateUserInput, options: { mustChangePassword: boolean }) {
    if (input.password.toLowerCase().includes(input.username)) throw errors.validation("密码不能包含用户名");
    const org = await deps.orgs.getById(input.orgId);
    const passwordHash = await hashPassword(input.password);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          id: uuidv7(),
          kind: "staff",
          name: input.name,
          username: input.username,
          passwordHash,
          mustChangePassword: options.mustChangePassword,
          orgId: org.id,
          roles: [...new Set(input.roles)],
          ...(input.phone
            ? { phoneEncrypted: cipher.encrypt(input.phone), phoneIndex: cipher.blindIndex(input.phone) }
            : {}),
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new AppError("USERNAME_TAKEN");
      await appendAudit(tx, by, {
        action: "user.create",
        targetType: "user",
        targetId: row.id,
        summary: `新建工作人员 ${row.username}（${row.name}，${org.name}）`,
        after: row,
        orgId: org.id,
      });
      return row;
    });
  }

  async function update(actor: Actor, id: string, input: UpdateUserInput): Promise<UserView> {
    const { user, orgName } = await loadInScope(actor, id);
    if (input.roles) assertMayGrant(actor, input.roles);
    if (
      id === actor.userId &&
      (input.status === "disabled" ||
        (input.roles && !input.roles.includes("system_admin") && user.roles.includes("system_admin")))
    ) {
      throw errors.forbidden("不能停用本人账号或取消本人的管理员角色");
    }
    return db.transaction(async (tx) => {
      const [row] = await tx
        .update(users)
        .set({
          name: input.name ?? user.name,
          roles: input.roles ? [...new Set(input.roles)] : user.roles,
          status: input.status ?? user.status,
          version: user.version + 1,
          updatedAt: new Date(),
        })
        .where(and(eq(users.id, id), eq(users.version, input.version)))
        .returning();
      if (!row) throw errors.staleVersion();
      await appendAudit(tx, auditActorOf(actor), {
        action: "user.update",
        targetType: "user",
        targetId: id,
        summary: `修改工作人员 ${row.username}`,
        before: user,
        after: row,
        orgId: row.orgId,
      });
      return toView(row, orgName, actor);
    });
  }

  async function resetPassword(actor: Actor, id: string, password: string): Promise<void> {
    const { user } = await loadInScope(actor, id);
    const passwordHash = await hashPassword(password);
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ passwordHash, mustChangePassword: true, failedSignIns: 0, lockedUntil: null, version: user.version + 1 })
        .where(eq(users.id, id));
      await appendAudit(tx, auditActorOf(actor), {
        action: "user.reset_password",
        targetType: "user",
        targetId: id,
        summary: `重置 ${user.username} 的密码（下次登录须修改）`,
        orgId: user.orgId,
      });
    });
  }

  async function unlock(actor: Actor, id: string): Promise<void> {
    const { user } = await loadInScope(actor, id);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, id));
      await tx.delete(signInFailures).where(eq(signInFailures.userId, id));
      await appendAudit(tx, auditActorOf(actor), {
        action: "user.unlock",
        targetType: "user",
        targetId: id,
        summary: `解除 ${user.username} 的登录锁定`,
        orgId: user.orgId,
      });
    });
  }

  /** Finds applicants by name, or exactly by a phone, ID or credit code number (through the blind index). */
  async function listApplicants(actor: Actor, query: ListApplicantsQuery) {
    assertPermission(actor, "applicant.view");
    const filters: SQL[] = [inArray(users.kind, ["person", "legal_person"])];
    const q = query.q?.toUpperCase();
    if (q) {
      if (isValidMobile(q)) filters.push(eq(users.phoneIndex, cipher.blindIndex(q)));
      else if (isValidIdNumber(q)) filters.push(eq(users.idNumberIndex, cipher.blindIndex(q)));
      else if (isValidCreditCode(q)) filters.push(eq(users.creditCode, q));
      else filters.push(ilike(users.name, containsPattern(q)));
    }
    const where = and(...filters);
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(users)
        .where(where)
        .orderBy(asc(users.name))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
      db.select({ n: count() }).from(users).where(where),
    ]);
    return {
      items: rows.map((row) => toView(row, null, actor)),
      total: total?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Where a person is reached, decrypted here and nowhere else: for the notifications module. */
  async function contactOf(userId: string): Promise<{ phone: string | null; email: string | null } | null> {
    const [row] = await db
      .select({ phone: users.phoneEncrypted, email: users.emailEncrypted })
      .from(users)
      .where(eq(users.id, userId));
    if (!row) return null;
    return {
      phone: row.phone ? cipher.decrypt(row.phone) : null,
      email: row.email ? cipher.decrypt(row.email) : null,
    };
  }

  return { list, create, insertStaff, update, resetPassword, unlock, listApplicants, contactOf };
}

export type UsersService = ReturnType<typeof createUsersService>;
