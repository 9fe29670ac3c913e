import { bindUseCases } from "../../platform/use-cases.js";
import type { LicencesDeps } from "./licences.context.js";
import { issue } from "./licences.issue.js";
import { issuedByCase, listForStaff, openForCase, revoke, revokeForCase } from "./licences.staff.js";
import { materialsSaved, numberUses, recordUses, usableFor, usedByCase } from "./licences.uses.js";
import { checkFile, verify } from "./licences.verification.js";
import { listOwn, openOwn, usesOwn } from "./licences.wallet.js";

export { groupedCode, type IssueSpec, type LicencesDeps, type LicenceUse, statusOf } from "./licences.context.js";

/** E-licences (电子证照) as the routes and the other modules call them. */
export function createLicencesService(deps: LicencesDeps) {
  return {
    ...bindUseCases(deps, {
      issue,
      verify,
      checkFile,
      listOwn,
      openOwn,
      usesOwn,
      usableFor,
      usedByCase,
      issuedByCase,
      openForCase,
      listForStaff,
      revoke,
      revokeForCase,
      materialsSaved,
    }),
    recordUses,
    numberUses,
  };
}

export type LicencesService = ReturnType<typeof createLicencesService>;
