import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { files } from "../../platform/files.tables.js";
import { users } from "../accounts/index.js";
import { orgs } from "../orgs/index.js";

/**
 * 电子证照: a result issued in electronic form. The PDF (`file_id`) carries the verification code and a QR code of
 * the public verification page; `digest` is the SM3 of the file as issued, which the page shows so anyone can tell a
 * genuine copy from an edited one. Revocation is a state of the row, so verification shows it at once.
 */
export const licences = pgTable(
  "licences",
  {
    id: uuid("id").primaryKey(),
    /** The result's own number: the case's result number, or the case number for results the platform writes. */
    number: text("number").notNull(),
    /** 16 characters of Crockford base 32, printed on the document: the key of the public verification page. */
    code: text("code").notNull().unique(),
    /** The licence type, the name of the result (在读证明, 教师资格证书 …); materials that accept a licence name it. */
    type: text("type").notNull(),
    itemId: uuid("item_id"),
    caseId: uuid("case_id"),
    holderId: uuid("holder_id")
      .notNull()
      .references(() => users.id),
    holderName: text("holder_name").notNull(),
    /** The holder's ID number or credit code, encrypted as in `users`. */
    holderIdEncrypted: text("holder_id_encrypted"),
    orgId: uuid("org_id")
      .notNull()
      .references(() => orgs.id),
    orgPath: text("org_path").notNull(),
    issuedOn: date("issued_on", { mode: "string" }).notNull(),
    /** Null: valid until revoked. */
    expiresOn: date("expires_on", { mode: "string" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    digest: text("digest").notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("licences_holder_idx").on(t.holderId, t.type),
    index("licences_case_idx").on(t.caseId),
    index("licences_org_idx").on(t.orgPath.op("text_pattern_ops"), t.issuedOn),
  ],
);

/**
 * 用证记录: every time a licence stood in for a material, with the holder's consent and the case. The case, item,
 * org and material are copied as the holder saw them, so the record reads the same after the catalog changes.
 */
export const licenceUses = pgTable(
  "licence_uses",
  {
    id: uuid("id").primaryKey(),
    licenceId: uuid("licence_id")
      .notNull()
      .references(() => licences.id),
    holderId: uuid("holder_id").notNull(),
    caseId: uuid("case_id").notNull(),
    caseNumber: text("case_number"),
    itemName: text("item_name").notNull(),
    orgId: uuid("org_id").notNull(),
    orgName: text("org_name").notNull(),
    materialKey: text("material_key").notNull(),
    materialName: text("material_name").notNull(),
    consentedAt: timestamp("consented_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("licence_uses_material_idx").on(t.caseId, t.materialKey),
    index("licence_uses_holder_idx").on(t.holderId, t.consentedAt),
    index("licence_uses_licence_idx").on(t.licenceId),
  ],
);

export type LicenceRow = typeof licences.$inferSelect;
