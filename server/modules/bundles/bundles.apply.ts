import { and, eq, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { appendAudit } from "../../platform/audit.js";
import { type Actor, auditActorOf } from "../../platform/auth.js";
import { todayInChina } from "../../platform/calendar.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import type { FormValues } from "../../platform/sealed-form.js";
import { validateFormSubmission } from "../catalog/index.js";
import { type BundleCaseDeps, bundleCaseChanged } from "./bundles.context.js";
import type { BundleDefinition } from "./bundles.contract.js";
import { publishedBundle } from "./bundles.definitions.js";
import { loadOwn, loadOwnDraft, partsOf } from "./bundles.loading.js";
import { bundleCaseFacts, bundleCaseLifecycle } from "./bundles.machine.js";
import { reconcile } from "./bundles.progress.js";
import { type Problem, sharedFileKinds } from "./bundles.rules.js";
import { type BundleCaseRow, bundleCases, bundleCounters, bundleFiles, bundleParts } from "./bundles.tables.js";
import { view } from "./bundles.view.js";

/** The bundle's answers spread over each item's form through the mapping. */
export function formsOf(definition: BundleDefinition, form: FormValues): Map<string, FormValues> {
  const forms = new Map(definition.items.map((i) => [i.key, {} as FormValues]));
  for (const field of definition.fields) {
    const value = form[field.key];
    if (value === undefined || value === null || value === "") continue;
    for (const map of field.maps) {
      const target = forms.get(map.itemKey);
      if (target) target[map.fieldKey] = value;
    }
  }
  return forms;
}

/** A draft may be incomplete; what is filled must fit, and nothing outside the form is kept. */
export function draftProblems(definition: BundleDefinition, form: FormValues): Problem[] {
  return validateFormSubmission(definition.fields, form).filter((p) => {
    const value = form[p.field];
    return value !== undefined && value !== null && value !== "";
  });
}

export function formInvalid(problems: Problem[]): AppError {
  return new AppError("FORM_INVALID", `申请表有 ${problems.length} 处需要修改：${problems[0]?.message ?? ""}`, {
    errors: problems,
  });
}

export async function nextNumber(tx: Db): Promise<string> {
  const prefix = `YJS-${todayInChina().replaceAll("-", "")}`;
  const [counter] = await tx
    .insert(bundleCounters)
    .values({ prefix, last: 1 })
    .onConflictDoUpdate({ target: bundleCounters.prefix, set: { last: sql`${bundleCounters.last} + 1` } })
    .returning();
  return `${prefix}-${String(counter?.last ?? 1).padStart(4, "0")}`;
}

export async function findByKey(deps: BundleCaseDeps, applicantId: string, key: string, tx: Db = deps.db) {
  const [row] = await tx
    .select()
    .from(bundleCases)
    .where(and(eq(bundleCases.applicantId, applicantId), eq(bundleCases.idempotencyKey, key)));
  return row;
}

/**
 * One bundle case and a draft case per item, in one transaction. The idempotency key makes a retried apply
 * return the same bundle case.
 */
export async function apply(
  deps: BundleCaseDeps,
  actor: Actor,
  bundleId: string,
  input: { idempotencyKey: string; form: FormValues },
) {
  const { db } = deps;
  if (actor.kind === "staff") throw errors.forbidden("工作人员不能以自己的名义申请一件事");
  const existing = await findByKey(deps, actor.userId, input.idempotencyKey);
  if (existing) return view(deps, existing);
  const bundle = await publishedBundle(deps, bundleId);
  const def = bundle.definition;
  const problems = draftProblems(def, input.form);
  if (problems.length) throw formInvalid(problems);
  const targets = await Promise.all(
    def.items.map(async (item) => ({ item, target: await deps.cases.bundlePartVersion(item.itemId) })),
  );
  const forms = formsOf(def, input.form);
  const by = auditActorOf(actor);
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(bundleCases)
      .values({
        id: uuidv7(),
        number: await nextNumber(tx),
        bundleId: bundle.id,
        definition: def,
        applicantId: actor.userId,
        idempotencyKey: input.idempotencyKey,
        form: deps.forms.seal(def.fields, input.form),
      })
      .onConflictDoNothing()
      .returning();
    // Lost a race with the same key: the other request made the bundle case.
    if (!created) return (await findByKey(deps, actor.userId, input.idempotencyKey, tx)) as BundleCaseRow;
    for (const { item, target } of targets) {
      const part = await deps.cases.insertBundlePart(tx, {
        applicantId: actor.userId,
        bundleCaseId: created.id,
        target,
        form: deps.forms.seal(target.version.content.form, forms.get(item.key) ?? {}),
        idempotencyKey: `bundle-${created.id}-${item.key}`,
      });
      await tx.insert(bundleParts).values({ bundleCaseId: created.id, key: item.key, caseId: part.id });
    }
    await appendAudit(tx, by, {
      action: "bundle_case.apply",
      targetType: "bundle_case",
      targetId: created.id,
      summary: `申请一件事“${bundle.name}”（${created.number}），共 ${def.items.length} 个事项`,
      orgId: bundle.orgId,
    });
    return created;
  });
  return view(deps, row);
}

export async function saveForm(
  deps: BundleCaseDeps,
  actor: Actor,
  id: string,
  input: { revision: number; form: FormValues },
) {
  const { db } = deps;
  const row = await loadOwnDraft(deps, actor, id, input.revision);
  const problems = draftProblems(row.definition, input.form);
  if (problems.length) throw formInvalid(problems);
  const parts = await partsOf(deps, row.id);
  const forms = formsOf(row.definition, input.form);
  const saved = await db.transaction(async (tx) => {
    const [saved] = await tx
      .update(bundleCases)
      .set({
        form: deps.forms.seal(row.definition.fields, input.form),
        revision: row.revision + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(bundleCases.id, row.id), eq(bundleCases.revision, row.revision), eq(bundleCases.status, "draft")))
      .returning();
    if (!saved) throw bundleCaseChanged();
    await deps.cases.setBundlePartForms(
      tx,
      parts.map((p) => ({ caseId: p.row.id, form: deps.forms.seal(p.content.form, forms.get(p.key) ?? {}) })),
    );
    await appendAudit(tx, auditActorOf(actor), {
      action: "bundle_case.save",
      targetType: "bundle_case",
      targetId: row.id,
      summary: `保存一件事申请表（${row.number}）`,
    });
    return saved;
  });
  return view(deps, saved);
}

/** File kinds every mapped material accepts. */
/** One upload serves every item that needs it: the same stored file is attached to each mapped part. */
export async function addMaterial(
  deps: BundleCaseDeps,
  actor: Actor,
  id: string,
  materialKey: string,
  file: { name: string; mimeType: string; data: Buffer },
) {
  const { db } = deps;
  const row = await loadOwnDraft(deps, actor, id);
  const material = row.definition.materials.find((m) => m.key === materialKey);
  if (!material) throw errors.validation(`这件事没有“${materialKey}”这项材料`);
  const parts = await partsOf(deps, row.id);
  const targets = material.maps.flatMap((map) => {
    const part = parts.find((p) => p.key === map.itemKey);
    const spec = part?.content.materials.find((m) => m.key === map.materialKey);
    return part && spec ? [{ caseId: part.row.id, materialKey: map.materialKey, spec }] : [];
  });
  if (targets.length === 0) throw errors.validation(`材料“${material.name}”没有需要它的事项`);
  const specs = targets.map((t) => t.spec);
  const maxFiles = Math.min(...specs.map((s) => s.maxFiles));
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(bundleFiles)
    .where(and(eq(bundleFiles.bundleCaseId, row.id), eq(bundleFiles.materialKey, materialKey)));
  if ((count?.n ?? 0) >= maxFiles) {
    throw new AppError("TOO_MANY_FILES", `“${material.name}”最多上传 ${maxFiles} 个文件`);
  }
  const stored = await deps.files.save({
    ...file,
    visibility: "private",
    uploadedBy: actor.userId,
    kinds: sharedFileKinds(specs),
    maxBytes: Math.min(...specs.map((s) => s.maxSizeMb)) * 1024 * 1024,
  });
  await db.transaction(async (tx) => {
    await tx.insert(bundleFiles).values({
      id: uuidv7(),
      bundleCaseId: row.id,
      materialKey,
      fileId: stored.id,
      uploadedBy: actor.userId,
    });
    await deps.cases.attachBundleFile(
      tx,
      targets.map(({ caseId, materialKey }) => ({ caseId, materialKey })),
      stored.id,
      actor.userId,
    );
    await appendAudit(tx, auditActorOf(actor), {
      action: "bundle_case.material",
      targetType: "bundle_case",
      targetId: row.id,
      summary: `一件事（${row.number}）上传材料“${material.name}”，用于 ${targets.length} 个事项`,
    });
  });
  return view(deps, await loadOwn(deps, actor, id));
}

export async function removeMaterial(deps: BundleCaseDeps, actor: Actor, id: string, fileId: string) {
  const { db } = deps;
  const row = await loadOwnDraft(deps, actor, id);
  const parts = await partsOf(deps, row.id);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(bundleFiles)
      .where(and(eq(bundleFiles.bundleCaseId, row.id), eq(bundleFiles.fileId, fileId)))
      .returning();
    if (removed.length === 0) throw errors.notFound("材料");
    await deps.cases.detachBundleFile(
      tx,
      parts.map((p) => p.row.id),
      fileId,
    );
    await appendAudit(tx, auditActorOf(actor), {
      action: "bundle_case.material_remove",
      targetType: "bundle_case",
      targetId: row.id,
      summary: `一件事（${row.number}）删除一份材料`,
    });
  });
  return view(deps, await loadOwn(deps, actor, id));
}

/**
 * Submits the whole bundle: every part is checked first (so a waiting part can start later without the applicant),
 * then the parts that wait for nothing are submitted, in one transaction.
 */
export async function submit(deps: BundleCaseDeps, actor: Actor, id: string, revision: number) {
  const { db } = deps;
  const row = await loadOwn(deps, actor, id);
  bundleCaseLifecycle.assertAllowed("submit", bundleCaseFacts(row, 0));
  if (row.revision !== revision) throw bundleCaseChanged();
  const def = row.definition;
  const problems: Problem[] = validateFormSubmission(def.fields, deps.forms.open(row.form));
  const parts = await partsOf(deps, row.id);
  const labels = new Map(def.items.map((i) => [i.key, i.label]));
  for (const part of parts) {
    for (const p of await deps.cases.bundlePartProblems(part.row)) {
      const material = p.field.startsWith("materials.") ? bundleMaterialFor(def, part.key, p.field.slice(10)) : null;
      problems.push({
        field: material ? `materials.${material.key}` : `${part.key}.${p.field}`,
        message: material ? `请上传“${material.name}”` : `${labels.get(part.key)}：${p.message}`,
      });
    }
  }
  if (problems.length) throw formInvalid(dedupe(problems));
  const by = auditActorOf(actor);
  const submitted = await db.transaction(async (tx) => {
    const [next] = await tx
      .update(bundleCases)
      .set({ status: "processing", submittedAt: new Date(), revision: row.revision + 1, updatedAt: new Date() })
      .where(and(eq(bundleCases.id, row.id), eq(bundleCases.revision, row.revision), eq(bundleCases.status, "draft")))
      .returning();
    if (!next) throw bundleCaseChanged();
    const first = def.items.filter((i) => i.after === null).map((i) => i.key);
    for (const part of parts) {
      if (first.includes(part.key)) await deps.cases.startBundlePart(by, part.row, tx);
    }
    await appendAudit(tx, by, {
      action: "bundle_case.submit",
      targetType: "bundle_case",
      targetId: row.id,
      summary: `提交一件事（${row.number}），同时提交 ${first.length} 个事项`,
    });
    return next;
  });
  await reconcile(deps, row.id);
  return view(deps, (await loadOwn(deps, actor, submitted.id)) ?? submitted);
}

export function bundleMaterialFor(definition: BundleDefinition, itemKey: string, materialKey: string) {
  return definition.materials.find((m) => m.maps.some((x) => x.itemKey === itemKey && x.materialKey === materialKey));
}

export function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
