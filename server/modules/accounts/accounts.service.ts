import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { uuidv7 } from "uuidv7";
import { type AuditActor, appendAudit, systemActor } from "../../platform/audit.js";
import { type Actor, auditActorOf, permissionsOf } from "../../platform/auth.js";
import type { Captchas } from "../../platform/captcha.js";
import { type PersonalDataCipher, randomToken, sm3 } from "../../platform/crypto.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import type { Limits } from "../../platform/limiter.js";
import { maskEmail, maskIdNumber, maskPhone } from "../../platform/masking.js";
import { clientAddressKey } from "../../platform/network.js";
import type { SmsSender } from "../../platform/sms.js";
import { type OrgService, orgs } from "../orgs/index.js";
import type { ApplicantSignInInput, ChangePasswordInput, SessionUser, StaffSignInInput } from "./accounts.contract.js";
import { sessions, signInFailures, smsCodes, type UserRow, users } from "./accounts.tables.js";

/** Wrong passwords in a row from one client address that lock that address out of the account. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
/** Wrong passwords from any address after which the account's password sign-in asks for an image captcha. */
export const CAPTCHA_AFTER_FAILURES = 3;
const SMS_CODE_TTL_MS = 5 * 60_000;
const SMS_RESEND_MS = 60_000;
const SMS_MAX_ATTEMPTS = 5;
const SMS_DAILY_LIMIT = 10;
// Refreshing last-seen on every request would write on every read; once a minute is precise enough for a 30-minute idle limit.
const TOUCH_INTERVAL_MS = 60_000;

export type AccountsDeps = {
  db: Db;
  cipher: PersonalDataCipher;
  sms: SmsSender;
  orgs: OrgService;
  idleMinutes: number;
  /** Asked for on a staff account's password sign-in once it has had CAPTCHA_AFTER_FAILURES wrong passwords. */
  captchas: Captchas;
  /** Counting limits (memory or Redis), for the codes asked for by ID number. */
  limits: Limits;
  log: Pick<FastifyBaseLogger, "info" | "warn">;
};

/** The kiosk's one answer to a code asked for by ID number, whether or not the number is registered. */
export const ID_CODE_SENT = "若该身份证号已在本平台实名登记，验证码已发送至登记的手机，5 分钟内有效";

export type SignedIn = { token: string; user: UserRow };

const minutes = (n: number) => n * 60_000;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function createAccountsService(deps: AccountsDeps) {
  const { db, cipher } = deps;
  // Verified against when the username is unknown, so a miss costs the same time as a wrong password.
  const decoyHash = hashPassword(randomToken());
  // Per ID number, registered or not, so that the limits answer both alike: one a minute, as many a day as per phone.
  const idCodeLimits = [
    deps.limits("id-code-minute", 1, SMS_RESEND_MS / 1000),
    deps.limits("id-code-day", SMS_DAILY_LIMIT, 24 * 60 * 60),
  ];
  // Codes asked for by ID number are sent after the answer (see sendSmsCodeForId); closing waits for them.
  const sending = new Set<Promise<void>>();

  async function sendSmsCode(phone: string): Promise<{ resendAfterSeconds: number }> {
    const phoneIndex = cipher.blindIndex(phone);
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    await db.transaction(async (tx) => {
      // One request per number at a time: two simultaneous clicks cannot both pass the once-a-minute check.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${phoneIndex}))`);
      const now = Date.now();
      const [latest] = await tx
        .select({ createdAt: smsCodes.createdAt })
        .from(smsCodes)
        .where(eq(smsCodes.phoneIndex, phoneIndex))
        .orderBy(desc(smsCodes.createdAt))
        .limit(1);
      if (latest && now - latest.createdAt.getTime() < SMS_RESEND_MS) {
        const wait = Math.ceil((SMS_RESEND_MS - (now - latest.createdAt.getTime())) / 1000);
        throw errors.tooManyRequests(`验证码发送过于频繁，请 ${wait} 秒后再试`);
      }
      const [today] = await tx
        .select({ count: sql<number>`count(*)::int` })
        .from(smsCodes)
        .where(and(eq(smsCodes.phoneIndex, phoneIndex), gt(smsCodes.createdAt, new Date(now - minutes(24 * 60)))));
      if ((today?.count ?? 0) >= SMS_DAILY_LIMIT) throw errors.tooManyRequests("该手机号今日获取验证码次数已达上限");
      await tx.insert(smsCodes).values({
        id: uuidv7(),
        phoneIndex,
        codeHash: sm3(`${phoneIndex}:${code}`),
        createdAt: new Date(now),
        expiresAt: new Date(now + SMS_CODE_TTL_MS),
      });
    });
    await deps.sms.send(phone, `您的登录验证码为 ${code}，5 分钟内有效。如非本人操作，请忽略本短信。`);
    return { resendAfterSeconds: SMS_RESEND_MS / 1000 };
  }

  /** Checks a code without consuming it; each wrong try counts, and five wrong tries spend the code. */
  async function checkSmsCode(phoneIndex: string, code: string): Promise<string> {
    const [current] = await db
      .select()
      .from(smsCodes)
      .where(and(eq(smsCodes.phoneIndex, phoneIndex), isNull(smsCodes.consumedAt), gt(smsCodes.expiresAt, new Date())))
      .orderBy(desc(smsCodes.createdAt))
      .limit(1);
    if (!current || current.attempts >= SMS_MAX_ATTEMPTS) {
      throw new AppError("SMS_CODE_EXPIRED");
    }
    if (current.codeHash !== sm3(`${phoneIndex}:${code}`)) {
      await db
        .update(smsCodes)
        .set({ attempts: sql`${smsCodes.attempts} + 1` })
        .where(eq(smsCodes.id, current.id));
      throw new AppError("SMS_CODE_WRONG");
    }
    return current.id;
  }

  async function signInApplicant(input: ApplicantSignInInput): Promise<SignedIn> {
    const phoneIndex = cipher.blindIndex(input.phone);
    const codeId = await checkSmsCode(phoneIndex, input.code);
    let [user] = await db.select().from(users).where(eq(users.phoneIndex, phoneIndex));
    if (user && user.kind === "staff") throw errors.forbidden("工作人员请使用用户名和密码登录");
    if (user?.status === "disabled") throw new AppError("ACCOUNT_DISABLED");
    if (!user && !input.signUp) {
      throw new AppError("APPLICANT_NOT_REGISTERED");
    }
    return db.transaction(async (tx) => {
      await spendSmsCode(tx, codeId);
      if (!user && input.signUp) user = await registerApplicant(tx, input.phone, phoneIndex, input.signUp);
      if (!user) throw new Error("unreachable: applicant neither found nor registered");
      return { user, token: await openSession(tx, user) };
    });
  }

  /** Spending the code in the same transaction that uses it: a replayed request finds it consumed. */
  async function spendSmsCode(tx: Db, codeId: string): Promise<void> {
    const [spent] = await tx
      .update(smsCodes)
      .set({ consumedAt: new Date() })
      .where(and(eq(smsCodes.id, codeId), isNull(smsCodes.consumedAt)))
      .returning({ id: smsCodes.id });
    if (!spent) throw new AppError("SMS_CODE_EXPIRED");
  }

  /**
   * 自助终端: the code goes to the phone registered with the ID number. Registered or not, disabled or not, the
   * answer is the same, in the same time: the code is sent after the answer, and a phone's own once-a-minute limit
   * is kept quietly (its last code still works), so the kiosk cannot be used to learn who is registered.
   */
  async function sendSmsCodeForId(idNumber: string): Promise<{ resendAfterSeconds: number; message: string }> {
    const idNumberIndex = cipher.blindIndex(idNumber);
    for (const limit of idCodeLimits) await limit(idNumberIndex);
    const [person] = await db
      .select({ kind: users.kind, phoneEncrypted: users.phoneEncrypted })
      .from(users)
      .where(eq(users.idNumberIndex, idNumberIndex));
    if (person?.kind === "person" && person.phoneEncrypted) {
      const phone = cipher.decrypt(person.phoneEncrypted);
      const sent = sendSmsCode(phone).then(
        () => undefined,
        (error: unknown) => {
          if (error instanceof AppError && error.statusCode === 429)
            deps.log.info("自助终端验证码未重发：该手机号刚获取过或今日已达上限");
          else deps.log.warn({ err: error }, "自助终端验证码发送失败");
        },
      );
      sending.add(sent);
      void sent.finally(() => sending.delete(sent));
    }
    return { resendAfterSeconds: SMS_RESEND_MS / 1000, message: ID_CODE_SENT };
  }

  /** Any failure short of a right code is one answer, so that an unregistered number looks like a wrong code. */
  async function signInById(input: { idNumber: string; code: string }): Promise<SignedIn> {
    const codeRefused = () => new AppError("SMS_CODE_INVALID");
    const [person] = await db
      .select()
      .from(users)
      .where(eq(users.idNumberIndex, cipher.blindIndex(input.idNumber)));
    if (!person?.phoneIndex || person.kind !== "person") throw codeRefused();
    const codeId = await checkSmsCode(person.phoneIndex, input.code).catch((error: unknown) => {
      if (error instanceof AppError && (error.code === "SMS_CODE_WRONG" || error.code === "SMS_CODE_EXPIRED")) {
        throw codeRefused();
      }
      throw error;
    });
    if (person.status === "disabled") throw new AppError("ACCOUNT_DISABLED");
    return db.transaction(async (tx) => {
      await spendSmsCode(tx, codeId);
      return { user: person, token: await openSession(tx, person) };
    });
  }

  /** Waits for the codes still being sent (the app calls this on close). */
  async function drain(): Promise<void> {
    await Promise.all([...sending]);
  }

  async function registerApplicant(
    tx: Db,
    phone: string,
    phoneIndex: string,
    signUp: NonNullable<ApplicantSignInInput["signUp"]>,
    by?: AuditActor,
  ): Promise<UserRow> {
    const identity =
      signUp.kind === "person"
        ? { idNumberEncrypted: cipher.encrypt(signUp.idNumber), idNumberIndex: cipher.blindIndex(signUp.idNumber) }
        : { creditCode: signUp.creditCode };
    const [row] = await tx
      .insert(users)
      .values({
        id: uuidv7(),
        kind: signUp.kind,
        name: signUp.name,
        roles: ["applicant"],
        phoneEncrypted: cipher.encrypt(phone),
        phoneIndex,
        ...identity,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new AppError(
        "IDENTITY_ALREADY_REGISTERED",
        signUp.kind === "person" ? "该身份证号已注册，请使用注册时的手机号登录" : "该统一社会信用代码已注册",
      );
    }
    await appendAudit(tx, by ?? { id: row.id, name: row.name, orgId: null }, {
      action: "applicant.register",
      targetType: "user",
      targetId: row.id,
      summary: `${signUp.kind === "person" ? "个人" : "法人"}实名注册（手机号 ${maskPhone(phone)}）${by ? "，窗口代为登记" : ""}`,
      after: row,
    });
    return row;
  }

  /**
   * 等保 login-failure handling that a stranger cannot turn against the account's owner: wrong passwords lock only
   * the client address they came from (five in a row, for LOCK_MINUTES), and after CAPTCHA_AFTER_FAILURES wrong
   * passwords from anywhere the account asks every caller for an image captcha, before the password is checked,
   * until someone signs in. Guessing from many addresses is slowed; the owner, with the captcha, still gets in.
   */
  async function signInStaff(input: StaffSignInInput, clientAddress: string): Promise<SignedIn> {
    const [user] = await db
      .select()
      .from(users)
      .where(and(eq(users.username, input.username), eq(users.kind, "staff")));
    if (!user?.passwordHash) {
      await verify(await decoyHash, input.password);
      throw invalidCredentials();
    }
    const source = clientAddressKey(clientAddress);
    const [here] = await db
      .select({ lockedUntil: signInFailures.lockedUntil })
      .from(signInFailures)
      .where(and(eq(signInFailures.userId, user.id), eq(signInFailures.source, source)));
    if (here?.lockedUntil && here.lockedUntil.getTime() > Date.now()) throw accountLocked(here.lockedUntil);
    if (user.failedSignIns >= CAPTCHA_AFTER_FAILURES) {
      if (!input.captchaToken || !input.captchaAnswer) {
        throw new AppError("CAPTCHA_REQUIRED", "该账号近期多次密码错误，请输入图片验证码后再登录", {
          captchaRequired: true,
        });
      }
      if (!(await deps.captchas.verify(input.captchaToken, input.captchaAnswer))) {
        throw new AppError("CAPTCHA_INVALID", "验证码错误或已过期，请重新输入", { captchaRequired: true });
      }
    }
    if (!(await verify(user.passwordHash, input.password))) return recordFailedSignIn(user, source, clientAddress);
    if (user.status === "disabled") throw new AppError("ACCOUNT_DISABLED");
    return db.transaction(async (tx) => {
      await tx.update(users).set({ failedSignIns: 0 }).where(eq(users.id, user.id));
      await tx.delete(signInFailures).where(and(eq(signInFailures.userId, user.id), eq(signInFailures.source, source)));
      return { user, token: await openSession(tx, user) };
    });
  }

  async function recordFailedSignIn(user: UserRow, source: string, clientAddress: string): Promise<never> {
    const now = new Date();
    type Counted = { lockedUntil: Date } | { lockedUntil: null; failures: number; captchaNext: boolean };
    const counted = await db.transaction(async (tx): Promise<Counted> => {
      const [account] = await tx
        .update(users)
        .set({ failedSignIns: sql`${users.failedSignIns} + 1` })
        .where(eq(users.id, user.id))
        .returning({ failedSignIns: users.failedSignIns });
      const [here] = await tx
        .insert(signInFailures)
        .values({ userId: user.id, source, failures: 1, lastFailedAt: now })
        .onConflictDoUpdate({
          target: [signInFailures.userId, signInFailures.source],
          set: { failures: sql`${signInFailures.failures} + 1`, lastFailedAt: now },
        })
        .returning({ failures: signInFailures.failures });
      const failures = here?.failures ?? MAX_FAILED_SIGN_INS;
      if (failures < MAX_FAILED_SIGN_INS) {
        return { lockedUntil: null, failures, captchaNext: (account?.failedSignIns ?? 0) >= CAPTCHA_AFTER_FAILURES };
      }
      const lockedUntil = new Date(now.getTime() + minutes(LOCK_MINUTES));
      await tx
        .update(signInFailures)
        .set({ failures: 0, lockedUntil })
        .where(and(eq(signInFailures.userId, user.id), eq(signInFailures.source, source)));
      await tx
        .update(users)
        .set({ lockedUntil: sql`greatest(${users.lockedUntil}, ${lockedUntil.toISOString()}::timestamptz)` })
        .where(eq(users.id, user.id));
      await appendAudit(tx, systemActor, {
        action: "user.lock",
        targetType: "user",
        targetId: user.id,
        summary: `账号 ${user.username} 自网络地址 ${clientAddress} 连续 ${MAX_FAILED_SIGN_INS} 次密码错误，该地址锁定 ${LOCK_MINUTES} 分钟`,
        orgId: user.orgId,
      });
      return { lockedUntil };
    });
    if (counted.lockedUntil) throw accountLocked(counted.lockedUntil);
    throw invalidCredentials(MAX_FAILED_SIGN_INS - counted.failures, counted.captchaNext);
  }

  async function openSession(tx: Db, user: UserRow): Promise<string> {
    const token = randomToken();
    const id = uuidv7();
    await tx.insert(sessions).values({ id, tokenHash: sm3(token), userId: user.id });
    await appendAudit(
      tx,
      { id: user.id, name: user.name, orgId: user.orgId },
      {
        action: "session.open",
        targetType: "session",
        targetId: id,
        summary: "登录",
      },
    );
    return token;
  }

  /** The actor behind a session token; "expired" when the session ran past the idle limit. */
  async function resolveSession(token: string): Promise<Actor | "expired" | null> {
    const [row] = await db
      .select({ session: sessions, user: users, orgPath: orgs.path })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(orgs, eq(orgs.id, users.orgId))
      .where(and(eq(sessions.tokenHash, sm3(token)), isNull(sessions.endedAt)));
    if (!row) return null;
    const { session, user, orgPath } = row;
    const now = Date.now();
    if (now - session.lastSeenAt.getTime() > minutes(deps.idleMinutes) || user.status !== "active") {
      await db
        .update(sessions)
        .set({ endedAt: new Date(now) })
        .where(eq(sessions.id, session.id));
      return "expired";
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await db
        .update(sessions)
        .set({ lastSeenAt: new Date(now) })
        .where(eq(sessions.id, session.id));
    }
    return {
      userId: user.id,
      sessionId: session.id,
      kind: user.kind,
      name: user.name,
      roles: user.roles,
      permissions: permissionsOf(user.roles),
      orgId: user.orgId,
      orgPath,
      mustChangePassword: user.mustChangePassword,
    };
  }

  async function signOut(actor: Actor): Promise<void> {
    await db.transaction(async (tx) => {
      await tx.update(sessions).set({ endedAt: new Date() }).where(eq(sessions.id, actor.sessionId));
      await appendAudit(tx, auditActorOf(actor), {
        action: "session.close",
        targetType: "session",
        targetId: actor.sessionId,
        summary: "退出登录",
      });
    });
  }

  async function changePassword(actor: Actor, input: ChangePasswordInput): Promise<void> {
    const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
    if (!user?.passwordHash) throw errors.forbidden("该账号不使用密码登录");
    if (!(await verify(user.passwordHash, input.currentPassword))) {
      throw new AppError("PASSWORD_WRONG");
    }
    if (input.newPassword === input.currentPassword) throw errors.validation("新密码不能与当前密码相同");
    if (user.username && input.newPassword.toLowerCase().includes(user.username.toLowerCase())) {
      throw errors.validation("密码不能包含用户名");
    }
    const passwordHash = await hashPassword(input.newPassword);
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ passwordHash, mustChangePassword: false, version: user.version + 1, updatedAt: new Date() })
        .where(eq(users.id, user.id));
      await appendAudit(tx, auditActorOf(actor), {
        action: "user.change_password",
        targetType: "user",
        targetId: user.id,
        summary: "修改本人密码",
      });
    });
  }

  async function describe(actor: Actor): Promise<SessionUser> {
    const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
    if (!user) throw errors.unauthenticated();
    const org = user.orgId ? await deps.orgs.findById(user.orgId) : undefined;
    return {
      id: user.id,
      kind: user.kind,
      name: user.name,
      roles: user.roles,
      permissions: [...actor.permissions],
      orgId: org?.id ?? null,
      orgName: org?.name ?? null,
      phone: user.phoneEncrypted ? maskPhone(cipher.decrypt(user.phoneEncrypted)) : null,
      idNumber: user.idNumberEncrypted ? maskIdNumber(cipher.decrypt(user.idNumberEncrypted)) : null,
      creditCode: user.creditCode,
      email: user.emailEncrypted ? maskEmail(cipher.decrypt(user.emailEncrypted)) : null,
      mustChangePassword: user.mustChangePassword,
      face: faceOf(actor),
    };
  }

  /** Where the applicant's notices also go by e-mail; an empty address stops them. */
  async function setEmail(actor: Actor, email: string): Promise<void> {
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ emailEncrypted: email ? cipher.encrypt(email) : null, updatedAt: new Date() })
        .where(eq(users.id, actor.userId));
      await appendAudit(tx, auditActorOf(actor), {
        action: "user.update",
        targetType: "user",
        targetId: actor.userId,
        summary: email ? `设置通知邮箱 ${maskEmail(email)}` : "取消邮件通知",
      });
    });
  }

  /** Registers an applicant without a code: for seeding, and for a window clerk registering a walk-in (`by`). */
  async function register(
    phone: string,
    signUp: NonNullable<ApplicantSignInInput["signUp"]>,
    by?: AuditActor,
  ): Promise<UserRow> {
    const phoneIndex = cipher.blindIndex(phone);
    const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.phoneIndex, phoneIndex));
    if (taken) throw new AppError("PHONE_ALREADY_REGISTERED");
    return db.transaction((tx) => registerApplicant(tx, phone, phoneIndex, signUp, by));
  }

  return {
    sendSmsCode,
    signInApplicant,
    sendSmsCodeForId,
    signInById,
    drain,
    register,
    setEmail,
    signInStaff,
    resolveSession,
    signOut,
    changePassword,
    describe,
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;

/** Where a user lands after signing in: administrators on the admin face, other staff on the workbench. */
export function faceOf(actor: Pick<Actor, "kind" | "permissions">): SessionUser["face"] {
  if (actor.kind !== "staff") return "portal";
  const administers = ["org.manage", "user.manage", "calendar.manage"] as const;
  return administers.some((p) => actor.permissions.has(p)) ? "admin" : "workbench";
}

/** A wrong password; for a known account, how many more from this address lock it, and whether a captcha comes next. */
function invalidCredentials(remaining?: number, captchaNext = false): AppError {
  const hint = remaining === undefined ? "" : `，再错 ${remaining} 次，本网络地址将被锁定 ${LOCK_MINUTES} 分钟`;
  return new AppError(
    "INVALID_CREDENTIALS",
    `用户名或密码错误${hint}`,
    captchaNext ? { captchaRequired: true } : undefined,
  );
}

function accountLocked(until: Date): AppError {
  const wait = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return new AppError(
    "ACCOUNT_LOCKED",
    `密码连续错误 ${MAX_FAILED_SIGN_INS} 次，账号已锁定：${wait} 分钟内不能从本网络地址登录，也可请管理员解除锁定`,
    { lockedUntil: until.toISOString() },
  );
}
