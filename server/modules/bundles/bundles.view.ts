import { asc, desc, eq } from "drizzle-orm";
import { BUNDLE_CASE_STATUS_LABELS, CASE_STATUS_LABELS, type LimitUnit } from "../../../common/vocabulary.js";
import type { Actor } from "../../platform/auth.js";
import {
  addCalendarDays,
  addWorkingDays,
  type DateResult,
  todayInChina,
  type WorkingCalendar,
} from "../../platform/calendar.js";
import { files } from "../../platform/files.tables.js";
import { type BundleCaseDeps, ENDED, type Part } from "./bundles.context.js";
import type { BundleCaseView, BundleDefinition } from "./bundles.contract.js";
import { loadOwn, partsOf, undecided } from "./bundles.loading.js";
import { bundleCaseFacts, bundleCaseLifecycle } from "./bundles.machine.js";
import { materialRequired } from "./bundles.rules.js";
import { type BundleCaseRow, bundleCases, bundleFiles, bundles } from "./bundles.tables.js";

export function addLimit(
  from: string,
  limit: { days: number; unit: LimitUnit },
  calendar: WorkingCalendar,
): DateResult {
  return limit.unit === "calendar"
    ? addCalendarDays(from, limit.days, calendar)
    : addWorkingDays(from, limit.days, calendar);
}

/**
 * Each part's due date: the promised date of a running part; for a part not yet accepted, today plus its promised
 * limit; for a waiting part, its predecessor's date plus its own limit. The bundle's is the latest of those not ended.
 */
export function duesOf(_deps: BundleCaseDeps, def: BundleDefinition, parts: Part[], calendar: WorkingCalendar) {
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
        predecessor?.date && predecessorPart && !ENDED.includes(predecessorPart.row.status) && predecessor.date > today
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

export async function view(deps: BundleCaseDeps, row: BundleCaseRow): Promise<BundleCaseView> {
  const { db } = deps;
  const def = row.definition;
  const parts = await partsOf(deps, row.id);
  const partByKey = new Map(parts.map((p) => [p.key, p]));
  const names = await deps.orgs.displayNames([...new Set(parts.map((p) => p.row.orgId))]);
  const calendar = await deps.calendar.workingCalendar();
  const dues = duesOf(deps, def, parts, calendar);
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
    name: await nameOf(deps, row.bundleId),
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

export async function nameOf(deps: BundleCaseDeps, bundleId: string): Promise<string> {
  const { db } = deps;
  const [bundle] = await db.select({ name: bundles.name }).from(bundles).where(eq(bundles.id, bundleId));
  return bundle?.name ?? "";
}

export async function getMine(deps: BundleCaseDeps, actor: Actor, id: string) {
  return view(deps, await loadOwn(deps, actor, id));
}

export async function listMine(deps: BundleCaseDeps, actor: Actor) {
  const { db } = deps;
  const rows = await db
    .select()
    .from(bundleCases)
    .where(eq(bundleCases.applicantId, actor.userId))
    .orderBy(desc(bundleCases.createdAt))
    .limit(200);
  const views = await Promise.all(rows.map((r) => view(deps, r)));
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
