import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { chineseDate } from "../../../common/format.js";
import type { LicenceStatus } from "../../../common/vocabulary.js";
import { type AuditActor, appendAudit } from "../../platform/audit.js";
import { type Actor, assertPermission, auditActorOf, isWithinScope, withinScope } from "../../platform/auth.js";
import { todayInChina } from "../../platform/calendar.js";
import { type PersonalDataCipher, randomCode, sm3 } from "../../platform/crypto.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import type { FileStore } from "../../platform/files.js";
import { maskIdNumber, maskName } from "../../platform/masking.js";
import { type PdfBlock, renderPdf } from "../../platform/pdf.js";
import type { OrgService } from "../orgs/index.js";
import { licenceLifecycle } from "./licences.machine.js";
import { type LicenceRow, licences, licenceUses } from "./licences.tables.js";

export type LicencesDeps = {
  db: Db;
  files: FileStore;
  cipher: PersonalDataCipher;
  orgs: OrgService;
  /** Where the public verification page lives, printed under the QR code. */
  publicUrl: string;
};

/** What the issuing side says about the result; the licence adds its seal, code and QR code. */
export type IssueSpec = {
  type: string;
  number: string;
  body: PdfBlock[];
  itemId: string | null;
  caseId: string | null;
  holder: { id: string; name: string; idEncrypted: string | null };
  /** `name` as the seal shows it; the caller looks it up before its transaction. */
  org: { id: string; path: string; name: string };
  /** Months the licence is valid from its issue; null: until revoked. */
  validMonths: number | null;
};

/** One material a licence stands in for, as the applicant chose it (with consent) on a case. */
export type LicenceUse = {
  licenceId: string;
  materialKey: string;
  materialName: string;
  /** The types the material accepts. */
  licenceTypes: string[];
  case: { id: string; number: string | null; itemName: string; orgId: string; orgName: string };
};

const notFound = () => new AppError("LICENCE_NOT_FOUND");

export function statusOf(row: Pick<LicenceRow, "revokedAt" | "expiresOn">, today = todayInChina()): LicenceStatus {
  if (row.revokedAt) return "revoked";
  if (row.expiresOn && row.expiresOn < today) return "expired";
  return "valid";
}

function addMonths(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

/** 4-4-4-4, as printed, so it is easy to read out and type back. */
export const groupedCode = (code: string) => code.match(/.{1,4}/g)?.join("-") ?? code;

export function createLicencesService(deps: LicencesDeps) {
  const { db, cipher } = deps;
  const verifyUrl = (code: string) => `${deps.publicUrl.replace(/\/$/, "")}/verify/${code}`;

  // ---- issuing ----

  /**
   * Issues a licence within the caller's transaction (the grant or the self-service case it belongs to): the PDF
   * with the issuer's seal, the code and the QR code, its file, the row and the audit entry commit together.
   */
  async function issue(tx: Db, by: AuditActor, spec: IssueSpec): Promise<LicenceRow> {
    const code = randomCode(16);
    const issuedOn = todayInChina();
    const expiresOn = spec.validMonths === null ? null : addMonths(issuedOn, spec.validMonths);
    const issuer = spec.org.name;
    const pdf = Buffer.from(
      await renderPdf({
        title: `${spec.type} ${spec.number}`,
        footer: `${issuer} · 电子证照 ${spec.number}`,
        blocks: [
          ...spec.body,
          { kind: "seal", issuer, date: chineseDate(issuedOn) },
          {
            kind: "verification",
            url: verifyUrl(code),
            lines: [
              `证照编号：${spec.number}`,
              `核验码：${groupedCode(code)}`,
              expiresOn ? `有效期至：${expiresOn}` : "有效期：长期有效（撤销的除外）",
              `扫描二维码或访问 ${verifyUrl(code)} 核验本证照的真伪和状态。本证照与纸质证明具有同等效力。`,
            ],
          },
        ],
      }),
    );
    const file = await deps.files.save(
      {
        name: `${spec.type}-${spec.number}.pdf`,
        mimeType: "application/pdf",
        data: pdf,
        visibility: "private",
        uploadedBy: by.id,
        kinds: ["pdf"],
      },
      tx,
    );
    const [row] = await tx
      .insert(licences)
      .values({
        id: uuidv7(),
        number: spec.number,
        code,
        type: spec.type,
        itemId: spec.itemId,
        caseId: spec.caseId,
        holderId: spec.holder.id,
        holderName: spec.holder.name,
        holderIdEncrypted: spec.holder.idEncrypted,
        orgId: spec.org.id,
        orgPath: spec.org.path,
        issuedOn,
        expiresOn,
        fileId: file.id,
        digest: file.sm3,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await appendAudit(tx, by, {
      action: "licence.issue",
      targetType: "licence",
      targetId: row.id,
      summary: `签发电子证照 ${spec.type}（编号 ${spec.number}）`,
      orgId: spec.org.id,
    });
    return row;
  }

  // ---- public verification ----

  async function findByCode(code: string): Promise<LicenceRow> {
    const normalised = code.replace(/[\s-]/g, "").toUpperCase();
    const [row] = await db.select().from(licences).where(eq(licences.code, normalised));
    if (!row) throw notFound();
    return row;
  }

  /** What anyone holding the code may know: genuine or not, its state, and the holder masked. */
  function verificationOf(row: LicenceRow, issuer: string) {
    const idNumber = row.holderIdEncrypted ? cipher.decrypt(row.holderIdEncrypted) : null;
    return {
      code: groupedCode(row.code),
      type: row.type,
      number: row.number,
      status: statusOf(row),
      holderName: maskName(row.holderName),
      holderId: idNumber ? maskIdNumber(idNumber) : null,
      issuer,
      issuedOn: row.issuedOn,
      expiresOn: row.expiresOn,
      revokedAt: row.revokedAt?.toISOString() ?? null,
      revokedReason: row.revokedReason,
      digest: row.digest,
    };
  }

  async function verify(code: string) {
    const row = await findByCode(code);
    return verificationOf(row, await deps.orgs.displayName(row.orgId));
  }

  /** Compares a file someone was given with the one issued: any change to a byte changes the SM3 digest. */
  async function checkFile(code: string, data: Buffer) {
    const row = await findByCode(code);
    const digest = sm3(data);
    return { matches: digest === row.digest, digest, issuedDigest: row.digest };
  }

  // ---- the holder's wallet ----

  async function listOwn(actor: Actor) {
    const rows = await db
      .select({ licence: licences, uses: count(licenceUses.id) })
      .from(licences)
      .leftJoin(licenceUses, eq(licenceUses.licenceId, licences.id))
      .where(eq(licences.holderId, actor.userId))
      .groupBy(licences.id)
      .orderBy(desc(licences.createdAt))
      .limit(500);
    const names = await deps.orgs.displayNames([...new Set(rows.map((r) => r.licence.orgId))]);
    return rows.map(({ licence, uses }) => ({
      id: licence.id,
      type: licence.type,
      number: licence.number,
      code: groupedCode(licence.code),
      status: statusOf(licence),
      issuer: names.get(licence.orgId) ?? "",
      issuedOn: licence.issuedOn,
      expiresOn: licence.expiresOn,
      caseId: licence.caseId,
      uses,
    }));
  }

  async function ownLicence(actor: Actor, licenceId: string): Promise<LicenceRow> {
    const [row] = await db.select().from(licences).where(eq(licences.id, licenceId));
    if (!row || row.holderId !== actor.userId) throw errors.notFound("电子证照");
    return row;
  }

  async function fileOf(row: LicenceRow) {
    const file = await deps.files.find(row.fileId);
    if (!file) throw new Error(`licence ${row.id} lost its file`);
    return { file, stream: await deps.files.open(file) };
  }

  async function openOwn(actor: Actor, licenceId: string) {
    return fileOf(await ownLicence(actor, licenceId));
  }

  /** 用证记录: where the holder's licences stood in for materials, newest first. */
  async function usesOwn(actor: Actor) {
    const rows = await db
      .select({ use: licenceUses, type: licences.type, number: licences.number })
      .from(licenceUses)
      .innerJoin(licences, eq(licences.id, licenceUses.licenceId))
      .where(eq(licenceUses.holderId, actor.userId))
      .orderBy(desc(licenceUses.consentedAt))
      .limit(500);
    return rows.map(({ use, type, number }) => ({
      id: use.id,
      licenceId: use.licenceId,
      licenceType: type,
      licenceNumber: number,
      caseId: use.caseId,
      caseNumber: use.caseNumber,
      itemName: use.itemName,
      orgName: use.orgName,
      materialName: use.materialName,
      consentedAt: use.consentedAt.toISOString(),
    }));
  }

  /** The holder's licences that can stand in for a material asking for `types`. */
  async function usableFor(actor: Actor, types: string[]) {
    if (types.length === 0) return [];
    const rows = await db
      .select()
      .from(licences)
      .where(and(eq(licences.holderId, actor.userId), inArray(licences.type, types), isNull(licences.revokedAt)))
      .orderBy(desc(licences.createdAt))
      .limit(100);
    return rows
      .filter((row) => statusOf(row) === "valid")
      .map((row) => ({
        id: row.id,
        type: row.type,
        number: row.number,
        issuedOn: row.issuedOn,
        expiresOn: row.expiresOn,
      }));
  }

  // ---- use on a case ----

  /**
   * Records, in the case's transaction, that the holder consented to each licence standing in for a material. Each
   * licence must be the holder's own, of the type the material asks for, and valid today.
   */
  async function recordUses(tx: Db, holderId: string, uses: LicenceUse[]): Promise<void> {
    if (uses.length === 0) return;
    const rows = await tx
      .select()
      .from(licences)
      .where(
        inArray(
          licences.id,
          uses.map((u) => u.licenceId),
        ),
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const consentedAt = new Date();
    for (const use of uses) {
      const licence = byId.get(use.licenceId);
      if (!licence || licence.holderId !== holderId) throw errors.notFound("电子证照");
      if (!use.licenceTypes.includes(licence.type)) {
        throw errors.validation(
          `“${use.materialName}”可用的电子证照是${use.licenceTypes.join("、")}，所选证照是${licence.type}`,
        );
      }
      if (statusOf(licence) !== "valid") {
        throw new AppError(
          "LICENCE_NOT_VALID",
          `所选电子证照${licence.type}（${licence.number}）已失效，请重新选择或上传材料`,
        );
      }
      await tx.insert(licenceUses).values({
        id: uuidv7(),
        licenceId: licence.id,
        holderId,
        caseId: use.case.id,
        caseNumber: use.case.number,
        itemName: use.case.itemName,
        orgId: use.case.orgId,
        orgName: use.case.orgName,
        materialKey: use.materialKey,
        materialName: use.materialName,
        consentedAt,
      });
    }
  }

  /** A draft's uses get the case number it is given on submission, so 用证记录 names the case as the holder knows it. */
  async function numberUses(tx: Db, caseId: string, caseNumber: string): Promise<void> {
    await tx.update(licenceUses).set({ caseNumber }).where(eq(licenceUses.caseId, caseId));
  }

  /** The licences a case used, with their state today, for the applicant and the staff handling it. */
  async function usedByCase(caseId: string) {
    const rows = await db
      .select({ use: licenceUses, licence: licences })
      .from(licenceUses)
      .innerJoin(licences, eq(licences.id, licenceUses.licenceId))
      .where(eq(licenceUses.caseId, caseId));
    const issuers = await deps.orgs.displayNames(rows.map((r) => r.licence.orgId));
    return rows.map(({ use, licence }) => ({
      materialKey: use.materialKey,
      materialName: use.materialName,
      consentedAt: use.consentedAt.toISOString(),
      licenceId: licence.id,
      ...verificationOf(licence, issuers.get(licence.orgId) ?? ""),
    }));
  }

  /** The licences a case issued. */
  async function issuedByCase(caseId: string) {
    const rows = await db.select().from(licences).where(eq(licences.caseId, caseId));
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      number: row.number,
      code: groupedCode(row.code),
      status: statusOf(row),
      issuedOn: row.issuedOn,
    }));
  }

  /** A licence's PDF for a reader of the case that issued it or used it; the caller has checked the case. */
  async function openForCase(caseId: string, licenceId: string) {
    const [row] = await db.select().from(licences).where(eq(licences.id, licenceId));
    if (!row) throw errors.notFound("电子证照");
    if (row.caseId !== caseId) {
      const [used] = await db
        .select({ id: licenceUses.id })
        .from(licenceUses)
        .where(and(eq(licenceUses.caseId, caseId), eq(licenceUses.licenceId, licenceId)));
      if (!used) throw errors.notFound("电子证照");
    }
    return fileOf(row);
  }

  // ---- staff ----

  async function listForStaff(actor: Actor, query: { q?: string; page: number; pageSize: number }) {
    assertPermission(actor, "case.review");
    const where = and(
      withinScope(actor, licences.orgPath),
      query.q
        ? sql`(${licences.number} = ${query.q} or ${licences.code} = ${query.q.replace(/[\s-]/g, "").toUpperCase()})`
        : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db
        .select()
        .from(licences)
        .where(where)
        .orderBy(desc(licences.createdAt))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
      db.select({ n: count() }).from(licences).where(where),
    ]);
    const names = await deps.orgs.displayNames([...new Set(rows.map((r) => r.orgId))]);
    return {
      items: rows.map((row) => ({
        id: row.id,
        type: row.type,
        number: row.number,
        code: groupedCode(row.code),
        status: statusOf(row),
        holderName: maskName(row.holderName),
        issuer: names.get(row.orgId) ?? "",
        issuedOn: row.issuedOn,
        expiresOn: row.expiresOn,
        caseId: row.caseId,
        revokedReason: row.revokedReason,
        actions: licenceLifecycle.actionsFor(actor, { status: statusOf(row), orgPath: row.orgPath }),
      })),
      total: total?.n ?? 0,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async function markRevoked(tx: Db, by: AuditActor, row: LicenceRow, reason: string): Promise<void> {
    const [revoked] = await tx
      .update(licences)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(licences.id, row.id), isNull(licences.revokedAt)))
      .returning();
    if (!revoked) throw new AppError("LICENCE_REVOKED");
    await appendAudit(tx, by, {
      action: "licence.revoke",
      targetType: "licence",
      targetId: row.id,
      summary: `撤销电子证照 ${row.type}（编号 ${row.number}）：${reason}`,
      orgId: row.orgId,
    });
  }

  /** Revocation by staff of the issuing org or above; verification shows it from this moment. */
  async function revoke(actor: Actor, licenceId: string, reason: string) {
    licenceLifecycle.assertHoldsPermission(actor, "revoke");
    const [row] = await db.select().from(licences).where(eq(licences.id, licenceId));
    if (!row || !isWithinScope(actor, row.orgPath)) throw errors.notFound("电子证照");
    licenceLifecycle.assertStaffMayTake(actor, "revoke", { status: statusOf(row), orgPath: row.orgPath });
    await db.transaction((tx) => markRevoked(tx, auditActorOf(actor), row, reason));
  }

  /** When the grant behind a case is revoked (a false commitment), its licences go with it, in the same transaction. */
  async function revokeForCase(tx: Db, by: AuditActor, caseId: string, reason: string): Promise<void> {
    const rows = await tx
      .select()
      .from(licences)
      .where(and(eq(licences.caseId, caseId), isNull(licences.revokedAt)));
    for (const row of rows) await markRevoked(tx, by, row, reason);
  }

  /** 少交材料: how many materials licences have stood in for, over all cases. */
  async function materialsSaved(): Promise<number> {
    const [row] = await db.select({ n: count() }).from(licenceUses);
    return row?.n ?? 0;
  }

  return {
    issue,
    verify,
    checkFile,
    listOwn,
    openOwn,
    usesOwn,
    usableFor,
    recordUses,
    numberUses,
    usedByCase,
    issuedByCase,
    openForCase,
    listForStaff,
    revoke,
    revokeForCase,
    materialsSaved,
  };
}

export type LicencesService = ReturnType<typeof createLicencesService>;
