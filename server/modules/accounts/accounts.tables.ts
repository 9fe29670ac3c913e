import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Role } from "../../platform/auth.js";
import { orgs } from "../orgs/index.js";

export const USER_KINDS = ["person", "legal_person", "staff"] as const;
export type UserKind = (typeof USER_KINDS)[number];

/**
 * Applicants (persons and legal persons) and staff. ID and phone numbers are stored SM4-encrypted
 * (`*_encrypted`) and found through keyed SM3 blind indexes (`*_index`); they never appear in clear.
 */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind", { enum: USER_KINDS }).notNull(),
    name: text("name").notNull(),
    username: text("username").unique(),
    passwordHash: text("password_hash"),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    orgId: uuid("org_id").references(() => orgs.id),
    roles: text("roles").array().$type<Role[]>().notNull().default([]),
    phoneEncrypted: text("phone_encrypted"),
    phoneIndex: text("phone_index").unique(),
    idNumberEncrypted: text("id_number_encrypted"),
    idNumberIndex: text("id_number_index").unique(),
    creditCode: text("credit_code").unique(),
    /** For notices by e-mail, besides SMS; encrypted like the phone number. */
    emailEncrypted: text("email_encrypted"),
    status: text("status", { enum: ["active", "disabled"] })
      .notNull()
      .default("active"),
    /** Wrong passwords from any address since the last sign-in; from CAPTCHA_AFTER_FAILURES on, a captcha is asked. */
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    /** The latest time until which some client address is locked out of this account (for the administrators' list). */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("users_org_idx").on(t.orgId), index("users_kind_idx").on(t.kind)],
);

export type UserRow = typeof users.$inferSelect;

/** Server-side sessions; the cookie holds a random token and only its SM3 digest is stored. */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("sessions_token_idx").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

/** One-time SMS codes for applicant sign-in; only the code's digest is kept. */
export const smsCodes = pgTable(
  "sms_codes",
  {
    id: uuid("id").primaryKey(),
    phoneIndex: text("phone_index").notNull(),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sms_codes_phone_idx").on(t.phoneIndex, t.createdAt)],
);

/**
 * Wrong staff passwords counted per account and client address (等保 login-failure handling): five in a row from one
 * address lock that address out of the account for a while, so a stranger elsewhere cannot lock the account's owner out.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The client address (an IPv6 address by its /64 network). */
    source: text("source").notNull(),
    failures: integer("failures").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastFailedAt: timestamp("last_failed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.source] })],
);
