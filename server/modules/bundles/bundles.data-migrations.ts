import { asc, eq, gt } from "drizzle-orm";
import { changeEachRow, type DataMigration } from "../../platform/data-migrations.js";
import type { BundlesDeps } from "./bundles.context.js";
import { bundleCases } from "./bundles.tables.js";

/** Bundle cases whose forms were stored before personal answers were sealed, sealed now (once, at start). */
export function sealStoredForms(deps: BundlesDeps): DataMigration {
  return {
    name: "bundles.seal-forms",
    compact: ["bundle_cases"],
    run: (tx) =>
      changeEachRow(
        (after) =>
          tx
            .select({ id: bundleCases.id, definition: bundleCases.definition, form: bundleCases.form })
            .from(bundleCases)
            .where(after ? gt(bundleCases.id, after) : undefined)
            .orderBy(asc(bundleCases.id))
            .limit(1000),
        async (row) => {
          const sealed = deps.forms.resealed(row.definition.fields, row.form);
          if (sealed) await tx.update(bundleCases).set({ form: sealed }).where(eq(bundleCases.id, row.id));
          return sealed !== null;
        },
      ),
  };
}
