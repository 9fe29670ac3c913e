import { bindUseCases } from "../../platform/use-cases.js";
import * as apply from "./cases.apply.js";
import * as bundleParts from "./cases.bundle-parts.js";
import * as commitments from "./cases.commitments.js";
import type { CasesDeps } from "./cases.context.js";
import { sealStoredForms } from "./cases.data-migrations.js";
import { contentOf, findCase } from "./cases.loading.js";
import * as materials from "./cases.materials.js";
import { createCaseQueries } from "./cases.queries.js";
import * as staffActions from "./cases.staff-actions.js";
import { createCaseStatusLookup } from "./cases.status.js";
import type { CaseRow } from "./cases.tables.js";

export type { CasesDeps } from "./cases.context.js";

/**
 * The cases module as the routes and the other modules see it. The work is in the use-case files: applying and the
 * applicant's steps (`cases.apply.ts`), staff actions (`cases.staff-actions.ts`), materials, commitment checks, the
 * parts of bundles, all on `transition` (`cases.transition.ts`) and the loaders (`cases.loading.ts`); the read side is
 * `cases.queries.ts`.
 */
export function createCasesService(deps: CasesDeps) {
  return {
    dataMigrations: [sealStoredForms(deps)],
    ...createCaseQueries(deps.db, {
      findCase: (caseId: string) => findCase(deps, caseId),
      contentOf: (row: CaseRow) => contentOf(deps, row),
      licences: deps.licences,
      forms: deps.forms,
    }),
    statusFor: createCaseStatusLookup(deps.db, deps.cipher),
    ...bindUseCases(deps, {
      apply: apply.apply,
      intake: apply.intake,
      saveDraft: apply.saveDraft,
      submit: apply.submit,
      resubmit: apply.resubmit,
      withdraw: apply.withdraw,
      precheck: staffActions.precheck,
      accept: staffActions.accept,
      refuse: staffActions.refuse,
      requestSupplement: staffActions.requestSupplement,
      review: staffActions.review,
      startSpecial: staffActions.startSpecial,
      endSpecial: staffActions.endSpecial,
      extend: staffActions.extend,
      decide: staffActions.decide,
      issue: staffActions.issue,
      deliver: staffActions.deliver,
      sweepWarnings: staffActions.sweepWarnings,
      listChecks: commitments.listChecks,
      resolveCheck: commitments.resolveCheck,
      addMaterial: materials.addMaterial,
      removeMaterial: materials.removeMaterial,
      openMaterial: materials.openMaterial,
      openLicence: materials.openLicence,
      bundlePartVersion: bundleParts.bundlePartVersion,
      bundlePartProblems: bundleParts.bundlePartProblems,
      startBundlePart: bundleParts.startBundlePart,
      endBundlePart: bundleParts.endBundlePart,
    }),
    insertBundlePart: bundleParts.insertBundlePart,
    setBundlePartForms: bundleParts.setBundlePartForms,
    attachBundleFile: bundleParts.attachBundleFile,
    detachBundleFile: bundleParts.detachBundleFile,
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
