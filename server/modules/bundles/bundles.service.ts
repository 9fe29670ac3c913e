import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import {
  BUNDLE_CASE_STATUS_LABELS,
  type BundleCaseStatus,
  CASE_STATUS_LABELS,
  type CaseStatus,
  type LimitUnit,
} from "../../../common/vocabulary.js";
import { type AuditActor, appendAudit, systemActor } from "../../platform/audit.js";
import { type Actor, auditActorOf } from "../../platform/auth.js";
import {
  addCalendarDays,
  addWorkingDays,
  type DateResult,
  todayInChina,
  type WorkingCalendar,
} from "../../platform/calendar.js";
import { changeEachRow, type DataMigration } from "../../platform/data-migrations.js";
import type { Db } from "../../platform/db.js";
import { AppError, errors } from "../../platform/errors.js";
import type { Events } from "../../platform/events.js";
import type { FileStore } from "../../platform/files.js";
import { files } from "../../platform/files.tables.js";
import type { FormSealer, FormValues } from "../../platform/sealed-form.js";
import type { CalendarService } from "../calendar/index.js";
import { type CaseRow, type CasesService, caseStatusChanged, cases } from "../cases/index.js";
import { type ItemContent, itemVersions, validateFormSubmission } from "../catalog/index.js";
import type { NotificationsService } from "../notifications/index.js";
import type { OrgService } from "../orgs/index.js";
import type { RatingsService } from "../ratings/index.js";
import type { BundleCaseView, BundleDefinition } from "./bundles.contract.js";
import { createBundleDefinitions, type Problem, sharedFileKinds } from "./bundles.definitions.js";
import { bundleCaseFacts, bundleCaseLifecycle } from "./bundles.machine.js";
import {
  type BundleCaseRow,
  bundleCases,
  bundleCounters,
  bundleFiles,
  bundleParts,
  bundles,
} from "./bundles.tables.js";

export type BundlesDeps = {
  db: Db;
  events: Events;
  notifications: NotificationsService;
  orgs: OrgService;
  cases: CasesService;
  ratings: RatingsService;
  calendar: CalendarService;
  files: FileStore;
  forms: FormSealer;
  log: { warn(obj: object, msg: string): void };
};

type Part = { key: string; row: CaseRow; content: ItemContent };

/** The parts' statuses that end them. */
const ENDED: CaseStatus[] = ["completed", "refused", "withdrawn", "revoked"];
/** Whoever rates is not named in the audit trail staff read, as for every rating. */
const RATER: AuditActor = { id: null, name: "评价人", orgId: null };

const bundleCaseChanged = () => new AppError("BUNDLE_CASE_CHANGED");

export function createBundlesService(deps: BundlesDeps) {
  const { db } = deps;

  const definitions = createBundleDefinitions(deps);
  const { publishedBundle, materialRequired } = definitions;

  // ---- applying ----

  /** The bundle's answers spread over each item's form through the mapping. */
  function formsOf(definition: BundleDefinition, form: FormValues): Map<string, FormValues> {
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
  function draftProblems(definition: BundleDefinition, form: FormValues): Problem[] {
    return validateFormSubmission(definition.fields, form).filter((p) => {
      const value = form[p.field];
      return value !== undefined && value !== null && value !== "";
    });
  }

  function formInvalid(problems: Problem[]): AppError {
    return new AppError("FORM_INVALID", `申请表有 ${problems.length} 处需要修改：${problems[0]?.message ?? ""}`, {
      errors: problems,
    });
  }

  async function nextNumber(tx: Db): Promise<string> {
    const prefix = `YJS-${todayInChina().replaceAll("-", "")}`;
    const [counter] = await tx
      .insert(bundleCounters)
      .values({ prefix, last: 1 })
      .onConflictDoUpdate({ target: bundleCounters.prefix, set: { last: sql`${bundleCounters.last} + 1` } })
      .returning();
    return `${prefix}-${String(counter?.last ?? 1).padStart(4, "0")}`;
  }

  async function findByKey(applicantId: string, key: string, tx: Db = db) {
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
  async function apply(actor: Actor, bundleId: string, input: { idempotencyKey: string; form: FormValues }) {
    if (actor.kind === "staff") throw errors.forbidden("工作人员不能以自己的名义申请一件事");
    const existing = await findByKey(actor.userId, input.idempotencyKey);
    if (existing) return view(existing);
    const bundle = await publishedBundle(bundleId);
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
      if (!created) return (await findByKey(actor.userId, input.idempotencyKey, tx)) as BundleCaseRow;
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
    return view(row);
  }

  async function loadOwn(actor: Actor, id: string): Promise<BundleCaseRow> {
    const [row] = await db.select().from(bundleCases).where(eq(bundleCases.id, id));
    if (!row || row.applicantId !== actor.userId) throw errors.notFound("一件事申请");
    return row;
  }

  async function loadOwnDraft(actor: Actor, id: string, revision?: number): Promise<BundleCaseRow> {
    const row = await loadOwn(actor, id);
    if (row.status !== "draft") {
      throw new AppError("BUNDLE_CASE_SUBMITTED");
    }
    if (revision !== undefined && row.revision !== revision) throw bundleCaseChanged();
    return row;
  }

  async function partsOf(bundleCaseId: string, tx: Db = db): Promise<Part[]> {
    const rows = await tx
      .select({ key: bundleParts.key, row: cases, content: itemVersions.content })
      .from(bundleParts)
      .innerJoin(cases, eq(cases.id, bundleParts.caseId))
      .innerJoin(itemVersions, eq(itemVersions.id, cases.itemVersionId))
      .where(eq(bundleParts.bundleCaseId, bundleCaseId));
    return rows;
  }

  async function saveForm(actor: Actor, id: string, input: { revision: number; form: FormValues }) {
    const row = await loadOwnDraft(actor, id, input.revision);
    const problems = draftProblems(row.definition, input.form);
    if (problems.length) throw formInvalid(problems);
    const parts = await partsOf(row.id);
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
    return view(saved);
  }

  /** File kinds every mapped material accepts. */
  /** One upload serves every item that needs it: the same stored file is attached to each mapped part. */
  async function addMaterial(
    actor: Actor,
    id: string,
    materialKey: string,
    file: { name: string; mimeType: string; data: Buffer },
  ) {
    const row = await loadOwnDraft(actor, id);
    const material = row.definition.materials.find((m) => m.key === materialKey);
    if (!material) throw errors.validation(`这件事没有“${materialKey}”这项材料`);
    const parts = await partsOf(row.id);
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
    return view(await loadOwn(actor, id));
  }

  async function removeMaterial(actor: Actor, id: string, fileId: string) {
    const row = await loadOwnDraft(actor, id);
    const parts = await partsOf(row.id);
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
    return view(await loadOwn(actor, id));
  }

  /**
   * Submits the whole bundle: every part is checked first (so a waiting part can start later without the applicant),
   * then the parts that wait for nothing are submitted, in one transaction.
   */
  async function submit(actor: Actor, id: string, revision: number) {
    const row = await loadOwn(actor, id);
    bundleCaseLifecycle.assertAllowed("submit", bundleCaseFacts(row, 0));
    if (row.revision !== revision) throw bundleCaseChanged();
    const def = row.definition;
    const problems: Problem[] = validateFormSubmission(def.fields, deps.forms.open(row.form));
    const parts = await partsOf(row.id);
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
    await reconcile(row.id);
    return view((await loadOwn(actor, submitted.id)) ?? submitted);
  }

  function bundleMaterialFor(definition: BundleDefinition, itemKey: string, materialKey: string) {
    return definition.materials.find((m) => m.maps.some((x) => x.itemKey === itemKey && x.materialKey === materialKey));
  }

  function dedupe(problems: Problem[]): Problem[] {
    const seen = new Set<string>();
    return problems.filter((p) => {
      const key = `${p.field}|${p.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  // ---- progress ----

  const failedWord = (row: CaseRow): string | null => {
    if (row.status === "refused") return "不予受理";
    if (row.status === "withdrawn") return "已撤回";
    if (row.status === "revoked") return "准予决定被撤销";
    if (row.decision === "denied") return "未获准予";
    return null;
  };
  const granted = (row: CaseRow) => row.status === "completed" && row.decision === "granted";
  const undecided = (row: CaseRow) => row.status === "draft" || (!ENDED.includes(row.status) && row.decision === null);

  /** What the bundle as a whole is, from its parts. */
  function statusOf(definition: BundleDefinition, parts: Part[]): BundleCaseStatus {
    const failed = parts.filter((p) => failedWord(p.row));
    if (definition.onDenial === "stop" && failed.length) return "stopped";
    if (!parts.every((p) => ENDED.includes(p.row.status))) return "processing";
    if (failed.length === 0) return "completed";
    return parts.some((p) => granted(p.row)) ? "partial" : "stopped";
  }

  /**
   * Moves a bundle case on from its parts' states: starts each waiting part whose predecessor is granted and
   * completed, ends what a refused, denied, withdrawn or revoked part makes pointless (all undecided parts when the
   * bundle stops; the parts waiting on it when the others continue), and sets the bundle's status. Idempotent: it
   * runs under a row lock on the bundle case, and each part changes by compare-and-set, so two at once never start a
   * part twice.
   */
  async function reconcile(bundleCaseId: string): Promise<void> {
    const afterCommit: (() => Promise<void>)[] = [];
    for (let round = 0; round < 30; round++) {
      let acted = false;
      try {
        acted = await db.transaction(async (tx) => {
          const [bundleCase] = await tx
            .select()
            .from(bundleCases)
            .where(eq(bundleCases.id, bundleCaseId))
            .for("update");
          if (!bundleCase || bundleCase.status === "draft") return false;
          const def = bundleCase.definition;
          const parts = await partsOf(bundleCase.id, tx);
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
            afterCommit.push(() =>
              deps.notifications.tell({ userId: bundleCase.applicantId, caseId: null, text: text }),
            );
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
  async function withdraw(actor: Actor, id: string, input: { revision: number; reason: string }) {
    const row = await loadOwn(actor, id);
    const by = auditActorOf(actor);
    await db.transaction(async (tx) => {
      const [locked] = await tx.select().from(bundleCases).where(eq(bundleCases.id, row.id)).for("update");
      if (!locked || locked.revision !== input.revision) throw bundleCaseChanged();
      const open = (await partsOf(row.id, tx)).filter((part) => undecided(part.row));
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
    await reconcile(row.id);
    return getMine(actor, id);
  }

  function endingText(status: BundleCaseStatus, name: string, number: string): string {
    if (status === "completed") {
      return `您申请的“${name}”（${number}）已全部办结，可在“我的一件事”中查看全部办理结果，并对整件事进行一次评价。`;
    }
    if (status === "partial") {
      return `您申请的“${name}”（${number}）已办结，其中部分事项未获准予，详情和办理结果请在“我的一件事”中查看，并可对整件事进行一次评价。`;
    }
    return `您申请的“${name}”（${number}）已终止办理，原因和各事项情况请在“我的一件事”中查看。`;
  }

  // A part's change moves its bundle on; reconcile is idempotent, so a redelivered event changes nothing.
  deps.events.subscribe(caseStatusChanged, "bundles", async ({ bundleCaseId }) => {
    if (bundleCaseId) await reconcile(bundleCaseId);
  });

  // ---- the applicant's one view ----

  function addLimit(from: string, limit: { days: number; unit: LimitUnit }, calendar: WorkingCalendar): DateResult {
    return limit.unit === "calendar"
      ? addCalendarDays(from, limit.days, calendar)
      : addWorkingDays(from, limit.days, calendar);
  }

  /**
   * Each part's due date: the promised date of a running part; for a part not yet accepted, today plus its promised
   * limit; for a waiting part, its predecessor's date plus its own limit. The bundle's is the latest of those not ended.
   */
  function duesOf(def: BundleDefinition, parts: Part[], calendar: WorkingCalendar) {
    const today = todayInChina();
    const byKey = new Map(parts.map((p) => [p.key, p]));
    const afterOf = new Map(def.items.map((i) => [i.key, i.after]));
    const memo = new Map<string, { date: string | null; estimated: boolean; provisional: boolean }>();
    const dueOf = (key: string, depth = 0): { date: string | null; estimated: boolean; provisional: boolean } => {
      const known = memo.get(key);
      if (known) return known;
      const part = byKey.get(key);
      let result: { date: string | null; estimated: boolean; provisional: boolean };
      if (!part || ENDED.includes(part.row.status) || part.row.decision) {
        result = { date: part?.row.promisedDue ?? null, estimated: false, provisional: false };
      } else if (part.row.promisedDue) {
        result = { date: part.row.promisedDue, estimated: false, provisional: false };
      } else {
        const before = afterOf.get(key);
        const predecessor = before && part.row.status === "draft" && depth < 20 ? dueOf(before, depth + 1) : null;
        const predecessorPart = before ? byKey.get(before) : undefined;
        const from =
          predecessor?.date &&
          predecessorPart &&
          !ENDED.includes(predecessorPart.row.status) &&
          predecessor.date > today
            ? predecessor.date
            : today;
        const added = addLimit(from, part.content.promisedLimit, calendar);
        result = { date: added.date, estimated: true, provisional: added.provisional || !!predecessor?.provisional };
      }
      memo.set(key, result);
      return result;
    };
    for (const key of byKey.keys()) dueOf(key);
    return memo;
  }

  async function view(row: BundleCaseRow): Promise<BundleCaseView> {
    const def = row.definition;
    const parts = await partsOf(row.id);
    const partByKey = new Map(parts.map((p) => [p.key, p]));
    const names = await deps.orgs.displayNames([...new Set(parts.map((p) => p.row.orgId))]);
    const calendar = await deps.calendar.workingCalendar();
    const dues = duesOf(def, parts, calendar);
    const labels = new Map(def.items.map((i) => [i.key, i.label]));
    const uploaded = await db
      .select({ key: bundleFiles.materialKey, fileId: files.id, name: files.name, size: files.size })
      .from(bundleFiles)
      .innerJoin(files, eq(files.id, bundleFiles.fileId))
      .where(eq(bundleFiles.bundleCaseId, row.id))
      .orderBy(asc(bundleFiles.createdAt));
    const open = def.items.filter((i) => {
      const part = partByKey.get(i.key);
      return part && !ENDED.includes(part.row.status) && !part.row.decision;
    });
    const openDues = open.map((i) => dues.get(i.key)).filter((d) => d?.date);
    const dueDate = openDues.reduce<string | null>(
      (latest, d) => (d?.date && (!latest || d.date > latest) ? d.date : latest),
      null,
    );
    const ended = row.status === "completed" || row.status === "partial" || row.status === "stopped";
    return {
      id: row.id,
      number: row.number,
      bundleId: row.bundleId,
      name: await nameOf(row.bundleId),
      status: row.status,
      statusLabel: BUNDLE_CASE_STATUS_LABELS[row.status],
      dueDate: ended ? null : dueDate,
      dueEstimated: openDues.some((d) => d?.estimated || d?.provisional),
      createdAt: row.createdAt.toISOString(),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      endedAt: row.endedAt?.toISOString() ?? null,
      onDenial: def.onDenial,
      revision: row.revision,
      // Only the applicant reads a bundle case: whole while it is a draft they edit, masked afterwards.
      form: deps.forms.view(def.fields, row.form, row.status === "draft"),
      // Only its applicant reads a bundle case.
      actions: bundleCaseLifecycle.ownerActionsFor(
        bundleCaseFacts(row, parts.filter((part) => undecided(part.row)).length),
      ),
      fields: def.fields.map(({ maps: _maps, ...field }) => field),
      materials: def.materials.map((m) => ({
        key: m.key,
        name: m.name,
        notes: m.notes,
        required: materialRequired(m, (key) => partByKey.get(key)?.content),
        files: uploaded.filter((u) => u.key === m.key).map((u) => ({ fileId: u.fileId, name: u.name, size: u.size })),
      })),
      parts: def.items.flatMap((item) => {
        const part = partByKey.get(item.key);
        if (!part) return [];
        const due = dues.get(item.key);
        const r = part.row;
        const waiting = r.status === "draft" && row.status === "processing";
        let statusLabel = CASE_STATUS_LABELS[r.status];
        if (r.status === "draft") {
          statusLabel = waiting && item.after ? `等待前序事项办结（${labels.get(item.after)}）` : "待提交";
        } else if (r.decision === "denied") {
          statusLabel = `未获准予（${statusLabel}）`;
        }
        return [
          {
            key: item.key,
            label: item.label,
            itemName: part.content.name,
            orgName: names.get(r.orgId) ?? "",
            caseId: r.id,
            caseNumber: r.number,
            status: r.status,
            statusLabel,
            after: item.after,
            dueDate: due?.date ?? null,
            estimated: due?.estimated ?? false,
            decision: r.decision,
            result: r.result,
          },
        ];
      }),
      results: def.items.flatMap((item) => {
        const part = partByKey.get(item.key);
        if (!part?.row.result) return [];
        return [
          {
            key: item.key,
            itemName: part.content.name,
            orgName: names.get(part.row.orgId) ?? "",
            caseId: part.row.id,
            name: part.row.result.name,
            number: part.row.result.number,
          },
        ];
      }),
      rating: {
        open: ended && row.ratedAt === null && parts.some((p) => p.row.status === "completed"),
        ratedAt: row.ratedAt?.toISOString() ?? null,
      },
    };
  }

  async function nameOf(bundleId: string): Promise<string> {
    const [bundle] = await db.select({ name: bundles.name }).from(bundles).where(eq(bundles.id, bundleId));
    return bundle?.name ?? "";
  }

  async function getMine(actor: Actor, id: string) {
    return view(await loadOwn(actor, id));
  }

  async function listMine(actor: Actor) {
    const rows = await db
      .select()
      .from(bundleCases)
      .where(eq(bundleCases.applicantId, actor.userId))
      .orderBy(desc(bundleCases.createdAt))
      .limit(200);
    const views = await Promise.all(rows.map((r) => view(r)));
    return views.map((v) => ({
      id: v.id,
      number: v.number,
      bundleId: v.bundleId,
      name: v.name,
      status: v.status,
      statusLabel: v.statusLabel,
      dueDate: v.dueDate,
      createdAt: v.createdAt,
      submittedAt: v.submittedAt,
      endedAt: v.endedAt,
    }));
  }

  // ---- one rating for the bundle ----

  async function rate(
    actor: Actor,
    id: string,
    input: { scores: Record<string, number>; comment: string; channel: "web" | "mobile" | "kiosk" },
  ) {
    const row = await loadOwn(actor, id);
    if (row.ratedAt) throw new AppError("RATING_EXISTS");
    if (!(row.status === "completed" || row.status === "partial" || row.status === "stopped")) {
      throw new AppError("RATING_NOT_OPEN");
    }
    const parts = await partsOf(row.id);
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
    return view(await loadOwn(actor, id));
  }

  /** Bundle cases whose forms were stored before personal answers were sealed, sealed now (once, at start). */
  const sealStoredForms: DataMigration = {
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

  return {
    dataMigrations: [sealStoredForms],
    create: definitions.create,
    insert: definitions.insert,
    update: definitions.update,
    publish: definitions.publish,
    listAdmin: definitions.listAdmin,
    getAdmin: definitions.getAdmin,
    listPublished: definitions.listPublished,
    guide: definitions.guide,
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
  };
}

export type BundlesService = ReturnType<typeof createBundlesService>;
