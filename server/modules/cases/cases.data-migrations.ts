import { asc, eq, gt, inArray } from "drizzle-orm";
import { changeEachRow, type DataMigration } from "../../platform/data-migrations.js";
import { itemVersions } from "../catalog/index.js";
import type { CasesDeps } from "./cases.context.js";
import { cases } from "./cases.tables.js";

/** Cases whose forms were stored before personal answers were sealed, sealed now (once, at start). */
export const sealStoredForms = (deps: CasesDeps): DataMigration => ({
  name: "cases.seal-forms",
  compact: ["cases"],
  async run(tx) {
    const versions = await tx
      .select({ id: itemVersions.id, content: itemVersions.content })
      .from(itemVersions)
      .where(inArray(itemVersions.id, tx.selectDistinct({ id: cases.itemVersionId }).from(cases)));
    const fieldsOf = new Map(versions.map((v) => [v.id, v.content.form]));
    return changeEachRow(
      (after) =>
        tx
          .select({ id: cases.id, versionId: cases.itemVersionId, form: cases.form })
          .from(cases)
          .where(after ? gt(cases.id, after) : undefined)
          .orderBy(asc(cases.id))
          .limit(1000),
      async (row) => {
        const sealed = deps.forms.resealed(fieldsOf.get(row.versionId) ?? [], row.form);
        if (sealed) await tx.update(cases).set({ form: sealed }).where(eq(cases.id, row.id));
        return sealed !== null;
      },
    );
  },
});
