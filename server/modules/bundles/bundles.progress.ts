import { eq } from "drizzle-orm";
import { BUNDLE_CASE_STATUS_LABELS, type BundleCaseStatus } from "../../../common/vocabulary.js";
import { appendAudit, systemActor } from "../../platform/audit.js";
import { type Actor, auditActorOf } from "../../platform/auth.js";
import { AppError } from "../../platform/errors.js";
import type { CaseRow } from "../cases/index.js";
import { type BundleCaseDeps, bundleCaseChanged, ENDED, type Part } from "./bundles.context.js";
import type { BundleDefinition } from "./bundles.contract.js";
import { loadOwn, partsOf, undecided } from "./bundles.loading.js";
import { bundleCaseFacts, bundleCaseLifecycle } from "./bundles.machine.js";
import { bundleCases, bundles } from "./bundles.tables.js";
import { getMine } from "./bundles.view.js";

export const failedWord = (row: CaseRow): string | null => {
  if (row.status === "refused") return "不予受理";
  if (row.status === "withdrawn") return "已撤回";
  if (row.status === "revoked") return "准予决定被撤销";
  if (row.decision === "denied") return "未获准予";
  return null;
};

export const granted = (row: CaseRow) => row.status === "completed" && row.decision === "granted";

/**
 * Moves a bundle case on from its parts' states: starts each waiting part whose predecessor is granted and
 * completed, ends what a refused, denied, withdrawn or revoked part makes pointless (all undecided parts when the
 * bundle stops; the parts waiting on it when the others continue), and sets the bundle's status. Idempotent: it
 * runs under a row lock on the bundle case, and each part changes by compare-and-set, so two at once never start a
 * part twice.
 */
export async function reconcile(deps: BundleCaseDeps, bundleCaseId: string): Promise<void> {
  const { db } = deps;
  const afterCommit: (() => Promise<void>)[] = [];
  for (let round = 0; round < 30; round++) {
    let acted = false;
    try {
      acted = await db.transaction(async (tx) => {
        const [bundleCase] = await tx.select().from(bundleCases).where(eq(bundleCases.id, bundleCaseId)).for("update");
        if (!bundleCase || bundleCase.status === "draft") return false;
        const def = bundleCase.definition;
        const parts = await partsOf(deps, bundleCase.id, tx);
        const byKey = new Map(parts.map((p) => [p.key, p]));
        const labels = new Map(def.items.map((i) => [i.key, i.label]));
        const afterOf = new Map(def.items.map((i) => [i.key, i.after]));
        const failed = parts.filter((p) => failedWord(p.row));
        const ends: { part: Part; note: string }[] = [];
        const starts: Part[] = [];
        if (def.onDenial === "stop" && failed[0]) {
          const cause = failed[0];
          const note = `因同一件事中“${labels.get(cause.key)}”${failedWord(cause.row)}，本事项随之终止`;
          for (const part of parts) if (undecided(part.row)) ends.push({ part, note });
        } else {
          for (const part of parts) {
            if (part.row.status !== "draft") continue;
            const before = afterOf.get(part.key);
            const predecessor = before ? byKey.get(before) : undefined;
            const word = predecessor && failedWord(predecessor.row);
            if (predecessor && word) {
              ends.push({
                part,
                note: `因同一件事中的前序事项“${labels.get(predecessor.key)}”${word}，本事项不再办理`,
              });
            } else if (!predecessor || granted(predecessor.row)) {
              starts.push(part);
            }
          }
        }
        for (const { part, note } of ends) await deps.cases.endBundlePart(systemActor, part.row, note, tx);
        for (const part of starts) await deps.cases.startBundlePart(systemActor, part.row, tx);
        if (ends.length || starts.length) return true;

        const status = statusOf(def, parts);
        if (status === bundleCase.status) return false;
        const ending = status !== "processing" && bundleCase.endedAt === null;
        await tx
          .update(bundleCases)
          .set({
            status,
            revision: bundleCase.revision + 1,
            updatedAt: new Date(),
            ...(ending ? { endedAt: new Date() } : {}),
          })
          .where(eq(bundleCases.id, bundleCase.id));
        await appendAudit(tx, systemActor, {
          action: "bundle_case.progress",
          targetType: "bundle_case",
          targetId: bundleCase.id,
          summary: `一件事（${bundleCase.number}）${BUNDLE_CASE_STATUS_LABELS[status]}`,
        });
        if (ending) {
          const name = (
            await tx.select({ name: bundles.name }).from(bundles).where(eq(bundles.id, bundleCase.bundleId))
          )[0]?.name;
          const text = endingText(status, name ?? "一件事", bundleCase.number);
          afterCommit.push(() => deps.notifications.tell({ userId: bundleCase.applicantId, caseId: null, text: text }));
        }
        return false;
      });
    } catch (error) {
      // A part changed under us (a staff action committed meanwhile): look again.
      if (error instanceof AppError && error.code === "CASE_CHANGED") continue;
      throw error;
    }
    if (!acted) break;
  }
  for (const task of afterCommit) await task();
}

/**
 * 撤回: the applicant withdraws the whole bundle while it runs. Every part not yet decided ends with the reason on its
 * timeline (its org sees why); a part already decided stands. The bundle's status then follows as for any change.
 */
export async function withdraw(
  deps: BundleCaseDeps,
  actor: Actor,
  id: string,
  input: { revision: number; reason: string },
) {
  const { db } = deps;
  const row = await loadOwn(deps, actor, id);
  const by = auditActorOf(actor);
  await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(bundleCases).where(eq(bundleCases.id, row.id)).for("update");
    if (!locked || locked.revision !== input.revision) throw bundleCaseChanged();
    const open = (await partsOf(deps, row.id, tx)).filter((part) => undecided(part.row));
    bundleCaseLifecycle.assertAllowed("withdraw", bundleCaseFacts(locked, open.length));
    const note = `申请人撤回整件事申请：${input.reason}`;
    for (const part of open) await deps.cases.endBundlePart(by, part.row, note, tx);
    await appendAudit(tx, by, {
      action: "bundle_case.withdraw",
      targetType: "bundle_case",
      targetId: row.id,
      summary: `撤回一件事（${row.number}）：${input.reason}`,
    });
  });
  await reconcile(deps, row.id);
  return getMine(deps, actor, id);
}

export function endingText(status: BundleCaseStatus, name: string, number: string): string {
  if (status === "completed") {
    return `您申请的“${name}”（${number}）已全部办结，可在“我的一件事”中查看全部办理结果，并对整件事进行一次评价。`;
  }
  if (status === "partial") {
    return `您申请的“${name}”（${number}）已办结，其中部分事项未获准予，详情和办理结果请在“我的一件事”中查看，并可对整件事进行一次评价。`;
  }
  return `您申请的“${name}”（${number}）已终止办理，原因和各事项情况请在“我的一件事”中查看。`;
}

/** What the bundle as a whole is, from its parts. */
export function statusOf(definition: BundleDefinition, parts: Part[]): BundleCaseStatus {
  const failed = parts.filter((p) => failedWord(p.row));
  if (definition.onDenial === "stop" && failed.length) return "stopped";
  if (!parts.every((p) => ENDED.includes(p.row.status))) return "processing";
  if (failed.length === 0) return "completed";
  return parts.some((p) => granted(p.row)) ? "partial" : "stopped";
}
