import { eq } from "drizzle-orm";
import { sm3 } from "../../platform/crypto.js";
import { maskIdNumber, maskName } from "../../platform/masking.js";
import { groupedCode, type LicencesDeps, notFound, statusOf } from "./licences.context.js";
import { type LicenceRow, licences } from "./licences.tables.js";

export async function findByCode(deps: LicencesDeps, code: string): Promise<LicenceRow> {
  const { db } = deps;
  const normalised = code.replace(/[\s-]/g, "").toUpperCase();
  const [row] = await db.select().from(licences).where(eq(licences.code, normalised));
  if (!row) throw notFound();
  return row;
}

/** What anyone holding the code may know: genuine or not, its state, and the holder masked. */
export function verificationOf(deps: LicencesDeps, row: LicenceRow, issuer: string) {
  const { cipher } = deps;
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

export async function verify(deps: LicencesDeps, code: string) {
  const row = await findByCode(deps, code);
  return verificationOf(deps, row, await deps.orgs.displayName(row.orgId));
}

/** Compares a file someone was given with the one issued: any change to a byte changes the SM3 digest. */
export async function checkFile(deps: LicencesDeps, code: string, data: Buffer) {
  const row = await findByCode(deps, code);
  const digest = sm3(data);
  return { matches: digest === row.digest, digest, issuedDigest: row.digest };
}
