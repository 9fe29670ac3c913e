import { bindUseCases } from "../../platform/use-cases.js";
import { caseStatusChanged } from "../cases/index.js";
import { addMaterial, apply, removeMaterial, saveForm, submit } from "./bundles.apply.js";
import type { BundlesDeps } from "./bundles.context.js";
import { sealStoredForms } from "./bundles.data-migrations.js";
import { create, getAdmin, guide, insert, listAdmin, listPublished, publish, update } from "./bundles.definitions.js";
import { reconcile, withdraw } from "./bundles.progress.js";
import { rate } from "./bundles.rating.js";
import { getMine, listMine } from "./bundles.view.js";

export type { BundlesDeps } from "./bundles.context.js";

/**
 * 办好一件事 as the routes and the other modules call it: the definitions administrators keep
 * (`bundles.definitions.ts`), and the bundle cases applicants make — applying and filling (`bundles.apply.ts`), the
 * progress that follows the parts (`bundles.progress.ts`), the applicant's one view (`bundles.view.ts`) and the one
 * rating (`bundles.rating.ts`).
 */
export function createBundlesService(deps: BundlesDeps) {
  // A part's change moves its bundle on; reconcile is idempotent, so a redelivered event changes nothing.
  deps.events.subscribe(
    caseStatusChanged,
    "bundles",
    async ({ bundleCaseId }) => {
      if (bundleCaseId) await reconcile(deps, bundleCaseId);
    },
    { wants: ({ bundleCaseId }) => bundleCaseId !== null },
  );

  return {
    dataMigrations: [sealStoredForms(deps)],
    ...bindUseCases(deps, {
      create,
      insert,
      update,
      publish,
      listAdmin,
      getAdmin,
      listPublished,
      guide,
      apply,
      saveForm,
      addMaterial,
      removeMaterial,
      submit,
      withdraw,
      reconcile,
      getMine,
      listMine,
      rate,
    }),
  };
}

export type BundlesService = ReturnType<typeof createBundlesService>;
