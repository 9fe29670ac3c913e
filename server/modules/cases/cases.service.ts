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

export type { CasesDeps } from "./cases.context.js";

/** Gives each use case its dependencies, so that the routes and other modules call it with their own arguments only. */
function bound<A extends unknown[], R>(deps: CasesDeps, useCase: (deps: CasesDeps, ...args: A) => R) {
  return (...args: A) => useCase(deps, ...args);
}

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
      findCase: bound(deps, findCase),
      contentOf: bound(deps, contentOf),
      licences: deps.licences,
      forms: deps.forms,
    }),
    statusFor: createCaseStatusLookup(deps.db, deps.cipher),
    apply: bound(deps, apply.apply),
    intake: bound(deps, apply.intake),
    saveDraft: bound(deps, apply.saveDraft),
    submit: bound(deps, apply.submit),
    resubmit: bound(deps, apply.resubmit),
    withdraw: bound(deps, apply.withdraw),
    precheck: bound(deps, staffActions.precheck),
    accept: bound(deps, staffActions.accept),
    refuse: bound(deps, staffActions.refuse),
    requestSupplement: bound(deps, staffActions.requestSupplement),
    review: bound(deps, staffActions.review),
    startSpecial: bound(deps, staffActions.startSpecial),
    endSpecial: bound(deps, staffActions.endSpecial),
    extend: bound(deps, staffActions.extend),
    decide: bound(deps, staffActions.decide),
    issue: bound(deps, staffActions.issue),
    deliver: bound(deps, staffActions.deliver),
    sweepWarnings: bound(deps, staffActions.sweepWarnings),
    listChecks: bound(deps, commitments.listChecks),
    resolveCheck: bound(deps, commitments.resolveCheck),
    addMaterial: bound(deps, materials.addMaterial),
    removeMaterial: bound(deps, materials.removeMaterial),
    openMaterial: bound(deps, materials.openMaterial),
    openLicence: bound(deps, materials.openLicence),
    bundlePartVersion: bound(deps, bundleParts.bundlePartVersion),
    insertBundlePart: bundleParts.insertBundlePart,
    setBundlePartForms: bundleParts.setBundlePartForms,
    attachBundleFile: bundleParts.attachBundleFile,
    detachBundleFile: bundleParts.detachBundleFile,
    bundlePartProblems: bound(deps, bundleParts.bundlePartProblems),
    startBundlePart: bound(deps, bundleParts.startBundlePart),
    endBundlePart: bound(deps, bundleParts.endBundlePart),
  };
}

export type CasesService = ReturnType<typeof createCasesService>;
