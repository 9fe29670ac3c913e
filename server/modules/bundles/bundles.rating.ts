import { and, eq, isNull } from "drizzle-orm";
import { appendAudit } from "../../platform/audit.js";
import type { Actor } from "../../platform/auth.js";
import { AppError } from "../../platform/errors.js";
import { type BundleCaseDeps, RATER } from "./bundles.context.js";
import { loadOwn, partsOf } from "./bundles.loading.js";
import { bundleCases } from "./bundles.tables.js";
import { view } from "./bundles.view.js";

export async function rate(
  deps: BundleCaseDeps,
  actor: Actor,
  id: string,
  input: { scores: Record<string, number>; comment: string; channel: "web" | "mobile" | "kiosk" },
) {
  const row = await loadOwn(deps, actor, id);
  if (row.ratedAt) throw new AppError("RATING_EXISTS");
  if (!(row.status === "completed" || row.status === "partial" || row.status === "stopped")) {
    throw new AppError("RATING_NOT_OPEN");
  }
  const parts = await partsOf(deps, row.id);
  await deps.ratings.rateBundle(
    parts.map((p) => p.row),
    input.channel,
    { scores: input.scores, comment: input.comment },
    async (tx) => {
      const [marked] = await tx
        .update(bundleCases)
        .set({ ratedAt: new Date(), updatedAt: new Date() })
        .where(and(eq(bundleCases.id, row.id), isNull(bundleCases.ratedAt)))
        .returning({ id: bundleCases.id });
      if (!marked) throw new AppError("RATING_EXISTS");
      await appendAudit(tx, RATER, {
        action: "bundle_case.rate",
        targetType: "bundle_case",
        targetId: row.id,
        summary: `一件事（${row.number}）整体评价，计入 ${parts.filter((p) => p.row.status === "completed").length} 个事项`,
        orgId: null,
      });
    },
  );
  return view(deps, await loadOwn(deps, actor, id));
}
